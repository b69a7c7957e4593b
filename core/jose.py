"""The one place where JWTs are signed and validated (RFC 8725, RFC 9068).

Every token the service accepts goes through `decode()` with a `TokenProfile`: a single-family algorithm
allow-list, the accepted `typ` values, the issuer and audience, the required claims and the `crit` header
parameters we understand. Keys come only from a local key set looked up by `kid` (an opaque dictionary key);
`jku`, `x5u`, `x5c` and `jwk` headers are never followed. Calling python-jose anywhere else is a defect
(`tests/core/test_jose.py` checks the source tree).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from jose import jwk, jws, jwt
from jose.backends.base import Key
from jose.exceptions import ExpiredSignatureError, JOSEError, JWTClaimsError

from core.errors import AuthenticationFailed
from core.ids import new_id

REQUIRED_CLAIMS = ("exp", "iat", "aud", "iss", "sub")


__all__ = ["ClaimsCache", "Key", "TokenProfile", "TokenRejected", "UnknownKey", "construct_key", "decode", "sign"]


def construct_key(material: str | dict[str, Any], algorithm: str) -> Key:
    """A signing or verification key from PEM text or a JWK, bound to one algorithm; `ValueError` when the material
    is not such a key."""
    try:
        return jwk.construct(material, algorithm)
    except JOSEError as exc:
        raise ValueError(f"not a {algorithm} key: {exc}") from exc


class TokenRejected(AuthenticationFailed):
    code = "invalid_token"
    default_detail = "The access token is invalid."


class UnknownKey(TokenRejected):
    """The token names a `kid` the key set does not hold (the caller may refresh its key set once)."""

    default_detail = "The token was signed with an unknown key."


@dataclass(frozen=True)
class TokenProfile:
    """What one kind of token must look like (RFC 8725 §3.12: one profile per kind of token)."""

    name: str
    algorithms: tuple[str, ...]
    token_types: tuple[str, ...]
    issuer: str
    audience: str
    leeway_seconds: int = 30
    required_claims: tuple[str, ...] = REQUIRED_CLAIMS
    understood_crit: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        families = {alg[:2] for alg in self.algorithms}
        if not self.algorithms or len(families) != 1 or families & {"HS", "no"}:
            raise ValueError(f"profile {self.name}: algorithms must be one asymmetric family")


def _normalise_typ(value: str) -> str:
    # RFC 7515 §4.1.9: "application/" may be omitted and media types compare case-insensitively.
    value = value.strip().lower()
    return value.removeprefix("application/")


def unverified_header(token: str) -> dict[str, Any]:
    try:
        header = jws.get_unverified_header(token)
    except JOSEError as exc:
        raise TokenRejected("The token is not a well-formed JWS.", code="malformed_token") from exc
    if not isinstance(header, dict):
        raise TokenRejected("The token header is not a JSON object.", code="malformed_token")
    return header


def unverified_issuer(token: str) -> str | None:
    """The `iss` claim before validation, only to choose a profile; that profile then checks `iss` itself."""
    try:
        claims = jwt.get_unverified_claims(token)
    except JOSEError:
        return None
    issuer = claims.get("iss") if isinstance(claims, dict) else None
    return issuer if isinstance(issuer, str) else None


def decode(token: str, profile: TokenProfile, keys: Callable[[str], Key | None]) -> dict[str, Any]:
    """Validate `token` against `profile` and return its claims, or raise `TokenRejected`."""
    header = unverified_header(token)
    algorithm = header.get("alg")
    if algorithm not in profile.algorithms:
        raise TokenRejected(f"Tokens signed with {algorithm!r} are not accepted.", code="algorithm_not_allowed")
    token_type = header.get("typ")
    accepted_types = {_normalise_typ(t) for t in profile.token_types}
    if not isinstance(token_type, str) or _normalise_typ(token_type) not in accepted_types:
        raise TokenRejected("The token has the wrong type (typ).", code="wrong_token_type")
    critical = header.get("crit")
    # RFC 7515 §4.1.11: a recipient must reject a JWS with crit parameters it does not understand.
    if critical is not None and (
        not isinstance(critical, list)
        or not critical
        or not all(isinstance(name, str) for name in critical)  # names only: `set()` of a list inside would raise
        or not set(critical) <= profile.understood_crit
    ):
        raise TokenRejected("The token has critical header parameters we do not understand.", code="crit")
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        raise TokenRejected("The token has no key id (kid).", code="unknown_key")
    key = keys(kid)
    if key is None:
        raise UnknownKey()
    options = {
        "verify_signature": True,
        "verify_aud": True,
        "verify_iat": True,
        "verify_exp": True,
        "verify_nbf": True,
        "verify_iss": True,
        "verify_sub": True,
        "verify_jti": True,
        "verify_at_hash": False,
        "leeway": profile.leeway_seconds,
        **{f"require_{claim}": True for claim in profile.required_claims},
    }
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            key,
            algorithms=[algorithm],
            audience=profile.audience,
            issuer=profile.issuer,
            options=options,
        )
    except ExpiredSignatureError as exc:
        raise TokenRejected("The token has expired.", code="token_expired") from exc
    except JWTClaimsError as exc:
        raise TokenRejected(f"The token's claims are not acceptable: {exc}.", code="invalid_claims") from exc
    except JOSEError as exc:
        raise TokenRejected("The token's signature or structure is invalid.", code="invalid_signature") from exc
    # python-jose does not check that `iat` is not in the future.
    if not isinstance(claims.get("iat"), int | float) or claims["iat"] > time.time() + profile.leeway_seconds:
        raise TokenRejected("The token was issued in the future.", code="invalid_claims")
    return claims


def sign(claims: Mapping[str, Any], *, key: Key, kid: str, token_type: str, algorithm: str = "ES256") -> str:
    """Sign `claims` as a compact JWS with explicit `typ` and `kid` headers."""
    return jwt.encode(dict(claims), key, algorithm=algorithm, headers={"kid": kid, "typ": token_type})


def standard_claims(*, issuer: str, subject: str, audience: str, lifetime_seconds: int) -> dict[str, Any]:
    now = int(time.time())
    return {
        "iss": issuer,
        "sub": subject,
        "aud": audience,
        "iat": now,
        "nbf": now,
        "exp": now + lifetime_seconds,
        "jti": str(new_id()),
    }


class ClaimsCache:
    """Claims of tokens already validated, so a hot path does not redo the signature check.

    The signature and the static claims of a token never change; only time does, so a hit re-checks `exp` and
    `nbf`. Entries are keyed by the token itself and bounded in number.
    """

    def __init__(self, size: int = 4096) -> None:
        self._size = size
        self._entries: OrderedDict[tuple[str, str], tuple[dict[str, Any], Any]] = OrderedDict()

    def get(self, profile: TokenProfile, token: str) -> tuple[dict[str, Any], Any] | None:
        """The validated claims and what the caller derived from them (e.g. the principal), if still in time."""
        entry = self._entries.get((profile.name, token))
        if entry is None:
            return None
        claims = entry[0]
        now = time.time()
        if claims["exp"] + profile.leeway_seconds <= now or claims.get("nbf", 0) - profile.leeway_seconds > now:
            self._entries.pop((profile.name, token), None)
            return None
        self._entries.move_to_end((profile.name, token))
        return entry

    def put(self, profile: TokenProfile, token: str, claims: dict[str, Any], derived: Any = None) -> None:
        self._entries[(profile.name, token)] = (claims, derived)
        if len(self._entries) > self._size:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self._entries.clear()
