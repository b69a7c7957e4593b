from enum import StrEnum


class VerificationBasisState(StrEnum):
    NOT_APPLICABLE = "not_applicable"
    NOT_VERIFIED = "not_verified"
    SIGNATURE_NOT_PASSED = "signature_not_passed"
    SIGNATURE_PASSED = "signature_passed"

    def __str__(self) -> str:
        return str(self.value)
