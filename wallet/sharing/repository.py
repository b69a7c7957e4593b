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

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    Integer,
    String,
    Table,
    Text,
    Uuid,
    bindparam,
    case,
    column,
    delete,
    func,
    insert,
    inspect,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Result
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


_QUIET_RELEASE = (
    text(
        """
WITH counted AS (
    UPDATE shares
    SET views = views + :wanted, first_revealed_at = coalesce(first_revealed_at, :now)
    WHERE token_digest = :digest
      AND revoked_at IS NULL
      AND expires_at > :now
      AND (max_views IS NULL OR views + :wanted <= max_views)
      AND recipient_email IS NULL
      AND recipient_body_id IS NULL
      AND NOT (notify_first_reveal AND views = 0)
    RETURNING id, owner_id, purpose, recipient_email, recipient_body_id, expires_at, max_views, views,
              notify_first_reveal, revoked_at, include_skills_profile,
              (SELECT display_name FROM users WHERE users.id = shares.owner_id) AS owner_name
), logged AS (
    INSERT INTO share_events
           (id, share_id, event, fields, viewer_class, viewer_body_id, automated, network, at, count)
    SELECT e.id, counted.id, e.event,
           (SELECT coalesce(jsonb_agg(DISTINCT f.name COLLATE "C" ORDER BY f.name COLLATE "C"), '[]'::jsonb)
              FROM share_items AS i CROSS JOIN jsonb_array_elements_text(i.fields) AS f(name)
             WHERE i.share_id = counted.id),
           e.viewer_class, e.viewer_body_id, e.automated, e.network, e.at, 1
    FROM counted CROSS JOIN unnest(
        CAST(:ids AS uuid[]), CAST(:events AS text[]), CAST(:viewer_classes AS text[]),
        CAST(:viewer_body_ids AS uuid[]), CAST(:automated AS boolean[]), CAST(:networks AS text[]),
        CAST(:ats AS timestamptz[])
    )
         AS e(id, event, viewer_class, viewer_body_id, automated, network, at)
)
SELECT counted.*, share_items.fields, share_items.presentation
FROM counted LEFT JOIN share_items ON share_items.share_id = counted.id
ORDER BY share_items.position
"""
    )
    .bindparams(
        bindparam("now", type_=UTCDateTime()),
        bindparam("wanted", type_=Integer()),
        bindparam("digest", type_=String()),
        bindparam("ids", type_=ARRAY(Uuid())),
        bindparam("events", type_=ARRAY(Text())),
        bindparam("viewer_classes", type_=ARRAY(Text())),
        bindparam("viewer_body_ids", type_=ARRAY(Uuid())),
        bindparam("automated", type_=ARRAY(Boolean())),
        bindparam("networks", type_=ARRAY(Text())),
        bindparam("ats", type_=ARRAY(UTCDateTime())),
    )
    .columns(*_HEAD, column("owner_name", String()), _ITEMS.c.fields, _ITEMS.c.presentation)
    .execution_options(**{CACHE_NEUTRAL: True})  # view counters and events only: no cached landing shows them
)
if tuple(ShareHead.__dataclass_fields__) != (
    "id", "owner_id", "purpose", "recipient_email", "recipient_body_id", "expires_at", "max_views", "views",
    "notify_first_reveal", "revoked_at", "include_skills_profile",
):  # fmt: skip
    raise RuntimeError("_QUIET_RELEASE returns the columns of ShareHead in its order: update both together")
_EVENT_ARRAYS = {
    "ids": "id",
    "events": "event",
    "viewer_classes": "viewer_class",
    "viewer_body_ids": "viewer_body_id",
    "automated": "automated",
    "networks": "network",
    "ats": "at",
}


async def release_quietly(
    connection: AsyncConnection, digest: str, now: datetime, events: Sequence[dict[str, Any]]
) -> tuple[ShareHead, str | None, list[ReleasedItem]] | None:
    """PostgreSQL, on a connection in autocommit: one statement, atomic on its own, that counts `len(events)` views
    of the open link behind `digest` (as `ReleaseStatements.consume_open_views` would, all or none), writes the
    events (their `share_id` and `fields` filled in from the share, the other columns given) and reads the share's
    items — one round trip instead of five (BEGIN, count, items, events, COMMIT). A link whose first reveal would
    send its learner a notice is not counted here (the notice must be queued in the same transaction): None, as
    for a link this statement cannot count, and the caller takes the transactional path."""
    parameters: dict[str, Any] = {"digest": digest, "now": now, "wanted": len(events)}
    for name, key in _EVENT_ARRAYS.items():
        parameters[name] = [event[key] for event in events]
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
        """Insert access-log rows given as column values (one statement)."""
        if rows:
            self.connection.execute(_INSERT_EVENTS, list(rows))


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
