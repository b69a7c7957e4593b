from enum import StrEnum


class CreditRulePublicBasis(StrEnum):
    CONVENTION = "convention"
    HOURS = "hours"
    IDENTITY = "identity"
    INSTITUTION_POLICY = "institution policy"
    LAW = "law"

    def __str__(self) -> str:
        return str(self.value)
