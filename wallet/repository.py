"""Every query on wallet tables; each one filters by the owner in SQL (OWASP API1)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement, bindparam, delete, exists, func, literal_column, select, true, type_coerce, update
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from wallet.models import Credential, CredentialDocument

# Built once: SQLAlchemy memoises a statement's cache key, so the hot read skips rebuilding and re-keying it.
_OWNED_CREDENTIAL = select(Credential).where(
    col(Credential.id) == bindparam("credential_id"), col(Credential.owner_id) == bindparam("owner_id")
)


class CredentialRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, owner_id: uuid.UUID, credential_id: uuid.UUID) -> Credential | None:
        result = await self.session.execute(_OWNED_CREDENTIAL, {"credential_id": credential_id, "owner_id": owner_id})
        return result.scalar_one_or_none()

    async def get_document(self, owner_id: uuid.UUID, credential_id: uuid.UUID) -> tuple[Credential, bytes] | None:
        statement = (
            select(Credential, CredentialDocument.content)  # type: ignore[call-overload]
            .join(CredentialDocument, col(CredentialDocument.credential_id) == col(Credential.id))
            .where(col(Credential.id) == credential_id, col(Credential.owner_id) == owner_id)
        )
        row = (await self.session.execute(statement)).one_or_none()
        return (row[0], row[1]) if row else None

    async def id_by_digest(self, owner_id: uuid.UUID, sha256: str) -> uuid.UUID | None:
        statement = select(col(Credential.id)).where(
            col(Credential.owner_id) == owner_id, col(Credential.sha256) == sha256
        )
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def add(self, credential: Credential, content: bytes) -> None:
        self.session.add(credential)
        await self.session.flush()
        self.session.add(CredentialDocument(credential_id=credential.id, content=content))
        await self.session.flush()

    def _has_tag(self, tag: str) -> ColumnElement[bool]:
        if self.session.get_bind().dialect.name == "postgresql":
            return type_coerce(col(Credential.tags), JSONB).contains([tag])
        elements = func.json_each(col(Credential.tags)).table_valued("value")
        return exists(select(literal_column("1")).select_from(elements).where(elements.c.value == tag))

    async def page(
        self,
        owner_id: uuid.UUID,
        *,
        limit: int,
        before: uuid.UUID | None = None,
        credential_format: str | None = None,
        tag: str | None = None,
        parent_id: uuid.UUID | None = None,
    ) -> list[Credential]:
        """Newest first (ids are UUIDv7), `limit` rows strictly older than `before`."""
        statement = select(Credential).where(col(Credential.owner_id) == owner_id)
        statement = statement.where(col(Credential.id) < before) if before else statement.where(true())
        if credential_format:
            statement = statement.where(col(Credential.format) == credential_format)
        if tag:
            statement = statement.where(self._has_tag(tag))
        if parent_id:
            statement = statement.where(col(Credential.parent_id) == parent_id)
        statement = statement.order_by(col(Credential.id).desc()).limit(limit)
        return list((await self.session.execute(statement)).scalars())

    async def update_versioned(
        self, owner_id: uuid.UUID, credential_id: uuid.UUID, *, expected_version: int, values: dict[str, Any]
    ) -> Credential | None:
        """Apply `values` only if the row is still at `expected_version` (optimistic concurrency)."""
        statement = (
            update(Credential)
            .where(
                col(Credential.id) == credential_id,
                col(Credential.owner_id) == owner_id,
                col(Credential.version) == expected_version,
            )
            .values(**values, version=expected_version + 1)
            .returning(Credential)
            .execution_options(synchronize_session="fetch")
        )
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def delete(self, owner_id: uuid.UUID, credential_id: uuid.UUID) -> bool:
        # The document row goes with it: ON DELETE CASCADE (SQLite runs with PRAGMA foreign_keys=ON).
        result: Any = await self.session.execute(
            delete(Credential).where(col(Credential.id) == credential_id, col(Credential.owner_id) == owner_id)
        )
        return bool(result.rowcount)
