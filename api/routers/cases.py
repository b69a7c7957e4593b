"""Recognition requests (the learner's side), cases (the officers' side), and what bodies publish."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response, status
from sqlalchemy.ext.asyncio import AsyncSession

from api.deps import (
    BearerPrincipal,
    CurrentLearner,
    PaginationDep,
    PrincipalDep,
    ReadSessionDep,
    SessionDep,
    StateDep,
)
from api.errors import problem_responses
from api.i18n import language_headers, localize_shared, localized_caveat, request_language
from api.routers import issuing
from api.routers.learning import EVIDENCE_DOWNLOAD, evidence_response
from api.routers.recognition import CatalogueDep
from api.routers.shares import enricher
from api.state import AppState
from core import i18n
from core.accounts.models import Role
from core.accounts.schemas import BodyPublic
from core.accounts.tokens import Principal
from core.clock import utcnow
from core.errors import PermissionDenied
from recognition.cases import bodies, officer, service
from recognition.cases import learning as case_learning
from recognition.cases.advisor import target_public
from recognition.cases.errors import BodyNotFound
from recognition.cases.models import OPEN_STATUSES, CaseDecision, CaseEvent, CaseStatus, Outcome, Purpose
from recognition.cases.repository import CaseRepository, QueueFilter, QueueRow
from recognition.cases.schemas import (
    OUTCOME_LABELS,
    Advice,
    AppealCreate,
    BodyRef,
    CaseDocument,
    CaseEventPage,
    CaseEventPublic,
    CaseQueueItem,
    CaseQueuePage,
    CaseView,
    DecisionCreate,
    DecisionPublic,
    DeclaredQualification,
    DocumentsAdd,
    InformationRequest,
    InterviewRecord,
    NoteCreate,
    Precedent,
    PrecedentList,
    RecognitionRequestCreate,
    RecognitionRequestPage,
    RecognitionRequestPublic,
    SubstantialDifference,
    TargetQualificationCreate,
    TargetQualificationPublic,
)
from wallet.issuing import status as status_lists
from wallet.learning import service as learning_service
from wallet.sharing.schemas import SharedCredential
from wallet.verification.service import load_trust_store

requests_router = APIRouter(prefix="/v1/recognition/requests", tags=["recognition requests"])
cases_router = APIRouter(prefix="/v1/recognition/cases", tags=["recognition cases"])
bodies_router = APIRouter(prefix="/v1/bodies", tags=["recognition bodies"])

CaseID = Annotated[uuid.UUID, Path(description="The request's (case's) id.")]
BodyID = Annotated[uuid.UUID, Path(description="The recognition body's id.")]
CurrentOfficer = Annotated[Principal, Depends(BearerPrincipal(Role.OFFICER))]
OfficerOrAdmin = Annotated[Principal, Depends(BearerPrincipal(Role.OFFICER, Role.ADMIN))]


# ----------------------------------------------------------------------------------------------------- rendering


def decision_public(decision: CaseDecision) -> DecisionPublic:
    return DecisionPublic(
        id=decision.id,
        outcome=Outcome(decision.outcome),
        outcome_label=OUTCOME_LABELS[Outcome(decision.outcome)],
        on_appeal=decision.on_appeal,
        recognised_as=decision.recognised_as,
        recognised_part=decision.recognised_part,
        ects_recognised=decision.ects_recognised,
        conditions=decision.conditions,
        substantial_differences=[SubstantialDifference.model_validate(d) for d in decision.substantial_differences],
        reasons=decision.reasons,
        appeal_route=decision.appeal_route,
        appeal_deadline=decision.appeal_deadline,
        late=decision.late,
        based_on_incomplete_evidence=decision.based_on_incomplete_evidence,
        valid_until=decision.valid_until,
        credential_ids=[uuid.UUID(i) for i in decision.credential_ids],
        decided_at=decision.decided_at,
        superseded_at=decision.superseded_at,
    )


def _overdue(status_value: str, due_at: datetime, now: datetime) -> bool:
    return status_value in OPEN_STATUSES and due_at < now


def request_public(record: service.CaseRecord) -> RecognitionRequestPublic:
    case, now = record.case, utcnow()
    return RecognitionRequestPublic(
        id=case.id,
        body=BodyRef(id=record.body.id, name=record.body.name, country=record.body.country),
        kind=case.kind,
        purpose=case.purpose,
        target=target_public(record.target) if record.target else None,
        statement=case.statement,
        declared=[DeclaredQualification.model_validate(d) for d in case.declared],
        status=case.status,
        share_ids=record.share_ids,
        learning_entry_ids=record.learning_entry_ids,
        submitted_at=case.submitted_at,
        due_at=case.due_at,
        overdue=_overdue(case.status, case.due_at, now),
        interview_at=case.interview_at,
        decided_at=case.decided_at,
        appeal_deadline=case.appeal_deadline,
        decisions=[decision_public(d) for d in record.decisions],
        version=case.version,
    )


def event_public(event: CaseEvent) -> CaseEventPublic:
    return CaseEventPublic(
        id=event.id,
        at=event.at,
        action=event.action,
        actor_role=event.actor_role,
        actor_id=event.actor_id,
        internal=event.internal,
        detail=event.detail,
    )


def queue_item(row: QueueRow, now: datetime) -> CaseQueueItem:
    case = row.case
    return CaseQueueItem(
        id=case.id,
        kind=case.kind,
        purpose=case.purpose,
        status=case.status,
        learner=row.learner,
        target_title=row.target_title,
        assigned_officer_id=case.assigned_officer_id,
        submitted_at=case.submitted_at,
        due_at=case.due_at,
        overdue=_overdue(case.status, case.due_at, now),
    )


def case_view(opened: officer.CaseOpened, language: str = i18n.DEFAULT_LANGUAGE) -> CaseView:
    """The case as its officer sees it; the documents' recognition caveats in `language`."""
    record, now = opened.record, utcnow()
    case = record.case
    row = QueueRow(case, opened.learner, record.target.title if record.target else None)
    return CaseView(
        **queue_item(row, now).model_dump(),
        statement=case.statement,
        declared=[DeclaredQualification.model_validate(d) for d in case.declared],
        target=target_public(record.target) if record.target else None,
        documents=[
            CaseDocument(
                share_id=d.share_id,
                credential=SharedCredential.model_validate(localize_shared(d.presentation, language)),
            )
            for d in opened.documents
        ],
        learning_entries=[learning_service.entry_public(entry) for entry in opened.learning_entries],
        interview_at=case.interview_at,
        decided_at=case.decided_at,
        appeal_deadline=case.appeal_deadline,
        decisions=[decision_public(d) for d in record.decisions],
        version=case.version,
    )


async def _accreditations(session: AsyncSession) -> dict[str, dict[str, Any]]:
    return (await load_trust_store(session)).accreditations


def _sharing_limits(state: AppState) -> service.SharingLimits:
    return service.SharingLimits(state.settings.share_default_days, state.settings.share_max_days)


# --------------------------------------------------------------------------------------------- the learner's side


@requests_router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=RecognitionRequestPublic,
    operation_id="createRecognitionRequest",
    summary="Ask a body to recognise your credentials",
    responses={**problem_responses(401, 413, 415, 422), 201: {"headers": {"Location": {"schema": {"type": "string"}}}}},
)
async def create_request(
    body: RecognitionRequestCreate,
    request: Request,
    response: Response,
    learner: CurrentLearner,
    session: SessionDep,
    state: StateDep,
) -> RecognitionRequestPublic:
    """Open a recognition request to a body for a purpose. The fields you choose of each credential are released to
    the body's officers only, through a share bound to the body (it is in your shares and access log). Without
    (complete) documents, ask for a `qualifications_passport` assessment and declare your qualifications."""
    record = await service.submit_request(
        session,
        learner.id,
        body,
        enrich=enricher(request, state, session, learner.id),
        limits=_sharing_limits(state),
    )
    response.headers["Location"] = f"{requests_router.prefix}/{record.case.id}"
    return request_public(record)


@requests_router.get(
    "",
    response_model=RecognitionRequestPage,
    operation_id="listRecognitionRequests",
    summary="List your recognition requests",
    responses=problem_responses(401, 422),
)
async def list_requests(
    learner: CurrentLearner, session: ReadSessionDep, pagination: PaginationDep
) -> RecognitionRequestPage:
    """Your requests, newest first, each with its status, time limit and decisions."""
    records, next_cursor = await service.list_requests(
        session, learner.id, limit=pagination.limit, cursor=pagination.cursor
    )
    return RecognitionRequestPage(items=[request_public(r) for r in records], next_cursor=next_cursor)


@requests_router.get(
    "/{case_id}",
    response_model=RecognitionRequestPublic,
    operation_id="getRecognitionRequest",
    summary="Read a recognition request",
    responses=problem_responses(401, 404, 422),
)
async def get_request(case_id: CaseID, learner: CurrentLearner, session: ReadSessionDep) -> RecognitionRequestPublic:
    """Status, time limit, and every decision (an appeal's decision supersedes the first; both stay)."""
    return request_public(await service.get_request(session, learner.id, case_id))


@requests_router.post(
    "/{case_id}/documents",
    response_model=RecognitionRequestPublic,
    operation_id="addRecognitionDocuments",
    summary="Add documents to a request",
    responses=problem_responses(401, 404, 409, 413, 415, 422),
)
async def add_documents(
    case_id: CaseID, body: DocumentsAdd, request: Request, learner: CurrentLearner, session: SessionDep, state: StateDep
) -> RecognitionRequestPublic:
    """Release more credentials to the body (a new share bound to it). Answers an officer's information request."""
    return request_public(
        await service.add_documents(
            session,
            learner.id,
            case_id,
            body,
            enrich=enricher(request, state, session, learner.id),
            limits=_sharing_limits(state),
        )
    )


@requests_router.post(
    "/{case_id}/withdraw",
    response_model=RecognitionRequestPublic,
    operation_id="withdrawRecognitionRequest",
    summary="Withdraw a request",
    responses=problem_responses(401, 404, 409, 422),
)
async def withdraw(case_id: CaseID, learner: CurrentLearner, session: SessionDep) -> RecognitionRequestPublic:
    """Withdraw the request: its shares are revoked at once and the officers see nothing more."""
    return request_public(await service.withdraw(session, learner.id, case_id))


@requests_router.post(
    "/{case_id}/appeal",
    response_model=RecognitionRequestPublic,
    operation_id="appealRecognitionDecision",
    summary="Appeal the decision",
    responses=problem_responses(401, 404, 409, 413, 415, 422),
)
async def appeal(
    case_id: CaseID, body: AppealCreate, learner: CurrentLearner, session: SessionDep
) -> RecognitionRequestPublic:
    """Appeal by the decision's deadline (after it: 409 `appeal_deadline_passed`, with the date). The case reopens
    for another officer of the body; the first decision is kept."""
    return request_public(await service.appeal(session, learner.id, case_id, body))


@requests_router.get(
    "/{case_id}/events",
    response_model=CaseEventPage,
    operation_id="listRecognitionRequestEvents",
    summary="Your request's timeline",
    responses=problem_responses(401, 404, 422),
)
async def request_events(
    case_id: CaseID, learner: CurrentLearner, session: ReadSessionDep, pagination: PaginationDep
) -> CaseEventPage:
    """Every action on your request, oldest first: who (learner or officer), when, what. Officers' internal notes
    appear without their text."""
    events, next_cursor = await service.learner_events(
        session, learner.id, case_id, limit=pagination.limit, cursor=pagination.cursor
    )
    return CaseEventPage(items=[event_public(e) for e in events], next_cursor=next_cursor)


# ------------------------------------------------------------------------------------------- the officers' side


@cases_router.get(
    "",
    response_model=CaseQueuePage,
    operation_id="listRecognitionCases",
    summary="Your body's case queue",
    responses=problem_responses(401, 422),
)
async def list_cases(
    officer_principal: CurrentOfficer,
    session: ReadSessionDep,
    pagination: PaginationDep,
    status_: Annotated[
        list[CaseStatus] | None,
        Query(alias="status", description="Statuses to list (repeatable); the open ones by default."),
    ] = None,
    purpose: Annotated[Purpose | None, Query()] = None,
    overdue: Annotated[bool, Query(description="Only open cases past their time limit.")] = False,
    due_before: Annotated[datetime | None, Query(description="Only cases due before this instant.")] = None,
) -> CaseQueuePage:
    """The cases addressed to your body, earliest due first; `overdue` flags those past the body's time limit."""
    now = utcnow()
    statuses = [s.value for s in (status_ or OPEN_STATUSES)]
    if overdue:
        statuses = [s for s in statuses if s in OPEN_STATUSES]
    filters = QueueFilter(
        statuses=statuses,
        purpose=purpose.value if purpose else None,
        due_before=due_before,
        overdue_at=now if overdue else None,
    )
    rows, next_cursor = await officer.queue(
        session, officer_principal.id, filters, limit=pagination.limit, cursor=pagination.cursor
    )
    return CaseQueuePage(items=[queue_item(row, now) for row in rows], next_cursor=next_cursor)


@cases_router.get(
    "/{case_id}",
    response_model=CaseView,
    operation_id="getRecognitionCase",
    summary="Open a case",
    responses=problem_responses(401, 404, 422),
)
async def get_case(
    case_id: CaseID, request: Request, response: Response, officer_principal: CurrentOfficer, session: SessionDep
) -> CaseView:
    """The case with only what the learner released to your body: each credential's released fields, its
    verification result and recognition packet (its caveat in the language of `Accept-Language`). The learner's
    access log records that your body looked."""
    language = request_language(request)
    language_headers(response.headers, language)
    return case_view(await officer.open_case(session, officer_principal.id, case_id), language)


@cases_router.get(
    "/{case_id}/learning/{entry_id}/evidence/{evidence_id}",
    operation_id="getRecognitionCaseLearningEvidence",
    summary="Download evidence of attached learning",
    response_class=Response,
    responses={**EVIDENCE_DOWNLOAD, **problem_responses(401, 404, 422)},
)
async def get_learning_evidence(
    case_id: CaseID,
    entry_id: Annotated[uuid.UUID, Path(description="The learning entry's id.")],
    evidence_id: Annotated[uuid.UUID, Path(description="The evidence file's id.")],
    officer_principal: CurrentOfficer,
    session: SessionDep,
) -> Response:
    """An evidence file of a self-recorded learning entry the learner attached to a case of your body, as an
    attachment. The download is recorded in the case's audit trail, which the learner reads."""
    return evidence_response(
        *await case_learning.officer_evidence(session, officer_principal.id, case_id, entry_id, evidence_id)
    )


@cases_router.post(
    "/{case_id}/claim",
    response_model=RecognitionRequestPublic,
    operation_id="claimRecognitionCase",
    summary="Take a case",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def claim(case_id: CaseID, officer_principal: CurrentOfficer, session: SessionDep) -> RecognitionRequestPublic:
    """Assign the case to yourself. An appealed case goes only to an officer who did not decide it (403 `four_eyes`)."""
    return request_public(await officer.claim(session, officer_principal.id, case_id))


@cases_router.post(
    "/{case_id}/notes",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="addRecognitionCaseNote",
    summary="Add an internal note",
    responses=problem_responses(401, 404, 413, 415, 422),
)
async def add_note(case_id: CaseID, body: NoteCreate, officer_principal: CurrentOfficer, session: SessionDep) -> None:
    """A note for your body's officers, kept in the audit trail (the learner sees that a note was written)."""
    await officer.add_note(session, officer_principal.id, case_id, body)


@cases_router.post(
    "/{case_id}/information-requests",
    response_model=RecognitionRequestPublic,
    operation_id="requestRecognitionInformation",
    summary="Ask the learner for more",
    responses=problem_responses(401, 404, 409, 413, 415, 422),
)
async def request_information(
    case_id: CaseID, body: InformationRequest, officer_principal: CurrentOfficer, session: SessionDep
) -> RecognitionRequestPublic:
    """The case waits for the learner, who reads your message in the timeline and adds documents."""
    return request_public(await officer.request_information(session, officer_principal.id, case_id, body))


@cases_router.post(
    "/{case_id}/interview",
    response_model=RecognitionRequestPublic,
    operation_id="recordRecognitionInterview",
    summary="Record an interview",
    responses=problem_responses(401, 404, 409, 413, 415, 422),
)
async def record_interview(
    case_id: CaseID, body: InterviewRecord, officer_principal: CurrentOfficer, session: SessionDep
) -> RecognitionRequestPublic:
    """Record the structured interview a qualifications-passport assessment is based on."""
    return request_public(await officer.record_interview(session, officer_principal.id, case_id, body))


@cases_router.get(
    "/{case_id}/advice",
    response_model=Advice,
    operation_id="getRecognitionAdvice",
    summary="The advisor's pre-assessment",
    responses=problem_responses(401, 404, 422, 503),
)
async def get_advice(
    case_id: CaseID,
    request: Request,
    response: Response,
    officer_principal: CurrentOfficer,
    session: ReadSessionDep,
    catalogue: CatalogueDep,
) -> Advice:
    """Quality, level, workload, profile and learning outcomes compared with the target, each with its evidence,
    and a suggested outcome. It suggests; you decide. The caveat and its plain-words explanation follow
    `Accept-Language`."""
    advice = await officer.advice(
        session, officer_principal.id, case_id, catalogue.current, await _accreditations(session)
    )
    language = request_language(request)
    language_headers(response.headers, language)
    return localized_caveat(advice, language)


@cases_router.get(
    "/{case_id}/precedents",
    response_model=PrecedentList,
    operation_id="listRecognitionPrecedents",
    summary="Earlier decisions on like cases",
    responses=problem_responses(401, 404, 422, 503),
)
async def get_precedents(
    case_id: CaseID, officer_principal: CurrentOfficer, session: ReadSessionDep, catalogue: CatalogueDep
) -> PrecedentList:
    """Your body's standing decisions on the same issuer and qualification, then on the same EQF level and field,
    newest first — so like cases get like outcomes."""
    found, keys = await officer.precedents(
        session, officer_principal.id, case_id, catalogue.current, await _accreditations(session)
    )
    return PrecedentList(
        items=[
            Precedent(
                decision_id=d.id,
                decided_at=d.decided_at,
                outcome=Outcome(d.outcome),
                on_appeal=d.on_appeal,
                match=match,
                qualification=d.qualification_key,
                issuer=d.issuer_key,
                eqf_level=d.eqf_level,
                field_of_study=d.field_of_study,
                recognised_as=d.recognised_as,
                ects_recognised=d.ects_recognised,
                substantial_differences=[SubstantialDifference.model_validate(x) for x in d.substantial_differences],
                reasons=d.reasons,
            )
            for d, match in found
        ],
        basis={
            "issuers": list(keys.issuer_keys),
            "qualifications": list(keys.qualification_keys),
            "eqf_level": keys.eqf_level,
            "field_of_study": keys.field_of_study,
        },
    )


@cases_router.post(
    "/{case_id}/decision",
    status_code=status.HTTP_201_CREATED,
    response_model=RecognitionRequestPublic,
    operation_id="decideRecognitionCase",
    summary="Decide a case",
    responses=problem_responses(401, 403, 404, 409, 413, 415, 422, 503),
)
async def decide(
    case_id: CaseID,
    body: DecisionCreate,
    officer_principal: CurrentOfficer,
    session: SessionDep,
    state: StateDep,
    catalogue: CatalogueDep,
) -> RecognitionRequestPublic:
    """Full, partial, alternative, conditional or denial (an `assessment` for a qualifications-passport case).
    Partial, conditional and denial name the substantial differences (422 otherwise); every decision has reasons,
    the appeal route and deadline. A decision after the time limit is marked late. The decision is issued to the
    learner's wallet as an SD-JWT VC and an Open Badges 3.0 VC-JWT signed by your body's key."""
    issue = bodies.decision_issuer(state.settings.keys_dir, state.settings.public_url, session)
    return request_public(
        await officer.decide(
            session,
            officer_principal.id,
            case_id,
            body,
            catalogue=catalogue.current,
            accreditations=await _accreditations(session),
            issue=issue,
        )
    )


@cases_router.get(
    "/{case_id}/events",
    response_model=CaseEventPage,
    operation_id="listRecognitionCaseEvents",
    summary="The case's audit trail",
    responses=problem_responses(401, 404, 422),
)
async def case_events(
    case_id: CaseID, officer_principal: CurrentOfficer, session: ReadSessionDep, pagination: PaginationDep
) -> CaseEventPage:
    """Every action on the case, oldest first: who, when, what (append-only)."""
    events, next_cursor = await officer.officer_events(
        session, officer_principal.id, case_id, limit=pagination.limit, cursor=pagination.cursor
    )
    return CaseEventPage(items=[event_public(e) for e in events], next_cursor=next_cursor)


# ------------------------------------------------------------------------------------------------------ bodies


@bodies_router.get(
    "/{body_id}",
    response_model=BodyPublic,
    operation_id="getRecognitionBody",
    summary="Read a recognition body",
    responses=problem_responses(401, 404, 422),
)
async def get_body(body_id: BodyID, principal: PrincipalDep, session: ReadSessionDep) -> BodyPublic:
    """A body with its announced time limit for decisions and its appeal period."""
    found = await CaseRepository(session).body(body_id)
    if found is None:
        raise BodyNotFound()
    return BodyPublic.model_validate(found, from_attributes=True)


@bodies_router.get(
    "/{body_id}/qualifications",
    response_model=list[TargetQualificationPublic],
    operation_id="listTargetQualifications",
    summary="A body's target qualifications",
    responses=problem_responses(401, 404, 422),
)
async def list_targets(
    body_id: BodyID, principal: PrincipalDep, session: ReadSessionDep
) -> list[TargetQualificationPublic]:
    """The qualifications the body assesses against (name one as `target_id` in a request)."""
    return [target_public(t) for t in await bodies.list_targets(session, body_id)]


@bodies_router.post(
    "/{body_id}/qualifications",
    status_code=status.HTTP_201_CREATED,
    response_model=TargetQualificationPublic,
    operation_id="createTargetQualification",
    summary="Add a target qualification",
    responses=problem_responses(401, 403, 404, 413, 415, 422, 503),
)
async def create_target(
    body_id: BodyID,
    body: TargetQualificationCreate,
    principal: OfficerOrAdmin,
    session: SessionDep,
    catalogue: CatalogueDep,
) -> TargetQualificationPublic:
    """For administrators and the body's own officers: a qualification with its national level (read through the
    EQF), ECTS, ISCED-F field and learning outcomes."""
    if principal.role == Role.OFFICER:
        own = await CaseRepository(session).officer_body(principal.id)
        if own is None or own.id != body_id:
            raise PermissionDenied("Officers add qualifications to their own body only.", code="other_body")
    return target_public(await bodies.create_target(session, body_id, body, catalogue.current))


@bodies_router.get(
    "/{body_id}/jwks.json",
    operation_id="getRecognitionBodyKeys",
    summary="The body's public keys",
    responses=problem_responses(404, 422),
)
async def body_keys(body_id: BodyID, session: ReadSessionDep, state: StateDep) -> dict[str, Any]:
    """The keys that sign the body's decision credentials (JWK Set)."""
    if await CaseRepository(session).body(body_id) is None:
        raise BodyNotFound()
    return await bodies.published_keys(state.settings.keys_dir, body_id)


@bodies_router.get(
    "/{body_id}/status-lists/{list_id}/{document}",
    operation_id="getRecognitionBodyStatusList",
    summary="A body's published status list",
    response_class=Response,
    responses=issuing.STATUS_LIST_RESPONSES,
)
async def body_status_list(
    body_id: BodyID,
    list_id: Annotated[uuid.UUID, Path()],
    document: issuing.StatusDocument,
    session: ReadSessionDep,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    """The status of the body's decision credentials: a decision replaced on appeal is revoked. `revocation` and
    `suspension` are W3C Bitstring Status List credentials, `token` an IETF Status List Token; public, cacheable
    for five minutes, with a strong ETag."""
    owner = status_lists.Owner("bodies", body_id)
    return await issuing.serve_status_list(session, owner, list_id, document, if_none_match)
