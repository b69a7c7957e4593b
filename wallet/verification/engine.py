"""One entry point for every format: read the document, run the checks that apply, fill in the rest as skipped.

`verify_document()` refuses only documents that are not credentials in a known format (`UnrecognisedCredential`);
a broken, forged or expired credential is an answer with failed checks. It runs the CPU-heavy parts (parsing, signatures) off the event loop.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import anyio.to_thread

from core import jsonstrict
from wallet.formats import CredentialFormat, detect
from wallet.verification import common, dataintegrity, jades, sdjwtvc, vcdm, vcjwt
from wallet.verification.context import VerificationContext
from wallet.verification.result import Check, CheckName, Outcome, failed, passed, skipped, warning

StatusCheck = Callable[[dict[str, Any], VerificationContext], Awaitable[Check]]

JWT_FORMATS = {CredentialFormat.OPEN_BADGE_3_JWT, CredentialFormat.CLR_2_JWT, CredentialFormat.VC_JWT}
LINKED_DATA_FORMATS = {CredentialFormat.OPEN_BADGE_3, CredentialFormat.CLR_2, CredentialFormat.VC}

JSON_LD_DEFECTS = frozenset({"undefined_terms", "invalid_json_ld"})

NOT_APPLICABLE = {
    CheckName.HOLDER_BINDING: (
        "no_presentation",
        "Holder binding is proven only when the holder presents the credential with a key "
        "proof; this document alone cannot show it.",
    ),
    CheckName.STATUS: ("no_status", "The credential names no status list, so revocation cannot be checked."),
}


@dataclass(frozen=True)
class VerificationResult:
    format: str | None
    checked_at: datetime
    checks: tuple[Check, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "checked_at": self.checked_at.isoformat(),
            "checks": [
                {
                    "check": c.name.value,
                    "outcome": c.outcome.value,
                    "reason": c.reason,
                    "message": c.message,
                    "evidence": c.evidence,
                }
                for c in self.checks
            ],
        }

    def outcome(self, name: CheckName) -> Outcome:
        return next(check.outcome for check in self.checks if check.name == name)


async def _no_status_support(credential: dict[str, Any], context: VerificationContext) -> Check:
    return skipped(CheckName.STATUS, *NOT_APPLICABLE[CheckName.STATUS])


def _complete(checks: list[Check]) -> tuple[Check, ...]:
    """One check per name, in the vocabulary's order; the first result for a name wins."""
    by_name: dict[CheckName, Check] = {}
    for check in checks:
        by_name.setdefault(check.name, check)
    format_failed = by_name.get(CheckName.FORMAT) is not None and by_name[CheckName.FORMAT].outcome == Outcome.FAILED
    ordered = []
    for name in CheckName:
        if name in by_name:
            ordered.append(by_name[name])
        elif format_failed:
            ordered.append(skipped(name, "format_failed", "Not checked: the document could not be read."))
        elif name in NOT_APPLICABLE:
            ordered.append(skipped(name, *NOT_APPLICABLE[name]))
        else:
            ordered.append(skipped(name, "not_applicable", "This check does not apply to this kind of document."))
    return tuple(ordered)


async def verify_document(
    content: bytes, media_type: str, context: VerificationContext, *, status_check: StatusCheck | None = None
) -> VerificationResult:
    """Verify a credential document and answer one result with a check for each of the seven names."""
    check_status = status_check or _no_status_support
    # A document that is not a credential at all (or hostile input) is refused, not "verified": 4xx, not a result.
    detected = await anyio.to_thread.run_sync(detect, content, media_type)
    credential_format = detected.format
    checks: list[Check] = []
    credential: dict[str, Any] | None = None
    if credential_format == CredentialFormat.EDC_JADES:
        container = await anyio.to_thread.run_sync(jsonstrict.loads, content)
        checks, credential = await anyio.to_thread.run_sync(jades.verify_seal, container, context)
    elif credential_format in JWT_FORMATS:
        checks, credential = await vcjwt.verify_vc_jwt(content.decode("ascii"), context)
    elif credential_format in LINKED_DATA_FORMATS or credential_format == CredentialFormat.EDC:
        document = await anyio.to_thread.run_sync(jsonstrict.loads, content)
        credential = document if isinstance(document, dict) else None
        checks = await _linked_data(document, context) if isinstance(document, dict) else []
    elif credential_format == CredentialFormat.SD_JWT_VC:
        checks, credential = await sdjwtvc.verify_sd_jwt_vc(content.decode("ascii"), context)
    elif credential_format == CredentialFormat.ELMO:
        checks = _elmo(content)
    else:
        checks = [
            warning(
                CheckName.SIGNATURE,
                "format_not_verified_yet",
                f"Signatures of {credential_format.value} documents are not verified yet.",
            )
        ]
    if credential is not None and not any(c.name == CheckName.FORMAT for c in checks):
        checks.insert(0, vcdm.check_structure(credential))
    if credential is not None and not any(c.outcome == Outcome.FAILED and c.name == CheckName.FORMAT for c in checks):
        checks.append(await check_status(credential, context))
    return VerificationResult(credential_format.value, context.now, _complete(checks))


async def _linked_data(document: dict[str, Any], context: VerificationContext) -> list[Check]:
    checks = [vcdm.check_structure(document)]
    if document.get("proof") is None:
        checks.append(
            failed(
                CheckName.SIGNATURE,
                "no_signature",
                "The document carries no signature or proof: anyone could have written it.",
            )
        )
    else:
        # Canonicalisation runs in a worker thread inside; key documents are fetched on the event loop.
        proof_checks = await dataintegrity.verify_proof(document, context)
        checks.extend(proof_checks)
        # Terms the contexts do not define (or JSON-LD that does not expand) are a defect of the document itself,
        # not only of its proof: report them under `format` too.
        defect = next((c for c in proof_checks if c.reason in JSON_LD_DEFECTS), None)
        if defect is not None and checks[0].outcome == Outcome.PASSED:
            checks[0] = failed(CheckName.FORMAT, defect.reason, defect.message, **defect.evidence)
    checks.extend(common.credential_checks(context, document))
    return checks


def _elmo(content: bytes) -> list[Check]:
    signed = b"<ds:Signature" in content or b"<Signature" in content
    checks = [passed(CheckName.FORMAT, "well_formed", "The ELMO transcript is well-formed XML.")]
    if signed:
        checks.append(
            warning(
                CheckName.SIGNATURE,
                "xml_signature_not_verified",
                "The transcript has an XML signature that this service does not verify yet.",
            )
        )
    else:
        checks.append(failed(CheckName.SIGNATURE, "no_signature", "The transcript carries no signature."))
    return checks
