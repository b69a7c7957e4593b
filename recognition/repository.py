"""Every query on recognition tables, and the few recognition needs from the wallet's (always owner-filtered)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from recognition.models import CreditRule, Framework, FrameworkLevel, GradingTable, RecognitionChange
from wallet.verification.models import CredentialVerification, TrustEntry


class RecognitionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # ------------------------------------------------------------------------------------ frameworks and levels

    async def frameworks_by_key(self) -> dict[str, Framework]:
        return {row.key: row for row in (await self.session.execute(select(Framework))).scalars()}

    async def levels_of(self, framework_id: uuid.UUID) -> dict[str, FrameworkLevel]:
        statement = select(FrameworkLevel).where(col(FrameworkLevel.framework_id) == framework_id)
        return {row.label: row for row in (await self.session.execute(statement)).scalars()}

    async def level(self, level_id: uuid.UUID) -> tuple[FrameworkLevel, Framework] | None:
        statement = (
            select(FrameworkLevel, Framework)
            .join(Framework, col(Framework.id) == col(FrameworkLevel.framework_id))
            .where(col(FrameworkLevel.id) == level_id)
        )
        row = (await self.session.execute(statement)).one_or_none()
        return (row[0], row[1]) if row else None

    # ------------------------------------------------------------------------------------------- credit rules

    async def shipped_rules(self, scope: str) -> dict[str, CreditRule]:
        statement = select(CreditRule).where(col(CreditRule.scope) == scope)
        return {row.system: row for row in (await self.session.execute(statement)).scalars()}

    async def credit_rule(self, rule_id: uuid.UUID) -> CreditRule | None:
        return await self.session.get(CreditRule, rule_id)

    async def credit_rule_for(self, system: str, scope: str) -> CreditRule | None:
        statement = select(CreditRule).where(col(CreditRule.system) == system, col(CreditRule.scope) == scope)
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def institution_rule(self, rule_id: uuid.UUID, institution_id: uuid.UUID) -> CreditRule | None:
        statement = select(CreditRule).where(
            col(CreditRule.id) == rule_id, col(CreditRule.institution_id) == institution_id
        )
        return (await self.session.execute(statement)).scalar_one_or_none()

    # ------------------------------------------------------------------------------------------ grading tables

    async def grading_table(self, table_id: uuid.UUID) -> GradingTable | None:
        return await self.session.get(GradingTable, table_id)

    async def grading_tables(
        self, *, isced_f: str | None, cycle: str | None, institution_id: uuid.UUID | None, limit: int
    ) -> list[GradingTable]:
        statement = select(GradingTable)
        if isced_f:
            statement = statement.where(col(GradingTable.isced_f).startswith(isced_f))
        if cycle:
            statement = statement.where(col(GradingTable.cycle) == cycle)
        if institution_id:
            statement = statement.where(col(GradingTable.institution_id) == institution_id)
        statement = statement.order_by(col(GradingTable.id).desc()).limit(limit)
        return list((await self.session.execute(statement)).scalars())

    async def delete_grading_table(self, table_id: uuid.UUID, institution_id: uuid.UUID | None) -> bool:
        """Delete the table; only the owning institution's when `institution_id` is given."""
        statement = delete(GradingTable).where(col(GradingTable.id) == table_id)
        if institution_id is not None:
            statement = statement.where(col(GradingTable.institution_id) == institution_id)
        result: Any = await self.session.execute(statement)
        return bool(result.rowcount)

    # ------------------------------------------------------------------------------------------- audit trail

    async def changes(self, *, limit: int, before: uuid.UUID | None) -> list[RecognitionChange]:
        statement = select(RecognitionChange)
        if before is not None:
            statement = statement.where(col(RecognitionChange.id) < before)
        statement = statement.order_by(col(RecognitionChange.id).desc()).limit(limit)
        return list((await self.session.execute(statement)).scalars())

    # ------------------------------------------------------------------------- what recognition reads of the wallet

    async def latest_verification(self, owner_id: uuid.UUID, credential_id: uuid.UUID) -> CredentialVerification | None:
        statement = (
            select(CredentialVerification)
            .where(
                col(CredentialVerification.credential_id) == credential_id,
                col(CredentialVerification.owner_id) == owner_id,
            )
            .order_by(col(CredentialVerification.id).desc())
            .limit(1)
        )
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def issuer_accreditation(self, issuer_id: str) -> TrustEntry | None:
        statement = (
            select(TrustEntry)
            .where(col(TrustEntry.kind) == "issuer", col(TrustEntry.issuer_id) == issuer_id)
            .order_by(col(TrustEntry.id).desc())
            .limit(1)
        )
        return (await self.session.execute(statement)).scalar_one_or_none()
