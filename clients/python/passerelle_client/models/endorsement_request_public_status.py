from enum import StrEnum


class EndorsementRequestPublicStatus(StrEnum):
    ENDORSED = "endorsed"
    EXPIRED = "expired"
    PENDING = "pending"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
