"""JWS signature checks straight on `cryptography`: RFC 7515 §5.2 step 8 with the algorithms of RFC 7518 §3 and RFC
8037 (RFC 9864's `Ed25519`), each bound to one key type and, for ECDSA, one curve.

The caller has already parsed and judged the header (the algorithm is on its allow-list, `crit` and `b64` are
understood); what is left is the maths over the exact signing input. Asymmetric algorithms only: no `none`, no HS*.
CPU-bound: call it from a worker thread.
"""

from __future__ import annotations

import binascii
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, OKPKey, RSAKey


class SignatureInvalid(Exception):
    """The signature does not verify with this key and algorithm: changed content, another key, or a key of the
    wrong type or curve for the algorithm."""

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


@dataclass(frozen=True)
class _RSA:
    scheme: padding.AsymmetricPadding
    hash: hashes.HashAlgorithm


@dataclass(frozen=True)
class _ECDSA:
    curve: type[ec.EllipticCurve]
    coordinate_bytes: int
    """RFC 7518 §3.4: the signature is R and S, each exactly this long."""
    algorithm: ec.ECDSA


@dataclass(frozen=True)
class _EdDSA:
    ed448: bool
    """RFC 8037 `EdDSA` takes Ed25519 or Ed448 keys; RFC 9864 `Ed25519` only the former."""


def _pss(digest: hashes.HashAlgorithm) -> padding.PSS:
    return padding.PSS(mgf=padding.MGF1(digest), salt_length=digest.digest_size)  # RFC 7518 §3.5


# Built once: the padding, hash and signature-algorithm objects are immutable.
ALGORITHMS: dict[str, _RSA | _ECDSA | _EdDSA] = {
    "RS256": _RSA(padding.PKCS1v15(), hashes.SHA256()),
    "RS384": _RSA(padding.PKCS1v15(), hashes.SHA384()),
    "RS512": _RSA(padding.PKCS1v15(), hashes.SHA512()),
    "PS256": _RSA(_pss(hashes.SHA256()), hashes.SHA256()),
    "PS384": _RSA(_pss(hashes.SHA384()), hashes.SHA384()),
    "PS512": _RSA(_pss(hashes.SHA512()), hashes.SHA512()),
    "ES256": _ECDSA(ec.SECP256R1, 32, ec.ECDSA(hashes.SHA256())),
    "ES384": _ECDSA(ec.SECP384R1, 48, ec.ECDSA(hashes.SHA384())),
    "ES512": _ECDSA(ec.SECP521R1, 66, ec.ECDSA(hashes.SHA512())),
    "EdDSA": _EdDSA(ed448=True),
    "Ed25519": _EdDSA(ed448=False),
}


_BASE64URL = re.compile(r"[A-Za-z0-9_-]*")
_TO_STANDARD = bytes.maketrans(b"-_", b"+/")


def b64url_decode(segment: str) -> bytes:
    """Base64url without padding (RFC 7515 §2), strictly: a character outside the alphabet, or bits set past the
    last byte (a second spelling of the same bytes), is an error."""
    decoded = strict_b64url(segment)
    if decoded is None:
        raise SignatureInvalid("invalid_encoding")
    return decoded


def strict_b64url(segment: str) -> bytes | None:
    """The bytes of a strict base64url segment (see `b64url_decode`), or None if it is not one."""
    if not is_b64url(segment):
        return None
    standard = segment.encode("ascii").translate(_TO_STANDARD) + _PADDING[len(segment) % 4]
    try:
        return binascii.a2b_base64(standard, strict_mode=True)
    except binascii.Error:
        return None


def is_b64url(segment: str) -> bool:
    """Whether `segment` is strict unpadded base64url (what `b64url_decode` accepts), without decoding it."""
    return has_b64url_shape(segment) and canonical_tail(segment)


def has_b64url_shape(segment: str) -> bool:
    """Only base64url characters, and a length unpadded base64 can have: all but the last character's unused
    bits (`canonical_tail`)."""
    return _BASE64URL.fullmatch(segment) is not None and len(segment) % 4 != 1


_PADDING = {0: b"", 2: b"==", 3: b"="}


# The last character of unpadded base64 of 3n+1 bytes carries 4 unused bits, of 3n+2 bytes 2; they must be zero.
_CANONICAL_LAST = {2: frozenset("AQgw"), 3: frozenset("AEIMQUYcgkosw048")}


def canonical_tail(segment: str) -> bool:
    """Whether the unused bits of a base64url segment's last character are zero (the alphabet already checked, and
    the length not 1 modulo 4): otherwise the same bytes have another spelling, which the signature does not
    cover."""
    tail = _CANONICAL_LAST.get(len(segment) % 4)
    return tail is None or segment[-1] in tail


def verify(algorithm: str, public: object, signing_input: bytes, signature: bytes) -> None:
    """Raise `SignatureInvalid` unless `signature` is `algorithm`'s signature of `signing_input` by the public key
    `public` (a `cryptography` key: `keys.PublicKey.public_key`, or a certificate's)."""
    spec = ALGORITHMS.get(algorithm)
    try:
        if isinstance(spec, _RSA) and isinstance(public, rsa.RSAPublicKey):
            public.verify(signature, signing_input, spec.scheme, spec.hash)
        elif isinstance(spec, _ECDSA) and isinstance(public, ec.EllipticCurvePublicKey):
            size = spec.coordinate_bytes
            if not isinstance(public.curve, spec.curve):
                raise SignatureInvalid("wrong_key_type")
            if len(signature) != 2 * size:
                raise SignatureInvalid("bad_signature")
            r, s = int.from_bytes(signature[:size], "big"), int.from_bytes(signature[size:], "big")
            public.verify(encode_dss_signature(r, s), signing_input, spec.algorithm)
        elif isinstance(spec, _EdDSA) and (
            isinstance(public, ed25519.Ed25519PublicKey) or (spec.ed448 and isinstance(public, ed448.Ed448PublicKey))
        ):
            public.verify(signature, signing_input)
        elif spec is None:
            raise SignatureInvalid("algorithm_not_allowed")
        else:
            raise SignatureInvalid("wrong_key_type")
    except InvalidSignature as exc:
        raise SignatureInvalid("bad_signature") from exc


def key_allowing(key: ECKey | RSAKey | OKPKey, algorithm: str) -> object:
    """The `cryptography` public key of a JWK that allows checking `algorithm`'s signatures (RFC 7517 §4.2–4.4:
    its `use` is `sig` or absent, its `alg` is this algorithm or absent, its `key_ops` include `verify` or are
    absent), else `SignatureInvalid("key_not_for_this_use")`."""
    try:
        key.check_use("sig")
        key.check_alg(algorithm)
        return key.get_op_key("verify")
    except JoseError as exc:
        raise SignatureInvalid("key_not_for_this_use") from exc
