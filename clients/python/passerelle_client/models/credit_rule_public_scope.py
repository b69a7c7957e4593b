from enum import StrEnum


class CreditRulePublicScope(StrEnum):
    INSTITUTION = "institution"
    SHIPPED = "shipped"

    def __str__(self) -> str:
        return str(self.value)
