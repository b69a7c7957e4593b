"""Cases, the officers' side: the queue, the case view, notes, information requests, interviews, the advisor,
precedents and decisions.

Every lookup filters by the body of the officer asking (read in the same statement); an officer sees of the
learner's credentials only what the case's shares release to the body, and each time the officer opens the
case the learner's access log says so. A decision is issued to the learner's wallet as two credentials signed by
the body's key; on appeal a different officer decides (four-eyes) and the earlier decision is kept, superseded.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from core import i18n
from core.accounts.models import RecognitionBody
from core.accounts.service import mail_language
from core.clock import utcnow
from core.i18n import N_
from core.outbox import enqueue_mail
from recognition.cases import learning, service
from recognition.cases.advisor import PrecedentKeys, ReleasedCredential, advise
from recognition.cases.errors import (
    CaseClosed,
    CaseNotFound,
    FourEyes,
    InterviewRequired,
    OutcomeNotAllowed,
    WrongStatus,
)
from recognition.cases.models import (
    OPEN_STATUSES,
    CaseDecision,
    CaseStatus,
    Outcome,
    RecognitionCase,
)
from recognition.cases.repository import CaseRepository, QueueFilter, QueueRow
from recognition.cases.schemas import (
    OUTCOME_LABELS,
    Advice,
    DecisionCreate,
    InformationRequest,
    InterviewRecord,
    NoteCreate,
)
from recognition.catalogue import Catalogue
from wallet.learning.service import EntryRecord
from wallet.sharing.models import ShareEvent
from wallet.sharing.repository import ShareRepository
from wallet.summary.model import Summary

log = structlog.get_logger("passerelle.recognition.cases")

ASSESSMENT_VALIDITY = timedelta(days=5 * 365 + 1)
"""A qualifications-passport assessment is valid five years (Council of Europe EQPR)."""
DEFAULT_APPEAL_ROUTE = (
    "Appeal through Passerelle (your recognition request, then 'Appeal') by the deadline, stating your grounds; "
    "another officer of {body} reviews the decision."
)
FINAL_APPEAL_ROUTE = "This decision was made on appeal. Any further appeal follows the law of {country}."


@dataclass(frozen=True)
class Released:
    """A credential as released to the body, with the share it came through."""

    share_id: uuid.UUID
    presentation: dict[str, Any]


@dataclass(frozen=True)
class CaseOpened:
    record: service.CaseRecord
    learner: str
    documents: list[Released]
    learning_entries: list[EntryRecord] = field(default_factory=list)
    """Self-recorded learning the learner attached (none once the request is withdrawn)."""


IssueDecision = Callable[[RecognitionCase, RecognitionBody, CaseDecision, str], Awaitable[list[uuid.UUID]]]
"""Issues a decision's credentials to the learner's wallet; answers their ids (given the learner's name)."""


async def _of_body(
    session: AsyncSession, officer_id: uuid.UUID, case_id: uuid.UUID, *, for_update: bool = False
) -> RecognitionCase:
    case = await CaseRepository(session).of_body(officer_id, case_id, for_update=for_update)
    if case is None:
        raise CaseNotFound()
    return case


async def queue(
    session: AsyncSession, officer_id: uuid.UUID, filters: QueueFilter, *, limit: int, cursor: str | None
) -> tuple[list[QueueRow], str | None]:
    limit = max(1, min(limit, service.MAX_PAGE))
    after = service.decode_queue_cursor(cursor) if cursor else None
    rows = await CaseRepository(session).queue(officer_id, filters, limit=limit + 1, after=after)
    page = rows[:limit]
    next_cursor = service.encode_queue_cursor(page[-1].case.due_at, page[-1].case.id) if len(rows) > limit else None
    return page, next_cursor


async def _released(session: AsyncSession, case: RecognitionCase, now: datetime) -> list[Released]:
    return [
        Released(share.id, item.presentation or {})
        for share, item in await CaseRepository(session).released_to_body(case, now)
    ]


async def open_case(session: AsyncSession, officer_id: uuid.UUID, case_id: uuid.UUID) -> CaseOpened:
    """The case with what the learner released to the body; the learner's access log records the look."""
    case = await _of_body(session, officer_id, case_id)
    now = utcnow()
    documents = await _released(session, case, now)
    events: dict[uuid.UUID, list[str]] = {}
    for document in documents:
        events.setdefault(document.share_id, []).extend(document.presentation.get("fields", {}))
    await ShareRepository(session).add_events(
        [
            ShareEvent(
                share_id=share_id,
                event="reveal",
                fields=sorted(set(fields)),
                viewer_class="officer",
                viewer_body_id=case.body_id,
                at=now,
            ).model_dump()
            for share_id, fields in events.items()
        ]
    )
    repository = CaseRepository(session)
    return CaseOpened(
        await service.record_of(session, case),
        await repository.learner_name(case.owner_id),
        documents,
        await learning.visible_entries(session, case),
    )


async def _act(
    session: AsyncSession,
    officer_id: uuid.UUID,
    case_id: uuid.UUID,
    action: str,
    *,
    detail: dict[str, Any] | None = None,
    internal: bool = False,
    change: Callable[[RecognitionCase, datetime], dict[str, Any]] | None = None,
) -> RecognitionCase:
    case = await _of_body(session, officer_id, case_id, for_update=True)
    now = utcnow()
    if change is not None:
        service.touch(case, now, **change(case, now))
    await CaseRepository(session).add(
        service.record_event(case, action, actor_id=officer_id, actor_role="officer", detail=detail, internal=internal)
    )
    return case


def _open(case: RecognitionCase, action: str) -> None:
    if case.status == CaseStatus.WITHDRAWN:
        raise CaseClosed(f"The learner withdrew the request; it takes no {action}.")
    if case.status not in OPEN_STATUSES:
        raise WrongStatus(f"A case in status {case.status!r} takes no {action}.", case.status)


async def claim(session: AsyncSession, officer_id: uuid.UUID, case_id: uuid.UUID) -> service.CaseRecord:
    """Take the case: it is assigned to this officer (on appeal, only to one who did not decide it)."""
    deciders = await CaseRepository(session).deciders(case_id)

    def change(case: RecognitionCase, now: datetime) -> dict[str, Any]:
        _open(case, "assignment")
        if case.status == CaseStatus.APPEALED and officer_id in deciders:
            raise FourEyes()
        status = CaseStatus.IN_REVIEW.value if case.status == CaseStatus.SUBMITTED else case.status
        return {"assigned_officer_id": officer_id, "status": status}

    case = await _act(session, officer_id, case_id, "assigned", change=change)
    return await service.record_of(session, case)


async def add_note(session: AsyncSession, officer_id: uuid.UUID, case_id: uuid.UUID, note: NoteCreate) -> None:
    await _act(session, officer_id, case_id, "note", detail={"text": note.text}, internal=True)


async def request_information(
    session: AsyncSession, officer_id: uuid.UUID, case_id: uuid.UUID, request: InformationRequest
) -> service.CaseRecord:
    """Ask the learner for more: the case waits for the learner, who reads the message in the timeline."""

    def change(case: RecognitionCase, now: datetime) -> dict[str, Any]:
        _open(case, "information request")
        return {"status": CaseStatus.AWAITING_LEARNER.value}

    case = await _act(
        session, officer_id, case_id, "information_requested", detail={"message": request.message}, change=change
    )
    return await service.record_of(session, case)


async def record_interview(
    session: AsyncSession, officer_id: uuid.UUID, case_id: uuid.UUID, interview: InterviewRecord
) -> service.CaseRecord:
    def change(case: RecognitionCase, now: datetime) -> dict[str, Any]:
        _open(case, "interview")
        return {"interview_at": interview.held_at}

    detail = {"held_at": interview.held_at.isoformat(), "summary": interview.summary}
    case = await _act(session, officer_id, case_id, "interview_recorded", detail=detail, internal=True, change=change)
    return await service.record_of(session, case)


def released_credentials(documents: list[Released]) -> list[ReleasedCredential]:
    return [
        ReleasedCredential(
            summary=Summary.model_validate(document.presentation.get("fields") or {}),
            verification=document.presentation.get("verification"),
        )
        for document in documents
    ]


async def _advise(
    session: AsyncSession,
    case: RecognitionCase,
    catalogue: Catalogue,
    accreditations: Mapping[str, Mapping[str, Any]],
    now: datetime,
) -> tuple[Advice, PrecedentKeys]:
    repository = CaseRepository(session)
    target = await repository.target(case.target_id) if case.target_id else None
    documents = await _released(session, case, now)
    return advise(
        case.id,
        released_credentials(documents),
        target,
        catalogue,
        accreditations=accreditations,
        purpose=case.purpose,
        passport=service.is_passport(case),
        now=now,
    )


async def advice(
    session: AsyncSession,
    officer_id: uuid.UUID,
    case_id: uuid.UUID,
    catalogue: Catalogue,
    accreditations: Mapping[str, Mapping[str, Any]],
) -> Advice:
    case = await _of_body(session, officer_id, case_id)
    found, _keys = await _advise(session, case, catalogue, accreditations, utcnow())
    return found


async def precedents(
    session: AsyncSession,
    officer_id: uuid.UUID,
    case_id: uuid.UUID,
    catalogue: Catalogue,
    accreditations: Mapping[str, Mapping[str, Any]],
    *,
    limit: int = 20,
) -> tuple[list[tuple[CaseDecision, str]], PrecedentKeys]:
    """The body's standing decisions on like cases: same issuer and qualification first, then same level and field."""
    case = await _of_body(session, officer_id, case_id)
    _advice, keys = await _advise(session, case, catalogue, accreditations, utcnow())
    levels = [(keys.eqf_level, keys.field_of_study)] if keys.eqf_level is not None else []
    found = await CaseRepository(session).precedents(
        case.body_id,
        exclude_case=case.id,
        issuer_keys=keys.issuer_keys,
        qualification_keys=keys.qualification_keys,
        levels_and_fields=levels,
        limit=limit,
    )
    ranked = []
    for decision in found:
        same = decision.issuer_key in keys.issuer_keys and decision.qualification_key in keys.qualification_keys
        ranked.append((decision, "same_issuer_and_qualification" if same else "same_level_and_field"))
    ranked.sort(key=lambda pair: pair[1] != "same_issuer_and_qualification")
    return ranked, keys


async def decide(
    session: AsyncSession,
    officer_id: uuid.UUID,
    case_id: uuid.UUID,
    request: DecisionCreate,
    *,
    catalogue: Catalogue,
    accreditations: Mapping[str, Mapping[str, Any]],
    issue: IssueDecision,
) -> service.CaseRecord:
    """Record the decision, issue it to the learner's wallet, and tell the learner."""
    repository = CaseRepository(session)
    case = await _of_body(session, officer_id, case_id, for_update=True)
    _open(case, "decision")
    on_appeal = case.status == CaseStatus.APPEALED
    if on_appeal and officer_id in await repository.deciders(case.id):
        raise FourEyes()
    passport = service.is_passport(case)
    if request.outcome == Outcome.ASSESSMENT and not passport:
        raise OutcomeNotAllowed("An assessment document is the outcome of a qualifications-passport case only.")
    if passport and case.interview_at is None:
        raise InterviewRequired()
    body = await repository.body(case.body_id)
    assert body is not None
    target = await repository.target(case.target_id) if case.target_id else None
    now = utcnow()
    advice_now, keys = await _advise(session, case, catalogue, accreditations, now)
    appeal_deadline = (now + timedelta(days=body.appeal_days)).date()
    route = request.appeal_route or (
        FINAL_APPEAL_ROUTE.format(country=body.country)
        if on_appeal
        else (body.appeal_route or DEFAULT_APPEAL_ROUTE.format(body=body.name))
    )
    if on_appeal:
        await repository.supersede(case.id, now)
    decision = CaseDecision(
        case_id=case.id,
        body_id=case.body_id,
        officer_id=officer_id,
        outcome=request.outcome.value,
        on_appeal=on_appeal,
        recognised_as=request.recognised_as or (target.title if target else None),
        recognised_part=request.recognised_part,
        ects_recognised=request.ects_recognised,
        conditions=list(request.conditions),
        substantial_differences=[d.model_dump() for d in request.substantial_differences],
        reasons=request.reasons,
        appeal_route=route,
        appeal_deadline=appeal_deadline,
        late=now > case.due_at,
        based_on_incomplete_evidence=passport,
        valid_until=now + ASSESSMENT_VALIDITY if request.outcome == Outcome.ASSESSMENT else None,
        advice=advice_now.model_dump(mode="json"),
        issuer_key=keys.issuer_keys[0] if keys.issuer_keys else None,
        qualification_key=keys.qualification_keys[0] if keys.qualification_keys else None,
        eqf_level=keys.eqf_level,
        field_of_study=keys.field_of_study,
        decided_at=now,
    )
    await repository.add(decision)
    learner_name = await repository.learner_name(case.owner_id)
    decision.credential_ids = [str(i) for i in await issue(case, body, decision, learner_name)]
    service.touch(case, now, status=CaseStatus.DECIDED.value, decided_at=now, appeal_deadline=appeal_deadline)
    detail = {
        "decision_id": str(decision.id),
        "outcome": decision.outcome,
        "on_appeal": on_appeal,
        "late": decision.late,
        "advisor_suggested": advice_now.suggestion.outcome.value if advice_now.suggestion.outcome else None,
        "credential_ids": decision.credential_ids,
    }
    await repository.add(
        service.record_event(case, "decided", actor_id=officer_id, actor_role="officer", detail=detail)
    )
    await session.flush()
    email = await repository.learner_email(case.owner_id)
    if email:
        language = await mail_language(session, email)  # the learner's own (`PATCH /v1/me`)
        outcome = i18n.gettext(language, OUTCOME_LABELS[Outcome(decision.outcome)])
        await enqueue_mail(
            session,
            recipient=email,
            language=language,
            subject=i18n.translate(language, N_("%(body)s: decision on your recognition request"), body=body.name),
            body=i18n.translate(
                language,
                N_("%(body)s has decided on your recognition request: %(outcome)s."),
                body=body.name,
                outcome=outcome,
            )
            + "\n"
            + i18n.translate(
                language, N_("The decision, with its reasons and how to appeal, is in your Passerelle wallet.")
            )
            + "\n",
        )
    log.info(
        "recognition_decided", case_id=str(case.id), outcome=decision.outcome, late=decision.late, on_appeal=on_appeal
    )
    return await service.record_of(session, case)


async def officer_events(
    session: AsyncSession, officer_id: uuid.UUID, case_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[Any], str | None]:
    case = await _of_body(session, officer_id, case_id)
    return await service.events_page(session, case, limit=limit, cursor=cursor, for_learner=False)
