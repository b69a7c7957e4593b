"""W3C Verifiable Credentials secured as JWTs: VC-JWT with a VCDM 1.1 `vc` claim, VCDM 2.0 `vc+jwt`, and Open
Badges 3.0 / CLR 2.0 in either form (OB 3.0 §8.2, VC-JOSE-COSE §3.1)."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from core import jsonstrict
from core.errors import DomainError, InvalidInput
from wallet.formats import Detected
from wallet.verification import common, keys, signatures
from wallet.verification import x509 as certificates
from wallet.verification.context import VerificationContext
from wallet.verification.result import Check, CheckName, failed, passed, skipped, warning
from wallet.verification.steps import KeyToFetch, Step, Verified

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
    "jwt_vc_issuer_metadata": (
        "warning",
        "key_published_in_issuer_metadata",
        "The key is published in the issuer's own metadata (JWT VC Issuer Metadata), not in the trust registry.",
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


def verify(token: str, context: VerificationContext, *, detected: Detected | None = None) -> Step:
    """Check a VC-JWT: structure, signature with the issuer's key, where that key came from, validity dates.

    Synchronous (run it in a worker thread); `detected` hands over the header and claims `formats.detect()` parsed."""
    token = token.strip()
    parts = token.split(".")
    if len(parts) != 3:
        return Verified([failed(CheckName.FORMAT, "malformed_jwt", "The credential is not a compact JWS.")], None)
    if detected is not None and detected.header is not None and detected.jwt_claims is not None:
        header, claims = detected.header, detected.jwt_claims
    else:
        try:
            header, claims = segment(parts[0]), segment(parts[1])
        except InvalidInput as exc:
            return Verified([failed(CheckName.FORMAT, exc.code, exc.detail)], None)
    if not isinstance(header, dict) or not isinstance(claims, dict):
        message = "The JWT header and claims must be JSON objects."
        return Verified([failed(CheckName.FORMAT, "malformed_jwt", message)], None)
    credential = _credential_of(claims)
    token_type = str(header.get("typ", "JWT")).lower()
    if token_type not in TOKEN_TYPES:
        message = f"A VC-JWT cannot have typ {token_type!r}."
        return Verified([failed(CheckName.FORMAT, "wrong_token_type", message)], credential)
    algorithm = header.get("alg")
    issuer = claims.get("iss") if isinstance(claims.get("iss"), str) else common.issuer_id_of(credential)
    evidence: dict[str, Any] = {"algorithm": algorithm, "key_id": header.get("kid"), "issuer": issuer}
    if algorithm not in ALGORITHMS:
        message = f"The credential is signed with {algorithm!r}, which is not accepted."
        return Verified([failed(CheckName.SIGNATURE, "algorithm_not_allowed", message, **evidence)], credential)
    problem = header_problem(header)
    if problem is not None:
        return Verified([failed(CheckName.SIGNATURE, "unsupported_header", problem, **evidence)], credential)
    signed = _Signed(parts, str(algorithm), claims, credential, issuer, evidence, context)
    try:
        resolved = keys.resolve_offline(header, issuer, context)
    except keys.KeyUnavailable as exc:
        unresolvable = issuer_key_unresolvable(header, issuer)
        if unresolvable is not None:
            return Verified(unresolvable, credential)
        return signed.with_key(exc)
    except DomainError as exc:
        return Verified(key_invalid(exc, evidence), credential)
    if resolved is None:
        return KeyToFetch(fetch=lambda: keys.fetch(header, context, issuer), finish=signed.with_key)
    return signed.with_key(resolved)


def header_problem(header: dict[str, Any]) -> str | None:
    """Why a JOSE header cannot be processed here, or None: RFC 7515 §4.1.11 (`crit` names extensions we would
    have to understand: none), RFC 7797 (`b64` changes the signing input), and the registered parameters' types."""
    if "crit" in header or "b64" in header:
        return "The JOSE header uses parameters (`crit`, `b64`) this service does not process."
    for name in ("kid", "typ", "cty"):
        if name in header and not isinstance(header[name], str):
            return f"The JOSE header parameter {name!r} must be a string."
    return None


@dataclass(frozen=True)
class _Signed:
    """What remains once the header is read: the signature with the key, then the checks that need no key."""

    parts: list[str]
    algorithm: str
    claims: dict[str, Any]
    credential: dict[str, Any]
    issuer: str | None
    evidence: dict[str, Any]
    context: VerificationContext

    def with_key(self, resolved: keys.ResolvedKey | DomainError) -> Verified:
        evidence = self.evidence
        checks: list[Check]
        if isinstance(resolved, DomainError):
            checks = key_unavailable(resolved, evidence)
        else:
            evidence = {**evidence, "key_source": resolved.source}
            try:
                signing_input = f"{self.parts[0]}.{self.parts[1]}".encode("ascii")
                signature = signatures.b64url_decode(self.parts[2])
                public = signatures.key_allowing(resolved.key, self.algorithm)
                signatures.verify(self.algorithm, public, signing_input, signature)
            except (signatures.SignatureInvalid, UnicodeEncodeError) as exc:
                error = exc.error if isinstance(exc, signatures.SignatureInvalid) else "invalid_encoding"
                message = "The signature does not match: the credential was changed or not signed by this key."
                bad = failed(CheckName.SIGNATURE, "bad_signature", message, **evidence, error=error)
                return Verified([bad], self.credential)
            message = "The signature is valid for the key named by the credential."
            checks = [
                passed(CheckName.SIGNATURE, "signature_valid", message, **evidence),
                issuer_trust(resolved, self.context, evidence),
            ]
        credential, claims = self.credential, self.claims
        checks.append(
            common.validity_period(
                self.context,
                valid_from=credential.get("validFrom") or claims.get("nbf"),
                valid_until=credential.get("validUntil") or credential.get("expirationDate") or claims.get("exp"),
                issued=credential.get("issuanceDate") or claims.get("iat"),
            )
        )
        checks.append(common.accreditation(self.context, self.issuer))
        return Verified(checks, credential)


def key_unavailable(error: DomainError, evidence: dict[str, Any]) -> list[Check]:
    """The signature and issuer-trust checks when the issuer's key could not be found or fetched."""
    return [
        warning(CheckName.SIGNATURE, error.code, f"The signature could not be checked: {error.detail}", **evidence),
        warning(
            CheckName.ISSUER_TRUST,
            "issuer_key_unavailable",
            "Without the issuer's key, who issued this credential cannot be confirmed.",
            **evidence,
        ),
    ]


def issuer_key_unresolvable(header: dict[str, Any], issuer: str | None) -> list[Check] | None:
    """The failed signature of a JWT that names no key of its own (no `jwk` or `x5c`, no `kid` that is a DID URL or
    a web URL; a plain `kid` only picks a key from the issuer's set) and whose issuer is neither a web URL nor a
    DID, the only identifiers that set could be found from: no key anyone can find made the signature. None when
    a key could still be found (and was not: a warning, `key_unavailable`)."""
    resolvable = ("https://", "http://", "did:")  # http: the outbound policy decides whether it may be fetched
    kid = header.get("kid")
    if {"jwk", "x5c"} & header.keys() or (isinstance(kid, str) and kid.startswith(resolvable)):
        return None
    if isinstance(issuer, str) and issuer.startswith(resolvable):
        return None
    message = (
        f"The credential names no key of its own, and its issuer {issuer!r} is not a web URL or a DID a key "
        "could be found from: the signature cannot be checked, so the credential cannot be trusted."
    )
    evidence = {"algorithm": header.get("alg"), "issuer": issuer}
    return [
        failed(CheckName.SIGNATURE, "issuer_key_unresolvable", message, **evidence),
        skipped(CheckName.ISSUER_TRUST, "signature_failed", "Not checked: the signature does not hold.", **evidence),
    ]


def key_invalid(error: DomainError, evidence: dict[str, Any]) -> list[Check]:
    """The signature and issuer-trust checks when the key the credential names itself (an embedded `jwk`, a did:key,
    an `x5c` chain) is not a valid key: that key cannot have made any signature, so the signature fails. A key that
    could not be found or fetched is `key_unavailable` instead."""
    message = f"The key the credential names is not a valid key, so no signature by it can hold: {error.detail}"
    return [
        failed(CheckName.SIGNATURE, "invalid_key", message, **evidence, error=error.code),
        skipped(CheckName.ISSUER_TRUST, "signature_failed", "Not checked: the signature does not hold.", **evidence),
    ]


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
