from enum import StrEnum


class ElementAssessmentFinding(StrEnum):
    GAP = "gap"
    MEETS = "meets"
    PARTLY = "partly"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
