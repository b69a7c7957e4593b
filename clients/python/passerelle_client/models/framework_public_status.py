from enum import StrEnum


class FrameworkPublicStatus(StrEnum):
    BELIEVED = "believed"
    PARTLY_VERIFIED = "partly verified"
    VERIFIED = "verified"

    def __str__(self) -> str:
        return str(self.value)
