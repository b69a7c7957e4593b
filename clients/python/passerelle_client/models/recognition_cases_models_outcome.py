from enum import StrEnum


class RecognitionCasesModelsOutcome(StrEnum):
    ALTERNATIVE = "alternative"
    ASSESSMENT = "assessment"
    CONDITIONAL = "conditional"
    DENIAL = "denial"
    FULL = "full"
    PARTIAL = "partial"

    def __str__(self) -> str:
        return str(self.value)
