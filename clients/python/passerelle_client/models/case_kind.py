from enum import StrEnum


class CaseKind(StrEnum):
    QUALIFICATIONS_PASSPORT = "qualifications_passport"
    STANDARD = "standard"

    def __str__(self) -> str:
        return str(self.value)
