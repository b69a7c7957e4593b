"""Recording consents, listing them, and withdrawing them.

`record` is called by the action the consent is for, in its transaction (a share, a recognition request, an inbox
acceptance); the row acting on it points at it (`wallet.consents.models`). `withdraw` marks the record and makes the
withdrawal take effect in the same transaction through the handler for its kind (`Withdrawal`): revoking a share,
withdrawing a recognition request (`recognition.cases` provides it — the wallet does not import recognition; `api`
wires the handlers). Services flush, never commit.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from core.accounts.models import Institution
from core.clock import utcnow
from wallet.consents.errors import ConsentNotFound, ConsentNotWithdrawable
from wallet.consents.models import NOTICE_VERSION, Consent, ConsentKind, CounterpartyType
from wallet.service import decode_cursor, encode_cursor

MAX_PAGE = 100


@dataclass(frozen=True)
class Counterparty:
    """Whom a consent is given to: a type, an id (none for anyone with a link) and a name to show."""

    type: CounterpartyType
    id: str | None
    name: str


ANYONE_WITH_LINK = Counterparty(CounterpartyType.ANYONE_WITH_LINK, None, "Anyone with the link")

Withdrawal = Callable[[AsyncSession, uuid.UUID, Consent], Awaitable[None]]
"""Makes a withdrawal take effect (revoke the share, withdraw the request) for the learner, in the caller's
transaction; it calls `mark_withdrawn` (directly or through the action it takes)."""


def is_active(consent: Consent, now: datetime) -> bool:
    return consent.withdrawn_at is None and (consent.expires_at is None or consent.expires_at > now)


async def record(
    session: AsyncSession,
    *,
    learner_id: uuid.UUID,
    kind: ConsentKind,
    purpose: str,
    counterparty: Counterparty,
    attributes: Iterable[str] = (),
    expires_at: datetime | None = None,
    actor_id: uuid.UUID | None = None,
    at: datetime | None = None,
) -> Consent:
    """Record a consent under the current privacy notice; flushed, so rows can point at it at once."""
    consent = Consent(
        learner_id=learner_id,
        kind=kind.value,
        purpose=purpose,
        counterparty_type=counterparty.type.value,
        counterparty_id=counterparty.id,
        counterparty_name=counterparty.name[:320],
        attributes=sorted(set(attributes)),
        notice_version=NOTICE_VERSION,
        granted_at=at or utcnow(),
        expires_at=expires_at,
        actor_id=actor_id or learner_id,
    )
    session.add(consent)
    await session.flush()
    return consent


async def mark_withdrawn(
    session: AsyncSession, consent_id: uuid.UUID, *, by: uuid.UUID, at: datetime | None = None
) -> None:
    """Record the withdrawal (once: a second one keeps the first time)."""
    await session.execute(
        update(Consent)
        .where(col(Consent.id) == consent_id, col(Consent.withdrawn_at).is_(None))
        .values(withdrawn_at=at or utcnow(), withdrawn_by=by)
        .execution_options(synchronize_session="fetch")
    )


async def set_expiry(session: AsyncSession, consent_id: uuid.UUID, expires_at: datetime) -> None:
    await session.execute(update(Consent).where(col(Consent.id) == consent_id).values(expires_at=expires_at))


async def get_consent(session: AsyncSession, learner_id: uuid.UUID, consent_id: uuid.UUID) -> Consent:
    found = (
        await session.execute(
            select(Consent).where(col(Consent.id) == consent_id, col(Consent.learner_id) == learner_id)
        )
    ).scalar_one_or_none()
    if found is None:
        raise ConsentNotFound()
    return found


async def list_consents(
    session: AsyncSession,
    learner_id: uuid.UUID,
    *,
    kind: ConsentKind | None,
    active: bool | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Consent], str | None]:
    """The learner's consents, newest first."""
    limit = max(1, min(limit, MAX_PAGE))
    statement = select(Consent).where(col(Consent.learner_id) == learner_id)
    if kind is not None:
        statement = statement.where(col(Consent.kind) == kind.value)
    if cursor:
        statement = statement.where(col(Consent.id) < decode_cursor(cursor))
    if active is not None:
        now = utcnow()
        live = col(Consent.withdrawn_at).is_(None) & (
            col(Consent.expires_at).is_(None) | (col(Consent.expires_at) > now)
        )
        statement = statement.where(live if active else ~live)
    rows = list((await session.execute(statement.order_by(col(Consent.id).desc()).limit(limit + 1))).scalars())
    page = rows[:limit]
    return page, encode_cursor(page[-1].id) if len(rows) > limit else None


async def withdraw(
    session: AsyncSession, learner_id: uuid.UUID, consent_id: uuid.UUID, *, handlers: Mapping[str, Withdrawal]
) -> Consent:
    """Withdraw a consent; it takes effect in this transaction (the next request sees it). Withdrawing twice is
    answered with the consent as it is."""
    consent = await get_consent(session, learner_id, consent_id)
    if consent.withdrawn_at is None:
        if consent.kind == ConsentKind.INBOX_ACCEPTANCE:
            raise ConsentNotWithdrawable()
        handler = handlers.get(consent.kind)
        if handler is not None:
            await handler(session, learner_id, consent)
        await mark_withdrawn(session, consent.id, by=learner_id)
        await session.refresh(consent)
    return consent


# -- inbox acceptance and institution feeds -----------------------------------------------------------------------


async def record_acceptance(
    session: AsyncSession,
    learner_id: uuid.UUID,
    *,
    institution: Institution | None,
    issuer: str | None,
    issuer_name: str | None,
    title: str | None,
    attributes: Iterable[str],
) -> Consent:
    """The learner accepted a credential: its acceptance consent and, for an institution's push, the feed consent
    (a new one if the learner has none in force for that institution)."""
    if institution is not None:
        counterparty = Counterparty(CounterpartyType.INSTITUTION, str(institution.id), institution.name)
    else:
        counterparty = Counterparty(CounterpartyType.ISSUER, issuer, issuer_name or issuer or "Unknown issuer")
    accepted = await record(
        session,
        learner_id=learner_id,
        kind=ConsentKind.INBOX_ACCEPTANCE,
        purpose=f"Keep “{title}” in my wallet" if title else "Keep a received credential in my wallet",
        counterparty=counterparty,
        attributes=attributes,
    )
    if institution is not None and await _feed_in_force(session, learner_id, institution.id) is None:
        await record(
            session,
            learner_id=learner_id,
            kind=ConsentKind.INSTITUTION_FEED,
            purpose=f"Receive credentials from {institution.name} in my inbox",
            counterparty=counterparty,
        )
    return accepted


async def _latest_feed(session: AsyncSession, learner_id: uuid.UUID, institution_id: uuid.UUID) -> Consent | None:
    statement = (
        select(Consent)
        .where(
            col(Consent.learner_id) == learner_id,
            col(Consent.kind) == ConsentKind.INSTITUTION_FEED.value,
            col(Consent.counterparty_id) == str(institution_id),
        )
        .order_by(col(Consent.granted_at).desc(), col(Consent.id).desc())
        .limit(1)
    )
    return (await session.execute(statement)).scalar_one_or_none()


async def _feed_in_force(session: AsyncSession, learner_id: uuid.UUID, institution_id: uuid.UUID) -> Consent | None:
    latest = await _latest_feed(session, learner_id, institution_id)
    return latest if latest is not None and latest.withdrawn_at is None else None


async def feed_withdrawn(
    session: AsyncSession, institution_id: uuid.UUID, learner_ids: Iterable[uuid.UUID]
) -> set[uuid.UUID]:
    """Of `learner_ids`, those whose latest feed consent for the institution is withdrawn: its pushes to them are
    refused. (A learner with no feed consent yet gets pushes in their inbox: accepting one is the consent.)"""
    wanted = set(learner_ids)
    if not wanted:
        return set()
    statement = (
        select(col(Consent.learner_id), col(Consent.withdrawn_at))
        .where(
            col(Consent.learner_id).in_(wanted),
            col(Consent.kind) == ConsentKind.INSTITUTION_FEED.value,
            col(Consent.counterparty_id) == str(institution_id),
        )
        .order_by(col(Consent.granted_at), col(Consent.id))
    )
    latest: dict[uuid.UUID, bool] = {}
    for learner_id, withdrawn_at in (await session.execute(statement)).all():
        latest[learner_id] = withdrawn_at is not None
    return {learner_id for learner_id, withdrawn in latest.items() if withdrawn}


_NOT_ATTRIBUTES = frozenset({"schema_version", "missing", "parts", "disclosable"})


def attribute_names(summary: Mapping[str, object]) -> list[str]:
    """The names of the attributes a credential's stored summary carries (never their values)."""
    return sorted(
        name for name, value in summary.items() if name not in _NOT_ATTRIBUTES and value not in (None, [], {}, "")
    )
