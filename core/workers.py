"""CPU-bound calls off the event loop, through a few long-lived threads that wait on one queue.

`anyio.to_thread.run_sync` is general (a capacity limiter, a thread per waiting call up to 40, cancellation
shielding, a round trip through anyio's own worker protocol): on this project's 2-core machines an empty call
costs 55–90 µs of CPU, more than the whole ES256 verify a credential check is built around. Here a call is one
`SimpleQueue.put` that wakes one waiting thread and one `call_soon_threadsafe` that hands the result back:
~20 µs. The threads never block on I/O, so a handful is enough; more than one, so that a slow call (a large
JSON-LD document to canonicalise) does not hold up every other verification behind it.

The caller's context variables (the request id in the logs) are visible to the call, as with anyio. A caller that
is cancelled stops waiting at once; its call still runs to the end in its thread and the result is dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_Job = tuple[contextvars.Context, Callable[..., Any], tuple[Any, ...], asyncio.AbstractEventLoop, "asyncio.Future[Any]"]


class ThreadWorkers:
    def __init__(self, threads: int = 4, *, name: str = "passerelle-cpu") -> None:
        if threads < 1:
            raise ValueError("at least one thread")
        self.size = threads
        self.name = name
        self._jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()

    async def run(self, function: Callable[..., T], *arguments: Any) -> T:
        """`function(*arguments)` in one of the threads; its result or its exception."""
        if len(self._threads) < self.size:
            self._start()
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._jobs.put((contextvars.copy_context(), function, arguments, loop, future))
        return await future

    def _start(self) -> None:
        with self._lock:
            while len(self._threads) < self.size:
                # Daemon threads: a process that exits does not wait for a call nobody waits for any more.
                thread = threading.Thread(target=self._work, name=f"{self.name}-{len(self._threads)}", daemon=True)
                thread.start()
                self._threads.append(thread)

    def _work(self) -> None:
        while True:
            context, function, arguments, loop, future = self._jobs.get()
            try:
                result = context.run(function, *arguments)
            except BaseException as error:  # noqa: BLE001 - handed to the caller, whatever it is
                outcome: tuple[Any, BaseException | None] = (None, error)
            else:
                outcome = (result, None)
            with contextlib.suppress(RuntimeError):  # the loop was closed meanwhile: nobody is waiting
                loop.call_soon_threadsafe(_settle, future, *outcome)
            del context, function, arguments, future, outcome


def _settle(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.done():  # the caller was cancelled
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


cpu_workers = ThreadWorkers()
"""The process's threads for CPU-bound work (verification: parsing, canonicalisation, signatures)."""
