from enum import StrEnum


class ShareEventPublicEvent(StrEnum):
    CODE_FAILED = "code_failed"
    CODE_SENT = "code_sent"
    DOWNLOAD = "download"
    LANDING = "landing"
    REVEAL = "reveal"
    VERIFICATION = "verification"

    def __str__(self) -> str:
        return str(self.value)
