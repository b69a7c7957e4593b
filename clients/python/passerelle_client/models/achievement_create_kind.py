from enum import StrEnum


class AchievementCreateKind(StrEnum):
    MICRO_CREDENTIAL = "micro_credential"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
