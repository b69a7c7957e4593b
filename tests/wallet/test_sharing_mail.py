"""Links bound to an e-mail address: the one-time code travels through the outbox to a real SMTP server."""

from __future__ import annotations

import re
from collections.abc import Iterator
from email import message_from_bytes
from email.header import decode_header, make_header
from email.message import Message
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from core.outbox import deliver_mail
from core.settings import Settings
from tests.factories import Account, import_file
from tests.servers import LOOPBACK, free_port

SHARES = "/v1/wallet/shares"
JSON = {"Accept": "application/json"}


class Mailbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:  # noqa: N802 - aiosmtpd's hook name
        assert isinstance(envelope.content, bytes)
        self.messages.append(message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    box = Mailbox()
    port = free_port()
    controller = Controller(box, hostname=LOOPBACK, port=port)
    controller.start()
    try:
        yield box, port
    finally:
        controller.stop()


@pytest.fixture
def app_settings(settings: Settings, mailbox: tuple[Mailbox, int]) -> Settings:
    return settings.model_copy(
        update={
            "smtp_host": LOOPBACK,
            "smtp_port": mailbox[1],
            "smtp_starttls": False,
            "share_requests_per_minute": 1000,
        }
    )


async def deliver(client: httpx.AsyncClient) -> int:
    state: Any = client.app.state.passerelle  # type: ignore[attr-defined]
    return await deliver_mail(state.sessionmaker, state.settings)


def body_of(message: Message) -> str:
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode()


def subject_of(message: Message) -> str:
    """The subject as the recipient reads it (a non-ASCII subject travels RFC 2047-encoded)."""
    return str(make_header(decode_header(message["Subject"])))


class TestRecipientEmail:
    async def test_the_viewer_opens_with_the_code_sent_to_the_recipient(
        self,
        client: httpx.AsyncClient,
        learner: Account,
        mailbox: tuple[Mailbox, int],
        connection: AsyncConnection,
    ) -> None:
        box, _ = mailbox
        credential = (await import_file(client, learner, "ob3-complete.json", "application/ld+json")).json()
        created = await client.post(
            SHARES,
            json={
                "items": [{"credential_id": credential["id"], "fields": ["title"]}],
                "purpose": "Job application",
                "recipient": {"email": "hr@employer.example"},
                "notify_first_reveal": True,
            },
            headers=learner.headers,
        )
        token = created.json()["url"].rsplit("/", 1)[1]
        landing = await client.get(f"/s/{token}")
        assert "code" in landing.text.lower()
        assert (await client.post(f"/s/{token}/reveal", headers=JSON)).status_code == 403

        assert (await client.post(f"/s/{token}/code", headers=JSON)).status_code == 202
        assert box.messages == []  # nothing leaves before the outbox runs
        assert await deliver(client) == 1
        [mail] = box.messages
        assert mail["To"] == "hr@employer.example"
        code = re.search(r"\b(\d{8})\b", body_of(mail))
        assert code is not None
        stored = (await connection.execute(text("SELECT body, sent_at FROM outbox_mail"))).all()
        assert stored[0][0] is None and stored[0][1] is not None  # the code does not stay at rest

        wrong = await client.post(f"/s/{token}/reveal", json={"code": "00000000"}, headers=JSON)
        assert wrong.status_code == 403 and wrong.json()["code"] == "code_rejected"
        opened = await client.post(f"/s/{token}/reveal", json={"code": code.group(1)}, headers=JSON)
        assert opened.status_code == 200, opened.text
        assert opened.json()["credentials"][0]["fields"]["title"] == "1EdTech University Degree"

        assert await deliver(client) == 1  # the learner hears about the first reveal
        notice = box.messages[-1]
        assert notice["To"] == learner.email
        assert token not in body_of(notice) and "1EdTech University Degree" not in body_of(notice)
        events = (await client.get(f"{SHARES}/{created.json()['id']}/events", headers=learner.headers)).json()
        assert [e["event"] for e in events["items"]][:3] == ["reveal", "code_failed", "code_sent"]
        assert events["items"][0]["viewer_class"] == "recipient"

    async def test_a_code_stops_working_after_five_wrong_attempts(
        self, client: httpx.AsyncClient, learner: Account, mailbox: tuple[Mailbox, int]
    ) -> None:
        box, _ = mailbox
        credential = (await import_file(client, learner, "ob3-complete.json", "application/ld+json")).json()
        created = await client.post(
            SHARES,
            json={
                "items": [{"credential_id": credential["id"], "fields": ["title"]}],
                "purpose": "x",
                "recipient": {"email": "hr@employer.example"},
            },
            headers=learner.headers,
        )
        token = created.json()["url"].rsplit("/", 1)[1]
        await client.post(f"/s/{token}/code", headers=JSON)
        await deliver(client)
        code = re.search(r"\b(\d{8})\b", body_of(box.messages[-1]))
        assert code is not None
        for _ in range(5):
            await client.post(f"/s/{token}/reveal", json={"code": "99999999"}, headers=JSON)
        late = await client.post(f"/s/{token}/reveal", json={"code": code.group(1)}, headers=JSON)
        assert late.status_code == 403

    async def test_undeliverable_mail_stays_in_the_outbox(
        self, client: httpx.AsyncClient, learner: Account, connection: AsyncConnection, settings: Settings
    ) -> None:
        credential = (await import_file(client, learner, "ob3-complete.json", "application/ld+json")).json()
        created = await client.post(
            SHARES,
            json={
                "items": [{"credential_id": credential["id"], "fields": ["title"]}],
                "purpose": "x",
                "recipient": {"email": "hr@employer.example"},
            },
            headers=learner.headers,
        )
        token = created.json()["url"].rsplit("/", 1)[1]
        await client.post(f"/s/{token}/code", headers=JSON)
        state: Any = client.app.state.passerelle  # type: ignore[attr-defined]
        down = settings.model_copy(update={"smtp_host": LOOPBACK, "smtp_port": free_port(), "smtp_starttls": False})
        assert await deliver_mail(state.sessionmaker, down) == 0
        [(body, attempts, sent_at)] = (
            await connection.execute(text("SELECT body, attempts, sent_at FROM outbox_mail"))
        ).all()
        assert body and attempts == 1 and sent_at is None


class TestMailLanguage:
    async def test_the_code_mail_is_in_the_recipients_language_else_the_learners(
        self,
        client: httpx.AsyncClient,
        learner: Account,
        other_learner: Account,
        mailbox: tuple[Mailbox, int],
    ) -> None:
        box, _ = mailbox
        assert (await client.patch("/v1/me", json={"language": "fr"}, headers=learner.headers)).status_code == 200
        assert (await client.patch("/v1/me", json={"language": "de"}, headers=other_learner.headers)).status_code == 200
        credential = (await import_file(client, learner, "ob3-complete.json", "application/ld+json")).json()

        async def code_mail(email: str) -> tuple[str, Message]:
            created = await client.post(
                SHARES,
                json={
                    "items": [{"credential_id": credential["id"], "fields": ["title"]}],
                    "purpose": "Candidature",
                    "recipient": {"email": email},
                },
                headers=learner.headers,
            )
            token: str = created.json()["url"].rsplit("/", 1)[1]
            # The viewer's language does not decide the mail's: the recipient's or the learner's does.
            sent = await client.post(f"/s/{token}/code", headers={**JSON, "Accept-Language": "es"})
            assert sent.status_code == 202
            assert await deliver(client) == 1
            return token, box.messages[-1]

        token, mail = await code_mail("hr@employer.example")  # no account: the learner's language
        assert mail["To"] == "hr@employer.example"
        assert subject_of(mail) == "Votre code pour ouvrir une attestation partagée"
        assert mail["Content-Language"] == "fr"  # mail clients and screen readers read it in French
        assert mail["Content-Transfer-Encoding"] != "8bit", mail["Content-Transfer-Encoding"]
        body = body_of(mail).replace("\r\n", "\n")
        assert body.startswith("Quelqu'un a partagé une attestation avec vous sur Passerelle (http://test).\n\n")
        assert body.endswith("\n\nIl est valable 15 minutes. Si vous ne l'avez pas demandé, ignorez ce message.\n")
        code = re.search(r"^Votre code : (\d{8})$", body, re.MULTILINE)
        assert code is not None
        opened = await client.post(f"/s/{token}/reveal", json={"code": code.group(1)}, headers=JSON)
        assert opened.status_code == 200, opened.text

        _, mail = await code_mail(other_learner.email)  # an account's address: its own language
        assert subject_of(mail) == "Ihr Code zum Öffnen eines geteilten Nachweises"
        assert mail["Content-Language"] == "de"
        assert re.search(r"^Ihr Code: \d{8}\r?$", body_of(mail), re.MULTILINE)
