from enum import StrEnum


class CompletenessBasis(StrEnum):
    CREDENTIAL = "credential"
    SUMMARY = "summary"

    def __str__(self) -> str:
        return str(self.value)
