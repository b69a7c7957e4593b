"""Annex I completeness: present, missing, or present but unverifiable — and never called recognition."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncConnection

from recognition.completeness import assess, verification_basis
from recognition.schemas import COMPLETENESS_STATEMENT
from tests.factories import DATA, Account, import_file
from tests.recognition.factories import create_credential
from wallet.formats import detect
from wallet.summary import summarise
from wallet.summary.model import ANNEX_I_MANDATORY, Summary

COMPLETENESS = "/v1/recognition/completeness"
EC_SAMPLE = "edc-ec-mc-annex1-unsigned.jsonld"
EC_SAMPLE_SEALED = "edc-ec-mc-annex1-signed.jsonld"


def _ec_sample_summary() -> Summary:
    content = (DATA / EC_SAMPLE).read_bytes()
    return summarise(detect(content, "application/ld+json"), content).summary


def _states(body: dict[str, Any]) -> dict[str, str]:
    return {row["element"]: row["state"] for row in (*body["mandatory"], *body["optional"])}


def _micro_credential() -> Summary:
    return Summary.model_validate(
        {
            "title": "Data literacy for public servants",
            "learner": {"name": "Ada Lovelace"},
            "issuer": {"id": "https://uni.example.ie", "name": "University of Zed", "country": "IE"},
            "issued_on": "2026-06-30",
            "learning_outcomes": [{"text": "Reads a statistical table critically."}],
            "credits": [{"value": 5, "system": "ECTS"}],
            "levels": [{"framework": "EQF", "value": "6"}],
            "assessment_type": "Written examination",
            "participation": "online",
            "quality_assurance": {"type": "Internal QA, externally reviewed", "body": "QQI"},
            "grade": {"value": "B"},
        }
    )


class TestAnnexICompleteness:
    def test_the_commission_sample_states_every_mandatory_element_but_quality_assurance(self) -> None:
        """The issue expects all 11; the Commission's Annex I sample (ELM repository) carries no `accreditation` or
        other quality-assurance statement anywhere in the document, so element 11 is honestly reported missing."""
        summary = _ec_sample_summary()
        result = assess(summary, verification_basis(None, supplied=True), credential_id=None)
        missing = [row.element for row in result.mandatory if row.state == "missing"]
        assert missing == ["quality_assurance"]
        assert result.mandatory_unverifiable == 10

    async def test_a_summary_given_inline_is_present_but_unverifiable(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        summary = _ec_sample_summary().model_dump(mode="json", exclude_none=True)
        response = await client.post(COMPLETENESS, json={"summary": summary}, headers=learner.headers)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["basis"] == "summary"
        assert body["verification"]["state"] == "not_applicable"
        assert [row["element"] for row in body["mandatory"]] == list(ANNEX_I_MANDATORY)
        assert _states(body)["learning_outcomes"] == "present_unverifiable"
        assert _states(body)["quality_assurance"] == "missing"
        assert body["statement"] == COMPLETENESS_STATEMENT
        assert "not a validation or a recognition" in body["statement"]

    async def test_a_credential_with_a_passed_signature_is_present(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account
    ) -> None:
        credential_id = await create_credential(
            connection, owner_id=learner.id, summary=_micro_credential(), signature="passed"
        )
        response = await client.post(COMPLETENESS, json={"credential_id": str(credential_id)}, headers=learner.headers)
        body = response.json()
        assert body["verification"]["state"] == "signature_passed"
        assert body["all_mandatory_present"] is True
        assert body["mandatory_present"] == 11
        assert _states(body)["grade"] == "present"
        assert _states(body)["stackability"] == "missing"

    async def test_a_failed_or_missing_verification_makes_elements_unverifiable(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account
    ) -> None:
        failed = await create_credential(
            connection, owner_id=learner.id, summary=_micro_credential(), signature="failed"
        )
        never = await create_credential(connection, owner_id=learner.id, summary=_micro_credential())
        for credential_id, state in ((failed, "signature_not_passed"), (never, "not_verified")):
            response = await client.post(
                COMPLETENESS, json={"credential_id": str(credential_id)}, headers=learner.headers
            )
            body = response.json()
            assert body["verification"]["state"] == state
            assert body["mandatory_present"] == 0
            assert body["mandatory_unverifiable"] == 11

    async def test_an_imported_sealed_credential_after_verification(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        imported = await import_file(client, learner, EC_SAMPLE_SEALED, "application/jose+json")
        assert imported.status_code == 201, imported.text
        credential_id = imported.json()["id"]
        before = (
            await client.post(COMPLETENESS, json={"credential_id": credential_id}, headers=learner.headers)
        ).json()
        assert before["verification"]["state"] == "not_verified"
        verified = await client.post(f"/v1/wallet/credentials/{credential_id}/verification", headers=learner.headers)
        assert verified.status_code == 201, verified.text
        signature = next(check for check in verified.json()["checks"] if check["check"] == "signature")
        after = (await client.post(COMPLETENESS, json={"credential_id": credential_id}, headers=learner.headers)).json()
        expected = "signature_passed" if signature["outcome"] == "passed" else "signature_not_passed"
        assert after["verification"]["state"] == expected
        assert after["mandatory_missing"] == before["mandatory_missing"]

    async def test_another_learners_credential_is_not_found(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account, other_learner: Account
    ) -> None:
        credential_id = await create_credential(connection, owner_id=learner.id, summary=_micro_credential())
        response = await client.post(
            COMPLETENESS, json={"credential_id": str(credential_id)}, headers=other_learner.headers
        )
        assert response.status_code == 404
        assert response.json()["code"] == "credential_not_found"

    async def test_one_of_credential_or_summary(self, client: httpx.AsyncClient, learner: Account) -> None:
        assert (await client.post(COMPLETENESS, json={}, headers=learner.headers)).status_code == 422
        assert (await client.post(COMPLETENESS, json={"summary": {}})).status_code == 401
