"""Inbox tables: pushed credentials, invitations for learners not yet known, and the institutions' change feed.

A credential is held here, exactly as received, until the learner accepts it (it then becomes a wallet credential)
or declines it; nothing enters the wallet without the learner's action. It came either from an institution's push
(`source` `push`, `institution_id` set) or from a credential issuer the learner collected it from with an
OpenID4VCI offer (`source` `openid4vci`, `issuer` set, no institution). An institution sees the delivery state of
what it pushed, never the wallet, and never the collected items. `(institution_id, sha256)` is unique: the same
credential pushed again (under any idempotency key) creates nothing.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, Column, ForeignKey, Index, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from core.clock import utcnow
from core.database import UTCDateTime
from core.ids import new_id
from wallet.consents.models import Consent  # noqa: F401 - `consents` on the metadata before an item points at it
from wallet.models import PortableJSON


class Invitation(SQLModel, table=True):
    """A claimable invitation for an e-mail address with no account yet; only its token's SHA-256 is kept."""

    __tablename__ = "inbox_invitations"
    __table_args__ = (Index("ix_inbox_invitations_institution_email", "institution_id", "email"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    institution_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("institutions.id", ondelete="CASCADE"), nullable=False)
    )
    email: str = Field(max_length=320)
    token_digest: str = Field(max_length=64, unique=True)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    claimed_by: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    )
    claimed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


SOURCE_PUSH = "push"
SOURCE_OPENID4VCI = "openid4vci"


class InboxItem(SQLModel, table=True):
    __tablename__ = "inbox_items"
    __table_args__ = (
        UniqueConstraint("institution_id", "sha256"),
        Index("ix_inbox_items_recipient_id_id", "recipient_id", "id"),
        # Every item names where it came from: the institution that pushed it, or the issuer it was collected from.
        CheckConstraint(
            "(source = 'push' AND institution_id IS NOT NULL) OR (source = 'openid4vci' AND issuer IS NOT NULL)",
            name="source_named",
        ),
        # An accepted credential names the consent its acceptance recorded (`wallet.consents`).
        CheckConstraint("status <> 'accepted' OR consent_id IS NOT NULL", name="accepted_has_consent"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    institution_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("institutions.id", ondelete="CASCADE"), nullable=True)
    )
    source: str = Field(default=SOURCE_PUSH, max_length=16)
    """`push` (an institution pushed it) or `openid4vci` (the learner collected it from a credential issuer)."""
    issuer: str | None = Field(default=None, max_length=2048)
    """For a collected credential: the Credential Issuer Identifier (a URL) it was collected from."""
    issuer_name: str | None = Field(default=None, max_length=200)
    """For a collected credential: the issuer's display name from its metadata, when it gives one."""
    recipient_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("users.id", ondelete="CASCADE"), nullable=True)
    )
    invitation_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(ForeignKey("inbox_invitations.id", ondelete="CASCADE"), nullable=True, index=True),
    )
    external_id: str | None = Field(default=None, max_length=200)
    sha256: str = Field(max_length=64)
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    media_type: str = Field(max_length=100)
    format: str = Field(max_length=32)
    title: str | None = Field(default=None, max_length=500)
    summary: dict[str, Any] = Field(default_factory=dict, sa_column=Column(PortableJSON, nullable=False))
    status: str = Field(max_length=16)
    """`pending`, `accepted`, `declined` or `expired`."""
    credential_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("credentials.id", ondelete="SET NULL"), nullable=True)
    )
    consent_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("consents.id"), nullable=True, index=True)
    )
    """Set when the learner accepts: their acceptance consent."""
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class InstitutionEvent(SQLModel, table=True):
    """The institution's change feed (`GET /v1/institutions/events`): what happened to what it pushed.

    `seq` numbers an institution's events in the order their transactions commit (`service._record` takes the next
    numbers from `institutions.event_seq` under that row's lock): a reader following the feed by `seq` never steps
    over an event that commits later with a smaller number, as it could by id or time."""

    __tablename__ = "institution_events"
    __table_args__ = (
        Index("ix_institution_events_institution_id_id", "institution_id", "id"),
        UniqueConstraint("institution_id", "seq"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    institution_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("institutions.id", ondelete="CASCADE"), nullable=False)
    )
    seq: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))
    """Set by `service._record` when the event is written."""
    type: str = Field(max_length=32)
    item_id: uuid.UUID | None = None
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(PortableJSON, nullable=False))
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
