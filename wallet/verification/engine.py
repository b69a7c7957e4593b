"""One entry point for every format: read the document, run the checks that apply, fill in the rest as skipped.

`verify_document()` refuses only documents that are not credentials in a known format (`UnrecognisedCredential`);
a broken, forged or expired credential is an answer with failed checks. Everything CPU-bound (parsing, signatures,
canonicalisation) runs in one worker-thread call; only fetches (keys, status lists) run on the event loop.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core import jsonstrict
from core.workers import cpu_workers
from wallet.formats import CredentialFormat, Detected, detect
from wallet.verification import common, dataintegrity, jades, sdjwtvc, vcdm, vcjwt
from wallet.verification.context import VerificationContext
from wallet.verification.explanations import EXPLANATIONS
from wallet.verification.result import Check, CheckName, Outcome, failed, passed, skipped, warning
from wallet.verification.steps import KeyToFetch, Step, Verified, complete

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
                    "explanation": EXPLANATIONS[c.name],
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
    # Everything CPU-bound (parsing, canonicalisation, signatures, the other checks) in one worker-thread call. A
    # document that is not a credential at all (or hostile input) is refused there: 4xx, not a result.
    credential_format, step = await cpu_workers.run(_read, content, media_type, context)
    # A key only the network can give is fetched here, on the event loop, and used in a second thread call.
    verified = await complete(step)
    checks, credential = list(verified.checks), verified.credential
    if credential is not None and not any(c.outcome == Outcome.FAILED and c.name == CheckName.FORMAT for c in checks):
        checks.append(await check_status(credential, context))
    return VerificationResult(credential_format.value, context.now, _complete(checks))


def _read(content: bytes, media_type: str, context: VerificationContext) -> tuple[CredentialFormat, Step]:
    """In a worker thread: the format, and its checks as far as they need no network."""
    detected = detect(content, media_type)
    return detected.format, read_detected(detected, content, context)


def read_detected(detected: Detected, content: bytes, context: VerificationContext) -> Step:
    """In a worker thread: the checks of a document `detect()` read from `content`, as far as they need no network
    (`KeyToFetch` when the issuer's key must be fetched first; `complete()` finishes it). The status check, which
    always needs the network, is not among them."""
    step = signature_checks(detected, content, context)
    if isinstance(step, KeyToFetch):
        pending = step
        return KeyToFetch(fetch=pending.fetch, finish=lambda key: _structured(pending.finish(key)))
    return _structured(step)


def signature_checks(detected: Detected, content: bytes, context: VerificationContext) -> Step:
    """In a worker thread: the format's own checks of a document `detect()` read from `content` — its signature, where
    the key came from, and the checks the format verifier makes with them — without the data model's structure check
    that `read_detected()` adds. What `detect()` parsed is what is verified: the bytes are read once."""
    credential_format = detected.format
    step: Step
    if credential_format == CredentialFormat.EDC_JADES:
        if detected.envelope is not None:
            checks, credential = jades.verify_seal(detected.envelope, context, detected.document, detected.payload)
        else:
            checks, credential = jades.verify_seal(jsonstrict.loads(content), context)
        step = Verified(checks, credential)
    elif credential_format in JWT_FORMATS:
        step = vcjwt.verify(content.decode("ascii"), context, detected=detected)
    elif credential_format in LINKED_DATA_FORMATS or credential_format == CredentialFormat.EDC:
        step = _linked_data(detected.document, context)
    elif credential_format == CredentialFormat.SD_JWT_VC:
        step = sdjwtvc.verify(content.decode("ascii"), context, detected=detected)
    elif credential_format == CredentialFormat.ELMO:
        return Verified(_elmo(content, context), None)
    else:
        message = f"Signatures of {credential_format.value} documents are not verified yet."
        return Verified([warning(CheckName.SIGNATURE, "format_not_verified_yet", message)], None)
    return step


def _structured(verified: Verified) -> Verified:
    """Every credential gets the data model's structure check, unless its format check already spoke."""
    if verified.credential is None or any(c.name == CheckName.FORMAT for c in verified.checks):
        return verified
    return Verified([vcdm.check_structure(verified.credential), *verified.checks], verified.credential)


def _linked_data(document: dict[str, Any], context: VerificationContext) -> Step:
    structure = vcdm.check_structure(document)
    if document.get("proof") is None:
        unsigned = failed(
            CheckName.SIGNATURE,
            "no_signature",
            "The document carries no signature or proof: anyone could have written it.",
        )
        return Verified([structure, unsigned, *common.credential_checks(context, document)], document)
    proof = dataintegrity.check_proof(document, context)
    if isinstance(proof, KeyToFetch):
        pending = proof
        return KeyToFetch(
            fetch=pending.fetch, finish=lambda key: _with_proof(structure, pending.finish(key), document, context)
        )
    return _with_proof(structure, proof, document, context)


def _with_proof(structure: Check, proof: Verified, document: dict[str, Any], context: VerificationContext) -> Verified:
    checks = [structure, *proof.checks]
    # Terms the contexts do not define (or JSON-LD that does not expand) are a defect of the document itself, not
    # only of its proof: report them under `format` too.
    defect = next((c for c in proof.checks if c.reason in JSON_LD_DEFECTS), None)
    if defect is not None and structure.outcome == Outcome.PASSED:
        checks[0] = failed(CheckName.FORMAT, defect.reason, defect.message, **defect.evidence)
    checks.extend(common.credential_checks(context, document))
    return Verified(checks, document)


def _elmo(content: bytes, context: VerificationContext) -> list[Check]:
    from wallet.verification import xmldsig  # signxml and lxml load only once a transcript is verified

    # ELMO's `generatedDate` is inside the signed content: the signing time the issuer claims.
    checks = xmldsig.verify_enveloped(content, context, signing_time_path="{*}generatedDate")
    if not any(check.name == CheckName.FORMAT for check in checks):
        checks.insert(0, passed(CheckName.FORMAT, "well_formed", "The ELMO transcript is well-formed XML."))
    return checks
