"""The verification vocabulary: seven checks, four outcomes, a reason code, a message and the evidence used.

No overall boolean: a reader looks at each check. `failed` means the credential does not hold in that respect;
`warning` means it could not be established either way (an unreachable status list, an untrusted but valid
seal); `skipped` means the check does not apply to this format or this document.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class CheckName(enum.StrEnum):
    FORMAT = "format"
    SIGNATURE = "signature"
    ISSUER_TRUST = "issuer_trust"
    HOLDER_BINDING = "holder_binding"
    STATUS = "status"
    VALIDITY_PERIOD = "validity_period"
    ACCREDITATION = "accreditation"


class Outcome(enum.StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    WARNING = "warning"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class Check:
    name: CheckName
    outcome: Outcome
    reason: str
    """Stable machine-readable reason, e.g. `signature_valid`, `certificate_expired`, `status_list_unreachable`."""
    message: str
    """One plain-language sentence for a learner or an officer."""
    evidence: dict[str, Any] = field(default_factory=dict)
    """What the check used: key id, certificate subject and validity, status list URL and fetch time, …"""


def passed(name: CheckName, reason: str, message: str, **evidence: Any) -> Check:
    return Check(name, Outcome.PASSED, reason, message, evidence)


def failed(name: CheckName, reason: str, message: str, **evidence: Any) -> Check:
    return Check(name, Outcome.FAILED, reason, message, evidence)


def warning(name: CheckName, reason: str, message: str, **evidence: Any) -> Check:
    return Check(name, Outcome.WARNING, reason, message, evidence)


def skipped(name: CheckName, reason: str, message: str, **evidence: Any) -> Check:
    return Check(name, Outcome.SKIPPED, reason, message, evidence)
