"""Self-recorded learning tables: entries, their evidence files (metadata and bytes apart), endorsement requests
(one-time links, only the SHA-256 of each token kept) and the endorsements signed by the service."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Date, ForeignKey, Index, LargeBinary, Text
from sqlmodel import Field, SQLModel

from core.clock import utcnow
from core.database import UTCDateTime
from core.ids import new_id
from wallet.models import PortableJSON


class LearningKind(enum.StrEnum):
    NON_FORMAL = "non_formal"
    """Organised learning outside the formal system: a course, a workshop, a training (2012 Council
    Recommendation on the validation of non-formal and informal learning)."""
    INFORMAL = "informal"
    """Learning from daily activities — work, volunteering, family, leisure — not organised as learning."""


class Attestation(enum.StrEnum):
    SELF_DECLARED = "self_declared"
    ENDORSED = "endorsed"


class LearningEntry(SQLModel, table=True):
    """One piece of learning the learner recorded; `version` changes with every edit (endorsements name it)."""

    __tablename__ = "learning_entries"
    __table_args__ = (Index("ix_learning_entries_owner_id_id", "owner_id", "id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    owner_id: uuid.UUID = Field(sa_column=Column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False))
    kind: str = Field(max_length=16)
    title: str = Field(max_length=300)
    description: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    started_on: date = Field(sa_column=Column(Date, nullable=False))
    ended_on: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    organisation: str | None = Field(default=None, max_length=300)
    place: str | None = Field(default=None, max_length=300)
    hours: float | None = None
    learning_outcomes: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(PortableJSON, nullable=False)
    )
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class LearningEvidence(SQLModel, table=True):
    """An evidence file's metadata; its bytes are in `LearningEvidenceContent`."""

    __tablename__ = "learning_evidence"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    entry_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("learning_entries.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    owner_id: uuid.UUID = Field(sa_column=Column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False))
    filename: str = Field(max_length=200)
    media_type: str = Field(max_length=32)
    """The type read from the content (magic bytes and structure), never only the declared one."""
    size_bytes: int
    sha256: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class LearningEvidenceContent(SQLModel, table=True):
    """The bytes of an evidence file, exactly as uploaded."""

    __tablename__ = "learning_evidence_content"

    evidence_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("learning_evidence.id", ondelete="CASCADE"), primary_key=True)
    )
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class EndorsementRequest(SQLModel, table=True):
    """A one-time endorsement link the learner made for one entry: only the SHA-256 of its token is kept."""

    __tablename__ = "learning_endorsement_requests"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    entry_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("learning_entries.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    owner_id: uuid.UUID = Field(sa_column=Column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False))
    token_digest: str = Field(max_length=64, unique=True)
    endorser_name: str = Field(max_length=200)
    endorser_email: str | None = Field(default=None, max_length=320)
    endorser_organisation: str | None = Field(default=None, max_length=300)
    message: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    withdrawn_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Endorsement(SQLModel, table=True):
    """An endorsement as confirmed through a link, with the JWS the service signed over it."""

    __tablename__ = "learning_endorsements"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    entry_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("learning_entries.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    request_id: uuid.UUID = Field(
        sa_column=Column(
            ForeignKey("learning_endorsement_requests.id", ondelete="CASCADE"), nullable=False, unique=True
        )
    )
    endorser_name: str = Field(max_length=200)
    endorser_role: str = Field(max_length=200)
    endorser_organisation: str | None = Field(default=None, max_length=300)
    comment: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    entry_version: int
    """The entry's version the endorser saw and confirmed; a later edit leaves the endorsement on the old one."""
    jws: str = Field(sa_column=Column(Text, nullable=False))
    endorsed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
