"""Health, readiness, metrics, and what every response carries."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from api.app import SchemaNotMigrated, create_app
from core.database import create_engine
from core.settings import Settings
from tests.factories import Account


class TestHealth:
    async def test_alive_and_ready(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/healthz")).json()["status"] == "ok"
        ready = await client.get("/readyz")
        assert ready.status_code == 200
        assert ready.json()["status"] == "ok"

    @pytest.fixture
    async def unmigrated_client(self, settings: Settings, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
        engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}")
        app = create_app(settings.model_copy(update={"data_dir": tmp_path}), bind=engine)
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http,
        ):
            yield http
        await engine.dispose()

    async def test_not_ready_when_schema_is_behind(self, unmigrated_client: httpx.AsyncClient) -> None:
        response = await unmigrated_client.get("/readyz")
        assert response.status_code == 503
        assert "schema" in response.json()["detail"]
        assert (await unmigrated_client.get("/healthz")).status_code == 200

    async def test_service_refuses_to_start_on_an_unmigrated_database(self, tmp_path: Path) -> None:
        app = create_app(Settings(data_dir=tmp_path, database_url=f"sqlite+aiosqlite:///{tmp_path / 'new.db'}"))
        with pytest.raises(SchemaNotMigrated):
            async with app.router.lifespan_context(app):
                pass


class TestMetrics:
    async def test_counts_requests_by_route_template(self, client: httpx.AsyncClient, learner: Account) -> None:
        await client.get("/v1/wallet/credentials/0190b5a0-0000-7000-8000-000000000000", headers=learner.headers)
        text = (await client.get("/metrics")).text
        assert (
            'passerelle_http_requests_total{method="GET",route="/v1/wallet/credentials/{credential_id}",'
            'status="404"} 1.0' in text
        )
        assert "0190b5a0" not in text


class TestResponseHeaders:
    async def test_personal_data_is_not_cached_or_framed(self, client: httpx.AsyncClient, learner: Account) -> None:
        response = await client.get("/v1/wallet/credentials", headers=learner.headers)
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
        assert response.headers["Referrer-Policy"] == "no-referrer"

    async def test_public_keys_may_be_cached(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/.well-known/jwks.json")
        assert response.headers["Cache-Control"] == "public, max-age=300"
        assert all(key["alg"] == "ES256" and "d" not in key for key in response.json()["keys"])
