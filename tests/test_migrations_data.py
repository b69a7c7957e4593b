"""Migrations keep the data: a wallet written at an older revision survives `upgrade head` intact."""

from __future__ import annotations

import asyncio
import os
import secrets
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import column, insert, select, table
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import make_url
from sqlalchemy.types import JSON, DateTime, Integer, LargeBinary, String, Uuid

from alembic import command
from core.clock import utcnow
from core.database import alembic_config, create_engine
from core.ids import new_id
from tests.conftest import _admin_execute
from tests.factories import DATA

USERS = table(
    "users",
    column("id", Uuid()),
    column("email", String()),
    column("display_name", String()),
    column("role", String()),
    column("created_at", DateTime(timezone=True)),
    column("updated_at", DateTime(timezone=True)),
)
CREDENTIALS = table(
    "credentials",
    column("id", Uuid()),
    column("owner_id", Uuid()),
    column("format", String()),
    column("media_type", String()),
    column("sha256", String()),
    column("size_bytes", Integer()),
    column("tags", JSON().with_variant(JSONB(), "postgresql")),
    column("summary", JSON().with_variant(JSONB(), "postgresql")),
    column("version", Integer()),
    column("created_at", DateTime(timezone=True)),
    column("updated_at", DateTime(timezone=True)),
)
DOCUMENTS = table("credential_documents", column("credential_id", Uuid()), column("content", LargeBinary()))


@pytest.fixture
def empty_database(tmp_path: Path) -> Iterator[str]:
    admin_url = os.environ.get("PASSERELLE_TEST_DATABASE")
    if not admin_url:
        yield f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
        return
    name = f"passerelle_migration_{secrets.token_hex(4)}"
    asyncio.run(_admin_execute(admin_url, f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        asyncio.run(_admin_execute(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _write_old_wallet(url: str, owner: uuid.UUID, credential: uuid.UUID, content: bytes) -> None:
    engine = create_engine(url, pool=False)
    now = utcnow()
    try:
        async with engine.begin() as connection:
            await connection.execute(
                insert(USERS).values(
                    id=owner,
                    email="old@example.org",
                    display_name="Old",
                    role="learner",
                    created_at=now,
                    updated_at=now,
                )
            )
            await connection.execute(
                insert(CREDENTIALS).values(
                    id=credential,
                    owner_id=owner,
                    format="open_badges_3",
                    media_type="application/ld+json",
                    sha256="0" * 64,
                    size_bytes=len(content),
                    tags=[],
                    summary={"title": "Teamwork", "disclosures": 0},  # the shapeless summary of revision 0002
                    version=1,
                    created_at=now,
                    updated_at=now,
                )
            )
            await connection.execute(insert(DOCUMENTS).values(credential_id=credential, content=content))
    finally:
        await engine.dispose()


async def _read(url: str, credential: uuid.UUID) -> tuple[object, bytes | None]:
    engine = create_engine(url, pool=False)
    try:
        async with engine.connect() as connection:
            summary = (
                await connection.execute(select(CREDENTIALS.c.summary).where(CREDENTIALS.c.id == credential))
            ).scalar_one_or_none()
            content = (
                await connection.execute(select(DOCUMENTS.c.content).where(DOCUMENTS.c.credential_id == credential))
            ).scalar_one_or_none()
            return summary, content
    finally:
        await engine.dispose()


class TestUpgradeKeepsData:
    def test_credentials_survive_and_get_the_new_summary(self, empty_database: str) -> None:
        config = alembic_config(empty_database)
        command.upgrade(config, "0002")
        owner, credential = uuid.uuid4(), uuid.uuid4()
        content = (DATA / "ob3-simple.json").read_bytes()
        asyncio.run(_write_old_wallet(empty_database, owner, credential, content))

        command.upgrade(config, "head")

        summary, stored = asyncio.run(_read(empty_database, credential))
        assert stored == content  # batch rebuilds of referenced tables must not cascade deletes
        assert isinstance(summary, dict)
        assert summary["schema_version"] == 2
        assert summary["title"] == "Teamwork"
        assert "disclosures" not in summary and "missing" in summary


CLIENTS = table(
    "oauth_clients",
    column("id", Uuid()),
    column("client_id", String()),
    column("secret_hash", String()),
    column("name", String()),
    column("role", String()),
    column("created_at", DateTime(timezone=True)),
    column("institution_id", Uuid()),
)
INSTITUTIONS = table("institutions", column("id", Uuid()), column("name", String()))
BODIES = table(
    "recognition_bodies",
    column("id", Uuid()),
    column("name", String()),
    column("country", String()),
    column("created_at", DateTime(timezone=True)),
    column("decision_days", Integer()),
)


async def _write_client_and_body(url: str, client: uuid.UUID, body: uuid.UUID) -> None:
    engine = create_engine(url, pool=False)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                insert(CLIENTS).values(
                    id=client,
                    client_id="inst_old",
                    secret_hash="0" * 64,
                    name="Universiteit Leiden",
                    role="institution",
                    created_at=utcnow(),
                )
            )
            await connection.execute(insert(BODIES).values(id=body, name="ZAB", country="DE", created_at=utcnow()))
    finally:
        await engine.dispose()


async def _read_client_and_body(url: str, client: uuid.UUID, body: uuid.UUID) -> tuple[Any, Any, Any]:
    engine = create_engine(url, pool=False)
    try:
        async with engine.connect() as connection:
            institution_id = (
                await connection.execute(select(CLIENTS.c.institution_id).where(CLIENTS.c.id == client))
            ).scalar_one()
            name = (
                await connection.execute(select(INSTITUTIONS.c.name).where(INSTITUTIONS.c.id == institution_id))
            ).scalar_one()
            days = (await connection.execute(select(BODIES.c.decision_days).where(BODIES.c.id == body))).scalar_one()
            return institution_id, name, days
    finally:
        await engine.dispose()


class TestInstitutionsAndBodies:
    def test_existing_clients_become_institutions_and_bodies_get_defaults(self, empty_database: str) -> None:
        config = alembic_config(empty_database)
        command.upgrade(config, "0004")
        client, body = uuid.uuid4(), uuid.uuid4()
        asyncio.run(_write_client_and_body(empty_database, client, body))

        command.upgrade(config, "head")

        institution_id, name, days = asyncio.run(_read_client_and_body(empty_database, client, body))
        # The institution keeps the client's id, so rules and tables kept under it stay the institution's.
        assert institution_id == client
        assert name == "Universiteit Leiden"
        assert days == 120


INSTITUTIONS = table(
    "institutions",
    column("id", Uuid()),
    column("name", String()),
    column("kind", String()),
    column("created_at", DateTime(timezone=True)),
    column("event_seq", Integer()),
)
EVENTS = table(
    "institution_events",
    column("id", Uuid()),
    column("institution_id", Uuid()),
    column("type", String()),
    column("data", JSON().with_variant(JSONB(), "postgresql")),
    column("at", DateTime(timezone=True)),
    column("seq", Integer()),
)


async def _write_events(url: str, institutions: list[uuid.UUID], events: list[tuple[uuid.UUID, uuid.UUID]]) -> None:
    engine = create_engine(url, pool=False)
    try:
        async with engine.begin() as connection:
            for institution in institutions:
                await connection.execute(
                    INSTITUTIONS.insert().values(
                        id=institution, name=str(institution), kind="other", created_at=utcnow()
                    )
                )
            for event, institution in events:
                await connection.execute(
                    EVENTS.insert().values(id=event, institution_id=institution, type="delivered", data={}, at=utcnow())
                )
    finally:
        await engine.dispose()


async def _read_events(url: str) -> tuple[dict[uuid.UUID, int], dict[uuid.UUID, int]]:
    engine = create_engine(url, pool=False)
    try:
        async with engine.connect() as connection:
            seqs = {row[0]: row[1] for row in await connection.execute(select(EVENTS.c.id, EVENTS.c.seq))}
            last = {
                row[0]: row[1] for row in await connection.execute(select(INSTITUTIONS.c.id, INSTITUTIONS.c.event_seq))
            }
    finally:
        await engine.dispose()
    return seqs, last


class TestFeedSequence:
    def test_existing_events_are_numbered_per_institution_in_their_order(self, empty_database: str) -> None:
        config = alembic_config(empty_database)
        command.upgrade(config, "0012")
        first, second = sorted(uuid.uuid4() for _ in range(2))
        events = sorted(new_id() for _ in range(5))  # in id order: the feed order until now
        owners = [first, second, first, first, second]
        asyncio.run(_write_events(empty_database, [first, second], list(zip(events, owners, strict=True))))
        command.upgrade(config, "head")
        seqs, last = asyncio.run(_read_events(empty_database))
        assert [seqs[event] for event in events] == [1, 1, 2, 3, 2]
        assert last == {first: 3, second: 2}
