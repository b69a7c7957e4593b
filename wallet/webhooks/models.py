"""Webhook tables: the endpoints an institution registered, and one delivery per event and endpoint.

A delivery is written in the transaction of the event it announces (`service.enqueue`), so an event that commits
is never lost and one that rolls back is never announced. Its id is the Standard Webhooks `webhook-id`: the same on
every attempt, so a receiver can drop repeats.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Column, ForeignKey, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from core.clock import utcnow
from core.database import UTCDateTime
from core.ids import new_id
from wallet.models import PortableJSON

PENDING, DELIVERED, DEAD = "pending", "delivered", "dead"


class WebhookEndpoint(SQLModel, table=True):
    __tablename__ = "webhook_endpoints"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    institution_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("institutions.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    url: str = Field(max_length=2048)
    # The signing secret (`whsec_…`) is kept as issued, not hashed: HMAC signing needs the key itself on every
    # delivery. It is shown to the institution once (on creation and rotation) and never logged.
    secret: str = Field(max_length=100)
    previous_secret: str | None = Field(default=None, max_length=100)
    """After a rotation, the old secret still signs (a second signature) until `previous_secret_expires_at`."""
    previous_secret_expires_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    event_types: list[str] = Field(default_factory=list, sa_column=Column(PortableJSON, nullable=False))
    """The event types sent to this endpoint; empty means every type."""
    enabled: bool = True
    disabled_reason: str | None = Field(default=None, max_length=200)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class WebhookDelivery(SQLModel, table=True):
    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        UniqueConstraint("endpoint_id", "event_id"),
        # The sender's due query: pending rows by next attempt time.
        Index("ix_webhook_deliveries_status_next_attempt_at", "status", "next_attempt_at"),
        # An endpoint's deliveries by state, newest first (the dead-letter list); also serves the cascade.
        Index("ix_webhook_deliveries_endpoint_id_status_id", "endpoint_id", "status", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    endpoint_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("webhook_endpoints.id", ondelete="CASCADE"), nullable=False)
    )
    event_id: uuid.UUID
    """The institution event (`GET /v1/institutions/events`) this delivery announces."""
    payload: dict[str, Any] = Field(sa_column=Column(PortableJSON, nullable=False))
    status: str = Field(default=PENDING, max_length=16)
    """`pending`, `delivered` or `dead` (attempts exhausted, or the endpoint answered 410 Gone)."""
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    last_status_code: int | None = None
    last_error: str | None = Field(default=None, max_length=500)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    delivered_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
