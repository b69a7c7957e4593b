from enum import StrEnum


class ShareItemCreateFieldsItem(StrEnum):
    ACHIEVEMENTS = "achievements"
    ASSESSMENT_TYPE = "assessment_type"
    AWARDED_ON = "awarded_on"
    CREDITS = "credits"
    DESCRIPTION = "description"
    FIELD_OF_STUDY = "field_of_study"
    FURTHER_INFORMATION = "further_information"
    GRADE = "grade"
    ISSUED_ON = "issued_on"
    ISSUER = "issuer"
    LANGUAGE = "language"
    LEARNER = "learner"
    LEARNING_OUTCOMES = "learning_outcomes"
    LEVELS = "levels"
    PARTICIPATION = "participation"
    PREREQUISITES = "prerequisites"
    QUALITY_ASSURANCE = "quality_assurance"
    STACKABILITY = "stackability"
    SUPERVISION = "supervision"
    TITLE = "title"
    TYPES = "types"
    VALID_FROM = "valid_from"
    VALID_UNTIL = "valid_until"
    VCT = "vct"

    def __str__(self) -> str:
        return str(self.value)
