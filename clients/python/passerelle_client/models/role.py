from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    INSTITUTION = "institution"
    LEARNER = "learner"
    OFFICER = "officer"

    def __str__(self) -> str:
        return str(self.value)
