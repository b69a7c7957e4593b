"""Institutions push credentials (idempotent batches) and follow their delivery; learners accept or decline them."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response, status
from sqlalchemy.ext.asyncio import AsyncSession

from api.deps import BearerPrincipal, CurrentAdmin, CurrentLearner, PaginationDep, ReadSessionDep, SessionDep, StateDep
from api.errors import problem_responses
from api.i18n import request_language
from api.ratelimit import Limiter
from api.state import AppState
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
    IssuerRef,
)
from wallet.oid4vci import service as oid4vci
from wallet.oid4vci.schemas import CollectResult, DeferredCredential, OfferCollect, SkippedCredential
from wallet.verification import service as trust_registry
from wallet.verification.context import OutboundPolicy, VerificationContext

institutions_router = APIRouter(prefix="/v1/institutions", tags=["institutions"])
inbox_router = APIRouter(prefix="/v1/wallet/inbox", tags=["inbox"])
admin_router = APIRouter(prefix="/v1/admin/institutions", tags=["admin"])

CurrentInstitution = Annotated[Principal, Depends(BearerPrincipal(Role.INSTITUTION))]
ItemID = Annotated[uuid.UUID, Path(description="The inbox item's (delivery's) id.")]
BATCH_PATH = "/v1/institutions/credentials:batch"


def inbox_public(item: InboxItem, institution: Institution | None) -> InboxItemPublic:
    return InboxItemPublic(
        id=item.id,
        source=item.source,
        institution=InstitutionRef(
            id=institution.id, name=institution.name, country=institution.country, kind=institution.kind
        )
        if institution is not None
        else None,
        issuer=IssuerRef(id=item.issuer, name=item.issuer_name) if item.issuer is not None else None,
        title=item.title,
        format=item.format,
        summary=item.summary,
        status=item.status,
        credential_id=item.credential_id,
        created_at=item.created_at,
        decided_at=item.decided_at,
    )


# ------------------------------------------------------------------------------------------------- institutions


async def claim_idempotency_key(
    session: AsyncSession, request: Request, principal_id: uuid.UUID, key: str
) -> idempotency.IdempotencyRecord | Response:
    """The key's record, claimed in this request's transaction (complete it with the answer), or the stored answer
    of its first use, replayed byte for byte (`Idempotent-Replayed: true`)."""
    digest = idempotency.request_digest(request.method, request.url.path, await request.body())
    claimed = await idempotency.begin(session, principal_id=principal_id, key=key, digest=digest)
    if isinstance(claimed, idempotency.Replay):
        return Response(
            claimed.body,
            status_code=claimed.status_code,
            media_type="application/json",
            headers={"Idempotent-Replayed": "true"},
        )
    return claimed


async def push_with_settings(
    session: AsyncSession, institution_id: uuid.UUID, state: AppState, batch: BatchPush, *, language: str | None = None
) -> BatchResult:
    """`service.push_batch` with this deployment's settings (also how hosted issuing delivers to inboxes); `language`
    is the institution's (its request's `Accept-Language`), for invitations to addresses with no account."""
    return await service.push_batch(
        session,
        institution_id,
        batch,
        invitation_days=state.settings.invitation_days,
        public_url=state.settings.public_url,
        context_for=lambda trust: VerificationContext.from_settings(state.settings, trust),
        pool=state.reading_pool,
        language=language,
    )


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
    """Up to 1,000 credentials, each to a learner (by id or e-mail; an unknown address gets a claimable invitation,
    mailed in the language your `Accept-Language` prefers unless the address has an account with its own). Each
    lands in the learner's inbox, where the learner accepts or declines it. Each signed credential's signature
    is checked as `POST /v1/verify` checks it (keys from the trust registry, the credential or the issuer's
    published documents): one that does not hold is `rejected` with the check's reason as its problem `code`, and
    nothing is stored for it; an unsigned document is delivered. The same credential pushed again creates nothing
    (`duplicate`). The answer lists each item's outcome in order."""
    if idempotency_key is None:
        raise BadRequest("Send an `Idempotency-Key` header (a new UUID per batch).", code="idempotency_key_required")
    claimed = await claim_idempotency_key(session, request, institution.id, idempotency_key)
    if isinstance(claimed, Response):
        return claimed
    result = await push_with_settings(session, institution.id, state, body, language=request_language(request))
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
    return InstitutionEventPublic(
        id=event.id, seq=event.seq, type=event.type, item_id=event.item_id, data=event.data, at=event.at
    )


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
    """What happened to what you pushed or issued, in commit order (`seq` 1, 2, 3 …, no gaps): `delivered`,
    `invited`, `invitation_claimed`, `accepted`, `declined`, `suspended`, `reinstated`, `revoked`, `collected`. Keep
    `next_cursor` and send it back to read what came after: following it misses no event."""
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
    """Credentials institutions sent you and credentials you collected from an issuer's offer, newest first.
    Nothing enters your wallet until you accept it."""
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
    """The credential enters your wallet exactly as the institution (or the issuer) sent it; an institution learns it
    was accepted."""
    return inbox_public(*await service.accept(session, learner.id, item_id))


@inbox_router.post(
    "/{item_id}/decline",
    response_model=InboxItemPublic,
    operation_id="declineInboxItem",
    summary="Decline a credential",
    responses=problem_responses(401, 404, 409, 422),
)
async def decline(item_id: ItemID, learner: CurrentLearner, session: SessionDep) -> InboxItemPublic:
    """The credential is not added and its copy is erased; an institution learns it was declined."""
    return inbox_public(*await service.decline(session, learner.id, item_id))


@inbox_router.post(
    ":collect",
    status_code=status.HTTP_201_CREATED,
    response_model=CollectResult,
    operation_id="collectCredentialOffer",
    summary="Collect a credential from an issuer's offer",
    responses={
        202: {
            "model": CollectResult,
            "description": "The issuer deferred every offered credential: nothing is in your inbox (see `deferred`).",
        },
        **problem_responses(401, 413, 415, 422, 503),
        429: {
            **problem_responses(429)[429],
            "headers": {
                "Retry-After": {"description": "Seconds until the limit resets.", "schema": {"type": "integer"}}
            },
        },
    },
)
async def collect(
    body: OfferCollect,
    learner: CurrentLearner,
    session: SessionDep,
    state: StateDep,
    request: Request,
    response: Response,
) -> CollectResult:
    """Redeem an OpenID4VCI 1.0 credential offer from any standard issuer (pre-authorized code flow): Passerelle
    reads the issuer's metadata, exchanges the code (with the transaction code you were sent, if the offer asks for
    one) and asks for the credentials, bound to your wallet's key. Each one's signature is checked as a pushed
    credential's is: one that does not hold is not kept and is listed in `skipped` with its reason. The others land
    in your inbox, pending: accept or decline them as any other. An offer that needs a sign-in at the issuer
    (authorization code flow) is refused (422); a wrong or used code is the issuer's `invalid_grant` (422); an
    issuer that cannot be reached or answers outside the specification is 503. Limited per learner."""
    limiter: Limiter = request.app.state.collect_limiter
    await limiter.hit(str(learner.id))
    settings = state.settings
    collected = await oid4vci.collect(
        session,
        learner.id,
        body,
        keys_dir=settings.keys_dir,
        policy=OutboundPolicy(
            allowed_hosts=tuple(settings.outbound_allowed_hosts),
            timeout_seconds=settings.outbound_timeout_seconds,
            max_bytes=settings.outbound_max_bytes,
        ),
        context_for=lambda trust: VerificationContext.from_settings(settings, trust),
    )
    if not collected.items:
        response.status_code = status.HTTP_202_ACCEPTED
    return CollectResult(
        items=[inbox_public(item, None) for item in collected.items],
        deferred=[
            DeferredCredential(
                credential_configuration_id=d.credential_configuration_id,
                transaction_id=d.transaction_id,
                interval=d.interval,
            )
            for d in collected.deferred
        ],
        skipped=[
            SkippedCredential(credential_configuration_id=s.credential_configuration_id, code=s.code, detail=s.detail)
            for s in collected.skipped
        ],
    )


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
    `client_credentials` grant. The secret is in this answer only; a client registered with its public keys
    (`client_jwks` or `client_jwks_uri`) has none and authenticates with `private_key_jwt`. An institution that
    signs its credentials itself names its issuer identifier and key set URL (`issuer_id`, `issuer_jwks_uri`):
    both enter the trust registry, and pushed credentials are checked against the keys published there."""
    institution = await accounts.create_institution(session, body)
    if body.issuer_id is not None:
        await trust_registry.add_issuer(
            session,
            issuer_id=body.issuer_id,
            label=f"{institution.name} (institution)",
            keys=[],
            jwks_uri=body.issuer_jwks_uri,
            accreditation={},
            created_by=admin.id,
        )
    client, secret = await accounts.create_client(
        session,
        name=institution.name,
        created_by=admin.id,
        institution_id=institution.id,
        jwks=body.client_jwks.model_dump() if body.client_jwks else None,
        jwks_uri=body.client_jwks_uri,
    )
    return InstitutionCreated(
        **InstitutionPublic.model_validate(institution, from_attributes=True).model_dump(),
        client_id=client.client_id,
        client_secret=secret if client.auth_method == "client_secret" else None,
        auth_method=client.auth_method,
    )
