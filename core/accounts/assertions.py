"""Client authentication with a signed JWT: `private_key_jwt` (RFC 7523 §2.2 and §3, OpenID Connect Core §9).

An institution's system that holds its own key pair authenticates at the token endpoint without a shared secret:

    grant_type=client_credentials
    client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer
    client_assertion=<JWT: iss = sub = client_id, aud = <public URL>/v1/auth/token, exp, iat, jti; ES256, kid>

The assertion goes through `core.jose.decode` like every token the service accepts (one asymmetric algorithm,
`typ` `JWT` or `client-authentication+jwt`, the key found by `kid` in the client's registered key set only). The
client's keys are registered with it: inline (`jwks`) or at a URL (`jwks_uri`, fetched through the SSRF guard and
cached for five minutes; an unknown `kid` fetches once more, for a key just rotated in). An assertion lives at most
ten minutes and is used once: its `jti` is kept until it expires.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import structlog
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from core import jose
from core.accounts.models import ClientAssertionUse, OAuthClient
from core.accounts.repository import AccountRepository
from core.clock import utcnow
from core.errors import AuthenticationFailed, DomainError
from core.outbound import fetch_json

log = structlog.get_logger("passerelle.auth")

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
ALGORITHMS = ("ES256",)
TOKEN_TYPES = ("JWT", "client-authentication+jwt")
MAX_LIFETIME_SECONDS = 600
JWKS_CACHE_SECONDS = 300.0
MAX_JWKS_BYTES = 64 * 1024


class AssertionRejected(AuthenticationFailed):
    code = "invalid_client"
    default_detail = "Client authentication failed."


@dataclass
class JwksCache:
    """Client key sets fetched from `jwks_uri`, per URL, for `JWKS_CACHE_SECONDS`."""

    entries: dict[str, tuple[float, dict[str, Any]]] = field(default_factory=dict)

    def get(self, url: str) -> dict[str, Any] | None:
        found = self.entries.get(url)
        return found[1] if found and found[0] > time.monotonic() else None

    def put(self, url: str, key_set: dict[str, Any]) -> None:
        if len(self.entries) > 1000:
            self.entries.clear()
        self.entries[url] = (time.monotonic() + JWKS_CACHE_SECONDS, key_set)


@dataclass(frozen=True)
class Outbound:
    allowed_hosts: list[str]
    timeout: float


def _key_lookup(key_set: dict[str, Any]) -> dict[str, jose.Key]:
    keys: dict[str, jose.Key] = {}
    for entry in key_set.get("keys", []) if isinstance(key_set, dict) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("kid"), str) or "d" in entry:
            continue  # a private key in a published key set is never used
        if entry.get("kty") != "EC" or entry.get("crv") != "P-256":
            continue
        try:
            keys[entry["kid"]] = jose.construct_key(entry, "ES256")
        except (ValueError, TypeError):
            continue
    return keys


async def _fetch(url: str, cache: JwksCache, outbound: Outbound, *, fresh: bool) -> dict[str, Any]:
    if not fresh and (cached := cache.get(url)) is not None:
        return cached
    try:
        document = await fetch_json(
            url, allowed_hosts=outbound.allowed_hosts, timeout=outbound.timeout, max_bytes=MAX_JWKS_BYTES
        )
    except DomainError as exc:
        log.warning("client_jwks_unreachable", url=url, code=exc.code)
        raise AssertionRejected("The client's registered key set cannot be fetched.") from exc
    if not isinstance(document, dict):
        raise AssertionRejected("The client's registered key set is not a JWK Set.")
    cache.put(url, document)
    return document


async def authenticate(
    session: AsyncSession,
    assertion: str,
    *,
    client_id: str | None,
    audience: str,
    cache: JwksCache,
    outbound: Outbound,
) -> OAuthClient:
    """The client the assertion authenticates, or `AssertionRejected` (never says which check failed beyond a
    short reason; the assertion itself is never logged)."""
    issuer = jose.unverified_issuer(assertion)
    if issuer is None or (client_id is not None and client_id != issuer):
        log.warning("authn_client_fail", method="private_key_jwt", reason="issuer_mismatch")
        raise AssertionRejected("The client assertion's `iss` must be the client_id.")
    client = await AccountRepository(session).client_by_client_id(issuer)
    if client is None or client.disabled_at is not None or client.auth_method != "private_key_jwt":
        log.warning("authn_client_fail", client_id=issuer, method="private_key_jwt", reason="unknown_client")
        raise AssertionRejected()
    key_sets: list[dict[str, Any]] = []
    if client.jwks is not None:
        key_sets.append(client.jwks)
    elif client.jwks_uri is not None:
        key_sets.append(await _fetch(client.jwks_uri, cache, outbound, fresh=False))
    keys = _key_lookup(key_sets[0]) if key_sets else {}
    profile = jose.TokenProfile(
        name="client_assertion",
        algorithms=ALGORITHMS,
        token_types=TOKEN_TYPES,
        issuer=client.client_id,
        audience=audience,
        required_claims=("exp", "iat", "aud", "iss", "sub", "jti"),
    )
    try:
        try:
            claims = jose.decode(assertion, profile, keys.get)
        except jose.UnknownKey:
            if client.jwks_uri is None:
                raise
            keys = _key_lookup(await _fetch(client.jwks_uri, cache, outbound, fresh=True))
            claims = jose.decode(assertion, profile, keys.get)
    except jose.TokenRejected as exc:
        log.warning("authn_client_fail", client_id=issuer, method="private_key_jwt", reason=exc.code)
        raise AssertionRejected(f"The client assertion is not acceptable ({exc.code}).") from exc
    if claims.get("sub") != client.client_id:
        log.warning("authn_client_fail", client_id=issuer, method="private_key_jwt", reason="subject_mismatch")
        raise AssertionRejected("The client assertion's `sub` must be the client_id.")
    expires = claims["exp"]
    if not isinstance(expires, int | float) or expires - time.time() > MAX_LIFETIME_SECONDS:
        log.warning("authn_client_fail", client_id=issuer, method="private_key_jwt", reason="lifetime")
        raise AssertionRejected(f"A client assertion lives at most {MAX_LIFETIME_SECONDS} seconds.")
    jti = claims.get("jti")
    if not isinstance(jti, str) or not jti:
        log.warning("authn_client_fail", client_id=issuer, method="private_key_jwt", reason="jti_missing")
        raise AssertionRejected("The client assertion needs a `jti`.")
    await _use_once(session, client.client_id, jti, datetime.fromtimestamp(expires, UTC))
    return client


async def _use_once(session: AsyncSession, client_id: str, jti: str, expires_at: datetime) -> None:
    digest = hashlib.sha256(f"{client_id}\x00{jti}".encode()).hexdigest()
    await session.execute(delete(ClientAssertionUse).where(col(ClientAssertionUse.expires_at) < utcnow()))
    try:
        async with session.begin_nested():
            session.add(ClientAssertionUse(digest=digest, expires_at=expires_at))
    except IntegrityError as exc:
        log.warning("authn_client_replay", client_id=client_id)
        raise AssertionRejected("This client assertion was already used.") from exc
