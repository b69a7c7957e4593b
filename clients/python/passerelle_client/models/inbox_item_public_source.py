from enum import StrEnum


class InboxItemPublicSource(StrEnum):
    OPENID4VCI = "openid4vci"
    PUSH = "push"

    def __str__(self) -> str:
        return str(self.value)
