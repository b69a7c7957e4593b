"""One settings class, read from `PASSERELLE_*` environment variables."""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRETS = frozenset({"", "changeme", "change-me", "secret", "placeholder", "xxx"})
MIB = 1024 * 1024


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PASSERELLE_", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    data_dir: Path = Path("var")
    database_url: str | None = None
    """SQLAlchemy async URL; defaults to SQLite in `data_dir`."""
    read_database_url: str | None = None
    """Where read-only requests go (a PostgreSQL replica); defaults to `database_url`."""
    public_url: str = "http://127.0.0.1:8000"
    """Base URL the service is reached at; used as token issuer."""

    token_issuer: str | None = None
    token_audience: str = "passerelle"  # noqa: S105 - an audience name
    access_token_minutes: int = Field(default=15, ge=1, le=60)
    refresh_token_days: int = Field(default=30, ge=1, le=365)
    token_leeway_seconds: int = Field(default=30, ge=0, le=60)

    oidc_issuer: str | None = None
    oidc_audience: str | None = None
    oidc_jwks_url: str | None = None
    oidc_algorithms: list[str] = ["RS256"]
    oidc_token_types: list[str] = ["at+jwt", "JWT"]
    oidc_jwks_cache_seconds: int = Field(default=600, ge=0)

    trusted_proxies: list[str] = []
    """Addresses or networks (CIDR) of the reverse proxies in front of `passerelle serve` whose `X-Forwarded-For`
    and `X-Forwarded-Proto` are believed: the client address (per-address rate limits, the access log's network)
    is then the one the proxy saw. Empty: the TCP peer is the client, and forwarded headers are ignored."""

    outbound_allowed_hosts: list[str] = []
    """Hosts that outbound calls may reach even if they resolve to loopback or private addresses."""
    outbound_timeout_seconds: float = 5.0
    outbound_max_bytes: int = 1 * MIB
    webhook_timeout_seconds: float = Field(default=15.0, gt=0, le=60)
    """How long one webhook attempt may take, connection and answer (Standard Webhooks advises 15 to 30 s)."""
    webhook_retention_days: int = Field(default=30, ge=1)
    """Delivered webhook deliveries are deleted after this many days (dead letters stay until redelivered)."""
    reading_processes: int | None = Field(default=None, ge=0, le=32)
    """Worker processes that read large pushed batches in parallel (`wallet.inbox.reading.ReadingPool`): unset, one
    per core up to four (none on one core); 0 turns them off. With several uvicorn workers, each has its own."""

    anonymous_verifications_per_minute: int = Field(default=30, ge=1)
    """How many documents one client address may verify per minute through `POST /v1/verify`."""
    password_attempts_per_minute: int = Field(default=10, ge=1)
    """How many password grants (`POST /v1/auth/token`) may name one account (by e-mail address) per minute, right
    or wrong: guessing a learner's or an officer's password is held to this pace (429 with `Retry-After`)."""
    credential_offers_per_minute: int = Field(default=10, ge=1)
    """How many credential offers one learner may submit per minute (`POST /v1/wallet/inbox:collect`): each one
    makes the service call the issuer named in it."""
    institution_requests_per_minute: int = Field(default=6000, ge=1)
    """How many API requests one institution's clients may make per minute, together: one institution's flood is
    refused (429) before it can crowd out the others."""
    redis_url: SecretStr | None = None
    """A Redis URL (`redis://host:6379/0`) where every API instance counts rate limits, so several instances share
    one quota; unset, each process counts on its own. See docs/scaling.md."""
    redis_key_prefix: str = Field(default="passerelle", min_length=1, max_length=100)
    """Prefix of the rate-limit keys in Redis (several deployments, or test runs, can share one database)."""

    share_default_days: int = Field(default=30, ge=1)
    """How long a share link lives when the learner does not say."""
    share_max_days: int = Field(default=365, ge=1)
    invitation_days: int = Field(
        default=183, ge=1, description="How long an invitation to claim pushed credentials lasts."
    )
    """The longest a learner may make a share link live."""
    share_requests_per_minute: int = Field(default=60, ge=1)
    """How many share-page requests (`/s/…`) one client address may make per minute."""
    share_code_minutes: int = Field(default=15, ge=1, le=60)
    """How long a one-time code mailed to a share's named recipient stays valid."""

    smtp_host: str | None = None
    """Outgoing mail server; without it, mail waits in the outbox (and a warning is logged)."""
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = True
    mail_from: str = "Passerelle <no-reply@passerelle.invalid>"

    json_body_limit: int = 2 * MIB
    upload_body_limit: int = 10 * MIB
    learning_evidence_max_bytes: int = Field(default=5 * MIB, ge=1024)
    """The largest evidence file (PDF, PNG, JPEG) a learner may attach to a self-recorded learning entry; an upload
    larger than `upload_body_limit` is refused before it is read, whatever this says."""
    learning_evidence_per_entry: int = Field(default=10, ge=1, le=100)
    """How many evidence files one self-recorded learning entry may carry."""
    endorsement_link_days: int = Field(default=14, ge=1, le=90)
    """How long a one-time endorsement link stays valid."""

    erasure_secret: SecretStr | None = None
    """The HMAC key of erasure tombstones (`core.accounts.tombstones`); without it, a random key is generated once
    in the keys directory. Every instance needs the same key. Changing it makes existing tombstones unrecognisable."""

    # Retention (docs/data-lifecycle.md): what the retention loop deletes, and when.
    retention_access_log_days: int = Field(default=365, ge=1)
    """Share access-log rows (reveals, downloads, verifications) older than this are deleted."""
    retention_idempotency_days: int = Field(default=7, ge=1)
    """Idempotency records older than this are deleted: a retry with the same key later runs again (it is then
    caught by natural-key dedupe)."""
    retention_expired_share_days: int = Field(default=90, ge=1)
    """Shares this many days past their expiry or revocation are deleted with their access log (unless a recognition
    case still holds them)."""
    retention_invitation_days: int = Field(default=30, ge=1)
    """Unclaimed invitations (and the credentials waiting on them) this many days past their expiry are deleted."""
    retention_endorsement_request_days: int = Field(default=30, ge=1)
    """Endorsement requests this many days past expiry or withdrawal are deleted; used ones lose the endorser's
    e-mail address and the learner's message (the endorsement itself stays)."""
    retention_interval_seconds: float = Field(default=3600.0, gt=0)
    """How often the retention loop runs (in the worker, or in the serving process)."""

    docs_enabled: bool | None = None
    """Serve /docs, /redoc and /openapi.json; defaults to on, and off in production (ASVS 5.0 13.4.5)."""
    log_level: str = "INFO"
    log_json: bool = True
    opentelemetry: bool = False
    """FastAPI's own OpenTelemetry traces, metrics and logs, for a process where an OpenTelemetry SDK is configured.
    Off by default: the service's telemetry is its Prometheus `/metrics` and its access log, and asking whether an
    SDK is configured costs every request."""

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'passerelle.db').resolve()}"

    @property
    def effective_read_database_url(self) -> str:
        return self.read_database_url or self.effective_database_url

    @property
    def effective_token_issuer(self) -> str:
        return self.token_issuer or self.public_url.rstrip("/")

    @property
    def serve_docs(self) -> bool:
        return self.docs_enabled if self.docs_enabled is not None else self.environment != "production"

    @property
    def keys_dir(self) -> Path:
        return self.data_dir / "keys"

    @field_validator("oidc_algorithms")
    @classmethod
    def _one_asymmetric_family(cls, value: list[str]) -> list[str]:
        # RFC 8725 §3.1, §3.2: one family only, never "none", never HMAC next to public keys.
        families = {alg[:2] for alg in value}
        if not value or len(families) != 1 or families & {"HS", "no"}:
            raise ValueError("oidc_algorithms must name one asymmetric family, e.g. ['RS256'] or ['ES256']")
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _proxy_networks(cls, value: list[str]) -> list[str]:
        # Addresses or networks only: a wildcard would let any client name its own address.
        for entry in value:
            try:
                ipaddress.ip_network(entry)  # strict, as uvicorn reads it: no host bits past the prefix
            except ValueError as exc:
                raise ValueError(f"trusted_proxies: {entry!r} is not an IP address or network") from exc
        return value

    @model_validator(mode="after")
    def _oidc_complete(self) -> Settings:
        configured = [self.oidc_issuer, self.oidc_audience, self.oidc_jwks_url]
        if any(configured) and not all(configured):
            raise ValueError("external OIDC needs oidc_issuer, oidc_audience and oidc_jwks_url together")
        if self.environment == "production":
            if self.erasure_secret is not None and self.erasure_secret.get_secret_value() in PLACEHOLDER_SECRETS:
                raise ValueError("erasure_secret must not be a placeholder in production")
            if self.token_audience.lower() in PLACEHOLDER_SECRETS:
                raise ValueError("token_audience must be set in production")
            host = (urlsplit(self.public_url).hostname or "").lower()
            if host in {"localhost", ""} or host.endswith(".localhost") or _is_loopback(host):
                raise ValueError("public_url must be set to the service's public address in production")
        return self


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
