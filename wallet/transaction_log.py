"""The learner's transaction log (`GET /v1/wallet/log`), in the style of the EUDI wallet's: what the wallet received,
shared, revealed, had verified and withdrew — when, with whom, which attribute NAMES (never a value).

It is not a table of its own: each entry is read from the row that recorded the event, in the event's own transaction,
so the log cannot miss an event or disagree with the wallet:

| type | action | read from |
|---|---|---|
| `received` | `pushed`, `collected` | `inbox_items.created_at` (an institution pushed it; the learner collected it) |
| `received` | `accepted`, `declined` | `inbox_items.decided_at` |
| `received` | `imported` | `credentials.created_at` of an upload (not a part of a bundle, not from the inbox) |
| `shared` | `share`, `recognition_request` | `consents.granted_at` |
| `revealed` | `reveal`, `download` | `share_events` (the share's access log) |
| `verified` | `verification` | `share_events` (a viewer verified the shared credentials live) |
| `withdrawn` | the consent's kind | `consents.withdrawn_at` (a revoked share, a withdrawn request or feed consent) |

Landing visits and one-time-code events stay in each share's own access log. Entries go when their rows go: shares'
access-log rows and purged shares by retention (the consents stay), everything by erasure.

Order: newest first by (time, source, row id); the cursor holds that triple, and each source is read with the
matching keyset condition, so pages neither repeat nor skip an entry.
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, and_, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from core.accounts.models import Institution
from core.errors import InvalidInput
from wallet.consents.models import Consent, ConsentKind
from wallet.consents.service import attribute_names
from wallet.inbox.models import SOURCE_OPENID4VCI, InboxItem
from wallet.models import Credential
from wallet.sharing.models import Share, ShareEvent

EntryType = Literal["received", "shared", "revealed", "verified", "withdrawn"]
ENTRY_TYPES: tuple[EntryType, ...] = ("received", "shared", "revealed", "verified", "withdrawn")
MAX_PAGE = 100
MAX_EXPORT = 10_000
REVEAL_EVENTS = ("reveal", "download")
VERIFY_EVENTS = ("verification",)


class LogEntry(BaseModel):
    id: str = Field(description="Stable: `<source>:<row id>`.")
    at: datetime
    type: EntryType
    action: str
    counterparty_type: str | None
    counterparty_id: str | None
    counterparty_name: str | None
    attributes: list[str] = Field(description="Names of the attributes involved; never their values.")
    share_id: uuid.UUID | None = None
    credential_id: uuid.UUID | None = None
    inbox_item_id: uuid.UUID | None = None
    consent_id: uuid.UUID | None = None


class LogPage(BaseModel):
    items: list[LogEntry]
    next_cursor: str | None


@dataclass(frozen=True)
class LogFilter:
    types: frozenset[EntryType] = frozenset(ENTRY_TYPES)
    since: datetime | None = None
    until: datetime | None = None
    counterparty: str | None = None
    """A counterparty id: an institution's or recognition body's id, an issuer's identifier, an e-mail address."""


@dataclass(frozen=True)
class _Cursor:
    at: datetime
    rank: int
    row_id: uuid.UUID


def encode_cursor(entry_at: datetime, rank: int, row_id: uuid.UUID) -> str:
    raw = _micros(entry_at).to_bytes(8, "big", signed=True) + bytes([rank]) + row_id.bytes
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _micros(at: datetime) -> int:
    return (at - _EPOCH) // timedelta(microseconds=1)


def decode_cursor(cursor: str) -> _Cursor:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        if len(raw) != 25:
            raise ValueError("not a log cursor")
        at = _EPOCH + timedelta(microseconds=int.from_bytes(raw[:8], "big", signed=True))
        return _Cursor(at, raw[8], uuid.UUID(bytes=raw[9:]))
    except (binascii.Error, ValueError, OverflowError) as exc:
        raise InvalidInput("The cursor is not one this log gave you.", code="invalid_cursor") from exc


def _keyset(at: Any, row_id: Any, rank: int, cursor: _Cursor | None) -> ColumnElement[bool] | None:
    """Rows of the source of `rank` that come after `cursor` in (time, rank, id) descending order."""
    if cursor is None:
        return None
    if rank < cursor.rank:
        return at <= cursor.at  # type: ignore[no-any-return]
    if rank > cursor.rank:
        return at < cursor.at  # type: ignore[no-any-return]
    return or_(at < cursor.at, and_(at == cursor.at, row_id < cursor.row_id))


def _window(at: Any, row_id: Any, rank: int, log_filter: LogFilter, cursor: _Cursor | None) -> list[Any]:
    conditions: list[Any] = []
    if log_filter.since is not None:
        conditions.append(at >= log_filter.since)
    if log_filter.until is not None:
        conditions.append(at < log_filter.until)
    keyset = _keyset(at, row_id, rank, cursor)
    if keyset is not None:
        conditions.append(keyset)
    return conditions


def _as_uuid(text: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(text) if text else None
    except ValueError:
        return None


@dataclass(frozen=True)
class _Row:
    at: datetime
    rank: int
    row_id: uuid.UUID
    entry: LogEntry


# Sources, each with its rank (its place among entries of the same time).
RECEIVED, DECIDED, IMPORTED, GRANTED, WITHDRAWN, ACCESSED = range(1, 7)


def _inbox_counterparty(item: InboxItem, institution_name: str | None) -> tuple[str, str | None, str | None]:
    if item.institution_id is not None:
        return "institution", str(item.institution_id), institution_name
    return "issuer", item.issuer, item.issuer_name or item.issuer


def _inbox_party(log_filter: LogFilter) -> list[Any]:
    if log_filter.counterparty is None:
        return []
    institution_id = _as_uuid(log_filter.counterparty)
    matches = [col(InboxItem.issuer) == log_filter.counterparty]
    if institution_id is not None:
        matches.append(col(InboxItem.institution_id) == institution_id)
    return [or_(*matches)]


async def _inbox(
    session: AsyncSession, learner_id: uuid.UUID, rank: int, log_filter: LogFilter, cursor: _Cursor | None, limit: int
) -> list[_Row]:
    at = col(InboxItem.created_at) if rank == RECEIVED else col(InboxItem.decided_at)
    statement = (
        select(InboxItem, col(Institution.name))
        .outerjoin(Institution, col(Institution.id) == col(InboxItem.institution_id))
        .where(col(InboxItem.recipient_id) == learner_id, *_inbox_party(log_filter))
        .where(*_window(at, col(InboxItem.id), rank, log_filter, cursor))
    )
    if rank == DECIDED:
        statement = statement.where(at.is_not(None), col(InboxItem.status).in_(("accepted", "declined")))
    rows = (await session.execute(statement.order_by(at.desc(), col(InboxItem.id).desc()).limit(limit))).all()
    found = []
    for item, institution_name in rows:
        when = item.created_at if rank == RECEIVED else item.decided_at
        assert when is not None  # DECIDED reads only decided items
        pushed = "collected" if item.source == SOURCE_OPENID4VCI else "pushed"
        action = pushed if rank == RECEIVED else item.status
        party = _inbox_counterparty(item, institution_name)
        entry = LogEntry(
            id=f"inbox-{action}:{item.id}",
            at=when,
            type="received",
            action=action,
            counterparty_type=party[0],
            counterparty_id=party[1],
            counterparty_name=party[2],
            attributes=attribute_names(item.summary),
            credential_id=item.credential_id,
            inbox_item_id=item.id,
            consent_id=item.consent_id,
        )
        found.append(_Row(when, rank, item.id, entry))
    return found


async def _imported(
    session: AsyncSession, learner_id: uuid.UUID, log_filter: LogFilter, cursor: _Cursor | None, limit: int
) -> list[_Row]:
    at = col(Credential.created_at)
    from_inbox = exists().where(col(InboxItem.credential_id) == col(Credential.id))
    statement = select(Credential).where(
        col(Credential.owner_id) == learner_id,
        col(Credential.parent_id).is_(None),
        ~from_inbox,
        *_window(at, col(Credential.id), IMPORTED, log_filter, cursor),
    )
    if log_filter.counterparty is not None:
        statement = statement.where(col(Credential.summary)["issuer"]["id"].as_string() == log_filter.counterparty)
    rows = (await session.execute(statement.order_by(at.desc(), col(Credential.id).desc()).limit(limit))).scalars()
    found = []
    for credential in rows:
        issuer = credential.summary.get("issuer") or {}
        entry = LogEntry(
            id=f"imported:{credential.id}",
            at=credential.created_at,
            type="received",
            action="imported",
            counterparty_type="issuer",
            counterparty_id=issuer.get("id"),
            counterparty_name=issuer.get("name") or issuer.get("id"),
            attributes=attribute_names(credential.summary),
            credential_id=credential.id,
        )
        found.append(_Row(credential.created_at, IMPORTED, credential.id, entry))
    return found


def _consent_party(log_filter: LogFilter) -> list[Any]:
    return [] if log_filter.counterparty is None else [col(Consent.counterparty_id) == log_filter.counterparty]


async def _consents(
    session: AsyncSession, learner_id: uuid.UUID, rank: int, log_filter: LogFilter, cursor: _Cursor | None, limit: int
) -> list[_Row]:
    at = col(Consent.granted_at) if rank == GRANTED else col(Consent.withdrawn_at)
    statement = select(Consent).where(
        col(Consent.learner_id) == learner_id,
        *_consent_party(log_filter),
        *_window(at, col(Consent.id), rank, log_filter, cursor),
    )
    if rank == GRANTED:
        kinds = (ConsentKind.SHARE.value, ConsentKind.RECOGNITION_REQUEST.value)
        statement = statement.where(col(Consent.kind).in_(kinds))
    else:
        statement = statement.where(at.is_not(None))
    rows = (await session.execute(statement.order_by(at.desc(), col(Consent.id).desc()).limit(limit))).scalars()
    found = []
    for consent in rows:
        when = consent.granted_at if rank == GRANTED else consent.withdrawn_at
        assert when is not None
        entry = LogEntry(
            id=f"{'consent' if rank == GRANTED else 'withdrawal'}:{consent.id}",
            at=when,
            type="shared" if rank == GRANTED else "withdrawn",
            action=consent.kind,
            counterparty_type=consent.counterparty_type,
            counterparty_id=consent.counterparty_id,
            counterparty_name=consent.counterparty_name,
            attributes=list(consent.attributes),
            consent_id=consent.id,
        )
        found.append(_Row(when, rank, consent.id, entry))
    return found


async def _accesses(
    session: AsyncSession,
    learner_id: uuid.UUID,
    events: Sequence[str],
    log_filter: LogFilter,
    cursor: _Cursor | None,
    limit: int,
) -> list[_Row]:
    at = col(ShareEvent.at)
    statement = (
        select(ShareEvent, Consent)
        .join(Share, col(Share.id) == col(ShareEvent.share_id))
        .join(Consent, col(Consent.id) == col(Share.consent_id))
        .where(col(Share.owner_id) == learner_id, col(ShareEvent.event).in_(list(events)), *_consent_party(log_filter))
        .where(*_window(at, col(ShareEvent.id), ACCESSED, log_filter, cursor))
    )
    rows = (await session.execute(statement.order_by(at.desc(), col(ShareEvent.id).desc()).limit(limit))).all()
    found = []
    for event, consent in rows:
        entry = LogEntry(
            id=f"access:{event.id}",
            at=event.at,
            type="verified" if event.event in VERIFY_EVENTS else "revealed",
            action=event.event,
            counterparty_type=consent.counterparty_type,
            counterparty_id=consent.counterparty_id,
            counterparty_name=consent.counterparty_name,
            attributes=list(event.fields),
            share_id=event.share_id,
            consent_id=consent.id,
        )
        found.append(_Row(event.at, ACCESSED, event.id, entry))
    return found


async def read_log(
    session: AsyncSession, learner_id: uuid.UUID, log_filter: LogFilter, *, limit: int, cursor: str | None
) -> LogPage:
    """One page of the learner's log, newest first."""
    limit = max(1, min(limit, MAX_EXPORT))
    after = decode_cursor(cursor) if cursor else None
    want = log_filter.types
    take = limit + 1
    rows: list[_Row] = []
    if "received" in want:
        rows += await _inbox(session, learner_id, RECEIVED, log_filter, after, take)
        rows += await _inbox(session, learner_id, DECIDED, log_filter, after, take)
        rows += await _imported(session, learner_id, log_filter, after, take)
    if "shared" in want:
        rows += await _consents(session, learner_id, GRANTED, log_filter, after, take)
    if "withdrawn" in want:
        rows += await _consents(session, learner_id, WITHDRAWN, log_filter, after, take)
    events = [*(REVEAL_EVENTS if "revealed" in want else ()), *(VERIFY_EVENTS if "verified" in want else ())]
    if events:
        rows += await _accesses(session, learner_id, events, log_filter, after, take)
    rows.sort(key=lambda row: (row.at, row.rank, row.row_id), reverse=True)
    page = rows[:limit]
    last = page[-1] if page else None
    next_cursor = encode_cursor(last.at, last.rank, last.row_id) if last is not None and len(rows) > limit else None
    return LogPage(items=[row.entry for row in page], next_cursor=next_cursor)


CSV_COLUMNS = (
    "at",
    "type",
    "action",
    "counterparty_type",
    "counterparty_id",
    "counterparty_name",
    "attributes",
    "share_id",
    "credential_id",
    "inbox_item_id",
    "consent_id",
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, datetime) else str(value)
    # A spreadsheet must not run a cell as a formula (OWASP CSV injection).
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(entries: Sequence[LogEntry]) -> str:
    """The entries as CSV (RFC 4180), attribute names joined with `;`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        values = entry.model_dump()
        values["attributes"] = ";".join(entry.attributes)
        writer.writerow([_cell(values[name]) for name in CSV_COLUMNS])
    return out.getvalue()


async def export_log(session: AsyncSession, learner_id: uuid.UUID, log_filter: LogFilter) -> list[LogEntry]:
    """Every entry the filter matches (at most `MAX_EXPORT`, newest first)."""
    return (await read_log(session, learner_id, log_filter, limit=MAX_EXPORT, cursor=None)).items


__all__ = ["ENTRY_TYPES", "LogEntry", "LogFilter", "LogPage", "export_log", "read_log", "to_csv"]
