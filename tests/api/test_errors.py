"""Every error is an RFC 9457 problem; hostile input is refused before it reaches a route."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import cast

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from api.app import create_app
from core.settings import Settings
from tests.factories import PASSWORD, Account

PROBLEM_MEMBERS = {"type", "title", "status", "detail", "instance", "code"}


def assert_problem(response: httpx.Response, status: int, code: str | None = None) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, object] = response.json()
    assert body.keys() >= PROBLEM_MEMBERS
    assert body["status"] == status
    assert body["type"] == f"/problems/{body['code']}"
    if code:
        assert body["code"] == code
    return body


class TestProblemResponses:
    async def test_unknown_route_404(self, client: httpx.AsyncClient) -> None:
        assert_problem(await client.get("/v1/nothing-here"), 404, "not_found")

    async def test_wrong_method_405(self, client: httpx.AsyncClient) -> None:
        response = await client.put("/healthz")
        assert_problem(response, 405, "method_not_allowed")
        assert "GET" in response.headers["allow"]

    async def test_wrong_media_type_on_json_route(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/v1/auth/signup", content=b"<a/>", headers={"Content-Type": "application/xml"})
        assert_problem(response, 415, "unsupported_media_type")

    async def test_body_over_the_json_limit_413(self, client: httpx.AsyncClient) -> None:
        body = b'{"email": "' + b"a" * (2 * 1024 * 1024) + b'"}'
        assert_problem(
            await client.post("/v1/auth/signup", content=body, headers={"Content-Type": "application/json"}),
            413,
            "content_too_large",
        )

    async def test_chunked_body_over_the_limit_413(self, client: httpx.AsyncClient) -> None:
        async def chunks() -> AsyncIterator[bytes]:
            for _ in range(40):
                yield b" " * 65536

        response = await client.post("/v1/auth/signup", content=chunks(), headers={"Content-Type": "application/json"})
        assert_problem(response, 413)

    async def test_request_id_is_echoed(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/v1/nothing", headers={"X-Request-ID": "trace-42"})
        assert response.headers["X-Request-ID"] == "trace-42"
        assert response.json()["request_id"] == "trace-42"


HOSTILE_JSON = {
    "nul_in_string": b'{"email": "a@example.org", "password": "aaaaaaaaaaaa\\u0000", "display_name": "A"}',
    "lone_surrogate": b'{"email": "a@example.org", "password": "correct horse battery", "display_name": "\\ud800"}',
    "duplicate_key": b'{"email": "a@example.org", "email": "b@example.org", "password": "correct horse battery", '
    b'"display_name": "A"}',
    "nan": b'{"email": "a@example.org", "password": "correct horse battery", "display_name": "A", "x": NaN}',
    "infinity": b'{"email": "a@example.org", "password": "correct horse battery", "display_name": Infinity}',
    "too_deep": b'{"display_name": ' + b"[" * 65 + b"]" * 65 + b"}",
    "very_deep": b"[" * 100000 + b"]" * 100000,
    "invalid_utf8": b'{"display_name": "\xff\xfe"}',
    "trailing_garbage": b'{"a": 1} {"b": 2}',
}


class TestHostileInput:
    @pytest.mark.parametrize("case", sorted(HOSTILE_JSON))
    async def test_refused_with_422_and_nothing_created(self, client: httpx.AsyncClient, case: str) -> None:
        response = await client.post(
            "/v1/auth/signup", content=HOSTILE_JSON[case], headers={"Content-Type": "application/json"}
        )
        assert_problem(response, 422)
        login = await client.post(
            "/v1/auth/token",
            data={"grant_type": "password", "username": "a@example.org", "password": "correct horse battery"},
        )
        assert login.status_code == 400

    async def test_nul_in_query_string(self, client: httpx.AsyncClient, learner: Account) -> None:
        response = await client.get("/v1/wallet/credentials", params={"tag": "a\x00b"}, headers=learner.headers)
        assert_problem(response, 422)

    async def test_nul_in_form_field(self, client: httpx.AsyncClient) -> None:
        response = await client.post(
            "/v1/auth/token", data={"grant_type": "password", "username": "a\x00@b.org", "password": PASSWORD}
        )
        assert_problem(response, 422)

    async def test_hostile_json_credential_upload(self, client: httpx.AsyncClient, learner: Account) -> None:
        document = b'{"type": ["VerifiableCredential"], "issuer": "did:example:1", "name": "\\u0000"}'
        response = await client.post(
            "/v1/wallet/credentials",
            content=document,
            headers={**learner.headers, "Content-Type": "application/ld+json"},
        )
        assert_problem(response, 422, "invalid_json_string")


class TestUnexpectedErrors:
    @pytest.fixture
    async def failing_client(self, settings: Settings, connection: AsyncConnection) -> AsyncIterator[httpx.AsyncClient]:
        app = create_app(settings, bind=connection)

        async def explode() -> None:
            raise RuntimeError("secret internal detail /srv/passerelle/db.py line 42")

        app.add_api_route("/explode", explode)
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app, raise_app_exceptions=False), base_url="http://test"
            ) as http,
        ):
            yield http

    async def test_500_is_a_problem_without_internals(self, failing_client: httpx.AsyncClient) -> None:
        response = await failing_client.get("/explode")
        body = assert_problem(response, 500, "internal_error")
        assert "secret internal detail" not in response.text
        assert "Traceback" not in response.text
        assert body["request_id"] == response.headers["X-Request-ID"]


class DriverError(Exception):
    """A DB-API error as SQLAlchemy's asyncpg adapter raises it: the server's SQLSTATE in `sqlstate`. SQLAlchemy
    wraps it in a generic `DBAPIError`, not an `OperationalError`."""

    def __init__(self, sqlstate: str) -> None:
        super().__init__(f"SQLSTATE {sqlstate}")
        self.sqlstate = sqlstate


def driver_error(sqlstate: str, *, connection_invalidated: bool = False) -> DBAPIError:
    return cast(
        DBAPIError,
        DBAPIError.instance(
            "SELECT 1", {}, DriverError(sqlstate), DriverError, connection_invalidated=connection_invalidated
        ),
    )


class TestDatabaseErrors:
    @pytest.fixture
    async def database_client(
        self, settings: Settings, connection: AsyncConnection
    ) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
        app = create_app(settings, bind=connection)
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app, raise_app_exceptions=False), base_url="http://test"
            ) as http,
        ):
            yield app, http

    @pytest.mark.parametrize(
        "error",
        [
            # What pushes met while PostgreSQL was killed (`pg_ctl stop -m immediate`) and restarted
            # (bench/push_crash.py): asyncpg's CannotConnectNowError while it starts up, ConnectionDoesNotExistError
            # for a connection cut mid-query, AdminShutdownError and CrashShutdownError from the shutdown itself.
            driver_error("57P03"),
            driver_error("08003"),
            driver_error("57P01"),
            driver_error("57P02"),
            # Whatever the SQLSTATE, SQLAlchemy found the connection dead.
            driver_error("XX000", connection_invalidated=True),
        ],
        ids=["cannot_connect_now", "connection_does_not_exist", "admin_shutdown", "crash_shutdown", "invalidated"],
    )
    async def test_a_lost_database_is_503_to_retry(
        self, database_client: tuple[FastAPI, httpx.AsyncClient], error: DBAPIError
    ) -> None:
        app, client = database_client

        async def lose_the_database() -> None:
            raise error

        app.add_api_route("/lost", lose_the_database)
        response = await client.get("/lost")
        assert_problem(response, 503, "service_unavailable")
        assert response.headers["Retry-After"] == "2"

    async def test_a_refused_query_is_still_a_500(self, database_client: tuple[FastAPI, httpx.AsyncClient]) -> None:
        app, client = database_client

        async def overflow() -> None:
            raise driver_error("22003")  # numeric_value_out_of_range: a bug, not the database going away

        app.add_api_route("/overflow", overflow)
        assert_problem(await client.get("/overflow"), 500, "internal_error")
