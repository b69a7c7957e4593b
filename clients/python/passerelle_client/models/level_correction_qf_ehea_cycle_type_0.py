from enum import StrEnum


class LevelCorrectionQfEheaCycleType0(StrEnum):
    FIRST = "first"
    SECOND = "second"
    SHORT = "short"
    THIRD = "third"

    def __str__(self) -> str:
        return str(self.value)
