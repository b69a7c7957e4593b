"""An institution's status lists in the database: index allocation, state changes, and the published documents.

Each list has `DEFAULT_ENTRIES` (131,072) indexes; each issued credential takes one, drawn at random
(`publish.allocate_index`, W3C BSL §6.5), and the same index is used in the three published documents:

    <list URL>/revocation   W3C BitstringStatusListCredential, purpose revocation (1 = revoked)
    <list URL>/suspension   W3C BitstringStatusListCredential, purpose suspension (1 = suspended)
    <list URL>/token        IETF Status List Token, 2 bits per entry (0 valid, 1 invalid, 2 suspended)

A list takes indexes until 90% are in use; the next issuance opens a new list. The row is locked (`FOR UPDATE` on
PostgreSQL; SQLite has one writer) while indexes are drawn or bits change, so two issuances never share an index
(the unique constraint on `(status_list_id, status_index)` says so too) and two changes never lose each other.
The documents are signed when the list is made and each time a bit changes, and stored: a reader gets the same
bytes, and the same ETag, until the next change.
"""

from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass
from typing import Any, Literal

import anyio.to_thread
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from core.clock import utcnow
from core.keys import SigningKey
from wallet.issuing.credentials import StatusSlot
from wallet.issuing.models import IssuerStatusList, StatusListEntry
from wallet.status.publish import (
    DEFAULT_ENTRIES,
    MAX_FILL_RATIO,
    BitstringPurpose,
    allocate_index,
    bitstring_status_list_credential,
    new_list,
    set_status,
    set_token_status,
    token_status_list_jwt,
)

TOKEN_BITS = 2
TOKEN_VALUES = {"active": 0, "revoked": 1, "suspended": 2}
"""draft-ietf-oauth-status-list §7.1: 0x00 VALID, 0x01 INVALID, 0x02 SUSPENDED."""
TOKEN_TTL_SECONDS = 300
CACHE_SECONDS = 300
"""How long a reader may keep a list (`Cache-Control: max-age`, the token's `ttl`): a revocation reaches every
verifier within five minutes."""
DOCUMENTS = ("revocation", "suspension", "token")


@dataclass(frozen=True)
class Owner:
    """Who a status list belongs to: an institution (`/v1/institutions/<id>`) or a body (`/v1/bodies/<id>`)."""

    kind: Literal["institutions", "bodies"]
    id: uuid.UUID

    @classmethod
    def of(cls, status_list: IssuerStatusList) -> Owner:
        if status_list.institution_id is not None:
            return cls("institutions", status_list.institution_id)
        assert status_list.body_id is not None
        return cls("bodies", status_list.body_id)

    @property
    def column(self) -> Any:
        return col(IssuerStatusList.institution_id if self.kind == "institutions" else IssuerStatusList.body_id)


def list_url(public_url: str, owner: Owner, list_id: uuid.UUID) -> str:
    return f"{public_url.rstrip('/')}/v1/{owner.kind}/{owner.id}/status-lists/{list_id}"


def slot(public_url: str, owner: Owner, list_id: uuid.UUID, index: int) -> StatusSlot:
    base = list_url(public_url, owner, list_id)
    return StatusSlot(
        revocation_url=f"{base}/revocation", suspension_url=f"{base}/suspension", token_url=f"{base}/token", index=index
    )


@dataclass(frozen=True)
class _Signer:
    key: SigningKey
    issuer: str
    public_url: str


def _bitstrings(status_list: IssuerStatusList) -> tuple[tuple[BitstringPurpose, bytes], ...]:
    return (("revocation", status_list.revocation), ("suspension", status_list.suspension))


def _render(status_list: IssuerStatusList, signer: _Signer) -> tuple[str, str, str]:
    """The three documents for the list's current bits (CPU-bound: compression and signatures)."""
    now = utcnow()
    base = list_url(signer.public_url, Owner.of(status_list), status_list.id)
    revocation, suspension = (
        bitstring_status_list_credential(
            bitstring=bits,
            list_url=f"{base}/{purpose}",
            issuer=signer.issuer,
            purpose=purpose,
            key=signer.key,
            valid_from=now,
        )
        for purpose, bits in _bitstrings(status_list)
    )
    token = token_status_list_jwt(
        statuses=status_list.token_statuses,
        bits=TOKEN_BITS,
        list_url=f"{base}/token",
        issuer=signer.issuer,
        key=signer.key,
        issued_at=now,
        ttl_seconds=TOKEN_TTL_SECONDS,
    )
    return revocation, suspension, token


async def _publish(status_list: IssuerStatusList, signer: _Signer) -> None:
    documents = await anyio.to_thread.run_sync(functools.partial(_render, status_list, signer))
    status_list.revocation_document, status_list.suspension_document, status_list.token_document = documents
    status_list.updated_at = utcnow()


async def _open_list(session: AsyncSession, owner: Owner, wanted: int, signer: _Signer) -> IssuerStatusList:
    capacity = int(DEFAULT_ENTRIES * MAX_FILL_RATIO)
    statement = (
        select(IssuerStatusList)
        .where(owner.column == owner.id, col(IssuerStatusList.used) + wanted <= capacity)
        .order_by(col(IssuerStatusList.used).desc())
        .limit(1)
        .with_for_update()
    )
    found = (await session.execute(statement)).scalar_one_or_none()
    if found is not None:
        return found
    status_list = IssuerStatusList(
        institution_id=owner.id if owner.kind == "institutions" else None,
        body_id=owner.id if owner.kind == "bodies" else None,
        entries=DEFAULT_ENTRIES,
        revocation=bytes(new_list()),
        suspension=bytes(new_list()),
        token_statuses=bytes(DEFAULT_ENTRIES * TOKEN_BITS // 8),
        revocation_document="",
        suspension_document="",
        token_document="",
    )
    status_list.id = uuid.uuid4()
    await _publish(status_list, signer)
    session.add(status_list)
    await session.flush()
    return status_list


async def allocate(
    session: AsyncSession, owner: Owner, count: int, *, key: SigningKey, issuer: str, public_url: str
) -> tuple[IssuerStatusList, list[int]]:
    """`count` free indexes, drawn at random, in one of the owner's lists (a new one when none has room)."""
    status_list = await _open_list(session, owner, count, _Signer(key, issuer, public_url))
    taken = select(col(StatusListEntry.status_index)).where(col(StatusListEntry.status_list_id) == status_list.id)
    used = set((await session.execute(taken)).scalars())
    indexes = []
    for _ in range(count):
        index = allocate_index(used, status_list.entries)
        used.add(index)
        indexes.append(index)
    # The entries' primary key (list, index) makes an index in use once, whoever took it.
    session.add_all(StatusListEntry(status_list_id=status_list.id, status_index=index) for index in indexes)
    status_list.used += count
    await session.flush()
    return status_list, indexes


async def change(
    session: AsyncSession,
    list_id: uuid.UUID,
    index: int,
    state: str,
    *,
    key: SigningKey,
    issuer: str,
    public_url: str,
) -> IssuerStatusList:
    """Write a credential's new state (`active`, `suspended`, `revoked`) at `index` and re-sign the list."""
    statement = select(IssuerStatusList).where(col(IssuerStatusList.id) == list_id).with_for_update()
    status_list = (await session.execute(statement)).scalar_one()
    revocation, suspension = bytearray(status_list.revocation), bytearray(status_list.suspension)
    statuses = bytearray(status_list.token_statuses)
    set_status(revocation, index, 1 if state == "revoked" else 0)
    set_status(suspension, index, 1 if state == "suspended" else 0)
    set_token_status(statuses, index, TOKEN_VALUES[state], TOKEN_BITS)
    status_list.revocation, status_list.suspension = bytes(revocation), bytes(suspension)
    status_list.token_statuses = bytes(statuses)
    status_list.version += 1
    await _publish(status_list, _Signer(key, issuer, public_url))
    await session.flush()
    return status_list


async def published(
    session: AsyncSession, owner: Owner, list_id: uuid.UUID, document: str
) -> tuple[str, IssuerStatusList] | None:
    statement = select(IssuerStatusList).where(col(IssuerStatusList.id) == list_id, owner.column == owner.id)
    found = (await session.execute(statement)).scalar_one_or_none()
    if found is None:
        return None
    text = {
        "revocation": found.revocation_document,
        "suspension": found.suspension_document,
        "token": found.token_document,
    }[document]
    return text, found
