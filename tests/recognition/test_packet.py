"""The recognition packet of a wallet credential: levels through the frameworks data, ECTS with the rule used,
ISCED-F field, quality assurance, Annex I completeness — for its owner only."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncConnection

from core import i18n
from recognition.caveats import LEVEL_EXPLANATION
from recognition.schemas import CAVEAT
from tests.factories import Account
from tests.recognition.factories import create_credential, trust_issuer
from wallet.summary.model import Summary

ISSUER = "https://www.tudublin.example.ie"


def _irish_degree(**changes: Any) -> Summary:
    values: dict[str, Any] = {
        "title": "Bachelor of Science (Honours) in Computing",
        "learner": {"name": "Aoife Byrne"},
        "issuer": {"id": ISSUER, "name": "Technological University Dublin", "country": "IE"},
        "issued_on": "2025-11-05",
        "credits": [{"value": 240, "system": "ECTS"}],
        "levels": [{"framework": "NQF", "value": "8"}],
        "field_of_study": "0613",
        "quality_assurance": {"type": "Institutional review", "body": "QQI"},
    }
    return Summary.model_validate({**values, **changes})


async def _packet(client: httpx.AsyncClient, account: Account, credential_id: uuid.UUID) -> dict[str, Any]:
    response = await client.get(f"/v1/wallet/credentials/{credential_id}/recognition", headers=account.headers)
    assert response.status_code == 200, response.text
    packet: dict[str, Any] = response.json()
    return packet


class TestRecognitionPacket:
    async def test_reads_the_national_level_through_the_eqf(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account
    ) -> None:
        credential_id = await create_credential(connection, owner_id=learner.id, summary=_irish_degree())
        packet = await _packet(client, learner, credential_id)
        [reading] = packet["levels"]["eqf"]
        assert reading == {
            "eqf_level": 6,
            "basis": "national framework",
            "relation": "comparable level",
            "framework": "IE-NFQ",
            "level": "8",
            "source_url": reading["source_url"],
            "as_of": "2026-11-23",
            "status": "verified",
        }
        assert packet["levels"]["qf_ehea_cycles"] == ["first"]
        assert packet["levels"]["national"][0]["matches"][0]["examples"][0] == "Honours Bachelor Degree"
        assert packet["caveat"] == CAVEAT

    async def test_converts_credits_and_keeps_the_original(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account
    ) -> None:
        summary = _irish_degree(
            credits=[{"value": 20, "system": "UK", "hours": 200}, {"value": 3, "system": "mystery"}]
        )
        packet = await _packet(
            client, learner, await create_credential(connection, owner_id=learner.id, summary=summary)
        )
        uk, unknown = packet["workload"]
        assert (uk["original"], uk["hours"], uk["ects"], uk["rule"]["formula"]) == (
            {"value": 20, "system": "UK"},
            200,
            10,
            "2 UK = 1 ECTS",
        )
        assert unknown["ects"] is None and "mystery" in unknown["note"]
        assert packet["total_ects"] == 10

    async def test_names_the_isced_field(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account
    ) -> None:
        packet = await _packet(
            client, learner, await create_credential(connection, owner_id=learner.id, summary=_irish_degree())
        )
        field = packet["field_of_study"]
        assert field["code"] == "0613"
        assert field["name"] == "Information and Communication Technologies (ICTs)"
        assert field["broad"] == "06 Information and Communication Technologies (ICTs)"

    async def test_quality_assurance_from_the_trust_registry(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account
    ) -> None:
        credential_id = await create_credential(connection, owner_id=learner.id, summary=_irish_degree())
        stated = await _packet(client, learner, credential_id)
        assert stated["quality_assurance"]["state"] == "stated_by_issuer"
        await trust_issuer(
            connection,
            issuer_id=ISSUER,
            accreditation={"agency": "QQI", "report": "https://www.deqar.eu/reports/example", "status": "obligatory"},
        )
        registered = await _packet(client, learner, credential_id)
        assert registered["quality_assurance"]["state"] == "accreditation_in_registry"
        assert registered["quality_assurance"]["registry"]["agency"] == "QQI"
        assert registered["quality_assurance"]["stated"]["body"] == "QQI"

    async def test_a_stated_eqf_level_that_disagrees_is_shown_beside_the_national_one(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account
    ) -> None:
        summary = _irish_degree(levels=[{"framework": "EQF", "value": "7"}, {"framework": "NQF", "value": "8"}])
        packet = await _packet(
            client, learner, await create_credential(connection, owner_id=learner.id, summary=summary)
        )
        assert sorted((r["basis"], r["eqf_level"]) for r in packet["levels"]["eqf"]) == [
            ("national framework", 6),
            ("stated", 7),
        ]
        assert any("differs" in note for note in packet["levels"]["notes"])

    async def test_a_scottish_level_read_in_its_own_framework(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account
    ) -> None:
        summary = _irish_degree(
            issuer={"name": "Edinburgh College", "country": "GB", "region": "GB-SCT"},
            levels=[{"framework": "SCQF", "value": "8"}],
            title="Higher National Diploma in Engineering",
        )
        packet = await _packet(
            client, learner, await create_credential(connection, owner_id=learner.id, summary=summary)
        )
        assert [(r["framework"], r["eqf_level"]) for r in packet["levels"]["eqf"]] == [("GB-SCT-SCQF", 5)]
        assert packet["levels"]["qf_ehea_cycles"] == ["short"]

    async def test_carries_annex_i_completeness(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account
    ) -> None:
        credential_id = await create_credential(
            connection, owner_id=learner.id, summary=_irish_degree(), signature="passed"
        )
        completeness = (await _packet(client, learner, credential_id))["completeness"]
        assert completeness["verification"]["state"] == "signature_passed"
        missing = {row["element"] for row in completeness["mandatory"] if row["state"] == "missing"}
        assert missing == {"learning_outcomes", "assessment_type", "participation"}

    async def test_the_caveat_is_explained_in_the_learners_accept_language(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account
    ) -> None:
        credential_id = await create_credential(connection, owner_id=learner.id, summary=_irish_degree())
        assert (await _packet(client, learner, credential_id))["caveat_explanation"] == LEVEL_EXPLANATION
        response = await client.get(
            f"/v1/wallet/credentials/{credential_id}/recognition",
            headers={**learner.headers, "Accept-Language": "it"},
        )
        assert response.status_code == 200 and response.headers["content-language"] == "it"
        assert response.json()["caveat"] == i18n.gettext("it", CAVEAT) != CAVEAT
        assert response.json()["caveat_explanation"] == i18n.gettext("it", LEVEL_EXPLANATION) != LEVEL_EXPLANATION

    async def test_another_learners_credential_is_not_found(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account, other_learner: Account
    ) -> None:
        credential_id = await create_credential(connection, owner_id=learner.id, summary=_irish_degree())
        response = await client.get(
            f"/v1/wallet/credentials/{credential_id}/recognition", headers=other_learner.headers
        )
        assert response.status_code == 404
        assert response.json()["code"] == "credential_not_found"

    async def test_the_share_packet_is_built_from_the_released_summary(self, client: httpx.AsyncClient) -> None:
        build = client.app.state.passerelle.recognition_packet  # type: ignore[attr-defined]
        packet = build(_irish_degree(credits=[{"value": 7.5, "system": "hp"}]))
        assert packet["credential_id"] is None
        assert packet["levels"]["eqf"][0]["eqf_level"] == 6
        assert packet["workload"][0]["ects"] == 7.5
        assert packet["completeness"]["verification"]["state"] == "not_applicable"
