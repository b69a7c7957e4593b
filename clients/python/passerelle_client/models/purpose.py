from enum import StrEnum


class Purpose(StrEnum):
    CREDIT_TRANSFER = "credit_transfer"
    EMPLOYMENT = "employment"
    FURTHER_STUDY = "further_study"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
