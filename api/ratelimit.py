"""Rate limits: a fixed window per key, counted in process memory or, when `PASSERELLE_REDIS_URL` is set, in Redis so
that every API instance counts against the same quota.

A key's window opens at its first request and lasts `window_seconds`; a request past `limit` inside it raises
`RateLimited` with the whole seconds until the window closes (→ 429 with `Retry-After`, `api/errors.py`).

Redis counts with one Lua script per request — INCR, PEXPIRE when the key is new, PTTL — which Redis runs atomically:
two instances cannot both take the last place, and a key never outlives its window (no counter left without an
expiry if a client dies between commands, as a non-atomic INCR-then-EXPIRE could leave).

If Redis cannot be reached the limiter fails open to its own in-process window for `FAILOVER_SECONDS` and logs
`rate_limit_redis_unavailable` once per failover: limits then hold per instance rather than not at all, a request is
never refused because Redis is down, and a dead Redis costs one short timeout per failover, not one per request.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Iterable
from typing import Protocol

import structlog
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, APIRouter
from redis import asyncio as aioredis
from redis.exceptions import RedisError

from api.deps import BearerPrincipal
from core.accounts.models import Role
from core.errors import TooManyRequests
from core.settings import Settings

log = structlog.get_logger("passerelle.ratelimit")

FAILOVER_SECONDS = 5.0
"""After a Redis failure, how long each limiter counts in process before it tries Redis again."""
REDIS_TIMEOUT_SECONDS = 0.25
"""Connecting to Redis and each command: a rate-limit check must never hold a request up for long."""

# KEYS[1]: the window's counter; ARGV[1]: the window in milliseconds. Returns {count, milliseconds left}.
HIT_SCRIPT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  left = tonumber(ARGV[1])
end
return {count, left}
"""


class RateLimited(TooManyRequests):
    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after=retry_after)
        self.retry_after = retry_after


class Limiter(Protocol):
    limit: int

    async def hit(self, key: str) -> None:
        """Count one request for `key`, or raise `RateLimited` with the seconds until the window resets."""


class FixedWindowLimiter:
    """Counts in this process (the embedded default, and the Redis limiter's fallback)."""

    def __init__(self, limit: int, window_seconds: float, max_keys: int = 100_000) -> None:
        self.limit = limit
        self.window = window_seconds
        self.max_keys = max_keys
        self._counts: OrderedDict[str, tuple[float, int]] = OrderedDict()

    async def hit(self, key: str) -> None:
        self.hit_now(key)

    def hit_now(self, key: str) -> None:
        now = time.monotonic()
        started, count = self._counts.get(key, (now, 0))
        if now - started >= self.window:
            started, count = now, 0
        if count >= self.limit:
            raise RateLimited(max(1, math.ceil(self.window - (now - started))))
        self._counts[key] = (started, count + 1)
        self._counts.move_to_end(key)
        while len(self._counts) > self.max_keys:
            self._counts.popitem(last=False)


class RedisWindowLimiter:
    """Counts in Redis under `{prefix}:ratelimit:{name}:{key}`, shared by every instance using the same database."""

    def __init__(self, redis: aioredis.Redis, *, prefix: str, name: str, limit: int, window_seconds: float) -> None:
        self.limit = limit
        self.window_ms = max(1, round(window_seconds * 1000))
        self._key_prefix = f"{prefix}:ratelimit:{name}:"
        self._script = redis.register_script(HIT_SCRIPT)
        self._fallback = FixedWindowLimiter(limit, window_seconds)
        self._redis_again_at = 0.0

    async def hit(self, key: str) -> None:
        if time.monotonic() < self._redis_again_at:
            self._fallback.hit_now(key)
            return
        try:
            count, left_ms = await self._script(keys=[self._key_prefix + key], args=[self.window_ms])
        except (RedisError, OSError) as error:
            self._redis_again_at = time.monotonic() + FAILOVER_SECONDS
            log.warning(
                "rate_limit_redis_unavailable",
                limiter=self._key_prefix.rstrip(":"),
                error=type(error).__name__,
                retry_in_seconds=FAILOVER_SECONDS,
            )
            self._fallback.hit_now(key)
            return
        if int(count) > self.limit:
            raise RateLimited(max(1, math.ceil(int(left_ms) / 1000)))


class RateLimits:
    """Builds the application's limiters: in Redis when `settings.redis_url` is set, else in process."""

    def __init__(self, settings: Settings) -> None:
        self.prefix = settings.redis_key_prefix
        self.redis: aioredis.Redis | None = None
        if settings.redis_url is not None:
            self.redis = aioredis.Redis.from_url(
                settings.redis_url.get_secret_value(),
                socket_timeout=REDIS_TIMEOUT_SECONDS,
                socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
            )

    def limiter(self, name: str, limit: int, window_seconds: float = 60.0) -> Limiter:
        if self.redis is None:
            return FixedWindowLimiter(limit, window_seconds)
        return RedisWindowLimiter(self.redis, prefix=self.prefix, name=name, limit=limit, window_seconds=window_seconds)

    async def aclose(self) -> None:
        if self.redis is not None:
            await self.redis.aclose()


def install_rate_limits(app: FastAPI, settings: Settings) -> None:
    """The application's limiters on `app.state`: per client address for anonymous verification and share pages,
    per account for password grants, per principal for collected offers and for institutions' calls (the
    endorsement pages' limiter is added by the learning router's lifespan)."""
    app.state.rate_limits = limits = RateLimits(settings)
    app.state.verify_limiter = limits.limiter("verify", settings.anonymous_verifications_per_minute)
    app.state.share_limiter = limits.limiter("share", settings.share_requests_per_minute)
    app.state.collect_limiter = limits.limiter("collect", settings.credential_offers_per_minute)
    app.state.login_limiter = limits.limiter("login", settings.password_attempts_per_minute)
    app.state.institution_limiter = limits.limiter("institution", settings.institution_requests_per_minute)


RATE_LIMITED_RESPONSE = {
    "description": "Too Many Requests: the caller's quota for this minute is spent.",
    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
    "headers": {"Retry-After": {"description": "Seconds until the limit resets.", "schema": {"type": "integer"}}},
}


def _admits_institutions(dependant: Dependant) -> bool:
    for dependency in dependant.dependencies:
        call = dependency.call
        if isinstance(call, BearerPrincipal) and (not call.roles or Role.INSTITUTION in call.roles):
            return True
        if _admits_institutions(dependency):
            return True
    return False


def document_institution_limit(routers: Iterable[APIRouter]) -> None:
    """Document 429 with `Retry-After` on every operation an institution's token may call (`BearerPrincipal`
    counts those calls against `institution_requests_per_minute`). Call it before the routers are included: an
    application copies each route's responses when it first resolves its included routes. Idempotent."""
    for router in routers:
        for route in router.routes:
            if isinstance(route, APIRoute) and _admits_institutions(route.dependant):
                route.responses.setdefault(429, RATE_LIMITED_RESPONSE)
