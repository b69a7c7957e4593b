"""SD-JWT VC in the verification vocabulary: the issuer's signature over the disclosed claims, the key's origin,
holder binding, and the validity dates."""

from __future__ import annotations

from typing import Any

import anyio.to_thread

from core.errors import DomainError
from wallet import sdjwt
from wallet.verification import common, keys
from wallet.verification.context import VerificationContext
from wallet.verification.result import Check, CheckName, failed, passed, skipped, warning
from wallet.verification.vcjwt import issuer_trust, segment

SIGNATURE_CODES = frozenset({"signature_invalid", "algorithm_not_allowed", "issuer_key_invalid"})
VALIDITY_CODES = frozenset({"sd_jwt_expired", "sd_jwt_not_yet_valid"})


async def verify_sd_jwt_vc(text: str, context: VerificationContext) -> tuple[list[Check], dict[str, Any] | None]:
    try:
        parts = sdjwt.parse(text.strip())
        header, claims = segment(parts.signatures[0].protected), segment(parts.payload)
    except DomainError as exc:
        return [failed(CheckName.FORMAT, exc.code, exc.detail)], None
    if not isinstance(header, dict) or not isinstance(claims, dict):
        return [failed(CheckName.FORMAT, "malformed_sd_jwt", "The SD-JWT header and payload must be objects.")], None
    issuer = claims.get("iss") if isinstance(claims.get("iss"), str) else None
    evidence: dict[str, Any] = {
        "algorithm": header.get("alg"),
        "key_id": header.get("kid"),
        "issuer": issuer,
        "vct": claims.get("vct"),
        "disclosures": len(parts.disclosures),
    }
    try:
        resolved = await keys.resolve(header, issuer, context)
    except DomainError as exc:
        return [
            passed(CheckName.FORMAT, "well_formed", "The SD-JWT VC is well-formed."),
            warning(CheckName.SIGNATURE, exc.code, f"The signature could not be checked: {exc.detail}", **evidence),
            warning(
                CheckName.ISSUER_TRUST,
                "issuer_key_unavailable",
                "Without the issuer's key, who issued this credential cannot be confirmed.",
                **evidence,
            ),
            common.validity_period(
                context, valid_from=claims.get("nbf"), valid_until=claims.get("exp"), issued=claims.get("iat")
            ),
        ], None
    evidence["key_source"] = resolved.source
    try:
        verified = await anyio.to_thread.run_sync(
            lambda: sdjwt.verify_vc(text.strip(), issuer_key=resolved.key, now=context.now)
        )
    except sdjwt.SdJwtError as exc:
        if exc.code in SIGNATURE_CODES:
            return [
                passed(CheckName.FORMAT, "well_formed", "The SD-JWT VC is well-formed."),
                failed(CheckName.SIGNATURE, exc.code, exc.detail, **evidence),
            ], None
        if exc.code in VALIDITY_CODES:
            return [
                passed(CheckName.SIGNATURE, "signature_valid", "The issuer's signature is valid.", **evidence),
                common.validity_period(
                    context, valid_from=claims.get("nbf"), valid_until=claims.get("exp"), issued=claims.get("iat")
                ),
            ], None
        return [failed(CheckName.FORMAT, exc.code, exc.detail)], None
    credential = verified.claims
    checks = [
        passed(
            CheckName.FORMAT,
            "well_formed",
            "The SD-JWT VC is well-formed and every disclosure matches its digest.",
            legacy_type=verified.legacy_type,
        ),
        passed(
            CheckName.SIGNATURE,
            "signature_valid",
            "The issuer's signature is valid and covers every disclosed claim.",
            **evidence,
        ),
        issuer_trust(resolved, context, evidence),
        _holder_binding(claims, parts.kb_jwt),
        common.validity_period(
            context, valid_from=claims.get("nbf"), valid_until=claims.get("exp"), issued=claims.get("iat")
        ),
        common.accreditation(context, issuer),
    ]
    return checks, credential


def _holder_binding(claims: dict[str, Any], kb_jwt: str | None) -> Check:
    bound = isinstance(claims.get("cnf"), dict)
    if not bound:
        return skipped(CheckName.HOLDER_BINDING, "not_bound", "The credential is not bound to a holder key.")
    if kb_jwt is None:
        return skipped(
            CheckName.HOLDER_BINDING,
            "no_presentation",
            "The credential is bound to a holder key; binding is proven when the holder presents it.",
        )
    return warning(
        CheckName.HOLDER_BINDING,
        "key_binding_not_challenged",
        "A key-binding proof is attached, but without this verifier's own nonce it does not prove who "
        "presents the credential now.",
    )
