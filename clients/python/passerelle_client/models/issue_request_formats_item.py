from enum import StrEnum


class IssueRequestFormatsItem(StrEnum):
    DCSD_JWT = "dc+sd-jwt"
    VCJWT = "vc+jwt"

    def __str__(self) -> str:
        return str(self.value)
