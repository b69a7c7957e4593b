"""Erasure tombstones: what is left of an erased learner — keyed hashes of their id and e-mail address, nothing else.

A tombstone lets the service recognise an institution's push to an erased account (and answer it `learner_erased`)
without keeping anything that names the learner: each digest is HMAC-SHA256 under a service secret
(`Settings.erasure_secret`, else a random 256-bit key generated once in the keys directory), so a copy of the
database alone cannot be searched for an e-mail address by hashing guesses.

The key is configured once per process (`configure`, called where the engine is built) because it is a property of
the deployment, not of a request; it must be the same for every instance (set the setting, or share the keys
directory as the keyring already is).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import uuid
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import Field, SQLModel, col

from core.clock import utcnow
from core.database import UTCDateTime
from core.settings import Settings

KEY_FILE = "erasure.key"
KEY_BYTES = 32


class ErasureTombstone(SQLModel, table=True):
    """One keyed hash of an erased learner's id or e-mail address."""

    __tablename__ = "erasure_tombstones"

    digest: str = Field(max_length=64, primary_key=True)
    """HMAC-SHA256 (hex) of `id:<uuid>` or `email:<address, lower-cased>`."""
    kind: str = Field(max_length=8)
    """`id` or `email`: which identifier was hashed (never the identifier itself)."""
    erased_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


def _key_from_file(directory: Path) -> bytes:
    path = directory / KEY_FILE
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = secrets.token_bytes(KEY_BYTES)
    try:  # O_EXCL: two processes starting at once keep the first key written
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes()
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
    return key


def load_key(settings: Settings) -> bytes:
    """The tombstone key: `erasure_secret` when set, else the key file in the keys directory (created once)."""
    if settings.erasure_secret is not None:
        return settings.erasure_secret.get_secret_value().encode("utf-8")
    return _key_from_file(settings.keys_dir)


_key: bytes | None = None


def configure(settings: Settings) -> None:
    global _key  # one deployment-wide key, set where the process starts
    _key = load_key(settings)


def _configured_key() -> bytes:
    if _key is None:
        raise RuntimeError("core.accounts.tombstones.configure(settings) has not been called")
    return _key


def id_digest(learner_id: uuid.UUID) -> str:
    return hmac.new(_configured_key(), f"id:{learner_id}".encode(), hashlib.sha256).hexdigest()


def email_digest(email: str) -> str:
    return hmac.new(_configured_key(), f"email:{email.strip().lower()}".encode(), hashlib.sha256).hexdigest()


def tombstones_for(learner_id: uuid.UUID, email: str | None) -> list[ErasureTombstone]:
    stones = [ErasureTombstone(digest=id_digest(learner_id), kind="id")]
    if email:
        stones.append(ErasureTombstone(digest=email_digest(email), kind="email"))
    return stones


async def erased(session: AsyncSession, ids: Iterable[uuid.UUID], emails: Iterable[str]) -> set[uuid.UUID | str]:
    """Which of these learner ids and e-mail addresses belong to an erased account."""
    by_digest: dict[str, uuid.UUID | str] = {id_digest(i): i for i in ids}
    by_digest.update({email_digest(e): e for e in emails})
    if not by_digest:
        return set()
    statement = select(col(ErasureTombstone.digest)).where(col(ErasureTombstone.digest).in_(list(by_digest)))
    return {by_digest[digest] for digest in (await session.execute(statement)).scalars()}
