from enum import StrEnum


class ElementAssessmentElement(StrEnum):
    LEARNING_OUTCOMES = "learning_outcomes"
    LEVEL = "level"
    PROFILE = "profile"
    QUALITY = "quality"
    WORKLOAD = "workload"

    def __str__(self) -> str:
        return str(self.value)
