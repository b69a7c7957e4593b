from enum import StrEnum


class ChangeIssuedCredentialStateAction(StrEnum):
    REINSTATE = "reinstate"
    REVOKE = "revoke"
    SUSPEND = "suspend"

    def __str__(self) -> str:
        return str(self.value)
