from enum import StrEnum


class CreditRuleCorrectionStatusType0(StrEnum):
    BELIEVED = "believed"
    PARTLY_VERIFIED = "partly verified"
    VERIFIED = "verified"

    def __str__(self) -> str:
        return str(self.value)
