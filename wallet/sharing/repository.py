"""Every query on sharing tables; learner-side queries filter by owner in SQL, viewer-side ones by token digest.

The viewer's hot paths (bench/README.md, `sharing`) are few statements, built once (SQLAlchemy memoises a
statement's cache key, so they are not rebuilt and re-keyed per request) and on the tables rather than the ORM
entities (no identity map, no unit of work): landings read the share, its owner's name, its recipient body's
name and each credential's title and format in one SELECT, for several tokens at once (`landings`); a reveal of a
link that names no recipient
counts the views of the releases committed together and reads the owner's name in one UPDATE … RETURNING
(`ReleaseStatements.consume_open_views`); their items (`released_items`) and events (`add_events`) are one
statement each. Those three are synchronous: a group commit runs start to end in the writer's thread on SQLite
(`core.database.GroupCommit`) and through `AsyncSession.run_sync` on PostgreSQL, where most batches need none of
them: one autocommitted statement per link does all three (`release_quietly`).
"""

from __future__ import annotations

import functools
import operator
import uuid
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    Integer,
    Table,
    Text,
    Uuid,
    and_,
    bindparam,
    case,
    delete,
    distinct,
    func,
    insert,
    inspect,
    literal,
    literal_column,
    not_,
    or_,
    select,
    true,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects.postgresql import ARRAY, aggregate_order_by
from sqlalchemy.engine import Dialect, Result
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import Executable
from sqlmodel import SQLModel, col

from core.accounts.models import RecognitionBody, User
from core.database import UTCDateTime
from core.readcache import CACHE_NEUTRAL
from wallet.sharing.models import Share, ShareCode, ShareEvent, ShareItem


def _table(model: type[SQLModel]) -> Table:
    return cast(Table, inspect(model).local_table)


_SHARES, _ITEMS, _EVENTS = _table(Share), _table(ShareItem), _table(ShareEvent)
_USERS, _BODIES = _table(User), _table(RecognitionBody)


@dataclass(frozen=True, slots=True)
class ShareHead:
    """The columns of a share that its viewer's routes read: its state, what the landing shows, the release."""

    id: uuid.UUID
    owner_id: uuid.UUID
    purpose: str
    recipient_email: str | None
    recipient_body_id: uuid.UUID | None
    expires_at: datetime
    max_views: int | None
    views: int
    notify_first_reveal: bool
    revoked_at: datetime | None
    include_skills_profile: bool

    @classmethod
    def of(cls, row: Sequence[Any]) -> ShareHead:
        return cls(*row[:_HEAD_WIDTH])

    def with_views(self, views: int) -> ShareHead:
        """The same share at another view count: `dataclasses.replace`, without its generic work (a batch of
        releases makes one per release)."""
        return ShareHead(
            self.id,
            self.owner_id,
            self.purpose,
            self.recipient_email,
            self.recipient_body_id,
            self.expires_at,
            self.max_views,
            views,
            self.notify_first_reveal,
            self.revoked_at,
            self.include_skills_profile,
        )


_HEAD = tuple(_SHARES.c[name] for name in ShareHead.__dataclass_fields__)
_HEAD_WIDTH = len(_HEAD)


@dataclass(frozen=True, slots=True)
class ReleasedItem:
    """What a release answers of one shared credential: the field names and the stored presentation."""

    fields: list[str]
    presentation: dict[str, Any] | None


@dataclass(frozen=True)
class LandingRecord:
    share: ShareHead
    owner_name: str | None
    recipient_body: str | None
    items: list[tuple[str | None, str | None]]
    """(released title, format) of each item, in order."""


_PRESENTATION = _ITEMS.c.presentation
_LANDINGS = (
    select(
        *_HEAD,
        _SHARES.c.token_digest,
        _USERS.c.display_name,
        _BODIES.c.name,
        _ITEMS.c.id,
        _PRESENTATION[("fields", "title")].as_string(),
        _PRESENTATION["format"].as_string(),
    )
    .select_from(
        _SHARES.outerjoin(_USERS, _USERS.c.id == _SHARES.c.owner_id)
        .outerjoin(_BODIES, _BODIES.c.id == _SHARES.c.recipient_body_id)
        .outerjoin(_ITEMS, _ITEMS.c.share_id == _SHARES.c.id)
    )
    .where(_SHARES.c.token_digest.in_(bindparam("digests", expanding=True)))
    .order_by(_SHARES.c.token_digest, _ITEMS.c.position)
)
_NOW = bindparam("now", type_=UTCDateTime())
_VIEWS_WANTED = bindparam("wanted", type_=Integer())
_CONSUME_OPEN_VIEWS = (
    update(_SHARES)
    .where(
        _SHARES.c.token_digest == bindparam("digest"),
        _SHARES.c.revoked_at.is_(None),
        _SHARES.c.expires_at > _NOW,
        or_(_SHARES.c.max_views.is_(None), _SHARES.c.views + _VIEWS_WANTED <= _SHARES.c.max_views),
        _SHARES.c.recipient_email.is_(None),
        _SHARES.c.recipient_body_id.is_(None),
    )
    .values(
        views=_SHARES.c.views + _VIEWS_WANTED,
        first_revealed_at=func.coalesce(_SHARES.c.first_revealed_at, _NOW),
    )
    .returning(*_HEAD, select(_USERS.c.display_name).where(_USERS.c.id == _SHARES.c.owner_id).scalar_subquery())
    .execution_options(**{CACHE_NEUTRAL: True})  # view counters only: no cached landing shows them
)
_RELEASED_ITEMS = (
    select(_ITEMS.c.share_id, _ITEMS.c.fields, _ITEMS.c.presentation)
    .where(_ITEMS.c.share_id.in_(bindparam("share_ids", expanding=True)))
    .order_by(_ITEMS.c.share_id, _ITEMS.c.position)
)
_INSERT_EVENTS = insert(_EVENTS)
EVENT_COLUMNS = (
    "id",
    "share_id",
    "event",
    "fields",
    "viewer_class",
    "viewer_body_id",
    "automated",
    "network",
    "at",
    "count",
)
"""The columns of an access-log row as `ReleaseStatements.add_events` takes it."""


@functools.lru_cache(maxsize=4)
def _driver_insert_events(
    dialect: Dialect,
) -> tuple[str, Callable[[dict[str, Any]], tuple[Any, ...]], tuple[Callable[[Any], Any] | None, ...]]:
    """The events INSERT for `dialect`'s driver: its SQL, the row's values in the order of its parameters, and each
    parameter's bind processor (None: the value goes as it is), as SQLAlchemy compiles them for an executemany."""
    compiled = _INSERT_EVENTS.compile(dialect=dialect, column_keys=list(EVENT_COLUMNS))
    names = tuple(compiled.positiontup or ())
    if sorted(names) != sorted(EVENT_COLUMNS) or compiled.insert_prefetch:
        raise RuntimeError(f"the events INSERT binds {names}, not the columns {EVENT_COLUMNS}")
    processors: list[Callable[[Any], Any] | None] = []
    for name in names:
        process = compiled._bind_processors.get(name)
        if process is not None and not callable(process):  # a tuple type's processors: not among these columns
            raise RuntimeError(f"the events INSERT binds {name} in parts")
        processors.append(process)
    return compiled.string, operator.itemgetter(*names), tuple(processors)


_COUNTED = _CONSUME_OPEN_VIEWS.where(
    # A first reveal that sends the learner a notice is not counted by `release_quietly` (see there).
    not_(and_(_SHARES.c.notify_first_reveal, _SHARES.c.views == 0))
).cte("counted")
_EVENT_COLUMNS: dict[str, tuple[str, Any]] = {  # bound array → event column, with its type
    "ids": ("id", Uuid()),
    "events": ("event", Text()),
    "viewer_classes": ("viewer_class", Text()),
    "viewer_body_ids": ("viewer_body_id", Uuid()),
    "automated": ("automated", Boolean()),
    "networks": ("network", Text()),
    "ats": ("at", UTCDateTime()),
}
_GIVEN = (
    func.unnest(
        *(sql_cast(bindparam(name, type_=ARRAY(kind)), ARRAY(kind)) for name, (_, kind) in _EVENT_COLUMNS.items())
    )
    .table_valued(*(column for column, _ in _EVENT_COLUMNS.values()))
    .render_derived(name="given")
)
_FIELD_NAMES = func.jsonb_array_elements_text(_ITEMS.c.fields).table_valued("name").render_derived(name="field")
_FIELD_NAME = _FIELD_NAMES.c.name.collate("C")  # code-point order, as Python's sorted() in `service._event`
_RELEASED_FIELDS = (
    select(
        func.coalesce(
            func.jsonb_agg(aggregate_order_by(distinct(_FIELD_NAME), _FIELD_NAME)), literal_column("'[]'::jsonb")
        )
    )
    .select_from(_ITEMS.join(_FIELD_NAMES, true()))
    .where(_ITEMS.c.share_id == _COUNTED.c.id)
    .scalar_subquery()
)
_LOGGED = (
    insert(_EVENTS)
    .from_select(
        [*(column for column, _ in _EVENT_COLUMNS.values()), "share_id", "fields", "count"],
        select(
            *(_GIVEN.c[column] for column, _ in _EVENT_COLUMNS.values()),
            _COUNTED.c.id,
            _RELEASED_FIELDS,
            literal(1),
        ).select_from(_COUNTED.join(_GIVEN, true())),
    )
    .cte("logged")
)
_QUIET_RELEASE = (
    select(_COUNTED, _ITEMS.c.fields, _ITEMS.c.presentation)
    .select_from(_COUNTED.outerjoin(_ITEMS, _ITEMS.c.share_id == _COUNTED.c.id))
    .order_by(_ITEMS.c.position)
    .add_cte(_LOGGED)
    .execution_options(**{CACHE_NEUTRAL: True})  # view counters and events only: no cached landing shows them
)


async def release_quietly(
    connection: AsyncConnection, digest: str, now: datetime, events: Sequence[dict[str, Any]]
) -> tuple[ShareHead, str | None, list[ReleasedItem]] | None:
    """PostgreSQL, on a connection in autocommit: one statement, atomic on its own, that counts `len(events)` views
    of the open link behind `digest` (`_CONSUME_OPEN_VIEWS` itself, all or none, as a CTE), writes the
    events (their `share_id` and `fields` filled in from the share, the other columns given) and reads the share's
    items — one round trip instead of five (BEGIN, count, items, events, COMMIT). A link whose first reveal would
    send its learner a notice is not counted here (the notice must be queued in the same transaction): None, as
    for a link this statement cannot count, and the caller takes the transactional path."""
    parameters: dict[str, Any] = {"digest": digest, "now": now, "wanted": len(events)}
    for name, (column, _) in _EVENT_COLUMNS.items():
        parameters[name] = [event[column] for event in events]
    rows = (await connection.execute(_QUIET_RELEASE, parameters)).all()
    if not rows:
        return None
    items = [ReleasedItem(fields=row[-2], presentation=row[-1]) for row in rows if row[-2] is not None]
    return ShareHead.of(rows[0]), rows[0][_HEAD_WIDTH], items


class ReleaseStatements:
    """The statements of a group commit of releases (`service.ReleaseBatches`), on a synchronous session's
    connection, in its transaction, as Core statements: the session's events do not see them, which is right only
    because they write nothing a read cache holds (`core.readcache`: view counts and events)."""

    def __init__(self, session: Session) -> None:
        self.connection = session.connection()

    def consume_open_views(self, digest: str, now: datetime, wanted: int = 1) -> tuple[ShareHead, str | None] | None:
        """Count `wanted` views of the active share behind a token digest that names no recipient, in one
        statement, all or none: none when its view limit has fewer left. Answers the share as updated and its
        owner's display name, or None (unknown, not active, too few views left, or bound to a recipient — checks
        this statement does not make)."""
        parameters = {"digest": digest, "now": now, "wanted": wanted}
        row = self.connection.execute(_CONSUME_OPEN_VIEWS, parameters).one_or_none()
        return None if row is None else (ShareHead.of(row), row[_HEAD_WIDTH])

    def released_items(self, share_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, list[ReleasedItem]]:
        """The items of these shares, in order, by share."""
        found: dict[uuid.UUID, list[ReleasedItem]] = {}
        if share_ids:
            rows: Sequence[Any] = self.connection.execute(_RELEASED_ITEMS, {"share_ids": list(share_ids)}).all()
            for share_id, fields, presentation in rows:
                found.setdefault(share_id, []).append(ReleasedItem(fields=fields, presentation=presentation))
        return found

    def add_events(self, rows: Sequence[dict[str, Any]]) -> None:
        """Insert access-log rows given as column values, each with every column of `EVENT_COLUMNS` (one
        statement). On SQLite (the writer thread's) the statement compiled once is handed to the driver with the
        values its column types bind, converted here: what SQLAlchemy's execution would do row by row around the
        same conversions cost the writer more than the insert itself."""
        if not rows:
            return
        connection = self.connection
        if connection.dialect.name != "sqlite":
            connection.execute(_INSERT_EVENTS, list(rows))
            return
        sql, columns, processors = _driver_insert_events(connection.dialect)
        values = [
            tuple(
                value if process is None else process(value)
                for value, process in zip(columns(row), processors, strict=True)
            )
            for row in rows
        ]
        connection.exec_driver_sql(sql, values)


class ShareRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, *rows: Share | ShareItem | ShareCode | ShareEvent) -> None:
        self.session.add_all(rows)
        await self.session.flush()

    async def owned(self, owner_id: uuid.UUID, share_id: uuid.UUID) -> Share | None:
        statement = select(Share).where(col(Share.id) == share_id, col(Share.owner_id) == owner_id)
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def landings(self, digests: Collection[str]) -> dict[str, LandingRecord]:
        """The shares behind these token digests with what their landing pages show, in one statement (one row per
        item; one row with NULL item columns for a share with no item left); unknown digests are absent."""
        rows = (await self.session.execute(_LANDINGS, {"digests": list(digests)})).all()
        found: dict[str, LandingRecord] = {}
        digest_at, item_at = _HEAD_WIDTH, _HEAD_WIDTH + 3
        for row in rows:
            record = found.get(row[digest_at])
            if record is None:
                record = found[row[digest_at]] = LandingRecord(
                    share=ShareHead.of(row), owner_name=row[digest_at + 1], recipient_body=row[digest_at + 2], items=[]
                )
            if row[item_at] is not None:
                record.items.append((row[item_at + 1], row[item_at + 2]))
        return found

    async def by_digest(self, digest: str) -> Share | None:
        statement = select(Share).where(col(Share.token_digest) == digest)
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def items(self, share_ids: list[uuid.UUID]) -> list[ShareItem]:
        statement = (
            select(ShareItem)
            .where(col(ShareItem.share_id).in_(share_ids))
            .order_by(col(ShareItem.share_id), col(ShareItem.position))
        )
        return list((await self.session.execute(statement)).scalars())

    async def page(self, owner_id: uuid.UUID, *, limit: int, before: uuid.UUID | None) -> list[Share]:
        statement = select(Share).where(col(Share.owner_id) == owner_id)
        if before is not None:
            statement = statement.where(col(Share.id) < before)
        statement = statement.order_by(col(Share.id).desc()).limit(limit)
        return list((await self.session.execute(statement)).scalars())

    async def update_versioned(
        self, owner_id: uuid.UUID, share_id: uuid.UUID, *, expected_version: int, values: dict[str, Any]
    ) -> Share | None:
        statement = (
            update(Share)
            .where(col(Share.id) == share_id, col(Share.owner_id) == owner_id, col(Share.version) == expected_version)
            .values(**values, version=expected_version + 1)
            .returning(Share)
            .execution_options(synchronize_session="fetch")
        )
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def erase_presentations(self, share_id: uuid.UUID) -> None:
        await self.session.execute(
            update(ShareItem).where(col(ShareItem.share_id) == share_id).values(presentation=None)
        )

    async def ids_by_consent(self, owner_id: uuid.UUID, consent_id: uuid.UUID) -> list[uuid.UUID]:
        statement = select(col(Share.id)).where(col(Share.owner_id) == owner_id, col(Share.consent_id) == consent_id)
        return list((await self.session.execute(statement)).scalars())

    async def delete(self, owner_id: uuid.UUID, share_id: uuid.UUID) -> bool:
        result: Any = await self.session.execute(
            delete(Share).where(col(Share.id) == share_id, col(Share.owner_id) == owner_id)
        )
        return bool(result.rowcount)

    async def consume_view(self, share_id: uuid.UUID, now: datetime) -> int | None:
        """Count one view in one statement, only while the share is active; answers the new count, or None."""
        statement = (
            update(Share)
            .where(
                col(Share.id) == share_id,
                col(Share.revoked_at).is_(None),
                col(Share.expires_at) > now,
                or_(col(Share.max_views).is_(None), col(Share.views) < col(Share.max_views)),
            )
            .values(views=col(Share.views) + 1, first_revealed_at=func.coalesce(col(Share.first_revealed_at), now))
            .returning(col(Share.views))
            .execution_options(synchronize_session=False, **{CACHE_NEUTRAL: True})
        )
        views: int | None = (await self.session.execute(statement)).scalar_one_or_none()
        return views

    async def _core(self, statement: Executable, parameters: Any) -> Result[Any]:
        """A Core statement on the session's connection, in its transaction, without the ORM's execution path
        (for the hot statements on tables, which load no object). The session's events do not see it: only
        statements that write nothing a read cache holds go this way (`core.readcache`: view counts, inserts,
        reads)."""
        connection = await self.session.connection()
        return await connection.execute(statement, parameters)

    async def add_events(self, rows: Sequence[dict[str, Any]]) -> None:
        """Insert access-log rows given as column values (one statement, no unit-of-work bookkeeping)."""
        if rows:
            await self._core(_INSERT_EVENTS, list(rows))

    async def existing(self, share_ids: Collection[uuid.UUID]) -> set[uuid.UUID]:
        """Which of these shares still exist."""
        statement = select(col(Share.id)).where(col(Share.id).in_(list(share_ids)))
        return set((await self.session.execute(statement)).scalars())

    async def try_code(self, share_id: uuid.UUID, digest: str, now: datetime, *, max_attempts: int) -> bool:
        """Whether a live code of the share with attempts left has this digest, in one statement that also counts
        the attempt against every live code when it has not: the check and the count are one atomic step, so
        guesses sent in parallel cannot all read the same count and slip past `max_attempts` together."""
        matches = col(ShareCode.code_digest) == digest
        statement = (
            update(ShareCode)
            .where(
                col(ShareCode.share_id) == share_id,
                col(ShareCode.expires_at) > now,
                col(ShareCode.attempts) < max_attempts,
            )
            .values(attempts=case((matches, col(ShareCode.attempts)), else_=col(ShareCode.attempts) + 1))
            .returning(matches)
        )
        return any(matched for (matched,) in (await self.session.execute(statement)).all())

    async def codes_since(self, share_id: uuid.UUID, since: datetime) -> int:
        statement = select(func.count()).where(col(ShareCode.share_id) == share_id, col(ShareCode.created_at) > since)
        return int((await self.session.execute(statement)).scalar_one())

    async def events(self, share_id: uuid.UUID, *, limit: int, before: uuid.UUID | None) -> list[ShareEvent]:
        statement = select(ShareEvent).where(col(ShareEvent.share_id) == share_id)
        if before is not None:
            statement = statement.where(col(ShareEvent.id) < before)
        statement = statement.order_by(col(ShareEvent.id).desc()).limit(limit)
        return list((await self.session.execute(statement)).scalars())
