from enum import StrEnum


class AchievementPublicStackabilityType0(StrEnum):
    STACKABLE = "stackable"
    STAND_ALONE = "stand_alone"

    def __str__(self) -> str:
        return str(self.value)
