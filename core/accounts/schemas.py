"""Account request and response models."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from core.accounts.models import DEFAULT_APPEAL_DAYS, DEFAULT_DECISION_DAYS, BodyKind, InstitutionKind, Role
from core.text import Email, SafeStr

Password = Annotated[SafeStr, StringConstraints(min_length=12, max_length=256)]
DisplayName = Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


class SignupRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: Email
    password: Password = Field(description="At least 12 characters.")
    display_name: DisplayName


class UserPublic(BaseModel):
    id: uuid.UUID
    email: str | None
    display_name: str
    role: Role
    created_at: datetime


class TokenResponse(BaseModel):
    """RFC 6749 §5.1 successful token response."""

    access_token: str
    token_type: Literal["Bearer"] = "Bearer"  # noqa: S105 - a token type name, not a secret
    expires_in: int
    refresh_token: str | None = None
    scope: str | None = None


class ClientCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class ClientPublic(BaseModel):
    id: uuid.UUID
    client_id: str
    name: str
    role: Role
    created_at: datetime


class ClientCreated(ClientPublic):
    client_secret: str = Field(description="Shown once; only its SHA-256 is stored.")


CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]


class BodyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    country: CountryCode = Field(description="ISO 3166-1 alpha-2, upper case.")
    kind: BodyKind = BodyKind.ENIC_NARIC
    decision_days: int = Field(
        default=DEFAULT_DECISION_DAYS,
        ge=1,
        le=730,
        description="The time limit for a decision the body announces beforehand, in days from the request.",
    )
    appeal_days: int = Field(default=DEFAULT_APPEAL_DAYS, ge=1, le=365, description="Days a learner has to appeal.")
    appeal_route: Annotated[SafeStr, StringConstraints(strip_whitespace=True, max_length=2000)] | None = Field(
        default=None, description="How to appeal, in the body's words (a default text is used when empty)."
    )


class BodyPublic(BaseModel):
    id: uuid.UUID
    name: str
    country: str
    kind: BodyKind
    decision_days: int
    appeal_days: int
    appeal_route: str | None
    created_at: datetime


class InstitutionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    country: CountryCode | None = Field(default=None, description="ISO 3166-1 alpha-2, upper case.")
    kind: InstitutionKind = InstitutionKind.OTHER
    erasmus_code: Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=32)] | None = (
        None
    )
    schac_code: Annotated[str, StringConstraints(pattern=r"^[a-z0-9.-]{1,255}$")] | None = Field(
        default=None, description="SCHAC home organisation (a domain name)."
    )
    pic: Annotated[str, StringConstraints(pattern=r"^\d{9}$")] | None = Field(
        default=None, description="EU Participant Identification Code (9 digits)."
    )


class InstitutionPublic(BaseModel):
    id: uuid.UUID
    name: str
    country: str | None
    kind: InstitutionKind
    erasmus_code: str | None
    schac_code: str | None
    pic: str | None
    created_at: datetime


class InstitutionCreated(InstitutionPublic):
    client_id: str
    client_secret: str = Field(description="Shown once; only its SHA-256 is stored.")
