"""Finding the key that should verify a credential: embedded JWK, did:key, did:web, key URL, x5c, the registry, or
(SD-JWT VC only) the issuer's JWT VC Issuer Metadata.

Keys named inside a credential are untrusted input: a URL is fetched only through the outbound guard, a JWK with
private members is refused, and where the key came from is reported as evidence, because it decides how far the
issuer can be trusted.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, urlsplit

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, OKPKey, RSAKey

from core.errors import DomainError, InvalidInput
from core.outbound import fetch_json
from wallet.verification import x509 as certificates
from wallet.verification.context import VerificationContext

PublicKey = RSAKey | ECKey | OKPKey
PRIVATE_MEMBERS = frozenset({"d", "p", "q", "dp", "dq", "qi", "oth", "k"})
_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
JWT_VC_ISSUER_WELL_KNOWN = "/.well-known/jwt-vc-issuer"


class KeyUnavailable(DomainError):
    code = "issuer_key_unavailable"
    default_detail = "The issuer's key could not be found."


@dataclass(frozen=True)
class ResolvedKey:
    key: PublicKey
    source: str
    """`registry`, `x5c`, `did:key`, `did:web`, `key_url`, `jwt_vc_issuer_metadata` or `embedded_jwk`."""
    key_id: str | None
    chain: tuple[x509.Certificate, ...] = field(default=())


def import_public_jwk(jwk: Any) -> PublicKey:
    """A public JWK as a key object; refuses private members. Imports are memoised (they cost more than the
    signature check they serve): the trust registry's keys come back on every verification."""
    if not isinstance(jwk, dict) or "kty" not in jwk:
        raise InvalidInput("A key is not a JWK.", code="invalid_key")
    if PRIVATE_MEMBERS & jwk.keys():
        raise InvalidInput("A published key must not contain private key material.", code="private_key_published")
    try:
        # The members themselves, not only the RFC 7638 thumbprint: `use`, `key_ops` and `alg` are kept by the key
        # object and restrict what it may do, so two JWKs of the same key material are not always the same key.
        members = tuple(sorted(jwk.items()))
        hash(members)
    except TypeError:  # a list member (`key_ops`, `x5c`): the canonical JSON names the key instead
        try:
            return _import(json.dumps(jwk, sort_keys=True, separators=(",", ":")))
        except (TypeError, ValueError) as exc:
            raise InvalidInput("A JWK cannot be read.", code="invalid_key") from exc
    return _import_members(members)


@lru_cache(maxsize=1024)
def _import_members(members: tuple[tuple[str, Any], ...]) -> PublicKey:
    return _import_jwk(dict(members))


@lru_cache(maxsize=256)
def _import(canonical: str) -> PublicKey:
    return _import_jwk(json.loads(canonical))


def _import_jwk(jwk: dict[str, Any]) -> PublicKey:
    try:
        if jwk["kty"] == "RSA":
            return RSAKey.import_key(jwk)
        if jwk["kty"] == "EC":
            return ECKey.import_key(jwk)
        if jwk["kty"] == "OKP":
            return OKPKey.import_key(jwk)
    except (JoseError, ValueError, TypeError) as exc:
        raise InvalidInput("A JWK cannot be read.", code="invalid_key") from exc
    raise InvalidInput(f"Keys of type {jwk['kty']!r} are not supported.", code="invalid_key")


def certificate_key(certificate: x509.Certificate) -> PublicKey:
    """The key of a certificate (RSA, EC or Ed25519) as a key object."""
    public = certificate.public_key()
    try:
        if isinstance(public, rsa.RSAPublicKey):
            return RSAKey.import_key(public)
        if isinstance(public, ec.EllipticCurvePublicKey):
            return ECKey.import_key(public)
        if isinstance(public, ed25519.Ed25519PublicKey | ed448.Ed448PublicKey):
            return OKPKey.import_key(public)
    except (JoseError, TypeError, ValueError) as exc:
        raise InvalidInput("The certificate's key cannot be read.", code="invalid_key") from exc
    raise InvalidInput("The certificate's key type is not supported.", code="invalid_key")


def _base58_decode(text: str) -> bytes:
    number = 0
    for character in text:
        index = _BASE58.find(character)
        if index < 0:
            raise InvalidInput("A did:key is not base58btc.", code="invalid_did")
        number = number * 58 + index
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    leading = len(text) - len(text.lstrip("1"))
    return b"\x00" * leading + body


def did_key_jwk(did: str) -> dict[str, str]:
    """Resolve did:key (W3C CCG did:key, multicodec Ed25519 0xed and P-256 0x1200) to a public JWK, offline."""
    identifier = did.split("#", 1)[0].removeprefix("did:key:")
    if not identifier.startswith("z"):
        raise InvalidInput("Only base58btc (z…) did:key identifiers are supported.", code="invalid_did")
    raw = _base58_decode(identifier[1:])

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")

    if raw[:2] == b"\xed\x01" and len(raw) == 34:
        return {"kty": "OKP", "crv": "Ed25519", "x": b64(raw[2:])}
    if raw[:2] == b"\x80\x24" and len(raw) == 35:
        point = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw[2:])
        numbers = point.public_numbers()
        return {
            "kty": "EC",
            "crv": "P-256",
            "x": b64(numbers.x.to_bytes(32, "big")),
            "y": b64(numbers.y.to_bytes(32, "big")),
        }
    raise InvalidInput("This did:key names a key type that is not supported.", code="invalid_did")


def did_web_url(did: str) -> str:
    """did:web:example.edu:issuers:1 → https://example.edu/issuers/1/did.json (did:web spec §3.2)."""
    parts = did.split("#", 1)[0].removeprefix("did:web:").split(":")
    host = unquote(parts[0])
    path = "/".join(parts[1:])
    return f"https://{host}/{path}/did.json" if path else f"https://{host}/.well-known/did.json"


def _https_or_allowed(url: str, allowed_hosts: tuple[str, ...]) -> bool:
    """Whether `url` is an https URL with a host, without credentials or a fragment. Plain http only to
    allow-listed hosts (`outbound_allowed_hosts`), as webhooks and OpenID4VCI allow it, so tests can serve on
    loopback."""
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced `[` in the host
        return False
    if not parts.hostname or parts.username or parts.password or parts.fragment:
        return False
    return parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in allowed_hosts)


def jwt_vc_issuer_metadata_url(issuer: str, allowed_hosts: tuple[str, ...] = ()) -> str | None:
    """https://issuer.example/tenant → https://issuer.example/.well-known/jwt-vc-issuer/tenant: where an SD-JWT VC
    issuer publishes its JWT VC Issuer Metadata (draft-ietf-oauth-sd-jwt-vc, "JWT VC Issuer Metadata": the
    well-known segment goes between host and path, a terminating `/` removed first as in RFC 8414 §3.1); `None`
    for an issuer identifier that is not such a URL (http only for allow-listed hosts, see `_https_or_allowed`)."""
    if not _https_or_allowed(issuer, allowed_hosts) or "?" in issuer:  # an issuer identifier has no query
        return None
    parts = urlsplit(issuer)
    return f"{parts.scheme}://{parts.netloc}{JWT_VC_ISSUER_WELL_KNOWN}{parts.path.rstrip('/')}"


async def _fetch(url: str, context: VerificationContext) -> Any:
    policy = context.outbound

    async def fetch() -> Any:
        return await fetch_json(
            url, allowed_hosts=list(policy.allowed_hosts), timeout=policy.timeout_seconds, max_bytes=policy.max_bytes
        )

    return await context.fetch_key_document(url, fetch)


def _from_did_document(document: Any, kid: str) -> dict[str, Any]:
    methods = document.get("verificationMethod", []) if isinstance(document, dict) else []
    for method in methods if isinstance(methods, list) else []:
        if isinstance(method, dict) and method.get("id") in {kid, "#" + kid.split("#", 1)[-1]}:
            jwk = method.get("publicKeyJwk")
            if isinstance(jwk, dict):
                return jwk
    raise KeyUnavailable(f"The DID document has no verification method {kid}.")


def resolve_offline(
    header: dict[str, Any], issuer: str | None, context: VerificationContext, *, issuer_metadata: bool = False
) -> ResolvedKey | None:
    """The verification key for a JWS header when nothing needs fetching: the registry, x5c, did:key, or a `jwk`
    the header embeds; `None` when the header names a key to fetch (did:web, https), or — with `issuer_metadata`
    (SD-JWT VC) — when nothing else does and the issuer's JWT VC Issuer Metadata can be fetched; raises
    `KeyUnavailable` when there is no key to look for. Same order of trust as `resolve()`."""
    kid = header.get("kid") if isinstance(header.get("kid"), str) else None
    registered = context.trust.issuer_keys.get(issuer or "", ())
    for jwk in registered:
        if kid is None or jwk.get("kid") in {None, kid}:
            return ResolvedKey(import_public_jwk(jwk), "registry", kid)
    if issuer in context.trust.issuer_key_urls:
        return None  # the registry names where the issuer publishes its keys: `fetch()` reads them there
    if "x5c" in header:
        chain = certificates.parse_x5c(header["x5c"])
        return ResolvedKey(certificate_key(chain[0]), "x5c", kid, tuple(chain))
    if kid and kid.startswith("did:key:"):
        return ResolvedKey(import_public_jwk(did_key_jwk(kid)), "did:key", kid)
    if kid and kid.startswith(("did:web:", "https://")):
        return None
    if "jwk" in header:
        return ResolvedKey(import_public_jwk(header["jwk"]), "embedded_jwk", kid)
    if issuer_metadata and issuer and jwt_vc_issuer_metadata_url(issuer, context.outbound.allowed_hosts):
        return None  # `fetch()` reads the issuer's JWT VC Issuer Metadata
    raise KeyUnavailable(_no_key_to_find(kid, issuer_metadata))


def _no_key_to_find(kid: str | None, issuer_metadata: bool) -> str:
    """Why no key can be looked for, naming the `kid` when there is one (it is then not one the service resolves)."""
    named = (
        "The credential names no key (no kid, jwk or x5c)"
        if kid is None
        else f"The credential's key id {kid!r} is not a did:key, did:web or https URL the key can be found at"
    )
    if issuer_metadata:
        return (
            f"{named}, the trust registry holds no key for its issuer, and the issuer is not an https URL that "
            "publishes JWT VC Issuer Metadata."
        )
    return f"{named}, and the trust registry holds no key for its issuer."


async def fetch(
    header: dict[str, Any], context: VerificationContext, issuer: str | None = None, *, issuer_metadata: bool = False
) -> ResolvedKey:
    """The key the registry's key URL for `issuer` holds under the header's `kid`, the key a did:web or https
    `kid` names, or — with `issuer_metadata` (SD-JWT VC) — the key the issuer's JWT VC Issuer Metadata holds under
    that `kid`; fetched through the outbound guard."""
    kid = header.get("kid")
    registered_url = context.trust.issuer_key_urls.get(issuer or "")
    if registered_url is not None:
        document = await _fetch(registered_url, context)
        found = document.get("keys") if isinstance(document, dict) else None
        if not isinstance(found, list):
            raise KeyUnavailable(f"The issuer's registered key URL {registered_url} does not answer a JWK Set.")
        matches = [k for k in found if isinstance(k, dict) and (kid is None or k.get("kid") == kid) and "d" not in k]
        if len(matches) != 1:
            raise KeyUnavailable(
                f"The issuer's registered key set at {registered_url} has no key {kid!r}."
                if not matches
                else "The credential names no key id, and the issuer's registered key set has several keys."
            )
        return ResolvedKey(import_public_jwk(matches[0]), "registry", kid if isinstance(kid, str) else None)
    if isinstance(kid, str) and kid.startswith("did:web:"):
        document = await _fetch(did_web_url(kid), context)
        return ResolvedKey(import_public_jwk(_from_did_document(document, kid)), "did:web", kid)
    if isinstance(kid, str) and kid.startswith("https://"):
        document = await _fetch(kid, context)
        if isinstance(document, dict) and isinstance(document.get("keys"), list):
            matches = [k for k in document["keys"] if isinstance(k, dict) and k.get("kid") in {None, kid}]
            if len(matches) != 1:
                raise KeyUnavailable("The key set at the key URL does not name this key.")
            document = matches[0]
        return ResolvedKey(import_public_jwk(document), "key_url", kid)
    if issuer_metadata and issuer:
        metadata_url = jwt_vc_issuer_metadata_url(issuer, context.outbound.allowed_hosts)
        if metadata_url is not None:
            return await _from_issuer_metadata(metadata_url, issuer, kid if isinstance(kid, str) else None, context)
    raise KeyUnavailable("The credential names no key to fetch.")


async def _issuer_document(url: str, what: str, context: VerificationContext) -> Any:
    """`_fetch()`, its failures (refused, unreachable, not JSON) reported as the key being unavailable."""
    try:
        return await _fetch(url, context)
    except DomainError as exc:
        raise KeyUnavailable(f"{what} at {url} could not be read: {exc.detail}") from exc


async def _from_issuer_metadata(url: str, issuer: str, kid: str | None, context: VerificationContext) -> ResolvedKey:
    """The key `kid` (or the only key, without a `kid`) of the JWT VC Issuer Metadata at `url`: its `issuer` must be
    the credential's `iss` exactly, and its keys are given inline (`jwks`) or at `jwks_uri`, never both
    (draft-ietf-oauth-sd-jwt-vc, "JWT VC Issuer Metadata")."""
    metadata = await _issuer_document(url, "The issuer's JWT VC Issuer Metadata", context)
    if not isinstance(metadata, dict):
        raise KeyUnavailable(f"The issuer's JWT VC Issuer Metadata at {url} is not a JSON object.")
    if metadata.get("issuer") != issuer:
        raise KeyUnavailable(
            f"The JWT VC Issuer Metadata at {url} is for the issuer {metadata.get('issuer')!r}, not for the "
            f"credential's issuer {issuer!r}."
        )
    if ("jwks" in metadata) == ("jwks_uri" in metadata):
        raise KeyUnavailable(
            f"The issuer's JWT VC Issuer Metadata at {url} must give its keys either inline (`jwks`) or by "
            f"`jwks_uri`, {'not both' if 'jwks' in metadata else 'and gives neither'}."
        )
    if "jwks_uri" in metadata:
        jwks_uri = metadata["jwks_uri"]
        if not isinstance(jwks_uri, str) or not _https_or_allowed(jwks_uri, context.outbound.allowed_hosts):
            raise KeyUnavailable(f"The `jwks_uri` of the issuer's JWT VC Issuer Metadata at {url} is not an https URL.")
        key_set, where = await _issuer_document(jwks_uri, "The issuer's JWK Set", context), f"at {jwks_uri}"
    else:
        key_set, where = metadata["jwks"], f"in the JWT VC Issuer Metadata at {url}"
    found = key_set.get("keys") if isinstance(key_set, dict) else None
    if not isinstance(found, list):
        raise KeyUnavailable(f"The issuer's key set {where} is not a JWK Set.")
    matches = [k for k in found if isinstance(k, dict) and (kid is None or k.get("kid") == kid)]
    if not matches:
        named = f"no key with the kid {kid!r}" if kid is not None else "no key"
        raise KeyUnavailable(f"The issuer's key set {where} has {named}.")
    if len(matches) > 1:
        raise KeyUnavailable(
            f"The issuer's key set {where} has {len(matches)} keys with the kid {kid!r}; it must name one."
            if kid is not None
            else f"The credential names no key id, and the issuer's key set {where} has several keys."
        )
    try:
        key = import_public_jwk(matches[0])
    except InvalidInput as exc:
        raise KeyUnavailable(f"The issuer's key {kid!r} {where} cannot be used: {exc.detail}") from exc
    return ResolvedKey(key, "jwt_vc_issuer_metadata", kid)


async def resolve(header: dict[str, Any], issuer: str | None, context: VerificationContext) -> ResolvedKey:
    """Find the verification key for a JWS header, in order of trust: registry, x5c, DIDs and URLs, embedded."""
    resolved = resolve_offline(header, issuer, context)
    return resolved if resolved is not None else await fetch(header, context, issuer)
