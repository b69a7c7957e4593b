"""Whole-wallet export and import (`POST /v1/wallet/export`, `POST /v1/wallet/import`)."""

from __future__ import annotations

import hashlib
import io
import time
import uuid
import zipfile
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import col

from core.clock import utcnow
from core.database import create_sessionmaker
from core.settings import MIB, Settings
from tests.factories import Account, onboard
from tests.wallet.test_issuing import define, issue
from tests.wallet.test_learning import api_path, ask_endorsement, confirmation, create_entry, pdf_bytes, upload
from wallet.export import archive
from wallet.export.schema import DOCS_COPY, SCHEMA_PATH, render_schema
from wallet.sharing.models import Share, ShareEvent

EXPORT = "/v1/wallet/export"
IMPORT = "/v1/wallet/import"
PASSPHRASE = "a long and memorable passphrase"


@pytest.fixture
def app_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"smtp_host": None, "upload_body_limit": 20 * MIB})


@dataclass
class Wallet:
    credential_ids: list[str]
    share_tokens: list[str]


async def fill_wallet(
    client: httpx.AsyncClient, connection: AsyncConnection, admin: Account, learner: Account
) -> Wallet:
    """50 credentials signed by an institution (hosted issuing, accepted from the inbox), 10 shares, 200 access-log
    rows, one learning entry with an evidence file and an endorsement."""
    institution = await onboard(client, admin, "Buurtacademie Leiden")
    achievement = await define(client, institution)
    items = [{"recipient": {"name": "Amira Haddad", "email": learner.email}, "grade": f"{n}"} for n in range(25)]
    issued = await issue(client, institution, achievement["id"], items)
    assert issued.status_code == 200, issued.text
    inbox = (await client.get("/v1/wallet/inbox", params={"limit": 100}, headers=learner.headers)).json()["items"]
    credential_ids = []
    for item in inbox:
        accepted = await client.post(f"/v1/wallet/inbox/{item['id']}/accept", headers=learner.headers)
        assert accepted.status_code == 200, accepted.text
        credential_ids.append(accepted.json()["credential_id"])
    assert len(credential_ids) == 50
    tokens = []
    for n in range(10):
        created = await client.post(
            "/v1/wallet/shares",
            json={
                "items": [{"credential_id": credential_ids[n], "fields": ["title", "issuer"]}],
                "purpose": f"Application {n}",
            },
            headers=learner.headers,
        )
        assert created.status_code == 201, created.text
        tokens.append(created.json()["url"].rsplit("/", 1)[1])
    async with create_sessionmaker(connection)() as session:
        shares = list((await session.execute(select(col(Share.id)).order_by(col(Share.id)))).scalars())
        now = utcnow()
        session.add_all(
            ShareEvent(
                share_id=shares[n % 10],
                event="reveal",
                fields=["title"],
                viewer_class="anonymous",
                network="192.0.2.0/24",
                at=now - timedelta(minutes=n),
            )
            for n in range(200)
        )
        await session.commit()
    entry = await create_entry(client, learner)
    assert (await upload(client, learner, entry["id"], pdf_bytes(), "application/pdf")).status_code == 201
    link = await ask_endorsement(client, learner, entry["id"])
    assert (await client.post(api_path(link), json=confirmation())).status_code == 201
    return Wallet(credential_ids, tokens)


async def credentials_by_digest(client: httpx.AsyncClient, account: Account) -> dict[str, dict[str, Any]]:
    listed = await client.get("/v1/wallet/credentials", params={"limit": 100}, headers=account.headers)
    assert listed.status_code == 200
    return {c["sha256"]: c for c in listed.json()["items"]}


def rewrite(data: bytes, change: dict[str, bytes | None], add: dict[str, bytes] | None = None) -> bytes:
    """The same ZIP with some entries replaced (or, with None, dropped) and others added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = change.get(info.filename, source.read(info))
            if content is not None:
                target.writestr(info.filename, content)
        for name, content in (add or {}).items():
            target.writestr(zipfile.ZipInfo(name), content)
    return out.getvalue()


async def import_zip(client: httpx.AsyncClient, account: Account, data: bytes) -> httpx.Response:
    return await client.post(IMPORT, content=data, headers={**account.headers, "Content-Type": "application/zip"})


async def empty(client: httpx.AsyncClient, account: Account) -> bool:
    return (await credentials_by_digest(client, account)) == {}


class TestRoundTrip:
    async def test_fifty_credentials_ten_shares_two_hundred_log_rows(
        self,
        client: httpx.AsyncClient,
        connection: AsyncConnection,
        admin: Account,
        learner: Account,
        other_learner: Account,
    ) -> None:
        wallet = await fill_wallet(client, connection, admin, learner)
        started = time.perf_counter()
        exported = await client.post(EXPORT, headers=learner.headers)
        elapsed = time.perf_counter() - started
        print(f"\nexport of 50 credentials, 10 shares, 200 log rows: {elapsed:.2f} s, {len(exported.content)} bytes")
        assert exported.status_code == 200, exported.text
        assert exported.headers["content-type"] == "application/zip"
        assert elapsed < 30

        manifest, files = archive.read(exported.content)
        assert manifest.counts.model_dump() == {
            "credentials": 50,
            "shares": 10,
            "share_items": 10,
            "access_log": 200,
            "learning_entries": 1,
            "evidence": 1,
            "endorsements": 1,
        }
        shares_json = files["shares.json"].decode()
        assert "token" not in shares_json and "presentation" not in shares_json

        imported = await import_zip(client, other_learner, exported.content)
        assert imported.status_code == 201, imported.text
        assert imported.json()["counts"] == manifest.counts.model_dump()

        before = await credentials_by_digest(client, learner)
        after = await credentials_by_digest(client, other_learner)
        assert len(after) == len(before) == 50
        for digest, original in before.items():
            copy = after[digest]
            assert copy["summary"] == original["summary"]
            assert (copy["format"], copy["label"], copy["tags"]) == (
                original["format"],
                original["label"],
                original["tags"],
            )
            source = await client.get(f"/v1/wallet/credentials/{original['id']}/original", headers=learner.headers)
            restored = await client.get(f"/v1/wallet/credentials/{copy['id']}/original", headers=other_learner.headers)
            assert restored.content == source.content
            assert hashlib.sha256(restored.content).hexdigest() == digest
            verified = await client.post(
                f"/v1/wallet/credentials/{copy['id']}/verification", headers=other_learner.headers
            )
            checks = {check["check"]: check["outcome"] for check in verified.json()["checks"]}
            assert checks["signature"] == "passed", verified.json()

        shares = (await client.get("/v1/wallet/shares", params={"limit": 100}, headers=other_learner.headers)).json()
        assert len(shares["items"]) == 10
        async with create_sessionmaker(connection)() as session:
            restored_events = await session.execute(
                select(func.count())
                .select_from(ShareEvent)
                .join(Share, col(Share.id) == col(ShareEvent.share_id))
                .where(col(Share.owner_id) == uuid.UUID(other_learner.id))
            )
            assert restored_events.scalar_one() == 200
        entries = (await client.get("/v1/wallet/learning", headers=other_learner.headers)).json()["items"]
        assert len(entries) == 1
        assert len(entries[0]["evidence"]) == 1 and len(entries[0]["endorsements"]) == 1
        assert wallet.share_tokens

    async def test_imported_shares_are_history_without_a_working_link(
        self,
        client: httpx.AsyncClient,
        connection: AsyncConnection,
        learner: Account,
        other_learner: Account,
    ) -> None:
        await import_one(client, learner)
        listed = (await client.get("/v1/wallet/credentials", headers=learner.headers)).json()["items"]
        made = await client.post(
            "/v1/wallet/shares",
            json={"items": [{"credential_id": listed[0]["id"], "fields": ["title"]}], "purpose": "Job"},
            headers=learner.headers,
        )
        token = made.json()["url"].rsplit("/", 1)[1]
        exported = await client.post(EXPORT, headers=learner.headers)
        assert (await import_zip(client, other_learner, exported.content)).status_code == 201
        # The learner revokes the original; the link must not come back through the copy.
        revoked = await client.post(f"/v1/wallet/shares/{made.json()['id']}/revoke", headers=learner.headers)
        assert revoked.status_code in (200, 204), revoked.text
        page = await client.get(f"/s/{token}", headers={"Accept": "application/json"})
        assert page.status_code in (404, 410)
        async with create_sessionmaker(connection)() as session:
            copies = (
                await session.execute(select(Share).where(col(Share.owner_id) == uuid.UUID(other_learner.id)))
            ).scalars()
            for copy in copies:
                assert copy.revoked_at is not None
                assert copy.token_digest != hashlib.sha256(token.encode()).hexdigest()


async def import_one(client: httpx.AsyncClient, account: Account) -> None:
    from tests.factories import import_file

    response = await import_file(client, account, "ob3-eddsa-2022.json", "application/json")
    assert response.status_code == 201, response.text


class TestEncryption:
    async def test_encrypted_export_needs_its_passphrase(
        self, client: httpx.AsyncClient, learner: Account, other_learner: Account
    ) -> None:
        await import_one(client, learner)
        exported = await client.post(EXPORT, json={"passphrase": PASSPHRASE}, headers=learner.headers)
        assert exported.status_code == 200
        assert exported.headers["content-type"] == "application/octet-stream"
        assert exported.content[:8] == b"PSLWALLT"
        assert b"ob3" not in exported.content and b"manifest" not in exported.content

        def form(passphrase: str | None) -> dict[str, Any]:
            return {
                "files": {"file": ("wallet.zip.enc", exported.content, "application/octet-stream")},
                "data": {"passphrase": passphrase} if passphrase else {},
                "headers": other_learner.headers,
            }

        missing = await client.post(IMPORT, **form(None))
        assert missing.status_code == 422 and missing.json()["code"] == "passphrase_required"
        wrong = await client.post(IMPORT, **form("not the right passphrase"))
        assert wrong.status_code == 422 and wrong.json()["code"] == "passphrase_wrong"
        flipped = bytearray(exported.content)
        flipped[-40] ^= 1
        tampered = await client.post(
            IMPORT,
            files={"file": ("w", bytes(flipped), "application/octet-stream")},
            data={"passphrase": PASSPHRASE},
            headers=other_learner.headers,
        )
        assert tampered.status_code == 422 and tampered.json()["code"] == "passphrase_wrong"
        assert await empty(client, other_learner)
        right = await client.post(IMPORT, **form(PASSPHRASE))
        assert right.status_code == 201, right.text
        assert right.json()["counts"]["credentials"] == 1

    async def test_short_passphrase_is_refused(self, client: httpx.AsyncClient, learner: Account) -> None:
        response = await client.post(EXPORT, json={"passphrase": "short"}, headers=learner.headers)
        assert response.status_code == 422


class TestRefusals:
    async def test_tampered_original_stores_nothing(
        self, client: httpx.AsyncClient, learner: Account, other_learner: Account
    ) -> None:
        await import_one(client, learner)
        exported = (await client.post(EXPORT, headers=learner.headers)).content
        _, files = archive.read(exported)
        original = next(name for name in files if name.startswith("originals/"))
        changed = files[original][:1] + b" " + files[original][1:]  # still valid JSON, other bytes
        response = await import_zip(client, other_learner, rewrite(exported, {original: changed}))
        assert response.status_code == 422 and response.json()["code"] == "archive_tampered"
        dropped = await import_zip(client, other_learner, rewrite(exported, {original: None}))
        assert dropped.status_code == 422 and dropped.json()["code"] == "archive_tampered"
        extra = await import_zip(client, other_learner, rewrite(exported, {}, {"originals/extra": b"{}"}))
        assert extra.status_code == 422 and extra.json()["code"] == "archive_tampered"
        assert await empty(client, other_learner)

    async def test_a_wallet_with_credentials_is_refused(self, client: httpx.AsyncClient, learner: Account) -> None:
        await import_one(client, learner)
        exported = (await client.post(EXPORT, headers=learner.headers)).content
        response = await import_zip(client, learner, exported)
        assert response.status_code == 409 and response.json()["code"] == "wallet_not_empty"

    @pytest.mark.parametrize("name", ["../evil.json", "/etc/passwd", "originals\\..\\x", "a/../../b", "C:/x"])
    async def test_unsafe_entry_names(self, client: httpx.AsyncClient, learner: Account, name: str) -> None:
        exported = (await client.post(EXPORT, headers=learner.headers)).content
        response = await import_zip(client, learner, rewrite(exported, {}, {name: b"x"}))
        assert response.status_code == 422 and response.json()["code"] == "archive_unsafe", response.text

    async def test_zip_bomb(self, client: httpx.AsyncClient, learner: Account) -> None:
        exported = (await client.post(EXPORT, headers=learner.headers)).content
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
            bomb.writestr("zeros", b"\0" * (archive.MAX_UNCOMPRESSED_BYTES + 1))
        assert len(out.getvalue()) < 1 * MIB
        response = await import_zip(client, learner, out.getvalue())
        assert response.status_code == 413 and response.json()["code"] == "archive_too_large"
        assert (await import_zip(client, learner, exported)).status_code == 201  # an empty export is fine

    async def test_too_many_entries(
        self, client: httpx.AsyncClient, learner: Account, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(archive, "MAX_ENTRIES", 5)
        exported = (await client.post(EXPORT, headers=learner.headers)).content
        many = rewrite(exported, {}, {f"x{n}": b"" for n in range(5)})
        response = await import_zip(client, learner, many)
        assert response.status_code == 413 and response.json()["code"] == "archive_too_large"

    async def test_not_a_zip(self, client: httpx.AsyncClient, learner: Account) -> None:
        # Larger than the JSON limit: the import path is an upload path for the body guard.
        response = await import_zip(client, learner, b"PK" + b"x" * (3 * MIB))
        assert response.status_code == 422 and response.json()["code"] == "archive_invalid"

    async def test_other_principals_cannot_export(self, client: httpx.AsyncClient, admin: Account) -> None:
        assert (await client.post(EXPORT, headers=admin.headers)).status_code == 401
        assert (await client.post(EXPORT)).status_code == 401


class TestManifestSchema:
    async def test_the_schema_ships_in_the_export_and_in_docs(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        exported = (await client.post(EXPORT, headers=learner.headers)).content
        _, files = archive.read(exported)
        assert files[archive.MANIFEST_SCHEMA] == SCHEMA_PATH.read_bytes() == DOCS_COPY.read_bytes() == render_schema()
