"""What a status list says about one credential, and how that becomes the `status` check.

Outcomes: `passed` (`status_valid`, `status_refresh_available`), `failed` (`revoked`, `suspended`), `warning` for
everything that leaves the status unknown (the codes of `wallet.status.errors`, `status_list_signature_unverified`,
`status_list_unsigned`, `status_message`, `status_application_specific`, `status_unknown`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from wallet.status.entries import (
    BitstringStatusListEntry,
    RevocationListReference,
    StatusReference,
    TokenStatusListReference,
)
from wallet.status.lists import SignatureState, StatusList
from wallet.verification.result import Check, CheckName, Outcome, failed, passed, skipped, warning


class StatusMethod(enum.StrEnum):
    BITSTRING_STATUS_LIST = "bitstring_status_list"
    TOKEN_STATUS_LIST = "token_status_list"  # noqa: S105 - a method name, not a secret
    REVOCATION_LIST_1EDTECH = "1edtech_revocation_list"


class StatusState(enum.StrEnum):
    VALID = "valid"
    REVOKED = "revoked"
    SUSPENDED = "suspended"
    REFRESH = "refresh"
    """W3C `refresh` purpose: a newer credential is available; this one stays valid."""
    MESSAGE = "message"
    """W3C `message` purpose (or another purpose we do not know) with a non-zero value."""
    APPLICATION_SPECIFIC = "application_specific"
    """IETF status 0x03 or 0x0C–0x0F."""
    UNKNOWN = "unknown"
    """IETF status values not registered (reserved)."""


@dataclass(frozen=True)
class StatusResult:
    """The status one list gives one credential, and where it came from."""

    method: StatusMethod
    url: str
    index: int | None
    purpose: str | None
    value: int
    state: StatusState
    message: str | None
    fetched_at: datetime
    from_cache: bool
    list_issuer: str | None
    signature: SignatureState
    status_list: StatusList = field(repr=False)
    """The decoded list, and through it the published document (e.g. for a caller's own Data Integrity check)."""

    def evidence(self) -> dict[str, Any]:
        evidence: dict[str, Any] = {
            "method": str(self.method),
            "status_list_url": self.url,
            "index": self.index,
            "purpose": self.purpose,
            "status": str(self.state),
            "status_value": self.value,
            "fetched_at": iso_utc(self.fetched_at),
            "from_cache": self.from_cache,
            "list_issuer": self.list_issuer,
            "list_signature": str(self.signature),
        }
        if self.message is not None:
            evidence["status_message"] = self.message
        return evidence


WARNING_MESSAGES = {
    "status_list_unreachable": "The issuer's status list could not be fetched, so revocation was not checked.",
    "status_list_address_refused": "The status list's address is not one this service may call.",
    "status_list_too_large": "The status list is larger than this service accepts.",
    "status_list_signature_invalid": "The status list's signature does not verify, so it was not relied on.",
    "status_list_signature_unverified": "The status list's signature could not be checked here.",
    "status_list_unsigned": "The status list carries no signature, so it was not relied on.",
    "status_list_issuer_mismatch": "The status list was published by someone other than the credential's issuer.",
    "status_list_expired": "The status list has expired, so the credential's current status is unknown.",
    "status_list_not_yet_valid": "The status list is not valid yet, so the credential's status is unknown.",
    "status_purpose_mismatch": "The status list does not cover the status the credential refers to.",
    "status_index_out_of_range": "The credential's position lies outside the status list.",
    "status_entry_invalid": "The credential's status entry is malformed.",
    "status_type_unsupported": "The credential uses a status method this service does not check.",
}


def iso_utc(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def reference_evidence(reference: StatusReference | None) -> dict[str, Any]:
    if isinstance(reference, BitstringStatusListEntry):
        return {
            "method": str(StatusMethod.BITSTRING_STATUS_LIST),
            "status_list_url": reference.status_list_credential,
            "index": reference.status_list_index,
            "purpose": reference.status_purpose,
        }
    if isinstance(reference, TokenStatusListReference):
        return {"method": str(StatusMethod.TOKEN_STATUS_LIST), "status_list_url": reference.uri, "index": reference.idx}
    if isinstance(reference, RevocationListReference):
        return {"method": str(StatusMethod.REVOCATION_LIST_1EDTECH), "status_list_url": reference.url}
    return {}


def token_state(value: int) -> StatusState:
    # draft-ietf-oauth-status-list §7.1: 0x00 VALID, 0x01 INVALID, 0x02 SUSPENDED; 0x03 and 0x0C–0x0F application
    # specific; the rest reserved.
    known = {0x00: StatusState.VALID, 0x01: StatusState.REVOKED, 0x02: StatusState.SUSPENDED}
    if value in known:
        return known[value]
    return StatusState.APPLICATION_SPECIFIC if value == 0x03 or 0x0C <= value <= 0x0F else StatusState.UNKNOWN


def check_from_result(result: StatusResult) -> Check:
    evidence = result.evidence()
    unsigned_by_design = result.method is StatusMethod.REVOCATION_LIST_1EDTECH
    if result.signature is SignatureState.NOT_VERIFIED_HERE:
        return warning(
            CheckName.STATUS,
            "status_list_signature_unverified",
            f"The status list says '{result.state}', but its signature was not checked here.",
            **evidence,
        )
    if result.signature is SignatureState.UNSIGNED and not unsigned_by_design:
        return warning(
            CheckName.STATUS,
            "status_list_unsigned",
            f"The status list says '{result.state}', but it carries no signature.",
            **evidence,
        )
    if result.state is StatusState.VALID:
        return passed(CheckName.STATUS, "status_valid", "The status list shows this credential as valid.", **evidence)
    if result.state is StatusState.REVOKED:
        return failed(CheckName.STATUS, "revoked", "The issuer has revoked this credential.", **evidence)
    if result.state is StatusState.SUSPENDED:
        return failed(CheckName.STATUS, "suspended", "The issuer has suspended this credential.", **evidence)
    if result.state is StatusState.REFRESH:
        return passed(
            CheckName.STATUS, "status_refresh_available", "The issuer offers an updated credential.", **evidence
        )
    if result.state is StatusState.MESSAGE:
        return warning(CheckName.STATUS, "status_message", "The issuer attached a status message.", **evidence)
    return warning(
        CheckName.STATUS,
        f"status_{result.state}",
        "The status list gives a status this service cannot interpret.",
        **evidence,
    )


_SEVERITY = {Outcome.FAILED: 0, Outcome.WARNING: 1, Outcome.PASSED: 2, Outcome.SKIPPED: 3}


def combine_checks(checks: list[Check]) -> Check:
    """Several status entries (e.g. revocation and suspension): the worst outcome decides, revocation first."""
    if len(checks) == 1:
        return checks[0]
    decisive = min(checks, key=lambda check: (_SEVERITY[check.outcome], check.reason != "revoked"))
    entries = [{"outcome": str(check.outcome), "reason": check.reason, **check.evidence} for check in checks]
    return replace(decisive, evidence={**decisive.evidence, "entries": entries})


def error_check(reason: str, detail: str, reference: StatusReference | None) -> Check:
    """A status that could not be established, as a warning naming the reason."""
    evidence = reference_evidence(reference) | {"detail": detail}
    return warning(CheckName.STATUS, reason, WARNING_MESSAGES.get(reason, detail), **evidence)


def no_status() -> Check:
    return skipped(CheckName.STATUS, "no_status", "The credential carries no status information.")
