"""Whether the account behind a valid access token is still open.

Access tokens are checked without the database (a signature and the claims), so a token issued before its account
was erased or disabled would otherwise be honoured until it expires (15 minutes by default). `is_open` closes that
window: the door for bearer tokens (`api.deps.authenticate`) asks it on every request of a user's token (learner,
officer, administrator), and a closed account's token is refused at once, with `401 account_closed`.

Answered from a per-process read cache of open accounts (`core.readcache`): a hit costs a dictionary lookup; any
UPDATE or DELETE on `users` (an erasure, a disabled account) empties it in this process at once and, through
NOTIFY, in every other PostgreSQL instance, so the next request of each user reads its row again. Only open
accounts are cached: a closed one is read each time it is presented, which is rare, and can never open again.

The row is read with the read sessions (no transaction: on SQLite a write session would begin `IMMEDIATE` and
queue every request of a cache miss behind the writer; measured, p99 of the credential read went from 8 ms to
1.3 s). Only when that read finds no open account is the primary asked, because a replica can lag behind a
sign-up: a refusal is always the primary's answer.
"""

from __future__ import annotations

import asyncio
import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from core.accounts.models import User
from core.readcache import ReadCache

ACCOUNTS_CHANNEL = "passerelle_accounts"

open_accounts: ReadCache[uuid.UUID, bool] = ReadCache(tables={"users"}, channel=ACCOUNTS_CHANNEL, max_entries=100_000)
"""User ids whose account was open (present, not disabled) when last read."""


async def is_open(
    reads: async_sessionmaker[AsyncSession], primary: async_sessionmaker[AsyncSession], user_id: uuid.UUID
) -> bool:
    """Whether the user's account exists and is not disabled."""
    if open_accounts.get(user_id):
        return True
    # One read per account at a time: when an entry expires, the requests in flight for that user (a client with
    # thirty-two connections) wait for the same answer instead of each opening a session.
    reading = _reading.get(user_id)
    if reading is not None:
        shared = await asyncio.shield(reading)
        # None: the shared read failed or its request went away; this request reads for itself.
        return shared if shared is not None else await _read(reads, primary, user_id)
    reading = _reading[user_id] = asyncio.get_running_loop().create_future()
    found: bool | None = None
    try:
        found = await _read(reads, primary, user_id)
    finally:
        del _reading[user_id]
        reading.set_result(found)
    return found


_reading: dict[uuid.UUID, asyncio.Future[bool | None]] = {}


async def _read(
    reads: async_sessionmaker[AsyncSession], primary: async_sessionmaker[AsyncSession], user_id: uuid.UUID
) -> bool:
    generation = open_accounts.generation  # before the read: a write meanwhile keeps its answer out of the cache
    found = await _open(reads, user_id) or (primary is not reads and await _open(primary, user_id))
    if found:
        open_accounts.put(user_id, True, generation=generation)
    return found


async def _open(sessions: async_sessionmaker[AsyncSession], user_id: uuid.UUID) -> bool:
    statement = select(col(User.id)).where(col(User.id) == user_id, col(User.disabled_at).is_(None))
    async with sessions() as session:
        return (await session.execute(statement)).first() is not None
