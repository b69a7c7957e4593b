from enum import StrEnum


class MeasureStatisticsMeasure(StrEnum):
    CREDENTIALS_ACCEPTED = "credentials_accepted"
    CREDENTIALS_ISSUED = "credentials_issued"
    CREDENTIALS_SHARED = "credentials_shared"
    OFFERS_PUBLISHED = "offers_published"
    RECOGNITIONS = "recognitions"

    def __str__(self) -> str:
        return str(self.value)
