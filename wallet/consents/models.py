"""The consent records table.

One row per consent the learner gave (GDPR Art. 7(1): the service must be able to show that the learner agreed, to
what, and under which notice). The rows that act on a consent point at it with a NOT NULL foreign key — a share
(`shares.consent_id`) and a recognition request (`recognition_cases.consent_id`) cannot exist without one — and an
accepted inbox item must name the consent its acceptance recorded (`inbox_items` CHECK `accepted_has_consent`).

Kinds:

- `share`: a link releasing chosen fields to its counterparty (anyone with the link, a named e-mail recipient, or a
  recognition body's officers). Withdrawing it revokes the share.
- `recognition_request`: a request to a recognition body (recorded by `recognition.cases`; its shares each have a
  `share` consent of their own). Withdrawing it withdraws the request.
- `inbox_acceptance`: the learner accepted a credential pushed by an institution or collected from an issuer.
  Accepting is done once and cannot be undone by a withdrawal (the credential is the learner's: they delete it).
- `institution_feed`: the learner lets an institution keep pushing credentials into their inbox. Recorded with the
  learner's first acceptance of an item the institution pushed; withdrawing it refuses the institution's later
  pushes to this learner (`learner_withdrew_consent`), until the learner accepts one of its items again (a pending
  item pushed before the withdrawal, or one claimed by invitation), which records a new consent.

A row is never deleted while the learner has an account (retention: `docs/data-lifecycle.md`); erasure deletes them.
No row holds a credential value: `attributes` names the released fields only.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, Column, ForeignKey, Index, String, Text, false
from sqlmodel import Field, SQLModel

from core.clock import utcnow
from core.database import UTCDateTime
from core.ids import new_id
from wallet.models import PortableJSON

NOTICE_VERSION = "2026-12-07"
"""The version of the privacy notice a learner sees when consenting (docs/data-lifecycle.md). Change it in the same
commit as the notice's text: every consent records the version it was given under."""

MIGRATION_NOTICE_VERSION = "recorded-at-migration"
"""The notice version of consents backfilled by migration 0018 for shares and requests made before consents were
recorded (`recorded_at_migration` is true on those rows)."""


class ConsentKind(enum.StrEnum):
    SHARE = "share"
    RECOGNITION_REQUEST = "recognition_request"
    INBOX_ACCEPTANCE = "inbox_acceptance"
    INSTITUTION_FEED = "institution_feed"


class CounterpartyType(enum.StrEnum):
    ANYONE_WITH_LINK = "anyone_with_link"
    EMAIL_RECIPIENT = "email_recipient"
    RECOGNITION_BODY = "recognition_body"
    INSTITUTION = "institution"
    ISSUER = "issuer"


def _one_of(column: str, values: type[enum.StrEnum]) -> str:
    return f"{column} IN ({', '.join(repr(value.value) for value in values)})"


class Consent(SQLModel, table=True):
    __tablename__ = "consents"
    __table_args__ = (
        Index("ix_consents_learner_id_id", "learner_id", "id"),
        Index("ix_consents_learner_id_counterparty", "learner_id", "kind", "counterparty_id"),
        CheckConstraint(_one_of("kind", ConsentKind), name="kind_known"),
        CheckConstraint(_one_of("counterparty_type", CounterpartyType), name="counterparty_type_known"),
        CheckConstraint("length(purpose) > 0", name="purpose_given"),
        CheckConstraint("length(notice_version) > 0", name="notice_version_given"),
        CheckConstraint("length(counterparty_name) > 0", name="counterparty_named"),
        CheckConstraint(
            "(withdrawn_at IS NULL AND withdrawn_by IS NULL) OR (withdrawn_at IS NOT NULL AND withdrawn_by IS NOT NULL)",
            name="withdrawal_complete",
        ),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    learner_id: uuid.UUID = Field(sa_column=Column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False))
    kind: str = Field(sa_column=Column(String(32), nullable=False))
    purpose: str = Field(sa_column=Column(Text, nullable=False))
    counterparty_type: str = Field(sa_column=Column(String(32), nullable=False))
    counterparty_id: str | None = Field(default=None, max_length=2048)
    """The recognition body's or institution's id, the issuer's identifier (a URL), the recipient's e-mail address;
    none for anyone with a link."""
    counterparty_name: str = Field(sa_column=Column(String(320), nullable=False))
    attributes: list[str] = Field(default_factory=list, sa_column=Column(PortableJSON, nullable=False))
    """The names of the fields released (a share), never their values."""
    notice_version: str = Field(sa_column=Column(String(64), nullable=False))
    granted_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    """Until when the consent runs (a share's expiry), when it has an end."""
    actor_id: uuid.UUID
    """Who gave it: the learner."""
    withdrawn_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    withdrawn_by: uuid.UUID | None = None
    recorded_at_migration: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )
