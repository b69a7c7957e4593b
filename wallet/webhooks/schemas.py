"""Webhook request and response models."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from core.text import SafeStr

EventType = Literal["delivered", "invited", "invitation_claimed", "accepted", "declined"]
"""The institution events (`GET /v1/institutions/events`) a webhook can announce."""
DeliveryStatus = Literal["pending", "delivered", "dead"]


class WebhookEndpointCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: Annotated[SafeStr, StringConstraints(min_length=10, max_length=2048)] = Field(
        description="Where events are POSTed: an `https` URL of a public host (no credentials in it)."
    )
    event_types: list[EventType] = Field(
        default_factory=list,
        max_length=5,
        description="The event types to send here; empty (the default) sends every type.",
    )


class WebhookEndpointPublic(BaseModel):
    id: uuid.UUID
    url: str
    event_types: list[str] = Field(description="Empty means every event type.")
    enabled: bool = Field(description="A disabled endpoint is sent nothing; its pending deliveries wait.")
    disabled_reason: str | None = Field(description="Why delivery stopped (the endpoint answered 410 Gone).")
    previous_secret_expires_at: datetime | None = Field(
        description="After a rotation: until when the previous secret still signs, next to the new one."
    )
    created_at: datetime


class WebhookEndpointCreated(WebhookEndpointPublic):
    secret: str = Field(description="The signing secret (`whsec_…`). It is shown in this answer only: keep it.")


class WebhookEndpointList(BaseModel):
    items: list[WebhookEndpointPublic]


class WebhookSecretRotated(BaseModel):
    id: uuid.UUID
    secret: str = Field(description="The new signing secret (`whsec_…`), shown in this answer only.")
    previous_secret_expires_at: datetime | None = Field(
        description="Until when deliveries also carry a signature by the previous secret; null when it was "
        "withdrawn at once."
    )


class WebhookDeliveryPublic(BaseModel):
    id: uuid.UUID = Field(description="The `webhook-id` header: the same on every attempt.")
    endpoint_id: uuid.UUID
    event_id: uuid.UUID = Field(description="The event in `GET /v1/institutions/events`.")
    type: str
    status: DeliveryStatus = Field(
        description="`pending` (waiting for its next attempt), `delivered` (a 2xx answer) or `dead` (attempts "
        "exhausted, or the endpoint answered 410 Gone)."
    )
    attempts: int
    next_attempt_at: datetime | None = Field(description="When it is tried next, while pending.")
    last_status_code: int | None = Field(description="The HTTP status of the last attempt, when one answered.")
    last_error: str | None = Field(description="What went wrong on the last failed attempt.")
    created_at: datetime
    delivered_at: datetime | None


class WebhookDeliveryPage(BaseModel):
    items: list[WebhookDeliveryPublic]
    next_cursor: str | None = Field(description="Send it back to read older deliveries; null on the last page.")
