"""Webhooks per Standard Webhooks, over real HTTP to a receiver running as its own process on loopback: signatures
that the reference library (`standardwebhooks`) verifies and tampered copies it refuses, retries with backoff, dead
letters and redelivery, 410 Gone, the SSRF guard at registration and at send time, `passerelle worker`, and who may
see what."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import anyio
import anyio.to_thread
import httpx
import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlmodel import col
from standardwebhooks import Webhook, WebhookVerificationError

from core import outbound
from core.accounts.models import Institution as InstitutionRow
from core.accounts.schemas import InstitutionCreate
from core.accounts.service import create_institution
from core.clock import utcnow
from core.database import create_engine, create_sessionmaker, transaction
from core.outbound import OutboundRefused
from core.settings import Settings
from tests.factories import Account, Institution, onboard
from tests.servers import LOOPBACK, free_port, wait_for_port
from tests.wallet.test_inbox import OB3_JWT, SD_JWT, item, push
from wallet.inbox.models import InstitutionEvent
from wallet.webhooks import delivery, signing
from wallet.webhooks import service as webhooks
from wallet.webhooks.delivery import MAX_ATTEMPTS, Round, backoff, backoff_ceiling, deliver_due
from wallet.webhooks.models import WebhookDelivery
from wallet.webhooks.schemas import WebhookEndpointCreate

ROOT = Path(__file__).resolve().parents[2]
WEBHOOKS = "/v1/institutions/webhooks"
DELIVERIES = f"{WEBHOOKS}/deliveries"
INBOX = "/v1/wallet/inbox"


# ------------------------------------------------------------------------------------------------- the receiver


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def id(self) -> str:
        return self.headers["webhook-id"]

    @property
    def timestamp(self) -> int:
        return int(self.headers["webhook-timestamp"])

    def json(self) -> Any:
        return json.loads(self.body)


class Receiver:
    """The receiving process: records every POST, answers what a test queued for a path (204 otherwise)."""

    def __init__(self, base: str) -> None:
        self.base = base

    def path(self) -> str:
        """A path of its own for one test's endpoint, so tests never see each other's requests."""
        return f"/hooks/{uuid.uuid4().hex}"

    def url(self, path: str) -> str:
        return self.base + path

    async def answer(self, path: str, *answers: dict[str, Any]) -> None:
        async with httpx.AsyncClient() as http:
            queued = await http.post(f"{self.base}/_answers", json={"path": path, "answers": list(answers)})
            assert queued.status_code == 204

    async def received(self, path: str) -> list[Received]:
        async with httpx.AsyncClient() as http:
            recorded = (await http.get(f"{self.base}/_requests")).json()
        return [
            Received(
                path=entry["path"],
                headers={name.lower(): value for name, value in entry["headers"]},
                body=base64.b64decode(entry["body"]),
            )
            for entry in recorded
            if entry["path"] == path
        ]

    async def wait_for(self, path: str, count: int = 1, seconds: float = 15.0) -> list[Received]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            found = await self.received(path)
            if len(found) >= count:
                return found
            await asyncio.sleep(0.05)
        raise AssertionError(f"{path} received fewer than {count} requests in {seconds} s")


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.wallet.webhook_receiver", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port)
        yield Receiver(f"http://{LOOPBACK}:{port}")
    finally:
        process.terminate()
        process.wait(timeout=5)


# --------------------------------------------------------------------------------------------------- fixtures


@pytest.fixture
def app_settings(settings: Settings) -> Settings:
    # The receiver is on loopback: only its address literal is allow-listed, never a name resolving to it.
    return settings.model_copy(update={"outbound_allowed_hosts": [LOOPBACK], "webhook_timeout_seconds": 2.0})


@pytest.fixture
async def leiden(client: httpx.AsyncClient, admin: Account) -> Institution:
    return await onboard(client, admin, "Universiteit Leiden")


@pytest.fixture
async def lyon(client: httpx.AsyncClient, admin: Account) -> Institution:
    return await onboard(client, admin, "Université de Lyon")


async def register(
    client: httpx.AsyncClient, institution: Institution, url: str, event_types: list[str] | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {"url": url}
    if event_types is not None:
        body["event_types"] = event_types
    created = await client.post(WEBHOOKS, json=body, headers=institution.headers())
    assert created.status_code == 201, created.text
    endpoint: dict[str, Any] = created.json()
    return endpoint


async def deliver(client: httpx.AsyncClient, now: datetime | None = None) -> Round:
    state: Any = client.app.state.passerelle  # type: ignore[attr-defined]
    return await deliver_due(state.sessionmaker, state.settings, now=now)


async def push_to(client: httpx.AsyncClient, institution: Institution, learner: Account, *documents: str) -> list[str]:
    media_types = {OB3_JWT: "application/jwt", SD_JWT: "application/dc+sd-jwt"}
    items = [item(document, media_types[document], learner_id=learner.id) for document in documents]
    pushed = await push(client, institution, items)
    assert pushed.status_code == 200, pushed.text
    return [entry["item_id"] for entry in pushed.json()["items"]]


async def deliveries(client: httpx.AsyncClient, institution: Institution, **query: str) -> list[dict[str, Any]]:
    listed = await client.get(DELIVERIES, params=query, headers=institution.headers())
    assert listed.status_code == 200, listed.text
    items: list[dict[str, Any]] = listed.json()["items"]
    return items


def reference_verify(secret: str, request: Received) -> Any:
    """What a receiver using the Standard Webhooks reference library does."""
    return Webhook(secret).verify(request.body, request.headers)


def reference_accepts(secret: str, body: bytes, headers: dict[str, str]) -> bool:
    """Whether the reference library accepts the request (it raises ValueError, not its own error, for some
    malformed signatures)."""
    try:
        Webhook(secret).verify(body, headers)
    except (WebhookVerificationError, ValueError):
        return False
    return True


# ------------------------------------------------------------------------------------------------- signatures


class TestSignatures:
    async def test_deliveries_verify_with_the_reference_library(
        self, client: httpx.AsyncClient, receiver: Receiver, leiden: Institution, learner: Account
    ) -> None:
        path = receiver.path()
        endpoint = await register(client, leiden, receiver.url(path))
        assert endpoint["secret"].startswith("whsec_") and len(base64.b64decode(endpoint["secret"][6:])) == 32
        item_ids = await push_to(client, leiden, learner, OB3_JWT, SD_JWT)

        assert await deliver(client) == Round(claimed=2, delivered=2)

        received = await receiver.received(path)
        assert len(received) == 2
        payloads = [reference_verify(endpoint["secret"], request) for request in received]
        assert sorted(p["data"]["item_id"] for p in payloads) == sorted(item_ids)
        assert {p["type"] for p in payloads} == {"delivered"}
        events = (await client.get("/v1/institutions/events", headers=leiden.headers())).json()["items"]
        assert sorted(p["data"]["event_id"] for p in payloads) == sorted(e["id"] for e in events)
        for request in received:
            assert request.headers["content-type"] == "application/json"
            assert signing.verify(endpoint["secret"], request.headers, request.body, now=int(time.time()))
        listed = await deliveries(client, leiden)
        assert {d["id"] for d in listed} == {r.id for r in received}
        assert all(d["status"] == "delivered" and d["attempts"] == 1 for d in listed)

        # The learner's decision is announced too.
        accepted = await client.post(f"{INBOX}/{item_ids[0]}/accept", headers=learner.headers)
        assert accepted.status_code == 200
        assert (await deliver(client)).delivered == 1
        last = (await receiver.received(path))[-1]
        assert reference_verify(endpoint["secret"], last)["type"] == "accepted"
        assert await deliver(client) == Round(claimed=0, delivered=0)  # nothing is sent twice

    async def test_tampered_requests_do_not_verify(
        self, client: httpx.AsyncClient, receiver: Receiver, leiden: Institution, learner: Account
    ) -> None:
        path = receiver.path()
        endpoint = await register(client, leiden, receiver.url(path))
        await push_to(client, leiden, learner, OB3_JWT, SD_JWT)
        await deliver(client)
        genuine, other = await receiver.received(path)
        secret = endpoint["secret"]
        reference_verify(secret, genuine)  # the untouched request verifies: the variants below differ by one thing

        body, headers = genuine.body, genuine.headers
        signature = headers["webhook-signature"]
        encoded = signature.removeprefix("v1,")
        key = signing.secret_key(secret)
        other_key = bytes([key[0] ^ 1]) + key[1:]

        def with_headers(**changes: str | None) -> dict[str, str]:
            changed = dict(headers)
            for argument, value in changes.items():
                name = argument.replace("_", "-")
                if value is None:
                    changed.pop(name)
                else:
                    changed[name] = value
            return changed

        def flipped(position: int) -> bytes:
            return body[:position] + bytes([body[position] ^ 0x01]) + body[position + 1 :]

        swapped_mac = hmac.new(key, f"{genuine.timestamp}.{genuine.id}.".encode() + body, hashlib.sha256).digest()
        positions = [0, 1, 7, len(body) // 4, len(body) // 3, len(body) // 2, 2 * len(body) // 3, len(body) - 2]
        variants: list[tuple[str, bytes, dict[str, str], str]] = [
            *((f"body byte {p} flipped", flipped(p), headers, secret) for p in positions),
            ("last body byte flipped", flipped(len(body) - 1), headers, secret),
            ("newline appended", body + b"\n", headers, secret),
            ("space inserted", body[:1] + b" " + body[1:], headers, secret),
            ("body truncated", body[:-1], headers, secret),
            ("empty body", b"", headers, secret),
            ("JSON re-serialised", json.dumps(json.loads(body)).encode(), headers, secret),
            ("other request's body", other.body, headers, secret),
            ("another id", body, with_headers(webhook_id=str(uuid.uuid4())), secret),
            (
                "id one character off",
                body,
                with_headers(webhook_id=genuine.id[:-1] + ("1" if genuine.id.endswith("0") else "0")),
                secret,
            ),
            ("other request's id", body, with_headers(webhook_id=other.id), secret),
            ("timestamp + 1 s", body, with_headers(webhook_timestamp=str(genuine.timestamp + 1)), secret),
            ("timestamp - 1 s", body, with_headers(webhook_timestamp=str(genuine.timestamp - 1)), secret),
            ("timestamp + 60 s", body, with_headers(webhook_timestamp=str(genuine.timestamp + 60)), secret),
            ("wrong secret", body, headers, signing.new_secret()),
            ("secret one bit off", body, headers, "whsec_" + base64.b64encode(other_key).decode()),
            ("signature truncated", body, with_headers(webhook_signature=signature[:-4]), secret),
            ("signature halved", body, with_headers(webhook_signature=signature[: len(signature) // 2]), secret),
            ("signature emptied", body, with_headers(webhook_signature="v1,"), secret),
            (
                "first signature character changed",
                body,
                with_headers(webhook_signature="v1," + ("B" if encoded[0] == "A" else "A") + encoded[1:]),
                secret,
            ),
            ("asymmetric version label", body, with_headers(webhook_signature="v1a," + encoded), secret),
            ("unknown version label", body, with_headers(webhook_signature="v2," + encoded), secret),
            (
                "other request's signature",
                body,
                with_headers(webhook_signature=other.headers["webhook-signature"]),
                secret,
            ),
            (
                "id and timestamp swapped in the signed content",
                body,
                with_headers(webhook_signature="v1," + base64.b64encode(swapped_mac).decode()),
                secret,
            ),
            ("signature missing", body, with_headers(webhook_signature=None), secret),
            ("id missing", body, with_headers(webhook_id=None), secret),
            ("timestamp missing", body, with_headers(webhook_timestamp=None), secret),
        ]
        assert len(variants) >= 30
        now = int(time.time())
        for name, variant_body, variant_headers, variant_secret in variants:
            assert not reference_accepts(variant_secret, variant_body, variant_headers), name
            assert not signing.verify(variant_secret, variant_headers, variant_body, now=now), name

    async def test_a_six_minute_old_timestamp_does_not_verify(
        self, client: httpx.AsyncClient, receiver: Receiver, leiden: Institution, learner: Account
    ) -> None:
        path = receiver.path()
        secret = (await register(client, leiden, receiver.url(path)))["secret"]
        await push_to(client, leiden, learner, OB3_JWT)
        await deliver(client)
        (genuine,) = await receiver.received(path)
        now = int(time.time())

        def resigned(timestamp: int) -> dict[str, str]:
            return signing.headers([secret], genuine.id, timestamp, genuine.body)

        Webhook(secret).verify(genuine.body, resigned(now - 4 * 60))  # four minutes: still fresh
        for stale in (now - 6 * 60, now + 6 * 60):
            with pytest.raises(WebhookVerificationError, match="too"):
                Webhook(secret).verify(genuine.body, resigned(stale))
            assert not signing.verify(secret, resigned(stale), genuine.body, now=now)

    async def test_rotation_signs_with_both_secrets_during_the_overlap(
        self, client: httpx.AsyncClient, receiver: Receiver, leiden: Institution, learner: Account
    ) -> None:
        path = receiver.path()
        endpoint = await register(client, leiden, receiver.url(path))
        first = endpoint["secret"]
        rotated = await client.post(f"{WEBHOOKS}/{endpoint['id']}/secret:rotate", headers=leiden.headers())
        assert rotated.status_code == 200, rotated.text
        second = rotated.json()["secret"]
        assert second != first and rotated.json()["previous_secret_expires_at"] is not None
        item_ids = await push_to(client, leiden, learner, OB3_JWT)
        await deliver(client)
        (during,) = await receiver.received(path)
        assert len(during.headers["webhook-signature"].split(" ")) == 2
        reference_verify(first, during)
        reference_verify(second, during)

        withdrawn = await client.post(
            f"{WEBHOOKS}/{endpoint['id']}/secret:rotate", params={"overlap_hours": 0}, headers=leiden.headers()
        )
        assert withdrawn.status_code == 200 and withdrawn.json()["previous_secret_expires_at"] is None
        third = withdrawn.json()["secret"]
        await client.post(f"{INBOX}/{item_ids[0]}/decline", headers=learner.headers)
        await deliver(client)
        after = (await receiver.received(path))[-1]
        assert reference_verify(third, after)["type"] == "declined"
        for old in (first, second):
            with pytest.raises(WebhookVerificationError):
                reference_verify(old, after)

    async def test_the_secret_is_shown_once(
        self, client: httpx.AsyncClient, receiver: Receiver, leiden: Institution
    ) -> None:
        endpoint = await register(client, leiden, receiver.url(receiver.path()), event_types=["accepted"])
        listed = (await client.get(WEBHOOKS, headers=leiden.headers())).json()["items"]
        assert [e["id"] for e in listed] == [endpoint["id"]]
        assert "secret" not in listed[0] and endpoint["secret"] not in json.dumps(listed)
        assert listed[0]["event_types"] == ["accepted"] and listed[0]["enabled"] is True


# ---------------------------------------------------------------------------------------------------- retries


class TestBackoff:
    def test_exponential_from_30_seconds_capped_at_6_hours(self) -> None:
        ceilings = [backoff_ceiling(attempts).total_seconds() for attempts in range(1, 14)]
        assert ceilings[:11] == [30, 60, 120, 240, 480, 960, 1920, 3840, 7680, 15360, 21600]
        assert ceilings[11:] == [21600, 21600]

    def test_full_jitter_draws_between_zero_and_the_ceiling(self) -> None:
        assert backoff(3, draw=lambda low, high: high) == timedelta(minutes=2)
        assert backoff(3, draw=lambda low, high: low) == timedelta(0)
        draws = [backoff(5).total_seconds() for _ in range(2000)]
        assert all(0 <= d <= 480 for d in draws)
        assert min(draws) < 120 and max(draws) > 360  # spread over the range, not pinned to the ceiling


class TestRetries:
    async def test_failures_back_off_then_dead_letter_and_redeliver(
        self, client: httpx.AsyncClient, receiver: Receiver, leiden: Institution, learner: Account
    ) -> None:
        path = receiver.path()
        endpoint = await register(client, leiden, receiver.url(path))
        await receiver.answer(path, *[{"status": 500}] * MAX_ATTEMPTS)
        await push_to(client, leiden, learner, OB3_JWT)

        now = utcnow()
        for attempt in range(1, MAX_ATTEMPTS):
            assert await deliver(client, now) == Round(claimed=1, delivered=0)
            (pending,) = await deliveries(client, leiden, status="pending")
            assert pending["attempts"] == attempt and pending["last_status_code"] == 500
            next_attempt = datetime.fromisoformat(pending["next_attempt_at"])
            assert now <= next_attempt <= now + backoff_ceiling(attempt)
            assert await deliver(client, next_attempt - timedelta(microseconds=1)) == Round(0, 0)  # not yet due
            now = next_attempt
        assert await deliver(client, now) == Round(claimed=1, delivered=0)

        (dead,) = await deliveries(client, leiden, status="dead")
        assert dead["attempts"] == MAX_ATTEMPTS and dead["next_attempt_at"] is None
        assert dead["last_status_code"] == 500 and "500" in dead["last_error"]
        assert await deliveries(client, leiden, status="pending") == []
        assert await deliver(client, now + timedelta(days=30)) == Round(0, 0)  # a dead letter is not retried
        attempts = await receiver.received(path)
        assert len(attempts) == MAX_ATTEMPTS and {a.id for a in attempts} == {dead["id"]}

        redelivered = await client.post(f"{DELIVERIES}/{dead['id']}/redeliver", headers=leiden.headers())
        assert redelivered.status_code == 200, redelivered.text
        assert redelivered.json()["status"] == "pending" and redelivered.json()["attempts"] == 0
        assert await deliver(client) == Round(claimed=1, delivered=1)
        last = (await receiver.received(path))[-1]
        assert last.id == dead["id"]  # the same webhook-id: the receiver can tell it is the same event
        reference_verify(endpoint["secret"], last)
        assert await deliveries(client, leiden, status="dead") == []
        again = await client.post(f"{DELIVERIES}/{dead['id']}/redeliver", headers=leiden.headers())
        assert again.status_code == 409 and again.json()["code"] == "webhook_delivery_not_dead"

    async def test_delivered_rows_are_pruned_after_the_retention_and_dead_letters_kept(
        self, client: httpx.AsyncClient, receiver: Receiver, leiden: Institution, learner: Account
    ) -> None:
        good, bad = receiver.path(), receiver.path()
        await register(client, leiden, receiver.url(good))
        await register(client, leiden, receiver.url(bad))
        await receiver.answer(bad, *[{"status": 500}] * MAX_ATTEMPTS)
        await push_to(client, leiden, learner, OB3_JWT)
        now = utcnow()
        for _ in range(MAX_ATTEMPTS):
            await deliver(client, now)
            now += timedelta(days=1)
        assert len(await deliveries(client, leiden, status="delivered")) == 1
        assert len(await deliveries(client, leiden, status="dead")) == 1
        state: Any = client.app.state.passerelle  # type: ignore[attr-defined]
        retention = timedelta(days=state.settings.webhook_retention_days)
        assert await delivery.prune_delivered(state.sessionmaker, state.settings, now=utcnow() + retention / 2) == 0
        assert await delivery.prune_delivered(state.sessionmaker, state.settings, now=now + retention) == 1
        assert await deliveries(client, leiden, status="delivered") == []
        assert len(await deliveries(client, leiden, status="dead")) == 1  # kept for redelivery
        events = (await client.get("/v1/institutions/events", headers=leiden.headers())).json()["items"]
        assert [event["type"] for event in events] == ["delivered"]  # the change feed keeps the event

    async def test_retry_after_is_honoured(
        self, client: httpx.AsyncClient, receiver: Receiver, leiden: Institution, learner: Account
    ) -> None:
        path = receiver.path()
        await register(client, leiden, receiver.url(path))
        await receiver.answer(path, {"status": 503, "headers": {"Retry-After": "3600"}})
        await push_to(client, leiden, learner, OB3_JWT)
        now = utcnow()
        await deliver(client, now)
        (pending,) = await deliveries(client, leiden, status="pending")
        assert datetime.fromisoformat(pending["next_attempt_at"]) >= now + timedelta(hours=1)

    async def test_redirects_and_slow_answers_are_failures(
        self, client: httpx.AsyncClient, receiver: Receiver, leiden: Institution, learner: Account
    ) -> None:
        redirecting, elsewhere, slow = receiver.path(), receiver.path(), receiver.path()
        await register(client, leiden, receiver.url(redirecting))
        await register(client, leiden, receiver.url(slow))
        await receiver.answer(redirecting, {"status": 307, "headers": {"Location": receiver.url(elsewhere)}})
        await receiver.answer(slow, {"status": 200, "delay": 4})  # past webhook_timeout_seconds (2 s)
        await push_to(client, leiden, learner, OB3_JWT)

        assert await deliver(client) == Round(claimed=2, delivered=0)

        assert await receiver.received(elsewhere) == []
        errors = {d["last_status_code"]: d["last_error"] for d in await deliveries(client, leiden, status="pending")}
        assert "307" in errors[307]
        assert errors[None] == "No answer within 2 seconds."


class TestGone:
    async def test_410_disables_the_endpoint(
        self, client: httpx.AsyncClient, receiver: Receiver, leiden: Institution, learner: Account
    ) -> None:
        path = receiver.path()
        endpoint = await register(client, leiden, receiver.url(path))
        await receiver.answer(path, {"status": 410})
        item_ids = await push_to(client, leiden, learner, OB3_JWT)

        assert await deliver(client) == Round(claimed=1, delivered=0)

        (dead,) = await deliveries(client, leiden, status="dead")
        assert dead["attempts"] == 1 and dead["last_status_code"] == 410
        (listed,) = (await client.get(WEBHOOKS, headers=leiden.headers())).json()["items"]
        assert listed["enabled"] is False and "410" in listed["disabled_reason"]
        await client.post(f"{INBOX}/{item_ids[0]}/accept", headers=learner.headers)
        assert await deliveries(client, leiden, status="pending") == []  # a disabled endpoint gets nothing new
        refused = await client.post(f"{DELIVERIES}/{dead['id']}/redeliver", headers=leiden.headers())
        assert refused.status_code == 409 and refused.json()["code"] == "webhook_endpoint_disabled"

        enabled = await client.post(f"{WEBHOOKS}/{endpoint['id']}:enable", headers=leiden.headers())
        assert enabled.status_code == 200 and enabled.json()["enabled"] is True
        assert enabled.json()["disabled_reason"] is None
        assert (await client.post(f"{DELIVERIES}/{dead['id']}/redeliver", headers=leiden.headers())).status_code == 200
        assert await deliver(client) == Round(claimed=1, delivered=1)
        assert len(await receiver.received(path)) == 2


# ------------------------------------------------------------------------------------------------------- SSRF


class TestDestinations:
    @pytest.mark.parametrize(
        "url",
        [
            "http://example.org/hooks",  # plain http to a host that is not allow-listed
            "ftp://example.org/hooks",
            "https://localhost/hooks",
            "https://127.0.0.2/hooks",
            "https://10.0.0.7/hooks",
            "https://192.168.1.20/hooks",
            "https://169.254.169.254/latest/meta-data",
            "https://[::1]/hooks",
            "https://[fd00::1]/hooks",
            "https://[::ffff:127.0.0.1]/hooks",
            "https://0.0.0.0/hooks",
            "https://user:password@example.org/hooks",
            "https://example.org/hooks#fragment",
            "https://example.org/ hooks",
        ],
    )
    async def test_private_loopback_and_non_https_urls_are_refused_at_registration(
        self, client: httpx.AsyncClient, leiden: Institution, url: str
    ) -> None:
        response = await client.post(WEBHOOKS, json={"url": url}, headers=leiden.headers())
        assert response.status_code == 422, response.text
        assert response.json()["code"] == "webhook_url_refused"
        assert (await client.get(WEBHOOKS, headers=leiden.headers())).json()["items"] == []

    async def test_a_name_resolving_to_loopback_is_refused_at_send_time(
        self,
        client: httpx.AsyncClient,
        connection: AsyncConnection,
        receiver: Receiver,
        leiden: Institution,
        learner: Account,
    ) -> None:
        # Registered while the name was acceptable (as if it had resolved to a public address then); the
        # allow-list in force at send time names 127.0.0.1 only, not `localhost`, which resolves to it.
        port = receiver.base.rsplit(":", 1)[1]
        path = receiver.path()
        async with transaction(create_sessionmaker(connection)) as session:
            await webhooks.register_endpoint(
                session,
                uuid.UUID(leiden.id),
                WebhookEndpointCreate(url=f"https://localhost:{port}{path}"),
                allowed_hosts=["localhost"],
            )
        await push_to(client, leiden, learner, OB3_JWT)

        assert await deliver(client) == Round(claimed=1, delivered=0)

        (pending,) = await deliveries(client, leiden, status="pending")
        assert pending["last_status_code"] is None
        assert pending["last_error"] == "Refused: localhost resolves to a non-public address."
        assert await receiver.received(path) == []

    async def test_the_connection_goes_to_the_address_that_was_checked(self, monkeypatch: pytest.MonkeyPatch) -> None:
        answers = {"hooks.example.org": ["93.184.216.34"], "rebound.example.org": ["93.184.216.34", "127.0.0.1"]}

        async def resolve(host: str, port: int) -> list[str]:
            return answers[host]

        monkeypatch.setattr(outbound, "resolve", resolve)
        target, headers, extensions = await delivery.pinned_target("https://hooks.example.org:8443/in?x=1", [])
        assert str(target) == "https://93.184.216.34:8443/in?x=1"
        assert headers == {"Host": "hooks.example.org:8443"} and extensions == {"sni_hostname": "hooks.example.org"}
        with pytest.raises(OutboundRefused, match="non-public"):
            await delivery.pinned_target("https://rebound.example.org/in", [])
        with pytest.raises(OutboundRefused, match="https only"):
            await delivery.pinned_target("http://hooks.example.org/in", [])
        allowed = await delivery.pinned_target("http://127.0.0.1:9/in", ["127.0.0.1"])
        assert str(allowed[0]) == "http://127.0.0.1:9/in" and allowed[1:] == ({}, {})


# -------------------------------------------------------------------------------------------------- isolation


class TestIsolation:
    async def test_another_institution_gets_404(
        self, client: httpx.AsyncClient, receiver: Receiver, leiden: Institution, lyon: Institution, learner: Account
    ) -> None:
        endpoint = await register(client, leiden, receiver.url(receiver.path()))
        await push_to(client, leiden, learner, OB3_JWT)
        (pending,) = await deliveries(client, leiden)
        for method, url in (
            ("DELETE", f"{WEBHOOKS}/{endpoint['id']}"),
            ("POST", f"{WEBHOOKS}/{endpoint['id']}/secret:rotate"),
            ("POST", f"{WEBHOOKS}/{endpoint['id']}:enable"),
            ("POST", f"{DELIVERIES}/{pending['id']}/redeliver"),
        ):
            response = await client.request(method, url, headers=lyon.headers())
            assert response.status_code == 404, (method, url, response.text)
        assert (await client.get(WEBHOOKS, headers=lyon.headers())).json()["items"] == []
        assert await deliveries(client, lyon) == []
        assert await deliveries(client, lyon, endpoint_id=endpoint["id"]) == []
        (still,) = (await client.get(WEBHOOKS, headers=leiden.headers())).json()["items"]
        assert still["id"] == endpoint["id"]

    async def test_events_reach_only_their_institutions_endpoints(
        self, client: httpx.AsyncClient, receiver: Receiver, leiden: Institution, lyon: Institution, learner: Account
    ) -> None:
        leiden_path, lyon_path = receiver.path(), receiver.path()
        await register(client, leiden, receiver.url(leiden_path))
        await register(client, lyon, receiver.url(lyon_path))
        await push_to(client, leiden, learner, OB3_JWT)
        await deliver(client)
        assert len(await receiver.received(leiden_path)) == 1
        assert await receiver.received(lyon_path) == []

    async def test_only_institutions_manage_webhooks(self, client: httpx.AsyncClient, learner: Account) -> None:
        for response in (
            await client.get(WEBHOOKS, headers=learner.headers),
            await client.post(WEBHOOKS, json={"url": "https://example.org/hooks"}, headers=learner.headers),
            await client.get(DELIVERIES),
        ):
            assert response.status_code == 401


# ------------------------------------------------------------------------------------------------ the queue


class TestQueue:
    async def test_event_types_filter_what_an_endpoint_gets(
        self, client: httpx.AsyncClient, receiver: Receiver, leiden: Institution, learner: Account
    ) -> None:
        path = receiver.path()
        endpoint = await register(client, leiden, receiver.url(path), event_types=["accepted"])
        (item_id,) = await push_to(client, leiden, learner, OB3_JWT)
        assert await deliveries(client, leiden) == []
        await client.post(f"{INBOX}/{item_id}/accept", headers=learner.headers)
        await deliver(client)
        (request,) = await receiver.received(path)
        assert reference_verify(endpoint["secret"], request)["data"]["item_id"] == item_id

    async def test_deleting_an_endpoint_deletes_its_deliveries(
        self,
        client: httpx.AsyncClient,
        connection: AsyncConnection,
        receiver: Receiver,
        leiden: Institution,
        learner: Account,
    ) -> None:
        path = receiver.path()
        endpoint = await register(client, leiden, receiver.url(path))
        await push_to(client, leiden, learner, OB3_JWT)
        deleted = await client.delete(f"{WEBHOOKS}/{endpoint['id']}", headers=leiden.headers())
        assert deleted.status_code == 204
        count = select(func.count()).select_from(WebhookDelivery)
        assert (await connection.execute(count)).scalar_one() == 0
        assert await deliver(client) == Round(0, 0)
        assert (await client.delete(f"{WEBHOOKS}/{endpoint['id']}", headers=leiden.headers())).status_code == 404

    async def test_at_most_ten_endpoints(
        self, client: httpx.AsyncClient, receiver: Receiver, leiden: Institution
    ) -> None:
        for _ in range(webhooks.MAX_ENDPOINTS):
            await register(client, leiden, receiver.url(receiver.path()))
        refused = await client.post(WEBHOOKS, json={"url": receiver.url("/one-more")}, headers=leiden.headers())
        assert refused.status_code == 409 and refused.json()["code"] == "too_many_webhook_endpoints"

    async def test_the_dispatcher_delivers_in_the_background(
        self, client: httpx.AsyncClient, receiver: Receiver, leiden: Institution, learner: Account
    ) -> None:
        path = receiver.path()
        secret = (await register(client, leiden, receiver.url(path)))["secret"]
        await push_to(client, leiden, learner, OB3_JWT)
        state: Any = client.app.state.passerelle  # type: ignore[attr-defined]
        dispatcher = delivery.WebhookDispatcher(state.sessionmaker, state.settings, interval=0.05)
        dispatcher.start()
        try:
            (request,) = await receiver.wait_for(path)
        finally:
            await dispatcher.stop()
        reference_verify(secret, request)

    async def test_stopping_the_dispatcher_leaves_the_connection_usable(
        self, client: httpx.AsyncClient, connection: AsyncConnection
    ) -> None:
        # A round cancelled inside its transaction invalidated the connection, and on SQLite the write lock stayed
        # with it: the next test's writes failed with "database is locked". A stop now lets the round finish.
        state: Any = client.app.state.passerelle  # type: ignore[attr-defined]
        for pause in (0.0, 0.003, 0.007, 0.011, 0.02):
            dispatcher = delivery.WebhookDispatcher(state.sessionmaker, state.settings, interval=0.0)
            dispatcher.start()
            await asyncio.sleep(pause)
            await dispatcher.stop()
            assert (await connection.execute(select(1))).scalar_one() == 1


class TestConcurrentRounds:
    async def test_rounds_running_at_once_send_each_delivery_once(
        self, app_settings: Settings, engine: AsyncEngine, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # Committed data on the session's engine, as several workers see it; removed at the end.
        monkeypatch.setattr(delivery, "BATCH", 10)  # three rounds must share thirty deliveries
        sessions = create_sessionmaker(engine)
        path = receiver.path()
        async with transaction(sessions) as session:
            institution = await create_institution(session, InstitutionCreate(name=f"Concurrent {uuid.uuid4().hex}"))
            await webhooks.register_endpoint(
                session, institution.id, WebhookEndpointCreate(url=receiver.url(path)), allowed_hosts=[LOOPBACK]
            )
            events = [
                InstitutionEvent(
                    institution_id=institution.id, seq=n + 1, type="delivered", data={"external_id": f"c{n}"}
                )
                for n in range(30)
            ]
            session.add_all(events)
            await webhooks.enqueue_many(session, events)
        try:
            rounds = await asyncio.gather(*(deliver_due(sessions, app_settings) for _ in range(3)))
            assert [r.claimed for r in rounds] == [10, 10, 10]
            assert sum(r.delivered for r in rounds) == 30
            received = await receiver.received(path)
            assert len(received) == 30 and len({r.id for r in received}) == 30
        finally:
            async with transaction(sessions) as session:
                await session.execute(delete(InstitutionRow).where(col(InstitutionRow.id) == institution.id))


# ------------------------------------------------------------------------------------------- passerelle worker


class TestWorkerCommand:
    async def test_the_worker_delivers_until_sigterm(self, tmp_path: Path, receiver: Receiver) -> None:
        env = {name: value for name, value in os.environ.items() if not name.startswith("PASSERELLE_")}
        env.update(
            PASSERELLE_DATA_DIR=str(tmp_path / "var"),
            PASSERELLE_OUTBOUND_ALLOWED_HOSTS=json.dumps([LOOPBACK]),
            PASSERELLE_PUBLIC_URL="http://127.0.0.1",
        )
        command = str(Path(sys.executable).parent / "passerelle")
        await anyio.run_process([command, "migrate"], env=env)
        path = receiver.path()
        engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'var' / 'passerelle.db'}")
        try:
            async with transaction(create_sessionmaker(engine)) as session:
                institution = await create_institution(session, InstitutionCreate(name="Hogeschool Utrecht"))
                endpoint = await webhooks.register_endpoint(
                    session, institution.id, WebhookEndpointCreate(url=receiver.url(path)), allowed_hosts=[LOOPBACK]
                )
                event = InstitutionEvent(
                    institution_id=institution.id, seq=1, type="delivered", data={"external_id": "x1"}
                )
                session.add(event)
                await webhooks.enqueue(session, event)

            worker = await anyio.open_process(
                [command, "worker", "--interval", "0.2"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
            )
            try:
                (request,) = await receiver.wait_for(path)
            finally:
                worker.send_signal(signal.SIGTERM)
                with anyio.fail_after(15):
                    exit_code = await worker.wait()
            assert worker.stdout is not None
            output = b"".join([chunk async for chunk in worker.stdout]).decode()
            assert exit_code == 0, output
            assert "worker_stopped" in output and endpoint.secret not in output
            assert reference_verify(endpoint.secret, request)["data"]["external_id"] == "x1"
            async with engine.connect() as connection:
                status = select(col(WebhookDelivery.status)).where(col(WebhookDelivery.event_id) == event.id)
                assert (await connection.execute(status)).scalar_one() == "delivered"
        finally:
            await engine.dispose()
