"""Webhook endpoints and the deliveries waiting for them.

Institution side: `register_endpoint` (the URL passes the SSRF guard: https only, public addresses only, unless
the host is in `outbound_allowed_hosts`), `list_endpoints`, `delete_endpoint`, `rotate_secret`, `enable_endpoint`,
`list_deliveries` (the dead letters among them), `redeliver`. Event side: `enqueue` adds one delivery per matching
enabled endpoint, in the caller's transaction. Sending is `wallet.webhooks.delivery`. Services flush, never commit.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from core.clock import utcnow
from core.errors import ServiceUnavailable
from core.outbound import OutboundRefused, check_destination
from wallet.inbox.models import InstitutionEvent
from wallet.service import decode_cursor, encode_cursor
from wallet.webhooks import signing
from wallet.webhooks.errors import (
    DeliveryNotDead,
    EndpointDisabled,
    TooManyEndpoints,
    WebhookDeliveryNotFound,
    WebhookEndpointNotFound,
    WebhookURLRefused,
)
from wallet.webhooks.models import DEAD, PENDING, WebhookDelivery, WebhookEndpoint
from wallet.webhooks.schemas import WebhookEndpointCreate

MAX_ENDPOINTS = 10
MAX_PAGE = 100
MAX_SECRET_OVERLAP = timedelta(days=7)


async def check_url(url: str, allowed_hosts: list[str]) -> None:
    """Refuse a URL webhooks are not sent to: not https (unless allow-listed), credentials in it, or a host that
    resolves to a loopback, private, link-local or reserved address (the outbound SSRF guard)."""
    if not url.isprintable() or any(character.isspace() for character in url):
        raise WebhookURLRefused("A webhook URL has no spaces or control characters.")
    parts = urlsplit(url)
    if parts.scheme != "https" and not (parts.scheme == "http" and parts.hostname in allowed_hosts):
        raise WebhookURLRefused("Webhooks are sent to https URLs only.")
    if parts.fragment:
        raise WebhookURLRefused("A webhook URL has no fragment.")
    try:
        await check_destination(url, allowed_hosts)
    except OutboundRefused as exc:
        raise WebhookURLRefused(exc.detail) from exc
    except ServiceUnavailable as exc:
        raise WebhookURLRefused(f"{exc.detail} Register a URL whose host resolves.") from exc


async def register_endpoint(
    session: AsyncSession, institution_id: uuid.UUID, request: WebhookEndpointCreate, *, allowed_hosts: list[str]
) -> WebhookEndpoint:
    """Register an endpoint with a new signing secret (the caller shows it once)."""
    await check_url(request.url, allowed_hosts)
    count = (
        await session.execute(select(func.count()).where(col(WebhookEndpoint.institution_id) == institution_id))
    ).scalar_one()
    if count >= MAX_ENDPOINTS:
        raise TooManyEndpoints(f"An institution has at most {MAX_ENDPOINTS} webhook endpoints; delete one first.")
    endpoint = WebhookEndpoint(
        institution_id=institution_id,
        url=request.url,
        secret=signing.new_secret(),
        event_types=sorted(set(request.event_types)),
    )
    session.add(endpoint)
    await session.flush()
    return endpoint


async def list_endpoints(session: AsyncSession, institution_id: uuid.UUID) -> list[WebhookEndpoint]:
    statement = (
        select(WebhookEndpoint)
        .where(col(WebhookEndpoint.institution_id) == institution_id)
        .order_by(col(WebhookEndpoint.id))
    )
    return list((await session.execute(statement)).scalars())


async def get_endpoint(session: AsyncSession, institution_id: uuid.UUID, endpoint_id: uuid.UUID) -> WebhookEndpoint:
    statement = select(WebhookEndpoint).where(
        col(WebhookEndpoint.id) == endpoint_id, col(WebhookEndpoint.institution_id) == institution_id
    )
    found = (await session.execute(statement)).scalar_one_or_none()
    if found is None:
        raise WebhookEndpointNotFound()
    return found


async def delete_endpoint(session: AsyncSession, institution_id: uuid.UUID, endpoint_id: uuid.UUID) -> None:
    """Remove the endpoint and every delivery to it, pending or not."""
    endpoint = await get_endpoint(session, institution_id, endpoint_id)
    await session.delete(endpoint)
    await session.flush()


async def rotate_secret(
    session: AsyncSession, institution_id: uuid.UUID, endpoint_id: uuid.UUID, *, overlap: timedelta
) -> WebhookEndpoint:
    """A new secret; the current one keeps signing next to it for `overlap` (zero withdraws it at once)."""
    endpoint = await get_endpoint(session, institution_id, endpoint_id)
    overlap = min(overlap, MAX_SECRET_OVERLAP)
    if overlap > timedelta(0):
        endpoint.previous_secret = endpoint.secret
        endpoint.previous_secret_expires_at = utcnow() + overlap
    else:
        endpoint.previous_secret = endpoint.previous_secret_expires_at = None
    endpoint.secret = signing.new_secret()
    await session.flush()
    return endpoint


async def enable_endpoint(session: AsyncSession, institution_id: uuid.UUID, endpoint_id: uuid.UUID) -> WebhookEndpoint:
    """Resume delivery to an endpoint that was disabled; its pending deliveries go out again."""
    endpoint = await get_endpoint(session, institution_id, endpoint_id)
    endpoint.enabled, endpoint.disabled_reason = True, None
    await session.flush()
    return endpoint


def payload_of(event: InstitutionEvent) -> dict[str, Any]:
    """The JSON body announcing an event, in the Standard Webhooks shape (`type`, `timestamp`, `data`)."""
    return {
        "type": event.type,
        "timestamp": event.at.isoformat().replace("+00:00", "Z"),
        "data": {
            "event_id": str(event.id),
            "item_id": str(event.item_id) if event.item_id else None,
            **event.data,
        },
    }


async def enqueue_many(session: AsyncSession, events: Sequence[InstitutionEvent]) -> list[WebhookDelivery]:
    """One delivery per event and matching enabled endpoint of the event's institution; they are sent only if
    the caller's transaction commits."""
    institutions = {event.institution_id for event in events}
    if not institutions:
        return []
    statement = select(WebhookEndpoint).where(
        col(WebhookEndpoint.institution_id).in_(institutions), col(WebhookEndpoint.enabled).is_(True)
    )
    endpoints = list((await session.execute(statement)).scalars())
    if not endpoints:
        return []
    now = utcnow()
    deliveries = [
        WebhookDelivery(
            endpoint_id=endpoint.id, event_id=event.id, payload=payload_of(event), next_attempt_at=now, created_at=now
        )
        for event in events
        for endpoint in endpoints
        if endpoint.institution_id == event.institution_id
        and (not endpoint.event_types or event.type in endpoint.event_types)
    ]
    session.add_all(deliveries)
    return deliveries


async def enqueue(session: AsyncSession, event: InstitutionEvent) -> list[WebhookDelivery]:
    """Queue the event for every matching enabled endpoint, in the caller's transaction."""
    return await enqueue_many(session, [event])


async def list_deliveries(
    session: AsyncSession,
    institution_id: uuid.UUID,
    *,
    status: str | None,
    endpoint_id: uuid.UUID | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[WebhookDelivery], str | None]:
    """The institution's deliveries, newest first (with `status="dead"`: the dead letters)."""
    limit = max(1, min(limit, MAX_PAGE))
    statement = (
        select(WebhookDelivery)
        .join(WebhookEndpoint, col(WebhookEndpoint.id) == col(WebhookDelivery.endpoint_id))
        .where(col(WebhookEndpoint.institution_id) == institution_id)
    )
    if status:
        statement = statement.where(col(WebhookDelivery.status) == status)
    if endpoint_id:
        statement = statement.where(col(WebhookDelivery.endpoint_id) == endpoint_id)
    if cursor:
        statement = statement.where(col(WebhookDelivery.id) < decode_cursor(cursor))
    statement = statement.order_by(col(WebhookDelivery.id).desc()).limit(limit + 1)
    rows = list((await session.execute(statement)).scalars())
    page = rows[:limit]
    return page, encode_cursor(page[-1].id) if len(rows) > limit else None


async def redeliver(session: AsyncSession, institution_id: uuid.UUID, delivery_id: uuid.UUID) -> WebhookDelivery:
    """Put a dead delivery back in the queue, with a fresh set of attempts; it keeps its `webhook-id`."""
    statement = (
        select(WebhookDelivery, WebhookEndpoint)
        .join(WebhookEndpoint, col(WebhookEndpoint.id) == col(WebhookDelivery.endpoint_id))
        .where(col(WebhookDelivery.id) == delivery_id, col(WebhookEndpoint.institution_id) == institution_id)
    )
    row = (await session.execute(statement)).one_or_none()
    if row is None:
        raise WebhookDeliveryNotFound()
    delivery, endpoint = row
    if delivery.status != DEAD:
        raise DeliveryNotDead(f"This delivery is {delivery.status}; only a dead one can be redelivered.")
    if not endpoint.enabled:
        raise EndpointDisabled()
    delivery.status, delivery.attempts, delivery.next_attempt_at = PENDING, 0, utcnow()
    await session.flush()
    return delivery
