"""Erasure (`DELETE /v1/me`): nothing of the learner is left in any table but a tombstone that stops re-pushes."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import inspect, text
from sqlalchemy.ext.asyncio import AsyncConnection

from core.accounts.models import Role
from core.settings import Settings
from tests.factories import PASSWORD, Account, Institution, create_account, create_body, create_staff, onboard
from tests.wallet.test_issuing import define, issue
from tests.wallet.test_learning import ask_endorsement, create_entry, pdf_bytes, upload

NAME = "Zelophehad Quintrell"
EMAIL = "z.quintrell@example.org"
SAMPLE = "ob3-eddsa-2022.json"


@pytest.fixture
def app_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"smtp_host": None})


@pytest.fixture
async def zelophehad(client: httpx.AsyncClient) -> Account:
    return await create_account(client, email=EMAIL, display_name=NAME)


def needles(account: Account) -> list[str]:
    return [account.id, uuid.UUID(account.id).hex, EMAIL, EMAIL.lower(), NAME]


async def scan(connection: AsyncConnection, account: Account) -> list[str]:
    """Every row of every table in the database (not only the ones the models know), every column as text."""
    tables = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
    found = []
    for table in tables:
        if table == "alembic_version":
            continue
        for row in (await connection.execute(text(f'SELECT * FROM "{table}"'))).all():  # noqa: S608 - table names from the database
            for value in row:
                if value is None:
                    continue
                if isinstance(value, (bytes, memoryview)):
                    rendered = bytes(value).decode("utf-8", errors="replace")
                elif isinstance(value, uuid.UUID):
                    rendered = str(value)
                else:
                    rendered = str(value)
                found += [f"{table}: {needle}" for needle in needles(account) if needle in rendered]
    return found


async def push(
    client: httpx.AsyncClient, institution: Institution, recipient: dict[str, Any], key: str
) -> httpx.Response:
    from tests.factories import DATA

    document = (DATA / "ob3-simple.jwt").read_text().strip()
    return await client.post(
        "/v1/institutions/credentials:batch",
        json={"items": [{"recipient": recipient, "credential": document, "media_type": "application/vc+jwt"}]},
        headers=institution.headers(key),
    )


async def fill(
    client: httpx.AsyncClient, connection: AsyncConnection, admin: Account, learner: Account
) -> dict[str, Any]:
    """Data of the learner in as many tables as the API reaches."""
    from tests.factories import import_file

    credential = await import_file(client, learner, SAMPLE, "application/json")
    assert credential.status_code == 201, credential.text
    credential_id = credential.json()["id"]
    share = await client.post(
        "/v1/wallet/shares",
        json={
            "items": [{"credential_id": credential_id, "fields": ["title"]}],
            "purpose": "Job application",
            "notify_first_reveal": True,
        },
        headers=learner.headers,
    )
    assert share.status_code == 201, share.text
    token = share.json()["url"].rsplit("/", 1)[1]
    revealed = await client.post(f"/s/{token}/reveal", headers={"Accept": "application/json"})
    assert revealed.status_code == 200, revealed.text
    verified = await client.post(f"/v1/wallet/credentials/{credential_id}/verification", headers=learner.headers)
    assert verified.status_code in (200, 201)
    entry = await create_entry(client, learner)
    assert (await upload(client, learner, entry["id"], pdf_bytes(), "application/pdf")).status_code == 201
    await ask_endorsement(client, learner, entry["id"], email="claire@example.org")

    institution = await onboard(client, admin, "Buurtacademie Leiden")
    achievement = await define(client, institution)
    issued = await issue(
        client, institution, achievement["id"], [{"recipient": {"name": NAME, "email": EMAIL}, "grade": "Merit"}]
    )
    assert issued.status_code == 200, issued.text
    body_id = await create_body(connection, name="ENIC-NARIC Deutschland (ZAB)", country="DE")
    await create_staff(client, connection, email="anna@zab.example", role=Role.OFFICER, body_id=body_id)
    case = await client.post(
        "/v1/recognition/requests",
        json={
            "body_id": str(body_id),
            "purpose": "employment",
            "statement": f"I am {NAME}; please recognise my badge.",
            "items": [{"credential_id": credential_id, "fields": ["title"]}],
        },
        headers=learner.headers,
    )
    assert case.status_code == 201, case.text
    return {"token": token, "institution": institution, "credential_id": credential_id}


class TestErasure:
    async def test_nothing_is_left_but_the_tombstone(
        self, client: httpx.AsyncClient, connection: AsyncConnection, admin: Account, zelophehad: Account
    ) -> None:
        filled = await fill(client, connection, admin, zelophehad)
        assert await scan(connection, zelophehad)  # the scan does find the learner while they are there

        erased = await client.request("DELETE", "/v1/me", json={"password": PASSWORD}, headers=zelophehad.headers)
        assert erased.status_code == 204, erased.text

        assert await scan(connection, zelophehad) == []
        tombstones = (await connection.execute(text("SELECT kind FROM erasure_tombstones"))).scalars().all()
        assert sorted(tombstones) == ["email", "id"]
        landing = await client.get(f"/s/{filled['token']}", headers={"Accept": "application/json"})
        assert landing.status_code == 404
        assert (
            await client.post(f"/s/{filled['token']}/reveal", headers={"Accept": "application/json"})
        ).status_code == 404
        me = await client.get("/v1/me", headers=zelophehad.headers)  # a token issued before: refused at once
        assert me.status_code == 401 and me.json()["code"] == "account_closed"
        refreshed = await client.post(
            "/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": zelophehad.refresh_token}
        )
        assert refreshed.status_code in (400, 401)

    async def test_a_re_push_creates_nothing_and_says_why(
        self, client: httpx.AsyncClient, connection: AsyncConnection, admin: Account, zelophehad: Account
    ) -> None:
        institution = await onboard(client, admin, "Université de Lyon")
        first = await push(client, institution, {"learner_id": zelophehad.id}, "push-before-erasure-1")
        assert first.json()["items"][0]["status"] == "delivered", first.text
        erased = await client.request("DELETE", "/v1/me", json={"password": PASSWORD}, headers=zelophehad.headers)
        assert erased.status_code == 204

        before = (await connection.execute(text("SELECT count(*) FROM inbox_items"))).scalar_one()
        invitations = (await connection.execute(text("SELECT count(*) FROM inbox_invitations"))).scalar_one()
        for n, recipient in enumerate(({"learner_id": zelophehad.id}, {"email": EMAIL}, {"email": EMAIL.upper()})):
            again = await push(client, institution, recipient, f"push-after-erasure-{n}")
            assert again.status_code == 200, again.text
            item = again.json()["items"][0]
            assert item["status"] == "rejected" and item["problem"]["code"] == "learner_erased", item
        assert (await connection.execute(text("SELECT count(*) FROM inbox_items"))).scalar_one() == before
        assert (await connection.execute(text("SELECT count(*) FROM inbox_invitations"))).scalar_one() == invitations

    async def test_a_new_account_with_the_same_address_receives_again(
        self, client: httpx.AsyncClient, admin: Account, zelophehad: Account
    ) -> None:
        erased = await client.request("DELETE", "/v1/me", json={"password": PASSWORD}, headers=zelophehad.headers)
        assert erased.status_code == 204
        await create_account(client, email=EMAIL, display_name="Z")
        institution = await onboard(client, admin, "Université de Lyon")
        again = await push(client, institution, {"email": EMAIL}, "push-to-the-new-account")
        assert again.json()["items"][0]["status"] == "delivered", again.text

    async def test_wrong_or_missing_password_erases_nothing(
        self, client: httpx.AsyncClient, connection: AsyncConnection, zelophehad: Account
    ) -> None:
        for body in ({"password": "not my password"}, {}):
            refused = await client.request("DELETE", "/v1/me", json=body, headers=zelophehad.headers)
            assert refused.status_code == 403 and refused.json()["code"] == "reauthentication_failed"
        assert (await client.get("/v1/me", headers=zelophehad.headers)).status_code == 200
        assert (await connection.execute(text("SELECT count(*) FROM erasure_tombstones"))).scalar_one() == 0

    async def test_only_learners_erase_themselves_here(self, client: httpx.AsyncClient, admin: Account) -> None:
        refused = await client.request("DELETE", "/v1/me", json={"password": PASSWORD}, headers=admin.headers)
        assert refused.status_code == 401

    async def test_other_learners_keep_everything(
        self, client: httpx.AsyncClient, zelophehad: Account, other_learner: Account
    ) -> None:
        from tests.factories import import_file

        assert (await import_file(client, other_learner, SAMPLE, "application/json")).status_code == 201
        erased = await client.request("DELETE", "/v1/me", json={"password": PASSWORD}, headers=zelophehad.headers)
        assert erased.status_code == 204
        listed = await client.get("/v1/wallet/credentials", headers=other_learner.headers)
        assert len(listed.json()["items"]) == 1

    async def test_an_access_token_issued_before_the_erasure_is_refused_at_once(
        self, client: httpx.AsyncClient, connection: AsyncConnection, zelophehad: Account
    ) -> None:
        # Access tokens are checked without the database, but the account behind a user's token is looked up (a
        # read cache, emptied by the erasure's DELETE): a token issued before the erasure stops working at once,
        # for reads and writes, and nothing is stored.
        from tests.factories import import_file

        assert (await client.get("/v1/wallet/credentials", headers=zelophehad.headers)).status_code == 200
        erased = await client.request("DELETE", "/v1/me", json={"password": PASSWORD}, headers=zelophehad.headers)
        assert erased.status_code == 204
        listed = await client.get("/v1/wallet/credentials", headers=zelophehad.headers)
        assert listed.status_code == 401 and listed.json()["code"] == "account_closed", listed.text
        late = await import_file(client, zelophehad, SAMPLE, "application/json")
        assert late.status_code == 401 and late.json()["code"] == "account_closed", late.text
        assert await scan(connection, zelophehad) == []
