"""Sharing rules: what a link releases, to whom, for how long — and the learner's log of who looked.

Learner side: `preview_share`, `create_share`, `list_shares`, `get_share`, `update_share`, `revoke_share`,
`delete_share`, `list_events`. Viewer side: `open_share` (the landing: releases nothing, counts nothing),
`request_code`, `release` (reveal and download: one atomic view count, then the stored presentation) and
`check_active` (live verification). Services flush, never commit.

Every access is logged (`share_events`) in its request's transaction, except `landing` events: a serving process
queues them in a `LandingLog` and writes them once a second, identical landings of one second as one entry with a
count, so a crash can lose at most the last second of landing events (never a reveal, download, code or
verification event). Landings are read by `LandingReads`, which answers the landings that arrive together with one
statement, each from a read that began after it arrived.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import hmac
import ipaddress
import itertools
import re
import secrets
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

import anyio.to_thread
import structlog
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session

from core import i18n
from core.accounts.models import RecognitionBody, User
from core.accounts.service import mail_language
from core.clock import utcnow
from core.database import GroupCommit, SqliteWriter
from core.errors import InvalidInput, PreconditionFailed
from core.i18n import N_
from core.ids import new_id, new_secret_token, token_digest
from core.outbox import OutboxMail, enqueue_mail, mail_message, mail_text
from core.readcache import ReadCache
from wallet.consents import service as consents
from wallet.consents.models import Consent, ConsentKind, CounterpartyType
from wallet.formats import CredentialFormat, detect
from wallet.models import Credential
from wallet.repository import CredentialRepository
from wallet.sdjwt.holder import present
from wallet.service import decode_cursor, encode_cursor
from wallet.sharing.errors import CodeRejected, InvalidShare, RecipientOnly, ShareNotFound, ShareUnavailable
from wallet.sharing.models import Share, ShareCode, ShareEvent, ShareItem
from wallet.sharing.repository import (
    LandingRecord,
    ReleasedItem,
    ReleaseStatements,
    ShareHead,
    ShareRepository,
    release_quietly,
)
from wallet.sharing.schemas import ShareCreate, ShareUpdate
from wallet.sharing.sensitive import disclosure_warnings
from wallet.skills.profile import aggregate
from wallet.summary import summarise
from wallet.summary.model import SENSITIVE_FIELDS, Summary

log = structlog.get_logger("passerelle.sharing")

State = Literal["active", "expired", "revoked", "exhausted"]
ViewerClass = Literal["anonymous", "recipient", "officer"]
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{43}$")
CODE_ATTEMPTS = 5
CODES_PER_HOUR = 5
MAX_PAGE = 100

Enricher = Callable[[Credential, Summary], Awaitable[dict[str, Any]]]
"""Adds to a stored presentation what other domains know (the verification view, the recognition packet)."""

SENSITIVE_MESSAGES = {
    "learner": "Your name, date of birth and identifiers (such as a national identity number).",
    "grade": "Your grade.",
    "achievements": "Each course or unit with its grade.",
}


def state_of(share: Share | ShareHead, now: datetime) -> State:
    if share.revoked_at is not None:
        return "revoked"
    if share.expires_at <= now:
        return "expired"
    if share.max_views is not None and share.views >= share.max_views:
        return "exhausted"
    return "active"


def etag(share: Share) -> str:
    return f'"{share.id.hex[:8]}-{share.version}"'


@dataclass(frozen=True)
class Viewer:
    """Who is asking on the viewer side: nobody known, or a logged-in officer of a body."""

    officer_body_id: uuid.UUID | None = None
    automated: bool = False
    address: str | None = None


@dataclass(frozen=True)
class ShareWithItems:
    share: Share
    items: list[ShareItem]


@dataclass(frozen=True)
class Released:
    """What a reveal or a download releases, and the owner's display name."""

    share: Share | ShareHead
    items: list[ReleasedItem]
    shared_by: str


@dataclass(frozen=True)
class LandingItem:
    """What the landing says of one shared credential: its title if the share releases it, and its format."""

    title: str | None
    format: str | None


@dataclass(frozen=True)
class Landing:
    share: ShareHead
    items: list[LandingItem]
    shared_by: str
    recipient_body: str | None
    state: State


UNKNOWN_OWNER = "A Passerelle user"


@functools.lru_cache(maxsize=4096)
def network_of(address: str | None) -> str | None:
    """The /24 (IPv4) or /48 (IPv6) network of an address: enough to tell visits apart, not to identify anyone.
    (Remembered for recent addresses: parsing costs more than the rest of logging a landing.)"""
    if not address:
        return None
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return None
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def _path(text: str) -> tuple[str | int, ...]:
    """`degree.name` → ("degree", "name"); `nationalities[1]` → ("nationalities", 1)."""
    parts: list[str | int] = []
    for segment in text.split("."):
        match = re.fullmatch(r"([^\[\]]+)((?:\[\d+\])*)", segment)
        if match is None:
            raise InvalidShare(f"{text!r} is not a claim path.", code="invalid_disclosure")
        parts.append(match.group(1))
        parts.extend(int(index) for index in re.findall(r"\[(\d+)\]", match.group(2)))
    return tuple(parts)


def _released(summary: Summary, fields: Sequence[str]) -> tuple[dict[str, Any], list[str]]:
    carried = summary.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    carried = {k: v for k, v in carried.items() if k not in {"schema_version", "missing", "parts", "disclosable"}}
    released = {name: carried[name] for name in fields if name in carried}
    withheld = sorted(name for name in carried if name not in released)
    return released, withheld


def _sd_jwt_presentation(content: bytes, disclosures: Sequence[str]) -> tuple[str, Summary]:
    """The holder's presentation with only `disclosures`, and the summary of exactly that presentation."""
    presentation = present(content.decode("ascii").strip(), disclose=[_path(d) for d in disclosures])
    encoded = presentation.encode("ascii")
    return presentation, summarise(detect(encoded, "application/dc+sd-jwt"), encoded).summary


async def _presentation(
    credential: Credential, content: bytes, fields: Sequence[str], disclosures: Sequence[str], enrich: Enricher
) -> dict[str, Any]:
    summary = Summary.model_validate(credential.summary)
    selective = credential.format == CredentialFormat.SD_JWT_VC.value
    sd_jwt: str | None = None
    if selective:
        unknown = sorted(set(disclosures) - set(summary.disclosable))
        if unknown:
            raise InvalidShare(
                f"Not disclosable in this credential: {', '.join(unknown)}; choose from its summary's `disclosable`.",
                code="invalid_disclosure",
            )
        sd_jwt, summary = await anyio.to_thread.run_sync(_sd_jwt_presentation, content, disclosures)
    elif disclosures:
        raise InvalidShare("Only SD-JWT VC credentials have disclosures to choose.", code="invalid_disclosure")
    released, withheld = _released(summary, fields)
    released_summary = Summary.model_validate(released)
    presentation: dict[str, Any] = {
        "format": credential.format,
        "fields": released,
        "withheld": withheld,
        "selective_disclosure": selective,
        "sd_jwt": sd_jwt,
    }
    presentation.update(await enrich(credential, released_summary))
    return presentation


def shared_skills(presentations: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The skills profile of a share: from the learning outcomes its presentations release (`learning_outcomes`,
    and those of released `achievements`) and nothing else; each skill names the positions of its credentials."""
    summaries = []
    for position, presentation in enumerate(presentations):
        fields = presentation.get("fields", {})
        released = {name: fields[name] for name in ("learning_outcomes", "achievements") if name in fields}
        summaries.append((position, Summary.model_validate(released)))
    return [
        {"key": skill.key, "esco_uri": skill.esco_uri, "label": skill.label, "credentials": skill.sources}
        for skill in aggregate(summaries)
    ]


def check_skills_profile(request: ShareCreate, presentations: Sequence[dict[str, Any]]) -> None:
    """A share that offers a skills profile must release learning outcomes to build it from."""
    if request.include_skills_profile and not shared_skills(presentations):
        raise InvalidShare(
            "A skills profile is built from the learning outcomes a share releases, and this one releases none: "
            "add `learning_outcomes` (or `achievements`) to the fields of a credential that states them.",
            code="no_learning_outcomes_released",
        )


async def _load_owned(
    session: AsyncSession, owner_id: uuid.UUID, credential_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, tuple[Credential, bytes]]:
    repository = CredentialRepository(session)
    found: dict[uuid.UUID, tuple[Credential, bytes]] = {}
    for credential_id in credential_ids:
        row = await repository.get_document(owner_id, credential_id)
        if row is None:
            # Someone else's credential and a missing one look the same.
            raise InvalidShare(f"There is no credential {credential_id} in your wallet.", code="unknown_credential")
        found[credential_id] = row
    return found


async def preview_share(
    session: AsyncSession, owner_id: uuid.UUID, request: ShareCreate, enrich: Enricher
) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """Exactly what a viewer would receive, and a warning for each sensitive field and SD-JWT disclosure it
    releases."""
    credentials = await _load_owned(session, owner_id, [item.credential_id for item in request.items])
    views = [
        await _presentation(*credentials[item.credential_id], item.fields, item.disclosures, enrich)
        for item in request.items
    ]
    check_skills_profile(request, views)
    released = {name for view in views for name in view["fields"]}
    warnings = [(name, SENSITIVE_MESSAGES[name]) for name in sorted(released & SENSITIVE_FIELDS)]
    # The SD-JWT presentation carries the chosen claims themselves, whichever summary fields are released.
    disclosed = {disclosure for item in request.items for disclosure in item.disclosures}
    warnings += [(name, message) for name, message in disclosure_warnings(disclosed) if name not in released]
    return views, warnings


async def create_share(
    session: AsyncSession,
    owner_id: uuid.UUID,
    request: ShareCreate,
    *,
    default_days: int,
    max_days: int,
    enrich: Enricher,
) -> tuple[ShareWithItems, str]:
    """Create a share; answers it with its link token, which is not stored (only its SHA-256 is)."""
    days = request.expires_in_days or default_days
    if days > max_days:
        raise InvalidShare(f"A link can live at most {max_days} days.", code="expiry_too_long")
    if len({item.credential_id for item in request.items}) != len(request.items):
        raise InvalidShare("Each credential can appear once in a share.", code="duplicate_credential")
    recipient = request.recipient
    if (
        recipient is not None
        and recipient.body_id is not None
        and await session.get(RecognitionBody, recipient.body_id) is None
    ):
        raise InvalidShare("There is no recognition body with this id.", code="unknown_body")
    credentials = await _load_owned(session, owner_id, [item.credential_id for item in request.items])
    now = utcnow()
    token = new_secret_token()
    consent = await consents.record(
        session,
        learner_id=owner_id,
        kind=ConsentKind.SHARE,
        purpose=request.purpose,
        counterparty=await _counterparty(session, request),
        attributes=[name for item in request.items for name in (*item.fields, *item.disclosures)],
        expires_at=now + timedelta(days=days),
        at=now,
    )
    share = Share(
        owner_id=owner_id,
        token_digest=token_digest(token),
        consent_id=consent.id,
        purpose=request.purpose,
        recipient_email=recipient.email if recipient else None,
        recipient_body_id=recipient.body_id if recipient else None,
        expires_at=now + timedelta(days=days),
        max_views=request.max_views,
        notify_first_reveal=request.notify_first_reveal,
        include_skills_profile=request.include_skills_profile,
        created_at=now,
        updated_at=now,
    )
    repository = ShareRepository(session)
    await repository.add(share)
    items = [
        ShareItem(
            share_id=share.id,
            credential_id=item.credential_id,
            position=position,
            fields=list(dict.fromkeys(item.fields)),
            disclosures=list(dict.fromkeys(item.disclosures)),
            presentation=await _presentation(*credentials[item.credential_id], item.fields, item.disclosures, enrich),
        )
        for position, item in enumerate(request.items)
    ]
    check_skills_profile(request, [item.presentation for item in items if item.presentation is not None])
    await repository.add(*items)
    log.info("share_created", share_id=str(share.id), credentials=len(items))
    return ShareWithItems(share, items), token


async def _counterparty(session: AsyncSession, request: ShareCreate) -> consents.Counterparty:
    """Whom a share releases to, for its consent record."""
    recipient = request.recipient
    if recipient is not None and recipient.body_id is not None:
        body = await session.get(RecognitionBody, recipient.body_id)
        name = body.name if body is not None else "A recognition body"
        return consents.Counterparty(CounterpartyType.RECOGNITION_BODY, str(recipient.body_id), name)
    if recipient is not None and recipient.email is not None:
        return consents.Counterparty(CounterpartyType.EMAIL_RECIPIENT, recipient.email, recipient.email)
    return consents.ANYONE_WITH_LINK


async def withdraw_share_consent(session: AsyncSession, owner_id: uuid.UUID, consent: Consent) -> None:
    """A `consents.Withdrawal`: withdrawing a share's consent revokes the share (its link fails from the next
    request on)."""
    for share_id in await ShareRepository(session).ids_by_consent(owner_id, consent.id):
        await revoke_share(session, owner_id, share_id)


async def _owned(session: AsyncSession, owner_id: uuid.UUID, share_id: uuid.UUID) -> Share:
    share = await ShareRepository(session).owned(owner_id, share_id)
    if share is None:
        raise ShareNotFound()
    return share


async def get_share(session: AsyncSession, owner_id: uuid.UUID, share_id: uuid.UUID) -> ShareWithItems:
    share = await _owned(session, owner_id, share_id)
    return ShareWithItems(share, await ShareRepository(session).items([share.id]))


async def list_shares(
    session: AsyncSession, owner_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[ShareWithItems], str | None]:
    limit = max(1, min(limit, MAX_PAGE))
    repository = ShareRepository(session)
    rows = await repository.page(owner_id, limit=limit + 1, before=decode_cursor(cursor) if cursor else None)
    shares = rows[:limit]
    items = await repository.items([share.id for share in shares])
    by_share: dict[uuid.UUID, list[ShareItem]] = {share.id: [] for share in shares}
    for item in items:
        by_share[item.share_id].append(item)
    next_cursor = encode_cursor(shares[-1].id) if len(rows) > limit else None
    return [ShareWithItems(share, by_share[share.id]) for share in shares], next_cursor


def _check_if_match(share: Share, if_match: str) -> None:
    candidates = {value.strip().removeprefix("W/") for value in if_match.split(",")}
    if etag(share) not in candidates and "*" not in candidates:
        raise PreconditionFailed()


async def update_share(
    session: AsyncSession,
    owner_id: uuid.UUID,
    share_id: uuid.UUID,
    changes: ShareUpdate,
    *,
    if_match: str,
    max_days: int,
) -> ShareWithItems:
    """Change the expiry or the view limit, only if the caller saw the current version."""
    share = await _owned(session, owner_id, share_id)
    _check_if_match(share, if_match)
    values: dict[str, Any] = changes.model_dump(exclude_unset=True)
    now = utcnow()
    expires_at = values.get("expires_at")
    if "expires_at" in values:
        if expires_at is None:
            raise InvalidShare("A share always has an expiry.", code="expiry_required")
        if expires_at.tzinfo is None:
            raise InvalidInput("Give the expiry with a time zone (e.g. 2027-01-31T00:00:00Z).", code="naive_datetime")
        if expires_at > share.created_at + timedelta(days=max_days):
            raise InvalidShare(f"A link can live at most {max_days} days after it was made.", code="expiry_too_long")
    updated = await ShareRepository(session).update_versioned(
        owner_id, share_id, expected_version=share.version, values={**values, "updated_at": now}
    )
    if updated is None:
        raise PreconditionFailed()
    if expires_at is not None:
        await consents.set_expiry(session, updated.consent_id, expires_at)
    return ShareWithItems(updated, await ShareRepository(session).items([updated.id]))


async def revoke_share(session: AsyncSession, owner_id: uuid.UUID, share_id: uuid.UUID) -> ShareWithItems:
    """Revoke at once: the stored presentation is erased in the same transaction; every later request fails."""
    share = await _owned(session, owner_id, share_id)
    repository = ShareRepository(session)
    if share.revoked_at is None:
        now = utcnow()
        updated = await repository.update_versioned(
            owner_id, share_id, expected_version=share.version, values={"revoked_at": now, "updated_at": now}
        )
        if updated is None:
            raise PreconditionFailed()
        share = updated
        await repository.erase_presentations(share_id)
        await consents.mark_withdrawn(session, share.consent_id, by=owner_id, at=now)
        log.info("share_revoked", share_id=str(share_id))
    return ShareWithItems(share, await repository.items([share.id]))


async def delete_share(session: AsyncSession, owner_id: uuid.UUID, share_id: uuid.UUID) -> None:
    """Delete a share with its presentation and access log; its consent record stays, withdrawn."""
    share = await _owned(session, owner_id, share_id)
    consent_id = share.consent_id
    if not await ShareRepository(session).delete(owner_id, share_id):
        raise ShareNotFound()
    await consents.mark_withdrawn(session, consent_id, by=owner_id)
    log.info("share_deleted", share_id=str(share_id))


async def list_events(
    session: AsyncSession, owner_id: uuid.UUID, share_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[ShareEvent], str | None]:
    await _owned(session, owner_id, share_id)
    limit = max(1, min(limit, MAX_PAGE))
    rows = await ShareRepository(session).events(
        share_id, limit=limit + 1, before=decode_cursor(cursor) if cursor else None
    )
    events = rows[:limit]
    return events, (encode_cursor(events[-1].id) if len(rows) > limit else None)


# --- The viewer's side ---------------------------------------------------------------------------------------


async def find_by_token(session: AsyncSession, token: str) -> Share:
    """The share behind a link token; unknown and malformed tokens are the same `ShareNotFound`."""
    if not TOKEN_PATTERN.match(token):
        raise ShareNotFound()
    share = await ShareRepository(session).by_digest(token_digest(token))
    if share is None:
        raise ShareNotFound()
    return share


def _viewer_class(share: Share | ShareHead | None, viewer: Viewer) -> ViewerClass:
    """`share` None: a link that names no recipient, before its share is read (`_quiet_event`)."""
    if share is not None and share.recipient_email is not None:
        return "recipient"
    if viewer.officer_body_id is not None:
        return "officer"
    return "anonymous"


def _event(share: Share | ShareHead, event: str, viewer: Viewer, fields: Sequence[str] = ()) -> dict[str, Any]:
    """One access-log row as column values; its id and time are taken now, whenever it is written."""
    viewer_class = _viewer_class(share, viewer) if event != "landing" else "anonymous"
    return {
        **_viewer_columns(event, viewer, viewer_class),
        "share_id": share.id,
        "fields": sorted(set(fields)),
        "count": 1,
    }


def _viewer_columns(event: str, viewer: Viewer, viewer_class: ViewerClass) -> dict[str, Any]:
    """An access-log row's columns that come from the request: all but its share, fields and count."""
    return {
        "id": new_id(),
        "event": event,
        "viewer_class": viewer_class,
        "viewer_body_id": viewer.officer_body_id,
        "automated": viewer.automated,
        "network": network_of(viewer.address),
        "at": utcnow(),
    }


async def _log(
    session: AsyncSession, share: Share | ShareHead, event: str, viewer: Viewer, fields: Sequence[str] = ()
) -> None:
    await ShareRepository(session).add_events([_event(share, event, viewer, fields)])


class LandingLog:
    """The `landing` events of one process.

    Links are prefetched and landing pages reloaded: landings far outnumber every other access, and a landing
    changes nothing else. So its event is not written in a transaction of its own: with `batched` (a serving
    process) it is queued, and `run()` writes the queue every `FLUSH_SECONDS` in one transaction, like the access
    log (`api.logging.AccessLog`). A crash loses at most that last second of landing events; every other event
    (reveal, download, code, verification) is written in its request's transaction. Without `batched` (a test's
    app, bound to one connection, runs no background writer) each event is written at once in its own transaction.

    Identical landings are one entry with a count: the same link, from the same address, by the same kind of
    viewer, automated or not, within the same second (the entry keeps the id and time of the first). A link posted
    where crawlers and readers hit it thousands of times a second is then a few rows a second, not thousands, and
    the owner's log reads the same. Events of a share deleted before they are written are dropped (deleting a share
    deletes its log). If a write fails, the entries wait for the next one; at most `MAX_PENDING` entries wait, the
    oldest are dropped beyond that, with a warning. `turn` (SQLite: the process's writer lock) is held around each
    write transaction.
    """

    FLUSH_SECONDS = 1.0
    MAX_PENDING = 50_000

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        *,
        batched: bool,
        turn: asyncio.Lock | None = None,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.batched = batched
        self.turn = turn
        self._pending: dict[_LandingKey, dict[str, Any]] = {}
        self.dropped = 0
        """Landings dropped because the queue was full."""

    @property
    def pending(self) -> int:
        """Landings waiting to be written (an entry counts as many as it stands for)."""
        return sum(event["count"] for event in self._pending.values())

    @contextlib.asynccontextmanager
    async def _transaction(self) -> AsyncIterator[ShareRepository]:
        async with (
            self.turn if self.turn is not None else contextlib.nullcontext(),
            self.sessionmaker() as session,
            session.begin(),
        ):
            yield ShareRepository(session)

    async def record(self, share: Share | ShareHead, viewer: Viewer) -> None:
        """Log one landing of `share`: queued, counted into the entry of its identical landings (batched), or
        written now."""
        if not self.batched:
            async with self._transaction() as repository:
                await repository.add_events([_event(share, "landing", viewer)])
            return
        key = (share.id, viewer.address, viewer.officer_body_id, viewer.automated, int(time.time()))
        entry = self._pending.get(key)
        if entry is not None:
            entry["count"] += 1
            return
        self._pending[key] = _event(share, "landing", viewer)
        if len(self._pending) > self.MAX_PENDING:
            self._drop(len(self._pending) - self.MAX_PENDING)

    def _drop(self, entries: int) -> None:
        oldest = list(itertools.islice(self._pending, entries))
        landings = sum(self._pending.pop(key)["count"] for key in oldest)
        self.dropped += landings
        log.warning("landing_events_dropped", count=landings, reason="queue full")

    def _requeue(self, entries: dict[_LandingKey, dict[str, Any]]) -> None:
        """Put back the entries of a failed write, before the ones queued meanwhile (merged where identical)."""
        for key, event in self._pending.items():
            if key in entries:
                entries[key]["count"] += event["count"]
            else:
                entries[key] = event
        self._pending = entries
        if len(self._pending) > self.MAX_PENDING:
            self._drop(len(self._pending) - self.MAX_PENDING)

    async def flush(self) -> int:
        """Write every queued entry in one transaction; answers how many landings were written."""
        if not self._pending:
            return 0
        entries, self._pending = self._pending, {}
        events = list(entries.values())
        try:
            async with self._transaction() as repository:
                alive = await repository.existing({event["share_id"] for event in events})
                kept = [event for event in events if event["share_id"] in alive]
                await repository.add_events(kept)
        except (SQLAlchemyError, OSError) as error:
            # The database is away, or a share was deleted meanwhile (foreign key): try again next time.
            log.warning("landing_events_not_written", events=len(events), error=type(error).__name__)
            self._requeue(entries)
            return 0
        except BaseException:  # cancelled mid-write (shutdown): the final flush writes them
            self._requeue(entries)
            raise
        return sum(event["count"] for event in kept)

    async def run(self) -> None:
        """Write the queue every `FLUSH_SECONDS`, until cancelled (the owner flushes once more after that)."""
        while True:
            await asyncio.sleep(self.FLUSH_SECONDS)
            await self.flush()


_LandingKey = tuple[uuid.UUID, str | None, uuid.UUID | None, bool, int]
"""What makes two landings identical: the share, the viewer's address, officer's body and automation, the second."""


SHARE_TABLES = frozenset({"shares", "share_items", "users", "recognition_bodies", "credentials"})
"""What a viewer's page of a share is made of: a write to any of them empties the caches of those pages."""
SHARES_CHANNEL = "passerelle_shares"
landing_cache: ReadCache[str, LandingRecord] = ReadCache(tables=SHARE_TABLES, channel=SHARES_CHANNEL)
"""Landings by token digest, for shares without a view limit (their state changes only by a write to `shares`,
which empties the cache, or by expiry, judged on every request). Unknown digests are never stored."""
released_items_cache: ReadCache[uuid.UUID, list[ReleasedItem]] = ReadCache(
    tables=SHARE_TABLES, channel=SHARES_CHANNEL, max_entries=1024
)
"""A share's released items (field names and stored presentation) by share id, for the group commit of releases:
a batch read them, presentations parsed from JSON, once per batch (~30 % of a one-release batch's CPU on SQLite).
A revocation erases the presentations and a deleted credential takes its item with it: both are writes to these
tables, which empty the cache."""


class LandingReads:
    """Reads landings: the requests that arrive while one read runs share the next one.

    A request never joins a read that is already running: it waits for the next, which starts after it arrived and
    reads every digest waiting by then in one statement. So each answer is as fresh as a read of its own (a
    revocation or an expiry committed before the request arrived is always seen), while under load one statement
    and one connection serve many requests instead of one each. Alone, a request waits for no one: its read starts
    at once. If a read fails, each request waiting on it gets the error.

    Shares without a view limit are then kept in `landing_cache`, which every write to their tables empties (here
    at once, on other instances by NOTIFY: `core.readcache`), so a revocation is still seen by the next request.
    """

    MAX_DIGESTS = 500
    """Distinct tokens per statement; the others wait for the next one."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self.sessions = sessions
        self._waiting: dict[str, list[asyncio.Future[LandingRecord | None]]] = {}
        self._reader: asyncio.Task[None] | None = None
        self.statements = 0

    async def read(self, digest: str) -> LandingRecord | None:
        cached = landing_cache.get(digest)
        if cached is not None:
            return cached
        generation = landing_cache.generation
        future: asyncio.Future[LandingRecord | None] = asyncio.get_running_loop().create_future()
        self._waiting.setdefault(digest, []).append(future)
        if self._reader is None:
            self._reader = asyncio.create_task(self._read_waiting())
        record = await future
        if record is not None and record.share.max_views is None:
            landing_cache.put(digest, record, generation=generation)
        return record

    async def _read_waiting(self) -> None:
        batch: dict[str, list[asyncio.Future[LandingRecord | None]]] = {}
        try:
            while self._waiting:
                digests = list(itertools.islice(self._waiting, self.MAX_DIGESTS))
                batch = {digest: self._waiting.pop(digest) for digest in digests}
                try:
                    async with self.sessions() as session:
                        self.statements += 1
                        found = await ShareRepository(session).landings(digests)
                except Exception as error:  # noqa: BLE001 - handed to every request that waited for this read
                    for futures in batch.values():
                        _settle(futures, error=error)
                    continue
                for digest, futures in batch.items():
                    _settle(futures, result=found.get(digest))
                batch = {}
        finally:
            # Cancelled (shutdown): nobody waits forever.
            for futures in (*batch.values(), *self._waiting.values()):
                for future in futures:
                    future.cancel()
            self._waiting.clear()
            self._reader = None


def _settle(
    futures: list[asyncio.Future[LandingRecord | None]],
    *,
    result: LandingRecord | None = None,
    error: Exception | None = None,
) -> None:
    for future in futures:
        if future.done():  # its request went away
            continue
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)


async def open_share(reads: LandingReads, token: str, viewer: Viewer, *, log: LandingLog | None) -> Landing:
    """The landing: who shares what kind of credential and why. Releases no field and counts no view; with `log`,
    the visit is recorded there, whatever the share's state."""
    if not TOKEN_PATTERN.match(token):
        raise ShareNotFound()
    record = await reads.read(token_digest(token))
    if record is None:
        raise ShareNotFound()
    found = Landing(
        share=record.share,
        items=[LandingItem(title=title, format=format_) for title, format_ in record.items],
        shared_by=record.owner_name or UNKNOWN_OWNER,
        recipient_body=record.recipient_body,
        state=state_of(record.share, utcnow()),
    )
    if log is not None:
        await log.record(found.share, viewer)
    return found


def _code_digest(share: Share, code: str) -> str:
    return hmac.new(share.token_digest.encode(), code.encode(), hashlib.sha256).hexdigest()


async def request_code(session: AsyncSession, token: str, viewer: Viewer, *, minutes: int, public_url: str) -> None:
    """Mail a one-time code to the share's named recipient (through the outbox)."""
    share = await find_by_token(session, token)
    if state_of(share, utcnow()) != "active":
        raise ShareUnavailable()
    if share.recipient_email is None:
        raise InvalidInput("This link is not bound to an e-mail address.", code="no_recipient_email")
    repository = ShareRepository(session)
    now = utcnow()
    if await repository.codes_since(share.id, now - timedelta(hours=1)) >= CODES_PER_HOUR:
        raise InvalidInput("Too many codes were asked for this link; try again in an hour.", code="too_many_codes")
    code = f"{secrets.randbelow(10**8):08d}"
    await repository.add(
        ShareCode(share_id=share.id, code_digest=_code_digest(share, code), expires_at=now + timedelta(minutes=minutes))
    )
    # The recipient's language when the address is an account's, else the learner's (core/i18n.py).
    language = await mail_language(session, share.recipient_email, sender_id=share.owner_id)
    await enqueue_mail(
        session,
        recipient=share.recipient_email,
        language=language,
        subject=i18n.translate(language, N_("Your code to open a shared credential")),
        body=mail_text(
            i18n.translate(
                language, N_("Someone shared a credential with you on Passerelle (%(site)s)."), site=public_url
            ),
            i18n.translate(language, N_("Your code: %(code)s"), code=code),
            i18n.translate(
                language,
                N_("It is valid for %(minutes)s minutes. If you did not ask for it, ignore this mail."),
                minutes=minutes,
            ),
        ),
    )
    await _log(session, share, "code_sent", viewer)


async def _check_recipient(session: AsyncSession, share: Share, viewer: Viewer, code: str | None) -> None:
    if share.recipient_body_id is not None and viewer.officer_body_id != share.recipient_body_id:
        raise RecipientOnly("This link can only be opened by the officers of the body it was shared with.")
    if share.recipient_email is None:
        return
    if not code:
        raise RecipientOnly("Enter the code sent to the recipient's e-mail address.", code="code_required")
    digest = _code_digest(share, code.strip())
    if await ShareRepository(session).try_code(share.id, digest, utcnow(), max_attempts=CODE_ATTEMPTS):
        return
    await _log(session, share, "code_failed", viewer)
    raise CodeRejected(keeps_changes=True)


async def _notify_first_reveal(session: AsyncSession, share: Share | ShareHead, views: int) -> None:
    if views == 1 and share.notify_first_reveal:
        mail = _first_reveal_mail(await session.get(User, share.owner_id), share)
        if mail is not None:
            session.add(mail)
            await session.flush()


def _first_reveal_mail(owner: User | None, share: Share | ShareHead) -> OutboxMail | None:
    """The e-mail telling the learner their link was opened for the first time, in their account's language
    (core/i18n.py); None when they have no address."""
    if owner is None or not owner.email:
        return None
    language = owner.language
    return mail_message(
        recipient=owner.email,
        language=language,
        subject=i18n.translate(language, N_("Your shared credential was opened")),
        body=i18n.translate(
            language,
            N_("The link you shared for “%(purpose)s” was opened for the first time."),
            purpose=share.purpose,
        )
        + "\n",
    )


ReleaseEvent = Literal["reveal", "download"]


@dataclass(frozen=True)
class _Release:
    digest: str
    viewer: Viewer
    event: ReleaseEvent


@dataclass(frozen=True)
class _PendingRelease:
    release: _Release
    future: asyncio.Future[Released | None]


class ReleaseBatches:
    """Releases of links that name no recipient, committed together (group commit).

    The releases that arrive while one transaction runs go together into the next. The views of the releases of
    one link are counted with one atomic UPDATE … RETURNING (`ReleaseStatements.consume_open_views`: all counted
    while the share is active and has that many views left under its limit, else none); when it has fewer left,
    they are counted one statement each, in arrival order, so exactly as many as the limit allows get through.
    Each counted release has its own event row, in the same transaction as its count. One commit serves them all: one WAL
    flush on PostgreSQL (a reveal holds the share's row lock until its commit has been flushed, so reveals of one
    link could otherwise never be faster than one flush each), one BEGIN IMMEDIATE … COMMIT on SQLite. No answer
    is given before its transaction has committed; if it fails, every release in it fails (nothing counted, nothing
    released, each request gets the error). A release this path cannot make (unknown link, not active, bound to a
    recipient) is answered None, and the caller takes the checked path (`release`). `turn` (SQLite: the process's
    writer lock) is held around each transaction. With a `writer` (SQLite, a serving process) the transactions run
    in a thread of their own, one after the other with no trip through the event loop between them
    (`core.database.GroupCommit`), and `turn` is not taken (`BEGIN IMMEDIATE` and the busy timeout order them with
    the other writers). With `quiet` (PostgreSQL, a serving process), each link's releases are first tried as one
    autocommitted statement (`repository.release_quietly`); the rest, and everything without a writer or `quiet`
    (a test's app bound to one connection), go through the async session.
    """

    MAX_BATCH = 128

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        *,
        turn: asyncio.Lock | None = None,
        writer: SqliteWriter | None = None,
        quiet: AsyncEngine | None = None,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.turn = turn
        self.quiet = quiet
        self._group = (
            None
            if writer is None
            else GroupCommit(writer, _write_batch, max_batch=self.MAX_BATCH, name="passerelle-release-writer")
        )
        self._waiting: list[_PendingRelease] = []
        self._writer: asyncio.Task[None] | None = None
        self._transactions = 0

    @property
    def transactions(self) -> int:
        """Transactions committed (or tried) so far."""
        return self._transactions if self._group is None else self._group.transactions

    def close(self) -> None:
        """Write what was submitted and stop the writer's thread, if there is one."""
        if self._group is not None:
            self._group.close()

    async def release(self, digest: str, viewer: Viewer, event: ReleaseEvent) -> Released | None:
        if self._group is not None:
            return await self._group.submit(_Release(digest, viewer, event))
        future: asyncio.Future[Released | None] = asyncio.get_running_loop().create_future()
        self._waiting.append(_PendingRelease(_Release(digest, viewer, event), future))
        if self._writer is None:
            self._writer = asyncio.create_task(self._write_waiting())
        return await future

    async def _write_waiting(self) -> None:
        batch: list[_PendingRelease] = []
        try:
            while self._waiting:
                batch, self._waiting = self._waiting[: self.MAX_BATCH], self._waiting[self.MAX_BATCH :]
                # A request that went away before its transaction began is not counted.
                batch = [pending for pending in batch if not pending.future.done()]
                if not batch:
                    continue
                try:
                    outcomes = await self._write(batch)
                except Exception as error:  # noqa: BLE001 - handed to every request of the failed transaction
                    for pending in batch:
                        if not pending.future.done():
                            pending.future.set_exception(error)
                else:
                    for pending, outcome in zip(batch, outcomes, strict=True):
                        if pending.future.done():
                            continue
                        if isinstance(outcome, Exception):
                            pending.future.set_exception(outcome)
                        else:
                            pending.future.set_result(outcome)
                batch = []
        finally:
            # Cancelled (shutdown): nobody waits forever.
            for pending in (*batch, *self._waiting):
                pending.future.cancel()
            self._waiting = []
            self._writer = None

    async def _write(self, batch: list[_PendingRelease]) -> list[Released | Exception | None]:
        """Each release's outcome once it is committed, or the error of the statement or transaction it was in: on
        PostgreSQL with `quiet`, each link's releases in one autocommitted statement (`repository.release_quietly`;
        a link whose statement failed has nothing counted, and the links committed before it keep their answers),
        the rest in one transaction (`_write_batch`)."""
        if self.quiet is None:
            return list(await self._transaction(batch))
        outcomes: list[Released | Exception | None] = [None] * len(batch)
        by_link: dict[str, list[int]] = {}
        for index, pending in enumerate(batch):
            by_link.setdefault(pending.release.digest, []).append(index)
        left: list[int] = []
        now = utcnow()
        async with self.quiet.connect() as opened:
            connection = await opened.execution_options(isolation_level="AUTOCOMMIT")
            for digest in sorted(by_link):  # shares locked in one order (see `_write_batch`)
                indexes = by_link[digest]
                events = [_quiet_event(batch[index].release) for index in indexes]
                try:
                    found = await release_quietly(connection, digest, now, events)
                except Exception as error:  # noqa: BLE001 - handed to the releases of this link only
                    for index in indexes:
                        outcomes[index] = error
                    continue
                if found is None:
                    left.extend(indexes)
                    continue
                self._transactions += 1
                head, owner_name, items = found
                before = head.views - len(indexes)
                for number, index in enumerate(indexes, start=before + 1):
                    share = head if number == head.views else head.with_views(number)
                    outcomes[index] = Released(share, items, owner_name or UNKNOWN_OWNER)
        if left:
            try:
                written: list[Released | Exception | None] = list(await self._transaction([batch[i] for i in left]))
            except Exception as error:  # noqa: BLE001 - handed to every release of the failed transaction
                written = [error] * len(left)
            for index, outcome in zip(left, written, strict=True):
                outcomes[index] = outcome
        return outcomes

    async def _transaction(self, batch: list[_PendingRelease]) -> list[Released | None]:
        """One transaction (`_write_batch`) through the async session, committed when this returns."""
        async with (
            self.turn if self.turn is not None else contextlib.nullcontext(),
            self.sessionmaker() as session,
            session.begin(),
        ):
            self._transactions += 1
            return await session.run_sync(_write_batch, [pending.release for pending in batch])


def _quiet_event(release: _Release) -> dict[str, Any]:
    """A release's event row for `release_quietly` (a link that names no recipient): all but its share and fields."""
    return _viewer_columns(release.event, release.viewer, _viewer_class(None, release.viewer))


def _write_batch(session: Session, batch: Sequence[_Release]) -> list[Released | None]:
    """Synchronous, in the caller's transaction (which may run in the writer's thread): each release's count, then
    their items, events and first-reveal mails."""
    statements = ReleaseStatements(session)
    now = utcnow()
    counted: list[tuple[ShareHead, str | None] | None] = [None] * len(batch)
    by_link: dict[str, list[int]] = {}
    for index, pending in enumerate(batch):
        by_link.setdefault(pending.digest, []).append(index)
    # Shares locked in one order by every process's transactions: two batches never wait on each other in a cycle
    # (PostgreSQL would abort one of them as a deadlock).
    for digest in sorted(by_link):
        _count_views(statements, digest, now, by_link[digest], counted)
    items = _released_items(statements, {found[0].id for found in counted if found is not None})
    events: list[dict[str, Any]] = []
    outcomes: list[Released | None] = []
    for pending, found in zip(batch, counted, strict=True):
        if found is None:
            outcomes.append(None)
            continue
        share, owner_name = found
        released = items.get(share.id, [])
        events.append(_event(share, pending.event, pending.viewer, [n for item in released for n in item.fields]))
        if share.views == 1 and share.notify_first_reveal:
            mail = _first_reveal_mail(session.get(User, share.owner_id), share)
            if mail is not None:
                session.add(mail)
        outcomes.append(Released(share, released, owner_name or UNKNOWN_OWNER))
    statements.add_events(events)
    session.flush()
    return outcomes


def _released_items(statements: ReleaseStatements, share_ids: set[uuid.UUID]) -> dict[uuid.UUID, list[ReleasedItem]]:
    """The items of shares just counted: from `released_items_cache`, else read (and kept, unless a write to what
    they are made of happened since the read began)."""
    generation = released_items_cache.generation
    found: dict[uuid.UUID, list[ReleasedItem]] = {}
    missing: list[uuid.UUID] = []
    for share_id in share_ids:
        cached = released_items_cache.get(share_id)
        if cached is None:
            missing.append(share_id)
        else:
            found[share_id] = cached
    if missing:
        read = statements.released_items(missing)
        for share_id, share_items in read.items():
            released_items_cache.put(share_id, share_items, generation=generation)
        found.update(read)
    return found


def _count_views(
    statements: ReleaseStatements,
    digest: str,
    now: datetime,
    indexes: list[int],
    counted: list[tuple[ShareHead, str | None] | None],
) -> None:
    """Count the views of the releases at `indexes` (one link's, in arrival order) and put each one's share, with
    the view count its own release reached, at its index in `counted`; uncounted releases stay None."""
    found = statements.consume_open_views(digest, now, len(indexes))
    if found is not None:
        head, owner_name = found
        before = head.views - len(indexes)
        for number, index in enumerate(indexes, start=before + 1):
            counted[index] = (head if number == head.views else head.with_views(number), owner_name)
        return
    if len(indexes) == 1:
        return
    # Fewer views left than releases waiting, or the link cannot be released this way at all: one by one, until
    # one is refused (views only grow, so every later one would be refused too).
    for index in indexes:
        found = statements.consume_open_views(digest, now)
        if found is None:
            return
        counted[index] = found


async def release(
    transaction: Callable[[], contextlib.AbstractAsyncContextManager[AsyncSession]],
    token: str,
    viewer: Viewer,
    *,
    code: str | None,
    event: ReleaseEvent,
    batches: ReleaseBatches,
) -> Released:
    """Reveal or download: counts one view with one atomic statement, logs it in the same transaction, and answers
    the presentations. A link that names no recipient needs no check besides its state, which the counting
    statement makes: it goes through `batches`. Anything else (unknown, not active, bound to a recipient) takes the
    checked path in a `transaction()` of its own, which tells those cases apart."""
    if not TOKEN_PATTERN.match(token):
        raise ShareNotFound()
    released = await batches.release(token_digest(token), viewer, event)
    if released is not None:
        return released
    async with transaction() as session:
        return await _release_checked(session, token, viewer, code=code, event=event)


async def _release_checked(
    session: AsyncSession, token: str, viewer: Viewer, *, code: str | None, event: ReleaseEvent
) -> Released:
    share = await find_by_token(session, token)
    if state_of(share, utcnow()) != "active":
        raise ShareUnavailable()
    await _check_recipient(session, share, viewer, code)
    repository = ShareRepository(session)
    views = await repository.consume_view(share.id, utcnow())
    if views is None:  # another request used the last view, or the share was revoked meanwhile
        raise ShareUnavailable()
    items = await repository.items([share.id])
    await _log(session, share, event, viewer, [name for item in items for name in item.fields])
    await _notify_first_reveal(session, share, views)
    share.views = views
    owner = await session.get(User, share.owner_id)
    released = [ReleasedItem(fields=item.fields, presentation=item.presentation) for item in items]
    return Released(share, released, owner.display_name if owner else UNKNOWN_OWNER)


async def check_active(session: AsyncSession, token: str, viewer: Viewer, *, code: str | None) -> ShareWithItems:
    """For a live verification: the share must be active and the viewer its recipient; no view is counted."""
    share = await find_by_token(session, token)
    if state_of(share, utcnow()) != "active":
        raise ShareUnavailable()
    await _check_recipient(session, share, viewer, code)
    items = await ShareRepository(session).items([share.id])
    await _log(session, share, "verification", viewer)
    return ShareWithItems(share, items)
