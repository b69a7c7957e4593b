from enum import StrEnum


class GetTransactionLogTypeType0Item(StrEnum):
    RECEIVED = "received"
    REVEALED = "revealed"
    SHARED = "shared"
    VERIFIED = "verified"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
