from enum import StrEnum


class QualityAssuranceStatusState(StrEnum):
    ACCREDITATION_IN_REGISTRY = "accreditation_in_registry"
    NOT_STATED = "not_stated"
    STATED_BY_ISSUER = "stated_by_issuer"

    def __str__(self) -> str:
        return str(self.value)
