from enum import StrEnum


class IssueRequestDelivery(StrEnum):
    INBOX = "inbox"
    OFFER = "offer"

    def __str__(self) -> str:
        return str(self.value)
