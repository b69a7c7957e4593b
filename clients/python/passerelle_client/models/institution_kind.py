from enum import StrEnum


class InstitutionKind(StrEnum):
    ADULT_EDUCATION = "adult_education"
    CHAMBER = "chamber"
    EMPLOYER = "employer"
    MUNICIPALITY = "municipality"
    NGO = "ngo"
    OTHER = "other"
    PUBLIC_EMPLOYMENT_SERVICE = "public_employment_service"
    UNIVERSITY = "university"
    VET_SCHOOL = "vet_school"

    def __str__(self) -> str:
        return str(self.value)
