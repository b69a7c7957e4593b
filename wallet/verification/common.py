"""Checks every format shares: the validity period and the issuer's accreditation."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from wallet.verification.context import VerificationContext
from wallet.verification.result import Check, CheckName, failed, passed, skipped, warning


def parse_instant(value: Any) -> datetime | None:
    """An XSD/ISO 8601 date-time or a JWT NumericDate as an aware UTC datetime; None if absent or unreadable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value:
        return None
    text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def validity_period(
    context: VerificationContext, *, valid_from: Any = None, valid_until: Any = None, issued: Any = None
) -> Check:
    """The credential's own validity (not a share link's expiry): not before `valid_from`, not after `valid_until`."""
    start, end, issued_at = parse_instant(valid_from), parse_instant(valid_until), parse_instant(issued)
    evidence = {
        "valid_from": start.isoformat() if start else None,
        "valid_until": end.isoformat() if end else None,
        "issued": issued_at.isoformat() if issued_at else None,
        "checked_at": context.now_text,
    }
    name = CheckName.VALIDITY_PERIOD
    if (valid_from is not None and start is None) or (valid_until is not None and end is None):
        return failed(name, "unreadable_date", "A validity date in the credential cannot be read.", **evidence)
    if issued_at is not None and issued_at > context.now:
        return failed(name, "issued_in_future", "The credential says it was issued in the future.", **evidence)
    if start is not None and start > context.now:
        return failed(
            name, "not_yet_valid", f"The credential is valid only from {start.date().isoformat()}.", **evidence
        )
    if end is not None and end < context.now:
        return failed(name, "expired", f"The credential expired on {end.date().isoformat()}.", **evidence)
    if start is None and end is None and issued_at is None:
        return warning(name, "no_validity_dates", "The credential states no validity dates.", **evidence)
    return passed(name, "within_validity_period", "The credential is within its validity period.", **evidence)


def accreditation(context: VerificationContext, issuer_id: str | None) -> Check:
    name = CheckName.ACCREDITATION
    if issuer_id and issuer_id in context.trust.accreditations:
        record = context.trust.accreditations[issuer_id]
        return passed(
            name,
            "accreditation_on_record",
            "The trust registry holds an accreditation for this issuer.",
            issuer=issuer_id,
            **{k: v for k, v in record.items() if isinstance(v, str | int | float)},
        )
    return skipped(
        name,
        "no_accreditation_record",
        "The trust registry holds no accreditation for this issuer; quality assurance is assessed separately.",
        issuer=issuer_id,
    )


def issuer_id_of(document: dict[str, Any]) -> str | None:
    issuer = document.get("issuer")
    if isinstance(issuer, str):
        return issuer
    if isinstance(issuer, dict) and isinstance(issuer.get("id"), str):
        value: str = issuer["id"]
        return value
    return None


def credential_checks(context: VerificationContext, document: dict[str, Any]) -> list[Check]:
    """`validity_period` and `accreditation` for a W3C-style credential document (VCDM 2.0 or 1.1 names)."""
    return [
        validity_period(
            context,
            valid_from=document.get("validFrom"),
            valid_until=document.get("validUntil", document.get("expirationDate")),
            issued=document.get("issuanceDate", document.get("issued")),
        ),
        accreditation(context, issuer_id_of(document)),
    ]
