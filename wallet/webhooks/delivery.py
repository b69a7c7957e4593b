"""Sending webhooks: claim what is due, POST it signed, record what happened.

`deliver_due()` runs one round in three short steps:

1. **Claim.** In one transaction, the due pending deliveries of enabled endpoints get their next attempt moved a
   lease ahead, so no other worker takes them while they are in flight. On PostgreSQL the rows are read `FOR
   UPDATE SKIP LOCKED`, so several workers share the queue; on SQLite the single writer serialises claims. A worker
   that dies mid-round leaves its deliveries to come back when the lease ends: delivery is at least once, and
   receivers drop repeats by `webhook-id`.
2. **Send**, outside any transaction, a few at a time. The host is resolved again and every address checked
   (loopback, private, link-local and reserved addresses are refused unless the host is in
   `outbound_allowed_hosts`), then the request goes to the address that was checked — with the original name in
   `Host` and as the TLS server name — so a DNS answer that changes between check and connection cannot redirect
   it. Redirects are not followed (Standard Webhooks: 3xx is a failure); the whole exchange is bounded by
   `webhook_timeout_seconds`; the answer's body is never read.
3. **Record.** 2xx: delivered. 410 Gone: the delivery is dead and the endpoint disabled (the receiver asked for no
   more). Anything else — another status, a timeout, a refused or unreachable address — is retried after an
   exponential backoff with full jitter: a uniform random delay up to 30 s × 2^(attempts − 1), capped at 6 hours,
   or later when the answer's `Retry-After` asks; after `MAX_ATTEMPTS` the delivery is dead (a dead letter the
   institution can list and redeliver).

`WebhookDispatcher` runs rounds in a loop inside the service or `passerelle worker`.
"""

from __future__ import annotations

import email.utils
import json
import secrets
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import anyio
import anyio.to_thread
import httpx
import structlog
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from core.background import RoundLoop
from core.clock import utcnow
from core.errors import ServiceUnavailable
from core.outbound import OutboundRefused, check_destination
from core.settings import Settings
from wallet.webhooks import signing
from wallet.webhooks.models import DEAD, DELIVERED, PENDING, WebhookDelivery, WebhookEndpoint

log = structlog.get_logger("passerelle.webhooks")

MAX_ATTEMPTS = 12
BASE_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(hours=6)
BATCH = 50
CONCURRENCY = 10
LEASE_MARGIN = timedelta(seconds=60)
USER_AGENT = "Passerelle-Webhooks/1.0"

_random = secrets.SystemRandom()


def backoff_ceiling(attempts: int) -> timedelta:
    """The longest wait after `attempts` failed attempts: 30 s, 1 min, 2 min, … capped at 6 hours."""
    return min(MAX_DELAY, BASE_DELAY * (1 << min(max(0, attempts - 1), 20)))


def backoff(attempts: int, *, draw: Callable[[float, float], float] = _random.uniform) -> timedelta:
    """Full jitter: a uniform draw between zero and the ceiling, so receivers recovering from an outage are not hit
    by every retry at once."""
    return timedelta(seconds=draw(0.0, backoff_ceiling(attempts).total_seconds()))


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """A `Retry-After` header (RFC 9110 §10.2.3: seconds or an HTTP date) as seconds from now; None if absent or
    unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - now).total_seconds())


@dataclass(frozen=True)
class Attempt:
    """What sending one delivery needs, read while claiming it."""

    delivery_id: uuid.UUID
    endpoint_id: uuid.UUID
    url: str
    signing_secrets: tuple[str, ...]
    payload: dict[str, Any]


@dataclass(frozen=True)
class Outcome:
    status_code: int | None = None
    error: str | None = None
    retry_after: float | None = None

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


@dataclass(frozen=True)
class Round:
    claimed: int
    delivered: int


def _signing_secrets(endpoint: WebhookEndpoint, now: datetime) -> tuple[str, ...]:
    previous = endpoint.previous_secret
    expires = endpoint.previous_secret_expires_at
    if previous and expires is not None and expires > now:
        return (endpoint.secret, previous)
    return (endpoint.secret,)


async def _claim(sessions: async_sessionmaker[AsyncSession], *, now: datetime, lease: timedelta) -> list[Attempt]:
    async with sessions() as session, session.begin():
        statement = (
            select(WebhookDelivery, WebhookEndpoint)
            .join(WebhookEndpoint, col(WebhookEndpoint.id) == col(WebhookDelivery.endpoint_id))
            .where(
                col(WebhookDelivery.status) == PENDING,
                col(WebhookDelivery.next_attempt_at) <= now,
                col(WebhookEndpoint.enabled).is_(True),
            )
            .order_by(col(WebhookDelivery.next_attempt_at))
            .limit(BATCH)
        )
        if session.get_bind().dialect.name == "postgresql":
            statement = statement.with_for_update(skip_locked=True, of=WebhookDelivery)
        claimed = []
        for delivery, endpoint in (await session.execute(statement)).all():
            delivery.next_attempt_at = now + lease
            claimed.append(
                Attempt(
                    delivery_id=delivery.id,
                    endpoint_id=endpoint.id,
                    url=endpoint.url,
                    signing_secrets=_signing_secrets(endpoint, now),
                    payload=delivery.payload,
                )
            )
    return claimed


async def pinned_target(url: str, allowed_hosts: list[str]) -> tuple[httpx.URL, dict[str, str], dict[str, Any]]:
    """Where to connect for `url` (`core.outbound.check_destination`: the address that was checked, with the `Host`
    header and the `sni_hostname` extension that keep the name), over https only unless the host is allow-listed."""
    try:
        target = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise OutboundRefused("The webhook URL is not valid.") from exc
    host = target.host
    if not host or target.userinfo:
        raise OutboundRefused("Webhooks are sent to URLs with a host and no credentials.")
    if host in allowed_hosts:
        if target.scheme not in {"http", "https"}:
            raise OutboundRefused("Webhooks are sent over http(s) only.")
    elif target.scheme != "https":
        raise OutboundRefused("Webhooks are sent over https only.")
    destination = await check_destination(url, allowed_hosts)
    return destination.url, destination.headers, destination.extensions


def body_of(payload: dict[str, Any]) -> bytes:
    """The exact bytes sent and signed: compact JSON, UTF-8."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


async def _send(client: httpx.AsyncClient, attempt: Attempt, *, allowed_hosts: list[str], timeout: float) -> Outcome:
    body = body_of(attempt.payload)
    timestamp = int(utcnow().timestamp())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        **signing.headers(attempt.signing_secrets, str(attempt.delivery_id), timestamp, body),
    }
    try:
        with anyio.fail_after(timeout):
            target, host_header, extensions = await pinned_target(attempt.url, allowed_hosts)
            async with client.stream(
                "POST", target, content=body, headers={**headers, **host_header}, extensions=extensions
            ) as response:
                # The body is never read: only the status matters, and an endpoint cannot make us hold a large one.
                return Outcome(
                    status_code=response.status_code,
                    retry_after=retry_after_seconds(response.headers.get("Retry-After"), utcnow()),
                )
    except OutboundRefused as exc:
        return Outcome(error=f"Refused: {exc.detail}")
    except ServiceUnavailable as exc:
        return Outcome(error=exc.detail)
    except TimeoutError:
        return Outcome(error=f"No answer within {timeout:g} seconds.")
    except httpx.HTTPError as exc:
        return Outcome(error=f"{type(exc).__name__}: {exc}"[:500])


async def _send_all(attempts: Sequence[Attempt], settings: Settings) -> list[Outcome]:
    outcomes = [Outcome(error="Not attempted.")] * len(attempts)
    limiter = anyio.CapacityLimiter(CONCURRENCY)
    timeout = settings.webhook_timeout_seconds

    async def one(client: httpx.AsyncClient, index: int, attempt: Attempt) -> None:
        async with limiter:
            try:
                outcomes[index] = await _send(
                    client, attempt, allowed_hosts=settings.outbound_allowed_hosts, timeout=timeout
                )
            except Exception:  # one delivery's bug must not hold back the others; it is retried like a failure
                log.exception("webhook_send_failed", delivery_id=str(attempt.delivery_id))
                outcomes[index] = Outcome(error="Internal error while sending.")

    # No connection is kept alive: connections go to checked addresses, and one opened (with its TLS server name)
    # for one host must never carry a request for another host that resolves to the same address.
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=0)
    # `fail_after` in `_send` bounds each whole attempt; httpx's own timeouts are only a backstop behind it.
    backstop = httpx.Timeout(timeout + 5)
    async with (
        httpx.AsyncClient(timeout=backstop, follow_redirects=False, trust_env=False, limits=limits) as client,
        anyio.create_task_group() as group,
    ):
        for index, attempt in enumerate(attempts):
            group.start_soon(one, client, index, attempt)
    return outcomes


def _next_attempt(attempts: int, outcome: Outcome, now: datetime) -> datetime:
    delay = backoff(attempts)
    if outcome.retry_after is not None:
        delay = max(delay, min(timedelta(seconds=outcome.retry_after), MAX_DELAY))
    return now + delay


async def _record(
    sessions: async_sessionmaker[AsyncSession], results: Sequence[tuple[Attempt, Outcome]], *, now: datetime
) -> int:
    delivered = 0
    async with sessions() as session, session.begin():
        ids = [attempt.delivery_id for attempt, _ in results]
        rows = (await session.execute(select(WebhookDelivery).where(col(WebhookDelivery.id).in_(ids)))).scalars()
        deliveries = {delivery.id: delivery for delivery in rows}
        for attempt, outcome in results:
            delivery = deliveries.get(attempt.delivery_id)
            if delivery is None or delivery.status != PENDING:  # the endpoint was deleted meanwhile
                continue
            delivery.attempts += 1
            delivery.last_status_code = outcome.status_code
            context = {"delivery_id": str(delivery.id), "endpoint_id": str(attempt.endpoint_id)}
            if outcome.delivered:
                delivery.status, delivery.delivered_at = DELIVERED, utcnow()
                delivered += 1
                log.info("webhook_delivered", status_code=outcome.status_code, attempts=delivery.attempts, **context)
            elif outcome.status_code == 410:
                # Standard Webhooks, "Delivery success and failure": 410 Gone asks the sender to stop.
                delivery.status, delivery.last_error = DEAD, "The endpoint answered 410 Gone and was disabled."
                endpoint = await session.get(WebhookEndpoint, attempt.endpoint_id)
                if endpoint is not None and endpoint.enabled:
                    endpoint.enabled = False
                    endpoint.disabled_reason = f"It answered 410 Gone on {now:%Y-%m-%d %H:%M} UTC."
                log.warning("webhook_endpoint_gone", **context)
            else:
                delivery.last_error = (outcome.error or f"The endpoint answered HTTP {outcome.status_code}.")[:500]
                if delivery.attempts >= MAX_ATTEMPTS:
                    delivery.status = DEAD
                    log.warning("webhook_dead", attempts=delivery.attempts, **context)
                else:
                    delivery.next_attempt_at = _next_attempt(delivery.attempts, outcome, now)
                    log.info("webhook_retry", status_code=outcome.status_code, attempts=delivery.attempts, **context)
    return delivered


async def deliver_due(
    sessions: async_sessionmaker[AsyncSession], settings: Settings, *, now: datetime | None = None
) -> Round:
    """One round: claim the deliveries due at `now` (default: the current time), send them, record the outcomes."""
    now = now or utcnow()
    lease = timedelta(seconds=settings.webhook_timeout_seconds) + LEASE_MARGIN
    attempts = await _claim(sessions, now=now, lease=lease)
    if not attempts:
        return Round(claimed=0, delivered=0)
    outcomes = await _send_all(attempts, settings)
    delivered = await _record(sessions, list(zip(attempts, outcomes, strict=True)), now=now)
    return Round(claimed=len(attempts), delivered=delivered)


PRUNE_EVERY = timedelta(hours=1)
PRUNE_BATCH = 5000


async def prune_delivered(
    sessions: async_sessionmaker[AsyncSession], settings: Settings, *, now: datetime | None = None
) -> int:
    """Delete up to `PRUNE_BATCH` deliveries delivered more than `webhook_retention_days` ago; how many went. The
    change feed keeps the events themselves; a delivered row only says that one endpoint got one event."""
    cutoff = (now or utcnow()) - timedelta(days=settings.webhook_retention_days)
    old = (
        select(col(WebhookDelivery.id))
        .where(col(WebhookDelivery.status) == DELIVERED, col(WebhookDelivery.delivered_at) < cutoff)
        .limit(PRUNE_BATCH)
    )
    async with sessions() as session:  # a read first: most rounds find nothing, and take no write lock
        ids = list((await session.execute(old)).scalars())
    if ids:
        async with sessions() as session, session.begin():
            await session.execute(
                delete(WebhookDelivery).where(
                    col(WebhookDelivery.id).in_(ids), col(WebhookDelivery.status) == DELIVERED
                )
            )
    if ids:
        log.info("webhook_deliveries_pruned", count=len(ids))
    return len(ids)


class WebhookDispatcher(RoundLoop):
    """Runs delivery rounds every `interval` seconds (at once again after a full batch, or when `wake()` is
    called)."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], settings: Settings, interval: float = 5.0) -> None:
        pruned_at: list[datetime] = []

        async def run_round() -> bool:
            now = utcnow()
            if not pruned_at or now - pruned_at[0] >= PRUNE_EVERY:
                pruned_at[:] = [now]
                await prune_delivered(sessions, settings, now=now)
            return (await deliver_due(sessions, settings)).claimed >= BATCH  # more may be due

        super().__init__("webhook-dispatcher", run_round, interval)
