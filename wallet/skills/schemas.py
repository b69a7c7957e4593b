"""Skills profile response models: the wallet's own profile, and the profile a share releases."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from wallet.formats import CredentialFormat


class VerificationBrief(BaseModel):
    """The latest stored verification of a credential: each check's outcome (no overall verdict hides a failure)."""

    verified_at: datetime
    checks: dict[str, str] = Field(description="Outcome (`passed`, `failed`, `warning`, `skipped`) by check name.")


class SkillCredential(BaseModel):
    """A credential behind a skill."""

    id: uuid.UUID
    title: str | None = Field(description="The credential's title, or the label you gave it when it has none.")
    issuer: str | None = Field(description="The awarding body's name as the document states it.")
    format: CredentialFormat
    verification: VerificationBrief | None = Field(
        description="The latest verification you ran on it; null when it was never verified."
    )


class SkillPublic(BaseModel):
    key: str = Field(
        description="The ESCO URI when a document gives one, otherwise `text:` and the outcome's normalised wording."
    )
    esco_uri: str | None
    label: str = Field(description="The wording your credentials use most often for this skill.")
    credentials: list[SkillCredential] = Field(description="The credentials whose learning outcomes name it.")


class SkillsProfile(BaseModel):
    """Your skills, from the learning outcomes of your credentials; most widely evidenced first."""

    skills: list[SkillPublic]
    credentials_considered: int = Field(description="How many credentials in your wallet were read.")
    credentials_with_outcomes: int = Field(description="How many of them state learning outcomes.")


class SharedSkill(BaseModel):
    """A skill in a share's profile, built only from the learning outcomes the share releases."""

    key: str
    esco_uri: str | None
    label: str
    credentials: list[int] = Field(description="Positions (from 0) in the share's `credentials` of those behind it.")
