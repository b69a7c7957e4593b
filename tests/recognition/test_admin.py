"""Administrators' corrections of the frameworks data: audited, and served from the moment they commit."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import col

from core.database import create_sessionmaker
from recognition.catalogue import CatalogueHolder, load_catalogue
from recognition.models import RecognitionChange
from tests.factories import Account
from tests.recognition.factories import Institution

COMPARE = "/v1/recognition/compare"


async def _level(client: httpx.AsyncClient, framework: str, label: str) -> dict[str, Any]:
    levels = (await client.get(f"/v1/recognition/frameworks/{framework}/levels")).json()["levels"]
    level: dict[str, Any] = next(row for row in levels if row["label"] == label)
    return level


class TestLevelCorrection:
    async def test_writes_an_audit_row_and_is_answered_at_once(
        self, client: httpx.AsyncClient, connection: AsyncConnection, admin: Account
    ) -> None:
        level = await _level(client, "IE-NFQ", "8")
        before = await client.get(COMPARE, params={"country": "IE", "level": "8", "target_country": "DE"})
        assert before.json()["source"]["level"]["examples"] == ["Honours Bachelor Degree", "Higher Diploma"]
        response = await client.patch(
            f"/v1/admin/recognition/levels/{level['id']}",
            json={"examples": ["Honours Bachelor Degree"], "status": "partly verified", "reason": "Checked with QQI"},
            headers=admin.headers,
        )
        assert response.status_code == 200, response.text
        assert response.json()["examples"] == ["Honours Bachelor Degree"]
        after = await client.get(COMPARE, params={"country": "IE", "level": "8", "target_country": "DE"})
        assert after.json()["source"]["level"]["examples"] == ["Honours Bachelor Degree"]
        assert after.json()["source"]["level"]["status"] == "partly verified"
        async with create_sessionmaker(connection)() as session:
            audit = (
                (
                    await session.execute(
                        select(RecognitionChange)
                        .where(col(RecognitionChange.entity_id) == uuid.UUID(level["id"]))
                        .order_by(col(RecognitionChange.id))
                    )
                )
                .scalars()
                .all()
            )
        change = audit[-1]
        assert (change.actor_role, change.action, change.entity_key, change.reason) == (
            "admin",
            "update",
            "IE-NFQ 8",
            "Checked with QQI",
        )
        assert str(change.actor_id) == admin.id
        assert change.old_values == {"examples": ["Honours Bachelor Degree", "Higher Diploma"], "status": "verified"}
        assert change.new_values == {"examples": ["Honours Bachelor Degree"], "status": "partly verified"}

    async def test_a_changed_eqf_level_changes_the_comparison(self, client: httpx.AsyncClient, admin: Account) -> None:
        level = await _level(client, "NLQF", "4")
        response = await client.patch(
            f"/v1/admin/recognition/levels/{level['id']}",
            json={
                "eqf_levels": [5, 4],
                "decided_by": "The MBO 4 qualification's own referencing (mboraad.nl).",
                "reason": "Test: MBO 4 at EQF 5 on evidence",
            },
            headers=admin.headers,
        )
        assert response.status_code == 200, response.text
        body = (await client.get(COMPARE, params={"country": "NL", "level": "4", "target_country": "DE"})).json()
        assert body["outcome"] == "ambiguous"
        assert [reading["eqf_level"] for reading in body["readings"]] == [4, 5]

    async def test_several_eqf_levels_need_what_decides(self, client: httpx.AsyncClient, admin: Account) -> None:
        level = await _level(client, "DE-DQR", "6")
        response = await client.patch(
            f"/v1/admin/recognition/levels/{level['id']}",
            json={"eqf_levels": [6, 7], "reason": "An incomplete correction"},
            headers=admin.headers,
        )
        assert response.status_code == 422
        assert response.json()["code"] == "invalid_correction"
        unchanged = (await client.get(COMPARE, params={"country": "DE", "level": "6"})).json()
        assert unchanged["source"]["level"]["eqf_levels"] == [6]

    async def test_a_reason_is_required(self, client: httpx.AsyncClient, admin: Account) -> None:
        level = await _level(client, "IE-NFQ", "8")
        response = await client.patch(
            f"/v1/admin/recognition/levels/{level['id']}", json={"note": "No reason given"}, headers=admin.headers
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["location"] == ["body", "reason"]

    async def test_only_administrators_correct(
        self, client: httpx.AsyncClient, learner: Account, institution: Institution
    ) -> None:
        level = await _level(client, "IE-NFQ", "8")
        for headers in (learner.headers, institution.headers):
            response = await client.patch(
                f"/v1/admin/recognition/levels/{level['id']}",
                json={"note": "Mine now", "reason": "I want to change it"},
                headers=headers,
            )
            assert response.status_code == 401

    async def test_an_unknown_level_is_not_found(self, client: httpx.AsyncClient, admin: Account) -> None:
        response = await client.patch(
            "/v1/admin/recognition/levels/00000000-0000-7000-8000-000000000000",
            json={"note": "x", "reason": "Nothing there"},
            headers=admin.headers,
        )
        assert response.status_code == 404
        assert response.json()["code"] == "level_not_found"


class TestCreditRuleCorrection:
    async def test_is_audited_and_converts_with_the_new_rule_at_once(
        self, client: httpx.AsyncClient, admin: Account, learner: Account
    ) -> None:
        rules = (await client.get("/v1/recognition/credit-rules", headers=admin.headers)).json()
        us = next(rule for rule in rules if rule["system"] == "US-SEMESTER")
        response = await client.patch(
            f"/v1/admin/recognition/credit-rules/{us['id']}",
            json={"ects": 1.8, "basis": "hours", "reason": "Hours basis adopted nationally"},
            headers=admin.headers,
        )
        assert response.status_code == 200, response.text
        assert response.json()["formula"] == "1 US-SEMESTER = 1.8 ECTS"
        converted = await client.post(
            "/v1/recognition/credits:convert", json={"value": 10, "system": "US-SEMESTER"}, headers=learner.headers
        )
        assert converted.json()["ects"] == 18
        changes = (await client.get("/v1/admin/recognition/changes", headers=admin.headers)).json()["items"]
        assert changes[0]["entity_key"] == "US-SEMESTER (shipped)"
        assert changes[0]["old_values"] == {"ects": 2.0, "basis": "convention"}

    async def test_a_shipped_rule_keeps_its_source(self, client: httpx.AsyncClient, admin: Account) -> None:
        rules = (await client.get("/v1/recognition/credit-rules", headers=admin.headers)).json()
        uk = next(rule for rule in rules if rule["system"] == "UK")
        response = await client.patch(
            f"/v1/admin/recognition/credit-rules/{uk['id']}",
            json={"source_url": None, "reason": "Remove the source"},
            headers=admin.headers,
        )
        assert response.status_code == 422
        assert response.json()["code"] == "invalid_correction"


class TestAuditTrail:
    async def test_pages_newest_first_for_administrators_only(
        self, client: httpx.AsyncClient, admin: Account, learner: Account
    ) -> None:
        first = await client.get("/v1/admin/recognition/changes", params={"limit": 2}, headers=admin.headers)
        assert first.status_code == 200
        page = first.json()
        assert len(page["items"]) == 2 and page["next_cursor"]
        assert page["items"][0]["id"] > page["items"][1]["id"]
        following = await client.get(
            "/v1/admin/recognition/changes", params={"limit": 2, "cursor": page["next_cursor"]}, headers=admin.headers
        )
        assert following.json()["items"][0]["id"] < page["items"][1]["id"]
        assert (await client.get("/v1/admin/recognition/changes", headers=learner.headers)).status_code == 401


class TestCatalogueRefresh:
    async def test_a_rolled_back_correction_is_never_served(self, client: httpx.AsyncClient, admin: Account) -> None:
        holder: CatalogueHolder = client.app.state.passerelle.recognition  # type: ignore[attr-defined]
        served = holder.current
        level = await _level(client, "IE-NFQ", "8")
        response = await client.patch(
            f"/v1/admin/recognition/levels/{level['id']}",
            json={"eqf_levels": [6, 7], "reason": "Breaks a rule, so the request fails"},
            headers=admin.headers,
        )
        assert response.status_code == 422
        assert holder.current is served

    async def test_another_process_change_is_picked_up_by_polling(
        self, client: httpx.AsyncClient, connection: AsyncConnection, admin: Account
    ) -> None:
        async with create_sessionmaker(connection)() as session:
            stale = CatalogueHolder(await load_catalogue(session))
        level = await _level(client, "IE-NFQ", "8")
        await client.patch(
            f"/v1/admin/recognition/levels/{level['id']}",
            json={"note": "Changed elsewhere", "reason": "Another instance's correction"},
            headers=admin.headers,
        )
        sessions = create_sessionmaker(connection)
        assert await stale.refresh_if_changed(sessions) is True
        assert (
            stale.current.levels_by_id[stale.current.frameworks["IE-NFQ"].levels[7].id].public.note
            == "Changed elsewhere"
        )
        assert await stale.refresh_if_changed(sessions) is False
