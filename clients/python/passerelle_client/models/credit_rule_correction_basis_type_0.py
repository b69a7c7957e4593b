from enum import StrEnum


class CreditRuleCorrectionBasisType0(StrEnum):
    CONVENTION = "convention"
    HOURS = "hours"
    IDENTITY = "identity"
    LAW = "law"

    def __str__(self) -> str:
        return str(self.value)
