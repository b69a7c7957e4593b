"""What a format verifier answers from its worker thread: the checks, or the one key it must wait for.

`engine.verify_document()` makes one worker-thread call for everything CPU-bound in a verification: reading the
document, the signature, the other checks. The format verifiers are therefore synchronous, and most documents
need nothing else: their key is in the trust registry, a did:key, an `x5c` chain or the document itself. A key
that only the network can give (did:web, an https key URL, a controller document) cannot be waited for in a
worker thread, so the verifier answers `KeyToFetch`: the engine runs `fetch` on the event loop, then `finish`
with its result in a second worker-thread call.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from core.errors import DomainError
from core.workers import cpu_workers
from wallet.verification.result import Check

Key = TypeVar("Key")


@dataclass(frozen=True)
class Verified:
    checks: list[Check]
    credential: dict[str, Any] | None
    """The credential the checks are about (what the status check reads), if the document holds one."""


@dataclass(frozen=True)
class KeyToFetch(Generic[Key]):
    fetch: Callable[[], Awaitable[Key]]
    """On the event loop: the network part. A `DomainError` it raises is handed to `finish` instead of a key."""
    finish: Callable[[Key | DomainError], Verified]
    """In a worker thread: the signature with the fetched key, and the checks that follow it."""


Step = Verified | KeyToFetch[Any]


async def complete(step: Step) -> Verified:
    """On the event loop: the checks of a step, fetching the key it waits for and finishing in a worker thread."""
    if isinstance(step, Verified):
        return step
    fetched: Any
    try:
        fetched = await step.fetch()
    except DomainError as exc:
        fetched = exc
    return await cpu_workers.run(step.finish, fetched)
