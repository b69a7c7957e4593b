"""Sharing, end to end through the API: the learner's side, the viewer's pages and JSON, the access log."""

from __future__ import annotations

import asyncio
import html
import io
import random
import re
import secrets
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any, cast

import httpx
import pypdf
import pytest
from fastapi import FastAPI
from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, async_sessionmaker
from sqlalchemy.orm import Session
from sqlmodel import col

from api.app import create_app
from api.dispatch import PlainLane
from api.routers.share_pages import reveal_bodies
from core.accounts.models import Role, User
from core.ids import token_digest
from core.outbox import OutboxMail
from core.settings import Settings
from tests.factories import Account, create_account, create_body, create_staff, import_file
from wallet.sdjwt.holder import open_sd_jwt
from wallet.sharing import service as sharing_service
from wallet.sharing.models import Share, ShareEvent
from wallet.sharing.repository import EVENT_COLUMNS, ReleaseStatements, ShareRepository, release_quietly
from wallet.sharing.service import LandingLog, LandingReads, ReleaseBatches, Viewer

SHARES = "/v1/wallet/shares"
OB3 = ("ob3-complete.json", "application/ld+json")
EDC = ("edc-ec-mc-annex1-unsigned.jsonld", "application/ld+json")
SD_JWT = ("sd-jwt-vc-openid4vci.txt", "application/dc+sd-jwt")
PRIVACY_HEADERS = {
    "referrer-policy": "no-referrer",
    "x-robots-tag": "noindex, nofollow",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
}
JSON = {"Accept": "application/json"}


@pytest.fixture
def app_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"share_requests_per_minute": 10_000})


async def imported(client: httpx.AsyncClient, account: Account, sample: tuple[str, str]) -> dict[str, Any]:
    response = await import_file(client, account, *sample)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def share(
    client: httpx.AsyncClient, account: Account, items: list[dict[str, Any]], **options: Any
) -> dict[str, Any]:
    response = await client.post(
        SHARES, json={"items": items, "purpose": "Admission to the MSc programme", **options}, headers=account.headers
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def token_of(created: dict[str, Any]) -> str:
    token: str = created["url"].rsplit("/", 1)[1]
    return token


def assert_share_headers(response: httpx.Response) -> None:
    for name, value in PRIVACY_HEADERS.items():
        assert response.headers.get(name) == value, name
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    assert "http" not in policy  # no third-party origin


def leaves(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from leaves(item)
    elif value is not None:
        yield str(value)


def squeeze(text_: str) -> str:
    return re.sub(r"\s+", "", text_)


class TestCreateShare:
    async def test_the_link_is_answered_once_and_only_its_digest_is_kept(
        self, client: httpx.AsyncClient, learner: Account, connection: AsyncConnection
    ) -> None:
        credential = await imported(client, learner, OB3)
        created = await share(client, learner, [{"credential_id": credential["id"], "fields": ["title"]}])
        token = token_of(created)
        assert len(token) == 43  # 256 bits, base64url
        assert created["url"] == f"http://test/s/{token}"
        assert created["qr_svg"].startswith("<svg")
        assert created["state"] == "active"
        assert "url" not in (await client.get(f"{SHARES}/{created['id']}", headers=learner.headers)).json()
        rows = (await connection.execute(text("SELECT token_digest FROM shares"))).all()
        assert rows == [(token_digest(token),)]
        dumped = str((await connection.execute(text("SELECT * FROM shares"))).all())
        assert token not in dumped

    async def test_default_expiry_is_30_days_and_the_maximum_is_enforced(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        credential = await imported(client, learner, OB3)
        created = await share(client, learner, [{"credential_id": credential["id"], "fields": ["title"]}])
        lifetime = _parse(created["expires_at"]) - _parse(created["created_at"])
        assert lifetime.days == 30
        too_long = await client.post(
            SHARES,
            json={
                "items": [{"credential_id": credential["id"], "fields": ["title"]}],
                "purpose": "x",
                "expires_in_days": 366,
            },
            headers=learner.headers,
        )
        assert too_long.status_code == 422
        assert too_long.json()["code"] == "expiry_too_long"

    async def test_unknown_fields_and_foreign_credentials_are_refused(
        self, client: httpx.AsyncClient, learner: Account, other_learner: Account
    ) -> None:
        mine = await imported(client, learner, OB3)
        theirs = await imported(client, other_learner, EDC)
        for items in (
            [{"credential_id": mine["id"], "fields": ["password"]}],
            [{"credential_id": theirs["id"], "fields": ["title"]}],
            [{"credential_id": mine["id"], "fields": []}],
        ):
            response = await client.post(SHARES, json={"items": items, "purpose": "x"}, headers=learner.headers)
            assert response.status_code == 422, response.text
        listed = await client.get(SHARES, headers=learner.headers)
        assert listed.json()["items"] == []

    async def test_preview_shows_the_view_and_warns_about_sensitive_fields(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        credential = await imported(client, learner, EDC)
        response = await client.post(
            f"{SHARES}:preview",
            json={"items": [{"credential_id": credential["id"], "fields": ["title", "learner"]}], "purpose": "x"},
            headers=learner.headers,
        )
        assert response.status_code == 200, response.text
        preview = response.json()
        view = preview["credentials"][0]
        assert set(view["fields"]) == {"title", "learner"}
        assert view["fields"]["learner"]["family_name"] == "Andromeda"
        assert "issuer" in view["withheld"]
        assert view["selective_disclosure"] is False
        assert [w["field"] for w in preview["warnings"]] == ["learner"]
        assert (await client.get(SHARES, headers=learner.headers)).json()["items"] == []

    async def test_preview_warns_about_sensitive_sd_jwt_disclosures(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        credential = await imported(client, learner, SD_JWT)
        assert {"birthdate", "given_name"} <= set(credential["summary"]["disclosable"])
        response = await client.post(
            f"{SHARES}:preview",
            json={
                "items": [
                    {
                        "credential_id": credential["id"],
                        "fields": ["issuer"],
                        "disclosures": ["birthdate", "given_name"],
                    }
                ],
                "purpose": "x",
            },
            headers=learner.headers,
        )
        assert response.status_code == 200, response.text
        preview = response.json()
        # The presentation the viewer gets carries the birth date although no summary field naming it is released.
        assert open_sd_jwt(preview["credentials"][0]["sd_jwt"]).claims["birthdate"] == "1940-01-01"
        assert preview["warnings"] == [{"field": "birthdate", "message": "Your date of birth."}]
        harmless = await client.post(
            f"{SHARES}:preview",
            json={
                "items": [{"credential_id": credential["id"], "fields": ["learner"], "disclosures": ["given_name"]}],
                "purpose": "x",
            },
            headers=learner.headers,
        )
        assert [w["field"] for w in harmless.json()["warnings"]] == ["learner"]


def _parse(value: str) -> Any:
    from datetime import datetime

    return datetime.fromisoformat(value.replace("Z", "+00:00"))


class TestViewerPages:
    async def test_landing_prefetches_release_nothing_and_count_nothing(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        credential = await imported(client, learner, EDC)
        created = await share(
            client, learner, [{"credential_id": credential["id"], "fields": ["grade", "learner"]}], max_views=1
        )
        token = token_of(created)
        for _ in range(10):
            page = await client.get(f"/s/{token}", headers={"User-Agent": "Mozilla/5.0 (compatible; Proofpoint)"})
            assert page.status_code == 200
            assert_share_headers(page)
            assert "Andromeda" not in page.text
            head = await client.head(f"/s/{token}")
            assert head.status_code == 200
        state = (await client.get(f"{SHARES}/{created['id']}", headers=learner.headers)).json()
        assert state["views"] == 0 and state["state"] == "active"
        events = (await client.get(f"{SHARES}/{created['id']}/events?limit=100", headers=learner.headers)).json()
        assert {e["event"] for e in events["items"]} == {"landing"}
        assert all(e["automated"] for e in events["items"])
        revealed = await client.post(f"/s/{token}/reveal", headers=JSON)
        assert revealed.status_code == 200
        assert "Andromeda" in revealed.text

    async def test_reveal_page_and_json_carry_the_released_fields_verification_and_validity(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        credential = await imported(client, learner, OB3)
        created = await share(client, learner, [{"credential_id": credential["id"], "fields": ["title", "issuer"]}])
        token = token_of(created)
        page = await client.post(f"/s/{token}/reveal")
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assert_share_headers(page)
        assert "1EdTech University Degree" in page.text
        assert "Passerelle verified the whole document" in page.text
        data = (await client.post(f"/s/{token}/reveal", headers=JSON)).json()
        released = data["credentials"][0]
        assert set(released["fields"]) == {"title", "issuer"}
        assert released["validity"] == "valid"
        assert {c["name"] for c in released["verification"]["checks"]} >= {"signature", "status", "validity_period"}
        assert all("evidence" not in c and "message" not in c for c in released["verification"]["checks"])
        assert "learner" in released["withheld"]

    async def test_unknown_and_malformed_tokens_get_byte_identical_404s(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        unknown = "A" * 43
        answers = []
        for token in (unknown, "not-a-token", "x" * 200, "B" * 43, "A" * 42 + "!"):
            for method, path in (("GET", ""), ("POST", "/reveal"), ("POST", "/download")):
                response = await client.request(method, f"/s/{token}{path}")
                assert response.status_code == 404
                assert_share_headers(response)
                answers.append(response.content)
        assert len(set(answers)) == 1
        assert unknown.encode() not in answers[0]

    async def test_every_other_address_under_s_answers_as_an_unknown_token(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        credential = await imported(client, learner, OB3)
        token = token_of(await share(client, learner, [{"credential_id": credential["id"], "fields": ["title"]}]))
        shapes = (
            ("GET", "/s/%00abc"),  # U+0000: elsewhere a 422 from the body guard
            ("GET", f"/s/{token}?x=%00"),
            ("GET", "/s/a%2Fb"),  # an encoded slash is a slash to the router
            ("GET", "/s/%2e%2e"),
            ("GET", "/s/%2e%2e/reveal"),
            ("GET", "/s/" + "x" * 5000),
            ("GET", f"/s/{token}/nope"),  # an unknown sub-path of a real link
            ("GET", f"/s/{token}/"),  # no trailing-slash redirect (it would name the token in Location)
            ("GET", "/s/"),
            ("POST", f"/s/{token}"),  # wrong methods: no 405
            ("PUT", f"/s/{token}"),
            ("GET", f"/s/{token}/reveal"),
            ("DELETE", f"/s/{token}/download"),
            ("PROPFIND", f"/s/{token}"),
        )
        for accept in ({}, JSON):
            reference = await client.get("/s/" + "A" * 43, headers=accept)
            assert reference.status_code == 404
            for method, path in shapes:
                response = await client.request(method, path, headers=accept)
                assert response.status_code == 404, (method, path, response.text)
                assert response.content == reference.content, (method, path)
                assert_share_headers(response)
                assert response.headers["content-security-policy"] == reference.headers["content-security-policy"]
                assert response.headers["content-type"] == reference.headers["content-type"]
                assert b"request_id" not in response.content and token.encode() not in response.content
            for path in ("/s/%00abc", f"/s/{token}/nope", f"/s/{token}/"):
                head = await client.head(path, headers=accept)
                assert head.status_code == 404 and head.content == b"", path
                assert_share_headers(head)
        assert (await client.get(f"/s/{token}")).status_code == 200  # the link itself still opens
        elsewhere = await client.get("/v1/wallet/credentials?q=%00", headers=learner.headers)
        assert elsewhere.status_code == 422 and elsewhere.json()["code"] == "invalid_characters"
        assert (await client.get("/v1/nothing-here")).json()["code"] == "not_found"

    async def test_the_lane_answers_as_the_full_stack_does(
        self, client: httpx.AsyncClient, learner: Account, app_settings: Settings
    ) -> None:
        """The landing and the reveal skip the framework's layers (`api.dispatch.PlainLane`): every answer, errors
        included, is what the full middleware stack gives for the same request, the request id aside."""
        credential = await imported(client, learner, OB3)
        token = token_of(await share(client, learner, [{"credential_id": credential["id"], "fields": ["title"]}]))
        revoked = await share(client, learner, [{"credential_id": credential["id"], "fields": ["title"]}])
        await client.post(f"{SHARES}/{revoked['id']}/revoke", headers=learner.headers)
        too_large = b"{" + b" " * app_settings.json_body_limit + b"}"
        requests: list[tuple[str, str, dict[str, str], bytes]] = [
            ("GET", f"/s/{token}", {}, b""),
            ("GET", f"/s/{token}", {**JSON, "Accept-Language": "fr"}, b""),
            ("HEAD", f"/s/{token}", {}, b""),
            ("POST", f"/s/{token}/reveal", JSON, b""),
            ("POST", f"/s/{token}/reveal", {**JSON, "Content-Type": "application/json"}, b"{not json"),
            ("POST", f"/s/{token}/reveal", {"Content-Type": "application/json"}, too_large),
            ("GET", f"/s/{token_of(revoked)}", JSON, b""),
            ("POST", f"/s/{token_of(revoked)}/reveal", {}, b""),
            ("GET", "/s/" + "A" * 43, {}, b""),
            ("GET", f"/s/{token}%00", JSON, b""),
            ("GET", f"/s/{token}", {"Authorization": "Bearer not-a-token"}, b""),
        ]

        async def answers() -> list[tuple[int, list[tuple[str, str]], bytes]]:
            found = []
            for method, path, headers, body in requests:
                response = await client.request(method, path, headers=headers, content=body)
                request_id = response.headers["x-request-id"]
                kept = sorted((name, value) for name, value in response.headers.items() if name != "x-request-id")
                found.append((response.status_code, kept, response.content.replace(request_id.encode(), b"<id>")))
            return found

        app = cast(FastAPI, client.app)  # type: ignore[attr-defined]
        through_lane = await answers()
        assert isinstance(app.middleware_stack, PlainLane)
        app.middleware_stack = None
        del app.build_middleware_stack  # the class's own: the full stack, without the lane
        through_stack = await answers()
        assert not isinstance(app.middleware_stack, PlainLane)
        assert [status for status, _, _ in through_lane] == [200, 200, 200, 200, 422, 413, 410, 410, 404, 404, 401]
        for request, lane_answer, stack_answer in zip(requests, through_lane, through_stack, strict=True):
            assert lane_answer == stack_answer, request[:2]

    async def test_the_sd_jwt_presentation_carries_only_the_chosen_disclosures(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        credential = await imported(client, learner, SD_JWT)
        assert "given_name" in credential["summary"]["disclosable"]
        created = await share(
            client,
            learner,
            [{"credential_id": credential["id"], "fields": ["learner", "issuer"], "disclosures": ["given_name"]}],
        )
        data = (await client.post(f"/s/{token_of(created)}/download", headers=JSON)).json()
        released = data["credentials"][0]
        assert released["selective_disclosure"] is True
        held = open_sd_jwt(released["sd_jwt"])
        assert held.claims.get("given_name") == "John"
        assert "family_name" not in held.claims and "birthdate" not in held.claims
        assert released["fields"]["learner"] == {"given_name": "John", "identifiers": []} or (
            "Doe" not in str(released["fields"])
        )
        refused = await client.post(
            SHARES,
            json={
                "items": [{"credential_id": credential["id"], "fields": ["learner"], "disclosures": ["nope"]}],
                "purpose": "x",
            },
            headers=learner.headers,
        )
        assert refused.status_code == 422

    async def test_pdf_download_holds_the_released_fields(self, client: httpx.AsyncClient, learner: Account) -> None:
        credential = await imported(client, learner, EDC)
        created = await share(client, learner, [{"credential_id": credential["id"], "fields": ["title"]}])
        response = await client.post(f"/s/{token_of(created)}/download?format=pdf")
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/pdf"
        extracted = squeeze(_pdf_text(response.content))
        assert squeeze("Digital micro-credential creation") in extracted
        assert "Andromeda" not in extracted


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(content)).pages)


class TestOnlySelectedValuesLeave:
    async def test_fifty_random_selections(self, client: httpx.AsyncClient, learner: Account) -> None:
        """Search every output by value: an unselected value never appears, a selected one always does."""
        credentials = [await imported(client, learner, sample) for sample in (OB3, EDC)]
        chooser = random.Random(20261123)
        for round_ in range(50):
            credential = credentials[round_ % 2]
            carried = [
                name
                for name, value in credential["summary"].items()
                if value not in (None, [], {}) and name not in {"schema_version", "missing", "parts", "disclosable"}
            ]
            fields = chooser.sample(carried, chooser.randint(1, len(carried) - 1))
            created = await share(client, learner, [{"credential_id": credential["id"], "fields": fields}])
            token = token_of(created)
            selected = {leaf for name in fields for leaf in leaves(credential["summary"][name]) if len(leaf) >= 6}
            unselected = {
                leaf
                for name in carried
                if name not in fields
                for leaf in leaves(credential["summary"][name])
                if len(leaf) >= 6 and not any(leaf in s for s in selected)
            }
            page = html.unescape((await client.post(f"/s/{token}/reveal")).text)
            as_json = (await client.post(f"/s/{token}/reveal", headers=JSON)).json()
            download = (await client.post(f"/s/{token}/download", headers=JSON)).json()
            pdf = squeeze(_pdf_text((await client.post(f"/s/{token}/download?format=pdf")).content))
            json_values = set(leaves(as_json)) | set(leaves(download))
            json_text = "\n".join(json_values)
            for value in unselected:
                assert value not in page, (round_, value)
                assert value not in json_text, (round_, value)
                assert squeeze(value) not in pdf, (round_, value)
            for value in selected:
                assert value in page, (round_, value)
                assert value in json_text, (round_, value)
                assert squeeze(value) in pdf, (round_, value)


class TestShareStates:
    @pytest.mark.parametrize("state", ["expired", "revoked", "exhausted"])
    async def test_nothing_is_released_outside_active(
        self, client: httpx.AsyncClient, learner: Account, connection: AsyncConnection, state: str
    ) -> None:
        credential = await imported(client, learner, EDC)
        created = await share(
            client, learner, [{"credential_id": credential["id"], "fields": ["learner"]}], max_views=1
        )
        token = token_of(created)
        if state == "expired":
            await connection.execute(
                update(Share)
                .where(col(Share.id) == uuid.UUID(created["id"]))
                .values(expires_at=_parse("2020-01-01T00:00:00Z"))
            )
        elif state == "revoked":
            revoked = await client.post(f"{SHARES}/{created['id']}/revoke", headers=learner.headers)
            assert revoked.json()["state"] == "revoked"
            stored = (await connection.execute(text("SELECT presentation FROM share_items"))).all()
            assert stored == [(None,)]
        else:
            assert (await client.post(f"/s/{token}/reveal")).status_code == 200
        listed = (await client.get(f"{SHARES}/{created['id']}", headers=learner.headers)).json()
        assert listed["state"] == state
        for method, path, headers in (
            ("GET", "", {}),
            ("GET", "", JSON),
            ("POST", "/reveal", {}),
            ("POST", "/reveal", JSON),
            ("POST", "/download", JSON),
            ("POST", "/download?format=pdf", {}),
            ("POST", "/verify", JSON),
        ):
            response = await client.request(method, f"/s/{token}{path}", headers=headers)
            assert response.status_code == 410, (method, path)
            assert "Andromeda" not in response.text
            assert_share_headers(response)

    async def test_revoked_link_fails_on_the_next_request(self, client: httpx.AsyncClient, learner: Account) -> None:
        credential = await imported(client, learner, OB3)
        created = await share(client, learner, [{"credential_id": credential["id"], "fields": ["title"]}])
        token = token_of(created)
        assert (await client.post(f"/s/{token}/reveal")).status_code == 200
        await client.post(f"{SHARES}/{created['id']}/revoke", headers=learner.headers)
        assert (await client.post(f"/s/{token}/reveal")).status_code == 410

    async def test_update_needs_the_current_etag(self, client: httpx.AsyncClient, learner: Account) -> None:
        credential = await imported(client, learner, OB3)
        created = await share(client, learner, [{"credential_id": credential["id"], "fields": ["title"]}])
        path = f"{SHARES}/{created['id']}"
        assert (await client.patch(path, json={"max_views": 3}, headers=learner.headers)).status_code == 428
        etag = (await client.get(path, headers=learner.headers)).headers["ETag"]
        changed = await client.patch(path, json={"max_views": 3}, headers={**learner.headers, "If-Match": etag})
        assert changed.status_code == 200 and changed.json()["max_views"] == 3
        stale = await client.patch(path, json={"max_views": 4}, headers={**learner.headers, "If-Match": etag})
        assert stale.status_code == 412


class TestAccessLog:
    async def test_events_name_fields_never_values(self, client: httpx.AsyncClient, learner: Account) -> None:
        credential = await imported(client, learner, EDC)
        created = await share(client, learner, [{"credential_id": credential["id"], "fields": ["learner", "grade"]}])
        token = token_of(created)
        await client.get(f"/s/{token}", headers={"User-Agent": "Mozilla/5.0 Firefox/140.0"})
        await client.post(f"/s/{token}/reveal", headers={"User-Agent": "Mozilla/5.0 Firefox/140.0"})
        await client.post(f"/s/{token}/download", headers=JSON)
        await client.post(f"/s/{token}/verify", headers=JSON)
        response = await client.get(f"{SHARES}/{created['id']}/events", headers=learner.headers)
        events = response.json()["items"]
        assert [e["event"] for e in events] == ["verification", "download", "reveal", "landing"]
        reveal = events[2]
        assert reveal["fields"] == ["grade", "learner"]
        assert reveal["viewer_class"] == "anonymous"
        assert reveal["automated"] is False
        assert "Andromeda" not in response.text and token not in response.text
        assert "127.0.0.1" not in response.text and "testclient" not in response.text


class TestOwnerOnly:
    async def test_another_learner_cannot_see_or_touch_a_share(
        self, client: httpx.AsyncClient, learner: Account, other_learner: Account
    ) -> None:
        credential = await imported(client, learner, OB3)
        created = await share(client, learner, [{"credential_id": credential["id"], "fields": ["title"]}])
        path = f"{SHARES}/{created['id']}"
        headers = other_learner.headers
        assert (await client.get(SHARES, headers=headers)).json()["items"] == []
        assert (await client.get(path, headers=headers)).status_code == 404
        assert (
            await client.patch(path, json={"max_views": 1}, headers={**headers, "If-Match": "*"})
        ).status_code == 404
        assert (await client.post(f"{path}/revoke", headers=headers)).status_code == 404
        assert (await client.get(f"{path}/events", headers=headers)).status_code == 404
        qr = await client.get(f"{path}/qr", headers={**headers, "Share-Token": token_of(created)})
        assert qr.status_code == 404
        assert (await client.delete(path, headers=headers)).status_code == 404
        assert (await client.get(path, headers=learner.headers)).json()["state"] == "active"

    async def test_qr_code_needs_the_links_token(self, client: httpx.AsyncClient, learner: Account) -> None:
        credential = await imported(client, learner, OB3)
        created = await share(client, learner, [{"credential_id": credential["id"], "fields": ["title"]}])
        path = f"{SHARES}/{created['id']}/qr"
        svg = await client.get(path, headers={**learner.headers, "Share-Token": token_of(created)})
        assert svg.status_code == 200 and svg.headers["content-type"] == "image/svg+xml"
        png = await client.get(f"{path}?format=png", headers={**learner.headers, "Share-Token": token_of(created)})
        assert png.content.startswith(b"\x89PNG")
        wrong = await client.get(path, headers={**learner.headers, "Share-Token": "C" * 43})
        assert wrong.status_code == 404


class TestRecipientBody:
    async def test_only_officers_of_the_body_can_open(
        self, client: httpx.AsyncClient, learner: Account, connection: AsyncConnection
    ) -> None:
        body_id = await create_body(connection, name="ENIC-NARIC Ireland", country="IE")
        officer = await create_staff(client, connection, email="o@qqi.example", role=Role.OFFICER, body_id=body_id)
        stranger = await create_staff(client, connection, email="o@other.example", role=Role.OFFICER)
        credential = await imported(client, learner, EDC)
        created = await share(
            client,
            learner,
            [{"credential_id": credential["id"], "fields": ["title"]}],
            recipient={"body_id": str(body_id)},
        )
        token = token_of(created)
        landing = await client.get(f"/s/{token}")
        assert "ENIC-NARIC Ireland" in landing.text
        assert (await client.post(f"/s/{token}/reveal", headers=JSON)).status_code == 403
        assert (await client.post(f"/s/{token}/reveal", headers={**JSON, **stranger.headers})).status_code == 403
        opened = await client.post(f"/s/{token}/reveal", headers={**JSON, **officer.headers})
        assert opened.status_code == 200
        events = (await client.get(f"{SHARES}/{created['id']}/events", headers=learner.headers)).json()["items"]
        assert events[0]["viewer_class"] == "officer" and events[0]["viewer_body_id"] == str(body_id)


class TestRateLimit:
    @pytest.fixture
    def app_settings(self, settings: Settings) -> Settings:
        return settings.model_copy(update={"share_requests_per_minute": 5})

    async def test_too_many_requests_from_one_address(self, client: httpx.AsyncClient) -> None:
        statuses = [(await client.get(f"/s/{'A' * 43}")).status_code for _ in range(6)]
        assert statuses == [404] * 5 + [429]
        limited = await client.get(f"/s/{'A' * 43}")
        assert int(limited.headers["Retry-After"]) > 0
        assert_share_headers(limited)


# --- The viewer's hot paths (bench/README.md, `sharing`) -------------------------------------------------------


@pytest.fixture
async def serving(settings: Settings, engine: AsyncEngine) -> AsyncIterator[tuple[httpx.AsyncClient, FastAPI]]:
    """The app as `passerelle serve` runs it, with its own engines: requests commit for real and run concurrently,
    landing events are queued and written by the background task. The test's learner is deleted afterwards
    (cascading to its shares and their events)."""
    app = create_app(settings.model_copy(update={"share_requests_per_minute": 10_000}))
    try:
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http,
        ):
            yield http, app
    finally:
        async with engine.begin() as connection:
            await connection.execute(delete(User).where(col(User.email).like("hot-path-%@example.org")))
            await connection.execute(delete(OutboxMail).where(col(OutboxMail.recipient).like("hot-path-%@example.org")))


async def _serving_share(client: httpx.AsyncClient, **options: Any) -> tuple[Account, dict[str, Any], str]:
    learner = await create_account(client, email=f"hot-path-{secrets.token_hex(4)}@example.org")
    credential = await imported(client, learner, OB3)
    created = await share(client, learner, [{"credential_id": credential["id"], "fields": ["title"]}], **options)
    return learner, created, token_of(created)


async def _move_expiry(client: httpx.AsyncClient, learner: Account, share_id: str, *, days: int) -> datetime:
    """Set the share's expiry `days` from now through the API (with its ETag); answers the new expiry."""
    path = f"{SHARES}/{share_id}"
    etag = (await client.get(path, headers=learner.headers)).headers["ETag"]
    expires_at = (datetime.now(UTC) + timedelta(days=days)).replace(microsecond=0)
    changed = await client.patch(
        path, json={"expires_at": expires_at.isoformat()}, headers={**learner.headers, "If-Match": etag}
    )
    assert changed.status_code == 200, changed.text
    return expires_at


async def _count_events(engine: AsyncEngine, share_id: str, event: str) -> int:
    """How many accesses the log holds (an entry of identical landings counts as many as it stands for)."""
    async with engine.connect() as connection:
        statement = select(func.coalesce(func.sum(col(ShareEvent.count)), 0)).where(
            col(ShareEvent.share_id) == uuid.UUID(share_id), col(ShareEvent.event) == event
        )
        return int((await connection.execute(statement)).scalar_one())


async def _count_rows(engine: AsyncEngine, share_id: str) -> int:
    async with engine.connect() as connection:
        statement = select(func.count()).where(col(ShareEvent.share_id) == uuid.UUID(share_id))
        return int((await connection.execute(statement)).scalar_one())


class TestLandingEventLog:
    async def test_a_serving_process_writes_landing_events_within_a_second(
        self, serving: tuple[httpx.AsyncClient, FastAPI], engine: AsyncEngine
    ) -> None:
        client, app = serving
        _, created, token = await _serving_share(client)
        before = datetime.now(UTC)
        for _ in range(5):
            assert (await client.get(f"/s/{token}", headers=JSON)).status_code == 200
        assert (await client.head(f"/s/{token}")).status_code == 200  # a HEAD is not a visit
        log: LandingLog = app.state.landing_log
        assert log.batched
        written = 0
        for _ in range(40):  # the writer runs every LandingLog.FLUSH_SECONDS (1 s)
            written = await _count_events(engine, created["id"], "landing")
            if written == 5:
                break
            await asyncio.sleep(0.1)
        assert written == 5
        assert log.pending == 0
        async with engine.connect() as connection:
            times = await connection.execute(select(col(ShareEvent.at)).where(col(ShareEvent.event) == "landing"))
            stamps = [stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp for (stamp,) in times]
        # Each event keeps the time of its request, not the time it was written.
        assert all(before <= stamp <= before + timedelta(seconds=1) for stamp in stamps)

    async def test_queued_events_are_written_at_shutdown(self, settings: Settings, engine: AsyncEngine) -> None:
        app = create_app(settings.model_copy(update={"share_requests_per_minute": 10_000}))
        email = f"hot-path-{secrets.token_hex(4)}@example.org"
        try:
            async with (
                app.router.lifespan_context(app),
                httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client,
            ):
                learner = await create_account(client, email=email)
                credential = await imported(client, learner, OB3)
                created = await share(client, learner, [{"credential_id": credential["id"], "fields": ["title"]}])
                app.state.landing_log.FLUSH_SECONDS = 3600  # only the shutdown writes
                await asyncio.sleep(1.5)  # let the writer pick up the new interval
                for _ in range(3):
                    await client.get(f"/s/{token_of(created)}")
                assert app.state.landing_log.pending == 3
            assert await _count_events(engine, created["id"], "landing") == 3
        finally:
            async with engine.begin() as connection:
                await connection.execute(delete(User).where(col(User.email) == email))

    async def test_events_of_a_share_deleted_meanwhile_are_dropped(
        self, serving: tuple[httpx.AsyncClient, FastAPI], engine: AsyncEngine
    ) -> None:
        client, app = serving
        learner, created, token = await _serving_share(client)
        _, other, other_token = await _serving_share(client)
        log: LandingLog = app.state.landing_log
        await log.flush()
        await client.get(f"/s/{token}")
        await client.get(f"/s/{other_token}")
        assert (await client.delete(f"{SHARES}/{created['id']}", headers=learner.headers)).status_code == 204
        # The other share's event is written (by this flush, or by the writer's own round a moment earlier); the
        # deleted share's is dropped, not kept for a retry.
        await log.flush()
        assert log.pending == 0
        assert await _count_events(engine, other["id"], "landing") == 1

    async def test_a_failed_write_keeps_the_events_for_the_next_one(
        self, serving: tuple[httpx.AsyncClient, FastAPI], engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        client, app = serving
        _, created, token = await _serving_share(client)
        log: LandingLog = app.state.landing_log
        await log.flush()
        await client.get(f"/s/{token}")
        original = ShareRepository.add_events

        async def unavailable(self: ShareRepository, rows: Any) -> None:
            raise OperationalError("INSERT", {}, Exception("database is away"))

        monkeypatch.setattr(ShareRepository, "add_events", unavailable)
        assert await log.flush() == 0
        assert log.pending == 1
        monkeypatch.setattr(ShareRepository, "add_events", original)
        assert await log.flush() == 1
        assert await _count_events(engine, created["id"], "landing") == 1

    async def test_identical_landings_of_one_second_are_one_entry_with_their_count(
        self, serving: tuple[httpx.AsyncClient, FastAPI], engine: AsyncEngine
    ) -> None:
        client, app = serving
        learner, created, token = await _serving_share(client)
        log: LandingLog = app.state.landing_log
        await log.flush()
        for _ in range(20):
            assert (await client.get(f"/s/{token}", headers=JSON)).status_code == 200
        assert log.pending == 20
        assert await log.flush() == 20
        assert await _count_events(engine, created["id"], "landing") == 20
        assert 1 <= await _count_rows(engine, created["id"]) <= 2  # within one second, or either side of one
        page = (await client.get(f"{SHARES}/{created['id']}/events", headers=learner.headers)).json()
        assert sum(item["count"] for item in page["items"] if item["event"] == "landing") == 20
        # A reveal is never folded: each has its own entry.
        for _ in range(3):
            assert (await client.post(f"/s/{token}/reveal", headers=JSON)).status_code == 200
        assert await _count_events(engine, created["id"], "reveal") == 3
        assert await _count_rows(engine, created["id"]) - 3 <= 2

    async def test_the_queue_is_bounded(self, settings: Settings) -> None:
        log = LandingLog(async_sessionmaker(), batched=True)
        log.MAX_PENDING = 3
        viewer = Viewer(officer_body_id=None, automated=False, address="192.0.2.1")
        for _ in range(5):  # five links: five entries
            await log.record(cast(Share, SimpleNamespace(id=uuid.uuid4(), recipient_email=None)), viewer)
        assert log.pending == 3 and log.dropped == 2


class TestLandingReads:
    async def test_concurrent_landings_share_statements_and_each_gets_its_own_share(
        self, serving: tuple[httpx.AsyncClient, FastAPI]
    ) -> None:
        client, app = serving
        first_token = (await _serving_share(client))[2]
        second_token = (await _serving_share(client, purpose="Employment"))[2]
        reads: LandingReads = app.state.landing_reads
        before = reads.statements
        tokens = [first_token, second_token] * 15
        responses = await asyncio.gather(*(client.get(f"/s/{token}", headers=JSON) for token in tokens))
        assert [r.status_code for r in responses] == [200] * 30
        assert {r.json()["purpose"] for r in responses[0::2]} == {"Admission to the MSc programme"}
        assert {r.json()["purpose"] for r in responses[1::2]} == {"Employment"}
        assert reads.statements - before < 30

    async def test_a_revocation_is_seen_by_the_very_next_landing(
        self, serving: tuple[httpx.AsyncClient, FastAPI]
    ) -> None:
        client, _ = serving
        learner, created, token = await _serving_share(client)
        for headers in (JSON, {}):
            assert (await client.get(f"/s/{token}", headers=headers)).status_code == 200
        await client.post(f"{SHARES}/{created['id']}/revoke", headers=learner.headers)
        for headers in (JSON, {}):
            assert (await client.get(f"/s/{token}", headers=headers)).status_code == 410

    async def test_a_landing_is_read_once_then_served_from_the_cache(
        self, serving: tuple[httpx.AsyncClient, FastAPI]
    ) -> None:
        client, app = serving
        token = (await _serving_share(client))[2]
        reads: LandingReads = app.state.landing_reads
        before = reads.statements
        answers = [await client.get(f"/s/{token}", headers=JSON) for _ in range(5)]
        # Counting views changes nothing a landing shows (this share has no view limit): the entry stays.
        assert (await client.post(f"/s/{token}/reveal", headers=JSON)).status_code == 200
        answers.append(await client.get(f"/s/{token}", headers=JSON))
        assert {answer.status_code for answer in answers} == {200}
        assert len({answer.content for answer in answers}) == 1
        assert reads.statements - before == 1

    async def test_every_change_the_page_shows_is_seen_at_once(
        self, serving: tuple[httpx.AsyncClient, FastAPI]
    ) -> None:
        client, _ = serving
        learner, created, token = await _serving_share(client)
        assert (await client.get(f"/s/{token}", headers=JSON)).json()["shared_by"] == "Ada"
        renamed = await client.patch("/v1/me", json={"display_name": "Renamed Learner"}, headers=learner.headers)
        assert renamed.status_code == 200, renamed.text
        assert (await client.get(f"/s/{token}", headers=JSON)).json()["shared_by"] == "Renamed Learner"
        sooner = await _move_expiry(client, learner, created["id"], days=3)
        assert _parse((await client.get(f"/s/{token}", headers=JSON)).json()["expires_at"]) == sooner
        assert (await client.delete(f"{SHARES}/{created['id']}", headers=learner.headers)).status_code == 204
        assert (await client.get(f"/s/{token}", headers=JSON)).status_code == 404

    async def test_a_share_with_a_view_limit_is_read_every_time(
        self, serving: tuple[httpx.AsyncClient, FastAPI]
    ) -> None:
        client, app = serving
        token = (await _serving_share(client, max_views=2))[2]
        reads: LandingReads = app.state.landing_reads
        before = reads.statements
        for _ in range(2):
            assert (await client.get(f"/s/{token}", headers=JSON)).status_code == 200
            assert (await client.post(f"/s/{token}/reveal", headers=JSON)).status_code == 200
        assert (await client.get(f"/s/{token}", headers=JSON)).status_code == 410
        assert reads.statements - before == 3

    async def test_a_read_that_fails_fails_every_request_waiting_for_it(self) -> None:
        class Unavailable:
            async def __aenter__(self) -> None:
                raise OperationalError("SELECT", {}, Exception("database is away"))

            async def __aexit__(self, *exc: object) -> None:
                return None

        reads = LandingReads(Unavailable)  # type: ignore[arg-type]
        outcomes = await asyncio.gather(*(reads.read(f"{n:064x}") for n in range(3)), return_exceptions=True)
        assert all(isinstance(outcome, OperationalError) for outcome in outcomes)


class TestRevealBodies:
    async def test_a_reveal_body_is_built_once_and_follows_every_change(
        self, serving: tuple[httpx.AsyncClient, FastAPI]
    ) -> None:
        client, _ = serving
        learner, created, token = await _serving_share(client)
        first, second = [await client.post(f"/s/{token}/reveal", headers=JSON) for _ in range(2)]
        assert first.status_code == second.status_code == 200
        assert first.content == second.content
        assert (uuid.UUID(created["id"]), "en") in reveal_bodies._entries
        sooner = await _move_expiry(client, learner, created["id"], days=2)
        revealed = await client.post(f"/s/{token}/reveal", headers=JSON)
        assert _parse(revealed.json()["link_expires_at"]) == sooner

    async def test_deleting_a_shared_credential_removes_it_from_the_next_reveal(
        self, serving: tuple[httpx.AsyncClient, FastAPI]
    ) -> None:
        client, _ = serving
        learner = await create_account(client, email=f"hot-path-{secrets.token_hex(4)}@example.org")
        kept, deleted = await imported(client, learner, OB3), await imported(client, learner, EDC)
        items = [
            {"credential_id": kept["id"], "fields": ["title"]},
            {"credential_id": deleted["id"], "fields": ["title"]},
        ]
        token = token_of(await share(client, learner, items))
        assert len((await client.post(f"/s/{token}/reveal", headers=JSON)).json()["credentials"]) == 2
        gone = await client.delete(f"/v1/wallet/credentials/{deleted['id']}", headers=learner.headers)
        assert gone.status_code == 204, gone.text
        assert len((await client.post(f"/s/{token}/reveal", headers=JSON)).json()["credentials"]) == 1

    async def test_a_revocation_leaves_no_copy_of_the_released_values(
        self, serving: tuple[httpx.AsyncClient, FastAPI]
    ) -> None:
        client, app = serving
        learner, created, token = await _serving_share(client)
        assert (await client.post(f"/s/{token}/reveal", headers=JSON)).status_code == 200
        assert len(reveal_bodies) == 1
        if app.state.release_batches.quiet is None:  # SQLite's batches read the items (PostgreSQL's statement too)
            assert len(sharing_service.released_items_cache) == 1
        await client.post(f"{SHARES}/{created['id']}/revoke", headers=learner.headers)
        assert len(reveal_bodies) == 0
        assert len(sharing_service.released_items_cache) == 0  # the items, with their presentations, too
        assert (await client.post(f"/s/{token}/reveal", headers=JSON)).status_code == 410


class TestReleaseBatches:
    async def test_concurrent_reveals_are_each_counted_and_logged_once(
        self, serving: tuple[httpx.AsyncClient, FastAPI], engine: AsyncEngine
    ) -> None:
        client, app = serving
        learner, created, token = await _serving_share(client)
        batches: ReleaseBatches = app.state.release_batches
        before = batches.transactions
        responses = await asyncio.gather(*(client.post(f"/s/{token}/reveal", headers=JSON) for _ in range(30)))
        assert [r.status_code for r in responses] == [200] * 30
        assert all(r.json()["credentials"][0]["fields"]["title"] for r in responses)
        state = (await client.get(f"{SHARES}/{created['id']}", headers=learner.headers)).json()
        assert state["views"] == 30
        assert await _count_events(engine, created["id"], "reveal") == 30
        assert batches.transactions - before < 30  # committed together

    async def test_a_view_limit_holds_under_concurrent_reveals_and_downloads(
        self, serving: tuple[httpx.AsyncClient, FastAPI], engine: AsyncEngine
    ) -> None:
        client, _ = serving
        learner, created, token = await _serving_share(client, max_views=3)
        requests = [client.post(f"/s/{token}/{kind}", headers=JSON) for kind in ("reveal", "download") * 10]
        statuses = sorted(r.status_code for r in await asyncio.gather(*requests))
        assert statuses == [200] * 3 + [410] * 17
        state = (await client.get(f"{SHARES}/{created['id']}", headers=learner.headers)).json()
        assert state["views"] == 3 and state["state"] == "exhausted"
        released = await _count_events(engine, created["id"], "reveal")
        released += await _count_events(engine, created["id"], "download")
        assert released == 3

    async def test_one_statement_counts_the_views_of_one_link_in_a_batch(
        self, serving: tuple[httpx.AsyncClient, FastAPI], engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        client, _ = serving
        learner, created, token = await _serving_share(client, notify_first_reveal=True)
        asked: list[int] = []
        consume = ReleaseStatements.consume_open_views

        def counting(self: ReleaseStatements, digest: str, now: datetime, wanted: int = 1) -> Any:
            asked.append(wanted)
            return consume(self, digest, now, wanted)

        monkeypatch.setattr(ReleaseStatements, "consume_open_views", counting)
        responses = await asyncio.gather(*(client.post(f"/s/{token}/reveal", headers=JSON) for _ in range(20)))
        assert [r.status_code for r in responses] == [200] * 20
        assert sum(asked) == 20 and len(asked) < 20  # several views per statement
        state = (await client.get(f"{SHARES}/{created['id']}", headers=learner.headers)).json()
        assert state["views"] == 20
        assert await _count_events(engine, created["id"], "reveal") == 20
        async with engine.connect() as connection:  # the learner hears of the first reveal once, not per batch
            notices = select(func.count()).where(
                col(OutboxMail.recipient) == learner.email, col(OutboxMail.subject).like("%opened%")
            )
            assert (await connection.execute(notices)).scalar_one() == 1

    async def test_a_batch_larger_than_the_views_left_releases_exactly_what_is_left(
        self, serving: tuple[httpx.AsyncClient, FastAPI], engine: AsyncEngine
    ) -> None:
        client, _ = serving
        learner, created, token = await _serving_share(client, max_views=5)
        for _ in range(3):
            assert (await client.post(f"/s/{token}/reveal", headers=JSON)).status_code == 200
        responses = await asyncio.gather(*(client.post(f"/s/{token}/reveal", headers=JSON) for _ in range(12)))
        assert sorted(r.status_code for r in responses) == [200] * 2 + [410] * 10
        state = (await client.get(f"{SHARES}/{created['id']}", headers=learner.headers)).json()
        assert state["views"] == 5 and state["state"] == "exhausted"
        assert await _count_events(engine, created["id"], "reveal") == 5

    async def test_each_release_of_a_batch_is_logged_with_its_fields_viewer_and_network(
        self, serving: tuple[httpx.AsyncClient, FastAPI], engine: AsyncEngine
    ) -> None:
        client, _ = serving
        learner, created, token = await _serving_share(client)
        browser = {**JSON, "User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"}
        responses = await asyncio.gather(*(client.post(f"/s/{token}/reveal", headers=browser) for _ in range(12)))
        automated = await client.post(f"/s/{token}/reveal", headers={**JSON, "User-Agent": "curl/8.5.0"})
        assert [r.status_code for r in (*responses, automated)] == [200] * 13
        async with engine.connect() as connection:
            rows = (
                await connection.execute(
                    select(ShareEvent).where(
                        col(ShareEvent.share_id) == uuid.UUID(created["id"]), col(ShareEvent.event) == "reveal"
                    )
                )
            ).all()
        assert len(rows) == 13
        events = [row._mapping for row in rows]
        assert all(e["fields"] == ["title"] and e["count"] == 1 and e["network"] is not None for e in events)
        assert all(e["viewer_class"] == "anonymous" and e["viewer_body_id"] is None for e in events)
        assert sorted(e["automated"] for e in events) == [False] * 12 + [True]
        assert len({e["id"] for e in events}) == 13
        state = (await client.get(f"{SHARES}/{created['id']}", headers=learner.headers)).json()
        assert state["views"] == 13

    async def test_events_written_for_the_driver_are_stored_as_sqlalchemy_stores_them(
        self, client: httpx.AsyncClient, learner: Account, connection: AsyncConnection
    ) -> None:
        """`add_events` hands SQLite's driver values it converted itself: the stored columns must be exactly what
        SQLAlchemy's own INSERT stores (on PostgreSQL both are SQLAlchemy's)."""
        credential = await imported(client, learner, OB3)
        created = await share(client, learner, [{"credential_id": credential["id"], "fields": ["title"]}])
        body_id = await create_body(connection, name="Agence de reconnaissance")
        moment = datetime(2026, 12, 7, 21, 30, 1, 123456, tzinfo=UTC)
        variants: list[dict[str, Any]] = [
            {"viewer_body_id": None, "automated": False, "network": None, "fields": []},
            {"viewer_body_id": body_id, "automated": True, "network": "192.0.2.0/24", "fields": ["title", "grade"]},
            {"viewer_body_id": None, "automated": False, "network": "2001:db8::/48", "fields": ["intitulé", "ö"]},
        ]
        pairs: list[tuple[uuid.UUID, uuid.UUID]] = []
        events_table = cast(Any, ShareEvent).__table__
        for variant in variants:
            common: dict[str, Any] = {
                "share_id": uuid.UUID(created["id"]),
                "event": "reveal",
                "viewer_class": "officer",
                "at": moment,
            }
            ours, theirs = ({**common, **variant, "id": uuid.uuid4(), "count": 1} for _ in range(2))
            pairs.append((ours["id"], theirs["id"]))

            def write(sync: Any, ours: dict[str, Any] = ours, theirs: dict[str, Any] = theirs) -> None:
                with Session(bind=sync) as session:
                    ReleaseStatements(session).add_events([ours])
                    session.connection().execute(insert(events_table), [theirs])

            await connection.run_sync(write)
        columns = ", ".join(f"CAST({name} AS TEXT)" for name in EVENT_COLUMNS)

        async def stored(event_id: uuid.UUID) -> list[Any]:
            on_sqlite = connection.dialect.name == "sqlite"
            raw = await connection.exec_driver_sql(
                f"SELECT {columns} FROM share_events WHERE id = "  # noqa: S608 - constant column names
                + ("?" if on_sqlite else "$1::uuid"),
                (event_id.hex if on_sqlite else str(event_id),),
            )
            return list(raw.one())

        for ours_id, theirs_id in pairs:
            ours_row, theirs_row = await stored(ours_id), await stored(theirs_id)
            assert ours_row[0] != theirs_row[0]
            assert ours_row[1:] == theirs_row[1:]
        read_back = (await connection.execute(select(ShareEvent).where(col(ShareEvent.id) == pairs[1][0]))).one()
        assert read_back._mapping["viewer_body_id"] == body_id and read_back._mapping["at"] == moment

    async def test_a_failed_statement_fails_only_its_own_links_releases(
        self, serving: tuple[httpx.AsyncClient, FastAPI], engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        client, app = serving
        if app.state.release_batches.quiet is None:
            pytest.skip("one statement per link is PostgreSQL's path; SQLite commits a batch in one transaction")
        learner, failing, failing_token = await _serving_share(client)
        _, working, working_token = await _serving_share(client)
        original = release_quietly

        async def failing_for_one(connection: Any, digest: str, *arguments: Any) -> Any:
            if digest == token_digest(failing_token):
                raise OperationalError("WITH counted AS (UPDATE …)", {}, Exception("database is away"))
            return await original(connection, digest, *arguments)

        monkeypatch.setattr(sharing_service, "release_quietly", failing_for_one)
        tokens = [failing_token, working_token] * 8
        responses = await asyncio.gather(*(client.post(f"/s/{token}/reveal", headers=JSON) for token in tokens))
        assert [r.status_code for r in responses] == [503, 200] * 8
        monkeypatch.undo()
        assert await _count_events(engine, failing["id"], "reveal") == 0
        assert await _count_events(engine, working["id"], "reveal") == 8
        state = (await client.get(f"{SHARES}/{failing['id']}", headers=learner.headers)).json()
        assert state["views"] == 0

    async def test_a_transaction_that_fails_releases_and_counts_nothing(
        self, serving: tuple[httpx.AsyncClient, FastAPI], engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        client, _ = serving
        learner, created, token = await _serving_share(client)

        def unavailable(self: ReleaseStatements, rows: Any) -> None:
            raise OperationalError("INSERT", {}, Exception("database is away"))

        async def quietly_unavailable(*arguments: Any) -> None:
            raise OperationalError("WITH counted AS (UPDATE …)", {}, Exception("database is away"))

        monkeypatch.setattr(ReleaseStatements, "add_events", unavailable)
        monkeypatch.setattr(sharing_service, "release_quietly", quietly_unavailable)  # PostgreSQL's one statement
        responses = await asyncio.gather(*(client.post(f"/s/{token}/reveal", headers=JSON) for _ in range(5)))
        assert {r.status_code for r in responses} == {503}
        assert all("1EdTech" not in r.text for r in responses)
        monkeypatch.undo()
        state = (await client.get(f"{SHARES}/{created['id']}", headers=learner.headers)).json()
        assert state["views"] == 0
        assert await _count_events(engine, created["id"], "reveal") == 0


class TestLandingPages:
    async def test_identical_pages_of_two_links_each_carry_their_own_token(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        credential = await imported(client, learner, OB3)
        items = [{"credential_id": credential["id"], "fields": ["title"]}]
        first, second = (await share(client, learner, items)), (await share(client, learner, items))
        pages = {}
        for created in (first, second):
            token = token_of(created)
            page = await client.get(f"/s/{token}")
            assert f'action="/s/{token}/reveal"' in page.text
            assert "<share-base>" not in page.text
            pages[token] = page.text
        (first_token, first_page), (second_token, second_page) = pages.items()
        # The two links were made a moment apart, maybe either side of a minute: their expiries are left out.
        expiry = re.compile(r"<time [^>]*>[^<]*</time>|\d{2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} UTC")
        assert expiry.sub("", second_page) == expiry.sub("", first_page.replace(first_token, second_token))
        await client.post(f"{SHARES}/{second['id']}/revoke", headers=learner.headers)
        assert (await client.get(f"/s/{second_token}")).status_code == 410
        assert (await client.get(f"/s/{first_token}")).status_code == 200

    async def test_a_purpose_that_spells_the_placeholder_is_shown_as_written(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        credential = await imported(client, learner, OB3)
        created = await share(
            client, learner, [{"credential_id": credential["id"], "fields": ["title"]}], purpose="see <share-base>"
        )
        page = await client.get(f"/s/{token_of(created)}")
        assert "see &lt;share-base&gt;" in page.text


class TestRecognitionPacket:
    async def test_the_packet_is_computed_from_the_released_fields_only(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        credential = await imported(client, learner, EDC)
        full = await share(
            client, learner, [{"credential_id": credential["id"], "fields": ["title", "issuer", "credits", "levels"]}]
        )
        narrow = await share(client, learner, [{"credential_id": credential["id"], "fields": ["title"]}])
        packet = (await client.post(f"/s/{token_of(full)}/reveal", headers=JSON)).json()["credentials"][0][
            "recognition"
        ]
        assert packet["total_ects"] == 2
        assert "comparable" in packet["caveat"] or "not an equivalence" in packet["caveat"]
        withheld = (await client.post(f"/s/{token_of(narrow)}/reveal", headers=JSON)).json()["credentials"][0]
        assert withheld["recognition"]["total_ects"] is None
        assert withheld["recognition"]["workload"] == []
