"""What a viewer sees of a verification: each check's outcome and reason, without evidence or messages (they
can carry dates and names the learner did not release)."""

from __future__ import annotations

from typing import Any, Literal

Validity = Literal["valid", "expired", "not_yet_valid", "unknown"]


def verification_view(result: dict[str, Any]) -> dict[str, Any]:
    return {
        "verified_at": result.get("checked_at"),
        "checks": [
            {"name": check["check"], "outcome": check["outcome"], "reason": check["reason"]}
            for check in result.get("checks", [])
        ],
    }


def validity_of(result: dict[str, Any]) -> Validity:
    """The credential's own validity, from the `validity_period` check (never the link's expiry)."""
    check = next((c for c in result.get("checks", []) if c.get("check") == "validity_period"), None)
    if check is None or check["outcome"] in {"skipped", "warning"}:
        return "unknown"
    if check["outcome"] == "passed":
        return "valid"
    return "not_yet_valid" if check["reason"] == "not_yet_valid" else "expired"
