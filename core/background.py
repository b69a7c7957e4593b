"""A loop of delivery rounds in the serving process or `passerelle worker` (the outbox's mail, webhooks).

A round delivers what is due and says whether more may be due (it took a full batch): the next round then starts at
once; otherwise the loop sleeps `interval` seconds or until `wake()` (called after a commit that queued work). A
failing round (the database is down) is logged and retried at the next tick: it never ends the loop.

`stop()` lets a round in progress finish (up to `grace` seconds) before it cancels: a round cancelled inside a
transaction leaves its connection invalidated mid-transaction (on SQLite still holding the write lock until it is
collected), and its claimed work waiting for the lease to run out.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from typing import Any

import structlog

log = structlog.get_logger("passerelle.background")


class RoundLoop:
    def __init__(self, name: str, run_round: Callable[[], Awaitable[bool]], interval: float) -> None:
        self.name = name
        self.interval = interval
        self._run_round = run_round
        self._wake = asyncio.Event()
        self._task: asyncio.Task[Any] | None = None
        self._stopping = False

    def wake(self) -> None:
        self._wake.set()

    async def _run(self) -> None:
        while not self._stopping:
            more = False
            try:
                more = await self._run_round()
            except Exception:  # a broken database must not end the loop; the next round retries
                log.exception("round_failed", loop=self.name)
            if more or self._stopping:
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.interval)
            self._wake.clear()

    def start(self) -> None:
        self._stopping = False
        self._task = asyncio.create_task(self._run(), name=self.name)

    async def stop(self, grace: float = 15.0) -> None:
        """End the loop after the round in progress (cancelled if it takes longer than `grace` seconds)."""
        if self._task is None:
            return
        self._stopping = True
        self._wake.set()
        try:
            await asyncio.wait_for(asyncio.shield(self._task), grace)
        except TimeoutError:
            log.warning("round_cancelled_at_stop", loop=self.name, grace=grace)
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self._task = None
