"""JWS signing (through joserfc) and verification (on `cryptography`) for SD-JWT, with an explicit algorithm
allow-list.

RFC 9901 §7.1 step 2.1 and §7.3: the algorithm must be deemed secure (RFC 8725 §3.1, §3.2) and `none` is never
accepted. We go further: only asymmetric algorithms exist here, so no HS* secret can ever be confused with a
public key, and a verification key that carries private members is refused (it means a private key leaked into
a JWK set, a `cnf` claim or a configuration file).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, Literal

from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from joserfc import jws
from joserfc.errors import JoseError, UnsupportedAlgorithmError
from joserfc.jwa import JWSAlgModel
from joserfc.jwk import ECKey, JWKRegistry, OKPKey, RSAKey

from core import jsonstrict
from wallet.sdjwt.errors import SdJwtError
from wallet.verification import signatures

AsymmetricKey = ECKey | RSAKey | OKPKey
KeyMaterial = Mapping[str, Any] | AsymmetricKey
"""A JWK (as a mapping) or a joserfc key object."""

SUPPORTED_ALGORITHMS: tuple[str, ...] = ("ES256", "ES384", "ES512", "Ed25519", "EdDSA", "RS256", "PS256")
"""Every algorithm this module will ever sign or verify with; callers may narrow it, never widen it."""

# RFC 7517 §6.2.2, §6.3.2, RFC 8037 §2: members that only a private (or symmetric) JWK has.
PRIVATE_MEMBERS = frozenset({"d", "p", "q", "dp", "dq", "qi", "oth", "k"})
MAX_HEADER_BYTES = 64 * 1024  # room for an `x5c` chain
MAX_PAYLOAD_BYTES = 1024 * 1024

# The same limits on the base64url segments (4 characters per 3 bytes).
_MAX_HEADER_SEGMENT = -(-MAX_HEADER_BYTES // 3) * 4
_MAX_PAYLOAD_SEGMENT = -(-MAX_PAYLOAD_BYTES // 3) * 4

_DEFAULT_ALGORITHM_BY_CURVE = {"P-256": "ES256", "P-384": "ES384", "P-521": "ES512", "Ed25519": "Ed25519"}


class _Registry(jws.JWSRegistry):
    """joserfc's registry with our allow-list, larger size limits and no deprecation warning for `EdDSA` (RFC
    9864 renames it `Ed25519`; both name the same signature and we accept either when the caller allows it)."""

    max_header_length = MAX_HEADER_BYTES
    max_payload_length = MAX_PAYLOAD_BYTES

    def get_alg(self, name: str) -> JWSAlgModel:
        if name not in SUPPORTED_ALGORITHMS or not self.allowed or name not in self.allowed:
            raise UnsupportedAlgorithmError(f"Algorithm of '{name}' is not allowed")
        return self.algorithms[name]


def allowed_algorithms(algorithms: Collection[str] | None) -> tuple[str, ...]:
    """Validate a caller's allow-list: a non-empty subset of `SUPPORTED_ALGORITHMS`."""
    if algorithms is None:
        return SUPPORTED_ALGORITHMS
    chosen = tuple(algorithms)
    unknown = set(chosen) - set(SUPPORTED_ALGORITHMS)
    if not chosen or unknown:
        raise ValueError(f"algorithms must be a non-empty subset of {SUPPORTED_ALGORITHMS}, not {chosen}")
    return chosen


def _registry(algorithms: Collection[str]) -> _Registry:
    # Unknown header parameters (`vctm`, `x5t#S256`, …) pass; `crit` naming one we do not know is refused.
    return _Registry(algorithms=list(algorithms), strict_check_header=False)


def _import(material: KeyMaterial) -> AsymmetricKey:
    if isinstance(material, ECKey | RSAKey | OKPKey):
        return material
    if not isinstance(material, Mapping):
        raise TypeError("a key must be a JWK mapping or a joserfc ECKey, RSAKey or OKPKey")
    members = dict(material)
    key_type = members.get("kty")
    if key_type not in ("EC", "RSA", "OKP"):
        raise SdJwtError(f"A JWK of type {key_type!r} cannot sign or verify SD-JWTs.", code="issuer_key_invalid")
    try:
        imported = JWKRegistry.import_key(members)
    except (JoseError, ValueError, TypeError) as exc:
        raise SdJwtError(f"The JWK cannot be imported: {exc}", code="issuer_key_invalid") from exc
    if not isinstance(imported, ECKey | RSAKey | OKPKey):
        raise SdJwtError("Only EC, RSA and OKP keys are accepted.", code="issuer_key_invalid")
    return imported


def public_key(material: KeyMaterial, *, code: str = "issuer_key_invalid") -> AsymmetricKey:
    """A verification key; a JWK with private members is refused, never silently reduced to its public half."""
    if isinstance(material, Mapping) and PRIVATE_MEMBERS & set(material):
        raise SdJwtError("A verification key must not contain private key members.", code=code)
    try:
        key = _import(material)
    except SdJwtError as exc:
        raise SdJwtError(exc.detail, code=code) from exc
    if key.is_private:
        raise SdJwtError("A verification key must not contain private key members.", code=code)
    return key


def private_key(material: KeyMaterial) -> AsymmetricKey:
    key = _import(material)
    if not key.is_private:
        raise SdJwtError("Signing needs a private key.", code="issuer_key_invalid")
    return key


def public_jwk(key: AsymmetricKey) -> dict[str, Any]:
    """The public JWK of a key (for `cnf.jwk`, RFC 7800 §3.2)."""
    return dict(key.as_dict(private=False))


def default_algorithm(key: AsymmetricKey) -> str:
    """ES256/384/512 by curve, Ed25519 for OKP (RFC 9864), RS256 for RSA."""
    if isinstance(key, RSAKey):
        return "RS256"
    curve = key.as_dict(private=False).get("crv")
    if not isinstance(curve, str) or curve not in _DEFAULT_ALGORITHM_BY_CURVE:
        raise SdJwtError(f"No signing algorithm is supported for the curve {curve!r}.", code="issuer_key_invalid")
    return _DEFAULT_ALGORITHM_BY_CURVE[curve]


def key_from_certificate_public_key(key: object) -> AsymmetricKey:
    """A joserfc key from a certificate's public key (EC, RSA or Ed25519)."""
    if isinstance(key, ec.EllipticCurvePublicKey):
        return ECKey.import_key(key)
    if isinstance(key, rsa.RSAPublicKey):
        return RSAKey.import_key(key)
    if isinstance(key, ed25519.Ed25519PublicKey):
        return OKPKey.import_key(key)
    raise SdJwtError("The certificate's key type cannot verify SD-JWTs.", code="x5c_invalid")


def sign(header: Mapping[str, Any], payload: Mapping[str, Any], key: AsymmetricKey, algorithm: str) -> str:
    """A compact JWS over the JSON of `payload`."""
    if algorithm not in SUPPORTED_ALGORITHMS:
        raise ValueError(f"algorithm must be one of {SUPPORTED_ALGORITHMS}, not {algorithm!r}")
    protected = {"alg": algorithm, **{name: value for name, value in header.items() if name != "alg"}}
    try:
        return jws.serialize_compact(
            protected, jsonstrict.dumps_compact(dict(payload)), key, registry=_registry([algorithm])
        )
    except (JoseError, ValueError, TypeError) as exc:
        raise SdJwtError(f"The JWS cannot be produced: {exc}", code="invalid_header") from exc


def check_header(header: Mapping[str, Any], algorithms: Collection[str], *, code: str) -> str:
    """RFC 8725 §3.1: `alg` must be on the allow-list; header parameters must have their registered types."""
    algorithm = header.get("alg")
    if not isinstance(algorithm, str) or algorithm not in algorithms:
        raise SdJwtError(f"The algorithm {algorithm!r} is not accepted.", code="algorithm_not_allowed")
    if "crit" in header or "b64" in header:
        # RFC 7515 §4.1.11: a `crit` we do not understand is fatal; RFC 7797 `b64` would change the signing input.
        raise SdJwtError("The JOSE header uses parameters (`crit`, `b64`) we do not process.", code=code)
    for name in ("kid", "typ", "cty"):
        if name in header and not isinstance(header[name], str):
            # RFC 7515 §4.1.4, §4.1.9, §4.1.10: case-sensitive strings
            raise SdJwtError(f"The JOSE header parameter {name!r} must be a string.", code=code)
    return algorithm


def verify(
    compact: str,
    key: AsymmetricKey,
    algorithm: str,
    *,
    failure_code: Literal["signature_invalid", "kb_jwt_signature_invalid"],
) -> None:
    """Verify a compact JWS whose header passed `check_header` (which answered `algorithm`): the key must allow it
    (`use`, `alg`, `key_ops` of its JWK, as joserfc enforces them), then the signature is checked straight on
    `cryptography` over the segments as received (`verification/signatures.py`), without parsing them again."""
    segments = compact.split(".")  # three base64url segments, as `serialization` checked them
    if len(segments) != 3:
        raise SdJwtError("The JWS is not three base64url segments.", code=failure_code)
    protected, payload, signature = segments
    verify_segments(protected, payload, signature, key, algorithm, failure_code=failure_code)


def verify_segments(
    protected: str,
    payload: str,
    signature: str,
    key: AsymmetricKey,
    algorithm: str,
    *,
    failure_code: Literal["signature_invalid", "kb_jwt_signature_invalid"],
) -> None:
    """`verify()` of a JWS already split into its three segments."""
    if len(protected) > _MAX_HEADER_SEGMENT or len(payload) > _MAX_PAYLOAD_SEGMENT:
        raise SdJwtError("The JWS header or payload is too large.", code=failure_code)
    try:
        public = signatures.key_allowing(key, algorithm)
        signatures.verify(
            algorithm, public, f"{protected}.{payload}".encode("ascii"), signatures.b64url_decode(signature)
        )
    except signatures.SignatureInvalid as exc:
        if exc.error == "algorithm_not_allowed":
            raise SdJwtError("The algorithm is not accepted.", code="algorithm_not_allowed") from exc
        if exc.error == "bad_signature":
            raise SdJwtError("The signature does not verify with the expected key.", code=failure_code) from exc
        # A key of the wrong type or curve for the algorithm or whose JWK forbids it, or a signature that is not
        # base64url: failed too.
        raise SdJwtError(f"The signature cannot be verified: {exc.error}.", code=failure_code) from exc
