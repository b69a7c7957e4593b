from enum import StrEnum


class OfferUpdateParticipationType0(StrEnum):
    BLENDED = "blended"
    ONLINE = "online"
    ONSITE = "onsite"

    def __str__(self) -> str:
        return str(self.value)
