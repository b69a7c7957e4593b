"""Request and response models of recognition requests (the learner's side) and cases (the officers' side)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from core.i18n import N_
from core.text import SafeStr
from recognition.cases.models import NEEDS_DIFFERENCES, CaseKind, CaseStatus, Outcome, Purpose
from recognition.caveats import ADVICE_EXPLANATION
from recognition.outcomes import OutcomeCoverage
from wallet.learning.schemas import LearningEntryPublic
from wallet.sharing.schemas import SharedCredential, ShareItemCreate

ShortText = Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
LongText = Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
IscedCode = Annotated[str, StringConstraints(pattern=r"^\d{2,4}$")]
Element = Literal["quality", "level", "workload", "profile", "learning_outcomes", "other"]

OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.FULL: N_("Full recognition"),
    Outcome.PARTIAL: N_("Partial recognition"),
    Outcome.ALTERNATIVE: N_("Alternative recognition"),
    Outcome.CONDITIONAL: N_("Conditional recognition"),
    Outcome.DENIAL: N_("Recognition denied"),
    Outcome.ASSESSMENT: N_("Qualification assessment"),
}
"""English, as the decision credentials state them; the decision notice translates them (core/i18n.py)."""


# ------------------------------------------------------------------------------------------ target qualifications


class OutcomeStatement(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
    esco_uri: Annotated[str, StringConstraints(pattern=r"^https?://\S{1,490}$")] | None = Field(
        default=None, description="ESCO skill or competence URI."
    )


class TargetQualificationCreate(BaseModel):
    """A qualification the body assesses against. Give its national framework and level (resolved to the EQF
    through the frameworks data) or, for a qualification outside any framework held, its EQF level."""

    model_config = ConfigDict(extra="forbid")

    title: ShortText
    country: CountryCode | None = Field(default=None, description="Defaults to the body's country.")
    framework: Annotated[str, StringConstraints(min_length=1, max_length=40)] | None = Field(
        default=None, description="The framework's key or code (`DE-DQR`, `NFQ`); with `level`."
    )
    level: Annotated[str, StringConstraints(min_length=1, max_length=20)] | None = None
    eqf_level: int | None = Field(default=None, ge=1, le=8, description="Only without `framework` and `level`.")
    ects: float | None = Field(default=None, gt=0, le=1000)
    field_of_study: IscedCode | None = Field(default=None, description="ISCED-F 2013 code (2, 3 or 4 digits).")
    learning_outcomes: list[OutcomeStatement] = Field(default_factory=list, max_length=100)

    @model_validator(mode="after")
    def _one_level(self) -> TargetQualificationCreate:
        if (self.framework is None) != (self.level is None):
            raise ValueError("give `framework` and `level` together")
        if self.framework is not None and self.eqf_level is not None:
            raise ValueError("give either a national `framework` and `level` or an `eqf_level`, not both")
        return self


class TargetQualificationPublic(BaseModel):
    id: uuid.UUID
    body_id: uuid.UUID
    title: str
    country: str
    framework: str | None
    level: str | None
    eqf_level: int | None = Field(description="The comparable EQF level (read through the framework when given).")
    ects: float | None
    field_of_study: str | None
    learning_outcomes: list[OutcomeStatement]
    created_at: datetime


# --------------------------------------------------------------------------------------------- the learner's side


class DeclaredQualification(BaseModel):
    """A qualification the learner holds but cannot (fully) document."""

    model_config = ConfigDict(extra="forbid")

    title: ShortText
    institution: ShortText | None = None
    country: CountryCode | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)
    level: ShortText | None = Field(default=None, description="The level as the learner understands it.")
    notes: LongText | None = None


class RecognitionRequestCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    body_id: uuid.UUID
    purpose: Purpose
    kind: CaseKind = Field(
        default=CaseKind.STANDARD,
        description="`qualifications_passport`: an interview-based assessment for people whose documents are "
        "incomplete; the outcome is an assessment document valid five years.",
    )
    target_id: uuid.UUID | None = Field(default=None, description="The body's target qualification, when known.")
    statement: LongText = Field(description="What you ask for and why, in your words.")
    items: list[ShareItemCreate] = Field(
        default_factory=list,
        max_length=20,
        description="The credentials and the fields of each you release to the body's officers.",
    )
    declared: list[DeclaredQualification] = Field(default_factory=list, max_length=10)
    learning_entries: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=20,
        description="Self-recorded learning entries of your wallet to have validated (non-formal and informal "
        "learning). The body's officers see each with its label (self-declared or endorsed), its endorsements and "
        "its evidence files.",
    )

    @model_validator(mode="after")
    def _evidence(self) -> RecognitionRequestCreate:
        if self.kind == CaseKind.STANDARD and not (self.items or self.learning_entries):
            raise ValueError(
                "a recognition request needs at least one credential (`items`) or self-recorded learning entry "
                "(`learning_entries`); without documents, ask for a `qualifications_passport` assessment"
            )
        if self.kind == CaseKind.QUALIFICATIONS_PASSPORT and not (self.items or self.declared or self.learning_entries):
            raise ValueError("declare the qualifications to assess (`declared`) or attach credentials (`items`)")
        return self


class DocumentsAdd(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: list[ShareItemCreate] = Field(default_factory=list, max_length=20)
    learning_entries: list[uuid.UUID] = Field(
        default_factory=list, max_length=20, description="Self-recorded learning entries to attach."
    )
    message: LongText | None = Field(default=None, description="A note to the officers.")

    @model_validator(mode="after")
    def _something(self) -> DocumentsAdd:
        if not (self.items or self.learning_entries):
            raise ValueError("add at least one credential (`items`) or learning entry (`learning_entries`)")
        return self


class AppealCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    grounds: LongText = Field(description="Why the decision should be reviewed.")


class BodyRef(BaseModel):
    id: uuid.UUID
    name: str
    country: str


class SubstantialDifference(BaseModel):
    model_config = ConfigDict(extra="forbid")

    element: Element = Field(description="Which of the five elements (or `other`) the difference is in.")
    description: LongText = Field(description="The difference, and why it is substantial for the purpose.")


class DecisionPublic(BaseModel):
    id: uuid.UUID
    outcome: Outcome
    outcome_label: str
    on_appeal: bool
    recognised_as: str | None
    recognised_part: str | None
    ects_recognised: float | None
    conditions: list[str]
    substantial_differences: list[SubstantialDifference]
    reasons: str
    appeal_route: str
    appeal_deadline: date
    late: bool = Field(description="Decided after the time limit the body announced.")
    based_on_incomplete_evidence: bool
    valid_until: datetime | None
    credential_ids: list[uuid.UUID] = Field(description="The decision credentials in the learner's wallet.")
    decided_at: datetime
    superseded_at: datetime | None = Field(description="Set when a decision on appeal replaced this one.")


class RecognitionRequestPublic(BaseModel):
    """A recognition request as the learner sees it."""

    id: uuid.UUID
    body: BodyRef
    kind: CaseKind
    purpose: Purpose
    target: TargetQualificationPublic | None
    statement: str
    declared: list[DeclaredQualification]
    status: CaseStatus
    share_ids: list[uuid.UUID] = Field(description="The shares that release your documents to the body.")
    learning_entry_ids: list[uuid.UUID] = Field(
        default_factory=list, description="Your self-recorded learning entries attached to the request."
    )
    submitted_at: datetime
    due_at: datetime = Field(description="The body's announced time limit for a decision.")
    overdue: bool
    interview_at: datetime | None
    decided_at: datetime | None
    appeal_deadline: date | None
    decisions: list[DecisionPublic]
    version: int


class RecognitionRequestPage(BaseModel):
    items: list[RecognitionRequestPublic]
    next_cursor: str | None


class CaseEventPublic(BaseModel):
    id: uuid.UUID
    at: datetime
    action: str
    actor_role: str
    actor_id: uuid.UUID | None
    internal: bool = Field(description="An officers' internal note: the learner sees that it exists, not its text.")
    detail: dict[str, Any]


class CaseEventPage(BaseModel):
    items: list[CaseEventPublic]
    next_cursor: str | None


# ------------------------------------------------------------------------------------------- the officers' side


class CaseQueueItem(BaseModel):
    id: uuid.UUID
    kind: CaseKind
    purpose: Purpose
    status: CaseStatus
    learner: str = Field(description="The learner's display name.")
    target_title: str | None
    assigned_officer_id: uuid.UUID | None
    submitted_at: datetime
    due_at: datetime
    overdue: bool


class CaseQueuePage(BaseModel):
    items: list[CaseQueueItem]
    next_cursor: str | None


class CaseDocument(BaseModel):
    share_id: uuid.UUID
    credential: SharedCredential


class CaseView(CaseQueueItem):
    """A case as the body's officers see it: only what the learner released to the body."""

    statement: str
    declared: list[DeclaredQualification]
    target: TargetQualificationPublic | None
    documents: list[CaseDocument] = Field(description="The released fields of each shared credential (active shares).")
    learning_entries: list[LearningEntryPublic] = Field(
        default_factory=list,
        description="Self-recorded learning the learner attached, each labelled `self_declared` or `endorsed`, with "
        "its endorsements and its evidence files (download them through "
        "`/v1/recognition/cases/{case_id}/learning/{entry_id}/evidence/{evidence_id}`).",
    )
    interview_at: datetime | None
    decided_at: datetime | None
    appeal_deadline: date | None
    decisions: list[DecisionPublic]
    version: int


class NoteCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: LongText


class InformationRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message: LongText = Field(description="What the learner should add; the learner reads it.")


class InterviewRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    held_at: datetime
    summary: LongText = Field(description="What the interview established (internal to the body).")


class DecisionCreate(BaseModel):
    """The officer's decision. Partial, conditional and denial must name the substantial differences found (the
    burden of proof lies with the assessor); every decision states its reasons."""

    model_config = ConfigDict(extra="forbid")

    outcome: Outcome
    reasons: LongText
    recognised_as: ShortText | None = Field(default=None, description="Defaults to the target qualification's title.")
    recognised_part: LongText | None = Field(default=None, description="Partial recognition: which part.")
    ects_recognised: float | None = Field(default=None, gt=0, le=1000, description="Partial: how many ECTS.")
    conditions: list[LongText] = Field(default_factory=list, max_length=20)
    substantial_differences: list[SubstantialDifference] = Field(default_factory=list, max_length=20)
    appeal_route: LongText | None = Field(default=None, description="Defaults to the body's appeal route.")

    @model_validator(mode="after")
    def _reasoned(self) -> DecisionCreate:
        if self.outcome in NEEDS_DIFFERENCES and not self.substantial_differences:
            raise ValueError(f"a {self.outcome.value} decision must name the substantial differences found")
        if self.outcome == Outcome.FULL and self.substantial_differences:
            raise ValueError(
                "full recognition means no substantial difference was found; remove them or choose another outcome"
            )
        if self.outcome == Outcome.PARTIAL and self.recognised_part is None and self.ects_recognised is None:
            raise ValueError(
                "a partial decision says which part is recognised (`recognised_part` or `ects_recognised`)"
            )
        if self.outcome == Outcome.CONDITIONAL and not self.conditions:
            raise ValueError("a conditional decision lists its conditions")
        return self


# ------------------------------------------------------------------------------------------------- the advisor

Finding = Literal["meets", "partly", "gap", "unknown"]


class ElementAssessment(BaseModel):
    element: Literal["quality", "level", "workload", "profile", "learning_outcomes"]
    finding: Finding
    message: str = Field(description="The finding in plain words.")
    evidence: dict[str, Any] = Field(description="The values compared, and their sources.")


class AdviceSuggestion(BaseModel):
    outcome: Outcome | None = Field(description="Null when the data cannot support a suggestion.")
    reasons: list[str]
    possible_differences: list[SubstantialDifference] = Field(
        description="Differences the data shows; the officer decides whether they are substantial for the purpose."
    )


class Advice(BaseModel):
    """The advisor's pre-assessment along the five elements. It suggests; the officer decides."""

    case_id: uuid.UUID
    generated_at: datetime
    target: TargetQualificationPublic | None
    credentials: list[str] = Field(description="Titles of the released credentials the advice is based on.")
    elements: list[ElementAssessment]
    learning_outcomes: OutcomeCoverage | None
    suggestion: AdviceSuggestion
    caveat: str
    caveat_explanation: str = Field(
        default=ADVICE_EXPLANATION,
        description="The caveat in plain words. Both follow `Accept-Language` (docs/languages.md).",
    )


class Precedent(BaseModel):
    decision_id: uuid.UUID
    decided_at: datetime
    outcome: Outcome
    on_appeal: bool
    match: Literal["same_issuer_and_qualification", "same_level_and_field"]
    qualification: str | None
    issuer: str | None
    eqf_level: int | None
    field_of_study: str | None
    recognised_as: str | None
    ects_recognised: float | None
    substantial_differences: list[SubstantialDifference]
    reasons: str


class PrecedentList(BaseModel):
    items: list[Precedent]
    basis: dict[str, Any] = Field(description="What was looked for: issuer, qualification, EQF level, field.")
