from enum import StrEnum


class RecognitionOffersSchemasOfferPublicEctsBasisType0(StrEnum):
    CREDIT_RULE = "credit_rule"
    ECTS_USERS_GUIDE = "ects_users_guide"
    STATED = "stated"

    def __str__(self) -> str:
        return str(self.value)
