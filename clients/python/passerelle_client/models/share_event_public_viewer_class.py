from enum import StrEnum


class ShareEventPublicViewerClass(StrEnum):
    ANONYMOUS = "anonymous"
    OFFICER = "officer"
    RECIPIENT = "recipient"

    def __str__(self) -> str:
        return str(self.value)
