"""Sign-up and the OAuth2 token endpoint."""

from __future__ import annotations

import base64

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncConnection

from core import passwords
from core.accounts.models import Role
from tests.factories import PASSWORD, Account, create_institution_client, create_staff, login


class TestSignUp:
    async def test_creates_a_learner(self, client: httpx.AsyncClient) -> None:
        response = await client.post(
            "/v1/auth/signup", json={"email": "Olena@Example.ORG", "password": PASSWORD, "display_name": " Olena "}
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["email"] == "Olena@example.org"
        assert body["display_name"] == "Olena"
        assert body["role"] == "learner"
        assert "password" not in response.text and "hash" not in response.text

    async def test_same_email_twice_is_409(self, client: httpx.AsyncClient, learner: Account) -> None:
        response = await client.post(
            "/v1/auth/signup", json={"email": learner.email, "password": PASSWORD, "display_name": "Again"}
        )
        assert response.status_code == 409
        assert response.json()["code"] == "email_taken"

    @pytest.mark.parametrize(
        "body",
        [
            {"email": "a@example.org", "password": "short", "display_name": "A"},
            {"email": "not-an-email", "password": PASSWORD, "display_name": "A"},
            {"email": "a@example.org", "password": PASSWORD, "display_name": ""},
            {"email": "a@example.org", "password": PASSWORD, "display_name": "A", "role": "admin"},
            {"email": "a@example.org", "password": PASSWORD + "\u0000", "display_name": "A"},
            {"email": "a@example.org", "password": PASSWORD},
        ],
    )
    async def test_invalid_bodies_are_422_and_create_nothing(
        self, client: httpx.AsyncClient, body: dict[str, str]
    ) -> None:
        response = await client.post("/v1/auth/signup", json=body)
        assert response.status_code == 422, response.text
        assert response.headers["content-type"] == "application/problem+json"
        token = await client.post(
            "/v1/auth/token", data={"grant_type": "password", "username": "a@example.org", "password": PASSWORD}
        )
        assert token.status_code == 400


class TestPasswordGrant:
    async def test_wrong_password_and_unknown_account_look_the_same(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        wrong = await client.post(
            "/v1/auth/token", data={"grant_type": "password", "username": learner.email, "password": "wrong password!!"}
        )
        unknown = await client.post(
            "/v1/auth/token", data={"grant_type": "password", "username": "nobody@example.org", "password": PASSWORD}
        )
        assert wrong.status_code == unknown.status_code == 400
        assert wrong.json()["error"] == unknown.json()["error"] == "invalid_grant"
        assert wrong.json()["detail"] == unknown.json()["detail"]

    async def test_one_account_is_guessed_at_ten_attempts_a_minute_at_most(
        self, client: httpx.AsyncClient, learner: Account, other_learner: Account
    ) -> None:
        # Right or wrong, from any address: the eleventh grant naming the account within the minute is 429, even
        # with the right password (the address spelled in another case, too); another account is not held up.
        for attempt in range(9):  # the fixture's own sign-in was the first
            wrong = await client.post(
                "/v1/auth/token",
                data={"grant_type": "password", "username": learner.email, "password": f"guess number {attempt}"},
            )
            assert wrong.status_code == 400, wrong.text
        held = await client.post(
            "/v1/auth/token",
            data={"grant_type": "password", "username": learner.email.upper(), "password": PASSWORD},
        )
        assert held.status_code == 429 and held.json()["code"] == "too_many_requests"
        assert 0 < int(held.headers["Retry-After"]) <= 60
        other = await client.post(
            "/v1/auth/token", data={"grant_type": "password", "username": other_learner.email, "password": PASSWORD}
        )
        assert other.status_code == 200, other.text

    async def test_unknown_account_costs_a_full_argon2_verification(
        self, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        calls: list[str] = []
        real = passwords._hasher

        class CountingHasher:
            def verify(self, stored: str, password: str) -> bool:
                calls.append(stored)
                return real.verify(stored, password)

        monkeypatch.setattr(passwords, "_hasher", CountingHasher())
        response = await client.post(
            "/v1/auth/token", data={"grant_type": "password", "username": "nobody@example.org", "password": PASSWORD}
        )
        assert response.status_code == 400
        assert len(calls) == 1
        assert calls[0].startswith("$argon2id$")

    async def test_missing_fields_are_invalid_request(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/v1/auth/token", data={"grant_type": "password", "username": "a@b.org"})
        assert response.status_code == 422
        assert response.json()["code"] == "invalid_request"

    async def test_unsupported_grant_type(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/v1/auth/token", data={"grant_type": "implicit"})
        assert response.status_code == 422

    async def test_json_body_is_refused(self, client: httpx.AsyncClient, learner: Account) -> None:
        response = await client.post(
            "/v1/auth/token", json={"grant_type": "password", "username": learner.email, "password": PASSWORD}
        )
        assert response.status_code == 422


class TestRefreshGrant:
    async def test_rotation_and_reuse_detection(self, client: httpx.AsyncClient, learner: Account) -> None:
        first = learner.refresh_token
        rotated = await client.post("/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": first})
        assert rotated.status_code == 200, rotated.text
        second = rotated.json()["refresh_token"]
        assert second and second != first
        assert (
            await client.get("/v1/me", headers={"Authorization": f"Bearer {rotated.json()['access_token']}"})
        ).json()["id"] == learner.id

        # Presenting the used token again means it leaked: the whole family ends, including the newest token.
        reuse = await client.post("/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": first})
        assert reuse.status_code == 400
        assert reuse.json()["error"] == "invalid_grant"
        after = await client.post("/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": second})
        assert after.status_code == 400

    async def test_other_sessions_survive_a_reuse(self, client: httpx.AsyncClient, learner: Account) -> None:
        other_session = await login(client, email=learner.email)
        await client.post(
            "/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": learner.refresh_token}
        )
        await client.post(
            "/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": learner.refresh_token}
        )
        still = await client.post(
            "/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": other_session["refresh_token"]}
        )
        assert still.status_code == 200

    async def test_unknown_refresh_token(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": "x" * 43})
        assert response.status_code == 400
        assert response.json()["error"] == "invalid_grant"


class TestClientCredentialsGrant:
    async def test_form_and_basic_authentication(self, client: httpx.AsyncClient, connection: AsyncConnection) -> None:
        client_id, secret = await create_institution_client(connection)
        form = await client.post(
            "/v1/auth/token", data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret}
        )
        assert form.status_code == 200, form.text
        assert form.json()["refresh_token"] is None
        basic = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
        header = await client.post(
            "/v1/auth/token", data={"grant_type": "client_credentials"}, headers={"Authorization": f"Basic {basic}"}
        )
        assert header.status_code == 200, header.text

    async def test_wrong_secret_is_invalid_client(self, client: httpx.AsyncClient, connection: AsyncConnection) -> None:
        client_id, _ = await create_institution_client(connection)
        response = await client.post(
            "/v1/auth/token",
            data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": "guess"},
        )
        assert response.status_code == 401
        assert response.json()["error"] == "invalid_client"
        assert response.headers["WWW-Authenticate"].startswith("Basic")


class TestAdminClients:
    async def test_admin_creates_a_client_that_can_authenticate(
        self, client: httpx.AsyncClient, connection: AsyncConnection
    ) -> None:
        admin = await create_staff(client, connection, email="root@example.org", role=Role.ADMIN)
        created = await client.post("/v1/admin/clients", json={"name": "Vilnius University SIS"}, headers=admin.headers)
        assert created.status_code == 201, created.text
        body = created.json()
        token = await client.post(
            "/v1/auth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": body["client_id"],
                "client_secret": body["client_secret"],
            },
        )
        assert token.status_code == 200

    async def test_learners_and_officers_cannot(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account
    ) -> None:
        officer = await create_staff(client, connection, email="officer@example.org", role=Role.OFFICER)
        for account in (learner, officer):
            response = await client.post("/v1/admin/clients", json={"name": "x"}, headers=account.headers)
            assert response.status_code == 401
            assert response.json()["code"] == "wrong_principal"


class TestMe:
    async def test_returns_the_account(self, client: httpx.AsyncClient, learner: Account) -> None:
        response = await client.get("/v1/me", headers=learner.headers)
        assert response.status_code == 200
        assert response.json()["email"] == learner.email
