"""CPU-bound calls off the event loop, through a few long-lived threads.

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
from collections import deque
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_Job = tuple[contextvars.Context, Callable[..., Any], tuple[Any, ...], asyncio.AbstractEventLoop, "asyncio.Future[Any]"]


class ThreadWorkers:
    """A few threads for CPU-bound calls. A call goes to the thread that went idle last (a stack, not a queue), so
    under light load one thread, its caches still warm, takes every call: handing calls round the threads cost
    ~10 µs more per call. When every thread is busy, calls wait in a backlog the next thread to finish takes."""

    def __init__(self, threads: int = 4, *, name: str = "passerelle-cpu") -> None:
        if threads < 1:
            raise ValueError("at least one thread")
        self.size = threads
        self.name = name
        self._idle: list[queue.SimpleQueue[_Job]] = []
        """The inboxes of the threads waiting for a call, the last one to go idle at the end."""
        self._backlog: deque[_Job] = deque()
        self._started = 0
        self._lock = threading.Lock()

    async def run(self, function: Callable[..., T], *arguments: Any) -> T:
        """`function(*arguments)` in one of the threads; its result or its exception."""
        if self._started < self.size:
            self._start()
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        job: _Job = (contextvars.copy_context(), function, arguments, loop, future)
        with self._lock:
            inbox = self._idle.pop() if self._idle else None
            if inbox is None:
                self._backlog.append(job)
        if inbox is not None:
            inbox.put(job)
        return await future

    def _start(self) -> None:
        with self._lock:
            while self._started < self.size:
                inbox: queue.SimpleQueue[_Job] = queue.SimpleQueue()
                self._idle.append(inbox)
                # Daemon threads: a process that exits does not wait for a call nobody waits for any more.
                thread = threading.Thread(
                    target=self._work, args=(inbox,), name=f"{self.name}-{self._started}", daemon=True
                )
                thread.start()
                self._started += 1

    def _backlog_or_idle(self, inbox: queue.SimpleQueue[_Job]) -> _Job | None:
        """The backlog's oldest call; or None, this thread having joined the idle ones (before it answers its
        caller, so that the caller's next call finds this thread, not another)."""
        with self._lock:
            if self._backlog:
                return self._backlog.popleft()
            self._idle.append(inbox)
            return None

    def _work(self, inbox: queue.SimpleQueue[_Job]) -> None:
        job = inbox.get()
        while True:
            context, function, arguments, loop, future = job
            try:
                result = context.run(function, *arguments)
            except BaseException as error:  # noqa: BLE001 - handed to the caller, whatever it is
                outcome: tuple[Any, BaseException | None] = (None, error)
            else:
                outcome = (result, None)
            following = self._backlog_or_idle(inbox)
            with contextlib.suppress(RuntimeError):  # the loop was closed meanwhile: nobody is waiting
                loop.call_soon_threadsafe(_settle, future, *outcome)
            del job, context, function, arguments, future, outcome
            job = following if following is not None else inbox.get()


def _settle(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.done():  # the caller was cancelled
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


cpu_workers = ThreadWorkers()
"""The process's threads for CPU-bound work (verification: parsing, canonicalisation, signatures)."""
