"""Tables: stored verification results, and the trust registry's entries."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Column, ForeignKey, Index, Text
from sqlmodel import Field, SQLModel

from core.clock import utcnow
from core.database import UTCDateTime
from core.ids import new_id
from wallet.models import PortableJSON


class CredentialVerification(SQLModel, table=True):
    """One verification run of a stored credential, with the signed receipt the learner or an officer can file."""

    __tablename__ = "credential_verifications"
    __table_args__ = (Index("ix_credential_verifications_credential_id_id", "credential_id", "id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    credential_id: uuid.UUID = Field(sa_column=Column(ForeignKey("credentials.id", ondelete="CASCADE"), nullable=False))
    owner_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    result: dict[str, Any] = Field(sa_column=Column(PortableJSON, nullable=False))
    receipt: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class TrustEntry(SQLModel, table=True):
    """An administrator's statement of trust: a CA certificate, or an issuer with its keys and accreditation."""

    __tablename__ = "trust_entries"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    kind: str = Field(max_length=16, index=True)
    """`certificate` or `issuer`."""
    label: str = Field(max_length=200)
    issuer_id: str | None = Field(default=None, max_length=500, index=True)
    certificate_pem: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    keys: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(PortableJSON, nullable=False))
    jwks_uri: str | None = Field(default=None, max_length=500)
    """Where the issuer publishes its keys (a JWK Set), for issuers that sign themselves and rotate: fetched
    through the outbound guard when a credential names the issuer; a key found there counts as registered."""
    accreditation: dict[str, Any] = Field(default_factory=dict, sa_column=Column(PortableJSON, nullable=False))
    created_by: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
