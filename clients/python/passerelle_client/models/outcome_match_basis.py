from enum import StrEnum


class OutcomeMatchBasis(StrEnum):
    ESCO_URI = "esco_uri"
    RELATED_URI = "related_uri"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
