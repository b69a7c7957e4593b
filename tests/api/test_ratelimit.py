"""Rate limits (`api/ratelimit.py`): counted in process, or in Redis and then shared by every instance.

Redis is the one at `PASSERELLE_TEST_REDIS` (default redis://127.0.0.1:6379/0); each test run counts under a key
prefix of its own and deletes its keys afterwards. A missing Redis fails the run in CI (CI=true) and skips these
tests elsewhere, saying why — as a missing PostgreSQL fails the PostgreSQL pass (tests/conftest.py).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import redis
from pydantic import SecretStr
from structlog.testing import capture_logs

from api.ratelimit import FixedWindowLimiter, RateLimited, RateLimits, RedisWindowLimiter
from core.settings import Settings
from tests.live import ADMIN_EMAIL, ADMIN_PASSWORD, Deployment, deployment
from tests.servers import LOOPBACK, free_port

pytestmark = pytest.mark.database_independent

REDIS_URL = os.environ.get("PASSERELLE_TEST_REDIS", "redis://127.0.0.1:6379/0")
VERIFICATIONS_PER_MINUTE = 6
INSTITUTION_REQUESTS_PER_MINUTE = 20


@pytest.fixture(scope="module")
def redis_prefix() -> Iterator[str]:
    """A key prefix of this run's own in the test Redis; its keys are deleted afterwards."""
    connection = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1, socket_timeout=1)
    try:
        connection.ping()
    except redis.RedisError as error:
        connection.close()
        reason = f"no Redis at {REDIS_URL} ({type(error).__name__}); start one or set PASSERELLE_TEST_REDIS"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    prefix = f"passerelle-test-{secrets.token_hex(6)}"
    try:
        yield prefix
    finally:
        keys = list(connection.scan_iter(match=f"{prefix}:*", count=1000))
        if keys:
            connection.delete(*keys)
        connection.close()


def _settings(prefix: str, url: str = REDIS_URL) -> Settings:
    return Settings(environment="test", redis_url=SecretStr(url), redis_key_prefix=prefix)


class TestFixedWindowLimiter:
    async def test_refuses_past_the_limit_with_the_seconds_left(self) -> None:
        limiter = FixedWindowLimiter(limit=2, window_seconds=60)
        await limiter.hit("a")
        await limiter.hit("a")
        with pytest.raises(RateLimited) as refused:
            await limiter.hit("a")
        assert 1 <= refused.value.retry_after <= 60
        await limiter.hit("b")  # another key has its own window


class TestRedisWindowLimiter:
    async def test_two_instances_share_one_quota(self, redis_prefix: str) -> None:
        """Two limiters on two connections, as two API instances would have: together they admit `limit`."""
        first, second = RateLimits(_settings(redis_prefix)), RateLimits(_settings(redis_prefix))
        try:
            limiters = [first.limiter("unit", 5), second.limiter("unit", 5)]
            admitted, refusals = 0, []
            for attempt in range(12):
                try:
                    await limiters[attempt % 2].hit("shared-key")
                    admitted += 1
                except RateLimited as refused:
                    refusals.append(refused.retry_after)
            assert admitted == 5
            assert len(refusals) == 7
            assert all(1 <= seconds <= 60 for seconds in refusals)
        finally:
            await first.aclose()
            await second.aclose()

    async def test_the_window_closes(self, redis_prefix: str) -> None:
        limits = RateLimits(_settings(redis_prefix))
        try:
            limiter = limits.limiter("short", 1, window_seconds=0.2)
            await limiter.hit("key")
            with pytest.raises(RateLimited) as refused:
                await limiter.hit("key")
            assert refused.value.retry_after == 1  # whole seconds, never 0
            connection = redis.Redis.from_url(REDIS_URL)
            try:  # the counter expires with its window: nothing is left behind
                ttl = connection.pttl(f"{redis_prefix}:ratelimit:short:key")
                assert 0 < ttl <= 200
            finally:
                connection.close()
        finally:
            await limits.aclose()

    async def test_fails_open_to_the_in_process_window_when_redis_is_down(self) -> None:
        """Nothing listens on the port: no request is refused because of Redis, the limit still holds per instance,
        and one warning says why (not one per request)."""
        limits = RateLimits(_settings("unreachable", f"redis://{LOOPBACK}:{free_port()}/0"))
        try:
            limiter = limits.limiter("down", 3)
            assert isinstance(limiter, RedisWindowLimiter)
            with capture_logs() as logs:
                for _ in range(3):
                    await limiter.hit("key")
                with pytest.raises(RateLimited):
                    await limiter.hit("key")
            warnings = [line for line in logs if line["event"] == "rate_limit_redis_unavailable"]
            assert len(warnings) == 1
            assert warnings[0]["log_level"] == "warning"
        finally:
            await limits.aclose()

    def test_unset_url_counts_in_process(self) -> None:
        assert isinstance(RateLimits(Settings(environment="test")).limiter("any", 1), FixedWindowLimiter)


# ------------------------------------------------------------------------------------- two real API instances


@pytest.fixture(scope="module")
def two_instances(tmp_path_factory: pytest.TempPathFactory, redis_prefix: str) -> Iterator[Deployment]:
    """Two `passerelle serve` processes on one database, counting rate limits in one Redis."""
    settings = {
        "PASSERELLE_REDIS_URL": REDIS_URL,
        "PASSERELLE_REDIS_KEY_PREFIX": redis_prefix,
        "PASSERELLE_ANONYMOUS_VERIFICATIONS_PER_MINUTE": str(VERIFICATIONS_PER_MINUTE),
        "PASSERELLE_INSTITUTION_REQUESTS_PER_MINUTE": str(INSTITUTION_REQUESTS_PER_MINUTE),
    }
    with deployment(tmp_path_factory.mktemp("ratelimit"), instances=2, settings=settings) as service:
        yield service


def _token(url: str, **form: str) -> str:
    response = httpx.post(f"{url}/v1/auth/token", data=form, timeout=30)
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


def _institution(live: Deployment, name: str) -> dict[str, str]:
    """A newly onboarded institution's Authorization header."""
    url = live.urls[0]
    admin = _token(url, grant_type="password", username=ADMIN_EMAIL, password=ADMIN_PASSWORD)
    onboarded = httpx.post(
        f"{url}/v1/admin/institutions", json={"name": name}, headers={"Authorization": f"Bearer {admin}"}, timeout=30
    )
    assert onboarded.status_code == 201, onboarded.text
    client = onboarded.json()
    token = _token(
        url, grant_type="client_credentials", client_id=client["client_id"], client_secret=client["client_secret"]
    )
    return {"Authorization": f"Bearer {token}"}


def _assert_refused(response: httpx.Response) -> None:
    assert response.status_code == 429, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert 1 <= int(response.headers["Retry-After"]) <= 60


class TestSharedAcrossInstances:
    def test_per_address_limit_is_shared(self, two_instances: Deployment) -> None:
        """Anonymous verification, limited per client address: requests alternating between the two instances
        spend one quota, then both answer 429 with Retry-After."""
        document = (Path(__file__).parent.parent / "data" / "ob3-simple.json").read_bytes()
        responses = [
            httpx.post(
                f"{two_instances.urls[attempt % 2]}/v1/verify",
                content=document,
                headers={"Content-Type": "application/ld+json"},
                timeout=60,
            )
            for attempt in range(2 * VERIFICATIONS_PER_MINUTE)
        ]
        admitted = responses[:VERIFICATIONS_PER_MINUTE]
        assert all(response.status_code == 200 for response in admitted), [r.status_code for r in admitted]
        for response in responses[VERIFICATIONS_PER_MINUTE:]:
            _assert_refused(response)

    def test_per_principal_limit_is_shared(self, two_instances: Deployment) -> None:
        headers = _institution(two_instances, "Shared Quota College")
        statuses = [
            httpx.get(f"{two_instances.urls[attempt % 2]}/v1/institutions/events", headers=headers, timeout=30)
            for attempt in range(INSTITUTION_REQUESTS_PER_MINUTE + 6)
        ]
        assert [response.status_code for response in statuses[:INSTITUTION_REQUESTS_PER_MINUTE]] == [200] * (
            INSTITUTION_REQUESTS_PER_MINUTE
        )
        for response in statuses[INSTITUTION_REQUESTS_PER_MINUTE:]:
            _assert_refused(response)

    def test_one_institution_flooding_does_not_slow_another(self, two_instances: Deployment) -> None:
        """While one institution floods both instances (five times its quota, eight requests at a time), another
        institution's calls within its own quota all succeed."""
        flooding = _institution(two_instances, "Flooding Academy")
        steady = _institution(two_instances, "Steady University")
        flood_size, steady_size = 5 * INSTITUTION_REQUESTS_PER_MINUTE, INSTITUTION_REQUESTS_PER_MINUTE - 2

        def call(attempt: int, headers: dict[str, str]) -> int:
            url = two_instances.urls[attempt % 2]
            return httpx.get(f"{url}/v1/institutions/events", headers=headers, timeout=30).status_code

        with ThreadPoolExecutor(max_workers=8) as pool:
            # Interleaved: the steady institution's calls are queued among the flood's, not after it.
            jobs = [(attempt, flooding) for attempt in range(flood_size)]
            for index in range(steady_size):
                jobs.insert(index * 5 + 2, (index, steady))
            futures = [(headers is steady, pool.submit(call, attempt, headers)) for attempt, headers in jobs]
            results = [(is_steady, future.result()) for is_steady, future in futures]

        steady_statuses = [status for is_steady, status in results if is_steady]
        flood_statuses = [status for is_steady, status in results if not is_steady]
        assert steady_statuses == [200] * steady_size  # a 100 % success rate
        assert flood_statuses.count(200) == INSTITUTION_REQUESTS_PER_MINUTE
        assert flood_statuses.count(429) == flood_size - INSTITUTION_REQUESTS_PER_MINUTE
