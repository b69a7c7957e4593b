"""Security logging (issue 10; test plan item 28; ASVS 5.0 16.3, OWASP Logging Vocabulary).

Every refused authentication or authorization is one structured JSON event with a stable name and a reason code —
`authn_token_invalid` (bearer tokens, missing ones included), `authn_login_fail` (passwords), `authn_client_fail`
(client secrets and assertions), `authz_fail` (a role or body that may not) — carrying a UTC timestamp and the
request id, and never the secret that failed. Then 1,000 distinct secrets go through real requests and none of
them appears in any log line.
"""

from __future__ import annotations

import io
import json
import secrets
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import structlog
from sqlalchemy.ext.asyncio import AsyncConnection

from api.logging import access_log, configure
from core.accounts.models import Role
from core.settings import Settings
from tests.factories import Account, create_body, create_staff, import_file, onboard
from tests.tokens import access_claims, service_private_key, sign_es256

WALLET = "/v1/wallet/credentials"
TOKEN = "/v1/auth/token"


@pytest.fixture
def app_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"share_requests_per_minute": 100_000, "anonymous_verifications_per_minute": 2})


@pytest.fixture
def log_stream() -> Iterator[io.StringIO]:
    """Every log line of the test — structlog's and the access log — as JSON lines in one buffer."""
    buffer = io.StringIO()
    configure("DEBUG", json_output=True)
    structlog.configure(logger_factory=structlog.WriteLoggerFactory(file=buffer), cache_logger_on_first_use=False)
    access_log.stream = buffer
    yield buffer
    access_log.flush()
    access_log.stream = sys.stdout
    structlog.reset_defaults()


def _lines(stream: io.StringIO) -> list[dict[str, Any]]:
    access_log.flush()
    lines: list[dict[str, Any]] = [json.loads(line) for line in stream.getvalue().splitlines()]
    return lines


def _security_events(stream: io.StringIO) -> list[dict[str, Any]]:
    return [line for line in _lines(stream) if line["event"].startswith(("authn_", "authz_", "malicious_", "excess_"))]


def _one_event(stream: io.StringIO, event: str, **expected: Any) -> dict[str, Any]:
    """The single security event a refused request wrote; clears the buffer for the next request."""
    found = [line for line in _security_events(stream) if line["event"] == event]
    stream.seek(0)
    stream.truncate()
    assert len(found) == 1, found
    (line,) = found
    for key, value in expected.items():
        assert line.get(key) == value, (key, line)
    assert line["level"] == "warning"
    assert line["timestamp"].endswith("Z") and line["request_id"]
    return line


async def _forged(settings: Settings, subject: str, **overrides: Any) -> str:
    kid, pem = service_private_key(settings.data_dir)
    return sign_es256(access_claims(subject, **overrides), pem, {"kid": kid, "typ": "at+jwt"})


class TestRefusals:
    async def test_every_share_link_miss_is_malicious_excess_404_without_the_token(
        self, client: httpx.AsyncClient, log_stream: io.StringIO
    ) -> None:
        log_stream.seek(0)
        log_stream.truncate()
        for _ in range(3):
            guessed = secrets.token_urlsafe(32)
            response = await client.get(f"/s/{guessed}", headers={"Accept": "application/json"})
            assert response.status_code == 404
            line = _one_event(log_stream, "malicious_excess_404", reason="share_not_found", route="/s/{token}")
            assert guessed not in json.dumps(line) and line["network"] == "127.0.0.0/24"

    async def test_every_429_is_excess_rate_limit_exceeded(
        self, client: httpx.AsyncClient, log_stream: io.StringIO
    ) -> None:
        statuses = []
        for _ in range(4):  # two a minute allowed here
            log_stream.seek(0)
            log_stream.truncate()
            answer = await client.post("/v1/verify", content=b"{}", headers={"Content-Type": "application/json"})
            statuses.append(answer.status_code)
        assert statuses[-1] == 429
        _one_event(log_stream, "excess_rate_limit_exceeded", reason="too_many_requests", route="/v1/verify")


class TestAuthenticationFailures:
    async def test_bearer_token_refusals_are_authn_token_invalid_with_a_reason(
        self, client: httpx.AsyncClient, learner: Account, log_stream: io.StringIO, settings: Settings
    ) -> None:
        _lines(log_stream)
        log_stream.seek(0)
        log_stream.truncate()
        expired = await _forged(settings, learner.id, exp=int(time.time()) - 3600, iat=int(time.time()) - 7200)
        wrong_audience = await _forged(settings, learner.id, aud="someone-else")
        cases = [
            ({}, "token_missing"),
            ({"Authorization": "Basic YWxhZGRpbjpvcGVuc2VzYW1l"}, "malformed_authorization"),
            ({"Authorization": "Bearer not-a-jwt"}, "malformed_token"),
            ({"Authorization": f"Bearer {learner.access_token[:-4]}AAAA"}, "invalid_signature"),
            ({"Authorization": f"Bearer {expired}"}, "token_expired"),
            ({"Authorization": f"Bearer {wrong_audience}"}, "invalid_claims"),
        ]
        for headers, reason in cases:
            response = await client.get(WALLET, headers=headers)
            assert response.status_code == 401
            line = _one_event(log_stream, "authn_token_invalid", reason=reason, route=WALLET)
            assert "Bearer" not in json.dumps(line)

    async def test_a_wrong_password_is_authn_login_fail(
        self, client: httpx.AsyncClient, learner: Account, log_stream: io.StringIO
    ) -> None:
        log_stream.seek(0)
        log_stream.truncate()
        response = await client.post(
            TOKEN, data={"grant_type": "password", "username": learner.email, "password": "not the password"}
        )
        assert response.status_code == 400
        line = _one_event(log_stream, "authn_login_fail", reason="bad_credentials")
        assert "not the password" not in json.dumps(line) and learner.email not in json.dumps(line)

    async def test_an_unknown_refresh_token_is_authn_token_invalid(
        self, client: httpx.AsyncClient, log_stream: io.StringIO
    ) -> None:
        response = await client.post(TOKEN, data={"grant_type": "refresh_token", "refresh_token": "x" * 43})
        assert response.status_code == 400
        _one_event(log_stream, "authn_token_invalid", reason="refresh_token_unknown_or_expired")

    async def test_client_authentication_failures_are_authn_client_fail(
        self, client: httpx.AsyncClient, admin: Account, log_stream: io.StringIO
    ) -> None:
        created = await client.post(
            "/v1/admin/institutions", json={"name": "Universiteit Leiden", "country": "NL"}, headers=admin.headers
        )
        client_id = created.json()["client_id"]
        log_stream.seek(0)
        log_stream.truncate()
        cases: list[tuple[dict[str, str], dict[str, str], str]] = [
            ({"client_id": client_id, "client_secret": "wrong-secret"}, {}, "bad_credentials"),
            ({}, {}, "missing"),
            ({}, {"Authorization": "Basic %%%"}, "malformed_basic"),
            ({"client_assertion_type": "urn:other", "client_assertion": "x.y.z"}, {}, "assertion_type"),
            (
                {
                    "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                    "client_assertion": "not.a.jwt",
                },
                {},
                "issuer_mismatch",
            ),
        ]
        for form, headers, reason in cases:
            response = await client.post(TOKEN, data={"grant_type": "client_credentials", **form}, headers=headers)
            assert response.status_code == 401, response.text
            line = _one_event(log_stream, "authn_client_fail", reason=reason)
            assert "wrong-secret" not in json.dumps(line)


class TestAuthorizationFailures:
    async def test_a_token_of_the_wrong_role_is_authz_fail(
        self, client: httpx.AsyncClient, learner: Account, log_stream: io.StringIO
    ) -> None:
        log_stream.seek(0)
        log_stream.truncate()
        response = await client.get("/v1/admin/trust", headers=learner.headers)
        assert response.status_code == 401
        assert response.json()["code"] == "wrong_principal"
        _one_event(
            log_stream, "authz_fail", reason="wrong_role", role="learner", user_id=learner.id, route="/v1/admin/trust"
        )
        assert not [line for line in _security_events(log_stream) if line["event"] == "authn_token_invalid"]

    async def test_a_domain_refusal_is_authz_fail_with_the_user(
        self, client: httpx.AsyncClient, connection: AsyncConnection, log_stream: io.StringIO
    ) -> None:
        officer = await create_staff(client, connection, email="officer@example.org", role=Role.OFFICER)
        other_body = await create_body(connection, name="NARIC Italia", country="IT")
        log_stream.seek(0)
        log_stream.truncate()
        response = await client.post(
            f"/v1/bodies/{other_body}/qualifications",
            json={"title": "Laurea magistrale", "country": "IT", "eqf_level": 7},
            headers=officer.headers,
        )
        assert response.status_code == 403, response.text
        _one_event(
            log_stream,
            "authz_fail",
            reason="other_body",
            user_id=officer.id,
            role="officer",
            route="/v1/bodies/{body_id}/qualifications",
            method="POST",
        )


# --- 1,000 seeded secrets -------------------------------------------------------------------------------------------


def _secret(prefix: str = "") -> str:
    return prefix + secrets.token_urlsafe(24)


async def _seed_link_tokens(client: httpx.AsyncClient, owner: Account, seed: Callable[[str], str]) -> None:
    """Share-link tokens (real links created, opened and revealed, and unknown ones), invitation codes and
    endorsement-link tokens as a guesser would send them."""
    imported = await import_file(client, owner, "ob3-simple.json", "application/ld+json")
    credential_id = imported.json()["id"]
    for _ in range(40):
        created_share = await client.post(
            "/v1/wallet/shares",
            json={"items": [{"credential_id": credential_id, "fields": ["title"]}], "purpose": "Admission"},
            headers=owner.headers,
        )
        assert created_share.status_code == 201, created_share.text
        token = seed(created_share.json()["url"].rsplit("/", 1)[1])
        assert (await client.get(f"/s/{token}")).status_code == 200
        assert (await client.post(f"/s/{token}/reveal")).status_code == 200
    for _ in range(150):
        assert (await client.get(f"/s/{seed(_secret())}")).status_code == 404
    # Addresses under /s/ that no share route takes: logged as `unmatched` (or the route's template), never raw.
    for shape in ("/s/{}/nope", "/s/{}%00", "/s/{}/", "/s/x%2F{}"):
        assert (await client.get(shape.format(seed(_secret())))).status_code == 404
    assert (await client.post(f"/s/{seed(_secret())}")).status_code == 404
    for _ in range(50):
        response = await client.post("/v1/wallet/inbox:claim", json={"code": seed(_secret())}, headers=owner.headers)
        assert response.status_code < 500
    for _ in range(50):
        assert (await client.get(f"/v1/endorsements/{seed(_secret())}")).status_code < 500


class TestNoSecretInAnyLogLine:
    async def test_a_thousand_seeded_secrets_never_reach_the_logs(
        self,
        client: httpx.AsyncClient,
        connection: AsyncConnection,
        admin: Account,
        log_stream: io.StringIO,
        settings: Settings,
    ) -> None:
        seeded: list[str] = []

        def seed(value: str) -> str:
            seeded.append(value)
            return value

        # Passwords: accounts created with them, sign-ins and failed sign-ins (argon2 costs: a few of each).
        learners: list[Account] = []
        for index in range(4):
            email, password = f"learner{index}@example.org", seed(_secret("pw-"))
            signed_up = await client.post(
                "/v1/auth/signup", json={"email": email, "password": password, "display_name": f"Learner {index}"}
            )
            assert signed_up.status_code == 201, signed_up.text
            tokens = (
                await client.post(TOKEN, data={"grant_type": "password", "username": email, "password": password})
            ).json()
            learners.append(
                Account(signed_up.json()["id"], email, seed(tokens["access_token"]), seed(tokens["refresh_token"]))
            )
            wrong = await client.post(
                TOKEN, data={"grant_type": "password", "username": email, "password": seed(_secret("pw-"))}
            )
            assert wrong.status_code == 400
        owner = learners[0]
        # Refresh tokens: rotated (the new ones are secrets too) and unknown ones.
        for account in learners:
            rotated = await client.post(
                TOKEN, data={"grant_type": "refresh_token", "refresh_token": account.refresh_token}
            )
            seed(rotated.json()["access_token"])
            seed(rotated.json()["refresh_token"])
        for _ in range(200):
            response = await client.post(TOKEN, data={"grant_type": "refresh_token", "refresh_token": seed(_secret())})
            assert response.status_code == 400
        # Bearer tokens: forged, expired, garbage.
        for index in range(150):
            forged = await _forged(settings, owner.id, jti=seed(_secret("jti-")), exp=int(time.time()) - index - 100)
            response = await client.get(WALLET, headers={"Authorization": f"Bearer {seed(forged)}"})
            assert response.status_code == 401
        for _ in range(200):
            response = await client.get(WALLET, headers={"Authorization": f"Bearer {seed(_secret('eyJ'))}"})
            assert response.status_code == 401
        # Client secrets: a real client, its real secret used, wrong ones in the form and in Basic authentication.
        institution = await onboard(client, admin, "Universiteit Leiden")
        seed(institution.token)
        created = await client.post(
            "/v1/admin/institutions", json={"name": "Universidade de Lisboa", "country": "PT"}, headers=admin.headers
        )
        client_id, client_secret = created.json()["client_id"], seed(created.json()["client_secret"])
        issued = await client.post(
            TOKEN, data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": client_secret}
        )
        seed(issued.json()["access_token"])
        for index in range(120):
            wrong_secret = seed(_secret("cs-"))
            if index % 2:
                response = await client.post(
                    TOKEN,
                    data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": wrong_secret},
                )
            else:
                response = await client.post(
                    TOKEN, data={"grant_type": "client_credentials"}, auth=(client_id, wrong_secret)
                )
            assert response.status_code == 401
        for _ in range(30):
            assertion = f"eyJhbGciOiJFUzI1NiJ9.{seed(_secret())}.{_secret()}"
            response = await client.post(
                TOKEN,
                data={
                    "grant_type": "client_credentials",
                    "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                    "client_assertion": assertion,
                },
            )
            assert response.status_code == 401
        await _seed_link_tokens(client, owner, seed)
        assert len(set(seeded)) >= 1000, len(set(seeded))
        access_log.flush()
        output = log_stream.getvalue()
        lines = output.splitlines()
        assert len(lines) >= 1000  # the requests were logged: the grep below searched something
        for line in lines:
            json.loads(line)  # one JSON object per line, whatever the input held
        leaked = [value for value in set(seeded) if value in output]
        assert leaked == [], f"{len(leaked)} seeded secrets found in the logs, e.g. {leaked[0][:12]}…"
