"""Institutions push credentials (idempotent batches) and follow their delivery; learners accept or decline them."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response, status

from api.deps import BearerPrincipal, CurrentAdmin, CurrentLearner, PaginationDep, ReadSessionDep, SessionDep, StateDep
from api.errors import problem_responses
from core import idempotency
from core.accounts import service as accounts
from core.accounts.models import Institution, Role
from core.accounts.schemas import InstitutionCreate, InstitutionCreated, InstitutionPublic
from core.accounts.tokens import Principal
from core.errors import BadRequest
from wallet.inbox import service
from wallet.inbox.models import InboxItem, InstitutionEvent
from wallet.inbox.schemas import (
    BatchPush,
    BatchResult,
    ClaimResult,
    DeliveryPublic,
    InboxItemPublic,
    InboxPage,
    InstitutionEventPage,
    InstitutionEventPublic,
    InstitutionRef,
    InvitationClaim,
)

institutions_router = APIRouter(prefix="/v1/institutions", tags=["institutions"])
inbox_router = APIRouter(prefix="/v1/wallet/inbox", tags=["inbox"])
admin_router = APIRouter(prefix="/v1/admin/institutions", tags=["admin"])

CurrentInstitution = Annotated[Principal, Depends(BearerPrincipal(Role.INSTITUTION))]
ItemID = Annotated[uuid.UUID, Path(description="The inbox item's (delivery's) id.")]
BATCH_PATH = "/v1/institutions/credentials:batch"


def inbox_public(item: InboxItem, institution: Institution) -> InboxItemPublic:
    return InboxItemPublic(
        id=item.id,
        institution=InstitutionRef(
            id=institution.id, name=institution.name, country=institution.country, kind=institution.kind
        ),
        title=item.title,
        format=item.format,
        summary=item.summary,
        status=item.status,
        credential_id=item.credential_id,
        created_at=item.created_at,
        decided_at=item.decided_at,
    )


# ------------------------------------------------------------------------------------------------- institutions


@institutions_router.post(
    "/credentials:batch",
    response_model=BatchResult,
    operation_id="pushCredentials",
    summary="Push credentials to learners",
    responses=problem_responses(400, 401, 409, 413, 415, 422),
)
async def push_credentials(
    body: BatchPush,
    request: Request,
    institution: CurrentInstitution,
    session: SessionDep,
    state: StateDep,
    idempotency_key: Annotated[
        str | None,
        Header(
            pattern=idempotency.KEY_PATTERN,
            description="Required. A replay with the same key answers the first response byte for byte; the same key "
            "with a different body is refused (422).",
        ),
    ] = None,
) -> Response:
    """Up to 1,000 credentials, each to a learner (by id or e-mail; an unknown address gets a claimable invitation).
    Each lands in the learner's inbox, where the learner accepts or declines it. The same credential pushed again
    creates nothing (`duplicate`). The answer lists each item's outcome in order."""
    if idempotency_key is None:
        raise BadRequest("Send an `Idempotency-Key` header (a new UUID per batch).", code="idempotency_key_required")
    digest = idempotency.request_digest(request.method, request.url.path, await request.body())
    claimed = await idempotency.begin(session, principal_id=institution.id, key=idempotency_key, digest=digest)
    if isinstance(claimed, idempotency.Replay):
        return Response(
            claimed.body,
            status_code=claimed.status_code,
            media_type="application/json",
            headers={"Idempotent-Replayed": "true"},
        )
    result = await service.push_batch(
        session,
        institution.id,
        body,
        invitation_days=state.settings.invitation_days,
        public_url=state.settings.public_url,
    )
    payload = result.model_dump_json().encode()
    await idempotency.complete(session, claimed, status_code=200, body=payload)
    return Response(payload, status_code=200, media_type="application/json")


@institutions_router.get(
    "/deliveries/{item_id}",
    response_model=DeliveryPublic,
    operation_id="getDelivery",
    summary="A pushed credential's delivery state",
    responses=problem_responses(401, 404, 422),
)
async def get_delivery(item_id: ItemID, institution: CurrentInstitution, session: ReadSessionDep) -> DeliveryPublic:
    """Pending, accepted or declined — never what the learner's wallet holds."""
    item = await service.delivery(session, institution.id, item_id)
    return DeliveryPublic(
        id=item.id,
        external_id=item.external_id,
        status=item.status,
        invited=item.recipient_id is None,
        created_at=item.created_at,
        decided_at=item.decided_at,
    )


def event_public(event: InstitutionEvent) -> InstitutionEventPublic:
    return InstitutionEventPublic(id=event.id, type=event.type, item_id=event.item_id, data=event.data, at=event.at)


@institutions_router.get(
    "/events",
    response_model=InstitutionEventPage,
    operation_id="listInstitutionEvents",
    summary="Your change feed",
    responses=problem_responses(401, 422),
)
async def list_events(
    institution: CurrentInstitution, session: ReadSessionDep, pagination: PaginationDep
) -> InstitutionEventPage:
    """What happened to what you pushed, oldest first: `delivered`, `invited`, `invitation_claimed`, `accepted`,
    `declined`. Keep `next_cursor` and send it back to read what came after."""
    events, next_cursor = await service.events_page(
        session, institution.id, limit=pagination.limit, cursor=pagination.cursor
    )
    return InstitutionEventPage(items=[event_public(e) for e in events], next_cursor=next_cursor)


# ------------------------------------------------------------------------------------------------------ learners


@inbox_router.get(
    "",
    response_model=InboxPage,
    operation_id="listInbox",
    summary="Credentials waiting for you",
    responses=problem_responses(401, 422),
)
async def list_inbox(
    learner: CurrentLearner,
    session: ReadSessionDep,
    pagination: PaginationDep,
    status_: Annotated[Literal["pending", "accepted", "declined", "expired"] | None, Query(alias="status")] = None,
) -> InboxPage:
    """Credentials institutions sent you, newest first. Nothing enters your wallet until you accept it."""
    rows, next_cursor = await service.list_inbox(
        session, learner.id, status=status_, limit=pagination.limit, cursor=pagination.cursor
    )
    return InboxPage(items=[inbox_public(*row) for row in rows], next_cursor=next_cursor)


@inbox_router.get(
    "/{item_id}",
    response_model=InboxItemPublic,
    operation_id="getInboxItem",
    summary="Read an inbox item",
    responses=problem_responses(401, 404, 422),
)
async def get_inbox_item(item_id: ItemID, learner: CurrentLearner, session: ReadSessionDep) -> InboxItemPublic:
    return inbox_public(*await service.get_item(session, learner.id, item_id))


@inbox_router.post(
    "/{item_id}/accept",
    response_model=InboxItemPublic,
    operation_id="acceptInboxItem",
    summary="Accept a credential into your wallet",
    responses=problem_responses(401, 404, 409, 422),
)
async def accept(item_id: ItemID, learner: CurrentLearner, session: SessionDep) -> InboxItemPublic:
    """The credential enters your wallet exactly as the institution sent it; the institution learns it was accepted."""
    return inbox_public(*await service.accept(session, learner.id, item_id))


@inbox_router.post(
    "/{item_id}/decline",
    response_model=InboxItemPublic,
    operation_id="declineInboxItem",
    summary="Decline a credential",
    responses=problem_responses(401, 404, 409, 422),
)
async def decline(item_id: ItemID, learner: CurrentLearner, session: SessionDep) -> InboxItemPublic:
    """The credential is not added and its copy is erased; the institution learns it was declined."""
    return inbox_public(*await service.decline(session, learner.id, item_id))


@inbox_router.post(
    ":claim",
    response_model=ClaimResult,
    operation_id="claimInvitation",
    summary="Claim an invitation",
    responses=problem_responses(401, 410, 413, 415, 422),
)
async def claim(body: InvitationClaim, learner: CurrentLearner, session: SessionDep) -> ClaimResult:
    """Move the credentials an invitation e-mail announced into your inbox (they still wait for you to accept)."""
    return ClaimResult(moved=await service.claim(session, learner.id, body.code))


# --------------------------------------------------------------------------------------------------------- admin


@admin_router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=InstitutionCreated,
    operation_id="createInstitution",
    summary="Onboard an institution",
    responses=problem_responses(401, 413, 415, 422),
)
async def create_institution(body: InstitutionCreate, admin: CurrentAdmin, session: SessionDep) -> InstitutionCreated:
    """Register an institution (name, country, kind, Erasmus code, SCHAC, PIC) with its first client for the
    `client_credentials` grant. The secret is in this answer only."""
    institution = await accounts.create_institution(session, body)
    client, secret = await accounts.create_client(
        session, name=institution.name, created_by=admin.id, institution_id=institution.id
    )
    return InstitutionCreated(
        **InstitutionPublic.model_validate(institution, from_attributes=True).model_dump(),
        client_id=client.client_id,
        client_secret=secret,
    )
