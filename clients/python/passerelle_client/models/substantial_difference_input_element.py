from enum import StrEnum


class SubstantialDifferenceInputElement(StrEnum):
    LEARNING_OUTCOMES = "learning_outcomes"
    LEVEL = "level"
    OTHER = "other"
    PROFILE = "profile"
    QUALITY = "quality"
    WORKLOAD = "workload"

    def __str__(self) -> str:
        return str(self.value)
