"""A view limit under concurrent reveals: each request in its own transaction on its own connection."""

from __future__ import annotations

import asyncio
import re
import secrets
import uuid

import httpx
import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import col

from core.accounts.models import User
from core.outbox import OutboxMail
from core.settings import Settings
from tests.factories import create_account, import_file
from wallet.sharing.models import ShareCode, ShareEvent


@pytest.fixture
def app_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"share_requests_per_minute": 10_000})


class TestConcurrentCodeGuesses:
    async def test_parallel_guesses_spend_exactly_the_five_attempts_and_no_more(
        self, committing_client: httpx.AsyncClient, engine: AsyncEngine
    ) -> None:
        # Each guess checks the code and counts the attempt in one statement: twenty wrong guesses sent together
        # cannot all read "no attempt yet"; exactly five are counted, the rest refused, and then the right code too.
        client = committing_client
        email = f"guess-{secrets.token_hex(4)}@example.org"
        learner = await create_account(client, email=email)
        json_only = {"Accept": "application/json"}
        try:
            credential = (await import_file(client, learner, "ob3-complete.json", "application/ld+json")).json()
            created = await client.post(
                "/v1/wallet/shares",
                json={
                    "items": [{"credential_id": credential["id"], "fields": ["title"]}],
                    "purpose": "x",
                    "recipient": {"email": "hr@employer.example"},
                },
                headers=learner.headers,
            )
            token = created.json()["url"].rsplit("/", 1)[1]
            assert (await client.post(f"/s/{token}/code", headers=json_only)).status_code == 202
            async with engine.connect() as connection:
                body = (
                    await connection.execute(
                        select(col(OutboxMail.body)).where(col(OutboxMail.recipient) == "hr@employer.example")
                    )
                ).scalar_one()
            found = re.search(r"(\d{8})", body or "")
            assert found is not None
            right = found.group(1)
            wrong = f"{(int(right) + 1) % 10**8:08d}"
            guesses = await asyncio.gather(
                *(client.post(f"/s/{token}/reveal", json={"code": wrong}, headers=json_only) for _ in range(20))
            )
            assert {g.status_code for g in guesses} == {403}, [g.text for g in guesses]
            async with engine.connect() as connection:
                attempts = (await connection.execute(select(col(ShareCode.attempts)))).scalars().all()
            assert attempts == [5]
            late = await client.post(f"/s/{token}/reveal", json={"code": right}, headers=json_only)
            assert late.status_code == 403 and late.json()["code"] == "code_rejected"
        finally:
            async with engine.begin() as connection:
                await connection.execute(delete(OutboxMail).where(col(OutboxMail.recipient) == "hr@employer.example"))
                await connection.execute(delete(User).where(col(User.email) == email))


class TestConcurrentReveals:
    async def test_one_view_under_fifty_concurrent_reveals(
        self, committing_client: httpx.AsyncClient, engine: AsyncEngine
    ) -> None:
        client = committing_client
        email = f"race-{secrets.token_hex(4)}@example.org"
        learner = await create_account(client, email=email)
        try:
            credential = (await import_file(client, learner, "ob3-complete.json", "application/ld+json")).json()
            created = await client.post(
                "/v1/wallet/shares",
                json={
                    "items": [{"credential_id": credential["id"], "fields": ["title"]}],
                    "purpose": "x",
                    "max_views": 1,
                },
                headers=learner.headers,
            )
            assert created.status_code == 201, created.text
            token = created.json()["url"].rsplit("/", 1)[1]
            responses = await asyncio.gather(
                *(client.post(f"/s/{token}/reveal", headers={"Accept": "application/json"}) for _ in range(50))
            )
            statuses = sorted(r.status_code for r in responses)
            assert statuses.count(200) == 1, statuses
            assert set(statuses) <= {200, 410}
            async with engine.connect() as connection:
                reveals = (
                    await connection.execute(
                        select(func.count()).where(
                            col(ShareEvent.event) == "reveal",
                            col(ShareEvent.share_id) == uuid.UUID(created.json()["id"]),
                        )
                    )
                ).scalar_one()
            assert reveals == 1
        finally:
            async with engine.begin() as connection:
                await connection.execute(delete(User).where(col(User.email) == email))
