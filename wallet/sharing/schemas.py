"""Share request and response models."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from core.text import Email, SafeStr
from wallet.skills.schemas import SharedSkill
from wallet.summary.model import Summary

# The summary fields a learner can release; the rest of a summary is bookkeeping (schema_version, missing, parts).
SHAREABLE_FIELDS: tuple[str, ...] = tuple(
    name for name in Summary.model_fields if name not in {"schema_version", "missing", "parts", "disclosable"}
)
ShareableField = Literal[SHAREABLE_FIELDS]  # type: ignore[valid-type]
Purpose = Annotated[SafeStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
ClaimPath = Annotated[SafeStr, StringConstraints(min_length=1, max_length=200)]


class ShareItemCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    credential_id: uuid.UUID
    fields: list[ShareableField] = Field(
        min_length=1, max_length=len(SHAREABLE_FIELDS), description="Summary fields the viewer may see."
    )
    disclosures: list[ClaimPath] = Field(
        default_factory=list,
        max_length=200,
        description="SD-JWT VC only: the claims to disclose (names from the summary's `disclosable`); the viewer "
        "receives an SD-JWT presentation with only these disclosures.",
    )


class ShareRecipient(BaseModel):
    """At most one: an e-mail address (the viewer enters a one-time code sent there) or a recognition body."""

    model_config = ConfigDict(extra="forbid")

    email: Email | None = None
    body_id: uuid.UUID | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> ShareRecipient:
        if (self.email is None) == (self.body_id is None):
            raise ValueError("give either an e-mail address or a recognition body")
        return self


class ShareCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: list[ShareItemCreate] = Field(min_length=1, max_length=50)
    purpose: Purpose = Field(description="Why you share, in your words; the viewer sees it.")
    expires_in_days: int | None = Field(
        default=None, ge=1, description="Defaults to 30 days; at most the service's maximum (365 by default)."
    )
    max_views: int | None = Field(default=None, ge=1, le=10_000, description="How many reveals the link allows.")
    recipient: ShareRecipient | None = None
    notify_first_reveal: bool = Field(default=False, description="E-mail me when the share is first opened.")
    include_skills_profile: bool = Field(
        default=False,
        description="Also show a skills profile built from the learning outcomes this share releases (the "
        "`learning_outcomes` and `achievements` fields you choose per credential), never from credentials or "
        "fields outside the share. Needs at least one credential whose released fields state learning outcomes.",
    )


class ShareUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    expires_at: datetime | None = Field(default=None, description="A new expiry, within the service's maximum.")
    max_views: int | None = Field(default=None, ge=1, le=10_000)


class CheckView(BaseModel):
    name: str
    outcome: str
    reason: str


class VerificationView(BaseModel):
    """The verification result as a share shows it: each check's outcome and reason, no evidence values."""

    verified_at: datetime
    checks: list[CheckView]


class SharedCredential(BaseModel):
    """What a viewer receives for one credential: only the released fields."""

    format: str
    fields: dict[str, Any] = Field(description="The released summary fields, by name.")
    withheld: list[str] = Field(description="Summary fields the document carries that the learner did not release.")
    selective_disclosure: bool = Field(
        description="True when only the chosen disclosures leave (SD-JWT VC); otherwise Passerelle verified the "
        "whole document and releases only the listed fields."
    )
    sd_jwt: str | None = Field(
        default=None, description="SD-JWT VC: the presentation with only the chosen disclosures."
    )
    validity: Literal["valid", "expired", "not_yet_valid", "unknown"] = Field(
        description="The credential's own validity (not the link's expiry)."
    )
    verification: VerificationView | None = None
    recognition: dict[str, Any] | None = Field(
        default=None, description="The recognition packet, computed from the released fields only."
    )


class SensitiveFieldWarning(BaseModel):
    field: str = Field(
        description="The summary field, or for an SD-JWT VC the chosen disclosure (a claim path such as "
        "`birthdate`), that releases something sensitive."
    )
    message: str


class SharePreview(BaseModel):
    credentials: list[SharedCredential]
    warnings: list[SensitiveFieldWarning] = Field(
        description="Sensitive fields and SD-JWT VC disclosures the selection releases."
    )
    skills_profile: list[SharedSkill] | None = Field(
        default=None, description="With `include_skills_profile`: the skills profile the viewer will see."
    )


class ShareItemPublic(BaseModel):
    credential_id: uuid.UUID
    fields: list[str]
    disclosures: list[str]


class SharePublic(BaseModel):
    id: uuid.UUID
    purpose: str
    state: Literal["active", "expired", "revoked", "exhausted"]
    expires_at: datetime
    max_views: int | None
    views: int
    recipient: ShareRecipient | None
    notify_first_reveal: bool
    include_skills_profile: bool
    items: list[ShareItemPublic]
    first_revealed_at: datetime | None
    revoked_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class ShareCreated(SharePublic):
    url: str = Field(description="The link; shown in this answer only (only its SHA-256 is stored).")
    qr_svg: str = Field(description="The link's QR code as an SVG element (also at `GET …/{id}/qr`).")


class SharePage(BaseModel):
    items: list[SharePublic]
    next_cursor: str | None


class ShareEventPublic(BaseModel):
    id: uuid.UUID
    event: Literal["landing", "reveal", "download", "verification", "code_sent", "code_failed"]
    at: datetime
    fields: list[str]
    viewer_class: Literal["anonymous", "recipient", "officer"]
    viewer_body_id: uuid.UUID | None
    automated: bool
    count: int = Field(
        ge=1,
        description="How many accesses this entry stands for: 1, except for landings, where the identical landings of "
        "the link within one second (same kind of viewer, same network, automated or not) are one entry, at the "
        "time of the first.",
    )


class ShareEventPage(BaseModel):
    items: list[ShareEventPublic]
    next_cursor: str | None


class ShareLanding(BaseModel):
    """What anyone with the link sees before revealing: who shares what kind of credential, and why."""

    shared_by: str
    purpose: str
    credentials: list[str] = Field(description="The kind of each credential (its format, or its title if released).")
    expires_at: datetime
    recipient: Literal["anyone", "email", "body"]
    recipient_body: str | None = None
    skills_profile: bool = Field(
        default=False, description="Whether revealing also shows a skills profile built from what is shared."
    )
