"""Test fixtures: one migrated database per run (SQLite, or PostgreSQL when PASSERELLE_TEST_DATABASE names a
server), each test inside a transaction that is rolled back, and the app driven through httpx's ASGI transport.

`PASSERELLE_TEST_DATABASE` is a PostgreSQL URL to an existing database (the maintenance database `postgres`);
the suite creates its own database next to it and drops it at the end. If the server is unreachable the run
fails: a missing PostgreSQL is never a skip.
"""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from api.app import create_app
from core.accounts.models import Role
from core.database import create_engine, upgrade_to_head
from core.settings import Settings
from recognition.seed import seed_database
from tests.factories import Account, create_account, create_staff

DATA = Path(__file__).parent / "data"


async def _admin_execute(admin_url: str, statement: str) -> None:
    engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    admin_url = os.environ.get("PASSERELLE_TEST_DATABASE")
    if not admin_url:
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
        upgrade_to_head(url)
        asyncio.run(seed_database(url))
        yield url
        return
    name = f"passerelle_test_{secrets.token_hex(4)}"
    asyncio.run(_admin_execute(admin_url, f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade_to_head(url)
        asyncio.run(seed_database(url))
        yield url
    finally:
        asyncio.run(_admin_execute(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("data")


@pytest.fixture(scope="session")
def settings(database_url: str, data_dir: Path) -> Settings:
    return Settings(
        environment="test",
        database_url=database_url,
        data_dir=data_dir,
        public_url="http://test",
        log_json=True,
    )


@pytest.fixture(scope="session")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
async def connection(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A connection inside a transaction that is rolled back after the test: nothing a test writes survives."""
    async with engine.connect() as connection:
        transaction = await connection.begin()
        try:
            yield connection
        finally:
            if transaction.is_active:
                await transaction.rollback()


@pytest.fixture
def app_settings(settings: Settings) -> Settings:
    """Override per test module to change settings; the default is the session's settings."""
    return settings


@pytest.fixture
async def client(app_settings: Settings, connection: AsyncConnection) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(app_settings, bind=connection)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http,
    ):
        http.app = app  # type: ignore[attr-defined]
        yield http


@pytest.fixture
async def committing_client(app_settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The app as it serves, with its own engines: each request commits on its own connection, so requests run
    concurrently for real. Tests using it clean up what they wrote."""
    app = create_app(app_settings)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http,
    ):
        yield http


@pytest.fixture
async def admin(client: httpx.AsyncClient, connection: AsyncConnection) -> Account:
    return await create_staff(client, connection, email="admin@example.org", role=Role.ADMIN)


@pytest.fixture
async def learner(client: httpx.AsyncClient) -> Account:
    return await create_account(client, email="ada@example.org")


@pytest.fixture
async def other_learner(client: httpx.AsyncClient) -> Account:
    return await create_account(client, email="grace@example.org")


@pytest.fixture(autouse=True)
def _fresh_read_cache() -> Iterator[None]:
    """Rows read in one test's rolled-back transaction must not be served to the next."""
    from core import readcache

    readcache.set_enabled(True)
    yield
    readcache.set_enabled(True)
