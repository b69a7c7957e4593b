from enum import StrEnum


class AchievementCreateStackabilityType0(StrEnum):
    STACKABLE = "stackable"
    STAND_ALONE = "stand_alone"

    def __str__(self) -> str:
        return str(self.value)
