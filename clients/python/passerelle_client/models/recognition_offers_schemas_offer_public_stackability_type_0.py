from enum import StrEnum


class RecognitionOffersSchemasOfferPublicStackabilityType0(StrEnum):
    STACKABLE = "stackable"
    STAND_ALONE = "stand_alone"

    def __str__(self) -> str:
        return str(self.value)
