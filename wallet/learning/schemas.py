"""Request and response models of self-recorded learning and its endorsements."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from core.text import Email, SafeStr
from wallet.learning.models import Attestation, LearningKind

ShortText = Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Name = Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
LongText = Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
Comment = Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
EscoUri = Annotated[str, StringConstraints(pattern=r"^https?://\S{1,490}$")]

ATTESTATION_DESCRIPTION = (
    "`self_declared`: recorded by the learner, not confirmed by anyone. `endorsed`: a named person or organisation "
    "confirmed the entry as it is now, through a one-time link; the service signed their endorsement."
)


class LearningOutcome(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)] = Field(
        description="What the learner knows or can do, in their words."
    )
    esco_uri: EscoUri | None = Field(default=None, description="ESCO skill or competence URI, when known.")


class _EntryFields(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="after")
    def _period(self) -> _EntryFields:
        started, ended = getattr(self, "started_on", None), getattr(self, "ended_on", None)
        if started is not None and ended is not None and ended < started:
            raise ValueError("`ended_on` is before `started_on`")
        return self


class LearningEntryCreate(_EntryFields):
    kind: LearningKind = Field(
        description="`non_formal`: organised learning outside the formal system (a course, a workshop); "
        "`informal`: learning from work, volunteering, family or leisure."
    )
    title: ShortText = Field(description="What you learned or did.")
    description: LongText | None = None
    started_on: date
    ended_on: date | None = Field(default=None, description="Empty while it goes on.")
    organisation: ShortText | None = Field(default=None, description="Where: the organisation, when there was one.")
    place: ShortText | None = Field(default=None, description="Where: the town, the country, or `online`.")
    hours: float | None = Field(default=None, gt=0, le=100_000, description="The time spent, in hours.")
    learning_outcomes: list[LearningOutcome] = Field(default_factory=list, max_length=50)


class LearningEntryUpdate(_EntryFields):
    """The fields to change; an omitted field keeps its value. Every change makes a new version of the entry: an
    endorsement covers the version its endorser confirmed."""

    kind: LearningKind | None = None
    title: ShortText | None = None
    description: LongText | None = None
    started_on: date | None = None
    ended_on: date | None = None
    organisation: ShortText | None = None
    place: ShortText | None = None
    hours: float | None = Field(default=None, gt=0, le=100_000)
    learning_outcomes: list[LearningOutcome] | None = Field(default=None, max_length=50)

    @model_validator(mode="after")
    def _required_stay(self) -> LearningEntryUpdate:
        for name in ("kind", "title", "started_on", "learning_outcomes"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"`{name}` cannot be removed")
        return self


class EvidencePublic(BaseModel):
    id: uuid.UUID
    filename: str
    media_type: Literal["application/pdf", "image/png", "image/jpeg"] = Field(
        description="The type read from the file's content."
    )
    size_bytes: int
    sha256: str
    created_at: datetime


class EndorserPublic(BaseModel):
    name: str
    role: str
    organisation: str | None


class EndorsementPublic(BaseModel):
    id: uuid.UUID
    endorser: EndorserPublic
    comment: str | None
    endorsed_at: datetime
    entry_version: int = Field(description="The version of the entry the endorser confirmed.")
    covers_current_version: bool = Field(
        description="False when the learner edited the entry afterwards: the endorsement is about an earlier version."
    )
    jws: str = Field(
        description="The endorsement signed by the service (compact JWS, ES256, typ `learning-endorsement+jwt`); "
        "verify it with the keys at `/.well-known/jwks.json`."
    )


class LearningEntryPublic(BaseModel):
    id: uuid.UUID
    attestation: Attestation = Field(description=ATTESTATION_DESCRIPTION)
    kind: LearningKind
    title: str
    description: str | None
    started_on: date
    ended_on: date | None
    organisation: str | None
    place: str | None
    hours: float | None
    learning_outcomes: list[LearningOutcome]
    evidence: list[EvidencePublic]
    endorsements: list[EndorsementPublic]
    version: int
    created_at: datetime
    updated_at: datetime


class LearningEntryPage(BaseModel):
    items: list[LearningEntryPublic] = Field(description="Newest first; self-declared and endorsed entries alike.")
    next_cursor: str | None


class RequestedEndorser(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    email: Email | None = Field(default=None, description="When given, the link is mailed to this address.")
    organisation: ShortText | None = None


class EndorsementRequestCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    endorser: RequestedEndorser
    message: Comment | None = Field(default=None, description="A note to the endorser; they read it with the entry.")


EndorsementRequestStatus = Literal["pending", "endorsed", "withdrawn", "expired"]


class EndorsementRequestPublic(BaseModel):
    id: uuid.UUID
    entry_id: uuid.UUID
    endorser: RequestedEndorser
    message: str | None
    status: EndorsementRequestStatus
    expires_at: datetime = Field(description="When the link stops working (it works once).")
    created_at: datetime
    used_at: datetime | None
    withdrawn_at: datetime | None


class EndorsementRequestCreated(EndorsementRequestPublic):
    url: str = Field(description="The one-time link for the endorser (a page). Shown once: only its hash is kept.")
    api_url: str = Field(description="The same link for programs: `GET` to read, `POST` to confirm (JSON).")


# ----------------------------------------------------------------------------------------- the endorser's side


class EvidenceListed(BaseModel):
    filename: str
    media_type: str
    size_bytes: int


class EntryForEndorser(BaseModel):
    kind: LearningKind
    title: str
    description: str | None
    started_on: date
    ended_on: date | None
    organisation: str | None
    place: str | None
    hours: float | None
    learning_outcomes: list[LearningOutcome]
    evidence: list[EvidenceListed] = Field(description="The files the learner attached (not opened through the link).")
    version: int = Field(description="Send it back as `entry_version` when you confirm.")


class EndorsementInvitation(BaseModel):
    """What an endorsement link shows: who asks, what to endorse, until when."""

    learner: str = Field(description="The learner's display name.")
    requested_endorser: RequestedEndorser
    message: str | None
    entry: EntryForEndorser
    expires_at: datetime


class EndorsementConfirm(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name = Field(description="Your name, as it will appear in the signed endorsement.")
    role: Name = Field(description="Your role or relation to the learner (trainer, supervisor, coordinator…).")
    organisation: ShortText | None = None
    comment: Comment | None = None
    entry_version: int = Field(ge=1, description="The entry `version` you read; a changed entry answers 409.")
