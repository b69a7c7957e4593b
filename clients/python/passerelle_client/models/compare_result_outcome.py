from enum import StrEnum


class CompareResultOutcome(StrEnum):
    AMBIGUOUS = "ambiguous"
    COMPARABLE = "comparable"
    NO_EQF_LEVEL = "no_eqf_level"

    def __str__(self) -> str:
        return str(self.value)
