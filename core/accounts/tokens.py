"""Access tokens: issuing ES256 `at+jwt` tokens (RFC 9068) and turning a bearer token into a principal."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Any

import anyio
import anyio.to_thread
import structlog

from core import jose
from core.accounts.models import Role
from core.errors import ServiceUnavailable
from core.keys import ALGORITHM, KeyRing
from core.outbound import OutboundRefused, fetch_json
from core.settings import Settings

log = structlog.get_logger("passerelle.security")

ROLE_VALUES = frozenset(role.value for role in Role)
ACCESS_TOKEN_TYPE = "at+jwt"  # noqa: S105 - RFC 9068 media type, not a secret
FIRST_PARTY_CLIENT = "passerelle"
JWKS_MIN_REFRESH_SECONDS = 30.0


@dataclass(frozen=True)
class Principal:
    """Who is calling: a user (learner, officer, admin) or a machine client (institution)."""

    id: uuid.UUID
    role: Role
    client_id: str


@dataclass(frozen=True)
class ExternalSubject:
    """A subject authenticated by the external OpenID Connect provider, not yet mapped to a local account."""

    issuer: str
    subject: str
    client_id: str
    name: str | None
    email: str | None


class ExternalJwks:
    """The JWKS of an external OpenID Connect provider, fetched with the outbound guard and cached."""

    def __init__(self, settings: Settings) -> None:
        assert settings.oidc_jwks_url is not None
        self.url = settings.oidc_jwks_url
        self.settings = settings
        self._keys: dict[str, jose.Key] = {}
        self._fetched_at = 0.0
        self._lock = anyio.Lock()

    def lookup(self, kid: str) -> jose.Key | None:
        if time.monotonic() - self._fetched_at > self.settings.oidc_jwks_cache_seconds:
            return None
        return self._keys.get(kid)

    @property
    def may_refresh(self) -> bool:
        return time.monotonic() - self._fetched_at >= JWKS_MIN_REFRESH_SECONDS or not self._keys

    async def refresh(self) -> None:
        async with self._lock:
            try:
                document = await fetch_json(
                    self.url,
                    allowed_hosts=self.settings.outbound_allowed_hosts,
                    timeout=self.settings.outbound_timeout_seconds,
                    max_bytes=self.settings.outbound_max_bytes,
                )
            except OutboundRefused as exc:
                raise ServiceUnavailable(f"The identity provider's JWKS address is refused: {exc.detail}") from exc
            if not isinstance(document, dict) or not isinstance(document.get("keys"), list):
                raise ServiceUnavailable("The identity provider's JWKS is not a key set.")
            keys: dict[str, jose.Key] = {}
            for entry in document["keys"]:
                if not isinstance(entry, dict) or not isinstance(entry.get("kid"), str):
                    continue
                if entry.get("use", "sig") != "sig" or entry.get("alg", self.settings.oidc_algorithms[0]) not in (
                    self.settings.oidc_algorithms
                ):
                    continue
                try:
                    keys[entry["kid"]] = jose.construct_key(entry, entry.get("alg", self.settings.oidc_algorithms[0]))
                except Exception as exc:  # noqa: BLE001 - one malformed key must not hide the others
                    log.warning("jwks_key_skipped", kid=entry["kid"], error=type(exc).__name__)
            self._keys, self._fetched_at = keys, time.monotonic()


class TokenService:
    def __init__(self, settings: Settings, keyring: KeyRing) -> None:
        self.settings = settings
        self.keyring = keyring
        self.cache = jose.ClaimsCache()
        self.access_profile = jose.TokenProfile(
            name="access",
            algorithms=(ALGORITHM,),
            token_types=(ACCESS_TOKEN_TYPE,),
            issuer=settings.effective_token_issuer,
            audience=settings.token_audience,
            leeway_seconds=settings.token_leeway_seconds,
        )
        self.external_profile: jose.TokenProfile | None = None
        self.external_jwks: ExternalJwks | None = None
        if settings.oidc_issuer and settings.oidc_audience and settings.oidc_jwks_url:
            self.external_profile = jose.TokenProfile(
                name="external",
                algorithms=tuple(settings.oidc_algorithms),
                token_types=tuple(settings.oidc_token_types),
                issuer=settings.oidc_issuer,
                audience=settings.oidc_audience,
                leeway_seconds=settings.token_leeway_seconds,
            )
            self.external_jwks = ExternalJwks(settings)

    @property
    def access_lifetime_seconds(self) -> int:
        return self.settings.access_token_minutes * 60

    def issue_access_token(self, *, subject: uuid.UUID, role: Role, client_id: str) -> str:
        claims = jose.standard_claims(
            issuer=self.settings.effective_token_issuer,
            subject=str(subject),
            audience=self.settings.token_audience,
            lifetime_seconds=self.access_lifetime_seconds,
        )
        claims.update(client_id=client_id, roles=[role.value])
        key = self.keyring.active
        return jose.sign(claims, key=key.private, kid=key.kid, token_type=ACCESS_TOKEN_TYPE)

    async def authenticate(self, token: str) -> Principal | ExternalSubject:
        """Validate a bearer token (ours, or the external provider's when configured)."""
        if self.external_profile is not None and jose.unverified_issuer(token) == self.external_profile.issuer:
            claims = await self._decode_external(token)
            email = claims.get("email") if claims.get("email_verified") is True else None
            name = claims.get("name")
            return ExternalSubject(
                issuer=self.external_profile.issuer,
                subject=str(claims["sub"]),
                client_id=str(claims.get("azp") or claims.get("client_id") or ""),
                name=name if isinstance(name, str) else None,
                email=email if isinstance(email, str) else None,
            )
        cached = self.cache.get(self.access_profile, token)
        if cached is not None:
            principal: Principal = cached[1]
            return principal
        claims = await anyio.to_thread.run_sync(jose.decode, token, self.access_profile, self.keyring.verification_key)
        principal = self._principal(claims)
        self.cache.put(self.access_profile, token, claims, principal)
        return principal

    async def _decode_external(self, token: str) -> dict[str, Any]:
        assert self.external_profile is not None and self.external_jwks is not None
        profile, jwks = self.external_profile, self.external_jwks
        cached = self.cache.get(profile, token)
        if cached is not None:
            return cached[0]
        try:
            claims = await anyio.to_thread.run_sync(jose.decode, token, profile, jwks.lookup)
        except jose.UnknownKey:
            # A new signing key at the provider, or an expired cache: refresh once, at most every 30 s.
            if not jwks.may_refresh:
                raise
            await jwks.refresh()
            claims = await anyio.to_thread.run_sync(jose.decode, token, profile, jwks.lookup)
        self.cache.put(profile, token, claims)
        return claims

    @staticmethod
    def _principal(claims: dict[str, Any]) -> Principal:
        roles = claims.get("roles")
        if not isinstance(roles, list) or len(roles) != 1 or roles[0] not in ROLE_VALUES:
            raise jose.TokenRejected("The token carries no valid role.", code="invalid_claims")
        try:
            subject = uuid.UUID(str(claims["sub"]))
        except ValueError as exc:
            raise jose.TokenRejected("The token's subject is not an account.", code="invalid_claims") from exc
        return Principal(id=subject, role=Role(roles[0]), client_id=str(claims.get("client_id", "")))
