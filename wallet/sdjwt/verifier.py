"""Verifying an SD-JWT or SD-JWT+KB (RFC 9901 §7.1, §7.3, §8.4).

Signature checks are CPU-bound: from async code, call `verify` in a worker thread (`core.workers.cpu_workers`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from core.clock import utcnow
from wallet.sdjwt import keybinding, signing
from wallet.sdjwt.encoding import (
    DEFAULT_HASH_ALGORITHM,
    Disclosure,
    check_hash_algorithm,
    decode_json_segment,
    parse_disclosure,
)
from wallet.sdjwt.errors import SdJwtError
from wallet.sdjwt.keybinding import KeyBindingRequirement, VerifiedKeyBinding
from wallet.sdjwt.processing import SD_ALG, ClaimPath, process
from wallet.sdjwt.serialization import SdJwtParts, Serialization, parse

KeyResolver = Callable[[str | None, Mapping[str, Any]], signing.KeyMaterial]
"""Given the (not yet verified) `iss` and JOSE header (`kid`, …), the Issuer's public key — e.g. looked up in JWT VC
Issuer Metadata. Raise a `DomainError` when the Issuer or key is unknown."""

Decoded = tuple[dict[str, Any], dict[str, Any]]
"""A protected header and a payload, parsed."""

SignatureKey = Callable[[str | None, dict[str, Any], dict[str, Any]], signing.KeyMaterial]
"""Internal: (iss, protected header, unprotected header) → key."""


@dataclass(frozen=True)
class VerifiedSdJwt:
    claims: dict[str, Any]
    """The Processed SD-JWT Payload: disclosed claims in place, `_sd`, `_sd_alg` and undisclosed elements gone."""
    header: dict[str, Any]
    """The protected header of the signature that verified."""
    payload: dict[str, Any]
    """The Issuer-signed payload as signed, digests included."""
    disclosures: tuple[Disclosure, ...]
    disclosed_paths: tuple[ClaimPath, ...]
    """Where each presented Disclosure landed in `claims`."""
    hash_algorithm: str
    serialization: Serialization
    key_binding: VerifiedKeyBinding | None
    """The checked KB-JWT; `None` when the caller did not ask for Key Binding (a KB-JWT is then not looked at)."""


def _time_claim(claims: Mapping[str, Any], name: str) -> datetime | None:
    value = claims.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SdJwtError(f"The {name!r} claim must be a NumericDate.", code="malformed_sd_jwt")
    try:
        return datetime.fromtimestamp(value, UTC)
    except (OverflowError, OSError, ValueError) as exc:
        raise SdJwtError(f"The {name!r} claim is out of range.", code="malformed_sd_jwt") from exc


def _check_validity(claims: Mapping[str, Any], now: datetime, leeway: timedelta) -> None:
    # RFC 9901 §7.1 step 6: `nbf` and `exp` of the processed payload, if present.
    expires = _time_claim(claims, "exp")
    if expires is not None and expires <= now - leeway:
        raise SdJwtError("The SD-JWT has expired.", code="sd_jwt_expired")
    not_before = _time_claim(claims, "nbf")
    if not_before is not None and not_before > now + leeway:
        raise SdJwtError("The SD-JWT is not valid yet.", code="sd_jwt_not_yet_valid")


def _verify_signatures(
    parts: SdJwtParts,
    payload: Mapping[str, Any],
    key_for: SignatureKey,
    algorithms: Collection[str],
    first_header: dict[str, Any] | None,
) -> dict[str, Any]:
    """The protected header of the first signature that verifies (RFC 7515 §7.2: the application decides which
    signatures must verify; one trusted Issuer signature is enough). All failing → the first failure."""
    issuer = payload.get("iss") if isinstance(payload.get("iss"), str) else None
    first_failure: SdJwtError | None = None
    for index, signature in enumerate(parts.signatures):
        try:
            if index == 0 and first_header is not None:
                header = first_header
            else:
                header = decode_json_segment(signature.protected, code="malformed_sd_jwt", what="The JOSE header")
            if signature.header and set(header) & set(signature.header):
                # RFC 7515 §7.2.1: protected and unprotected header parameter names must be disjoint
                raise SdJwtError("A header parameter is both protected and unprotected.", code="invalid_header")
            algorithm = signing.check_header(header, algorithms, code="invalid_header")
            key = signing.public_key(key_for(issuer, header, signature.header))
            signing.verify_segments(
                signature.protected,
                parts.payload,
                signature.signature,
                key,
                algorithm,
                failure_code="signature_invalid",
            )
        except SdJwtError as exc:
            first_failure = first_failure or exc
            continue
        return header
    raise first_failure or SdJwtError("The SD-JWT has no signature.", code="malformed_sd_jwt")


def verify_parts(
    parts: SdJwtParts,
    *,
    key_for: SignatureKey,
    algorithms: Collection[str] | None,
    key_binding: KeyBindingRequirement | None,
    now: datetime | None,
    leeway: timedelta,
    decoded: Decoded | None = None,
) -> VerifiedSdJwt:
    """`decoded`: the first signature's protected header and the payload, as a caller already parsed them (strict
    JSON) from these very segments; they are then not parsed again."""
    allowed = signing.allowed_algorithms(algorithms)
    moment = now or utcnow()
    if key_binding is not None and key_binding.required and parts.kb_jwt is None:
        # RFC 9901 §7.3 step 2
        raise SdJwtError("Key Binding is required but the presentation has no KB-JWT.", code="kb_jwt_missing")
    if decoded is not None:
        first_header, payload = decoded
    else:
        first_header = None
        payload = decode_json_segment(parts.payload, code="malformed_sd_jwt", what="The Issuer-signed JWT payload")
    header = _verify_signatures(parts, payload, key_for, allowed, first_header)
    hash_algorithm = check_hash_algorithm(payload.get(SD_ALG, DEFAULT_HASH_ALGORITHM))
    disclosures = tuple(parse_disclosure(encoded) for encoded in parts.disclosures)
    processed = process(payload, disclosures, hash_algorithm)
    _check_validity(processed.claims, moment, leeway)
    verified_binding: VerifiedKeyBinding | None = None
    if key_binding is not None and parts.kb_jwt is not None:
        verified_binding = keybinding.verify(
            parts.kb_jwt,
            sd_jwt=parts.sd_jwt,
            hash_algorithm=hash_algorithm,
            confirmation=processed.claims.get("cnf"),
            requirement=key_binding,
            algorithms=allowed,
            now=moment,
        )
    return VerifiedSdJwt(
        claims=processed.claims,
        header=header,
        payload=payload,
        disclosures=disclosures,
        disclosed_paths=tuple(processed.origin.disclosed_paths()),
        hash_algorithm=hash_algorithm,
        serialization=parts.serialization,
        key_binding=verified_binding,
    )


def key_source(issuer_key: signing.KeyMaterial | None, key_resolver: KeyResolver | None) -> SignatureKey:
    if key_resolver is not None and issuer_key is None:
        resolver = key_resolver
        return lambda issuer, protected, unprotected: resolver(issuer, {**unprotected, **protected})
    if issuer_key is not None and key_resolver is None:
        fixed = issuer_key
        return lambda issuer, protected, unprotected: fixed
    raise ValueError("pass exactly one of issuer_key and key_resolver")


def verify(
    presentation: str,
    *,
    issuer_key: signing.KeyMaterial | None = None,
    key_resolver: KeyResolver | None = None,
    algorithms: Collection[str] | None = None,
    key_binding: KeyBindingRequirement | None = None,
    now: datetime | None = None,
    leeway: timedelta = timedelta(seconds=30),
) -> VerifiedSdJwt:
    """Verify an SD-JWT or SD-JWT+KB (compact or JWS JSON) and return the Processed SD-JWT Payload.

    The Issuer key is `issuer_key` (a public JWK) or what `key_resolver` answers. `algorithms` narrows
    `SUPPORTED_ALGORITHMS`. With `key_binding` the KB-JWT is checked (and, if `required`, demanded)."""
    return verify_parts(
        parse(presentation),
        key_for=key_source(issuer_key, key_resolver),
        algorithms=algorithms,
        key_binding=key_binding,
        now=now,
        leeway=leeway,
    )
