from enum import StrEnum


class InstitutionCreatedAuthMethod(StrEnum):
    CLIENT_SECRET = "client_secret"
    PRIVATE_KEY_JWT = "private_key_jwt"

    def __str__(self) -> str:
        return str(self.value)
