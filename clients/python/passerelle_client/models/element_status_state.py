from enum import StrEnum


class ElementStatusState(StrEnum):
    MISSING = "missing"
    PRESENT = "present"
    PRESENT_UNVERIFIABLE = "present_unverifiable"

    def __str__(self) -> str:
        return str(self.value)
