from enum import StrEnum


class UncoveredOutcomeNearestBasisType0(StrEnum):
    ESCO_URI = "esco_uri"
    RELATED_URI = "related_uri"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
