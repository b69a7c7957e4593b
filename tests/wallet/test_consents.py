"""Consent records (`/v1/wallet/consents`): one for every share, recognition request, acceptance and institution
feed; a database constraint behind each; withdrawal that takes effect on the next request."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import col

from core.clock import utcnow
from recognition.cases.models import RecognitionCase
from tests.factories import Account, Institution, create_body, onboard
from tests.recognition.test_cases import EC_SAMPLE, RELEASED, REQUESTS, Bodies, submit
from tests.recognition.test_cases import imported as imported_id
from tests.wallet.test_inbox import EDC, INBOX, OB3_JWT, item, push
from tests.wallet.test_sharing import JSON, SHARES, share, token_of
from wallet.consents.models import NOTICE_VERSION, Consent
from wallet.inbox.models import InboxItem
from wallet.sharing.models import Share

CONSENTS = "/v1/wallet/consents"
SAMPLE = ("ob3-eddsa-2022.json", "application/json")


async def consents(client: httpx.AsyncClient, account: Account, **params: Any) -> list[dict[str, Any]]:
    response = await client.get(CONSENTS, params=params, headers=account.headers)
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()["items"]
    return found


async def a_share(client: httpx.AsyncClient, learner: Account, **options: Any) -> dict[str, Any]:
    credential_id = await imported_id(client, learner, SAMPLE)
    return await share(client, learner, [{"credential_id": credential_id, "fields": ["title", "issuer"]}], **options)


@pytest.fixture
async def bodies(connection: AsyncConnection) -> Bodies:
    home = await create_body(connection, name="ENIC-NARIC Deutschland (ZAB)", country="DE", decision_days=90)
    return Bodies(home, home)


@pytest.fixture
async def leiden(client: httpx.AsyncClient, admin: Account) -> Institution:
    return await onboard(client, admin, "Universiteit Leiden")


class TestShareConsent:
    async def test_a_share_records_its_consent(self, client: httpx.AsyncClient, learner: Account) -> None:
        created = await a_share(client, learner, recipient={"email": "admissions@uni.example"})
        [consent] = await consents(client, learner)
        assert consent["kind"] == "share"
        assert consent["purpose"] == "Admission to the MSc programme"
        assert consent["counterparty_type"] == "email_recipient"
        assert consent["counterparty_id"] == "admissions@uni.example"
        assert consent["attributes"] == ["issuer", "title"]
        assert consent["notice_version"] == NOTICE_VERSION
        assert consent["actor_id"] == learner.id
        assert consent["active"] is True and consent["withdrawn_at"] is None
        assert consent["expires_at"] == created["expires_at"]
        assert consent["granted_at"].endswith(("Z", "+00:00"))

    async def test_withdrawing_refuses_the_next_reveal(self, client: httpx.AsyncClient, learner: Account) -> None:
        created = await a_share(client, learner)
        token = token_of(created)
        assert (await client.post(f"/s/{token}/reveal", headers=JSON)).status_code == 200
        [consent] = await consents(client, learner)
        withdrawn = await client.post(f"{CONSENTS}/{consent['id']}:withdraw", headers=learner.headers)
        assert withdrawn.status_code == 200, withdrawn.text
        assert withdrawn.json()["withdrawn_at"] is not None and withdrawn.json()["active"] is False
        assert withdrawn.json()["withdrawn_by"] == learner.id
        assert (await client.post(f"/s/{token}/reveal", headers=JSON)).status_code == 410
        shown = (await client.get(f"{SHARES}/{created['id']}", headers=learner.headers)).json()
        assert shown["state"] == "revoked"
        again = await client.post(f"{CONSENTS}/{consent['id']}:withdraw", headers=learner.headers)
        assert again.status_code == 200 and again.json()["withdrawn_at"] == withdrawn.json()["withdrawn_at"]

    async def test_revoking_the_share_records_the_withdrawal(self, client: httpx.AsyncClient, learner: Account) -> None:
        created = await a_share(client, learner)
        await client.post(f"{SHARES}/{created['id']}/revoke", headers=learner.headers)
        [consent] = await consents(client, learner)
        assert consent["withdrawn_at"] is not None
        assert await consents(client, learner, active="true") == []
        assert len(await consents(client, learner, active="false")) == 1

    async def test_a_share_cannot_exist_without_its_consent(
        self, connection: AsyncConnection, learner: Account
    ) -> None:
        row = {
            "id": uuid.uuid4(),
            "owner_id": uuid.UUID(learner.id),
            "token_digest": "f" * 64,
            "purpose": "no consent",
            "expires_at": utcnow(),
            "views": 0,
            "notify_first_reveal": False,
            "version": 1,
            "created_at": utcnow(),
            "updated_at": utcnow(),
        }
        with pytest.raises(IntegrityError):
            async with connection.begin_nested():
                await connection.execute(insert(Share.__table__), [row])  # type: ignore[attr-defined]
        with pytest.raises(IntegrityError):  # a consent that does not exist
            async with connection.begin_nested():
                await connection.execute(
                    insert(Share.__table__),  # type: ignore[attr-defined]
                    [{**row, "consent_id": uuid.uuid4()}],
                )

    async def test_a_consent_without_purpose_or_notice_is_refused(
        self, connection: AsyncConnection, learner: Account
    ) -> None:
        row = {
            "id": uuid.uuid4(),
            "learner_id": uuid.UUID(learner.id),
            "kind": "share",
            "purpose": "",
            "counterparty_type": "anyone_with_link",
            "counterparty_name": "Anyone with the link",
            "attributes": [],
            "notice_version": NOTICE_VERSION,
            "granted_at": utcnow(),
            "actor_id": uuid.UUID(learner.id),
            "recorded_at_migration": False,
        }
        for broken in ({"purpose": ""}, {"notice_version": ""}, {"kind": "whatever"}):
            with pytest.raises(IntegrityError):
                async with connection.begin_nested():
                    await connection.execute(insert(Consent.__table__), [{**row, "purpose": "x", **broken}])  # type: ignore[attr-defined]


class TestOwnership:
    async def test_another_learners_consent_is_not_found(
        self, client: httpx.AsyncClient, learner: Account, other_learner: Account
    ) -> None:
        await a_share(client, learner)
        [consent] = await consents(client, learner)
        assert await consents(client, other_learner) == []
        read = await client.get(f"{CONSENTS}/{consent['id']}", headers=other_learner.headers)
        assert read.status_code == 404 and read.json()["code"] == "consent_not_found"
        withdrawn = await client.post(f"{CONSENTS}/{consent['id']}:withdraw", headers=other_learner.headers)
        assert withdrawn.status_code == 404
        assert (await client.get(f"{CONSENTS}/{consent['id']}", headers=learner.headers)).json()["active"] is True

    async def test_anonymous_is_refused(self, client: httpx.AsyncClient) -> None:
        assert (await client.get(CONSENTS)).status_code == 401


class TestRecognitionRequestConsent:
    async def test_request_and_its_share_each_record_one_and_withdrawing_withdraws_the_request(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account, bodies: Bodies
    ) -> None:
        credential_id = await imported_id(client, learner, EC_SAMPLE)
        case = await submit(client, learner, bodies.home, [{"credential_id": credential_id, "fields": RELEASED}])
        found = {consent["kind"]: consent for consent in await consents(client, learner)}
        request = found["recognition_request"]
        assert request["counterparty_type"] == "recognition_body"
        assert request["counterparty_id"] == str(bodies.home)
        assert request["counterparty_name"] == "ENIC-NARIC Deutschland (ZAB)"
        assert found["share"]["counterparty_id"] == str(bodies.home)
        stored = (
            await connection.execute(
                select(col(RecognitionCase.consent_id)).where(col(RecognitionCase.id) == uuid.UUID(case["id"]))
            )
        ).scalar_one()
        assert str(stored) == request["id"]

        withdrawn = await client.post(f"{CONSENTS}/{request['id']}:withdraw", headers=learner.headers)
        assert withdrawn.status_code == 200, withdrawn.text
        after = (await client.get(f"{REQUESTS}/{case['id']}", headers=learner.headers)).json()
        assert after["status"] == "withdrawn"
        assert all(consent["withdrawn_at"] is not None for consent in await consents(client, learner))

    async def test_withdrawing_the_request_records_it(
        self, client: httpx.AsyncClient, learner: Account, bodies: Bodies
    ) -> None:
        credential_id = await imported_id(client, learner, EC_SAMPLE)
        case = await submit(client, learner, bodies.home, [{"credential_id": credential_id, "fields": RELEASED}])
        assert (await client.post(f"{REQUESTS}/{case['id']}/withdraw", headers=learner.headers)).status_code == 200
        [request] = await consents(client, learner, kind="recognition_request")
        assert request["withdrawn_at"] is not None

    async def test_a_request_cannot_exist_without_its_consent(
        self, connection: AsyncConnection, learner: Account, bodies: Bodies
    ) -> None:
        now = utcnow()
        with pytest.raises(IntegrityError):
            async with connection.begin_nested():
                await connection.execute(
                    insert(RecognitionCase.__table__),  # type: ignore[attr-defined]
                    [
                        {
                            "id": uuid.uuid4(),
                            "owner_id": uuid.UUID(learner.id),
                            "body_id": bodies.home,
                            "kind": "standard",
                            "purpose": "employment",
                            "statement": "no consent",
                            "declared": [],
                            "status": "submitted",
                            "submitted_at": now,
                            "due_at": now,
                            "version": 1,
                            "created_at": now,
                            "updated_at": now,
                        }
                    ],
                )


class TestInboxConsent:
    async def test_accepting_records_acceptance_and_feed(
        self, client: httpx.AsyncClient, connection: AsyncConnection, leiden: Institution, learner: Account
    ) -> None:
        result = (await push(client, leiden, [item(OB3_JWT, "application/jwt", learner_id=learner.id)])).json()
        item_id = result["items"][0]["item_id"]
        assert await consents(client, learner) == []  # a push alone is no consent
        assert (await client.post(f"{INBOX}/{item_id}/accept", headers=learner.headers)).status_code == 200
        found = {consent["kind"]: consent for consent in await consents(client, learner)}
        assert set(found) == {"inbox_acceptance", "institution_feed"}
        for consent in found.values():
            assert consent["counterparty_type"] == "institution"
            assert consent["counterparty_id"] == leiden.id
            assert consent["counterparty_name"] == "Universiteit Leiden"
        assert "title" in found["inbox_acceptance"]["attributes"]
        stored = (
            await connection.execute(select(col(InboxItem.consent_id)).where(col(InboxItem.id) == uuid.UUID(item_id)))
        ).scalar_one()
        assert str(stored) == found["inbox_acceptance"]["id"]
        refused = await client.post(f"{CONSENTS}/{found['inbox_acceptance']['id']}:withdraw", headers=learner.headers)
        assert refused.status_code == 409 and refused.json()["code"] == "consent_not_withdrawable"

    async def test_withdrawing_the_feed_refuses_the_next_push(
        self, client: httpx.AsyncClient, leiden: Institution, learner: Account
    ) -> None:
        result = (await push(client, leiden, [item(OB3_JWT, "application/jwt", learner_id=learner.id)])).json()
        await client.post(f"{INBOX}/{result['items'][0]['item_id']}/accept", headers=learner.headers)
        [feed] = await consents(client, learner, kind="institution_feed")
        assert (await client.post(f"{CONSENTS}/{feed['id']}:withdraw", headers=learner.headers)).status_code == 200
        again = (await push(client, leiden, [item(EDC, "application/ld+json", learner_id=learner.id)])).json()
        assert again["items"][0]["status"] == "rejected"
        assert again["items"][0]["problem"]["code"] == "learner_withdrew_consent"
        pending = (await client.get(INBOX, headers=learner.headers, params={"status": "pending"})).json()["items"]
        assert pending == []

    async def test_an_accepted_item_cannot_lack_its_consent(
        self, client: httpx.AsyncClient, connection: AsyncConnection, leiden: Institution, learner: Account
    ) -> None:
        result = (await push(client, leiden, [item(OB3_JWT, "application/jwt", learner_id=learner.id)])).json()
        item_id = uuid.UUID(result["items"][0]["item_id"])
        with pytest.raises(IntegrityError):
            async with connection.begin_nested():
                await connection.execute(
                    text("UPDATE inbox_items SET status = 'accepted' WHERE id = :id"),
                    {"id": item_id.hex if connection.dialect.name == "sqlite" else item_id},
                )
