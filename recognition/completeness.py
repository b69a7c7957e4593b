"""Annex I completeness: which of the 11 mandatory and 5 optional elements a credential states, and whether what it
states is backed by a verified document.

An element is `present` when the summary carries it and the credential's latest verification passed its signature
check; `present_unverifiable` when the summary carries it but nothing ties it to a verified document (never
verified, the signature check did not pass, or the caller supplied the summary itself); `missing` otherwise.
Completeness is not recognition (Annex I itself says using the standard elements is not validation or recognition).
"""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import ValidationError

from recognition.schemas import Completeness, ElementState, ElementStatus, VerificationBasis
from wallet.summary.model import ANNEX_I_LABELS, ANNEX_I_MANDATORY, ANNEX_I_OPTIONAL, Summary, annex_i_present
from wallet.verification.models import CredentialVerification
from wallet.verification.result import CheckName, Outcome

MESSAGES = {
    "signature_passed": "The latest verification passed the signature check: the elements present are the issuer's.",
    "signature_not_passed": "The latest verification did not pass the signature check: what the credential states "
    "cannot be tied to its issuer.",
    "not_verified": "The credential has not been verified yet: verify it to make its elements verifiable.",
    "not_applicable": "The summary was supplied with the request: nothing ties it to a verified document.",
}


def signature_outcome(result: dict[str, Any]) -> str | None:
    """The `signature` check's outcome in a stored verification result."""
    for check in result.get("checks", []):
        if isinstance(check, dict) and check.get("check") == CheckName.SIGNATURE.value:
            outcome = check.get("outcome")
            return outcome if isinstance(outcome, str) else None
    return None


def verification_basis(verification: CredentialVerification | None, *, supplied: bool) -> VerificationBasis:
    if supplied:
        return VerificationBasis(state="not_applicable", message=MESSAGES["not_applicable"])
    if verification is None:
        return VerificationBasis(state="not_verified", message=MESSAGES["not_verified"])
    passed = signature_outcome(verification.result) == Outcome.PASSED.value
    state = "signature_passed" if passed else "signature_not_passed"
    return VerificationBasis(state=state, verified_at=verification.created_at, message=MESSAGES[state])


def assess(summary: Summary, basis: VerificationBasis, *, credential_id: uuid.UUID | None) -> Completeness:
    present = annex_i_present(summary)
    verifiable = basis.state == "signature_passed"

    def status(element: Any, mandatory: bool) -> ElementStatus:
        state: ElementState = ("present" if verifiable else "present_unverifiable") if present[element] else "missing"
        return ElementStatus(element=element, label=ANNEX_I_LABELS[element], mandatory=mandatory, state=state)

    mandatory = [status(element, True) for element in ANNEX_I_MANDATORY]
    optional = [status(element, False) for element in ANNEX_I_OPTIONAL]
    return Completeness(
        basis="summary" if credential_id is None else "credential",
        credential_id=credential_id,
        verification=basis,
        mandatory=mandatory,
        optional=optional,
        mandatory_present=sum(e.state == "present" for e in mandatory),
        mandatory_unverifiable=sum(e.state == "present_unverifiable" for e in mandatory),
        mandatory_missing=sum(e.state == "missing" for e in mandatory),
        optional_present=sum(e.state != "missing" for e in optional),
        all_mandatory_present=all(e.state != "missing" for e in mandatory),
    )


def read_summary(stored: dict[str, Any]) -> Summary:
    """A stored summary as the model. Keys the model does not know (an older parser's) are ignored, and a field an
    older parser wrote in another shape is left out rather than failing the whole summary."""
    known = {name: value for name, value in stored.items() if name in Summary.model_fields}
    try:
        return Summary.model_validate(known)
    except ValidationError as exc:
        unreadable = {error["loc"][0] for error in exc.errors() if error["loc"]}
        return Summary.model_validate({name: value for name, value in known.items() if name not in unreadable})
