"""European Digital Credential seals: JAdES baseline signatures over ELM JSON-LD.

A sealed EDC is a JWS in JSON serialization (RFC 7515 §7.2) with an unencoded payload (RFC 7797, `b64: false`):
the signing input is BASE64URL(protected header) "." followed by the payload exactly as received. The header
carries the signing certificate chain in `x5c`, the claimed signing time `sigT` and, optionally, time-stamp tokens
in `adoTst` (ETSI TS 119 182-1 §5.2). Both are declared in `crit`, so a verifier must understand them.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from cryptography import x509
from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, RSAKey
from joserfc.registry import HeaderParameter

from core import jsonstrict
from core.errors import InvalidInput
from wallet.verification import common
from wallet.verification import x509 as certificates
from wallet.verification.context import VerificationContext
from wallet.verification.result import Check, CheckName, failed, passed

ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512")


def _must_be_object(value: object) -> None:
    if not isinstance(value, dict):
        raise ValueError("must be a JSON object")


class _SealRegistry(jws.JWSRegistry):
    # EDC seals carry ~100 KB payloads and certificate chains in the header; the defaults are for tokens.
    max_header_length = 256 * 1024
    max_payload_length = 10 * 1024 * 1024


def _registry(algorithm: str) -> jws.JWSRegistry:
    return _SealRegistry(
        header_registry={
            "sigT": HeaderParameter("Claimed signing time (ETSI TS 119 182-1 5.2.1)", "str"),
            "adoTst": HeaderParameter("Signed data time-stamp tokens (ETSI TS 119 182-1 5.2.8)", _must_be_object),
            "etsiU": HeaderParameter("ETSI unsigned properties (ETSI TS 119 182-1 5.3)", "list[str]"),
        },
        algorithms=[algorithm],
    )


def _protected_header(signature: dict[str, Any]) -> dict[str, Any]:
    encoded = signature.get("protected")
    if not isinstance(encoded, str):
        raise InvalidInput("The seal has no protected header.", code="malformed_seal")
    try:
        raw = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    except (binascii.Error, ValueError) as exc:
        raise InvalidInput("The seal's protected header is not base64url.", code="malformed_seal") from exc
    header = jsonstrict.loads(raw)
    if not isinstance(header, dict):
        raise InvalidInput("The seal's protected header is not a JSON object.", code="malformed_seal")
    return header


def _verification_key(certificate: x509.Certificate) -> RSAKey | ECKey:
    key = certificate.public_key()
    try:
        return RSAKey.import_key(key)  # type: ignore[arg-type]
    except (JoseError, TypeError, ValueError):
        return ECKey.import_key(key)  # type: ignore[arg-type]


def verify_seal(container: dict[str, Any], context: VerificationContext) -> tuple[list[Check], dict[str, Any] | None]:
    """Check a sealed EDC: signature, certificate and trust, and the credential's own validity period."""
    signatures = container.get("signatures")
    if signatures is None and "signature" in container:
        signatures = [{k: container[k] for k in ("protected", "header", "signature") if k in container}]
    if not isinstance(signatures, list) or len(signatures) != 1 or not isinstance(signatures[0], dict):
        return [failed(CheckName.FORMAT, "malformed_seal", "An EDC seal must carry exactly one signature.")], None
    try:
        header = _protected_header(signatures[0])
        payload = jsonstrict.loads(container["payload"]) if isinstance(container.get("payload"), str) else None
        chain = certificates.parse_x5c(header.get("x5c"))
    except InvalidInput as exc:
        return [failed(CheckName.FORMAT, exc.code, exc.detail)], None
    if not isinstance(payload, dict):
        return [failed(CheckName.FORMAT, "malformed_seal", "The sealed payload is not a JSON object.")], None
    checks: list[Check] = []
    leaf = chain[0]
    algorithm = header.get("alg")
    signed_at = common.parse_instant(header.get("sigT"))
    evidence: dict[str, Any] = {
        "algorithm": algorithm,
        "key_id": header.get("kid"),
        "certificate": certificates.describe(leaf),
        "signing_time": signed_at.isoformat() if signed_at else None,
        "timestamp_tokens": len(header.get("adoTst", {}).get("tstTokens", []))
        if isinstance(header.get("adoTst"), dict)
        else 0,
    }
    if header.get("b64", True) is not False:
        return [failed(CheckName.FORMAT, "encoded_payload", "EDC seals use an unencoded payload (b64: false).")], None
    if algorithm not in ALGORITHMS:
        checks.append(
            failed(
                CheckName.SIGNATURE,
                "algorithm_not_allowed",
                f"The seal uses {algorithm!r}, which is not an accepted signature algorithm.",
                **evidence,
            )
        )
        return checks, payload
    thumbprint = header.get("x5t#S256")
    if thumbprint is not None and thumbprint != certificates.thumbprint_s256(leaf):
        checks.append(
            failed(
                CheckName.SIGNATURE,
                "certificate_mismatch",
                "The seal's certificate thumbprint does not match its certificate.",
                **evidence,
            )
        )
        return checks, payload
    try:
        jws.deserialize_json(
            container,
            _verification_key(leaf),
            algorithms=[algorithm],  # type: ignore[call-overload]
            registry=_registry(algorithm),
        )
    except JoseError as exc:
        reason = "bad_signature" if type(exc).__name__ == "BadSignatureError" else "malformed_seal"
        checks.append(
            failed(
                CheckName.SIGNATURE,
                reason,
                "The seal does not match the document: it was changed after sealing, or the seal is damaged.",
                **evidence,
                error=exc.error,
            )
        )
        return checks, payload
    checks.append(
        passed(
            CheckName.SIGNATURE,
            "signature_valid",
            "The seal is intact: the document is exactly what the holder of the certificate sealed.",
            **evidence,
        )
    )
    checks.append(_issuer_trust(chain, context, signed_at))
    checks.extend(common.credential_checks(context, payload))
    return checks, payload


def _issuer_trust(chain: list[x509.Certificate], context: VerificationContext, signed_at: Any) -> Check:
    leaf = chain[0]
    moment = signed_at or context.now
    described = certificates.describe(leaf)
    expired_now = leaf.not_valid_after_utc < context.now
    evidence = {"certificate": described, "evaluated_at": moment.isoformat(), "expired_now": expired_now}
    if not certificates.valid_at(leaf, moment):
        return failed(
            CheckName.ISSUER_TRUST,
            "certificate_not_valid_at_signing_time",
            "The sealing certificate was not valid when the document was sealed.",
            **evidence,
        )
    result = certificates.check_chain(chain, list(context.trust.certificates), moment)
    if result.trusted:
        return passed(
            CheckName.ISSUER_TRUST,
            "trusted_chain",
            "The sealing certificate leads to a trust anchor in the trust registry.",
            **evidence,
            anchor=result.anchor_subject,
        )
    expiry = f" It expired on {leaf.not_valid_after_utc.date().isoformat()}." if expired_now else ""
    return failed(
        CheckName.ISSUER_TRUST,
        "certificate_expired_and_untrusted" if expired_now else "certificate_untrusted",
        f"The sealing certificate ({leaf.subject.rfc4514_string()}) is not on a trusted list configured here.{expiry}",
        **evidence,
    )
