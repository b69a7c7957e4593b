from enum import StrEnum


class CreditRulePublicStatus(StrEnum):
    BELIEVED = "believed"
    INSTITUTION_POLICY = "institution policy"
    PARTLY_VERIFIED = "partly verified"
    VERIFIED = "verified"

    def __str__(self) -> str:
        return str(self.value)
