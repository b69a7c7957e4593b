"""Inbox and push request and response models."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from core.text import Email, SafeStr
from wallet.formats import ACCEPTED_MEDIA_TYPES

MAX_BATCH = 1000
MediaType = Literal[tuple(sorted(ACCEPTED_MEDIA_TYPES))]  # type: ignore[valid-type]


class Recipient(BaseModel):
    """The learner: their Passerelle identifier, or an e-mail address (an invitation is mailed when no account has
    it)."""

    model_config = ConfigDict(extra="forbid")

    learner_id: uuid.UUID | None = None
    email: Email | None = None

    @model_validator(mode="after")
    def _one(self) -> Recipient:
        if self.learner_id is None and self.email is None:
            raise ValueError("name the learner by `learner_id` or `email`")
        return self


class BatchItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    recipient: Recipient
    credential: Annotated[SafeStr, StringConstraints(min_length=1, max_length=1_000_000)] = Field(
        description="The credential document as text: JSON or JSON-LD, a compact JWT, an SD-JWT, ELMO XML."
    )
    media_type: MediaType = Field(  # type: ignore[valid-type]
        description="The document's media type (`application/vc+jwt`, …)."
    )
    external_id: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = Field(
        default=None, description="Your own identifier for the credential, echoed in events."
    )


class BatchPush(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: list[BatchItem] = Field(min_length=1, max_length=MAX_BATCH)


class ItemProblem(BaseModel):
    code: str
    detail: str


class BatchItemResult(BaseModel):
    index: int
    status: Literal["delivered", "invited", "duplicate", "rejected"] = Field(
        description="`delivered` to a learner's inbox; `invited` (waits on an invitation mailed to the address); "
        "`duplicate` (this institution already pushed the same credential: nothing was created); `rejected`."
    )
    item_id: uuid.UUID | None = None
    problem: ItemProblem | None = None


class BatchResult(BaseModel):
    items: list[BatchItemResult]
    counts: dict[str, int]


class DeliveryPublic(BaseModel):
    """What the institution sees of a pushed credential: its delivery state, never the wallet."""

    id: uuid.UUID
    external_id: str | None
    status: Literal["pending", "accepted", "declined", "expired"]
    invited: bool = Field(description="Waiting for a learner to claim an invitation.")
    created_at: datetime
    decided_at: datetime | None


class InstitutionEventPublic(BaseModel):
    id: uuid.UUID
    seq: int = Field(
        description="The event's number in your feed: 1, 2, 3 … in the order the events were committed, no gaps."
    )
    type: str = Field(description="`delivered`, `invited`, `invitation_claimed`, `accepted`, `declined`.")
    item_id: uuid.UUID | None
    data: dict[str, Any]
    at: datetime


class InstitutionEventPage(BaseModel):
    items: list[InstitutionEventPublic]
    next_cursor: str | None = Field(description="Send it back to continue; an empty page keeps it (poll later).")


class InstitutionRef(BaseModel):
    id: uuid.UUID
    name: str
    country: str | None
    kind: str


class IssuerRef(BaseModel):
    """The credential issuer a collected credential came from."""

    id: str = Field(description="Its Credential Issuer Identifier (a URL), from which its metadata is read.")
    name: str | None = Field(description="Its display name, as its metadata gives it.")


class InboxItemPublic(BaseModel):
    id: uuid.UUID
    source: Literal["push", "openid4vci"] = Field(
        description="`push`: an institution sent it; `openid4vci`: you collected it from a credential issuer's offer."
    )
    institution: InstitutionRef | None = Field(description="The institution that pushed it; `null` when collected.")
    issuer: IssuerRef | None = Field(
        description="The credential issuer you collected it from (OpenID4VCI); `null` when pushed."
    )
    title: str | None
    format: str
    summary: dict[str, Any] = Field(description="What the credential says, to decide before accepting.")
    status: Literal["pending", "accepted", "declined", "expired"]
    credential_id: uuid.UUID | None = Field(description="The wallet credential, once accepted.")
    created_at: datetime
    decided_at: datetime | None


class InboxPage(BaseModel):
    items: list[InboxItemPublic]
    next_cursor: str | None


class InvitationClaim(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{20,100}$")] = Field(
        description="The code from the invitation e-mail."
    )


class ClaimResult(BaseModel):
    moved: int = Field(description="How many credentials moved into your inbox.")
