from enum import StrEnum


class BodyKind(StrEnum):
    EMPLOYER = "employer"
    ENIC_NARIC = "enic_naric"
    OTHER = "other"
    PROFESSIONAL_BODY = "professional_body"
    UNIVERSITY_ADMISSIONS = "university_admissions"

    def __str__(self) -> str:
        return str(self.value)
