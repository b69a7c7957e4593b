"""Database kernel: metadata naming convention, portable column types, engine and session factories.

The engine and the sessionmaker are built by the application's lifespan (or a CLI command), never at import.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import queue
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Generic, TypeVar

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import DateTime, event
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy.engine import Connection, Dialect, Engine
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool
from sqlalchemy.types import TypeDecorator
from sqlmodel import SQLModel

from core.settings import Settings

T = TypeVar("T")
Item = TypeVar("Item")
Outcome = TypeVar("Outcome")

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


class SqliteWriter:
    """Whole write transactions on the SQLite file, each start to end in one thread, through a synchronous engine.

    Through the async engine every statement is several round trips to aiosqlite's thread (cursor, execute, fetch,
    close), each a thread switch and an event-loop wake-up: a group commit of four statements measured ~4.5 ms of
    wall and ~4 ms of CPU for its ~1.2 ms of statements, which capped a hot writer (the share reveals) at ~2,000
    reveals per second. Here the transaction runs in one thread, on a connection with the same pragmas and
    `BEGIN IMMEDIATE`, and the event loop hears of it once, at the end (`GroupCommit`).
    The work must be synchronous SQLAlchemy (Core statements or a `Session`); it must not touch the event loop."""

    def __init__(self, url: str) -> None:
        # One thread uses the engine; the pool's connections are opened there, so the thread check can stay on.
        engine = create_sync_engine(url.replace("sqlite+aiosqlite:", "sqlite:", 1), hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        self._engine = engine
        self.engine: Engine = engine.execution_options(**{WRITE_TRANSACTIONS: True})

    def run(self, work: Callable[[Session], T]) -> T:
        """`work(session)` in one transaction, committed when it returns (rolled back if it raises). In the calling
        thread, which must not be the event loop's (`GroupCommit` has one of its own)."""
        with Session(self.engine, expire_on_commit=False, autoflush=False) as session, session.begin():
            return work(session)

    def close(self) -> None:
        self._engine.dispose()


class GroupCommit(Generic[Item, Outcome]):
    """Items submitted on the event loop, written by one thread of their own in transactions of up to `max_batch`
    items: whatever arrived while one transaction ran goes into the next, which starts at once, with no trip
    through the event loop in between (that trip, behind a busy loop's other callbacks, was most of a batch's
    time). `work(session, items)` answers one outcome per item, in order; if it raises, the transaction is rolled
    back and every item of it gets the exception. An item is answered only after its transaction has committed;
    one whose caller stopped waiting before its transaction began is left out."""

    def __init__(
        self,
        writer: SqliteWriter,
        work: Callable[[Session, list[Item]], list[Outcome]],
        *,
        max_batch: int,
        name: str,
    ) -> None:
        self.writer = writer
        self.work = work
        self.max_batch = max_batch
        self.transactions = 0
        self._inbox: queue.SimpleQueue[_Submitted[Item, Outcome] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    async def submit(self, item: Item) -> Outcome:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Outcome] = loop.create_future()
        self._inbox.put((item, future, loop))
        return await future

    def close(self, timeout: float = 10.0) -> None:
        """Write what was submitted, then stop the thread (waits for it: at shutdown, at most `timeout` seconds)."""
        self._inbox.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        stopping = False
        while not stopping:
            first = self._inbox.get()
            if first is None:
                return
            batch = [first]
            while len(batch) < self.max_batch:
                try:
                    following = self._inbox.get_nowait()
                except queue.Empty:
                    break
                if following is None:
                    stopping = True
                    break
                batch.append(following)
            # Reading a future's state from this thread is a read of one attribute; settling it is left to its loop.
            batch = [submitted for submitted in batch if not submitted[1].done()]
            if batch:
                self._commit(batch)

    def _commit(self, batch: list[_Submitted[Item, Outcome]]) -> None:
        self.transactions += 1
        outcomes: list[Outcome] | BaseException
        try:
            outcomes = self.writer.run(functools.partial(self._work, items=[item for item, _, _ in batch]))
        except Exception as error:  # noqa: BLE001 - handed to every caller of the failed transaction
            outcomes = error
        by_loop: dict[asyncio.AbstractEventLoop, list[tuple[asyncio.Future[Outcome], Any]]] = {}
        for index, (_, future, loop) in enumerate(batch):
            answer = outcomes if isinstance(outcomes, BaseException) else outcomes[index]
            by_loop.setdefault(loop, []).append((future, answer))
        for loop, answers in by_loop.items():
            with contextlib.suppress(RuntimeError):  # the loop was closed meanwhile: nobody is waiting
                loop.call_soon_threadsafe(_settle_all, answers)

    def _work(self, session: Session, items: list[Item]) -> list[Outcome]:
        outcomes = self.work(session, items)
        if len(outcomes) != len(items):  # raised in the transaction, which is rolled back
            raise RuntimeError(f"{len(outcomes)} outcomes for {len(items)} items")
        return outcomes


_Submitted = tuple[Item, "asyncio.Future[Outcome]", asyncio.AbstractEventLoop]


def _settle_all(answers: list[tuple[asyncio.Future[Any], Any]]) -> None:
    for future, answer in answers:
        if future.done():  # the caller was cancelled
            continue
        if isinstance(answer, BaseException):
            future.set_exception(answer)
        else:
            future.set_result(answer)


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
