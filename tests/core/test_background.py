"""The round loop behind the outbox and webhook dispatchers: a stop lets the round in progress finish."""

from __future__ import annotations

import asyncio

from core.background import RoundLoop


class Rounds:
    def __init__(self, duration: float) -> None:
        self.duration = duration
        self.started = asyncio.Event()
        self.finished = 0
        self.cancelled = 0

    async def __call__(self) -> bool:
        self.started.set()
        try:
            await asyncio.sleep(self.duration)
        except asyncio.CancelledError:
            self.cancelled += 1
            raise
        self.finished += 1
        return False


async def test_a_stop_waits_for_the_round_in_progress() -> None:
    rounds = Rounds(0.2)
    loop = RoundLoop("test", rounds, interval=60)
    loop.start()
    await rounds.started.wait()
    await loop.stop()
    assert (rounds.finished, rounds.cancelled) == (1, 0)


async def test_a_round_longer_than_the_grace_is_cancelled() -> None:
    rounds = Rounds(60)
    loop = RoundLoop("test", rounds, interval=60)
    loop.start()
    await rounds.started.wait()
    await loop.stop(grace=0.1)
    assert (rounds.finished, rounds.cancelled) == (0, 1)


async def test_a_stop_ends_an_idle_loop_at_once_and_a_restart_runs_again() -> None:
    rounds = Rounds(0)
    loop = RoundLoop("test", rounds, interval=60)
    loop.start()
    await rounds.started.wait()
    await asyncio.wait_for(loop.stop(), 1)  # sleeping its 60 s interval: woken, not waited for
    rounds.started.clear()
    loop.start()
    await asyncio.wait_for(rounds.started.wait(), 1)
    await loop.stop()
    assert rounds.finished == 2


async def test_a_failing_round_does_not_end_the_loop() -> None:
    calls: list[int] = []

    async def failing() -> bool:
        calls.append(1)
        if len(calls) < 3:
            raise RuntimeError("database down")
        return False

    loop = RoundLoop("test", failing, interval=0.01)
    loop.start()
    for _ in range(100):
        if len(calls) >= 3:
            break
        await asyncio.sleep(0.01)
    await loop.stop()
    assert len(calls) >= 3
