"""Key Binding JWTs (RFC 9901 §4.3): created by the Holder, checked by the Verifier (§7.3)."""

from __future__ import annotations

import hmac
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from wallet.sdjwt import signing
from wallet.sdjwt.encoding import decode_json_segment, digest
from wallet.sdjwt.errors import SdJwtError
from wallet.sdjwt.serialization import split_jwt

KB_JWT_TYPE = "kb+jwt"


@dataclass(frozen=True)
class KeyBindingRequirement:
    """What the Verifier expects of the KB-JWT (RFC 9901 §7.3). Whether Key Binding is required is the
    Verifier's policy, never inferred from whether the Holder sent a KB-JWT (§9.5)."""

    audience: str
    nonce: str
    max_age: timedelta = timedelta(minutes=5)
    """How old `iat` may be."""
    clock_skew: timedelta = timedelta(seconds=30)
    """How far `iat` may lie in the future, and the leeway on `exp` / `nbf`."""
    required: bool = True
    """When false a missing KB-JWT is accepted; one that is present is still checked in full."""


@dataclass(frozen=True)
class VerifiedKeyBinding:
    header: dict[str, Any]
    claims: dict[str, Any]
    holder_jwk: dict[str, Any]
    issued_at: datetime


def holder_key_from_confirmation(confirmation: Any) -> signing.AsymmetricKey:
    """The Holder's public key from `cnf.jwk` (RFC 7800 §3.2; RFC 9901 §4.1.2)."""
    if not isinstance(confirmation, dict) or not isinstance(confirmation.get("jwk"), dict):
        raise SdJwtError(
            "The SD-JWT has no 'cnf' claim with a 'jwk'; it cannot be key-bound.", code="holder_key_invalid"
        )
    return signing.public_key(confirmation["jwk"], code="holder_key_invalid")


def create(
    sd_jwt: str,
    *,
    hash_algorithm: str,
    holder_key: signing.KeyMaterial,
    audience: str,
    nonce: str,
    issued_at: datetime,
    algorithm: str | None = None,
) -> str:
    """A KB-JWT over `sd_jwt` (the presentation up to and including its last `~`)."""
    key = signing.private_key(holder_key)
    claims = {
        "iat": int(issued_at.timestamp()),
        "aud": audience,
        "nonce": nonce,
        "sd_hash": digest(sd_jwt, hash_algorithm),  # RFC 9901 §4.3.1
    }
    return signing.sign({"typ": KB_JWT_TYPE}, claims, key, algorithm or signing.default_algorithm(key))


def _optional_date(claims: Mapping[str, Any], name: str) -> datetime | None:
    return None if claims.get(name) is None else _numeric_date(claims, name)


def _numeric_date(claims: Mapping[str, Any], name: str) -> datetime:
    value = claims.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SdJwtError(f"The KB-JWT needs a numeric {name!r} claim.", code="kb_jwt_invalid")
    try:
        return datetime.fromtimestamp(value, UTC)
    except (OverflowError, OSError, ValueError) as exc:
        raise SdJwtError(f"The KB-JWT {name!r} is out of range.", code="kb_jwt_invalid") from exc


def _audience_matches(audience: Any, expected: str) -> bool:
    # RFC 7519 §4.1.3: a string, or an array of strings that must contain the Verifier.
    if isinstance(audience, str):
        return hmac.compare_digest(audience.encode(), expected.encode())
    if isinstance(audience, list) and audience and all(isinstance(item, str) for item in audience):
        return any(hmac.compare_digest(item.encode(), expected.encode()) for item in audience)
    raise SdJwtError("The KB-JWT 'aud' must be a string or an array of strings.", code="kb_jwt_invalid")


def verify(
    kb_jwt: str,
    *,
    sd_jwt: str,
    hash_algorithm: str,
    confirmation: Any,
    requirement: KeyBindingRequirement,
    algorithms: Collection[str],
    now: datetime,
) -> VerifiedKeyBinding:
    """RFC 9901 §7.3 step 5, in order: key, algorithm, signature, `typ`, `iat`, `nonce` / `aud`, `sd_hash`."""
    protected, payload, _ = split_jwt(kb_jwt, "The Key Binding JWT")
    header = decode_json_segment(protected, code="kb_jwt_invalid", what="The KB-JWT header")
    claims = decode_json_segment(payload, code="kb_jwt_invalid", what="The KB-JWT payload")
    holder_key = holder_key_from_confirmation(confirmation)
    algorithm = signing.check_header(header, algorithms, code="kb_jwt_invalid")
    signing.verify(kb_jwt, holder_key, algorithm, failure_code="kb_jwt_signature_invalid")
    if header.get("typ") != KB_JWT_TYPE:
        # RFC 9901 §4.3: explicit typing, RFC 8725 §3.11
        raise SdJwtError(f"The KB-JWT 'typ' must be {KB_JWT_TYPE!r}.", code="kb_jwt_invalid")

    issued_at = _numeric_date(claims, "iat")
    if issued_at > now + requirement.clock_skew:
        raise SdJwtError("The KB-JWT was issued in the future.", code="kb_jwt_not_yet_valid")
    if issued_at < now - requirement.max_age:
        raise SdJwtError("The KB-JWT is too old; ask the Holder for a fresh one.", code="kb_jwt_stale")
    expires = _optional_date(claims, "exp")
    if expires is not None and expires <= now - requirement.clock_skew:
        raise SdJwtError("The KB-JWT has expired.", code="kb_jwt_stale")
    not_before = _optional_date(claims, "nbf")
    if not_before is not None and not_before > now + requirement.clock_skew:
        raise SdJwtError("The KB-JWT is not valid yet.", code="kb_jwt_not_yet_valid")

    nonce = claims.get("nonce")
    if not isinstance(nonce, str):
        raise SdJwtError("The KB-JWT needs a string 'nonce'.", code="kb_jwt_invalid")
    if not hmac.compare_digest(nonce.encode(), requirement.nonce.encode()):
        raise SdJwtError("The KB-JWT was made for another transaction (nonce).", code="nonce_mismatch")
    if "aud" not in claims:
        raise SdJwtError("The KB-JWT needs an 'aud' claim.", code="kb_jwt_invalid")
    if not _audience_matches(claims["aud"], requirement.audience):
        raise SdJwtError("The KB-JWT was made for another Verifier (aud).", code="audience_mismatch")

    sd_hash = claims.get("sd_hash")
    if not isinstance(sd_hash, str):
        raise SdJwtError("The KB-JWT needs a string 'sd_hash'.", code="kb_jwt_invalid")
    if not hmac.compare_digest(sd_hash.encode(), digest(sd_jwt, hash_algorithm).encode()):
        # RFC 9901 §4.3.1: the KB-JWT must cover exactly this Issuer-signed JWT and these Disclosures
        raise SdJwtError("The KB-JWT 'sd_hash' does not match the presentation.", code="sd_hash_mismatch")
    return VerifiedKeyBinding(header, claims, signing.public_jwk(holder_key), issued_at)
