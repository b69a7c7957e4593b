"""What a verification may rely on: the time, the trust registry's anchors, the outbound policy, and the key
documents already fetched by the verifications it runs with."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

import anyio
from cryptography import x509

from core.clock import utcnow
from core.errors import DomainError
from core.settings import Settings


@dataclass(frozen=True)
class TrustStore:
    """Trust anchors configured by an administrator (the trust registry)."""

    certificates: tuple[x509.Certificate, ...] = ()
    """CA (or end-entity) certificates that seals and `x5c` chains may lead to."""
    issuer_keys: dict[str, tuple[dict[str, Any], ...]] = field(default_factory=dict)
    """Public JWKs known for an issuer identifier (a URL or DID)."""
    issuer_key_urls: dict[str, str] = field(default_factory=dict)
    """Where a registered issuer publishes its keys (a JWK Set URL), by issuer identifier."""
    accreditations: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Accreditation / quality-assurance records by issuer identifier."""


@dataclass(frozen=True)
class OutboundPolicy:
    allowed_hosts: tuple[str, ...] = ()
    timeout_seconds: float = 5.0
    max_bytes: int = 1024 * 1024


class KeyDocuments:
    """The documents fetched for keys (did:web and controller documents, key URLs) during one run of verifications,
    e.g. the credentials of one pushed batch: each URL is fetched once, and its answer — the document, or the
    `DomainError` the fetch raised — serves every verification of the run that names it, also one that asks while
    the fetch is under way. Nothing outlives the run: the next one fetches again. On the event loop only."""

    def __init__(self) -> None:
        self._answers: dict[str, Any] = {}
        self._errors: dict[str, DomainError] = {}
        self._fetching: dict[str, anyio.Event] = {}

    async def get(self, url: str, fetch: Callable[[], Awaitable[Any]]) -> Any:
        """The answer for `url`: `fetch()`ed now, unless this run fetched or is fetching it already."""
        while url in self._fetching:
            await self._fetching[url].wait()
        if url in self._errors:
            raise self._errors[url]
        if url in self._answers:
            return self._answers[url]
        done = self._fetching[url] = anyio.Event()
        try:
            answer = await fetch()
        except DomainError as exc:
            self._errors[url] = exc
            raise
        finally:
            # Cancelled or failed in another way: nothing is remembered, and a waiting verification fetches itself.
            del self._fetching[url]
            done.set()
        self._answers[url] = answer
        return answer


@dataclass(frozen=True)
class VerificationContext:
    now: datetime
    trust: TrustStore = field(default_factory=TrustStore)
    outbound: OutboundPolicy = field(default_factory=OutboundPolicy)
    key_documents: KeyDocuments | None = field(default=None, compare=False)
    """Shared by the verifications of one run, so that they fetch each key document once; `None`: no sharing."""
    holder_keys: frozenset[str] = frozenset()
    """RFC 7638 thumbprints of the holder keys the wallet holds for the learner whose credential this is (the keys
    collected credentials are bound to); empty for a document verified without an owner."""

    @cached_property
    def now_text(self) -> str:
        """`now` in ISO 8601, as every check's evidence writes it (computed once per context)."""
        return self.now.isoformat()

    async def fetch_key_document(self, url: str, fetch: Callable[[], Awaitable[Any]]) -> Any:
        """`fetch()` the document at `url`, or answer what the run's earlier fetch of it gave (`KeyDocuments`)."""
        if self.key_documents is None:
            return await fetch()
        return await self.key_documents.get(url, fetch)

    @classmethod
    def from_settings(cls, settings: Settings, trust: TrustStore) -> VerificationContext:
        """A verification happening now, with the trust registry given and the configured outbound policy."""
        return cls(
            now=utcnow(),
            trust=trust,
            outbound=OutboundPolicy(
                allowed_hosts=tuple(settings.outbound_allowed_hosts),
                timeout_seconds=settings.outbound_timeout_seconds,
                max_bytes=settings.outbound_max_bytes,
            ),
        )
