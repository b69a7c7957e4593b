"""`core.database.SqliteWriter` and `GroupCommit`: whole transactions in the writer's own thread, batched."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, func, insert, select
from sqlalchemy.orm import Session

from core.database import GroupCommit, SqliteWriter

pytestmark = pytest.mark.database_independent

METADATA = MetaData()
NOTES = Table("notes", METADATA, Column("id", Integer, primary_key=True), Column("text", String, nullable=False))


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[SqliteWriter]:
    writer = SqliteWriter(f"sqlite+aiosqlite:///{tmp_path / 'group.db'}")
    METADATA.create_all(writer.engine)
    yield writer
    writer.close()


def _write(session: Session, texts: list[str]) -> list[int]:
    """One row per item; answers each row's id. A text "fail" fails the whole transaction."""
    ids = []
    for text in texts:
        if text == "fail":
            raise RuntimeError("refused")
        ids.append(session.execute(insert(NOTES).values(text=text).returning(NOTES.c.id)).scalar_one())
    return ids


def _stored(writer: SqliteWriter) -> list[str]:
    with writer.engine.connect() as connection:
        return list(connection.execute(select(NOTES.c.text).order_by(NOTES.c.id)).scalars())


async def test_items_submitted_together_are_committed_together_each_with_its_own_outcome(writer: SqliteWriter) -> None:
    group = GroupCommit(writer, _write, max_batch=128, name="test-group")
    texts = [f"note {n}" for n in range(40)]
    ids = await asyncio.gather(*(group.submit(text) for text in texts))
    group.close()
    assert len(set(ids)) == 40
    stored = _stored(writer)
    assert sorted(stored) == sorted(texts)
    with writer.engine.connect() as connection:  # each caller got the id of its own row
        by_id = {row[0]: row[1] for row in connection.execute(select(NOTES.c.id, NOTES.c.text))}
    assert [by_id[i] for i in ids] == texts
    assert group.transactions < 40


async def test_a_batch_never_exceeds_its_size(writer: SqliteWriter) -> None:
    sizes: list[int] = []

    def counting(session: Session, texts: list[str]) -> list[int]:
        sizes.append(len(texts))
        return _write(session, texts)

    group = GroupCommit(writer, counting, max_batch=3, name="test-group")
    await asyncio.gather(*(group.submit(f"note {n}") for n in range(20)))
    group.close()
    assert sum(sizes) == 20 and max(sizes) <= 3


async def test_a_failed_transaction_fails_every_item_of_it_and_writes_nothing(writer: SqliteWriter) -> None:
    release = threading.Event()

    def held(session: Session, texts: list[str]) -> list[int]:
        release.wait(5)  # the first transaction holds the thread until the others are queued behind it
        return _write(session, texts)

    group = GroupCommit(writer, held, max_batch=128, name="test-group")
    first = asyncio.ensure_future(group.submit("first"))
    await asyncio.sleep(0.05)
    queued = [asyncio.ensure_future(group.submit(text)) for text in ("a", "fail", "b")]
    await asyncio.sleep(0.05)
    release.set()
    assert await first > 0
    outcomes = await asyncio.gather(*queued, return_exceptions=True)
    assert all(isinstance(outcome, RuntimeError) for outcome in outcomes)
    assert await group.submit("after") > 0  # the thread goes on
    group.close()
    assert _stored(writer) == ["first", "after"]


async def test_a_caller_that_stopped_waiting_before_its_transaction_is_left_out(writer: SqliteWriter) -> None:
    release = threading.Event()

    def held(session: Session, texts: list[str]) -> list[int]:
        release.wait(5)
        return _write(session, texts)

    group = GroupCommit(writer, held, max_batch=128, name="test-group")
    first = asyncio.ensure_future(group.submit("first"))
    await asyncio.sleep(0.05)
    gone = asyncio.ensure_future(group.submit("gone"))
    kept = asyncio.ensure_future(group.submit("kept"))
    await asyncio.sleep(0.05)
    gone.cancel()
    await asyncio.sleep(0.01)
    release.set()
    await asyncio.gather(first, kept)
    group.close()
    assert _stored(writer) == ["first", "kept"]


async def test_closing_writes_what_was_submitted(writer: SqliteWriter) -> None:
    group = GroupCommit(writer, _write, max_batch=2, name="test-group")
    pending = [asyncio.ensure_future(group.submit(f"note {n}")) for n in range(5)]
    await asyncio.sleep(0)  # submitted
    group.close()
    with writer.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(NOTES)).scalar_one() == 5
    for task in pending:
        task.cancel()


def test_the_writer_begins_immediate_transactions_with_the_project_pragmas(writer: SqliteWriter) -> None:
    def pragmas(session: Session) -> tuple[str, int]:
        connection = session.connection()
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar_one()
        busy = connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one()
        return mode, busy

    assert writer.run(pragmas) == ("wal", 5000)


async def test_work_answering_the_wrong_number_of_outcomes_fails_its_items_and_the_thread_goes_on(
    writer: SqliteWriter,
) -> None:
    def short(session: Session, texts: list[str]) -> list[int]:
        return _write(session, texts)[:-1] if "short" in texts else _write(session, texts)

    group = GroupCommit(writer, short, max_batch=1, name="test-group")
    with pytest.raises(RuntimeError, match="0 outcomes for 1 items"):
        await group.submit("short")
    assert await group.submit("after") > 0
    group.close()
    assert _stored(writer) == ["after"]
