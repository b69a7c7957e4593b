"""The normalised summary every credential format is read into.

One shape for EDC/ELM, Open Badges 3.0, CLR 2.0, plain VCs, SD-JWT VC and ELMO, built around the elements of
Annex I of the Council Recommendation on micro-credentials (2022/C 243/02): 11 mandatory and 5 optional elements
(`ANNEX_I_MANDATORY`, `ANNEX_I_OPTIONAL`). Each parser fills what its document carries and nothing else; an element
the document does not carry stays empty and is listed in `missing`. Parsers never invent or infer values (an EQF
level is never guessed from a title); conversions (credits to ECTS, national levels to EQF) belong to
`recognition`, which keeps the original values next to the converted ones.

The summary is stored as JSON on the credential (`Credential.summary`, `model_dump(mode="json", exclude_none=True)`)
and its top-level keys are the field names a learner can release in a share.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from core.i18n import N_

SUMMARY_SCHEMA_VERSION = 2

AnnexElement = Literal[
    "learner",
    "title",
    "issuer_country",
    "awarding_body",
    "issued_on",
    "learning_outcomes",
    "workload",
    "level",
    "assessment_type",
    "participation",
    "quality_assurance",
    "prerequisites",
    "supervision",
    "grade",
    "stackability",
    "further_information",
]

# Annex I, mandatory elements 1-11, in the Recommendation's order.
ANNEX_I_MANDATORY: tuple[AnnexElement, ...] = (
    "learner",
    "title",
    "issuer_country",
    "awarding_body",
    "issued_on",
    "learning_outcomes",
    "workload",
    "level",
    "assessment_type",
    "participation",
    "quality_assurance",
)
# Annex I, optional elements 1-5.
ANNEX_I_OPTIONAL: tuple[AnnexElement, ...] = (
    "prerequisites",
    "supervision",
    "grade",
    "stackability",
    "further_information",
)

ANNEX_I_LABELS: dict[AnnexElement, str] = {
    "learner": N_("Identification of the learner"),
    "title": N_("Title of the credential"),
    "issuer_country": N_("Country or region of the issuer"),
    "awarding_body": N_("Awarding body"),
    "issued_on": N_("Date of issuing"),
    "learning_outcomes": N_("Learning outcomes"),
    "workload": N_("Notional workload (ECTS credits wherever possible)"),
    "level": N_("Level (EQF, QF-EHEA cycle, national framework)"),
    "assessment_type": N_("Type of assessment"),
    "participation": N_("Form of participation"),
    "quality_assurance": N_("Type of quality assurance"),
    "prerequisites": N_("Prerequisites to enrol"),
    "supervision": N_("Supervision and identity verification during assessment"),
    "grade": N_("Grade achieved"),
    "stackability": N_("Integration and stackability options"),
    "further_information": N_("Further information"),
}

# Summary fields whose values are personal or evaluative enough that a learner should think before sharing them.
SENSITIVE_FIELDS: frozenset[str] = frozenset({"learner", "grade", "achievements"})


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Learner(_Part):
    """Annex I element 1. `identifiers` are what the document states (DIDs, national ids, student numbers)."""

    id: str | None = None
    name: str | None = None
    given_name: str | None = None
    family_name: str | None = None
    date_of_birth: str | None = Field(default=None, description="As stated, ISO 8601 date when possible.")
    identifiers: list[str] = Field(default_factory=list)


class Issuer(_Part):
    """Annex I elements 3 and 4: the awarding body and its country (ISO 3166-1 alpha-2, region when stated)."""

    id: str | None = None
    name: str | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2, upper case.")
    region: str | None = None
    identifiers: list[str] = Field(
        default_factory=list, description="Legal, Erasmus (PIC/SCHAC), DEQAR or other identifiers as stated."
    )
    url: str | None = None


class LearningOutcome(_Part):
    text: str
    esco_uri: str | None = Field(default=None, description="ESCO skill or competence URI when the document gives one.")
    related: list[str] = Field(default_factory=list, description="Other framework URIs (skills, competences).")


class Credits(_Part):
    """A workload as stated. `system` is `ECTS`, `UK`, `SCQF`, `hp`, `US-semester`, … or the document's own label."""

    value: float
    system: str
    hours: float | None = None


class Level(_Part):
    """A level as stated: `framework` is `EQF`, `QF-EHEA` or `NQF` (with `country`); `value` is the label as text."""

    framework: str
    value: str
    country: str | None = None
    uri: str | None = None


class Grade(_Part):
    value: str
    scheme: str | None = Field(default=None, description="Grading scheme as described by the document.")
    distribution: dict[str, float] | None = Field(
        default=None, description="Share of passing grades per grade (ELMO resultDistribution), when carried."
    )


class QualityAssurance(_Part):
    """Annex I element 11. `accreditations` are identifiers or URIs of accreditations and QA reports stated."""

    type: str | None = None
    body: str | None = None
    accreditations: list[str] = Field(default_factory=list)


class Achievement(_Part):
    """One unit of learning inside a credential (an ELMO learning opportunity, an EDC sub-achievement)."""

    title: str
    identifier: str | None = None
    type: str | None = None
    description: str | None = None
    credits: list[Credits] = Field(default_factory=list)
    levels: list[Level] = Field(default_factory=list)
    grade: Grade | None = None
    started_on: str | None = None
    completed_on: str | None = None
    field_of_study: str | None = Field(default=None, description="ISCED-F 2013 code when stated.")
    learning_outcomes: list[LearningOutcome] = Field(default_factory=list)


class LinkedPart(_Part):
    """A credential carried inside this one (a CLR assertion, an ELMO learning opportunity)."""

    title: str | None = None
    format: str
    credential_id: str | None = Field(default=None, description="The wallet credential created for it.")


class Summary(_Part):
    """What a credential says, normalised across formats. Empty fields mean the document did not say."""

    schema_version: int = SUMMARY_SCHEMA_VERSION
    title: str | None = None
    description: str | None = None
    types: list[str] = Field(default_factory=list)
    vct: str | None = Field(default=None, description="SD-JWT VC type.")
    learner: Learner | None = None
    issuer: Issuer | None = None
    issued_on: str | None = Field(default=None, description="Date of issuing (ISO 8601 as stated).")
    awarded_on: str | None = None
    valid_from: str | None = None
    valid_until: str | None = None
    learning_outcomes: list[LearningOutcome] = Field(default_factory=list)
    credits: list[Credits] = Field(default_factory=list)
    levels: list[Level] = Field(default_factory=list)
    field_of_study: str | None = Field(default=None, description="ISCED-F 2013 code when stated.")
    grade: Grade | None = None
    assessment_type: str | None = None
    participation: str | None = Field(default=None, description="online, onsite, blended, … as stated.")
    quality_assurance: QualityAssurance | None = None
    prerequisites: str | None = None
    supervision: str | None = None
    stackability: str | None = None
    further_information: str | None = None
    language: str | None = Field(default=None, description="Language of instruction or of the document (BCP 47).")
    achievements: list[Achievement] = Field(default_factory=list)
    parts: list[LinkedPart] = Field(default_factory=list)
    disclosable: list[str] = Field(
        default_factory=list, description="SD-JWT VC: claim names the holder can choose to disclose or withhold."
    )
    missing: list[AnnexElement] = Field(
        default_factory=list, description="Annex I elements the document did not carry."
    )

    def with_missing(self, **update: object) -> Summary:
        """This summary (with `update`'s fields changed) with `missing` listing every Annex I element it leaves
        empty: one copy."""
        summary = self.model_copy(update=update) if update else self
        return summary.model_copy(update={"missing": summary.missing_elements()})

    def missing_elements(self) -> list[AnnexElement]:
        present = annex_i_present(self)
        return [element for element in (*ANNEX_I_MANDATORY, *ANNEX_I_OPTIONAL) if not present[element]]

    def stored(self) -> dict[str, object]:
        """The JSON kept on the credential row (with `missing` computed afresh)."""
        stored = self.model_dump(mode="json", exclude_none=True, exclude_defaults=False)
        stored["missing"] = self.missing_elements()
        return stored


def annex_i_present(summary: Summary) -> dict[AnnexElement, bool]:
    """For each Annex I element, whether the summary carries a value for it."""
    learner = summary.learner
    issuer = summary.issuer
    achievements = summary.achievements
    return {
        "learner": learner is not None and bool(learner.id or learner.name or learner.identifiers),
        "title": bool(summary.title),
        "issuer_country": issuer is not None and bool(issuer.country),
        "awarding_body": issuer is not None and bool(issuer.name or issuer.id),
        "issued_on": bool(summary.issued_on or summary.awarded_on),
        "learning_outcomes": bool(summary.learning_outcomes) or any(a.learning_outcomes for a in achievements),
        "workload": bool(summary.credits) or any(a.credits for a in achievements),
        "level": bool(summary.levels) or any(a.levels for a in achievements),
        "assessment_type": bool(summary.assessment_type),
        "participation": bool(summary.participation),
        "quality_assurance": summary.quality_assurance is not None
        and bool(
            summary.quality_assurance.type or summary.quality_assurance.body or summary.quality_assurance.accreditations
        ),
        "prerequisites": bool(summary.prerequisites),
        "supervision": bool(summary.supervision),
        "grade": summary.grade is not None or any(a.grade is not None for a in achievements),
        "stackability": bool(summary.stackability),
        "further_information": bool(summary.further_information),
    }
