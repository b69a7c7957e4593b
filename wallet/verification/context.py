"""What a verification may rely on: the time, the trust registry's anchors, and the outbound policy."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cryptography import x509

from core.clock import utcnow
from core.settings import Settings


@dataclass(frozen=True)
class TrustStore:
    """Trust anchors configured by an administrator (the trust registry)."""

    certificates: tuple[x509.Certificate, ...] = ()
    """CA (or end-entity) certificates that seals and `x5c` chains may lead to."""
    issuer_keys: dict[str, tuple[dict[str, Any], ...]] = field(default_factory=dict)
    """Public JWKs known for an issuer identifier (a URL or DID)."""
    accreditations: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Accreditation / quality-assurance records by issuer identifier."""


@dataclass(frozen=True)
class OutboundPolicy:
    allowed_hosts: tuple[str, ...] = ()
    timeout_seconds: float = 5.0
    max_bytes: int = 1024 * 1024


@dataclass(frozen=True)
class VerificationContext:
    now: datetime
    trust: TrustStore = field(default_factory=TrustStore)
    outbound: OutboundPolicy = field(default_factory=OutboundPolicy)

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
