"""Idempotency keys (draft-ietf-httpapi-idempotency-key-header): a replay returns the first answer byte for byte.

The key's record is inserted at the start of the request's transaction, before any other change, and completed
with the answer in the same transaction. So the record and the data commit together or not at all; a concurrent
request with the same key waits on the unique index (PostgreSQL) or on the write lock (SQLite) and then finds the
completed record; and a request whose transaction rolled back leaves no record, so its retry runs again.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Column, LargeBinary, UniqueConstraint, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import Field, SQLModel, col

from core.clock import utcnow
from core.database import UTCDateTime
from core.errors import Conflict, InvalidInput
from core.ids import new_id

KEY_PATTERN = r"^[\x21-\x7e]{8,255}$"
"""Visible ASCII, 8 to 255 characters (a UUID is the usual choice)."""


class IdempotencyRecord(SQLModel, table=True):
    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("principal_id", "key"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    principal_id: uuid.UUID
    key: str = Field(max_length=255)
    request_digest: str = Field(max_length=64)
    status_code: int | None = None
    response_body: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class KeyReused(InvalidInput):
    code = "idempotency_key_reused"
    default_detail = "This Idempotency-Key was used with a different request; use a new key for a new request."


@dataclass(frozen=True)
class Replay:
    status_code: int
    body: bytes


def request_digest(method: str, path: str, body: bytes) -> str:
    return hashlib.sha256(b"\n".join((method.encode(), path.encode(), body))).hexdigest()


async def begin(session: AsyncSession, *, principal_id: uuid.UUID, key: str, digest: str) -> IdempotencyRecord | Replay:
    """Claim the key for this request (a new record to complete with `complete`), or answer the stored response."""
    statement = select(IdempotencyRecord).where(
        col(IdempotencyRecord.principal_id) == principal_id, col(IdempotencyRecord.key) == key
    )
    found = (await session.execute(statement)).scalar_one_or_none()
    if found is None:
        record = IdempotencyRecord(principal_id=principal_id, key=key, request_digest=digest)
        try:
            async with session.begin_nested():
                session.add(record)
                await session.flush()
            return record
        except IntegrityError:
            # A concurrent request with the same key committed first: answer what it answered.
            found = (await session.execute(statement)).scalar_one()
    if found.request_digest != digest:
        raise KeyReused()
    if found.status_code is None or found.response_body is None:
        raise Conflict("A request with this Idempotency-Key is still being processed.", code="idempotency_in_progress")
    return Replay(found.status_code, found.response_body)


async def complete(session: AsyncSession, record: IdempotencyRecord, *, status_code: int, body: bytes) -> None:
    record.status_code = status_code
    record.response_body = body
    await session.flush()
