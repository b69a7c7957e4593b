"""Credits to ECTS: the shipped rules, institutions' own rules, and administrators' corrections."""

from __future__ import annotations

from typing import Any

import httpx

from tests.factories import Account
from tests.recognition.factories import Institution

CONVERT = "/v1/recognition/credits:convert"
RULES = "/v1/recognition/credit-rules"


async def _convert(client: httpx.AsyncClient, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    response = await client.post(CONVERT, json=body, headers=headers)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


class TestConvertCredits:
    async def test_twenty_uk_credits_are_ten_ects(self, client: httpx.AsyncClient, learner: Account) -> None:
        answer = await _convert(client, learner.headers, value=20, system="UK")
        assert answer["ects"] == 10
        assert answer["original"] == {"value": 20, "system": "UK"}
        assert answer["rule"]["formula"] == "2 UK = 1 ECTS"
        assert answer["rule"]["scope"] == "shipped"
        assert answer["rule"]["status"] == "verified"
        assert answer["rule"]["source_url"].startswith("https://")

    async def test_swedish_higher_education_credits_are_ects_one_for_one(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        answer = await _convert(client, learner.headers, value=7.5, system="hp")
        assert answer["ects"] == 7.5
        assert answer["rule"]["system"] == "SE-HP"
        assert answer["original"] == {"value": 7.5, "system": "hp"}

    async def test_scottish_points_and_old_swedish_points(self, client: httpx.AsyncClient, learner: Account) -> None:
        assert (await _convert(client, learner.headers, value=480, system="SCQF"))["ects"] == 240
        assert (await _convert(client, learner.headers, value=40, system="poäng"))["ects"] == 60

    async def test_us_semester_credits_are_a_believed_convention(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        answer = await _convert(client, learner.headers, value=15, system="US semester credits")
        assert answer["ects"] == 30
        assert answer["rule"]["status"] == "believed"
        assert answer["rule"]["basis"] == "convention"

    async def test_unknown_system_names_the_valid_ones(self, client: httpx.AsyncClient, learner: Account) -> None:
        response = await client.post(CONVERT, json={"value": 3, "system": "Bitcoin"}, headers=learner.headers)
        assert response.status_code == 422
        problem = response.json()
        assert problem["code"] == "unknown_credit_system"
        assert {"ECTS", "UK", "SCQF", "SE-HP", "US-SEMESTER"} <= set(problem["valid_values"])

    async def test_needs_a_token(self, client: httpx.AsyncClient) -> None:
        response = await client.post(CONVERT, json={"value": 20, "system": "UK"})
        assert response.status_code == 401

    async def test_refuses_a_value_that_is_not_a_positive_amount(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        for value in (0, -5, 1e9):
            response = await client.post(CONVERT, json={"value": value, "system": "UK"}, headers=learner.headers)
            assert response.status_code == 422, value


class TestInstitutionCreditRules:
    async def test_an_institution_rule_wins_for_that_institution_only(
        self, client: httpx.AsyncClient, learner: Account, institution: Institution
    ) -> None:
        created = await client.post(
            RULES,
            json={
                "system": "US-SEMESTER",
                "from_units": 1,
                "ects": 1.5,
                "reason": "Senate decision 2026/14: hours basis",
            },
            headers=institution.headers,
        )
        assert created.status_code == 201, created.text
        rule = created.json()
        assert (rule["scope"], rule["status"], rule["institution_id"]) == (
            "institution",
            "institution policy",
            str(institution.id),
        )
        own = await _convert(client, institution.headers, value=30, system="US semester credits")
        assert (own["ects"], own["rule"]["id"]) == (45, rule["id"])
        asked = await _convert(
            client, learner.headers, value=30, system="US-SEMESTER", institution_id=str(institution.id)
        )
        assert asked["ects"] == 45
        default = await _convert(client, learner.headers, value=30, system="US-SEMESTER")
        assert (default["ects"], default["rule"]["scope"]) == (60, "shipped")

    async def test_a_second_rule_for_the_same_system_conflicts(
        self, client: httpx.AsyncClient, institution: Institution
    ) -> None:
        body = {"system": "UK", "from_units": 2, "ects": 1, "reason": "Same as the convention"}
        assert (await client.post(RULES, json=body, headers=institution.headers)).status_code == 201
        again = await client.post(RULES, json=body, headers=institution.headers)
        assert again.status_code == 409
        assert again.json()["code"] == "duplicate_credit_rule"

    async def test_a_new_system_needs_a_name(self, client: httpx.AsyncClient, institution: Institution) -> None:
        body = {"system": "CA-CREDIT", "from_units": 1, "ects": 2, "reason": "Canadian partner agreement"}
        unnamed = await client.post(RULES, json=body, headers=institution.headers)
        assert unnamed.status_code == 422
        named = await client.post(RULES, json={**body, "name": "Canadian credits"}, headers=institution.headers)
        assert named.status_code == 201
        answer = await _convert(client, institution.headers, value=3, system="ca-credit")
        assert answer["ects"] == 6

    async def test_learners_cannot_write_rules(self, client: httpx.AsyncClient, learner: Account) -> None:
        body = {"system": "UK", "from_units": 1, "ects": 1, "reason": "I would like more credits"}
        response = await client.post(RULES, json=body, headers=learner.headers)
        assert response.status_code == 401
        assert response.json()["code"] == "wrong_principal"

    async def test_deleting_a_rule_restores_the_shipped_one_and_is_owner_only(
        self, client: httpx.AsyncClient, institution: Institution, other_institution: Institution
    ) -> None:
        body = {"system": "UK", "from_units": 3, "ects": 1, "reason": "Stricter local policy"}
        rule = (await client.post(RULES, json=body, headers=institution.headers)).json()
        foreign = await client.delete(f"{RULES}/{rule['id']}", headers=other_institution.headers)
        assert foreign.status_code == 404
        assert (await client.delete(f"{RULES}/{rule['id']}", headers=institution.headers)).status_code == 204
        answer = await _convert(client, institution.headers, value=20, system="UK")
        assert (answer["ects"], answer["rule"]["scope"]) == (10, "shipped")

    async def test_shipped_rules_cannot_be_deleted(
        self, client: httpx.AsyncClient, institution: Institution, admin: Account
    ) -> None:
        rules = (await client.get(RULES, headers=admin.headers)).json()
        uk = next(rule for rule in rules if rule["system"] == "UK" and rule["scope"] == "shipped")
        assert (await client.delete(f"{RULES}/{uk['id']}", headers=admin.headers)).status_code == 404

    async def test_an_administrator_writes_a_rule_for_a_named_institution(
        self, client: httpx.AsyncClient, admin: Account, institution: Institution
    ) -> None:
        body = {"system": "FI-OP", "from_units": 1, "ects": 1, "reason": "Confirmed with the partner"}
        unnamed = await client.post(RULES, json=body, headers=admin.headers)
        assert unnamed.status_code == 422
        assert unnamed.json()["code"] == "institution_required"
        created = await client.post(RULES, json={**body, "institution_id": str(institution.id)}, headers=admin.headers)
        assert created.status_code == 201
        listed = (await client.get(RULES, headers=institution.headers)).json()
        assert any(rule["id"] == created.json()["id"] for rule in listed)
