from enum import StrEnum


class SummaryMissingItem(StrEnum):
    ASSESSMENT_TYPE = "assessment_type"
    AWARDING_BODY = "awarding_body"
    FURTHER_INFORMATION = "further_information"
    GRADE = "grade"
    ISSUED_ON = "issued_on"
    ISSUER_COUNTRY = "issuer_country"
    LEARNER = "learner"
    LEARNING_OUTCOMES = "learning_outcomes"
    LEVEL = "level"
    PARTICIPATION = "participation"
    PREREQUISITES = "prerequisites"
    QUALITY_ASSURANCE = "quality_assurance"
    STACKABILITY = "stackability"
    SUPERVISION = "supervision"
    TITLE = "title"
    WORKLOAD = "workload"

    def __str__(self) -> str:
        return str(self.value)
