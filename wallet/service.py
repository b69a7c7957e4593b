"""Wallet rules for storing credentials: exact bytes, one copy per learner, owner-only access."""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import uuid
from dataclasses import dataclass
from typing import Any

import anyio.to_thread
import structlog
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.clock import utcnow
from core.errors import InvalidInput, PreconditionFailed
from core.ids import new_id
from wallet.cache import credential_cache
from wallet.errors import CredentialNotFound, DuplicateCredential
from wallet.formats import MEDIA_TYPE_BY_FORMAT, CredentialFormat, detect
from wallet.models import Credential
from wallet.repository import CredentialRepository
from wallet.schemas import CredentialUpdate
from wallet.summary import Summarised, summarise
from wallet.summary.model import LinkedPart

log = structlog.get_logger("passerelle.wallet")

MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class Page:
    items: list[Credential]
    next_cursor: str | None


def encode_cursor(credential_id: uuid.UUID) -> str:
    return base64.urlsafe_b64encode(credential_id.bytes).rstrip(b"=").decode("ascii")


def decode_cursor(cursor: str) -> uuid.UUID:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        return uuid.UUID(bytes=raw)
    except (binascii.Error, ValueError) as exc:
        raise InvalidInput("The cursor is not one this service issued.", code="invalid_cursor") from exc


@dataclass(frozen=True)
class _Inspected:
    format: CredentialFormat
    sha256: str
    summarised: Summarised
    part_digests: list[str]


def _inspect(content: bytes, media_type: str) -> _Inspected:
    detected = detect(content, media_type)
    summarised = summarise(detected, content)
    return _Inspected(
        detected.format,
        hashlib.sha256(content).hexdigest(),
        summarised,
        [hashlib.sha256(part.content).hexdigest() for part in summarised.parts],
    )


async def import_credential(
    session: AsyncSession, *, owner_id: uuid.UUID, content: bytes, media_type: str, label: str | None = None
) -> Credential:
    """Store a credential exactly as received; the same bytes twice in one wallet is a conflict.

    A bundle (CLR 2.0) or transcript (ELMO) also stores each credential it carries as a linked credential
    (`parent_id`), so each can be listed, verified and shared on its own; one the wallet already holds is linked
    to, not copied.
    """
    inspected = await anyio.to_thread.run_sync(_inspect, content, media_type)
    repository = CredentialRepository(session)
    existing = await repository.id_by_digest(owner_id, inspected.sha256)
    if existing is not None:
        raise DuplicateCredential(existing)
    stored_media_type = (
        MEDIA_TYPE_BY_FORMAT[inspected.format] if media_type == "application/octet-stream" else media_type
    )
    credential_id = new_id()
    parts: list[tuple[Credential, bytes]] = []
    linked: list[LinkedPart] = []
    for part, digest in zip(inspected.summarised.parts, inspected.part_digests, strict=True):
        held = await repository.id_by_digest(owner_id, digest)
        if held is None and all(child.sha256 != digest for child, _ in parts):
            child = _new_credential(
                owner_id, part.format, part.media_type, digest, part.content, part.summary.stored(), credential_id
            )
            parts.append((child, part.content))
            held = child.id
        linked.append(LinkedPart(title=part.summary.title, format=part.format.value, credential_id=str(held)))
    summary = inspected.summarised.summary.model_copy(update={"parts": linked})
    credential = _new_credential(
        owner_id, inspected.format, stored_media_type, inspected.sha256, content, summary.stored(), None, label
    )
    credential.id = credential_id
    try:
        async with session.begin_nested():
            await repository.add(credential, content)
            for child, child_content in parts:
                await repository.add(child, child_content)
    except IntegrityError:
        # A concurrent import of the same bytes won the unique (owner_id, sha256) race.
        winner = await repository.id_by_digest(owner_id, inspected.sha256)
        if winner is None:
            raise
        raise DuplicateCredential(winner) from None
    log.info(
        "credential_imported",
        credential_id=str(credential.id),
        format=credential.format,
        size_bytes=credential.size_bytes,
        parts=len(parts),
    )
    return credential


def _new_credential(
    owner_id: uuid.UUID,
    credential_format: CredentialFormat,
    media_type: str,
    digest: str,
    content: bytes,
    summary: dict[str, Any],
    parent_id: uuid.UUID | None,
    label: str | None = None,
) -> Credential:
    return Credential(
        owner_id=owner_id,
        parent_id=parent_id,
        format=credential_format.value,
        media_type=media_type,
        sha256=digest,
        size_bytes=len(content),
        label=label,
        summary=summary,
    )


async def get_credential(session: AsyncSession, owner_id: uuid.UUID, credential_id: uuid.UUID) -> Credential:
    """The owner's credential; served from the read cache when it holds the row (see `wallet.cache`)."""
    cached = credential_cache.get_credential(owner_id, credential_id)
    if cached is not None:
        return cached
    generation = credential_cache.generation
    credential = await CredentialRepository(session).get(owner_id, credential_id)
    if credential is None:
        raise CredentialNotFound()
    credential_cache.put_credential(credential, generation=generation)
    return credential


_in_flight: dict[tuple[uuid.UUID, uuid.UUID], asyncio.Future[Credential]] = {}


async def read_credential(
    sessions: async_sessionmaker[AsyncSession], owner_id: uuid.UUID, credential_id: uuid.UUID
) -> Credential:
    """Like `get_credential`, opening a (read) session only when the cache cannot answer.

    Concurrent misses for the same credential share one database read (single flight): when an entry expires
    under load, one query refills it instead of every waiting request sending its own.
    """
    cached = credential_cache.get_credential(owner_id, credential_id)
    if cached is not None:
        return cached
    key = (owner_id, credential_id)
    pending = _in_flight.get(key)
    if pending is not None:
        return await asyncio.shield(pending)
    future: asyncio.Future[Credential] = asyncio.get_running_loop().create_future()
    _in_flight[key] = future
    try:
        async with sessions() as session:
            credential = await get_credential(session, owner_id, credential_id)
    except BaseException as exc:
        future.set_exception(exc)
        future.exception()  # marks it retrieved: waiting requests re-raise it, nobody else need
        raise
    else:
        future.set_result(credential)
        return credential
    finally:
        del _in_flight[key]


async def get_original(
    session: AsyncSession, owner_id: uuid.UUID, credential_id: uuid.UUID
) -> tuple[Credential, bytes]:
    found = await CredentialRepository(session).get_document(owner_id, credential_id)
    if found is None:
        raise CredentialNotFound()
    return found


async def list_credentials(
    session: AsyncSession,
    owner_id: uuid.UUID,
    *,
    limit: int,
    cursor: str | None,
    credential_format: str | None,
    tag: str | None,
    parent_id: uuid.UUID | None = None,
) -> Page:
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    before = decode_cursor(cursor) if cursor else None
    rows = await CredentialRepository(session).page(
        owner_id, limit=limit + 1, before=before, credential_format=credential_format, tag=tag, parent_id=parent_id
    )
    items = rows[:limit]
    return Page(items=items, next_cursor=encode_cursor(items[-1].id) if len(rows) > limit else None)


def etag(credential: Credential) -> str:
    return f'"{credential.id.hex[:8]}-{credential.version}"'


async def update_credential(
    session: AsyncSession, owner_id: uuid.UUID, credential_id: uuid.UUID, changes: CredentialUpdate, *, if_match: str
) -> Credential:
    """Change label and tags, only if the caller saw the current version (RFC 9110 §13.1.1)."""
    credential = await get_credential(session, owner_id, credential_id)
    candidates = {value.strip().removeprefix("W/") for value in if_match.split(",")}
    if etag(credential) not in candidates and "*" not in candidates:
        raise PreconditionFailed()
    values: dict[str, Any] = changes.model_dump(exclude_unset=True)
    if "tags" in values:
        values["tags"] = sorted(set(values["tags"] or []))
    updated = await CredentialRepository(session).update_versioned(
        owner_id, credential_id, expected_version=credential.version, values={**values, "updated_at": utcnow()}
    )
    if updated is None:  # changed by a concurrent request between our read and our write
        raise PreconditionFailed()
    return updated


async def delete_credential(session: AsyncSession, owner_id: uuid.UUID, credential_id: uuid.UUID) -> None:
    """Hard delete: the metadata and the original bytes are gone when this returns."""
    if not await CredentialRepository(session).delete(owner_id, credential_id):
        raise CredentialNotFound()
    log.info("credential_deleted", credential_id=str(credential_id))
