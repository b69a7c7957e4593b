"""Recognition request and response models.

Wording is part of the contract: levels in different countries are a "comparable level", never "equivalent";
conversions keep the original value beside the converted one; grade conversions are "suggested, not official";
Annex I completeness is reported as such, never as recognition.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from core.text import SafeStr
from recognition.caveats import LEVEL_EXPLANATION, STACK_EXPLANATION
from recognition.offers.schemas import OfferSuggestion
from wallet.summary.model import AnnexElement, Summary

Status = Literal["verified", "partly verified", "believed"]
RuleStatus = Literal["verified", "partly verified", "believed", "institution policy"]
Cycle = Literal["short", "first", "second", "third"]
Basis = Literal["identity", "law", "convention", "hours", "institution policy"]

COMPARABLE: Final = "comparable level"
CAVEAT = (
    "A level is one indicator of comparability, not an equivalence: qualifications at a comparable level can differ "
    "in workload, profile, learning outcomes and purpose, and only a competent recognition authority decides on "
    "recognition."
)
COMPLETENESS_STATEMENT = (
    "Completeness against Annex I of the 2022 Council Recommendation on micro-credentials says which standard "
    "elements the credential states; it is not a validation or a recognition of the credential."
)
GRADE_LABEL: Final = "suggested, not official"
STACK_CAVEAT = (
    "Totals show how the credentials add up against the target; whether they may be combined into a qualification "
    "is decided by the institution awarding it."
)

ShortText = Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
LongText = Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Reason = Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=5, max_length=2000)]
SourceURL = Annotated[SafeStr, StringConstraints(strip_whitespace=True, pattern=r"^https?://\S+$", max_length=1000)]
IscedCode = Annotated[str, StringConstraints(pattern=r"^\d{2,4}$")]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ------------------------------------------------------------------------------------------------- frameworks


class FrameworkPublic(BaseModel):
    key: str = Field(description="Stable identifier: `IE-NFQ`, `GB-SCT-SCQF`, `EQF`.")
    code: str = Field(description="The framework's usual short name: `NFQ`, `SCQF`, `DQR`.")
    kind: Literal["meta", "national"]
    country: str | None = Field(description="ISO 3166-1 alpha-2; null for the EQF and the QF-EHEA.")
    jurisdictions: list[str] = Field(description="ISO 3166-1 or 3166-2 codes the framework covers.")
    name_original: str
    name_english: str
    language: str
    legacy: bool = Field(description="A superseded framework, kept because old diplomas still state its levels.")
    eqf_referencing: str | None
    note: str | None
    source_url: str
    as_of: date
    status: Status
    level_count: int


class LevelPublic(BaseModel):
    id: uuid.UUID
    framework: str = Field(description="The framework's key.")
    label: str = Field(description="The level as the framework names it: `4+`, `7.1`, `Entry 3`, `A`, `VI`.")
    aliases: list[str]
    eqf_levels: list[int] = Field(
        description="Empty: no EQF level (below EQF 1). One: the EQF level. Two: the level alone does not decide; "
        "see `decided_by`."
    )
    decided_by: str | None
    qf_ehea_cycle: Cycle | None = Field(
        description="The QF-EHEA cycle of the higher-education qualifications at this level, if any; not every "
        "qualification at the level belongs to it."
    )
    typical_ects: str | None = None
    descriptors: dict[str, str] | None = Field(
        default=None, description="EQF levels only: knowledge, skills, responsibility and autonomy (paraphrased)."
    )
    examples: list[str]
    note: str | None
    source_url: str
    as_of: date
    status: Status


class FrameworkLevels(BaseModel):
    framework: FrameworkPublic
    levels: list[LevelPublic]


class TargetLevels(BaseModel):
    framework: FrameworkPublic
    relation: Literal["comparable level"] = COMPARABLE
    levels: list[LevelPublic] = Field(
        description="The framework's levels referenced to this EQF level (may be several)."
    )
    note: str | None = None


class Reading(BaseModel):
    """One EQF level the source level reads as, and what sits at that EQF level elsewhere."""

    eqf_level: int
    eqf: LevelPublic = Field(description="The EQF level with its descriptors and source.")
    qf_ehea: LevelPublic | None = Field(description="The QF-EHEA cycle at this EQF level, if any.")
    targets: list[TargetLevels]


class CompareSource(BaseModel):
    framework: FrameworkPublic
    level: LevelPublic


class CompareResult(BaseModel):
    """A national level read through the EQF, and the levels of the target country's frameworks at that EQF level."""

    source: CompareSource
    outcome: Literal["comparable", "ambiguous", "no_eqf_level"]
    explanation: str
    decided_by: str | None
    readings: list[Reading]
    target_country: str | None
    caveat: str = CAVEAT
    caveat_explanation: str = Field(
        default=LEVEL_EXPLANATION,
        description="The caveat in plain words. Both follow `Accept-Language` (docs/languages.md).",
    )


# ---------------------------------------------------------------------------------------------------- credits


class CreditRulePublic(BaseModel):
    id: uuid.UUID
    system: str
    scope: Literal["shipped", "institution"]
    institution_id: uuid.UUID | None
    name: str
    aliases: list[str]
    from_units: float
    ects: float
    formula: str = Field(description="The rule in words, e.g. `2 UK = 1 ECTS`.")
    hours_per_unit: float | None
    basis: Basis
    note: str | None
    source_url: str | None
    as_of: date
    status: RuleStatus


class CreditValue(BaseModel):
    value: float
    system: str


class CreditConversionRequest(_Request):
    value: float = Field(gt=0, le=100_000, description="The credits as stated.")
    system: Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)] = Field(
        description="The credit system: `ECTS`, `UK`, `SCQF`, `hp`, `US-semester`, … (codes or their aliases)."
    )
    institution_id: uuid.UUID | None = Field(
        default=None,
        description="Apply this institution's own rule for the system when it has one (an institution's token "
        "applies its own by default).",
    )


class CreditConversion(BaseModel):
    original: CreditValue = Field(description="The value as stated, kept beside the converted one.")
    ects: float
    rule: CreditRulePublic
    note: str = "Converted notional workload; a conversion is not a recognition of the credits."


class CreditRuleCreate(_Request):
    """An institution's own conversion rule for a credit system (its policy wins over the shipped rule)."""

    system: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9-]{1,39}$")]
    name: ShortText | None = Field(default=None, description="Required when the system is not one of the shipped ones.")
    aliases: list[ShortText] = Field(default_factory=list, max_length=10)
    from_units: float = Field(gt=0, le=1000)
    ects: float = Field(gt=0, le=1000)
    hours_per_unit: float | None = Field(default=None, gt=0, le=1000)
    note: LongText | None = None
    source_url: SourceURL | None = None
    institution_id: uuid.UUID | None = Field(
        default=None, description="Administrators only: the institution the rule belongs to."
    )
    reason: Reason = Field(description="Why the institution uses this rule; kept in the audit trail.")


class CreditRuleCorrection(_Request):
    """An administrator's correction of a credit rule; only the fields sent change. `reason` is required."""

    name: ShortText | None = None
    aliases: list[ShortText] | None = Field(default=None, max_length=10)
    from_units: float | None = Field(default=None, gt=0, le=1000)
    ects: float | None = Field(default=None, gt=0, le=1000)
    hours_per_unit: float | None = Field(default=None, gt=0, le=1000)
    basis: Literal["identity", "law", "convention", "hours"] | None = None
    note: LongText | None = None
    source_url: SourceURL | None = None
    as_of: date | None = None
    status: Status | None = None
    reason: Reason


class LevelCorrection(_Request):
    """An administrator's correction of a framework level; only the fields sent change. `reason` is required."""

    eqf_levels: list[Annotated[int, Field(ge=1, le=8)]] | None = Field(default=None, max_length=2)
    decided_by: LongText | None = None
    qf_ehea_cycle: Cycle | None = None
    aliases: list[ShortText] | None = Field(default=None, max_length=10)
    examples: list[ShortText] | None = Field(default=None, max_length=20)
    note: LongText | None = None
    source_url: SourceURL | None = None
    as_of: date | None = None
    status: Status | None = None
    reason: Reason


class ChangePublic(BaseModel):
    id: uuid.UUID
    actor_id: uuid.UUID | None
    actor_role: str
    entity: str
    entity_id: uuid.UUID
    entity_key: str
    action: str
    old_values: dict[str, Any]
    new_values: dict[str, Any]
    reason: str
    created_at: datetime


class ChangePage(BaseModel):
    items: list[ChangePublic]
    next_cursor: str | None = Field(description="Pass as `cursor` to get older changes; null on the last page.")


# ----------------------------------------------------------------------------------------------------- grades


class GradeCount(_Request):
    grade: Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
    count: int = Field(ge=0, le=10_000_000, description="How many times the grade was awarded in the period.")


GradeList = Annotated[list[GradeCount], Field(min_length=2, max_length=100)]


class GradingTableCreate(_Request):
    """A grade distribution for one reference group: passing grades only, best first, as counts."""

    institution_name: ShortText
    scale: Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)] = Field(
        description="The grading scale, e.g. `Dutch 1-10` or `German 1,0-4,0`."
    )
    isced_f: IscedCode = Field(description="The ISCED-F 2013 field of the reference group.")
    cycle: Cycle
    years: list[Annotated[int, Field(ge=1950, le=2100)]] = Field(
        min_length=1, max_length=5, description="The years the counts cover (EGRACONS uses the last 2-3 years)."
    )
    grades: GradeList
    source_note: LongText | None = None
    institution_id: uuid.UUID | None = Field(
        default=None, description="Administrators only: the institution the table belongs to."
    )


class GradingTablePublic(BaseModel):
    id: uuid.UUID
    institution_id: uuid.UUID
    institution_name: str
    scale: str
    isced_f: str
    cycle: Cycle
    years: list[int]
    grades: list[dict[str, Any]]
    total: int
    source_note: str | None
    created_at: datetime


class GradingTableRef(_Request):
    """A stored table (`table_id`) or a distribution given inline (`grades`, e.g. from an ELMO transcript)."""

    table_id: uuid.UUID | None = None
    grades: GradeList | None = None
    scale: ShortText | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> GradingTableRef:
        if (self.table_id is None) == (self.grades is None):
            raise ValueError("give either `table_id` or `grades`")
        return self


class GradeConversionRequest(_Request):
    grade: Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
    foreign: GradingTableRef = Field(description="The table of the institution that awarded the grade.")
    home: GradingTableRef = Field(description="The table of the institution converting it.")


class GradeBand(BaseModel):
    grade: str
    count: int
    percent: float = Field(description="Share of all passing grades awarded, in percent.")
    from_percent: float = Field(description="Where the band starts, counted from the best grade (0).")
    to_percent: float


class HomeBand(GradeBand):
    overlap_percent: float = Field(description="Percentage points shared with the foreign grade's band.")
    share_of_foreign_band: float = Field(description="The overlap as a share (0-1) of the foreign grade's band.")


class GradeConversion(BaseModel):
    grade: str
    suggested: list[str] = Field(description="The home grade(s) whose band overlaps the foreign band most.")
    label: Literal["suggested, not official"] = GRADE_LABEL
    method: str
    foreign_band: GradeBand
    home_bands: list[HomeBand] = Field(description="Every home grade whose band overlaps the foreign band.")
    foreign_table_id: uuid.UUID | None
    home_table_id: uuid.UUID | None
    warnings: list[str]


# ------------------------------------------------------------------------------------------------ completeness

ElementState = Literal["present", "missing", "present_unverifiable"]
VerificationState = Literal["signature_passed", "signature_not_passed", "not_verified", "not_applicable"]


class CompletenessRequest(_Request):
    """One of: a credential of your wallet, or a summary in the wallet's normalised shape."""

    credential_id: uuid.UUID | None = None
    summary: Summary | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> CompletenessRequest:
        if (self.credential_id is None) == (self.summary is None):
            raise ValueError("give either `credential_id` or `summary`")
        return self


class ElementStatus(BaseModel):
    element: AnnexElement
    label: str
    mandatory: bool
    state: ElementState


class VerificationBasis(BaseModel):
    state: VerificationState
    verified_at: datetime | None = None
    message: str


class Completeness(BaseModel):
    basis: Literal["credential", "summary"]
    credential_id: uuid.UUID | None
    verification: VerificationBasis
    mandatory: list[ElementStatus] = Field(description="The 11 mandatory elements of Annex I, in its order.")
    optional: list[ElementStatus] = Field(description="The 5 optional elements of Annex I.")
    mandatory_present: int = Field(description="Mandatory elements present and backed by a passed signature check.")
    mandatory_unverifiable: int = Field(description="Mandatory elements present but not backed by a passed signature.")
    mandatory_missing: int
    optional_present: int = Field(description="Optional elements present, verifiable or not.")
    all_mandatory_present: bool = Field(description="No mandatory element is missing (verifiable or not).")
    statement: str = COMPLETENESS_STATEMENT


# ----------------------------------------------------------------------------------------------------- packet


class StatedLevel(BaseModel):
    framework: str
    value: str
    country: str | None = None


class EqfReading(BaseModel):
    eqf_level: int
    basis: Literal["stated", "national framework"]
    relation: Literal["comparable level"] = COMPARABLE
    framework: str | None = Field(default=None, description="The national framework the level was read through.")
    level: str | None = None
    source_url: str | None = None
    as_of: date | None = None
    status: Status | None = None


class NationalLevel(BaseModel):
    stated: StatedLevel
    matches: list[LevelPublic] = Field(
        description="The framework level(s) the stated level names (several if ambiguous)."
    )
    note: str | None = None


class PacketLevels(BaseModel):
    stated: list[StatedLevel]
    eqf: list[EqfReading]
    national: list[NationalLevel]
    qf_ehea_cycles: list[Cycle]
    notes: list[str]


class ConvertedCredits(BaseModel):
    original: CreditValue
    hours: float | None = None
    ects: float | None = Field(description="Null when no rule is held for the system.")
    rule: CreditRulePublic | None
    note: str | None = None


class FieldOfStudy(BaseModel):
    code: str
    name: str | None
    broad: str | None = Field(description="The broad ISCED-F field (2 digits) with its name.")
    source_url: str | None = None
    status: Status | None = None


class QualityAssuranceStatus(BaseModel):
    state: Literal["accreditation_in_registry", "stated_by_issuer", "not_stated"]
    stated: dict[str, Any] | None = Field(description="What the credential states (type, body, accreditations).")
    registry: dict[str, Any] | None = Field(description="The trust registry's accreditation record for the issuer.")
    message: str


class RecognitionPacket(BaseModel):
    """What a credential is worth at a glance: levels, workload, field, quality assurance and Annex I completeness —
    the block a share carries so the receiver need not read the raw document."""

    credential_id: uuid.UUID | None = Field(description="Null for the packet of a shared summary.")
    title: str | None
    issuer: dict[str, Any] | None
    levels: PacketLevels
    workload: list[ConvertedCredits]
    total_ects: float | None
    field_of_study: FieldOfStudy | None
    quality_assurance: QualityAssuranceStatus
    completeness: Completeness
    caveat: str = CAVEAT
    caveat_explanation: str = Field(
        default=LEVEL_EXPLANATION,
        description="The caveat in plain words. Both follow `Accept-Language` (docs/languages.md).",
    )


# ------------------------------------------------------------------------------------------------------ stack


class StackTarget(_Request):
    ects: float = Field(gt=0, le=1000, description="Credits needed, in ECTS.")
    eqf_level: int | None = Field(
        default=None, ge=1, le=8, description="Only credits at this EQF level or above count."
    )
    field: IscedCode | None = Field(default=None, description="Only credits in this ISCED-F field (a prefix) count.")


class StackedSummary(_Request):
    label: ShortText | None = None
    summary: Summary


class StackRequest(_Request):
    credential_ids: list[uuid.UUID] = Field(
        default_factory=list, max_length=50, description="Credentials of your wallet."
    )
    summaries: list[StackedSummary] = Field(default_factory=list, max_length=50, description="Summaries given inline.")
    target: StackTarget
    institution_id: uuid.UUID | None = Field(default=None, description="Convert credits with this institution's rules.")

    @model_validator(mode="after")
    def _some(self) -> StackRequest:
        if not self.credential_ids and not self.summaries:
            raise ValueError("give at least one credential id or summary")
        if len(set(self.credential_ids)) != len(self.credential_ids):
            raise ValueError("a credential is listed twice")
        return self


class StackItem(BaseModel):
    credential_id: uuid.UUID | None
    title: str | None
    ects: float | None
    credits: list[ConvertedCredits]
    eqf_levels: list[int]
    field_of_study: str | None
    stackability: str | None
    counts: bool
    reasons: list[str] = Field(description="Why the item does not count, when it does not.")


class StackTotals(BaseModel):
    ects_counted: float
    ects_all: float
    ects_by_eqf_level: dict[str, float] = Field(description="Counted ECTS per EQF level (`unknown` when none).")


class StackResult(BaseModel):
    target: StackTarget
    items: list[StackItem]
    totals: StackTotals
    ects_missing: float
    met: bool
    missing: list[str] = Field(description="What is still missing, in words.")
    suggested_offers: list[OfferSuggestion] = Field(
        default_factory=list,
        description="Published offers of the catalogue that would count towards the target (its field, at or above "
        "its EQF level, with a workload), those that fit in what is missing first; empty once the target is met. "
        "Suggestions only: whether to take one is the learner's choice.",
    )
    caveat: str = STACK_CAVEAT
    caveat_explanation: str = Field(
        default=STACK_EXPLANATION,
        description="The caveat in plain words. Both follow `Accept-Language` (docs/languages.md).",
    )
