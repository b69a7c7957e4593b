from enum import StrEnum


class PacketLevelsQfEheaCyclesItem(StrEnum):
    FIRST = "first"
    SECOND = "second"
    SHORT = "short"
    THIRD = "third"

    def __str__(self) -> str:
        return str(self.value)
