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
from joserfc.registry import HeaderParameter

from core import jsonstrict
from core.errors import InvalidInput
from wallet.verification import common
from wallet.verification import signatures as jws_signatures
from wallet.verification import x509 as certificates
from wallet.verification.context import VerificationContext
from wallet.verification.result import Check, CheckName, failed, passed

ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512")


def _must_be_object(value: object) -> None:
    if not isinstance(value, dict):
        raise ValueError("must be a JSON object")


def _registry(algorithm: str) -> jws.JWSRegistry:
    """joserfc's header rules (registered parameters and their types, `crit`) with the JAdES parameters added; the
    signature itself is checked by `signatures`, over the payload already in hand."""
    return jws.JWSRegistry(
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


def _unreadable(reason: str, message: str) -> list[Check]:
    """A seal whose signed parts (protected header, certificate, payload) cannot be read: the document is not a
    well-formed EDC, and a seal that cannot be checked does not hold, so the signature fails too."""
    return [
        failed(CheckName.FORMAT, reason, message),
        failed(
            CheckName.SIGNATURE,
            "malformed_seal",
            "The seal is damaged and cannot be checked, so the document cannot be trusted.",
            error=reason,
        ),
    ]


def verify_seal(
    container: dict[str, Any],
    context: VerificationContext,
    payload: dict[str, Any] | None = None,
    payload_octets: bytes | None = None,
) -> tuple[list[Check], dict[str, Any] | None]:
    """Check a sealed EDC: signature, certificate and trust, and the credential's own validity period.

    Synchronous (run it in a worker thread). `payload` is the sealed payload already parsed (by `formats.detect()`)
    from `container["payload"]`, and `payload_octets` its UTF-8; without them both are made here."""
    signatures = container.get("signatures")
    if signatures is None and "signature" in container:
        signatures = [{k: container[k] for k in ("protected", "header", "signature") if k in container}]
    if not isinstance(signatures, list) or len(signatures) != 1 or not isinstance(signatures[0], dict):
        return _unreadable("malformed_seal", "An EDC seal must carry exactly one signature."), None
    signature = signatures[0]
    try:
        header = _protected_header(signature)
        if payload is None and isinstance(container.get("payload"), str):
            payload = jsonstrict.loads(container["payload"])
        chain = certificates.parse_x5c(header.get("x5c"))
    except InvalidInput as exc:
        return _unreadable(exc.code, exc.detail), None
    if not isinstance(payload, dict):
        return _unreadable("malformed_seal", "The sealed payload is not a JSON object."), None
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
        return _unreadable("encoded_payload", "EDC seals use an unencoded payload (b64: false)."), None
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
    error = _signature_error(container, signature, header, str(algorithm), leaf, payload_octets)
    if error is not None:
        checks.append(
            failed(
                CheckName.SIGNATURE,
                "bad_signature" if error == "bad_signature" else "malformed_seal",
                "The seal does not match the document: it was changed after sealing, or the seal is damaged.",
                **evidence,
                error=error,
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


def _signature_error(
    container: dict[str, Any],
    signature: dict[str, Any],
    header: dict[str, Any],
    algorithm: str,
    leaf: x509.Certificate,
    payload_octets: bytes | None = None,
) -> str | None:
    """RFC 7515 §5.2 for the one signature of a JWS JSON Serialization with an unencoded payload (RFC 7797): the
    headers, then the signature over BASE64URL(protected) "." payload. None when it holds, else why not."""
    unprotected = signature.get("header", {})
    if not isinstance(unprotected, dict):
        return "invalid_header"
    if {"crit", "b64"} & unprotected.keys():
        return "unprotected_critical_header"  # RFC 7515 §4.1.11, RFC 7797 §3: these must be integrity-protected
    if header.keys() & unprotected.keys():
        return "duplicate_header_parameter"  # RFC 7515 §7.2.1: the two header sets must be disjoint
    crit = header.get("crit")
    if not isinstance(crit, list) or "b64" not in crit:
        return "missing_crit_header"  # RFC 7797 §6: b64 must be listed as critical
    try:
        # The types of the registered and JAdES parameters, `crit` naming only parameters we understand, and no
        # parameter we do not know at all.
        _registry(algorithm).check_header({**unprotected, **header})
    except JoseError as exc:
        return str(exc.error)
    payload, protected, encoded = container.get("payload"), signature.get("protected"), signature.get("signature")
    if not isinstance(payload, str) or not isinstance(protected, str) or not isinstance(encoded, str):
        return "invalid_seal"
    try:
        signing_input = protected.encode("ascii") + b"." + (payload_octets or payload.encode("utf-8"))
        signed = jws_signatures.b64url_decode(encoded)
        jws_signatures.verify(algorithm, leaf.public_key(), signing_input, signed)
    except jws_signatures.SignatureInvalid as exc:
        return exc.error
    except UnicodeEncodeError:
        return "invalid_encoding"
    return None


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
        f"The sealing certificate ({described['subject']}) is not on a trusted list configured here.{expiry}",
        **evidence,
    )
