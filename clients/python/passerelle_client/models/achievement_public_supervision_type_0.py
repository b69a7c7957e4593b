from enum import StrEnum


class AchievementPublicSupervisionType0(StrEnum):
    SUPERVISED_NO_ID_CHECK = "supervised_no_id_check"
    SUPERVISED_WITH_ID_CHECK = "supervised_with_id_check"
    UNSUPERVISED_NO_ID_CHECK = "unsupervised_no_id_check"

    def __str__(self) -> str:
        return str(self.value)
