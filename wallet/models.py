"""Wallet tables."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, Index, LargeBinary, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from core.clock import utcnow
from core.database import UTCDateTime
from core.ids import new_id

PortableJSON = JSON().with_variant(JSONB(), "postgresql")


class Credential(SQLModel, table=True):
    """A credential in a learner's wallet; its exact bytes live in `CredentialDocument`."""

    __tablename__ = "credentials"
    __table_args__ = (
        UniqueConstraint("owner_id", "sha256"),
        Index("ix_credentials_owner_id_id", "owner_id", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    owner_id: uuid.UUID = Field(sa_column=Column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False))
    # A credential carried inside another (a CLR assertion, an ELMO learning opportunity) points at its container;
    # deleting the container deletes its parts.
    parent_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("credentials.id", ondelete="CASCADE"), nullable=True, index=True)
    )
    format: str = Field(max_length=32, index=True)
    media_type: str = Field(max_length=127)
    sha256: str = Field(max_length=64)
    size_bytes: int
    label: str | None = Field(default=None, max_length=200)
    tags: list[str] = Field(default_factory=list, sa_column=Column(PortableJSON, nullable=False))
    summary: dict[str, Any] = Field(default_factory=dict, sa_column=Column(PortableJSON, nullable=False))
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CredentialDocument(SQLModel, table=True):
    """The original bytes of a credential, exactly as received."""

    __tablename__ = "credential_documents"

    credential_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("credentials.id", ondelete="CASCADE"), primary_key=True)
    )
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
