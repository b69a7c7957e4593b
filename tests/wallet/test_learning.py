"""Self-recorded learning through the API: entries (labelled self-declared or endorsed), evidence files checked by
content, one-time endorsement links whose endorsements the service signs, and entries attached to recognition
requests as the body's officers see them."""

from __future__ import annotations

import io
import json
import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import markupsafe
import pytest
from fpdf import FPDF
from joserfc import jws
from joserfc.jwk import KeySet
from PIL import Image
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import col

from core.accounts.models import Role
from core.clock import utcnow
from core.outbox import OutboxMail
from core.settings import Settings
from tests.factories import Account, create_body, create_staff
from wallet.learning.errors import EvidenceMalformed, EvidenceTypeRefused
from wallet.learning.evidence import check_evidence
from wallet.learning.models import EndorsementRequest, LearningEvidence, LearningEvidenceContent

LEARNING = "/v1/wallet/learning"
ENTRY = {
    "kind": "informal",
    "title": "Coordinating the food bank's volunteers",
    "description": "Planned weekly shifts for 25 volunteers and trained newcomers.",
    "started_on": "2024-09-01",
    "ended_on": "2025-06-30",
    "organisation": "Banque alimentaire de Lyon",
    "place": "Lyon, France",
    "hours": 320,
    "learning_outcomes": [
        {
            "text": "Coordinate a team of volunteers",
            "esco_uri": "http://data.europa.eu/esco/skill/coordinate-volunteers",
        },
        {"text": "Plan shifts"},
    ],
}
EVIDENCE_LIMIT = 64 * 1024
UPLOAD_LIMIT = 256 * 1024


@pytest.fixture
def app_settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={"learning_evidence_max_bytes": EVIDENCE_LIMIT, "upload_body_limit": UPLOAD_LIMIT, "smtp_host": None}
    )


def pdf_bytes() -> bytes:
    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=12)
    document.cell(text="Certificate of volunteering")
    return bytes(document.output())


def image_bytes(kind: str, size: tuple[int, int] = (8, 8)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=kind)
    return buffer.getvalue()


async def create_entry(client: httpx.AsyncClient, account: Account, **changes: Any) -> dict[str, Any]:
    response = await client.post(LEARNING, json={**ENTRY, **changes}, headers=account.headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def upload(
    client: httpx.AsyncClient, account: Account, entry_id: str, content: bytes, media_type: str, name: str = "file"
) -> httpx.Response:
    return await client.post(
        f"{LEARNING}/{entry_id}/evidence",
        files={"file": (name, content, media_type)},
        headers=account.headers,
    )


async def ask_endorsement(
    client: httpx.AsyncClient, account: Account, entry_id: str, **endorser: Any
) -> dict[str, Any]:
    response = await client.post(
        f"{LEARNING}/{entry_id}/endorsement-requests",
        json={
            "endorser": {"name": "Claire Martin", "organisation": "Banque alimentaire de Lyon", **endorser},
            "message": "Could you confirm my volunteering with you?",
        },
        headers=account.headers,
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def api_path(created: dict[str, Any]) -> str:
    return str(httpx.URL(created["api_url"]).path)


def page_path(created: dict[str, Any]) -> str:
    return str(httpx.URL(created["url"]).path)


def confirmation(version: int = 1, **changes: Any) -> dict[str, Any]:
    return {
        "name": "Claire Martin",
        "role": "Volunteer coordinator",
        "comment": "Reliable and kind.",
        "entry_version": version,
        **changes,
    }


async def evidence_rows(connection: AsyncConnection) -> tuple[int, int]:
    metadata = (await connection.execute(select(func.count()).select_from(LearningEvidence))).scalar_one()
    content = (await connection.execute(select(func.count()).select_from(LearningEvidenceContent))).scalar_one()
    return metadata, content


class TestEntries:
    async def test_create_read_list(self, client: httpx.AsyncClient, learner: Account) -> None:
        created = await create_entry(client, learner)

        assert created["attestation"] == "self_declared"
        assert created["title"] == ENTRY["title"] and created["hours"] == 320
        assert created["learning_outcomes"][0]["esco_uri"].startswith("http://data.europa.eu/esco/")
        assert created["evidence"] == [] and created["endorsements"] == [] and created["version"] == 1
        read = await client.get(f"{LEARNING}/{created['id']}", headers=learner.headers)
        assert read.status_code == 200 and read.json() == created
        assert read.headers["ETag"]
        second = await create_entry(client, learner, title="Evening course in Italian", kind="non_formal")
        listed = (await client.get(LEARNING, headers=learner.headers)).json()
        assert [item["id"] for item in listed["items"]] == [second["id"], created["id"]]
        assert {item["attestation"] for item in listed["items"]} == {"self_declared"}

    async def test_update_needs_the_current_etag(self, client: httpx.AsyncClient, learner: Account) -> None:
        created = await create_entry(client, learner)
        path = f"{LEARNING}/{created['id']}"
        etag = (await client.get(path, headers=learner.headers)).headers["ETag"]

        missing = await client.patch(path, json={"hours": 300}, headers=learner.headers)
        assert missing.status_code == 428
        changed = await client.patch(path, json={"hours": 300}, headers={**learner.headers, "If-Match": etag})
        assert changed.status_code == 200, changed.text
        assert changed.json()["hours"] == 300 and changed.json()["version"] == 2
        stale = await client.patch(path, json={"hours": 1}, headers={**learner.headers, "If-Match": etag})
        assert stale.status_code == 412
        assert (await client.get(path, headers=learner.headers)).json()["hours"] == 300

    async def test_refuses_bad_input(self, client: httpx.AsyncClient, learner: Account) -> None:
        backwards = await client.post(
            LEARNING, json={**ENTRY, "started_on": "2025-01-01", "ended_on": "2024-01-01"}, headers=learner.headers
        )
        nul = await client.post(LEARNING, json={**ENTRY, "title": "a\u0000b"}, headers=learner.headers)
        extra = await client.post(LEARNING, json={**ENTRY, "attestation": "endorsed"}, headers=learner.headers)

        for response in (backwards, nul, extra):
            assert response.status_code == 422
            assert response.headers["content-type"] == "application/problem+json"
        assert (await client.get(LEARNING, headers=learner.headers)).json()["items"] == []

    async def test_delete_removes_evidence_and_endorsements(
        self, client: httpx.AsyncClient, learner: Account, connection: AsyncConnection
    ) -> None:
        created = await create_entry(client, learner)
        assert (await upload(client, learner, created["id"], pdf_bytes(), "application/pdf")).status_code == 201
        link = await ask_endorsement(client, learner, created["id"])
        assert (await client.post(api_path(link), json=confirmation())).status_code == 201

        deleted = await client.delete(f"{LEARNING}/{created['id']}", headers=learner.headers)

        assert deleted.status_code == 204
        assert (await client.get(f"{LEARNING}/{created['id']}", headers=learner.headers)).status_code == 404
        assert await evidence_rows(connection) == (0, 0)
        requests = await connection.execute(select(func.count()).select_from(EndorsementRequest))
        assert requests.scalar_one() == 0


class TestEvidence:
    @pytest.mark.parametrize(
        ("make", "media_type"),
        [
            (pdf_bytes, "application/pdf"),
            (lambda: image_bytes("PNG"), "image/png"),
            (lambda: image_bytes("JPEG"), "image/jpeg"),
        ],
        ids=["pdf", "png", "jpeg"],
    )
    async def test_upload_and_download(
        self, client: httpx.AsyncClient, learner: Account, make: Any, media_type: str
    ) -> None:
        entry = await create_entry(client, learner)
        content = make()

        response = await upload(client, learner, entry["id"], content, media_type, name='../"certificate".bin')

        assert response.status_code == 201, response.text
        evidence = response.json()
        assert evidence["media_type"] == media_type and evidence["size_bytes"] == len(content)
        assert "/" not in evidence["filename"] and '"' not in evidence["filename"]
        download = await client.get(f"{LEARNING}/{entry['id']}/evidence/{evidence['id']}", headers=learner.headers)
        assert download.status_code == 200
        assert download.content == content
        assert download.headers["content-type"] == media_type
        assert download.headers["content-disposition"].startswith("attachment;")
        assert download.headers["x-content-type-options"] == "nosniff"
        listed = (await client.get(f"{LEARNING}/{entry['id']}", headers=learner.headers)).json()
        assert [e["id"] for e in listed["evidence"]] == [evidence["id"]]

    async def test_raw_body_upload_with_a_name(self, client: httpx.AsyncClient, learner: Account) -> None:
        entry = await create_entry(client, learner)
        response = await client.post(
            f"{LEARNING}/{entry['id']}/evidence",
            params={"filename": "attestation bénévole.pdf"},
            content=pdf_bytes(),
            headers={**learner.headers, "Content-Type": "application/pdf"},
        )
        assert response.status_code == 201, response.text
        assert response.json()["filename"] == "attestation bénévole.pdf"
        download = await client.get(
            f"{LEARNING}/{entry['id']}/evidence/{response.json()['id']}", headers=learner.headers
        )
        assert "filename*=UTF-8''attestation%20b%C3%A9n%C3%A9vole.pdf" in download.headers["content-disposition"]

    async def test_refusals_store_nothing(
        self, client: httpx.AsyncClient, learner: Account, connection: AsyncConnection
    ) -> None:
        entry = await create_entry(client, learner)
        pdf = pdf_bytes()
        cases = {
            "over the evidence limit": (pdf + b"%" * EVIDENCE_LIMIT, "application/pdf", 413),
            "over the upload limit": (pdf + b"%" * UPLOAD_LIMIT, "application/pdf", 413),
            "html": (b"<html><script>alert(1)</script></html>", "text/html", 415),
            "html declared as pdf": (b"<html><script>alert(1)</script></html>", "application/pdf", 415),
            "svg declared as png": (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/png", 415),
            "png declared as pdf": (image_bytes("PNG"), "application/pdf", 422),
            "truncated pdf": (pdf[: len(pdf) // 2], "application/pdf", 422),
            "pdf without a version": (b"%PDF-x\n" + pdf[8:], "application/pdf", 422),
            "truncated png": (image_bytes("PNG")[:-20], "image/png", 422),
            "png with a bad crc": (
                image_bytes("PNG")[:29] + b"\x00\x00\x00\x00" + image_bytes("PNG")[33:],
                "image/png",
                422,
            ),
            "truncated jpeg": (image_bytes("JPEG")[:-40], "image/jpeg", 422),
            "jpeg header only": (
                b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9",
                "image/jpeg",
                422,
            ),
            "empty": (b"", "application/pdf", 422),
        }
        for name, (content, media_type, expected) in cases.items():
            response = await upload(client, learner, entry["id"], content, media_type)
            assert response.status_code == expected, (name, response.text)
            assert response.headers["content-type"] == "application/problem+json", name
        assert await evidence_rows(connection) == (0, 0)
        assert (await client.get(f"{LEARNING}/{entry['id']}", headers=learner.headers)).json()["evidence"] == []

    def test_the_content_decides_not_the_declaration(self) -> None:
        assert check_evidence(image_bytes("JPEG"), "application/octet-stream") == "image/jpeg"
        assert check_evidence(image_bytes("JPEG"), "image/jpg") == "image/jpeg"
        with pytest.raises(EvidenceMalformed):
            check_evidence(image_bytes("JPEG"), "image/png")
        with pytest.raises(EvidenceTypeRefused):
            check_evidence(b"GIF89a" + b"\x00" * 20, "application/octet-stream")

    async def test_delete_evidence(
        self, client: httpx.AsyncClient, learner: Account, connection: AsyncConnection
    ) -> None:
        entry = await create_entry(client, learner)
        evidence = (await upload(client, learner, entry["id"], image_bytes("PNG"), "image/png")).json()
        path = f"{LEARNING}/{entry['id']}/evidence/{evidence['id']}"

        assert (await client.delete(path, headers=learner.headers)).status_code == 204
        assert (await client.get(path, headers=learner.headers)).status_code == 404
        assert await evidence_rows(connection) == (0, 0)


class TestEndorsement:
    async def test_link_flow_end_to_end(
        self, client: httpx.AsyncClient, learner: Account, connection: AsyncConnection
    ) -> None:
        entry = await create_entry(client, learner)
        await upload(client, learner, entry["id"], pdf_bytes(), "application/pdf", name="letter.pdf")
        link = await ask_endorsement(client, learner, entry["id"], email="claire@banque-alimentaire.example")
        assert link["status"] == "pending"
        token = link["url"].rsplit("/", 1)[-1]
        stored = (await connection.execute(select(col(EndorsementRequest.token_digest)))).scalars().all()
        assert token not in str(stored) and len(stored) == 1
        recipient, body = (await connection.execute(select(col(OutboxMail.recipient), col(OutboxMail.body)))).one()
        assert recipient == "claire@banque-alimentaire.example" and link["url"] in (body or "")

        opened = await client.get(api_path(link))
        assert opened.status_code == 200, opened.text
        invitation = opened.json()
        assert invitation["learner"] == "Ada"
        assert invitation["entry"]["title"] == ENTRY["title"]
        assert invitation["entry"]["evidence"][0]["filename"] == "letter.pdf"
        assert invitation["requested_endorser"]["email"] is None
        assert opened.headers["referrer-policy"] == "no-referrer"
        assert (await client.get(f"{LEARNING}/{entry['id']}", headers=learner.headers)).json()[
            "attestation"
        ] == "self_declared"

        confirmed = await client.post(api_path(link), json=confirmation(invitation["entry"]["version"]))
        assert confirmed.status_code == 201, confirmed.text

        read = (await client.get(f"{LEARNING}/{entry['id']}", headers=learner.headers)).json()
        assert read["attestation"] == "endorsed"
        [endorsement] = read["endorsements"]
        assert endorsement["endorser"] == {
            "name": "Claire Martin",
            "role": "Volunteer coordinator",
            "organisation": None,
        }
        assert endorsement["covers_current_version"] is True
        listed = (await client.get(LEARNING, headers=learner.headers)).json()["items"]
        assert listed[0]["attestation"] == "endorsed"
        requests = (await client.get(f"{LEARNING}/{entry['id']}/endorsement-requests", headers=learner.headers)).json()
        assert [r["status"] for r in requests] == ["endorsed"]

        # The endorsement verifies with another library against the service's published keys.
        keys = KeySet.import_key_set((await client.get("/.well-known/jwks.json")).json())
        verified = jws.deserialize_compact(endorsement["jws"], keys, algorithms=["ES256"])
        assert verified.protected["typ"] == "learning-endorsement+jwt"
        claims = json.loads(verified.payload)
        assert claims["iss"] == "http://test"
        assert claims["sub"] == f"urn:uuid:{entry['id']}"
        assert claims["endorser"] == {"name": "Claire Martin", "role": "Volunteer coordinator"}
        assert claims["comment"] == "Reliable and kind."
        assert claims["learner"] == {"name": "Ada"}
        assert claims["entry"]["title"] == ENTRY["title"] and claims["entry"]["version"] == 1
        assert claims["entry"]["evidence"][0]["filename"] == "letter.pdf"
        tampered = endorsement["jws"][:-4] + ("AAAA" if not endorsement["jws"].endswith("AAAA") else "BBBB")
        with pytest.raises(Exception):  # noqa: B017,PT011 - any verification failure will do
            jws.deserialize_compact(tampered, keys, algorithms=["ES256"])

    async def test_the_mail_is_in_the_endorsers_language_else_the_learners(
        self, client: httpx.AsyncClient, learner: Account, other_learner: Account, connection: AsyncConnection
    ) -> None:
        entry = await create_entry(client, learner)

        async def mail_to(email: str) -> tuple[str, str]:
            link = await ask_endorsement(client, learner, entry["id"], email=email)
            subject, body = (
                await connection.execute(
                    select(col(OutboxMail.subject), col(OutboxMail.body))
                    .where(col(OutboxMail.recipient) == email)
                    .order_by(col(OutboxMail.created_at).desc(), col(OutboxMail.id).desc())
                    .limit(1)
                )
            ).one()
            assert body is not None and link["url"] in body
            return subject, body

        subject, body = await mail_to("claire@banque-alimentaire.example")
        assert subject == "Ada asks you to endorse their learning"  # English, as it always read
        assert body.startswith(
            "Hello Claire Martin,\n\nAda recorded this learning in their Passerelle wallet:\n\n"
            f"  {ENTRY['title']}\n\nand asks you to confirm it. Read it and, if it is right, endorse it here "
            "(the link works once, until 20"
        )

        assert (await client.patch("/v1/me", json={"language": "de"}, headers=learner.headers)).status_code == 200
        subject, body = await mail_to("claire@banque-alimentaire.example")  # no account: the learner's language
        assert subject == "Ada bittet Sie, das Gelernte zu bestätigen"
        assert body.startswith("Guten Tag Claire Martin,\n\nAda hat dieses Lernen in der eigenen Passerelle-Wallet")
        assert re.search(r"funktioniert nur einmal, bis zum \d{1,2}\. \w+ \d{4}\):", body)
        assert body.endswith("Wenn Sie diese Person oder dieses Lernen nicht kennen, ignorieren Sie diese Nachricht.\n")

        assert (await client.patch("/v1/me", json={"language": "fr"}, headers=other_learner.headers)).status_code == 200
        subject, body = await mail_to(other_learner.email)  # an account's address: its own language
        assert subject == "Ada vous demande de confirmer ses apprentissages"
        assert "et vous demande de le confirmer." in body

    async def test_a_link_works_once(self, client: httpx.AsyncClient, learner: Account) -> None:
        entry = await create_entry(client, learner)
        link = await ask_endorsement(client, learner, entry["id"])
        assert (await client.post(api_path(link), json=confirmation())).status_code == 201

        again = await client.post(api_path(link), json=confirmation(name="Someone else"))
        assert again.status_code == 410 and again.json()["code"] == "endorsement_link_used"
        assert "{token}" in again.json()["instance"]
        assert (await client.get(api_path(link))).status_code == 410
        endorsements = (await client.get(f"{LEARNING}/{entry['id']}", headers=learner.headers)).json()["endorsements"]
        assert [e["endorser"]["name"] for e in endorsements] == ["Claire Martin"]

    async def test_an_expired_link_is_refused(
        self, client: httpx.AsyncClient, learner: Account, connection: AsyncConnection
    ) -> None:
        entry = await create_entry(client, learner)
        link = await ask_endorsement(client, learner, entry["id"])
        assert utcnow() + timedelta(days=13) < httpx_datetime(link["expires_at"]) <= utcnow() + timedelta(days=14)
        await connection.execute(update(EndorsementRequest).values(expires_at=utcnow() - timedelta(seconds=1)))

        response = await client.post(api_path(link), json=confirmation())
        assert response.status_code == 410 and response.json()["code"] == "endorsement_link_expired"
        read = (await client.get(f"{LEARNING}/{entry['id']}", headers=learner.headers)).json()
        assert read["attestation"] == "self_declared" and read["endorsements"] == []

    async def test_a_withdrawn_link_is_refused(self, client: httpx.AsyncClient, learner: Account) -> None:
        entry = await create_entry(client, learner)
        link = await ask_endorsement(client, learner, entry["id"])
        withdrawn = await client.post(
            f"{LEARNING}/{entry['id']}/endorsement-requests/{link['id']}/withdraw", headers=learner.headers
        )
        assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"

        response = await client.post(api_path(link), json=confirmation())
        assert response.status_code == 410 and response.json()["code"] == "endorsement_link_withdrawn"
        assert (await client.get(page_path(link))).status_code == 410

    async def test_an_endorsed_request_cannot_be_withdrawn(self, client: httpx.AsyncClient, learner: Account) -> None:
        entry = await create_entry(client, learner)
        link = await ask_endorsement(client, learner, entry["id"])
        assert (await client.post(api_path(link), json=confirmation())).status_code == 201
        response = await client.post(
            f"{LEARNING}/{entry['id']}/endorsement-requests/{link['id']}/withdraw", headers=learner.headers
        )
        assert response.status_code == 409

    async def test_unknown_and_malformed_tokens(self, client: httpx.AsyncClient) -> None:
        for token in ("A" * 43, "short", "x" * 64):
            response = await client.get(f"/v1/endorsements/{token}")
            assert response.status_code in (404, 422), token
            assert token not in response.text

    async def test_an_edit_after_opening_is_not_endorsed_blindly(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        entry = await create_entry(client, learner)
        link = await ask_endorsement(client, learner, entry["id"])
        path = f"{LEARNING}/{entry['id']}"
        etag = (await client.get(path, headers=learner.headers)).headers["ETag"]
        assert (
            await client.patch(path, json={"hours": 900}, headers={**learner.headers, "If-Match": etag})
        ).status_code == 200

        stale = await client.post(api_path(link), json=confirmation(version=1))
        assert stale.status_code == 409 and stale.json()["code"] == "entry_changed"
        # The link still works for the version as it is now.
        assert (await client.post(api_path(link), json=confirmation(version=2))).status_code == 201

    async def test_an_edit_after_endorsement_makes_the_entry_self_declared_again(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        entry = await create_entry(client, learner)
        link = await ask_endorsement(client, learner, entry["id"])
        assert (await client.post(api_path(link), json=confirmation())).status_code == 201
        path = f"{LEARNING}/{entry['id']}"
        etag = (await client.get(path, headers=learner.headers)).headers["ETag"]

        edited = await client.patch(path, json={"hours": 900}, headers={**learner.headers, "If-Match": etag})

        assert edited.json()["attestation"] == "self_declared"
        assert edited.json()["endorsements"][0]["covers_current_version"] is False
        assert edited.json()["endorsements"][0]["entry_version"] == 1


class TestEndorsementPage:
    async def test_page_renders_and_confirms(self, client: httpx.AsyncClient, learner: Account) -> None:
        entry = await create_entry(client, learner)
        await upload(client, learner, entry["id"], image_bytes("PNG"), "image/png", name="photo.png")
        link = await ask_endorsement(client, learner, entry["id"])

        page = await client.get(page_path(link))

        assert page.status_code == 200
        assert page.headers["content-type"] == "text/html; charset=utf-8"
        assert "style-src 'sha256-" in page.headers["content-security-policy"]
        assert page.headers["x-robots-tag"] == "noindex, nofollow"
        html = page.text
        assert '<html lang="en" dir="ltr">' in html and "Ada asks you to endorse their learning" in html
        assert str(markupsafe.escape(ENTRY["title"])) in html and "photo.png" in html and "self-declared" in html
        assert '<label for="role">' in html and 'name="entry_version" value="1"' in html

        unticked = await client.post(
            page_path(link), data={"name": "Claire Martin", "role": "Coordinator", "entry_version": "1"}
        )
        assert unticked.status_code == 422 and "Tick the box" in unticked.text
        done = await client.post(
            page_path(link),
            data={"name": "Claire Martin", "role": "Coordinator", "entry_version": "1", "accurate": "yes"},
        )
        assert done.status_code == 200, done.text
        assert "Thank you for your endorsement" in done.text
        read = (await client.get(f"{LEARNING}/{entry['id']}", headers=learner.headers)).json()
        assert read["attestation"] == "endorsed"
        used = await client.get(page_path(link))
        assert used.status_code == 410 and "no longer active" in used.text

    async def test_unknown_link_page(self, client: httpx.AsyncClient) -> None:
        response = await client.get(f"/endorse/{'A' * 43}")
        assert response.status_code == 404 and "Link not found" in response.text

    async def test_the_pages_follow_accept_language(self, client: httpx.AsyncClient, learner: Account) -> None:
        entry = await create_entry(client, learner)
        link = await ask_endorsement(client, learner, entry["id"])

        page = await client.get(page_path(link), headers={"Accept-Language": "fr-CH, de;q=0.8"})
        assert page.status_code == 200
        assert page.headers["content-language"] == "fr" and "accept-language" in page.headers["vary"].lower()
        html = page.text
        assert '<html lang="fr" dir="ltr">' in html
        assert "Ada vous demande de confirmer ses apprentissages" in html
        assert "Apprentissage informel" in html
        assert re.search(r"du <time[^>]*>1 septembre 2024</time> au <time[^>]*>30 juin 2025</time>", html)
        assert '<span class="tag">autodéclaré</span>' in html and "Votre nom" in html
        assert str(markupsafe.escape(ENTRY["title"])) in html  # the learner's own words stay as written

        unticked = await client.post(
            page_path(link),
            data={"name": "Claire Martin", "role": "x" * 201, "entry_version": "1"},
            headers={"Accept-Language": "de"},
        )
        assert unticked.status_code == 422 and unticked.headers["content-language"] == "de"
        assert "Kreuzen Sie das Kästchen an" in unticked.text
        assert "Ihre Funktion: Der Text ist länger als 200 Zeichen." in unticked.text

        done = await client.post(
            page_path(link),
            data={"name": "Claire Martin", "role": "Coordinatrice", "entry_version": "1", "accurate": "yes"},
            headers={"Accept-Language": "ar"},
        )
        assert done.status_code == 200, done.text
        assert '<html lang="ar" dir="rtl">' in done.text and "شكرًا لك على تأكيدك" in done.text

        used = await client.get(page_path(link), headers={"Accept-Language": "uk"})
        assert used.status_code == 410 and used.headers["content-language"] == "uk"
        assert "Це посилання більше не діє" in used.text
        assert "Це посилання для підтвердження вже використано; воно діє лише один раз." in used.text

    async def test_an_expired_link_page_writes_the_date_in_the_readers_language(
        self, client: httpx.AsyncClient, learner: Account, connection: AsyncConnection
    ) -> None:
        entry = await create_entry(client, learner)
        link = await ask_endorsement(client, learner, entry["id"])
        await connection.execute(update(EndorsementRequest).values(expires_at=datetime(2026, 3, 5, 12, tzinfo=UTC)))

        french = await client.get(page_path(link), headers={"Accept-Language": "fr"})
        assert french.status_code == 410
        assert "Ce lien de confirmation a expiré le 5 mars 2026." in french.text
        english = await client.get(page_path(link))
        assert "This endorsement link expired on 05 March 2026." in english.text

    async def test_unknown_link_page_in_german(self, client: httpx.AsyncClient) -> None:
        response = await client.get(f"/endorse/{'A' * 43}", headers={"Accept-Language": "de"})
        assert response.status_code == 404 and "Link nicht gefunden" in response.text
        assert "Diesen Bestätigungslink gibt es nicht." in response.text


class TestOtherLearners:
    async def test_another_learner_gets_404_and_changes_nothing(
        self, client: httpx.AsyncClient, learner: Account, other_learner: Account, connection: AsyncConnection
    ) -> None:
        entry = await create_entry(client, learner)
        evidence = (await upload(client, learner, entry["id"], pdf_bytes(), "application/pdf")).json()
        link = await ask_endorsement(client, learner, entry["id"])
        base = f"{LEARNING}/{entry['id']}"
        etag = (await client.get(base, headers=learner.headers)).headers["ETag"]
        them = other_learner.headers

        attempts = [
            await client.get(base, headers=them),
            await client.patch(base, json={"title": "Mine now"}, headers={**them, "If-Match": etag}),
            await client.delete(base, headers=them),
            await client.get(f"{base}/evidence/{evidence['id']}", headers=them),
            await client.delete(f"{base}/evidence/{evidence['id']}", headers=them),
            await upload(client, other_learner, entry["id"], pdf_bytes(), "application/pdf"),
            await client.get(f"{base}/endorsement-requests", headers=them),
            await client.post(f"{base}/endorsement-requests", json={"endorser": {"name": "X"}}, headers=them),
            await client.post(f"{base}/endorsement-requests/{link['id']}/withdraw", headers=them),
        ]

        assert [response.status_code for response in attempts] == [404] * len(attempts)
        assert (await client.get(LEARNING, headers=them)).json()["items"] == []
        mine = (await client.get(base, headers=learner.headers)).json()
        assert mine["title"] == ENTRY["title"] and len(mine["evidence"]) == 1
        assert await evidence_rows(connection) == (1, 1)
        requests = (await client.get(f"{base}/endorsement-requests", headers=learner.headers)).json()
        assert [r["status"] for r in requests] == ["pending"]

    async def test_needs_a_learner_token(self, client: httpx.AsyncClient, admin: Account) -> None:
        assert (await client.get(LEARNING)).status_code == 401
        assert (await client.get(LEARNING, headers=admin.headers)).status_code == 401


def httpx_datetime(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


class TestRecognitionRequests:
    @pytest.fixture
    async def body_id(self, connection: AsyncConnection) -> uuid.UUID:
        return await create_body(connection, name="Validation des acquis (VAE) Lyon", country="FR")

    @pytest.fixture
    async def officer(self, client: httpx.AsyncClient, connection: AsyncConnection, body_id: uuid.UUID) -> Account:
        return await create_staff(client, connection, email="vae@lyon.example", role=Role.OFFICER, body_id=body_id)

    @pytest.fixture
    async def foreign_officer(self, client: httpx.AsyncClient, connection: AsyncConnection) -> Account:
        return await create_staff(client, connection, email="other@body.example", role=Role.OFFICER)

    async def submit(
        self, client: httpx.AsyncClient, learner: Account, body_id: uuid.UUID, entry_ids: list[str]
    ) -> httpx.Response:
        return await client.post(
            "/v1/recognition/requests",
            json={
                "body_id": str(body_id),
                "purpose": "employment",
                "statement": "I ask for my volunteering experience to be validated.",
                "learning_entries": entry_ids,
            },
            headers=learner.headers,
        )

    async def test_officer_sees_labelled_entries_and_downloads_evidence(
        self,
        client: httpx.AsyncClient,
        learner: Account,
        officer: Account,
        foreign_officer: Account,
        other_learner: Account,
        body_id: uuid.UUID,
    ) -> None:
        endorsed = await create_entry(client, learner)
        evidence = (await upload(client, learner, endorsed["id"], pdf_bytes(), "application/pdf")).json()
        link = await ask_endorsement(client, learner, endorsed["id"])
        assert (await client.post(api_path(link), json=confirmation())).status_code == 201
        declared = await create_entry(client, learner, title="Self-taught Python", kind="informal")

        submitted = await self.submit(client, learner, body_id, [endorsed["id"], declared["id"]])

        assert submitted.status_code == 201, submitted.text
        case = submitted.json()
        assert case["learning_entry_ids"] == [endorsed["id"], declared["id"]]
        view = await client.get(f"/v1/recognition/cases/{case['id']}", headers=officer.headers)
        assert view.status_code == 200, view.text
        entries = view.json()["learning_entries"]
        assert [(e["title"], e["attestation"]) for e in entries] == [
            (ENTRY["title"], "endorsed"),
            ("Self-taught Python", "self_declared"),
        ]
        assert entries[0]["endorsements"][0]["endorser"]["name"] == "Claire Martin"
        assert [e["id"] for e in entries[0]["evidence"]] == [evidence["id"]]

        download_path = f"/v1/recognition/cases/{case['id']}/learning/{endorsed['id']}/evidence/{evidence['id']}"
        download = await client.get(download_path, headers=officer.headers)
        assert download.status_code == 200 and download.content == pdf_bytes_prefix(download.content)
        assert download.headers["content-disposition"].startswith("attachment;")
        assert download.headers["x-content-type-options"] == "nosniff"
        events = (await client.get(f"/v1/recognition/requests/{case['id']}/events", headers=learner.headers)).json()
        assert "learning_evidence_downloaded" in [e["action"] for e in events["items"]]

        # Nobody else: an officer of another body, the learner's token on the officers' route, another learner.
        assert (await client.get(download_path, headers=foreign_officer.headers)).status_code == 404
        assert (await client.get(download_path, headers=learner.headers)).status_code == 401
        assert (await client.get(download_path, headers=other_learner.headers)).status_code == 401
        wrong_entry = download_path.replace(endorsed["id"], declared["id"])
        assert (await client.get(wrong_entry, headers=officer.headers)).status_code == 404

        # Withdrawn: the officers see nothing more.
        withdrawn = await client.post(f"/v1/recognition/requests/{case['id']}/withdraw", headers=learner.headers)
        assert withdrawn.status_code == 200
        view = await client.get(f"/v1/recognition/cases/{case['id']}", headers=officer.headers)
        assert view.json()["learning_entries"] == []
        assert (await client.get(download_path, headers=officer.headers)).status_code == 404

    async def test_another_learners_entry_cannot_be_attached(
        self, client: httpx.AsyncClient, learner: Account, other_learner: Account, body_id: uuid.UUID
    ) -> None:
        theirs = await create_entry(client, other_learner)
        response = await self.submit(client, learner, body_id, [theirs["id"]])
        assert response.status_code == 422 and response.json()["code"] == "unknown_learning_entry"
        assert (await client.get("/v1/recognition/requests", headers=learner.headers)).json()["items"] == []

    async def test_entries_added_later(
        self, client: httpx.AsyncClient, learner: Account, officer: Account, body_id: uuid.UUID
    ) -> None:
        first = await create_entry(client, learner)
        case = (await self.submit(client, learner, body_id, [first["id"]])).json()
        later = await create_entry(client, learner, title="First-aid course", kind="non_formal")

        added = await client.post(
            f"/v1/recognition/requests/{case['id']}/documents",
            json={"learning_entries": [later["id"], first["id"]]},
            headers=learner.headers,
        )

        assert added.status_code == 200, added.text
        assert added.json()["learning_entry_ids"] == [first["id"], later["id"]]
        view = (await client.get(f"/v1/recognition/cases/{case['id']}", headers=officer.headers)).json()
        assert [e["title"] for e in view["learning_entries"]] == [ENTRY["title"], "First-aid course"]
        empty = await client.post(f"/v1/recognition/requests/{case['id']}/documents", json={}, headers=learner.headers)
        assert empty.status_code == 422


def pdf_bytes_prefix(content: bytes) -> bytes:
    assert content.startswith(b"%PDF-") and b"%%EOF" in content[-64:]
    return content
