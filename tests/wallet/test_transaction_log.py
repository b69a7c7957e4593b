"""The transaction log (`GET /v1/wallet/log`): received, shared, revealed, verified, withdrawn — with whom and which
attribute names, never values; filterable, paged by cursor, exportable as CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import pytest

from tests.factories import DATA, Account, Institution, onboard
from tests.wallet.test_inbox import INBOX, OB3_JWT, item, push
from tests.wallet.test_sharing import JSON, SHARES, share, token_of

LOG = "/v1/wallet/log"
SAMPLE = ("ob3-eddsa-2022.json", "application/json")


@pytest.fixture
async def leiden(client: httpx.AsyncClient, admin: Account) -> Institution:
    return await onboard(client, admin, "Universiteit Leiden")


async def read(client: httpx.AsyncClient, account: Account, **params: Any) -> dict[str, Any]:
    response = await client.get(LOG, params=params, headers=account.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.fixture
async def history(client: httpx.AsyncClient, leiden: Institution, learner: Account) -> dict[str, Any]:
    """Pushed and accepted, imported, shared, revealed, revoked: one of each."""
    pushed = (await push(client, leiden, [item(OB3_JWT, "application/jwt", learner_id=learner.id)])).json()
    await client.post(f"{INBOX}/{pushed['items'][0]['item_id']}/accept", headers=learner.headers)
    uploaded = await client.post(
        "/v1/wallet/credentials",
        content=(DATA / SAMPLE[0]).read_bytes(),
        headers={**learner.headers, "Content-Type": SAMPLE[1]},
    )
    assert uploaded.status_code == 201, uploaded.text
    created = await share(client, learner, [{"credential_id": uploaded.json()["id"], "fields": ["title", "issuer"]}])
    revealed = await client.post(f"/s/{token_of(created)}/reveal", headers=JSON)
    assert revealed.status_code == 200
    await client.post(f"{SHARES}/{created['id']}/revoke", headers=learner.headers)
    return {"share": created, "revealed": revealed.json()}


class TestLog:
    async def test_every_kind_of_event_newest_first(
        self, client: httpx.AsyncClient, learner: Account, leiden: Institution, history: dict[str, Any]
    ) -> None:
        entries = (await read(client, learner, limit=100))["items"]
        kinds = [(entry["type"], entry["action"]) for entry in entries]
        assert kinds == [
            ("withdrawn", "share"),
            ("revealed", "reveal"),
            ("shared", "share"),
            ("received", "imported"),
            ("received", "accepted"),
            ("received", "pushed"),
        ]
        assert [entry["at"] for entry in entries] == sorted((entry["at"] for entry in entries), reverse=True)
        reveal = entries[1]
        assert reveal["attributes"] == ["issuer", "title"]
        assert reveal["counterparty_type"] == "anyone_with_link"
        assert reveal["share_id"] == history["share"]["id"]
        pushed = entries[-1]
        assert pushed["counterparty_id"] == leiden.id and pushed["counterparty_name"] == "Universiteit Leiden"

    async def test_attribute_names_never_values(
        self, client: httpx.AsyncClient, learner: Account, history: dict[str, Any]
    ) -> None:
        response = await client.get(LOG, params={"limit": 100}, headers=learner.headers)
        title = history["revealed"]["credentials"][0]["fields"]["title"]
        assert isinstance(title, str) and len(title) > 3
        assert title not in response.text

    async def test_filters(
        self, client: httpx.AsyncClient, learner: Account, leiden: Institution, history: dict[str, Any]
    ) -> None:
        shared = (await read(client, learner, type=["shared", "withdrawn"]))["items"]
        assert [entry["type"] for entry in shared] == ["withdrawn", "shared"]
        from_leiden = (await read(client, learner, counterparty=leiden.id))["items"]
        assert {entry["action"] for entry in from_leiden} == {"pushed", "accepted"}
        everything = (await read(client, learner, limit=100))["items"]
        middle = everything[2]["at"]
        later = (await read(client, learner, **{"from": middle}))["items"]
        assert len(later) == 3 and all(entry["at"] >= middle for entry in later)
        earlier = (await read(client, learner, to=middle))["items"]
        assert len(earlier) == 3 and all(entry["at"] < middle for entry in earlier)
        naive = await client.get(LOG, params={"from": "2026-01-01T00:00:00"}, headers=learner.headers)
        assert naive.status_code == 422

    async def test_cursor_pages_neither_repeat_nor_skip(
        self, client: httpx.AsyncClient, learner: Account, history: dict[str, Any]
    ) -> None:
        everything = [entry["id"] for entry in (await read(client, learner, limit=100))["items"]]
        paged: list[str] = []
        cursor = None
        while True:
            page = await read(client, learner, limit=2, **({"cursor": cursor} if cursor else {}))
            paged += [entry["id"] for entry in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert paged == everything
        bad = await client.get(LOG, params={"cursor": "nonsense"}, headers=learner.headers)
        assert bad.status_code == 422 and bad.json()["code"] == "invalid_cursor"

    async def test_csv_export(self, client: httpx.AsyncClient, learner: Account, history: dict[str, Any]) -> None:
        response = await client.get(LOG, params={"format": "csv"}, headers=learner.headers)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv")
        assert "attachment" in response.headers["content-disposition"]
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert [row["type"] for row in rows][:3] == ["withdrawn", "revealed", "shared"]
        assert rows[1]["attributes"] == "issuer;title"

    async def test_owner_only(self, client: httpx.AsyncClient, other_learner: Account, history: dict[str, Any]) -> None:
        assert (await read(client, other_learner))["items"] == []
        assert (await client.get(LOG)).status_code == 401
