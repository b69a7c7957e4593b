"""Database kernel: metadata naming convention, portable column types, engine and session factories.

The engine and the sessionmaker are built by the application's lifespan (or a CLI command), never at import.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import DateTime, event
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import NullPool
from sqlalchemy.types import TypeDecorator
from sqlmodel import SQLModel

from core.settings import Settings

# Constraint names must be stable across SQLite and PostgreSQL so Alembic can alter them.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = SQLModel.metadata

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "alembic"


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend (SQLite stores none, so we normalise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; use core.clock.utcnow()")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any, *, foreign_keys: bool = True) -> None:
    # Let SQLAlchemy, not the driver, decide when transactions begin, so SAVEPOINTs work (SQLAlchemy docs,
    # "Serializable isolation / Savepoints / Transactional DDL" for pysqlite and aiosqlite).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


WRITE_TRANSACTIONS = "passerelle_write_transactions"


def _sqlite_begin(connection: Connection) -> None:
    # Sessions (request transactions, which may write) take the write lock when they start: a deferred transaction
    # that reads and then writes while another connection writes fails at once with SQLITE_BUSY (the busy timeout
    # cannot help a read-to-write upgrade); BEGIN IMMEDIATE makes concurrent writers wait their turn instead.
    # Other transactions (health checks, migrations' checks, tests' outer transactions) stay deferred.
    immediate = connection.get_execution_options().get(WRITE_TRANSACTIONS, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def create_engine(
    url: str, *, pool: bool = True, echo: bool = False, read_only: bool = False, for_migrations: bool = False
) -> AsyncEngine:
    """An async engine; SQLite gets WAL, foreign keys and a busy timeout on every connection.

    `for_migrations=True` turns SQLite's foreign keys off: batch migrations rebuild a table by copying it and
    dropping the old one, and with foreign keys on that drop would cascade into every referencing table.
    `read_only=True` builds the engine for reads that need no transaction (a single SELECT): its connections are
    in autocommit mode from the start, so a read costs no BEGIN/COMMIT round trips. It may point at a replica.
    A connection returned to the pool is rolled back only if its transaction was not ended (SQLAlchemy skips the
    reset otherwise, so it costs nothing on the normal path); read-only connections, in autocommit, are not reset.
    A dropped connection is detected when it fails (503 + pool invalidation).
    """
    # A failed statement's message and traceback name the statement, never its values (e-mail addresses, credential
    # content, token digests): they reach the error log.
    kwargs: dict[str, Any] = {"echo": echo, "hide_parameters": True}
    if not pool:
        kwargs["poolclass"] = NullPool
    elif url.startswith("postgresql"):
        kwargs.update(pool_size=10, max_overflow=10)
    if read_only:
        kwargs.update(isolation_level="AUTOCOMMIT", pool_reset_on_return=None)
    engine = create_async_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", functools.partial(_sqlite_pragmas, foreign_keys=not for_migrations))
        if not read_only:
            event.listen(engine.sync_engine, "begin", _sqlite_begin)
    return engine


def create_sessionmaker(bind: AsyncEngine | AsyncConnection) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded objects after commit. Bound to a connection (tests), a session's commit only
    releases a SAVEPOINT inside the connection's outer transaction."""
    if isinstance(bind, AsyncConnection):
        return async_sessionmaker(
            bind=bind, expire_on_commit=False, autoflush=False, join_transaction_mode="create_savepoint"
        )
    return async_sessionmaker(
        bind=bind.execution_options(**{WRITE_TRANSACTIONS: True}), expire_on_commit=False, autoflush=False
    )


def ensure_sqlite_directory(settings: Settings) -> None:
    """Create the data directory (0700) and the SQLite file (0600) for the embedded default.

    SQLite gives its -wal and -shm files the permissions of the database file.
    """
    settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    database = settings.data_dir / "passerelle.db"
    database.touch(mode=0o600, exist_ok=True)
    database.chmod(0o600)


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url)
    return config


def migration_head() -> str | None:
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def _current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


async def schema_revision(engine: AsyncEngine) -> str | None:
    async with engine.connect() as connection:
        return await connection.run_sync(_current_revision)


def upgrade_to_head(url: str) -> None:
    """Apply every pending migration (blocking; the async env.py runs its own event loop)."""
    from alembic import command

    command.upgrade(alembic_config(url), "head")


@asynccontextmanager
async def transaction(sessionmaker: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """A session in one transaction, committed on success and rolled back on error (workers, scripts)."""
    async with sessionmaker() as session, session.begin():
        yield session
