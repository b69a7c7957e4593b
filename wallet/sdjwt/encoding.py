"""Base64url, digests and Disclosures (RFC 9901 §4.1.1, §4.2)."""

from __future__ import annotations

import binascii
import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from core import jsonstrict
from wallet.sdjwt.errors import SdJwtError
from wallet.verification.signatures import has_b64url_shape, strict_b64url

# RFC 9901 §4.1.1: names from the IANA "Named Information Hash Algorithm" registry; sha-256 is the default.
HASH_ALGORITHMS: dict[str, Callable[[bytes], Any]] = {
    "sha-256": hashlib.sha256,
    "sha-384": hashlib.sha384,
    "sha-512": hashlib.sha512,
}
DEFAULT_HASH_ALGORITHM = "sha-256"
RESERVED_CLAIM_NAMES = frozenset({"_sd", "..."})
SALT_BYTES = 16  # RFC 9901 §9.3: at least 128 bits of randomness


def b64url_encode(data: bytes) -> str:
    return binascii.b2a_base64(data, newline=False).translate(_TO_URLSAFE).rstrip(b"=").decode("ascii")


_TO_URLSAFE = bytes.maketrans(b"+/", b"-_")


def b64url_decode(text: str, *, code: str, what: str) -> bytes:
    """Strict base64url without padding (RFC 7515 §2): no `=`, no whitespace, no stray trailing bits."""
    decoded = strict_b64url(text)
    if decoded is None:
        raise SdJwtError(f"{what} is not {'canonical ' if has_b64url_shape(text) else ''}base64url.", code=code)
    return decoded


def check_hash_algorithm(name: Any) -> str:
    """The `_sd_alg` value if we understand it (RFC 9901 §7.1 step 2.4)."""
    if not isinstance(name, str) or name not in HASH_ALGORITHMS:
        raise SdJwtError(
            f"The digest algorithm {name!r} is not supported; use one of {sorted(HASH_ALGORITHMS)}.",
            code="unsupported_hash_algorithm",
        )
    return name


def digest(text: str, hash_algorithm: str) -> str:
    """base64url(hash(ASCII(text))) — digests of Disclosures (§4.2.3) and `sd_hash` (§4.3.1)."""
    function = HASH_ALGORITHMS.get(hash_algorithm) or HASH_ALGORITHMS[check_hash_algorithm(hash_algorithm)]
    return b64url_encode(function(text.encode("ascii")).digest())


@dataclass(frozen=True)
class Disclosure:
    """One Disclosure: `[salt, name, value]` for an object property, `[salt, value]` for an array element."""

    encoded: str
    """The base64url string exactly as issued; digests are computed over it, never over re-encoded JSON."""
    salt: str
    name: str | None
    value: Any

    def digest(self, hash_algorithm: str) -> str:
        return digest(self.encoded, hash_algorithm)


def parse_disclosure(encoded: str) -> Disclosure:
    """Decode one Disclosure strictly (RFC 9901 §4.2.1, §4.2.2)."""
    raw = b64url_decode(encoded, code="invalid_disclosure", what="A Disclosure")
    try:
        content = jsonstrict.loads(raw)
    except jsonstrict.InvalidJSON as exc:
        raise SdJwtError(f"A Disclosure is not acceptable JSON: {exc.detail}", code="invalid_disclosure") from exc
    if not isinstance(content, list) or len(content) not in (2, 3):
        raise SdJwtError("A Disclosure must be a JSON array of two or three elements.", code="invalid_disclosure")
    salt = content[0]
    if not isinstance(salt, str):
        raise SdJwtError("A Disclosure's salt must be a string.", code="invalid_disclosure")
    if len(content) == 2:
        return Disclosure(encoded, salt, None, content[1])
    name = content[1]
    if not isinstance(name, str):
        raise SdJwtError("A Disclosure's claim name must be a string.", code="invalid_disclosure")
    if name in RESERVED_CLAIM_NAMES:
        # RFC 9901 §7.1 step 3.2.2.2
        raise SdJwtError(f"A Disclosure may not name the claim {name!r}.", code="reserved_claim_name")
    return Disclosure(encoded, salt, name, content[2])


def new_salt() -> str:
    return b64url_encode(secrets.token_bytes(SALT_BYTES))


def make_disclosure(name: str | None, value: Any) -> Disclosure:
    """A fresh Disclosure with a random salt (RFC 9901 §4.2.1)."""
    salt = new_salt()
    content = [salt, value] if name is None else [salt, name, value]
    try:
        encoded = b64url_encode(jsonstrict.dumps_compact(content))
    except (TypeError, ValueError) as exc:
        raise SdJwtError(f"The claim value cannot be written as JSON: {exc}", code="invalid_claims") from exc
    return Disclosure(encoded, salt, name, value)


def decoy_digest(hash_algorithm: str) -> str:
    """A digest of random bytes that no Disclosure matches (RFC 9901 §4.2.5)."""
    return digest(new_salt(), hash_algorithm)


def decode_json_segment(segment: str, *, code: str, what: str) -> dict[str, Any]:
    """A base64url JSON object (a JWT header or payload), parsed with the strict parser."""
    raw = b64url_decode(segment, code=code, what=what)
    try:
        value = jsonstrict.loads(raw)
    except jsonstrict.InvalidJSON as exc:
        raise SdJwtError(f"{what} is not acceptable JSON: {exc.detail}", code=code) from exc
    if not isinstance(value, dict):
        raise SdJwtError(f"{what} is not a JSON object.", code=code)
    return value
