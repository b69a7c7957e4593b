from enum import StrEnum


class CheckName(StrEnum):
    ACCREDITATION = "accreditation"
    FORMAT = "format"
    HOLDER_BINDING = "holder_binding"
    ISSUER_TRUST = "issuer_trust"
    SIGNATURE = "signature"
    STATUS = "status"
    VALIDITY_PERIOD = "validity_period"

    def __str__(self) -> str:
        return str(self.value)
