"""Hosted issuing tables: achievement definitions, issued credentials, and the status lists that can revoke them.

An institution defines an achievement once (the Annex I elements that do not change from learner to learner) and
issues it to learners; each issuance is signed with the institution's key and gets one index in one of the
institution's status lists. A status list holds, for each index, a revocation bit and a suspension bit (W3C
Bitstring Status List order) and a two-bit status (IETF Token Status List order: 0 valid, 1 invalid, 2 suspended);
its three published documents are signed when a bit changes and served as stored, so an unchanged list keeps its
ETag.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from core.clock import utcnow
from core.database import UTCDateTime
from core.ids import new_id
from wallet.models import PortableJSON


class AchievementDefinition(SQLModel, table=True):
    __tablename__ = "achievement_definitions"
    __table_args__ = (Index("ix_achievement_definitions_institution_id_id", "institution_id", "id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    institution_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("institutions.id", ondelete="CASCADE"), nullable=False)
    )
    kind: str = Field(max_length=32)
    """`micro_credential` (Annex I enforced) or `other` (a badge, a certificate of attendance …)."""
    title: str = Field(max_length=300)
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(PortableJSON, nullable=False))
    """The definition's other elements, as `schemas.AchievementDetails` validated them."""
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    archived_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class IssuerStatusList(SQLModel, table=True):
    """A status list of an institution (what it issues through Passerelle) or of a recognition body (its decision
    credentials): exactly one of the two owns it."""

    __tablename__ = "issuer_status_lists"
    __table_args__ = (
        Index("ix_issuer_status_lists_institution_id", "institution_id"),
        Index("ix_issuer_status_lists_body_id", "body_id"),
        CheckConstraint("(institution_id IS NULL) <> (body_id IS NULL)", name="one_owner"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    institution_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("institutions.id", ondelete="CASCADE"), nullable=True)
    )
    body_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("recognition_bodies.id", ondelete="CASCADE"), nullable=True)
    )
    entries: int
    used: int = 0
    revocation: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    suspension: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    token_statuses: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    revocation_document: str = Field(sa_column=Column(Text, nullable=False))
    suspension_document: str = Field(sa_column=Column(Text, nullable=False))
    token_document: str = Field(sa_column=Column(Text, nullable=False))
    version: int = 1
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class StatusListEntry(SQLModel, table=True):
    """An index in use in a status list (by an issued credential or a decision credential): never given twice."""

    __tablename__ = "status_list_entries"

    status_list_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("issuer_status_lists.id", ondelete="CASCADE"), primary_key=True)
    )
    status_index: int = Field(primary_key=True)


class IssuedCredential(SQLModel, table=True):
    __tablename__ = "issued_credentials"
    __table_args__ = (
        UniqueConstraint("status_list_id", "status_index"),
        Index("ix_issued_credentials_institution_id_id", "institution_id", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    institution_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("institutions.id", ondelete="CASCADE"), nullable=False)
    )
    achievement_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("achievement_definitions.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    external_id: str | None = Field(default=None, max_length=200)
    recipient: dict[str, Any] = Field(default_factory=dict, sa_column=Column(PortableJSON, nullable=False))
    """Name, e-mail or learner id, and what is particular to this learner (grade, date awarded)."""
    status_list_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("issuer_status_lists.id", ondelete="RESTRICT"), nullable=False)
    )
    status_index: int
    state: str = Field(default="active", max_length=16)
    """`active`, `suspended` or `revoked` (final)."""
    state_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    formats: list[str] = Field(default_factory=list, sa_column=Column(PortableJSON, nullable=False))
    """`dc+sd-jwt`, `vc+jwt`: what the learner receives."""
    delivery: str = Field(max_length=16)
    """`inbox` (pushed to the learner's inbox) or `offer` (an OpenID4VCI credential offer any wallet can collect)."""
    inbox_item_ids: list[str] = Field(default_factory=list, sa_column=Column(PortableJSON, nullable=False))
    issued_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    valid_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    state_changed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class CredentialOffer(SQLModel, table=True):
    """An OpenID4VCI credential offer (pre-authorized code flow) for one issued credential.

    Only SHA-256 digests of the pre-authorized code, the transaction code and the access token are kept. The offer
    is redeemed once (the code becomes an access token); each of the issued credential's formats is collected once.
    """

    __tablename__ = "credential_offers"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    """Random (`uuid4`): the offer is fetched by reference at `<issuer>/oid4vci/offers/<id>`."""
    institution_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("institutions.id", ondelete="CASCADE"), nullable=False)
    )
    issued_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("issued_credentials.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    code_digest: str = Field(max_length=64, unique=True)
    tx_code_digest: str | None = Field(default=None, max_length=64)
    failed_attempts: int = 0
    token_digest: str | None = Field(default=None, max_length=64, unique=True)
    token_expires_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    collected: list[str] = Field(default_factory=list, sa_column=Column(PortableJSON, nullable=False))
    expires_at: datetime = Field(sa_type=UTCDateTime)
    redeemed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class IssuerNonce(SQLModel, table=True):
    """A `c_nonce` from the nonce endpoint: single use (deleted when a proof names it), short-lived."""

    __tablename__ = "oid4vci_nonces"

    nonce: str = Field(max_length=64, primary_key=True)
    expires_at: datetime = Field(sa_type=UTCDateTime, index=True)
