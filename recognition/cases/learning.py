"""Self-recorded learning in recognition requests (validation of non-formal and informal learning).

The learner attaches entries of their own wallet to a request; the body's officers then see each one with its
label (`self_declared` or `endorsed`), its endorsements and its evidence files, and may download those files —
only for a case addressed to their body, and only while the case is not withdrawn. Each download is written to the
case's audit trail, which the learner reads. `wallet` knows nothing of this: the link lives here.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import structlog
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from recognition.cases.errors import CaseNotFound, UnknownLearningEntry
from recognition.cases.models import CaseEvent, CaseLearningEntry, CaseStatus, RecognitionCase
from recognition.cases.repository import CaseRepository
from wallet.learning import service as learning
from wallet.learning.errors import EvidenceNotFound
from wallet.learning.models import LearningEvidence
from wallet.learning.repository import LearningRepository

log = structlog.get_logger("passerelle.recognition.cases")


async def attached_ids(session: AsyncSession, case_id: uuid.UUID) -> list[uuid.UUID]:
    statement = (
        select(col(CaseLearningEntry.entry_id))
        .where(col(CaseLearningEntry.case_id) == case_id)
        .order_by(col(CaseLearningEntry.added_at), col(CaseLearningEntry.entry_id))
    )
    return list((await session.execute(statement)).scalars())


async def attach(
    session: AsyncSession, owner_id: uuid.UUID, case: RecognitionCase, entry_ids: Sequence[uuid.UUID]
) -> list[uuid.UUID]:
    """Attach the learner's own entries to the case (again is a no-op); answers the ids newly attached. An id that
    is not an entry of this learner's is refused, and nothing is attached."""
    wanted = list(dict.fromkeys(entry_ids))
    if not wanted:
        return []
    owned = {entry.id for entry in await LearningRepository(session).entries(owner_id, wanted)}
    missing = [str(entry_id) for entry_id in wanted if entry_id not in owned]
    if missing:
        raise UnknownLearningEntry(missing)
    present = set(await attached_ids(session, case.id))
    added = [entry_id for entry_id in wanted if entry_id not in present]
    await CaseRepository(session).add(*(CaseLearningEntry(case_id=case.id, entry_id=entry_id) for entry_id in added))
    return added


async def visible_entries(session: AsyncSession, case: RecognitionCase) -> list[learning.EntryRecord]:
    """The entries the body's officers see: none once the learner withdrew the request."""
    if case.status == CaseStatus.WITHDRAWN:
        return []
    ids = await attached_ids(session, case.id)
    entries = await LearningRepository(session).entries(case.owner_id, ids)
    order = {entry_id: position for position, entry_id in enumerate(ids)}
    entries.sort(key=lambda entry: order[entry.id])
    return await learning.records_of(session, entries)


async def officer_evidence(
    session: AsyncSession, officer_id: uuid.UUID, case_id: uuid.UUID, entry_id: uuid.UUID, evidence_id: uuid.UUID
) -> tuple[LearningEvidence, bytes]:
    """An evidence file of an entry attached to a case of the officer's body; recorded in the case's trail."""
    repository = CaseRepository(session)
    case = await repository.of_body(officer_id, case_id)
    if case is None:
        raise CaseNotFound()
    if case.status == CaseStatus.WITHDRAWN or entry_id not in await attached_ids(session, case.id):
        raise EvidenceNotFound()
    found = await LearningRepository(session).evidence_file(entry_id, evidence_id, owner_id=case.owner_id)
    if found is None:
        raise EvidenceNotFound()
    evidence = found[0]
    detail = {"entry_id": str(entry_id), "evidence_id": str(evidence.id), "filename": evidence.filename}
    await repository.add(
        CaseEvent(
            case_id=case.id,
            actor_id=officer_id,
            actor_role="officer",
            action="learning_evidence_downloaded",
            detail=detail,
        )
    )
    log.info("learning_evidence_downloaded", case_id=str(case.id), evidence_id=str(evidence.id))
    return found
