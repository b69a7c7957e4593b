"""The threads that take CPU-bound calls off the event loop (core/workers.py)."""

from __future__ import annotations

import asyncio
import contextvars
import threading
import time

import pytest

from core.workers import ThreadWorkers

REQUEST = contextvars.ContextVar[str]("request", default="none")


async def test_a_call_runs_in_another_thread_and_answers_its_result() -> None:
    workers = ThreadWorkers(2)
    here = threading.get_ident()
    thread, total = await workers.run(lambda *numbers: (threading.get_ident(), sum(numbers)), 1, 2, 3)
    assert thread != here and total == 6


async def test_an_exception_reaches_the_caller() -> None:
    def broken() -> None:
        raise LookupError("no such key")

    with pytest.raises(LookupError, match="no such key"):
        await ThreadWorkers(1).run(broken)


async def test_the_callers_context_is_visible_to_the_call() -> None:
    REQUEST.set("req-42")
    assert await ThreadWorkers(1).run(REQUEST.get) == "req-42"


async def test_a_slow_call_does_not_hold_up_the_others() -> None:
    workers = ThreadWorkers(2)
    release = threading.Event()
    slow = asyncio.ensure_future(workers.run(release.wait, 10))
    started = time.monotonic()
    answers = await asyncio.gather(*(workers.run(lambda n=n: n * n) for n in range(20)))
    assert answers == [n * n for n in range(20)] and time.monotonic() - started < 5
    release.set()
    assert await slow is True


async def test_a_cancelled_caller_stops_waiting_and_the_threads_go_on() -> None:
    workers = ThreadWorkers(1)
    release = threading.Event()
    waiting = asyncio.ensure_future(workers.run(release.wait, 10))
    await asyncio.sleep(0.05)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    release.set()  # the abandoned call finishes; its result is dropped
    assert await workers.run(lambda: "next") == "next"


async def test_calls_one_after_another_go_to_the_thread_that_went_idle_last() -> None:
    workers = ThreadWorkers(4)
    threads = {await workers.run(threading.get_ident) for _ in range(50)}
    assert len(threads) == 1


async def test_every_call_is_answered_when_there_are_more_calls_than_threads() -> None:
    workers = ThreadWorkers(3)

    def square(n: int) -> int:
        time.sleep(0.001)
        return n * n

    assert await asyncio.gather(*(workers.run(square, n) for n in range(200))) == [n * n for n in range(200)]


def test_at_least_one_thread() -> None:
    with pytest.raises(ValueError, match="at least one thread"):
        ThreadWorkers(0)
