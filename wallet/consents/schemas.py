"""Consent records as the learner reads them."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class ConsentPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: str = Field(description="`share`, `recognition_request`, `inbox_acceptance` or `institution_feed`.")
    purpose: str
    counterparty_type: str = Field(
        description="`anyone_with_link`, `email_recipient`, `recognition_body`, `institution` or `issuer`."
    )
    counterparty_id: str | None
    counterparty_name: str
    attributes: list[str] = Field(description="Names of the fields released; never their values.")
    notice_version: str = Field(description="The version of the privacy notice the consent was given under.")
    granted_at: datetime
    expires_at: datetime | None
    actor_id: uuid.UUID
    withdrawn_at: datetime | None
    withdrawn_by: uuid.UUID | None
    recorded_at_migration: bool = Field(
        description="True for consents recorded by the migration that introduced consent records (from the share's "
        "or request's creation time), not at the moment the learner gave them."
    )
    active: bool = Field(description="Not withdrawn and not past `expires_at`.")


class ConsentPage(BaseModel):
    items: list[ConsentPublic]
    next_cursor: str | None
