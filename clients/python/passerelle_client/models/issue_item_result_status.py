from enum import StrEnum


class IssueItemResultStatus(StrEnum):
    DELIVERED = "delivered"
    DUPLICATE = "duplicate"
    INVITED = "invited"
    OFFERED = "offered"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
