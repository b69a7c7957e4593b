from enum import StrEnum


class SubstantialDifferenceOutputElement(StrEnum):
    LEARNING_OUTCOMES = "learning_outcomes"
    LEVEL = "level"
    OTHER = "other"
    PROFILE = "profile"
    QUALITY = "quality"
    WORKLOAD = "workload"

    def __str__(self) -> str:
        return str(self.value)
