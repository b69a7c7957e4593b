from enum import StrEnum


class AccountUpdateLanguageType0(StrEnum):
    AR = "ar"
    DE = "de"
    EN = "en"
    ES = "es"
    FR = "fr"
    IT = "it"
    PL = "pl"
    UK = "uk"

    def __str__(self) -> str:
        return str(self.value)
