"""Case tables: target qualifications, recognition requests (cases), their shares, decisions and audit trail.

A case belongs to one learner (`owner_id`) and one recognition body (`body_id`); every query filters by one of the
two. What the officers see of the learner's credentials is only what the case's shares release (each share is bound
to the body, see `wallet.sharing`). `case_events` is append-only: rows are inserted, never updated (a trigger refuses
updates on both databases); they go only when the case itself goes (the learner's erasure).
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Date, ForeignKey, Index, Text
from sqlmodel import Field, SQLModel

from core.clock import utcnow
from core.database import UTCDateTime
from core.ids import new_id
from wallet.consents.models import Consent  # noqa: F401 - `consents` on the metadata before a case points at it
from wallet.models import PortableJSON


class Purpose(enum.StrEnum):
    FURTHER_STUDY = "further_study"
    EMPLOYMENT = "employment"
    CREDIT_TRANSFER = "credit_transfer"
    OTHER = "other"


class CaseKind(enum.StrEnum):
    STANDARD = "standard"
    QUALIFICATIONS_PASSPORT = "qualifications_passport"
    """Interview-based assessment for people whose documents are incomplete (in the style of the EQPR)."""


class CaseStatus(enum.StrEnum):
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    AWAITING_LEARNER = "awaiting_learner"
    DECIDED = "decided"
    APPEALED = "appealed"
    WITHDRAWN = "withdrawn"


OPEN_STATUSES = (CaseStatus.SUBMITTED, CaseStatus.IN_REVIEW, CaseStatus.AWAITING_LEARNER, CaseStatus.APPEALED)


class Outcome(enum.StrEnum):
    FULL = "full"
    PARTIAL = "partial"
    ALTERNATIVE = "alternative"
    CONDITIONAL = "conditional"
    DENIAL = "denial"
    ASSESSMENT = "assessment"
    """A qualifications-passport case's assessment document (informs; is not a formal recognition)."""


NEEDS_DIFFERENCES = frozenset({Outcome.PARTIAL, Outcome.CONDITIONAL, Outcome.DENIAL})
"""Outcomes that must name the substantial differences found (the burden of proof lies with the assessor)."""


class TargetQualification(SQLModel, table=True):
    """A qualification a body assesses against: its level, workload, field and learning outcomes."""

    __tablename__ = "target_qualifications"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    body_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("recognition_bodies.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    title: str = Field(max_length=300)
    country: str = Field(max_length=2)
    framework: str | None = Field(default=None, max_length=40)
    """The national framework's key (`DE-DQR`); with `level`, resolved to `eqf_level` when it is created."""
    level: str | None = Field(default=None, max_length=20)
    eqf_level: int | None = None
    ects: float | None = None
    field_of_study: str | None = Field(default=None, max_length=4, description="ISCED-F 2013 code.")
    learning_outcomes: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(PortableJSON, nullable=False)
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class RecognitionCase(SQLModel, table=True):
    __tablename__ = "recognition_cases"
    __table_args__ = (
        # The officers' queue: one body's cases in one status, earliest due first (keyset on due_at, id).
        Index("ix_recognition_cases_queue", "body_id", "status", "due_at", "id"),
        Index("ix_recognition_cases_body_due", "body_id", "due_at", "id"),
        Index("ix_recognition_cases_owner_id_id", "owner_id", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    owner_id: uuid.UUID = Field(sa_column=Column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False))
    body_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("recognition_bodies.id", ondelete="RESTRICT"), nullable=False)
    )
    kind: str = Field(max_length=32)
    purpose: str = Field(max_length=32)
    consent_id: uuid.UUID = Field(sa_column=Column(ForeignKey("consents.id"), nullable=False, index=True))
    """The learner's consent to this request (`wallet.consents`): a request cannot exist without one."""
    target_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("target_qualifications.id", ondelete="SET NULL"), nullable=True)
    )
    statement: str = Field(sa_column=Column(Text, nullable=False))
    declared: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(PortableJSON, nullable=False))
    """Qualifications the learner declares without (complete) documents: title, institution, country, year."""
    status: str = Field(max_length=32)
    assigned_officer_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    )
    submitted_at: datetime = Field(sa_type=UTCDateTime)
    due_at: datetime = Field(sa_type=UTCDateTime)
    """The body's announced time limit, counted from submission (and again from an appeal)."""
    interview_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    appeal_deadline: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    appealed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    withdrawn_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CaseShare(SQLModel, table=True):
    """A share the learner made for the case (one at submission, one per added set of documents)."""

    __tablename__ = "case_shares"

    case_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("recognition_cases.id", ondelete="CASCADE"), primary_key=True)
    )
    share_id: uuid.UUID = Field(sa_column=Column(ForeignKey("shares.id", ondelete="CASCADE"), primary_key=True))
    added_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CaseDecision(SQLModel, table=True):
    """A decision on a case. An appeal leads to a second decision; the first stays (history), `superseded_at` set.

    `issuer_key`, `qualification_key`, `eqf_level` and `field_of_study` describe what was assessed, so later cases
    of the same body can find it as a precedent.
    """

    __tablename__ = "case_decisions"
    __table_args__ = (
        Index("ix_case_decisions_case_id", "case_id"),
        Index("ix_case_decisions_precedent_issuer", "body_id", "issuer_key", "qualification_key"),
        Index("ix_case_decisions_precedent_level", "body_id", "eqf_level", "field_of_study"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    case_id: uuid.UUID = Field(sa_column=Column(ForeignKey("recognition_cases.id", ondelete="CASCADE"), nullable=False))
    body_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("recognition_bodies.id", ondelete="RESTRICT"), nullable=False)
    )
    officer_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    )
    outcome: str = Field(max_length=16)
    on_appeal: bool = False
    recognised_as: str | None = Field(default=None, max_length=300)
    recognised_part: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    ects_recognised: float | None = None
    conditions: list[str] = Field(default_factory=list, sa_column=Column(PortableJSON, nullable=False))
    substantial_differences: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(PortableJSON, nullable=False)
    )
    reasons: str = Field(sa_column=Column(Text, nullable=False))
    appeal_route: str = Field(sa_column=Column(Text, nullable=False))
    appeal_deadline: date = Field(sa_column=Column(Date, nullable=False))
    late: bool = False
    based_on_incomplete_evidence: bool = False
    valid_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    advice: dict[str, Any] | None = Field(default=None, sa_column=Column(PortableJSON, nullable=True))
    """The advisor's pre-assessment as the officer saw it when deciding."""
    issuer_key: str | None = Field(default=None, max_length=500)
    qualification_key: str | None = Field(default=None, max_length=300)
    eqf_level: int | None = None
    field_of_study: str | None = Field(default=None, max_length=4)
    credential_ids: list[str] = Field(default_factory=list, sa_column=Column(PortableJSON, nullable=False))
    """The decision credentials issued to the learner's wallet (SD-JWT VC, Open Badges 3.0 VC-JWT)."""
    status_list_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("issuer_status_lists.id", ondelete="SET NULL"), nullable=True)
    )
    status_index: int | None = None
    """Where both decision credentials' status is published; revoked when a decision on appeal replaces this one."""
    decided_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    superseded_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class CaseEvent(SQLModel, table=True):
    """The audit trail: who did what to a case, when. Append-only."""

    __tablename__ = "case_events"
    __table_args__ = (Index("ix_case_events_case_id_id", "case_id", "id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    case_id: uuid.UUID = Field(sa_column=Column(ForeignKey("recognition_cases.id", ondelete="CASCADE"), nullable=False))
    actor_id: uuid.UUID | None = None
    """Not a foreign key: the trail outlives an officer's account."""
    actor_role: str = Field(max_length=16)
    action: str = Field(max_length=32)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(PortableJSON, nullable=False))
    internal: bool = False
    """An officer's internal note: the learner sees that it was written, not what it says."""
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CaseLearningEntry(SQLModel, table=True):
    """A self-recorded learning entry the learner attached to the case (validation of non-formal and informal
    learning). The body's officers see it — labelled, with its endorsements and its evidence files — while the case
    is not withdrawn; deleting the entry removes it from the case."""

    __tablename__ = "case_learning_entries"

    case_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("recognition_cases.id", ondelete="CASCADE"), primary_key=True)
    )
    entry_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("learning_entries.id", ondelete="CASCADE"), primary_key=True, index=True)
    )
    added_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
