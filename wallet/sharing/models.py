"""Sharing tables: a share (one link), what it releases per credential, its one-time codes and its access log."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Column, ForeignKey, Index, Integer, Text, false
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from core.clock import utcnow
from core.database import UTCDateTime
from core.ids import new_id
from wallet.consents.models import Consent  # noqa: F401 - `consents` on the metadata before `shares` points at it
from wallet.models import PortableJSON

NullableJSON = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")


class Share(SQLModel, table=True):
    """A link a learner made: only the SHA-256 of its token is kept (`token_digest`)."""

    __tablename__ = "shares"
    __table_args__ = (Index("ix_shares_owner_id_id", "owner_id", "id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    owner_id: uuid.UUID = Field(sa_column=Column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False))
    token_digest: str = Field(max_length=64, unique=True)
    consent_id: uuid.UUID = Field(sa_column=Column(ForeignKey("consents.id"), nullable=False, index=True))
    """The learner's consent this share acts on (`wallet.consents`): a share cannot exist without one."""
    purpose: str = Field(sa_column=Column(Text, nullable=False))
    recipient_email: str | None = Field(default=None, max_length=320)
    recipient_body_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("recognition_bodies.id", ondelete="RESTRICT"), nullable=True)
    )
    expires_at: datetime = Field(sa_type=UTCDateTime)
    max_views: int | None = None
    views: int = 0
    notify_first_reveal: bool = False
    include_skills_profile: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )
    """The viewer also gets a skills profile built from the learning outcomes this share releases (and nothing
    else of the wallet): `wallet.sharing.service.skills_profile_of`."""
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    first_revealed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ShareItem(SQLModel, table=True):
    """One credential in a share: the field names released and the presentation built from them.

    `presentation` holds the released values (and, for SD-JWT VC, the presentation with only the chosen
    disclosures); it is erased when the share is revoked. Deleting the credential deletes the item.
    """

    __tablename__ = "share_items"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    share_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("shares.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    credential_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("credentials.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    position: int = 0
    fields: list[str] = Field(default_factory=list, sa_column=Column(PortableJSON, nullable=False))
    disclosures: list[str] = Field(default_factory=list, sa_column=Column(PortableJSON, nullable=False))
    # none_as_null: an erased presentation is SQL NULL, not the JSON text `null`.
    presentation: dict[str, Any] | None = Field(default=None, sa_column=Column(NullableJSON, nullable=True))


class ShareCode(SQLModel, table=True):
    """A one-time code mailed to a share's named recipient; only its digest is kept."""

    __tablename__ = "share_codes"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    share_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("shares.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    code_digest: str = Field(max_length=64)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    attempts: int = 0
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ShareEvent(SQLModel, table=True):
    """The learner's access log: what happened to a share, never a value, a token or a full IP address."""

    __tablename__ = "share_events"
    __table_args__ = (Index("ix_share_events_share_id_id", "share_id", "id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    share_id: uuid.UUID = Field(sa_column=Column(ForeignKey("shares.id", ondelete="CASCADE"), nullable=False))
    event: str = Field(max_length=32)
    fields: list[str] = Field(default_factory=list, sa_column=Column(PortableJSON, nullable=False))
    viewer_class: str = Field(max_length=32)
    viewer_body_id: uuid.UUID | None = None
    automated: bool = False
    network: str | None = Field(default=None, max_length=64, description="The /24 (IPv4) or /48 (IPv6) network.")
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    count: int = Field(default=1, sa_column=Column(Integer, nullable=False, server_default="1"))
    """How many accesses the entry stands for: 1, except for landings, where the identical landings of one link
    within one second (same event, network, kind of viewer, automated or not) are one entry (`LandingLog`)."""
