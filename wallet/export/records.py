"""The records of an export, as written to its JSON files and validated when read back (extra members refused)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from core.text import SafeStr

Text = Annotated[SafeStr, StringConstraints(max_length=20_000)]
Short = Annotated[SafeStr, StringConstraints(max_length=320)]
Path = Annotated[str, StringConstraints(max_length=255)]
Digest = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CredentialRecord(_Record):
    id: uuid.UUID
    parent_id: uuid.UUID | None
    format: Short
    media_type: Short
    sha256: Digest
    size_bytes: int = Field(ge=0)
    label: Short | None
    tags: list[Short] = Field(max_length=100)
    created_at: datetime
    updated_at: datetime
    summary: dict[str, Any]
    """As this service read it; an import reads the original again rather than trusting this."""
    original: Path


class ShareItemRecord(_Record):
    credential_id: uuid.UUID
    position: int
    fields: list[Short]
    disclosures: list[Text]


class ShareRecord(_Record):
    id: uuid.UUID
    purpose: Text
    recipient_email: Short | None
    recipient_body_id: uuid.UUID | None
    expires_at: datetime
    max_views: int | None
    views: int = Field(ge=0)
    notify_first_reveal: bool
    include_skills_profile: bool
    revoked_at: datetime | None
    first_revealed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    items: list[ShareItemRecord]


class AccessLogRecord(_Record):
    id: uuid.UUID
    share_id: uuid.UUID
    event: Short
    fields: list[Short]
    viewer_class: Short
    viewer_body_id: uuid.UUID | None
    automated: bool
    network: Short | None
    at: datetime
    count: int = Field(default=1, ge=1)
    """Identical landings of one second are one entry (`LandingLog`); archives made before that hold no count."""


class EvidenceRecord(_Record):
    id: uuid.UUID
    filename: Short
    media_type: Short
    size_bytes: int = Field(ge=0)
    sha256: Digest
    created_at: datetime
    file: Path


class EndorsementRecord(_Record):
    endorser_name: Short
    endorser_role: Short
    endorser_organisation: Short | None
    comment: Text | None
    entry_version: int
    jws: Annotated[SafeStr, StringConstraints(max_length=200_000)]
    """Signed by the service that exported it: it verifies against that service's published keys."""
    endorsed_at: datetime


class LearningEntryRecord(_Record):
    id: uuid.UUID
    kind: Short
    title: Short
    description: Text | None
    started_on: date
    ended_on: date | None
    organisation: Short | None
    place: Short | None
    hours: float | None
    learning_outcomes: list[dict[str, Any]]
    version: int = Field(ge=1)
    created_at: datetime
    updated_at: datetime
    evidence: list[EvidenceRecord]
    endorsements: list[EndorsementRecord]


class AccountRecord(_Record):
    display_name: Short
    email: Short | None
    created_at: datetime
