from enum import StrEnum


class BatchItemResultStatus(StrEnum):
    DELIVERED = "delivered"
    DUPLICATE = "duplicate"
    INVITED = "invited"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
