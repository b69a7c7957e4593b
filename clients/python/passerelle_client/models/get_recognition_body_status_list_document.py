from enum import StrEnum


class GetRecognitionBodyStatusListDocument(StrEnum):
    REVOCATION = "revocation"
    SUSPENSION = "suspension"
    TOKEN = "token"

    def __str__(self) -> str:
        return str(self.value)
