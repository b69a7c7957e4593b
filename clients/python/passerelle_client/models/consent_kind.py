from enum import StrEnum


class ConsentKind(StrEnum):
    INBOX_ACCEPTANCE = "inbox_acceptance"
    INSTITUTION_FEED = "institution_feed"
    RECOGNITION_REQUEST = "recognition_request"
    SHARE = "share"

    def __str__(self) -> str:
        return str(self.value)
