from enum import StrEnum


class PrecedentMatch(StrEnum):
    SAME_ISSUER_AND_QUALIFICATION = "same_issuer_and_qualification"
    SAME_LEVEL_AND_FIELD = "same_level_and_field"

    def __str__(self) -> str:
        return str(self.value)
