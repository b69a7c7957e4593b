"""W3C Verifiable Credentials secured as JWTs: VC-JWT with a VCDM 1.1 `vc` claim, VCDM 2.0 `vc+jwt`, and Open
Badges 3.0 / CLR 2.0 in either form (OB 3.0 §8.2, VC-JOSE-COSE §3.1)."""

from __future__ import annotations

import base64
import binascii
from typing import Any

import anyio.to_thread
from joserfc import jws
from joserfc.errors import JoseError

from core import jsonstrict
from core.errors import DomainError, InvalidInput
from wallet.verification import common, keys
from wallet.verification import x509 as certificates
from wallet.verification.context import VerificationContext
from wallet.verification.result import Check, CheckName, failed, passed, warning

ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "Ed25519")
TOKEN_TYPES = frozenset({"jwt", "vc+jwt", "vc+ld+jwt", "application/jwt", "application/vc+jwt"})
TRUST_BY_SOURCE = {
    "registry": ("passed", "issuer_key_registered", "The issuer's key is registered in the trust registry."),
    "did:web": (
        "warning",
        "key_published_by_issuer_domain",
        "The key is published under the issuer's web domain (did:web), which is not in the trust registry.",
    ),
    "key_url": (
        "warning",
        "key_published_at_url",
        "The key is published at a URL named by the credential, which is not in the trust registry.",
    ),
    "did:key": (
        "warning",
        "self_certifying_key",
        "The issuer identifies itself by its key (did:key); nothing ties that key to an organisation.",
    ),
    "embedded_jwk": (
        "warning",
        "self_asserted_key",
        "The credential carries its own key; nothing ties that key to the issuer.",
    ),
}


def segment(value: str) -> Any:
    try:
        return jsonstrict.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
    except (binascii.Error, ValueError) as exc:
        raise InvalidInput("A JWT segment is not base64url JSON.", code="malformed_jwt") from exc


def _credential_of(claims: dict[str, Any]) -> dict[str, Any]:
    """The credential a VC-JWT carries: the claims themselves (VCDM 2.0), or the VCDM 1.1 `vc` claim completed
    with what the JWT states in its registered claims instead (VC-JWT 1.1 §6.3.1: `iss`, `nbf`, `exp`, `jti`)."""
    if not isinstance(claims.get("vc"), dict):
        return claims
    credential = dict(claims["vc"])
    if isinstance(claims.get("iss"), str):
        credential.setdefault("issuer", claims["iss"])
    if isinstance(claims.get("jti"), str):
        credential.setdefault("id", claims["jti"])
    for claim, name in (("nbf", "issuanceDate"), ("exp", "expirationDate")):
        moment = common.parse_instant(claims.get(claim))
        if moment is not None:
            credential.setdefault(name, moment.isoformat().replace("+00:00", "Z"))
    return credential


def _verify_signature(token: str, key: keys.PublicKey, algorithm: str) -> None:
    jws.deserialize_compact(token, key, algorithms=[algorithm])


async def verify_vc_jwt(token: str, context: VerificationContext) -> tuple[list[Check], dict[str, Any] | None]:
    """Check a VC-JWT: structure, signature with the issuer's key, where that key came from, validity dates."""
    parts = token.strip().split(".")
    if len(parts) != 3:
        return [failed(CheckName.FORMAT, "malformed_jwt", "The credential is not a compact JWS.")], None
    try:
        header, claims = segment(parts[0]), segment(parts[1])
    except InvalidInput as exc:
        return [failed(CheckName.FORMAT, exc.code, exc.detail)], None
    if not isinstance(header, dict) or not isinstance(claims, dict):
        return [failed(CheckName.FORMAT, "malformed_jwt", "The JWT header and claims must be JSON objects.")], None
    credential = _credential_of(claims)
    checks: list[Check] = []
    token_type = str(header.get("typ", "JWT")).lower()
    if token_type not in TOKEN_TYPES:
        checks.append(failed(CheckName.FORMAT, "wrong_token_type", f"A VC-JWT cannot have typ {token_type!r}."))
        return checks, credential
    algorithm = header.get("alg")
    issuer = claims.get("iss") if isinstance(claims.get("iss"), str) else common.issuer_id_of(credential)
    evidence: dict[str, Any] = {"algorithm": algorithm, "key_id": header.get("kid"), "issuer": issuer}
    if algorithm not in ALGORITHMS:
        checks.append(
            failed(
                CheckName.SIGNATURE,
                "algorithm_not_allowed",
                f"The credential is signed with {algorithm!r}, which is not accepted.",
                **evidence,
            )
        )
        return checks, credential
    try:
        resolved = await keys.resolve(header, issuer, context)
    except DomainError as exc:
        checks.append(
            warning(CheckName.SIGNATURE, exc.code, f"The signature could not be checked: {exc.detail}", **evidence)
        )
        checks.append(
            warning(
                CheckName.ISSUER_TRUST,
                "issuer_key_unavailable",
                "Without the issuer's key, who issued this credential cannot be confirmed.",
                **evidence,
            )
        )
    else:
        evidence.update(key_source=resolved.source)
        try:
            await anyio.to_thread.run_sync(_verify_signature, token.strip(), resolved.key, algorithm)
        except (JoseError, ValueError) as exc:
            checks.append(
                failed(
                    CheckName.SIGNATURE,
                    "bad_signature",
                    "The signature does not match: the credential was changed or not signed by this key.",
                    **evidence,
                    error=type(exc).__name__,
                )
            )
            return checks, credential
        checks.append(
            passed(
                CheckName.SIGNATURE,
                "signature_valid",
                "The signature is valid for the key named by the credential.",
                **evidence,
            )
        )
        checks.append(issuer_trust(resolved, context, evidence))
    checks.append(
        common.validity_period(
            context,
            valid_from=credential.get("validFrom") or claims.get("nbf"),
            valid_until=credential.get("validUntil") or credential.get("expirationDate") or claims.get("exp"),
            issued=credential.get("issuanceDate") or claims.get("iat"),
        )
    )
    checks.append(common.accreditation(context, issuer))
    return checks, credential


def issuer_trust(resolved: keys.ResolvedKey, context: VerificationContext, evidence: dict[str, Any]) -> Check:
    if resolved.source == "x5c":
        chain = list(resolved.chain)
        result = certificates.check_chain(chain, list(context.trust.certificates), context.now)
        described = certificates.describe(chain[0])
        if result.trusted:
            return passed(
                CheckName.ISSUER_TRUST,
                "trusted_chain",
                "The signing certificate leads to a trust anchor.",
                **evidence,
                certificate=described,
                anchor=result.anchor_subject,
            )
        return failed(
            CheckName.ISSUER_TRUST,
            result.reason,
            "The signing certificate is not on a trusted list configured here.",
            **evidence,
            certificate=described,
        )
    outcome, reason, message = TRUST_BY_SOURCE[resolved.source]
    if outcome == "passed":
        return passed(CheckName.ISSUER_TRUST, reason, message, **evidence)
    return warning(CheckName.ISSUER_TRUST, reason, message, **evidence)
