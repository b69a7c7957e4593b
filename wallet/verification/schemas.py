"""Verification and trust-registry request and response models."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from core.text import SafeStr
from wallet.verification.result import CheckName, Outcome


class CheckPublic(BaseModel):
    check: CheckName
    outcome: Outcome
    reason: str = Field(description="Stable machine-readable reason code.")
    message: str = Field(description="One plain-language sentence (in the negotiated language where translated).")
    explanation: str = Field(
        description="What this check is about, in one sentence a non-specialist understands (negotiated language)."
    )
    evidence: dict[str, Any] = Field(description="What the check used: key id, certificate, status list, times.")


class VerificationPublic(BaseModel):
    """Every check with its outcome; there is deliberately no single overall verdict."""

    id: uuid.UUID | None = Field(default=None, description="Set when the result is stored.")
    credential_id: uuid.UUID | None = None
    format: str | None
    checked_at: datetime
    checks: list[CheckPublic]
    receipt: str = Field(
        description="The same result as a JWS signed by the service (ES256, typ `verification-receipt+jwt`), "
        "verifiable with `/.well-known/jwks.json`."
    )


Label = Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class TrustCertificateCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    certificate_pem: Annotated[SafeStr, StringConstraints(min_length=100, max_length=20_000)]
    label: Label


class TrustIssuerCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    issuer_id: Annotated[SafeStr, StringConstraints(min_length=3, max_length=500)] = Field(
        description="The issuer identifier credentials name (a URL or a DID)."
    )
    label: Label
    keys: list[dict[str, Any]] = Field(default_factory=list, max_length=20, description="Public JWKs.")
    jwks_uri: Annotated[str, StringConstraints(pattern=r"^https?://\S{1,490}$")] | None = Field(
        default=None,
        description="Where the issuer publishes its keys (a JWK Set), fetched through the outbound guard when a "
        "credential names the issuer: for issuers that sign themselves and rotate their keys.",
    )
    accreditation: dict[str, Any] = Field(
        default_factory=dict, description="The issuer's accreditation or quality-assurance record, with its source."
    )


class TrustEntryPublic(BaseModel):
    id: uuid.UUID
    kind: str
    label: str
    issuer_id: str | None
    certificate_pem: str | None
    keys: list[dict[str, Any]]
    jwks_uri: str | None = None
    accreditation: dict[str, Any]
    created_at: datetime
