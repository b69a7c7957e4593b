"""No two-class system: a micro-credential from an NGO and one from a university with the same data get the same
recognition packet and the same advisor assessment. Provider kind is recorded (statistics) and never read by the
packet (`recognition.packet`) or the advisor (`recognition.cases.advisor`)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncConnection

from core.accounts.models import Role
from tests.factories import Account, Institution, create_body, create_staff, onboard
from tests.recognition.test_cases import CASES, submit
from tests.wallet.test_inbox import INBOX
from tests.wallet.test_issuing import define, issue

RELEASED = ["title", "issuer", "issued_on", "levels", "credits", "field_of_study", "learning_outcomes"]


def without_provider(value: Any, provider_values: set[str]) -> Any:
    """The value with what names the provider (its id, name, its credential's id) blanked: all that may differ."""
    if isinstance(value, dict):
        return {key: without_provider(item, provider_values) for key, item in value.items()}
    if isinstance(value, list):
        return [without_provider(item, provider_values) for item in value]
    if isinstance(value, str) and any(provider in value for provider in provider_values):
        return "<provider>"
    return value


async def issued_and_accepted(client: httpx.AsyncClient, provider: Institution, learner: Account) -> str:
    achievement = await define(client, provider)
    response = await issue(
        client, provider, achievement["id"], [{"recipient": {"name": "Amira Haddad", "email": learner.email}}]
    )
    assert response.status_code == 200, response.text
    item_id = response.json()["items"][0]["inbox_item_ids"][0]
    accepted = await client.post(f"{INBOX}/{item_id}/accept", headers=learner.headers)
    assert accepted.status_code == 200, accepted.text
    credential_id: str = accepted.json()["credential_id"]
    return credential_id


@pytest.fixture
async def ngo(client: httpx.AsyncClient, admin: Account) -> Institution:
    return await onboard(client, admin, "Stichting Buurtleren", kind="ngo", erasmus_code=None, pic=None)


@pytest.fixture
async def university(client: httpx.AsyncClient, admin: Account) -> Institution:
    return await onboard(client, admin, "Universiteit Leiden", kind="university")


class TestNoTwoClassSystem:
    async def test_same_packet_and_same_advice_whatever_the_provider_kind(
        self,
        client: httpx.AsyncClient,
        connection: AsyncConnection,
        ngo: Institution,
        university: Institution,
        learner: Account,
    ) -> None:
        from_ngo = await issued_and_accepted(client, ngo, learner)
        from_university = await issued_and_accepted(client, university, learner)
        providers = {
            ngo.id,
            university.id,
            "Stichting Buurtleren",
            "Universiteit Leiden",
            from_ngo,
            from_university,
        }

        packets = []
        for credential_id in (from_ngo, from_university):
            response = await client.get(f"/v1/wallet/credentials/{credential_id}/recognition", headers=learner.headers)
            assert response.status_code == 200, response.text
            packets.append(without_provider(response.json(), providers))
        assert packets[0] == packets[1]
        assert packets[0]["levels"] and packets[0]["completeness"]  # the comparison compared something

        body_id = await create_body(connection, name="Nuffic (ENIC-NARIC Nederland)", country="NL")
        officer = await create_staff(
            client, connection, email="officer@nuffic.example", role=Role.OFFICER, body_id=body_id
        )
        advice = []
        for credential_id in (from_ngo, from_university):
            case = await submit(client, learner, body_id, [{"credential_id": credential_id, "fields": RELEASED}])
            response = await client.get(f"{CASES}/{case['id']}/advice", headers=officer.headers)
            assert response.status_code == 200, response.text
            found = without_provider(response.json(), providers | {case["id"]})
            found.pop("generated_at", None)
            advice.append(found)
        assert advice[0] == advice[1]
        assert len(advice[0]["elements"]) == 5  # quality, level, workload, profile, learning outcomes
        assert uuid.UUID(ngo.id) != uuid.UUID(university.id)
