from enum import StrEnum


class OpenShareShareLandingRecipient(StrEnum):
    ANYONE = "anyone"
    BODY = "body"
    EMAIL = "email"

    def __str__(self) -> str:
        return str(self.value)
