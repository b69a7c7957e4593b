from enum import StrEnum


class GradingTablePublicCycle(StrEnum):
    FIRST = "first"
    SECOND = "second"
    SHORT = "short"
    THIRD = "third"

    def __str__(self) -> str:
        return str(self.value)
