"""Recognition requests, the learner's side: submit, add documents, withdraw, appeal, read the timeline.

A request releases the learner's chosen fields to the body through a share bound to the body (`wallet.sharing`);
withdrawing revokes those shares at once. Every action is written to the case's audit trail (`case_events`) in the
same transaction. Services flush, never commit.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from core.accounts.models import RecognitionBody
from core.clock import utcnow
from core.errors import InvalidInput
from recognition.cases import learning
from recognition.cases.errors import (
    AppealDeadlinePassed,
    CaseClosed,
    CaseNotFound,
    UnknownBody,
    UnknownTarget,
    WrongStatus,
)
from recognition.cases.models import (
    OPEN_STATUSES,
    CaseDecision,
    CaseEvent,
    CaseKind,
    CaseShare,
    CaseStatus,
    RecognitionCase,
    TargetQualification,
)
from recognition.cases.repository import CaseRepository
from recognition.cases.schemas import AppealCreate, DocumentsAdd, RecognitionRequestCreate
from wallet.consents import service as consents
from wallet.consents.models import Consent, ConsentKind, CounterpartyType
from wallet.service import decode_cursor, encode_cursor
from wallet.sharing import service as sharing
from wallet.sharing.schemas import ShareCreate, ShareItemCreate, ShareRecipient

log = structlog.get_logger("passerelle.recognition.cases")

SHARE_MARGIN_DAYS = 30
"""A request's shares outlive the time limit and the appeal period by this much, so late decisions still see them."""
MAX_PAGE = 100


@dataclass(frozen=True)
class CaseRecord:
    """A case with what its answers show: decisions, shares, the body and the target."""

    case: RecognitionCase
    body: RecognitionBody
    target: TargetQualification | None
    decisions: list[CaseDecision]
    share_ids: list[uuid.UUID]
    learning_entry_ids: list[uuid.UUID] = field(default_factory=list)


@dataclass(frozen=True)
class SharingLimits:
    default_days: int
    max_days: int


def record_event(
    case: RecognitionCase,
    action: str,
    *,
    actor_id: uuid.UUID | None,
    actor_role: str,
    detail: dict[str, Any] | None = None,
    internal: bool = False,
) -> CaseEvent:
    """An audit-trail row (the caller adds it to the session with the change it records)."""
    return CaseEvent(
        case_id=case.id, actor_id=actor_id, actor_role=actor_role, action=action, detail=detail or {}, internal=internal
    )


def released_fields(items: Sequence[ShareItemCreate]) -> list[dict[str, Any]]:
    return [{"credential_id": str(item.credential_id), "fields": list(dict.fromkeys(item.fields))} for item in items]


async def _share_with_body(
    session: AsyncSession,
    owner_id: uuid.UUID,
    case: RecognitionCase,
    body: RecognitionBody,
    items: list[ShareItemCreate],
    *,
    enrich: sharing.Enricher,
    limits: SharingLimits,
) -> uuid.UUID:
    days = min(limits.max_days, body.decision_days + body.appeal_days + SHARE_MARGIN_DAYS)
    request = ShareCreate(
        items=items,
        purpose=f"Recognition request to {body.name} ({case.purpose.replace('_', ' ')})",
        expires_in_days=days,
        recipient=ShareRecipient(body_id=body.id),
    )
    made, _token = await sharing.create_share(
        session, owner_id, request, default_days=limits.default_days, max_days=limits.max_days, enrich=enrich
    )
    # The link token is not kept anywhere: the body's officers read the share through the case.
    await CaseRepository(session).add(CaseShare(case_id=case.id, share_id=made.share.id))
    return made.share.id


async def submit_request(
    session: AsyncSession,
    owner_id: uuid.UUID,
    request: RecognitionRequestCreate,
    *,
    enrich: sharing.Enricher,
    limits: SharingLimits,
) -> CaseRecord:
    """Open a recognition request to a body: the chosen fields are released to its officers only."""
    repository = CaseRepository(session)
    body = await repository.body(request.body_id)
    if body is None:
        raise UnknownBody()
    target = None
    if request.target_id is not None:
        target = await repository.target(request.target_id)
        if target is None or target.body_id != body.id:
            raise UnknownTarget()
    now = utcnow()
    consent = await consents.record(
        session,
        learner_id=owner_id,
        kind=ConsentKind.RECOGNITION_REQUEST,
        purpose=f"Recognition of my qualifications by {body.name} for {request.purpose.value.replace('_', ' ')}",
        counterparty=consents.Counterparty(CounterpartyType.RECOGNITION_BODY, str(body.id), body.name),
        attributes=[name for item in request.items for name in item.fields],
        at=now,
    )
    case = RecognitionCase(
        owner_id=owner_id,
        body_id=body.id,
        kind=request.kind.value,
        purpose=request.purpose.value,
        consent_id=consent.id,
        target_id=target.id if target else None,
        statement=request.statement,
        declared=[d.model_dump(mode="json", exclude_none=True) for d in request.declared],
        status=CaseStatus.SUBMITTED.value,
        submitted_at=now,
        due_at=now + timedelta(days=body.decision_days),
        created_at=now,
        updated_at=now,
    )
    await repository.add(case)
    share_ids = []
    if request.items:
        share_ids.append(
            await _share_with_body(session, owner_id, case, body, request.items, enrich=enrich, limits=limits)
        )
    attached = await learning.attach(session, owner_id, case, request.learning_entries)
    detail: dict[str, Any] = {
        "kind": case.kind,
        "purpose": case.purpose,
        "released": released_fields(request.items),
        "declared": len(request.declared),
        "due_at": case.due_at.isoformat(),
    }
    if attached:
        detail["learning_entries"] = [str(entry_id) for entry_id in attached]
    await repository.add(record_event(case, "submitted", actor_id=owner_id, actor_role="learner", detail=detail))
    log.info("recognition_request_submitted", case_id=str(case.id), body_id=str(body.id), kind=case.kind)
    return CaseRecord(case, body, target, [], share_ids, attached)


async def record_of(session: AsyncSession, case: RecognitionCase) -> CaseRecord:
    repository = CaseRepository(session)
    body = await repository.body(case.body_id)
    assert body is not None  # a case's body cannot be deleted (RESTRICT)
    target = await repository.target(case.target_id) if case.target_id else None
    decisions = (await repository.decisions([case.id]))[case.id]
    return CaseRecord(
        case,
        body,
        target,
        decisions,
        await repository.share_ids(case.id),
        await learning.attached_ids(session, case.id),
    )


async def _owned(
    session: AsyncSession, owner_id: uuid.UUID, case_id: uuid.UUID, *, for_update: bool = False
) -> RecognitionCase:
    case = await CaseRepository(session).owned(owner_id, case_id, for_update=for_update)
    if case is None:
        raise CaseNotFound()
    return case


async def get_request(session: AsyncSession, owner_id: uuid.UUID, case_id: uuid.UUID) -> CaseRecord:
    return await record_of(session, await _owned(session, owner_id, case_id))


async def list_requests(
    session: AsyncSession, owner_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[CaseRecord], str | None]:
    limit = max(1, min(limit, MAX_PAGE))
    rows = await CaseRepository(session).owned_page(
        owner_id, limit=limit + 1, before=decode_cursor(cursor) if cursor else None
    )
    page = rows[:limit]
    records = [await record_of(session, case) for case in page]
    return records, encode_cursor(page[-1].id) if len(rows) > limit else None


def touch(case: RecognitionCase, now: datetime, **changes: Any) -> None:
    """Apply `changes` to the case, with a new `updated_at` and `version`."""
    for name, value in changes.items():
        setattr(case, name, value)
    case.updated_at = now
    case.version += 1


def _require_open(case: RecognitionCase, action: str) -> None:
    if case.status == CaseStatus.WITHDRAWN:
        raise CaseClosed(f"The request was withdrawn; it takes no {action}.")
    if case.status not in OPEN_STATUSES:
        raise WrongStatus(f"A request in status {case.status!r} takes no {action}.", case.status)


async def add_documents(
    session: AsyncSession,
    owner_id: uuid.UUID,
    case_id: uuid.UUID,
    request: DocumentsAdd,
    *,
    enrich: sharing.Enricher,
    limits: SharingLimits,
) -> CaseRecord:
    """Release more credentials to the body (a new share bound to it); answers an information request."""
    case = await _owned(session, owner_id, case_id, for_update=True)
    _require_open(case, "documents")
    repository = CaseRepository(session)
    body = await repository.body(case.body_id)
    assert body is not None
    if request.items:
        await _share_with_body(session, owner_id, case, body, request.items, enrich=enrich, limits=limits)
    attached = await learning.attach(session, owner_id, case, request.learning_entries)
    now = utcnow()
    status = CaseStatus.IN_REVIEW.value if case.status == CaseStatus.AWAITING_LEARNER else case.status
    touch(case, now, status=status)
    detail: dict[str, Any] = {"released": released_fields(request.items)}
    if attached:
        detail["learning_entries"] = [str(entry_id) for entry_id in attached]
    if request.message:
        detail["message"] = request.message
    await repository.add(record_event(case, "documents_added", actor_id=owner_id, actor_role="learner", detail=detail))
    return await record_of(session, case)


async def withdraw(session: AsyncSession, owner_id: uuid.UUID, case_id: uuid.UUID) -> CaseRecord:
    """Withdraw the request: its shares are revoked at once (the officers see nothing more)."""
    case = await _owned(session, owner_id, case_id, for_update=True)
    _require_open(case, "withdrawal")
    repository = CaseRepository(session)
    for share_id in await repository.share_ids(case.id):
        await sharing.revoke_share(session, owner_id, share_id)
    now = utcnow()
    touch(case, now, status=CaseStatus.WITHDRAWN.value, withdrawn_at=now, assigned_officer_id=None)
    await consents.mark_withdrawn(session, case.consent_id, by=owner_id, at=now)
    await repository.add(record_event(case, "withdrawn", actor_id=owner_id, actor_role="learner"))
    log.info("recognition_request_withdrawn", case_id=str(case.id))
    return await record_of(session, case)


async def withdraw_by_consent(session: AsyncSession, owner_id: uuid.UUID, consent: Consent) -> None:
    """A `wallet.consents.Withdrawal`: withdrawing a request's consent withdraws the request if it is still open;
    a decided one keeps its decision, and its shares are revoked."""
    statement = select(col(RecognitionCase.id), col(RecognitionCase.status)).where(
        col(RecognitionCase.owner_id) == owner_id, col(RecognitionCase.consent_id) == consent.id
    )
    for case_id, status in (await session.execute(statement)).all():
        if status in OPEN_STATUSES:
            await withdraw(session, owner_id, case_id)
            continue
        for share_id in await CaseRepository(session).share_ids(case_id):
            await sharing.revoke_share(session, owner_id, share_id)


async def appeal(session: AsyncSession, owner_id: uuid.UUID, case_id: uuid.UUID, request: AppealCreate) -> CaseRecord:
    """Appeal the decision within its deadline: the case reopens for another officer of the body, history kept."""
    case = await _owned(session, owner_id, case_id, for_update=True)
    if case.status != CaseStatus.DECIDED:
        raise WrongStatus(f"Only a decided request can be appealed; this one is {case.status!r}.", case.status)
    repository = CaseRepository(session)
    decisions = (await repository.decisions([case.id]))[case.id]
    if any(decision.on_appeal for decision in decisions):
        raise WrongStatus(
            "The decision on appeal is final here; its appeal route names where to turn next.", case.status
        )
    now = utcnow()
    assert case.appeal_deadline is not None
    if now.date() > case.appeal_deadline:
        raise AppealDeadlinePassed(case.appeal_deadline)
    body = await repository.body(case.body_id)
    assert body is not None
    due_at = now + timedelta(days=body.decision_days)
    touch(case, now, status=CaseStatus.APPEALED.value, appealed_at=now, due_at=due_at, assigned_officer_id=None)
    # The officers must still see the documents while the appeal is assessed.
    await repository.extend_shares(case.id, due_at + timedelta(days=SHARE_MARGIN_DAYS))
    detail = {"grounds": request.grounds, "due_at": due_at.isoformat()}
    await repository.add(record_event(case, "appealed", actor_id=owner_id, actor_role="learner", detail=detail))
    log.info("recognition_decision_appealed", case_id=str(case.id))
    return await record_of(session, case)


def encode_event_cursor(event_id: uuid.UUID) -> str:
    return encode_cursor(event_id)


def decode_event_cursor(cursor: str | None) -> uuid.UUID | None:
    return decode_cursor(cursor) if cursor else None


async def events_page(
    session: AsyncSession, case: RecognitionCase, *, limit: int, cursor: str | None, for_learner: bool
) -> tuple[list[CaseEvent], str | None]:
    """The audit trail, oldest first. The learner sees that an internal note exists, not its text."""
    limit = max(1, min(limit, MAX_PAGE))
    rows = await CaseRepository(session).events(case.id, limit=limit + 1, after=decode_event_cursor(cursor))
    page = rows[:limit]
    if for_learner:
        page = [
            CaseEvent.model_validate({**event.model_dump(), "detail": {}}) if event.internal else event
            for event in page
        ]
    return page, encode_event_cursor(page[-1].id) if len(rows) > limit else None


async def learner_events(
    session: AsyncSession, owner_id: uuid.UUID, case_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[CaseEvent], str | None]:
    case = await _owned(session, owner_id, case_id)
    return await events_page(session, case, limit=limit, cursor=cursor, for_learner=True)


def encode_queue_cursor(due_at: datetime, case_id: uuid.UUID) -> str:
    micros = int(due_at.timestamp() * 1_000_000)
    raw = micros.to_bytes(8, "big", signed=True) + case_id.bytes
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def decode_queue_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        if len(raw) != 24:
            raise ValueError(cursor)
        micros = int.from_bytes(raw[:8], "big", signed=True)
        return datetime.fromtimestamp(micros / 1_000_000, UTC), uuid.UUID(bytes=raw[8:])
    except (binascii.Error, ValueError, OverflowError, OSError) as exc:
        raise InvalidInput("The cursor is not one this service issued.", code="invalid_cursor") from exc


def is_passport(case: RecognitionCase) -> bool:
    return case.kind == CaseKind.QUALIFICATIONS_PASSPORT
