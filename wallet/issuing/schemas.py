"""Hosted issuing request and response models."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from core.text import Email, SafeStr
from wallet.inbox.schemas import ItemProblem

Short = Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Long = Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
Uri = Annotated[str, StringConstraints(strip_whitespace=True, min_length=8, max_length=500, pattern=r"^https?://\S+$")]
IscedF = Annotated[str, StringConstraints(pattern=r"^\d{2,4}$")]
"""ISCED-F 2013: a broad (2 digits), narrow (3) or detailed (4) field code."""

Participation = Literal["online", "onsite", "blended"]
Supervision = Literal["unsupervised_no_id_check", "supervised_no_id_check", "supervised_with_id_check"]
Stackability = Literal["stand_alone", "stackable"]
CredentialFormat = Literal["vc+jwt", "dc+sd-jwt"]

PARTICIPATION_LABELS: dict[str, str] = {"online": "Online", "onsite": "Onsite", "blended": "Blended"}
SUPERVISION_LABELS: dict[str, str] = {
    "unsupervised_no_id_check": "Unsupervised, with no identity verification",
    "supervised_no_id_check": "Supervised, with no identity verification",
    "supervised_with_id_check": "Supervised online or onsite, with identity verification",
}
STACKABILITY_LABELS: dict[str, str] = {
    "stand_alone": "Stand-alone, independent micro-credential",
    "stackable": "Integrated, stackable towards another credential",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OutcomeIn(_Strict):
    text: Long
    esco_uri: Uri | None = Field(default=None, description="ESCO skill or competence URI.")


class NationalLevel(_Strict):
    framework: Annotated[str, StringConstraints(min_length=1, max_length=60)] = Field(
        description="The national framework as the frameworks data names it (`DQR`, `NFQ`, …)."
    )
    level: Annotated[str, StringConstraints(min_length=1, max_length=20)]


class QualityAssuranceIn(_Strict):
    type: Short | None = Field(default=None, description="Internal QA, external QA by an agency, accreditation …")
    body: Short | None = Field(default=None, description="The quality assurance body or agency.")
    accreditations: list[Uri] = Field(default_factory=list, max_length=20, description="DEQAR or report URLs.")


class AnnexElements(_Strict):
    """The Annex I elements of a learning opportunity that are the same for every learner (all but the learner, the
    date of issuing and the grade): what an achievement definition and a catalogue offer (`recognition.offers`)
    both state, and what `credentials.missing_elements` checks."""

    description: Long | None = None
    learning_outcomes: list[OutcomeIn] = Field(default_factory=list, max_length=100)
    ects: float | None = Field(default=None, gt=0, le=360, description="Notional workload in ECTS credits.")
    hours: float | None = Field(default=None, gt=0, le=20000, description="Notional workload in hours.")
    eqf_level: int | None = Field(default=None, ge=1, le=8)
    national_level: NationalLevel | None = None
    field_of_study: IscedF | None = None
    assessment_type: Short | None = Field(default=None, description="Type of assessment (Annex I element 9).")
    participation: Participation | None = Field(default=None, description="Form of participation (element 10).")
    quality_assurance: QualityAssuranceIn | None = Field(default=None, description="Type of QA (element 11).")
    prerequisites: Long | None = None
    supervision: Supervision | None = None
    stackability: Stackability | None = None
    stackable_towards: Short | None = Field(default=None, description="The credential it stacks towards.")
    further_information: Long | None = None


class AchievementDetails(AnnexElements):
    """The elements of an achievement that are the same for every learner who earns it (Annex I, except the
    learner, the date of issuing and the grade, which come with each issuance)."""

    criteria: Long | None = Field(default=None, description="What a learner did to earn it (Markdown).")
    language: Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")] | None = None
    grading_scheme: Short | None = Field(default=None, description="How grades are given (`1–10, 6 passes`).")
    validity_months: int | None = Field(default=None, ge=1, le=1200, description="Credentials expire after this.")


class AchievementCreate(AchievementDetails):
    kind: Literal["micro_credential", "other"] = Field(
        default="micro_credential",
        description="A `micro_credential` must carry every Annex I element the issuer states (refused with the list "
        "of what is missing); `other` (a badge, an attendance certificate) needs a title only.",
    )
    title: Short


class AchievementPublic(AchievementDetails):
    id: uuid.UUID
    kind: str
    title: str
    created_at: datetime
    archived_at: datetime | None


class AchievementPage(BaseModel):
    items: list[AchievementPublic]
    next_cursor: str | None


class IssueRecipient(_Strict):
    name: Short = Field(description="The learner's name as the credential states it (Annex I element 1).")
    learner_id: uuid.UUID | None = None
    email: Email | None = None


class IssueItem(_Strict):
    recipient: IssueRecipient
    grade: Annotated[str, StringConstraints(min_length=1, max_length=50)] | None = None
    awarded_on: date | None = Field(default=None, description="Defaults to the day of issuing.")
    external_id: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None


def _default_formats() -> list[CredentialFormat]:
    return ["dc+sd-jwt", "vc+jwt"]


class IssueRequest(_Strict):
    items: list[IssueItem] = Field(min_length=1, max_length=500)
    delivery: Literal["inbox", "offer"] = Field(
        default="inbox",
        description="`inbox`: into the learner's Passerelle inbox (by learner id or e-mail; they accept or decline). "
        "`offer`: an OpenID4VCI credential offer (pre-authorized code) any standard wallet can collect.",
    )
    formats: list[CredentialFormat] = Field(
        default_factory=_default_formats,
        min_length=1,
        max_length=2,
        description="`dc+sd-jwt` (SD-JWT VC, selectively disclosable) and/or `vc+jwt` (Open Badges 3.0).",
    )
    tx_code: bool = Field(
        default=True, description="Offers only: protect the offer with a one-time code the learner types."
    )

    @model_validator(mode="after")
    def _recipients(self) -> IssueRequest:
        if len(set(self.formats)) != len(self.formats):
            raise ValueError("name each format once")
        if self.delivery == "inbox":
            for item in self.items:
                if item.recipient.learner_id is None and item.recipient.email is None:
                    raise ValueError("inbox delivery names each learner by `learner_id` or `email`")
        return self


class OfferPublic(BaseModel):
    offer_uri: str = Field(description="`openid-credential-offer://?credential_offer_uri=…`; show it as a QR code.")
    tx_code: str | None = Field(description="Give this code to the learner by another channel than the offer.")
    expires_at: datetime


class IssuedPublic(BaseModel):
    id: uuid.UUID
    achievement_id: uuid.UUID
    external_id: str | None
    recipient_name: str
    state: Literal["active", "suspended", "revoked"]
    state_reason: str | None
    delivery: str
    issued_at: datetime
    valid_until: datetime | None
    status_list: dict[str, Any] = Field(description="Where the credential's status is published, and its index.")


class IssueItemResult(BaseModel):
    index: int
    status: Literal["delivered", "invited", "offered", "duplicate", "rejected"]
    issued: IssuedPublic | None = None
    inbox_item_ids: list[uuid.UUID] = Field(default_factory=list)
    offer: OfferPublic | None = None
    problem: ItemProblem | None = None


class IssueResult(BaseModel):
    items: list[IssueItemResult]


class StateChange(_Strict):
    reason: Long | None = Field(default=None, description="Kept with the credential; never published.")


class MissingElement(BaseModel):
    element: str
    label: str
