from enum import StrEnum


class Attestation(StrEnum):
    ENDORSED = "endorsed"
    SELF_DECLARED = "self_declared"

    def __str__(self) -> str:
        return str(self.value)
