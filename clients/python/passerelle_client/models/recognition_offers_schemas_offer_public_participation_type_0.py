from enum import StrEnum


class RecognitionOffersSchemasOfferPublicParticipationType0(StrEnum):
    BLENDED = "blended"
    ONLINE = "online"
    ONSITE = "onsite"

    def __str__(self) -> str:
        return str(self.value)
