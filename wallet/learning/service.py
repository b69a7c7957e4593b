"""Self-recorded learning rules: record, list, edit and delete entries; attach, serve and delete evidence files.

Every entry is answered with its `attestation` — `endorsed` when an endorsement covers the entry as it is now,
`self_declared` otherwise — wherever it appears; lists are newest first, never ranked by attestation. Services
flush, never commit.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from core.errors import InvalidInput, PreconditionFailed
from wallet.learning.errors import EvidenceNotFound, EvidenceTooLarge, LearningEntryNotFound, TooMuchEvidence
from wallet.learning.evidence import check_evidence, clean_filename
from wallet.learning.models import (
    Attestation,
    Endorsement,
    LearningEntry,
    LearningEvidence,
    LearningEvidenceContent,
)
from wallet.learning.repository import LearningRepository
from wallet.learning.schemas import (
    EndorsementPublic,
    EndorserPublic,
    EvidencePublic,
    LearningEntryCreate,
    LearningEntryPublic,
    LearningEntryUpdate,
    LearningOutcome,
)
from wallet.service import decode_cursor, encode_cursor

log = structlog.get_logger("passerelle.learning")

MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class EntryRecord:
    """An entry with what its answers show: evidence files and endorsements."""

    entry: LearningEntry
    evidence: list[LearningEvidence]
    endorsements: list[Endorsement]

    @property
    def attestation(self) -> Attestation:
        return attestation_of(self.entry, self.endorsements)


@dataclass(frozen=True)
class EvidenceLimits:
    max_bytes: int
    per_entry: int


def attestation_of(entry: LearningEntry, endorsements: Sequence[Endorsement]) -> Attestation:
    """`endorsed` only while an endorsement covers the entry's current version."""
    if any(endorsement.entry_version == entry.version for endorsement in endorsements):
        return Attestation.ENDORSED
    return Attestation.SELF_DECLARED


def etag(entry: LearningEntry) -> str:
    return f'"{entry.id.hex[:8]}-{entry.version}"'


def entry_public(record: EntryRecord) -> LearningEntryPublic:
    entry = record.entry
    return LearningEntryPublic(
        id=entry.id,
        attestation=record.attestation,
        kind=entry.kind,
        title=entry.title,
        description=entry.description,
        started_on=entry.started_on,
        ended_on=entry.ended_on,
        organisation=entry.organisation,
        place=entry.place,
        hours=entry.hours,
        learning_outcomes=[LearningOutcome.model_validate(o) for o in entry.learning_outcomes],
        evidence=[evidence_public(e) for e in record.evidence],
        endorsements=[endorsement_public(e, entry) for e in record.endorsements],
        version=entry.version,
        created_at=entry.created_at,
        updated_at=entry.updated_at,
    )


def evidence_public(evidence: LearningEvidence) -> EvidencePublic:
    return EvidencePublic.model_validate(evidence, from_attributes=True)


def endorsement_public(endorsement: Endorsement, entry: LearningEntry) -> EndorsementPublic:
    return EndorsementPublic(
        id=endorsement.id,
        endorser=EndorserPublic(
            name=endorsement.endorser_name,
            role=endorsement.endorser_role,
            organisation=endorsement.endorser_organisation,
        ),
        comment=endorsement.comment,
        endorsed_at=endorsement.endorsed_at,
        entry_version=endorsement.entry_version,
        covers_current_version=endorsement.entry_version == entry.version,
        jws=endorsement.jws,
    )


async def records_of(session: AsyncSession, entries: Sequence[LearningEntry]) -> list[EntryRecord]:
    """The entries with their evidence and endorsements (two statements for any number of entries)."""
    repository = LearningRepository(session)
    ids = [entry.id for entry in entries]
    evidence = await repository.evidence_of(ids)
    endorsements = await repository.endorsements_of(ids)
    return [EntryRecord(entry, evidence[entry.id], endorsements[entry.id]) for entry in entries]


async def owned_entry(
    session: AsyncSession, owner_id: uuid.UUID, entry_id: uuid.UUID, *, for_update: bool = False
) -> LearningEntry:
    entry = await LearningRepository(session).entry(owner_id, entry_id, for_update=for_update)
    if entry is None:
        raise LearningEntryNotFound()
    return entry


def _stored(values: dict[str, Any]) -> dict[str, Any]:
    if "kind" in values and values["kind"] is not None:
        values["kind"] = str(values["kind"])
    if "learning_outcomes" in values:
        values["learning_outcomes"] = [
            {k: v for k, v in outcome.items() if v is not None} for outcome in values["learning_outcomes"] or []
        ]
    return values


async def create_entry(session: AsyncSession, owner_id: uuid.UUID, request: LearningEntryCreate) -> EntryRecord:
    """Record a piece of non-formal or informal learning (self-declared until endorsed)."""
    values = _stored(request.model_dump(mode="python"))
    now = utcnow()
    entry = LearningEntry(owner_id=owner_id, **values, created_at=now, updated_at=now)
    await LearningRepository(session).add(entry)
    log.info("learning_entry_created", entry_id=str(entry.id))
    return EntryRecord(entry, [], [])


async def get_entry(session: AsyncSession, owner_id: uuid.UUID, entry_id: uuid.UUID) -> EntryRecord:
    return (await records_of(session, [await owned_entry(session, owner_id, entry_id)]))[0]


async def list_entries(
    session: AsyncSession, owner_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[EntryRecord], str | None]:
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    rows = await LearningRepository(session).page(
        owner_id, limit=limit + 1, before=decode_cursor(cursor) if cursor else None
    )
    page = rows[:limit]
    return await records_of(session, page), encode_cursor(page[-1].id) if len(rows) > limit else None


async def update_entry(
    session: AsyncSession, owner_id: uuid.UUID, entry_id: uuid.UUID, changes: LearningEntryUpdate, *, if_match: str
) -> EntryRecord:
    """Edit an entry, only if the caller saw the current version (RFC 9110 §13.1.1). The edit makes a new version:
    endorsements of earlier versions stay, and no longer make the entry `endorsed`."""
    entry = await owned_entry(session, owner_id, entry_id)
    candidates = {value.strip().removeprefix("W/") for value in if_match.split(",")}
    if etag(entry) not in candidates and "*" not in candidates:
        raise PreconditionFailed()
    values = _stored(changes.model_dump(mode="python", exclude_unset=True))
    started, ended = values.get("started_on", entry.started_on), values.get("ended_on", entry.ended_on)
    if ended is not None and ended < started:
        raise InvalidInput("`ended_on` would be before `started_on`.", code="invalid_period")
    repository = LearningRepository(session)
    if not await repository.update_versioned(
        owner_id, entry_id, expected_version=entry.version, values={**values, "updated_at": utcnow()}
    ):
        raise PreconditionFailed()  # changed by a concurrent request between our read and our write
    await session.refresh(entry)
    return (await records_of(session, [entry]))[0]


async def delete_entry(session: AsyncSession, owner_id: uuid.UUID, entry_id: uuid.UUID) -> None:
    """Hard delete: the entry, its evidence files, endorsement requests and endorsements."""
    if not await LearningRepository(session).delete_entry(owner_id, entry_id):
        raise LearningEntryNotFound()
    log.info("learning_entry_deleted", entry_id=str(entry_id))


async def add_evidence(
    session: AsyncSession,
    owner_id: uuid.UUID,
    entry_id: uuid.UUID,
    *,
    content: bytes,
    declared_type: str,
    filename: str | None,
    limits: EvidenceLimits,
) -> LearningEvidence:
    """Attach a PDF, PNG or JPEG file to an entry, once its size, type and structure check out."""
    entry = await owned_entry(session, owner_id, entry_id, for_update=True)
    if len(content) > limits.max_bytes:
        raise EvidenceTooLarge(
            f"An evidence file may have at most {limits.max_bytes} bytes; this one has {len(content)}."
        )
    media_type = check_evidence(content, declared_type)
    repository = LearningRepository(session)
    if await repository.count_evidence(entry.id) >= limits.per_entry:
        raise TooMuchEvidence(f"An entry carries at most {limits.per_entry} evidence files.")
    evidence = LearningEvidence(
        entry_id=entry.id,
        owner_id=owner_id,
        filename=clean_filename(filename, media_type),
        media_type=media_type,
        size_bytes=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    await repository.add(evidence)
    await repository.add(LearningEvidenceContent(evidence_id=evidence.id, content=content))
    log.info("learning_evidence_added", entry_id=str(entry.id), evidence_id=str(evidence.id), media_type=media_type)
    return evidence


async def get_evidence(
    session: AsyncSession, owner_id: uuid.UUID, entry_id: uuid.UUID, evidence_id: uuid.UUID
) -> tuple[LearningEvidence, bytes]:
    found = await LearningRepository(session).evidence_file(entry_id, evidence_id, owner_id=owner_id)
    if found is None:
        raise EvidenceNotFound()
    return found


async def delete_evidence(
    session: AsyncSession, owner_id: uuid.UUID, entry_id: uuid.UUID, evidence_id: uuid.UUID
) -> None:
    if not await LearningRepository(session).delete_evidence(owner_id, entry_id, evidence_id):
        raise EvidenceNotFound()
    log.info("learning_evidence_deleted", entry_id=str(entry_id), evidence_id=str(evidence_id))
