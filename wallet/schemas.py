"""Wallet request and response models."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from core.text import Label, Tag
from wallet.formats import CredentialFormat
from wallet.summary.model import Summary


class CredentialPublic(BaseModel):
    """A credential's metadata and the summary known so far (never the document itself)."""

    id: uuid.UUID
    parent_id: uuid.UUID | None = Field(
        description="The bundle or transcript this credential was imported with (a CLR, an ELMO transcript)."
    )
    format: CredentialFormat
    media_type: str
    sha256: str = Field(description="SHA-256 (hex) of the original bytes.")
    size_bytes: int
    label: str | None
    tags: list[str]
    summary: Summary = Field(
        description="What the document says, normalised across formats: the Annex I elements of the EU "
        "micro-credentials Recommendation, credits, levels, grade, learning outcomes; `missing` lists the Annex I "
        "elements the document does not carry. Empty fields mean the document did not say."
    )
    version: int
    created_at: datetime
    updated_at: datetime


class CredentialPage(BaseModel):
    items: list[CredentialPublic]
    next_cursor: str | None = Field(description="Pass as `cursor` to get the next page; null on the last page.")


class CredentialUpdate(BaseModel):
    """Fields a learner may change; everything else about a credential is fixed by its document."""

    model_config = ConfigDict(extra="forbid")

    label: Label | None = None
    tags: list[Tag] | None = Field(default=None, max_length=32)
