"""The open-account check behind every user's token (`core.accounts.open_accounts`): one read per account at a time,
answered from the cache afterwards, and a closed account refused."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest
from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker
from sqlmodel import col

from core.accounts import open_accounts
from core.accounts.models import Role, User


class CountingSessions(async_sessionmaker[AsyncSession]):
    """The real sessions on the test's connection, counting how many were opened."""

    def __init__(self, connection: AsyncConnection) -> None:
        super().__init__(bind=connection, expire_on_commit=False)
        self.opened = 0

    def __call__(self, **local_kw: Any) -> AsyncSession:
        self.opened += 1
        return super().__call__(**local_kw)


@pytest.fixture
async def account(connection: AsyncConnection) -> uuid.UUID:
    user = User(email=f"{uuid.uuid4().hex[:8]}@example.org", display_name="Ada", role=Role.LEARNER)
    async with AsyncSession(bind=connection) as session:
        session.add(user)
        await session.flush()
    return user.id


async def test_concurrent_misses_share_one_read_and_later_calls_none(
    connection: AsyncConnection, account: uuid.UUID
) -> None:
    open_accounts.open_accounts.invalidate()
    sessions = CountingSessions(connection)
    answers = await asyncio.gather(*(open_accounts.is_open(sessions, sessions, account) for _ in range(32)))
    assert answers == [True] * 32 and sessions.opened == 1
    assert await open_accounts.is_open(sessions, sessions, account)
    assert sessions.opened == 1  # from the cache


async def test_an_erased_account_is_closed_at_once(connection: AsyncConnection, account: uuid.UUID) -> None:
    sessions = CountingSessions(connection)
    assert await open_accounts.is_open(sessions, sessions, account)
    async with AsyncSession(bind=connection) as session, session.begin_nested():
        await session.execute(delete(User).where(col(User.id) == account))  # empties the cache (a users DELETE)
    assert not await open_accounts.is_open(sessions, sessions, account)
    assert not await open_accounts.is_open(sessions, sessions, uuid.uuid4())
