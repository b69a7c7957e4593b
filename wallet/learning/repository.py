"""Every query on self-recorded learning tables. Learner-side queries filter by owner in SQL; the endorser's side
finds a request by its token digest only."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from wallet.learning.models import (
    Endorsement,
    EndorsementRequest,
    LearningEntry,
    LearningEvidence,
    LearningEvidenceContent,
)


class LearningRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, *rows: Any) -> None:
        self.session.add_all(rows)
        await self.session.flush()

    # -- entries -----------------------------------------------------------------------------------------------
    async def entry(
        self, owner_id: uuid.UUID, entry_id: uuid.UUID, *, for_update: bool = False
    ) -> LearningEntry | None:
        statement = select(LearningEntry).where(
            col(LearningEntry.id) == entry_id, col(LearningEntry.owner_id) == owner_id
        )
        if for_update:
            statement = statement.with_for_update()
        return (await self.session.execute(statement)).scalars().first()

    async def entries(self, owner_id: uuid.UUID, entry_ids: Sequence[uuid.UUID]) -> list[LearningEntry]:
        if not entry_ids:
            return []
        statement = (
            select(LearningEntry)
            .where(col(LearningEntry.owner_id) == owner_id, col(LearningEntry.id).in_(list(entry_ids)))
            .order_by(col(LearningEntry.id).desc())
        )
        return list((await self.session.execute(statement)).scalars().all())

    async def page(self, owner_id: uuid.UUID, *, limit: int, before: uuid.UUID | None) -> list[LearningEntry]:
        statement = select(LearningEntry).where(col(LearningEntry.owner_id) == owner_id)
        if before is not None:
            statement = statement.where(col(LearningEntry.id) < before)
        statement = statement.order_by(col(LearningEntry.id).desc()).limit(limit)
        return list((await self.session.execute(statement)).scalars().all())

    async def update_versioned(
        self, owner_id: uuid.UUID, entry_id: uuid.UUID, *, expected_version: int, values: dict[str, Any]
    ) -> bool:
        statement = (
            update(LearningEntry)
            .where(
                col(LearningEntry.id) == entry_id,
                col(LearningEntry.owner_id) == owner_id,
                col(LearningEntry.version) == expected_version,
            )
            .values(**values, version=LearningEntry.version + 1)
            .execution_options(synchronize_session=False)
        )
        result = await self.session.execute(statement)
        return bool(getattr(result, "rowcount", 0))

    async def delete_entry(self, owner_id: uuid.UUID, entry_id: uuid.UUID) -> bool:
        # Evidence, its bytes, endorsement requests and endorsements go with it (ON DELETE CASCADE).
        statement = delete(LearningEntry).where(
            col(LearningEntry.id) == entry_id, col(LearningEntry.owner_id) == owner_id
        )
        result = await self.session.execute(statement)
        return bool(getattr(result, "rowcount", 0))

    # -- evidence ----------------------------------------------------------------------------------------------
    async def evidence_of(self, entry_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[LearningEvidence]]:
        found: dict[uuid.UUID, list[LearningEvidence]] = {entry_id: [] for entry_id in entry_ids}
        if entry_ids:
            statement = (
                select(LearningEvidence)
                .where(col(LearningEvidence.entry_id).in_(list(entry_ids)))
                .order_by(col(LearningEvidence.id))
            )
            for evidence in (await self.session.execute(statement)).scalars():
                found[evidence.entry_id].append(evidence)
        return found

    async def count_evidence(self, entry_id: uuid.UUID) -> int:
        statement = select(func.count()).select_from(LearningEvidence).where(col(LearningEvidence.entry_id) == entry_id)
        return int((await self.session.execute(statement)).scalar_one())

    async def evidence_file(
        self, entry_id: uuid.UUID, evidence_id: uuid.UUID, *, owner_id: uuid.UUID | None
    ) -> tuple[LearningEvidence, bytes] | None:
        """An evidence file of an entry with its bytes; of that owner's entry only, when `owner_id` is given."""
        statement = (
            select(LearningEvidence, col(LearningEvidenceContent.content))
            .join(LearningEvidenceContent, col(LearningEvidenceContent.evidence_id) == col(LearningEvidence.id))
            .where(col(LearningEvidence.id) == evidence_id, col(LearningEvidence.entry_id) == entry_id)
        )
        if owner_id is not None:
            statement = statement.where(col(LearningEvidence.owner_id) == owner_id)
        row = (await self.session.execute(statement)).first()
        return (row[0], row[1]) if row else None

    async def delete_evidence(self, owner_id: uuid.UUID, entry_id: uuid.UUID, evidence_id: uuid.UUID) -> bool:
        statement = delete(LearningEvidence).where(
            col(LearningEvidence.id) == evidence_id,
            col(LearningEvidence.entry_id) == entry_id,
            col(LearningEvidence.owner_id) == owner_id,
        )
        result = await self.session.execute(statement)
        return bool(getattr(result, "rowcount", 0))

    # -- endorsements ------------------------------------------------------------------------------------------
    async def endorsements_of(self, entry_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[Endorsement]]:
        found: dict[uuid.UUID, list[Endorsement]] = {entry_id: [] for entry_id in entry_ids}
        if entry_ids:
            statement = (
                select(Endorsement).where(col(Endorsement.entry_id).in_(list(entry_ids))).order_by(col(Endorsement.id))
            )
            for endorsement in (await self.session.execute(statement)).scalars():
                found[endorsement.entry_id].append(endorsement)
        return found

    async def requests(self, owner_id: uuid.UUID, entry_id: uuid.UUID) -> list[EndorsementRequest]:
        statement = (
            select(EndorsementRequest)
            .where(col(EndorsementRequest.entry_id) == entry_id, col(EndorsementRequest.owner_id) == owner_id)
            .order_by(col(EndorsementRequest.id).desc())
        )
        return list((await self.session.execute(statement)).scalars().all())

    async def request(
        self, owner_id: uuid.UUID, entry_id: uuid.UUID, request_id: uuid.UUID, *, for_update: bool = False
    ) -> EndorsementRequest | None:
        statement = select(EndorsementRequest).where(
            col(EndorsementRequest.id) == request_id,
            col(EndorsementRequest.entry_id) == entry_id,
            col(EndorsementRequest.owner_id) == owner_id,
        )
        if for_update:
            statement = statement.with_for_update()
        return (await self.session.execute(statement)).scalars().first()

    async def request_by_digest(self, digest: str) -> EndorsementRequest | None:
        statement = select(EndorsementRequest).where(col(EndorsementRequest.token_digest) == digest)
        return (await self.session.execute(statement)).scalars().first()

    async def consume(self, digest: str, now: datetime) -> uuid.UUID | None:
        """Mark an active link used, in one statement (two confirmations at once: one wins); answers its id."""
        statement = (
            update(EndorsementRequest)
            .where(
                col(EndorsementRequest.token_digest) == digest,
                col(EndorsementRequest.used_at).is_(None),
                col(EndorsementRequest.withdrawn_at).is_(None),
                col(EndorsementRequest.expires_at) > now,
            )
            .values(used_at=now)
            .returning(col(EndorsementRequest.id))
            .execution_options(synchronize_session=False)
        )
        return (await self.session.execute(statement)).scalars().first()
