from enum import StrEnum


class EqfReadingBasis(StrEnum):
    NATIONAL_FRAMEWORK = "national framework"
    STATED = "stated"

    def __str__(self) -> str:
        return str(self.value)
