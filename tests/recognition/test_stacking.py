"""Stacking: how micro-credentials add up against a target such as 60 ECTS at EQF 6 in a field."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncConnection

from core import i18n
from recognition.caveats import STACK_EXPLANATION
from recognition.schemas import STACK_CAVEAT
from tests.factories import Account
from tests.recognition.factories import create_credential
from wallet.summary.model import Summary

STACK = "/v1/recognition/stack"


def _micro(title: str, value: float, system: str, level: tuple[str, str], field: str | None = "0613") -> Summary:
    framework, label = level
    values: dict[str, Any] = {
        "title": title,
        "issuer": {"name": "Open University of Catalonia", "country": "ES"},
        "credits": [{"value": value, "system": system}],
        "levels": [{"framework": framework, "value": label}],
        "stackability": "integrated, stackable towards another credential",
    }
    if field:
        values["field_of_study"] = field
    return Summary.model_validate(values)


class TestStack:
    async def test_totals_what_counts_and_what_is_missing(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account
    ) -> None:
        credentials = [
            await create_credential(connection, owner_id=learner.id, summary=_micro("Python", 20, "UK", ("EQF", "6"))),
            await create_credential(
                connection, owner_id=learner.id, summary=_micro("Databases", 7.5, "hp", ("EQF", "6"))
            ),
            await create_credential(connection, owner_id=learner.id, summary=_micro("Cloud", 6, "ECTS", ("EQF", "7"))),
            await create_credential(connection, owner_id=learner.id, summary=_micro("Office", 5, "ECTS", ("EQF", "4"))),
            await create_credential(
                connection, owner_id=learner.id, summary=_micro("Ethics", 5, "ECTS", ("EQF", "6"), field="0223")
            ),
        ]
        response = await client.post(
            STACK,
            json={
                "credential_ids": [str(c) for c in credentials],
                "target": {"ects": 60, "eqf_level": 6, "field": "06"},
            },
            headers=learner.headers,
        )
        assert response.status_code == 200, response.text
        result = response.json()
        counted = {item["title"]: item["counts"] for item in result["items"]}
        assert counted == {"Python": True, "Databases": True, "Cloud": True, "Office": False, "Ethics": False}
        # 20 UK credits = 10 ECTS, 7.5 hp = 7.5 ECTS, 6 ECTS: 23.5 counted of 33.5.
        assert result["totals"] == {"ects_counted": 23.5, "ects_all": 33.5, "ects_by_eqf_level": {"6": 17.5, "7": 6.0}}
        assert result["ects_missing"] == 36.5
        assert result["met"] is False
        assert result["missing"][0] == "36.5 ECTS more at EQF 6 or above in field 06."
        office = next(item for item in result["items"] if item["title"] == "Office")
        assert office["reasons"] == ["Its level reads as EQF 4, below the target's EQF 6."]
        assert "whether they may be combined" in result["caveat"]

    async def test_levels_are_read_through_national_frameworks(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        summaries = [
            {"label": "Spanish module", "summary": _micro("A", 30, "ECTS", ("MECES", "2")).model_dump(mode="json")},
            {
                "label": "Scottish module",
                "summary": {
                    **_micro("B", 60, "SCQF", ("NQF", "9")).model_dump(mode="json"),
                    "issuer": {"name": "UHI", "country": "GB", "region": "GB-SCT"},
                },
            },
        ]
        response = await client.post(
            STACK, json={"summaries": summaries, "target": {"ects": 60, "eqf_level": 6}}, headers=learner.headers
        )
        result = response.json()
        assert [item["eqf_levels"] for item in result["items"]] == [[6], [6]]
        assert result["totals"]["ects_counted"] == 60
        assert result["met"] is True and result["missing"] == []

    async def test_an_ambiguous_level_counts_only_when_every_reading_does(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        summary = _micro("Old French diploma", 60, "ECTS", ("NQF", "I")).model_dump(mode="json")
        summary["issuer"] = {"name": "Université de Lyon", "country": "FR"}
        response = await client.post(
            STACK,
            json={"summaries": [{"summary": summary}], "target": {"ects": 60, "eqf_level": 8}},
            headers=learner.headers,
        )
        [item] = response.json()["items"]
        assert item["eqf_levels"] == [7, 8]
        assert item["counts"] is False

    async def test_another_learners_credential_is_not_found(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account, other_learner: Account
    ) -> None:
        credential_id = await create_credential(
            connection, owner_id=learner.id, summary=_micro("Python", 5, "ECTS", ("EQF", "6"))
        )
        response = await client.post(
            STACK, json={"credential_ids": [str(credential_id)], "target": {"ects": 5}}, headers=other_learner.headers
        )
        assert response.status_code == 404

    async def test_the_caveat_follows_accept_language(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account
    ) -> None:
        credential = await create_credential(
            connection, owner_id=learner.id, summary=_micro("Python", 20, "UK", ("EQF", "6"))
        )
        request = {"credential_ids": [str(credential)], "target": {"ects": 60, "eqf_level": 6}}
        english = (await client.post(STACK, json=request, headers=learner.headers)).json()
        assert english["caveat"] == STACK_CAVEAT and english["caveat_explanation"] == STACK_EXPLANATION
        spanish = await client.post(STACK, json=request, headers={**learner.headers, "Accept-Language": "es"})
        assert spanish.status_code == 200 and spanish.headers["content-language"] == "es"
        assert spanish.json()["caveat"] == i18n.gettext("es", STACK_CAVEAT) != STACK_CAVEAT
        assert spanish.json()["caveat_explanation"].startswith("Sumar los créditos")
        assert spanish.json()["totals"] == english["totals"]

    async def test_needs_something_to_stack(self, client: httpx.AsyncClient, learner: Account) -> None:
        response = await client.post(STACK, json={"target": {"ects": 60}}, headers=learner.headers)
        assert response.status_code == 422
