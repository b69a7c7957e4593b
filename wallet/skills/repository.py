"""The skills profile's queries; each filters by the owner in SQL."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from wallet.models import Credential
from wallet.verification.models import CredentialVerification


class SkillsRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def credentials(self, owner_id: uuid.UUID) -> Sequence[tuple[uuid.UUID, str, str | None, dict[str, Any]]]:
        """(id, format, label, summary) of every credential of the owner, oldest first."""
        statement = (
            select(col(Credential.id), col(Credential.format), col(Credential.label), col(Credential.summary))
            .where(col(Credential.owner_id) == owner_id)
            .order_by(col(Credential.id))
        )
        return [(row[0], row[1], row[2], row[3]) for row in (await self.session.execute(statement)).all()]

    async def latest_verifications(
        self, owner_id: uuid.UUID, credential_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, dict[str, Any]]:
        """The latest stored verification result of each of these credentials that has one."""
        if not credential_ids:
            return {}
        statement = (
            select(col(CredentialVerification.credential_id), col(CredentialVerification.result))
            .where(
                col(CredentialVerification.owner_id) == owner_id,
                col(CredentialVerification.credential_id).in_(list(credential_ids)),
            )
            .order_by(col(CredentialVerification.id).desc())
        )
        latest: dict[uuid.UUID, dict[str, Any]] = {}
        for credential_id, result in (await self.session.execute(statement)).all():
            latest.setdefault(credential_id, result)
        return latest
