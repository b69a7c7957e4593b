"""Reading pushed documents: detect, summarise and check the signature of each, as `POST /v1/verify` checks it.

In the serving process a batch is read in one worker thread: parsing holds the GIL, so more threads only fight over
it (measured slower, not faster). A `ReadingPool` spreads a large batch over worker processes instead, each reading
its share with the same code on its own core. What the processes cannot finish — a signature whose key must be
fetched over the network — is read again in the serving process, where each key document is fetched once for the
whole batch (`VerificationContext.key_documents`).
"""

from __future__ import annotations

import asyncio
import hashlib
import multiprocessing
import os
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from typing import Any

import anyio
import anyio.to_thread
import structlog
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from core.errors import DomainError
from core.workers import cpu_workers
from wallet.formats import detect
from wallet.inbox.schemas import ItemProblem
from wallet.summary import summarise
from wallet.verification.context import OutboundPolicy, TrustStore, VerificationContext
from wallet.verification.engine import signature_checks
from wallet.verification.result import CheckName, Outcome
from wallet.verification.steps import KeyToFetch, Step, Verified

log = structlog.get_logger("passerelle.inbox")

KEY_FETCHES_AT_ONCE = 16
UNSIGNED = frozenset({"no_signature"})
"""The `signature` reason of a document that carries no signature at all (an unsigned EDC, a transcript without
one): it is delivered, as before; the learner's own verification says it is unsigned. A signature that is there
and does not hold is refused."""

Document = tuple[str, str]
"""A pushed document as text, and its declared media type."""


@dataclass(frozen=True)
class Read:
    """What reading one pushed document gave: its format, title, summary and signature checks, or why it was
    refused. `step` waits for the issuer's key while that key is being fetched; `awaiting_key` marks a read a
    worker process left for the serving process to redo, because the key must be fetched."""

    sha256: str
    format: str | None
    title: str | None
    summary: dict[str, Any] | None
    problem: ItemProblem | None
    step: Step | None = None
    awaiting_key: bool = False


def read_one(document: Document, context: VerificationContext) -> Read:
    text, media_type = document
    content = text.encode("utf-8")
    digest = hashlib.sha256(content).hexdigest()
    try:
        detected = detect(content, media_type)
        summarised = summarise(detected, content).summary
        # The signature check `POST /v1/verify` makes, on the same parse, as far as it needs no network.
        step = signature_checks(detected, content, context)
    except DomainError as exc:
        return Read(digest, None, None, None, ItemProblem(code=exc.code, detail=exc.detail))
    return _signed(Read(digest, detected.format.value, summarised.title, summarised.stored(), None, step))


def _signed(read: Read) -> Read:
    """The read refused when its signature check failed; unchanged while its key is awaited or when it holds."""
    if not isinstance(read.step, Verified):
        return read
    signature = next((check for check in read.step.checks if check.name == CheckName.SIGNATURE), None)
    if signature is None or signature.outcome != Outcome.FAILED or signature.reason in UNSIGNED:
        return replace(read, step=None)
    return replace(read, problem=ItemProblem(code=signature.reason, detail=signature.message), step=None)


def read_all(documents: Sequence[Document], context: VerificationContext) -> list[Read]:
    """Detect, summarise and verify every document (one worker-thread or worker-process call for all of them)."""
    return [read_one(document, context) for document in documents]


def _finish_all(reads: list[Read], keys: dict[int, Any]) -> list[Read]:
    """The signatures that waited for a fetched key (one worker-thread call for all of them)."""
    return [
        _signed(replace(read, step=read.step.finish(keys[index]))) if isinstance(read.step, KeyToFetch) else read
        for index, read in enumerate(reads)
    ]


async def verified(
    documents: Sequence[Document], context: VerificationContext, pool: ReadingPool | None = None
) -> list[Read]:
    """Every document read and its signature checked: the CPU work in a worker thread (or the pool's processes, for
    a batch large enough to be worth it), key fetches on the event loop, each key document fetched once for the
    whole batch (`context.key_documents`)."""
    if pool is not None and len(documents) >= pool.min_batch:
        reads = await pool.read(documents, context)
    else:
        reads = await cpu_workers.run(read_all, documents, context)
    waiting = {index: read.step for index, read in enumerate(reads) if isinstance(read.step, KeyToFetch)}
    if not waiting:
        return reads
    keys: dict[int, Any] = {}
    limiter = anyio.CapacityLimiter(KEY_FETCHES_AT_ONCE)

    async def fetch(index: int, step: KeyToFetch[Any]) -> None:
        async with limiter:
            try:
                keys[index] = await step.fetch()
            except DomainError as exc:  # as `steps.complete()`: the verifier turns it into a `warning`
                keys[index] = exc

    async with anyio.create_task_group() as group:
        for index, step in waiting.items():
            group.start_soon(fetch, index, step)
    return await cpu_workers.run(_finish_all, reads, keys)


async def verified_in_order(
    documents: Sequence[Document],
    context: VerificationContext,
    pool: ReadingPool | None,
    handle: Callable[[range, list[Read]], Awaitable[None]],
) -> None:
    """`verified()`, handing the reads to `handle` slice by slice in document order: with a pool, the serving process
    stores one slice while the worker processes read the next ones (no GIL between them)."""
    if pool is None or len(documents) < pool.min_batch:
        await handle(range(len(documents)), await verified(documents, context, pool))
        return
    shares = pool.submit(documents, context)
    try:
        for positions, share in shares:
            reads = await share
            again = [index for index, read in enumerate(reads) if read.awaiting_key]
            if again:  # their keys are fetched here: read them again in this process, each key document once
                redone = await verified([documents[positions[index]] for index in again], context)
                for index, read in zip(again, redone, strict=True):
                    reads[index] = read
            await handle(positions, reads)
    finally:  # the request failed or was cancelled: what is still being read is not wanted
        for _, share in shares:
            share.cancel()


# --------------------------------------------------------------------------------------------- worker processes


@dataclass(frozen=True)
class _Portable:
    """A verification context as it crosses to a worker process: certificates as DER (they do not pickle), no
    key-document memo (fetches happen in the serving process)."""

    now: datetime
    certificates: tuple[bytes, ...]
    issuer_keys: dict[str, tuple[dict[str, Any], ...]]
    issuer_key_urls: dict[str, str]
    accreditations: dict[str, dict[str, Any]]
    outbound: OutboundPolicy
    holder_keys: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, context: VerificationContext) -> _Portable:
        trust = context.trust
        return cls(
            now=context.now,
            certificates=tuple(certificate.public_bytes(Encoding.DER) for certificate in trust.certificates),
            issuer_keys=trust.issuer_keys,
            issuer_key_urls=trust.issuer_key_urls,
            accreditations=trust.accreditations,
            outbound=context.outbound,
            holder_keys=context.holder_keys,
        )

    def context(self) -> VerificationContext:
        trust = TrustStore(
            certificates=_certificates(self.certificates),
            issuer_keys=self.issuer_keys,
            issuer_key_urls=self.issuer_key_urls,
            accreditations=self.accreditations,
        )
        return VerificationContext(now=self.now, trust=trust, outbound=self.outbound, holder_keys=self.holder_keys)


@lru_cache(maxsize=4)
def _certificates(ders: tuple[bytes, ...]) -> tuple[x509.Certificate, ...]:
    return tuple(x509.load_der_x509_certificate(der) for der in ders)


def _read_in_process(documents: list[Document], portable: _Portable) -> list[Read]:
    """In a worker process: `read_all`, with what waits for a network fetch left for the serving process."""
    return [
        Read(read.sha256, None, None, None, None, awaiting_key=True) if isinstance(read.step, KeyToFetch) else read
        for read in read_all(documents, portable.context())
    ]


def _ready() -> int:
    return os.getpid()


def default_processes() -> int:
    """One reading process per core, at most four; none on a single core (nothing to gain there)."""
    cores = os.cpu_count() or 1
    return 0 if cores < 2 else min(cores, 4)


class ReadingPool:
    """Worker processes (spawned once, at `start()`) that read the documents of large pushed batches in parallel.

    A batch of at least `min_batch` documents is cut into one share per process; smaller ones are read in a thread
    (the round trip to a process costs more than it saves). If a process dies, the batch is read in a thread and
    the pool is started again."""

    def __init__(self, processes: int, *, min_batch: int = 64) -> None:
        self.processes = processes
        self.min_batch = min_batch
        self._executor: ProcessPoolExecutor | None = None

    def start(self) -> None:
        # `spawn`, never `fork`: the serving process has threads (the event loop's, the database driver's).
        self._executor = ProcessPoolExecutor(self.processes, mp_context=multiprocessing.get_context("spawn"))
        for _ in range(self.processes):  # start the processes now (imports take a second), not on the first push
            self._executor.submit(_ready)

    def submit(
        self, documents: Sequence[Document], context: VerificationContext
    ) -> list[tuple[range, asyncio.Future[list[Read]]]]:
        """The documents in slices (two per process, so that storing one overlaps reading the next), each sent to the
        processes at once; a slice's future answers its reads (`awaiting_key` where a key must be fetched), or
        the reads made in a thread if the pool broke."""
        portable = _Portable.of(context)
        size = -(-len(documents) // (2 * self.processes))
        slices = [range(start, min(start + size, len(documents))) for start in range(0, len(documents), size)]
        return [
            (positions, asyncio.ensure_future(self._share(documents, positions, portable, context)))
            for positions in slices
        ]

    async def _share(
        self, documents: Sequence[Document], positions: range, portable: _Portable, context: VerificationContext
    ) -> list[Read]:
        part = [documents[index] for index in positions]
        executor = self._executor
        if executor is not None:
            try:
                return await asyncio.get_running_loop().run_in_executor(executor, _read_in_process, part, portable)
            except BrokenProcessPool:
                log.warning("reading_pool_broken", processes=self.processes)
                await self._restart(executor)
        return await cpu_workers.run(read_all, part, context)

    async def read(self, documents: Sequence[Document], context: VerificationContext) -> list[Read]:
        """Every document's read, by the processes (`submit`), with those awaiting a key read again here."""
        shares = self.submit(documents, context)
        reads = [read for _, share in shares for read in await share]
        again = [index for index, read in enumerate(reads) if read.awaiting_key]
        if again:  # their keys are fetched here: read them again in this process
            redone = await cpu_workers.run(read_all, [documents[index] for index in again], context)
            for index, read in zip(again, redone, strict=True):
                reads[index] = read
        return reads

    async def _restart(self, broken: ProcessPoolExecutor) -> None:
        if self._executor is broken:
            self._executor = None
            await anyio.to_thread.run_sync(lambda: broken.shutdown(wait=False, cancel_futures=True))
            self.start()

    async def close(self) -> None:
        executor, self._executor = self._executor, None
        if executor is not None:
            await anyio.to_thread.run_sync(lambda: executor.shutdown(wait=True, cancel_futures=True))
