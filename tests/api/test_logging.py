"""Logs carry a request id and never a password or a token."""

from __future__ import annotations

import io
import json
import logging
import sys
from collections.abc import Iterator

import httpx
import pytest
import structlog

from api.logging import REDACTED, access_log, configure, redact_secrets
from tests.factories import PASSWORD, Account


@pytest.fixture
def log_lines(monkeypatch: pytest.MonkeyPatch) -> Iterator[io.StringIO]:
    buffer = io.StringIO()
    configure("DEBUG", json_output=True)
    structlog.configure(logger_factory=structlog.WriteLoggerFactory(file=buffer), cache_logger_on_first_use=False)
    access_log.stream = buffer
    yield buffer
    access_log.stream = sys.stdout
    structlog.reset_defaults()


class TestHttpLibraries:
    async def test_an_outbound_url_with_a_secret_in_its_query_is_not_logged(self) -> None:
        # httpx logs each request's full URL at INFO, past `redact_secrets`: an OpenID4VCI offer reference carries
        # its pre-authorized code in the query. Whatever the configured level, those lines are not written.
        configure("DEBUG", json_output=True)
        root = logging.getLogger()
        level = root.level
        root.setLevel(logging.DEBUG)  # what `configure` asks of `basicConfig`, which the test runner's handlers block
        records: list[logging.LogRecord] = []

        class Keep(logging.Handler):
            def emit(self, record: logging.LogRecord) -> None:
                records.append(record)

        handler = Keep()
        root.addHandler(handler)
        try:
            async with httpx.AsyncClient(transport=httpx.MockTransport(lambda _: httpx.Response(404))) as http:
                await http.get("https://issuer.example/offers/1?code=PREAUTH-s3cr3t")
        finally:
            root.removeHandler(handler)
            root.setLevel(level)
            structlog.reset_defaults()
        assert not any("s3cr3t" in record.getMessage() for record in records), [r.getMessage() for r in records]


class TestRedaction:
    def test_secret_keys_and_jwt_shapes_are_replaced(self) -> None:
        event = redact_secrets(
            None,
            "info",
            {
                "event": "x",
                "password": "hunter2",
                "nested": {"refresh_token": "abc", "ok": 1},
                "detail": "bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln seen",
            },
        )
        assert event["password"] == REDACTED
        assert event["nested"] == {"refresh_token": REDACTED, "ok": 1}
        assert "eyJ" not in event["detail"]

    async def test_a_whole_session_leaves_no_secret_in_the_logs(
        self, client: httpx.AsyncClient, learner: Account, log_lines: io.StringIO
    ) -> None:
        await client.post(
            "/v1/auth/token", data={"grant_type": "password", "username": learner.email, "password": PASSWORD}
        )
        await client.post(
            "/v1/auth/token",
            data={"grant_type": "password", "username": learner.email, "password": "wrong password here"},
        )
        await client.post(
            "/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": learner.refresh_token}
        )
        await client.get("/v1/wallet/credentials", headers=learner.headers)
        await client.get("/v1/wallet/credentials", headers={"Authorization": "Bearer eyJhbGciOi.forged.token"})
        access_log.flush()
        output = log_lines.getvalue()
        lines = [json.loads(line) for line in output.splitlines()]
        assert any(line.get("event") == "authn_login_fail" for line in lines)
        access = [line for line in lines if line.get("event") == "http_request"]
        assert len(access) >= 5  # the fixture's own sign-in may be flushed here too
        assert [line["route"] for line in access[-5:]] == ["/v1/auth/token"] * 3 + ["/v1/wallet/credentials"] * 2
        assert all(line["request_id"] for line in access)
        for secret in (PASSWORD, "wrong password here", learner.refresh_token, learner.access_token):
            assert secret not in output
