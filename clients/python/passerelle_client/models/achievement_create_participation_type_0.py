from enum import StrEnum


class AchievementCreateParticipationType0(StrEnum):
    BLENDED = "blended"
    ONLINE = "online"
    ONSITE = "onsite"

    def __str__(self) -> str:
        return str(self.value)
