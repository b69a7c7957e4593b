from enum import StrEnum


class OfferUpdateStackabilityType0(StrEnum):
    STACKABLE = "stackable"
    STAND_ALONE = "stand_alone"

    def __str__(self) -> str:
        return str(self.value)
