"""The read caches: fresh after every write, one query for concurrent misses, coherent across PostgreSQL instances
through NOTIFY (the share landing cache's own cases are in tests/wallet/test_sharing.py, `TestLandingReads`)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from api import cache_listener
from core.readcache import ReadCache
from tests.factories import Account, import_file
from wallet.cache import NOTIFY_CHANNEL, credential_cache
from wallet.sharing.service import landing_cache


@pytest.fixture
def credential_queries(connection: AsyncConnection) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if "FROM credentials" in statement:
            statements.append(statement)

    event.listen(connection.sync_connection, "before_cursor_execute", record)
    yield statements
    event.remove(connection.sync_connection, "before_cursor_execute", record)


class TestReadCache:
    async def test_a_repeated_read_costs_no_query(
        self, client: httpx.AsyncClient, learner: Account, credential_queries: list[str]
    ) -> None:
        credential_id = (await import_file(client, learner, "ob3-simple.jwt", "application/jwt")).json()["id"]
        credential_queries.clear()
        for _ in range(5):
            assert (
                await client.get(f"/v1/wallet/credentials/{credential_id}", headers=learner.headers)
            ).status_code == 200
        assert len(credential_queries) == 1

    async def test_reads_after_an_update_are_fresh(self, client: httpx.AsyncClient, learner: Account) -> None:
        created = await import_file(client, learner, "ob3-simple.jwt", "application/jwt")
        path = f"/v1/wallet/credentials/{created.json()['id']}"
        warm = await client.get(path, headers=learner.headers)
        patched = await client.patch(
            path, json={"label": "Renamed"}, headers={**learner.headers, "If-Match": warm.headers["ETag"]}
        )
        after = await client.get(path, headers=learner.headers)
        assert after.json()["label"] == "Renamed"
        assert after.headers["ETag"] == patched.headers["ETag"] != warm.headers["ETag"]

    async def test_reads_after_a_delete_are_404(self, client: httpx.AsyncClient, learner: Account) -> None:
        credential_id = (await import_file(client, learner, "ob3-simple.jwt", "application/jwt")).json()["id"]
        path = f"/v1/wallet/credentials/{credential_id}"
        assert (await client.get(path, headers=learner.headers)).status_code == 200
        assert (await client.delete(path, headers=learner.headers)).status_code == 204
        assert (await client.get(path, headers=learner.headers)).status_code == 404

    async def test_cache_never_answers_another_owner(
        self, client: httpx.AsyncClient, learner: Account, other_learner: Account
    ) -> None:
        credential_id = (await import_file(client, learner, "ob3-simple.jwt", "application/jwt")).json()["id"]
        path = f"/v1/wallet/credentials/{credential_id}"
        assert (await client.get(path, headers=learner.headers)).status_code == 200  # now cached
        assert (await client.get(path, headers=other_learner.headers)).status_code == 404

    async def test_concurrent_misses_share_one_query(
        self, client: httpx.AsyncClient, learner: Account, credential_queries: list[str]
    ) -> None:
        credential_id = (await import_file(client, learner, "ob3-simple.jwt", "application/jwt")).json()["id"]
        credential_cache.invalidate()
        credential_queries.clear()
        responses = await asyncio.gather(
            *[client.get(f"/v1/wallet/credentials/{credential_id}", headers=learner.headers) for _ in range(8)]
        )
        assert {r.status_code for r in responses} == {200}
        assert len(credential_queries) == 1


class TestOtherInstances:
    @pytest.mark.parametrize(
        ("cache", "channel"), [(credential_cache, NOTIFY_CHANNEL), (landing_cache, landing_cache.channel)]
    )
    async def test_a_notification_empties_the_cache(
        self, engine: AsyncEngine, cache: ReadCache[Any, Any], channel: str
    ) -> None:
        if engine.dialect.name != "postgresql":
            pytest.skip("cross-instance invalidation uses PostgreSQL LISTEN/NOTIFY; SQLite serves from one process")
        listener = asyncio.create_task(cache_listener.listen(engine))
        try:
            for _ in range(100):
                if cache.enabled:
                    break
                await asyncio.sleep(0.05)
            assert cache.enabled
            generation = cache.generation
            async with engine.connect() as connection:
                await connection.execute(text(f"NOTIFY {channel}"))
                await connection.commit()
            for _ in range(100):
                if cache.generation > generation:
                    break
                await asyncio.sleep(0.05)
            assert cache.generation > generation
        finally:
            listener.cancel()
            with pytest.raises(asyncio.CancelledError):
                await listener
        assert not cache.enabled  # without a listener, an instance does not serve from its cache
        assert not credential_cache.enabled and not landing_cache.enabled
