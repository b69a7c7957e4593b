"""Retention: rows past their period are purged by the retention round; recent ones stay."""

from __future__ import annotations

import uuid
from datetime import timedelta

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import col

from core.clock import utcnow
from core.database import create_sessionmaker
from core.idempotency import IdempotencyRecord
from core.settings import Settings
from tests.factories import Account, consent_for, import_file
from wallet import retention
from wallet.inbox.models import Invitation
from wallet.sharing.models import Share, ShareEvent


async def counts(connection: AsyncConnection) -> dict[str, int]:
    result = {}
    for name, model in (
        ("events", ShareEvent),
        ("records", IdempotencyRecord),
        ("shares", Share),
        ("invitations", Invitation),
    ):
        result[name] = int((await connection.execute(select(func.count()).select_from(model))).scalar_one())
    return result


class TestPurge:
    async def test_old_rows_go_recent_rows_stay(
        self,
        client: httpx.AsyncClient,
        connection: AsyncConnection,
        settings: Settings,
        learner: Account,
        admin: Account,
    ) -> None:
        from tests.factories import onboard

        institution = await onboard(client, admin, "Université de Lyon")
        credential = await import_file(client, learner, "ob3-eddsa-2022.json", "application/json")
        credential_id = credential.json()["id"]
        now = utcnow()
        owner = uuid.UUID(learner.id)
        sessions = create_sessionmaker(connection)
        async with sessions() as session:
            consent = consent_for(owner)
            session.add(consent)
            await session.flush()
            old_share = Share(
                owner_id=owner,
                consent_id=consent.id,
                token_digest="a" * 64,
                purpose="old",
                expires_at=now - timedelta(days=91),
            )
            revoked = Share(
                owner_id=owner,
                consent_id=consent.id,
                token_digest="b" * 64,
                purpose="revoked",
                expires_at=now + timedelta(days=1),
                revoked_at=now - timedelta(days=100),
            )
            recent = Share(
                owner_id=owner,
                consent_id=consent.id,
                token_digest="c" * 64,
                purpose="recent",
                expires_at=now - timedelta(days=10),
            )
            session.add_all([old_share, revoked, recent])
            await session.flush()
            session.add_all(
                [
                    ShareEvent(
                        share_id=recent.id, event="reveal", viewer_class="anonymous", at=now - timedelta(days=366)
                    ),
                    ShareEvent(
                        share_id=recent.id, event="reveal", viewer_class="anonymous", at=now - timedelta(days=364)
                    ),
                    IdempotencyRecord(
                        principal_id=owner, key="old-key-1", request_digest="d", created_at=now - timedelta(days=8)
                    ),
                    IdempotencyRecord(
                        principal_id=owner, key="new-key-1", request_digest="d", created_at=now - timedelta(days=6)
                    ),
                    Invitation(
                        institution_id=uuid.UUID(institution.id),
                        email="x@example.org",
                        token_digest="e" * 64,
                        expires_at=now - timedelta(days=31),
                    ),
                    Invitation(
                        institution_id=uuid.UUID(institution.id),
                        email="y@example.org",
                        token_digest="f" * 64,
                        expires_at=now - timedelta(days=29),
                    ),
                ]
            )
            await session.commit()
        before = await counts(connection)
        purged = await retention.purge(sessions, settings, now=now)
        assert purged["access_log"] == 1 and purged["idempotency_records"] >= 1
        assert purged["shares"] == 2 and purged["invitations"] == 1
        after = await counts(connection)
        assert after == {
            "events": before["events"] - 1,
            "records": before["records"] - purged["idempotency_records"],
            "shares": before["shares"] - 2,
            "invitations": before["invitations"] - 1,
        }
        async with sessions() as session:
            kept = set(
                (await session.execute(select(col(Share.purpose)).where(col(Share.owner_id) == owner))).scalars()
            )
            assert kept == {"recent"}
            keys = set((await session.execute(select(col(IdempotencyRecord.key)))).scalars())
            assert "new-key-1" in keys and "old-key-1" not in keys
        assert credential_id  # the credential itself is not subject to retention
        listed = await client.get("/v1/wallet/credentials", headers=learner.headers)
        assert len(listed.json()["items"]) == 1
        assert (await retention.purge(sessions, settings, now=now)) == dict.fromkeys(purged, 0)

    async def test_periods_are_settings(self, settings: Settings) -> None:
        assert (settings.retention_access_log_days, settings.retention_idempotency_days) == (365, 7)
        assert (settings.retention_expired_share_days, settings.retention_invitation_days) == (90, 30)
