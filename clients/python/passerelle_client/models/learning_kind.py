from enum import StrEnum


class LearningKind(StrEnum):
    INFORMAL = "informal"
    NON_FORMAL = "non_formal"

    def __str__(self) -> str:
        return str(self.value)
