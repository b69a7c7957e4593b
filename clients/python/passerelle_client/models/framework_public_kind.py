from enum import StrEnum


class FrameworkPublicKind(StrEnum):
    META = "meta"
    NATIONAL = "national"

    def __str__(self) -> str:
        return str(self.value)
