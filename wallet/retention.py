"""Retention (GDPR Art. 5(1)(e)): what the service keeps only for a while, deleted on schedule.

| What | Deleted when | Setting (default) |
|---|---|---|
| share access-log rows | older than | `retention_access_log_days` (365) |
| idempotency records | older than | `retention_idempotency_days` (7) |
| shares (items, codes, access log) | expired or revoked longer ago than | `retention_expired_share_days` (90) |
| unclaimed invitations (and the credentials waiting on them) | expired longer ago than | `retention_invitation_days` (30) |
| unused endorsement requests | expired or withdrawn longer ago than | `retention_endorsement_request_days` (30) |
| used endorsement requests: endorser e-mail, message | used longer ago than | the same |

A share that a row of another domain still points at (a recognition case's documents) is kept: deleting it would
cascade into that domain's record. Each kind is deleted in batches of `BATCH` rows per round; a round that filled a
batch runs again at once. `RetentionLoop` runs the rounds in `passerelle worker`, or in the serving process.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import structlog
from sqlalchemy import ColumnElement, Table, and_, delete, exists, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import SQLModel, col

from core.background import RoundLoop
from core.clock import utcnow
from core.idempotency import IdempotencyRecord
from core.settings import Settings
from wallet.inbox.models import Invitation
from wallet.learning.models import EndorsementRequest
from wallet.sharing.models import Share, ShareCode, ShareEvent, ShareItem

log = structlog.get_logger("passerelle.retention")

BATCH = 5000
OWN_SHARE_TABLES = frozenset({ShareItem.__tablename__, ShareEvent.__tablename__, ShareCode.__tablename__})


def _share_holders() -> list[tuple[Table, Any]]:
    """Tables of other domains with a foreign key to `shares.id` (read from the metadata: the wallet imports none of
    them). The worker and the app import every model, so every holder is known when this runs."""
    holders = []
    for table in SQLModel.metadata.sorted_tables:
        if table.name in OWN_SHARE_TABLES:
            continue
        for key in table.foreign_keys:
            if key.column.table.name == Share.__tablename__:
                holders.append((table, key.parent))
    return holders


def _not_held() -> list[ColumnElement[bool]]:
    return [~exists().where(column == col(Share.id)) for _, column in _share_holders()]


async def _delete_batch(session: AsyncSession, model: Any, id_column: Any, where: ColumnElement[bool]) -> int:
    ids = list((await session.execute(select(id_column).where(where).limit(BATCH))).scalars())
    if ids:
        await session.execute(delete(model).where(id_column.in_(ids)))
    return len(ids)


async def purge(
    sessions: async_sessionmaker[AsyncSession], settings: Settings, *, now: datetime | None = None
) -> dict[str, int]:
    """One round: up to `BATCH` rows of each kind past its period; how many of each went."""
    now = now or utcnow()

    def cutoff(days: int) -> datetime:
        return now - timedelta(days=days)

    access_log = cutoff(settings.retention_access_log_days)
    idempotency = cutoff(settings.retention_idempotency_days)
    shares = cutoff(settings.retention_expired_share_days)
    invitations = cutoff(settings.retention_invitation_days)
    requests = cutoff(settings.retention_endorsement_request_days)
    counts: dict[str, int] = {}
    async with sessions() as session, session.begin():
        counts["access_log"] = await _delete_batch(
            session, ShareEvent, col(ShareEvent.id), col(ShareEvent.at) < access_log
        )
        counts["idempotency_records"] = await _delete_batch(
            session, IdempotencyRecord, col(IdempotencyRecord.id), col(IdempotencyRecord.created_at) < idempotency
        )
        counts["shares"] = await _delete_batch(
            session,
            Share,
            col(Share.id),
            and_(or_(col(Share.expires_at) < shares, col(Share.revoked_at) < shares), *_not_held()),
        )
        counts["invitations"] = await _delete_batch(
            session,
            Invitation,
            col(Invitation.id),
            and_(col(Invitation.claimed_at).is_(None), col(Invitation.expires_at) < invitations),
        )
        counts["endorsement_requests"] = await _delete_batch(
            session,
            EndorsementRequest,
            col(EndorsementRequest.id),
            and_(
                col(EndorsementRequest.used_at).is_(None),
                or_(col(EndorsementRequest.expires_at) < requests, col(EndorsementRequest.withdrawn_at) < requests),
            ),
        )
        # A used request carries its endorsement (ON DELETE CASCADE): it stays, without what it no longer needs.
        stripped: Any = await session.execute(
            update(EndorsementRequest)
            .where(
                col(EndorsementRequest.used_at) < requests,
                or_(col(EndorsementRequest.endorser_email).is_not(None), col(EndorsementRequest.message).is_not(None)),
            )
            .values(endorser_email=None, message=None)
        )
        counts["endorsement_requests_stripped"] = int(stripped.rowcount or 0)
    if any(counts.values()):
        log.info("retention_purged", **counts)
    return counts


class RetentionLoop(RoundLoop):
    """Runs `purge` every `retention_interval_seconds` (at once again while a batch comes back full)."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], settings: Settings, interval: float | None = None
    ) -> None:
        async def run_round() -> bool:
            counts = await purge(sessions, settings)
            return any(count >= BATCH for count in counts.values())

        super().__init__("retention", run_round, interval or settings.retention_interval_seconds)
