"""Fetched status lists: parsing, signature checks and decoding; no network and no clock here.

- W3C `BitstringStatusListCredential`: as a VC-JWT (compact JWS) its signature is verified with a key from the
  caller's `KeyResolver`; as JSON-LD with a Data Integrity `proof` it is handed to the caller's `ProofVerifier`, and
  without one it is marked `not_verified_here` (Data Integrity is another module's work).
- IETF Status List Token (`typ` `statuslist+jwt`): always a JWS, verified with a key from the `KeyResolver`.
- 1EdTech revocation list: plain JSON `{id, issuer, revokedCredentials: [{id, revocationReason?}]}`, unsigned.

JWS handling follows RFC 8725: an explicit asymmetric algorithm allow-list (never `none`, never HS*), `crit`
refused, keys only from the resolver (never `jwk`/`jku`/`x5u`/`x5c` headers), header and payload parsed with
`core.jsonstrict`. Signature checks and large decompressions run in a worker thread.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import anyio.to_thread
from joserfc import jws
from joserfc.errors import BadSignatureError, JoseError
from joserfc.jwk import ECKey, OKPKey, RSAKey

from core import jsonstrict
from core.errors import DomainError
from wallet.status.codec import (
    DEFAULT_MAX_DECOMPRESSED_BYTES,
    TOKEN_STATUS_BITS,
    base64url_decode,
    decode_bitstring,
    decode_token_status_list,
)
from wallet.status.entries import issuer_id
from wallet.status.errors import (
    StatusListInvalid,
    StatusListSignatureInvalid,
    StatusListSignatureUnverified,
)

PublicKey = ECKey | RSAKey | OKPKey
KeyResolver = Callable[[str | None, str | None], Awaitable[PublicKey | None]]
"""`(issuer, kid) -> key`: the caller's trust decision. `issuer` is what the list claims (`iss`, else `issuer`), or
the credential's issuer when the list names none; `None` means no trusted key, and the list is not relied on."""
ProofVerifier = Callable[[Mapping[str, Any]], Awaitable[bool]]
"""Verifies the Data Integrity proof of a JSON-LD status list credential; `True` only for a valid, trusted proof."""

ASYMMETRIC_ALGORITHMS = (
    "ES256",
    "ES384",
    "ES512",
    "EdDSA",
    "Ed25519",
    "PS256",
    "PS384",
    "PS512",
    "RS256",
    "RS384",
    "RS512",
)
"""The default allow-list: asymmetric signatures only (RFC 8725 §3.1; MACs would let any holder of the key forge)."""
STATUS_LIST_TOKEN_TYPE = "statuslist+jwt"  # noqa: S105 - a media type, not a secret
_INLINE_DECODE_LIMIT = 4096
"""Encoded lists longer than this are inflated in a worker thread, off the event loop."""


class SignatureState(enum.StrEnum):
    VERIFIED = "verified"
    """A JWS checked with a resolver key, or a proof the caller's verifier accepted."""
    NOT_VERIFIED_HERE = "not_verified_here"
    """A Data Integrity proof is present but no verifier was supplied: the caller decides."""
    UNSIGNED = "unsigned"
    """The list carries no signature at all."""


@dataclass(frozen=True)
class BitstringStatusList:
    url: str
    issuer: str | None
    """The list's `issuer`; for a VC-JWT, the issuer whose key verified it."""
    purposes: tuple[str, ...]
    bitstring: bytes
    status_size: int | None
    """`credentialSubject.statusSize` when the list states it."""
    valid_from: datetime | None
    valid_until: datetime | None
    ttl_seconds: float | None
    signature: SignatureState
    document: Mapping[str, Any] = field(repr=False)
    """The status list credential as published (for a VC-JWT, the credential inside the payload)."""


@dataclass(frozen=True)
class TokenStatusList:
    url: str
    issuer: str | None
    """`iss`, or the issuer whose key verified the token when it names none."""
    subject: str
    bits: int
    statuses: bytes
    issued_at: datetime
    expires_at: datetime | None
    ttl_seconds: float | None
    claims: Mapping[str, Any] = field(repr=False)
    signature: SignatureState = SignatureState.VERIFIED


@dataclass(frozen=True)
class RevocationList:
    url: str
    issuer: str | None
    revoked: Mapping[str, str | None]
    """Revoked credential id → `revocationReason` (or `None`)."""
    signature: SignatureState = SignatureState.UNSIGNED


StatusList = BitstringStatusList | TokenStatusList | RevocationList


def _object(data: bytes, what: str) -> dict[str, Any]:
    try:
        value = jsonstrict.loads(data)
    except DomainError as exc:
        raise StatusListInvalid(f"The {what} is not acceptable JSON: {exc.detail}") from exc
    if not isinstance(value, dict):
        raise StatusListInvalid(f"The {what} is not a JSON object.")
    return value


def _timestamp(value: Any, name: str) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is not None:
            return moment.astimezone(UTC)
    raise StatusListInvalid(f"{name} must be a date-time with a time zone (XML Schema dateTimeStamp).")


def _numeric_date(value: Any, name: str) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise StatusListInvalid(f"The status list token's {name} must be a NumericDate.")
    try:
        return datetime.fromtimestamp(value, UTC)
    except (OverflowError, OSError, ValueError) as exc:
        raise StatusListInvalid(f"The status list token's {name} is out of range.") from exc


def _positive_number(value: Any, name: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise StatusListInvalid(f"{name} must be a positive number.")
    return float(value)


async def _inflate_off_loop(decode: Callable[..., bytes], encoded: str, max_bytes: int) -> bytes:
    call = functools.partial(decode, encoded, max_bytes=max_bytes)
    return call() if len(encoded) <= _INLINE_DECODE_LIMIT else await anyio.to_thread.run_sync(call)


async def verify_compact_jws(
    token: str,
    *,
    key_resolver: KeyResolver | None,
    algorithms: tuple[str, ...],
    fallback_issuer: str | None,
) -> tuple[dict[str, Any], dict[str, Any], str | None]:
    """Verify a compact JWS; return `(header, payload, issuer whose key verified it)` or raise a `StatusError`."""
    segments = token.split(".")
    if len(segments) != 3 or not all(segments):
        raise StatusListInvalid("The status list is neither JSON nor a compact JWS.")
    header = _object(base64url_decode(segments[0]), "JWS header")
    payload = _object(base64url_decode(segments[1]), "JWS payload")
    algorithm = header.get("alg")
    if algorithm not in algorithms:
        raise StatusListSignatureInvalid(
            f"Status lists signed with {algorithm!r} are not accepted.", code="status_list_algorithm_refused"
        )
    if "crit" in header:
        # RFC 7515 §4.1.11: we understand no critical header parameters, so any `crit` is a rejection.
        raise StatusListSignatureInvalid("The status list has critical header parameters we do not understand.")
    kid = header.get("kid") if isinstance(header.get("kid"), str) else None
    embedded = payload.get("vc")
    issuer = (
        issuer_id(payload.get("iss"))
        or issuer_id(payload.get("issuer"))
        or (issuer_id(embedded.get("issuer")) if isinstance(embedded, Mapping) else None)
        or fallback_issuer
    )
    key = await key_resolver(issuer, kid) if key_resolver is not None else None
    if key is None:
        raise StatusListSignatureUnverified(
            f"No trusted key for issuer {issuer!r} and key id {kid!r}.", issuer=issuer, kid=kid
        )
    verify = functools.partial(jws.deserialize_compact, token, key, algorithms=[str(algorithm)])
    try:
        await anyio.to_thread.run_sync(verify)
    except BadSignatureError as exc:
        raise StatusListSignatureInvalid("The status list's signature does not verify.") from exc
    except (JoseError, ValueError) as exc:
        raise StatusListSignatureInvalid(f"The status list's JWS cannot be verified: {exc}.") from exc
    return header, payload, issuer


@dataclass(frozen=True)
class _Envelope:
    document: dict[str, Any]
    issuer: str | None
    signature: SignatureState
    valid_from: datetime | None = None
    valid_until: datetime | None = None


async def _open_bitstring_credential(
    text: bytes,
    *,
    key_resolver: KeyResolver | None,
    proof_verifier: ProofVerifier | None,
    algorithms: tuple[str, ...],
    fallback_issuer: str | None,
) -> _Envelope:
    if text.startswith(b"{"):
        document = _object(text, "status list credential")
        if document.get("proof") is None:
            signature = SignatureState.UNSIGNED
        elif proof_verifier is None:
            signature = SignatureState.NOT_VERIFIED_HERE
        elif await proof_verifier(document):
            signature = SignatureState.VERIFIED
        else:
            raise StatusListSignatureInvalid("The status list credential's proof does not verify.")
        return _Envelope(document, issuer_id(document.get("issuer")), signature)
    try:
        token = text.decode("ascii")
    except UnicodeDecodeError as exc:
        raise StatusListInvalid("The status list is neither JSON nor a compact JWS.") from exc
    _, payload, issuer = await verify_compact_jws(
        token, key_resolver=key_resolver, algorithms=algorithms, fallback_issuer=fallback_issuer
    )
    # VC-JOSE-COSE puts the credential itself in the payload; VC-JWT 1.1 nests it under `vc` (exp/nbf apply).
    embedded = payload.get("vc")
    document = dict(embedded) if isinstance(embedded, Mapping) and "@context" not in payload else payload
    if len({issuer_id(payload.get("iss")), issuer_id(document.get("issuer"))} - {None}) > 1:
        raise StatusListInvalid("The status list JWT's iss and the credential's issuer differ.")
    return _Envelope(
        document,
        issuer,
        SignatureState.VERIFIED,
        valid_from=_numeric_date(payload.get("nbf"), "nbf"),
        valid_until=_numeric_date(payload.get("exp"), "exp"),
    )


async def parse_bitstring_status_list(
    body: bytes,
    *,
    url: str,
    key_resolver: KeyResolver | None = None,
    proof_verifier: ProofVerifier | None = None,
    algorithms: tuple[str, ...] = ASYMMETRIC_ALGORITHMS,
    fallback_issuer: str | None = None,
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES,
) -> BitstringStatusList:
    """A `BitstringStatusListCredential` as JSON-LD or VC-JWT → its decoded bitstring (W3C BSL §2.2, §3.2)."""
    envelope = await _open_bitstring_credential(
        body.strip(),
        key_resolver=key_resolver,
        proof_verifier=proof_verifier,
        algorithms=algorithms,
        fallback_issuer=fallback_issuer,
    )
    document = envelope.document
    types = document.get("type")
    if types != "BitstringStatusListCredential" and not (
        isinstance(types, list) and "BitstringStatusListCredential" in types
    ):
        raise StatusListInvalid("The document is not a BitstringStatusListCredential.")
    subject = document.get("credentialSubject")
    if not isinstance(subject, Mapping) or subject.get("type") != "BitstringStatusList":
        raise StatusListInvalid("The credentialSubject of a status list must be a BitstringStatusList.")
    purposes_value = subject.get("statusPurpose")
    purposes = (purposes_value,) if isinstance(purposes_value, str) else purposes_value
    if not isinstance(purposes, list | tuple) or not purposes or not all(isinstance(p, str) for p in purposes):
        raise StatusListInvalid("statusPurpose of the status list must be a string or a list of strings.")
    encoded = subject.get("encodedList")
    if not isinstance(encoded, str):
        raise StatusListInvalid("The status list has no encodedList.")
    size = subject.get("statusSize")
    if size is not None and (isinstance(size, bool) or not isinstance(size, int) or size < 1):
        raise StatusListInvalid("statusSize of the status list must be a positive integer.")
    ttl_milliseconds = _positive_number(subject.get("ttl"), "ttl")  # W3C BSL §2.2: ttl is in milliseconds
    valid_from = _timestamp(document.get("validFrom") or document.get("issuanceDate"), "validFrom")
    valid_until = _timestamp(document.get("validUntil") or document.get("expirationDate"), "validUntil")
    return BitstringStatusList(
        url=url,
        issuer=envelope.issuer,
        purposes=tuple(purposes),
        bitstring=await _inflate_off_loop(decode_bitstring, encoded, max_decompressed_bytes),
        status_size=size,
        valid_from=valid_from or envelope.valid_from,
        valid_until=valid_until or envelope.valid_until,
        ttl_seconds=ttl_milliseconds / 1000 if ttl_milliseconds is not None else None,
        signature=envelope.signature,
        document=document,
    )


def _token_type(header: Mapping[str, Any]) -> str | None:
    value = header.get("typ")
    # RFC 7515 §4.1.9: the "application/" prefix may be omitted; media types compare case-insensitively.
    return value.strip().lower().removeprefix("application/") if isinstance(value, str) else None


async def verify_status_list_token(
    token: str,
    *,
    uri: str,
    key_resolver: KeyResolver | None,
    algorithms: tuple[str, ...] = ASYMMETRIC_ALGORITHMS,
    fallback_issuer: str | None = None,
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES,
) -> TokenStatusList:
    """A Status List Token (JWT) → its verified, decoded list (draft-ietf-oauth-status-list §5.1, §8.3).

    Time (`iat` in the future, `exp` passed) is judged by the caller at the moment of use, not here.
    """
    header, claims, issuer = await verify_compact_jws(
        token.strip(), key_resolver=key_resolver, algorithms=algorithms, fallback_issuer=fallback_issuer
    )
    if _token_type(header) != STATUS_LIST_TOKEN_TYPE:
        raise StatusListInvalid("The token's typ is not statuslist+jwt.", code="status_list_wrong_type")
    # §8.3 step 4a: the subject is the URI the referenced token points at.
    if claims.get("sub") != uri:
        raise StatusListInvalid(f"The status list token's sub is not {uri}.", code="status_list_subject_mismatch")
    status_list = claims.get("status_list")
    if not isinstance(status_list, Mapping):
        raise StatusListInvalid("The status list token has no status_list claim.")
    bits, lst = status_list.get("bits"), status_list.get("lst")
    if isinstance(bits, bool) or bits not in TOKEN_STATUS_BITS or not isinstance(lst, str):
        raise StatusListInvalid("status_list needs bits (1, 2, 4 or 8) and lst.")
    issued_at = _numeric_date(claims.get("iat"), "iat")
    if issued_at is None:
        raise StatusListInvalid("The status list token has no iat.")
    return TokenStatusList(
        url=uri,
        issuer=issuer,
        subject=uri,
        bits=int(bits),
        statuses=await _inflate_off_loop(decode_token_status_list, lst, max_decompressed_bytes),
        issued_at=issued_at,
        expires_at=_numeric_date(claims.get("exp"), "exp"),
        ttl_seconds=_positive_number(claims.get("ttl"), "ttl"),
        claims=claims,
    )


def parse_revocation_list(body: bytes, *, url: str) -> RevocationList:
    """A 1EdTech revocation list → the revoked credential ids and their reasons."""
    document = _object(body, "revocation list")
    entries = document.get("revokedCredentials", [])
    if not isinstance(entries, list):
        raise StatusListInvalid("revokedCredentials must be a list.")
    revoked: dict[str, str | None] = {}
    for entry in entries:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("id"), str):
            raise StatusListInvalid("Each revoked credential needs an id.")
        reason = entry.get("revocationReason")
        revoked[entry["id"]] = reason if isinstance(reason, str) else None
    return RevocationList(url=url, issuer=issuer_id(document.get("issuer")), revoked=revoked)
