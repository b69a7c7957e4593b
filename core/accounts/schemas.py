"""Account request and response models."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from core.accounts.models import DEFAULT_APPEAL_DAYS, DEFAULT_DECISION_DAYS, BodyKind, InstitutionKind, Role
from core.text import Email, SafeStr

Password = Annotated[SafeStr, StringConstraints(min_length=12, max_length=256)]
DisplayName = Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


class SignupRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: Email
    password: Password = Field(description="At least 12 characters.")
    display_name: DisplayName


Language = Literal["en", "fr", "de", "pl", "es", "it", "uk", "ar"]
"""core.i18n.LANGUAGES (a test keeps the two equal)."""


class UserPublic(BaseModel):
    id: uuid.UUID
    email: str | None
    display_name: str
    language: Language = Field(default="en", description="The language of the account's own pages and e-mails.")
    role: Role
    created_at: datetime


class AccountUpdate(BaseModel):
    """Partial update of the signed-in account: only the members sent change."""

    model_config = ConfigDict(extra="forbid")

    display_name: DisplayName | None = None
    language: Language | None = Field(default=None, description="The language of your own pages and e-mails.")


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


def _public_p256(keys: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for key in keys:
        if "d" in key:
            raise ValueError("a client registers its public keys only: remove the private part (`d`)")
        if key.get("kty") != "EC" or key.get("crv") != "P-256" or not isinstance(key.get("kid"), str):
            raise ValueError("each key is a P-256 EC public key (ES256) with a `kid`")
    return keys


class ClientKeySet(BaseModel):
    """A JWK Set of P-256 public keys, each with a `kid` (ES256 client assertions)."""

    keys: Annotated[list[dict[str, Any]], AfterValidator(_public_p256)] = Field(min_length=1, max_length=10)


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
    client_jwks: ClientKeySet | None = Field(
        default=None,
        description="The first client authenticates with `private_key_jwt` using these public keys (no secret).",
    )
    client_jwks_uri: Annotated[str, StringConstraints(pattern=r"^https?://\S{1,490}$")] | None = Field(
        default=None, description="… or the keys published at this URL (fetched through the SSRF guard)."
    )

    issuer_id: Annotated[SafeStr, StringConstraints(min_length=3, max_length=500)] | None = Field(
        default=None,
        description="For an institution that signs its credentials itself: the issuer identifier they name (a URL or a "
        "DID) …",
    )
    issuer_jwks_uri: Annotated[str, StringConstraints(pattern=r"^https?://\S{1,490}$")] | None = Field(
        default=None,
        description="… and where it publishes its keys (a JWK Set). Both enter the trust registry: pushed "
        "credentials are checked against these keys, rotated keys included.",
    )

    @model_validator(mode="after")
    def _key_sources(self) -> InstitutionCreate:
        if self.client_jwks is not None and self.client_jwks_uri is not None:
            raise ValueError("give the client's keys inline (`client_jwks`) or by URL (`client_jwks_uri`), not both")
        if (self.issuer_id is None) != (self.issuer_jwks_uri is None):
            raise ValueError("give `issuer_id` and `issuer_jwks_uri` together")
        return self

    def institution_fields(self) -> dict[str, Any]:
        return self.model_dump(exclude={"client_jwks", "client_jwks_uri", "issuer_id", "issuer_jwks_uri"})


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
    client_secret: str | None = Field(
        description="Shown once; only its SHA-256 is stored. None for a `private_key_jwt` client."
    )
    auth_method: Literal["client_secret", "private_key_jwt"]
