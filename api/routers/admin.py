"""Administration: machine clients for institutions, recognition bodies."""

from __future__ import annotations

from fastapi import APIRouter, status

from api.deps import CurrentAdmin, PrincipalDep, ReadSessionDep, SessionDep
from api.errors import problem_responses
from core.accounts import service
from core.accounts.schemas import BodyCreate, BodyPublic, ClientCreate, ClientCreated

router = APIRouter(prefix="/v1/admin", tags=["admin"])


@router.post(
    "/clients",
    status_code=status.HTTP_201_CREATED,
    response_model=ClientCreated,
    operation_id="createClient",
    summary="Create an institution client",
    responses=problem_responses(401, 413, 415, 422),
)
async def create_client(body: ClientCreate, admin: CurrentAdmin, session: SessionDep) -> ClientCreated:
    """Create an OAuth2 client for an institution's system. The secret is in this answer only."""
    client, secret = await service.create_client(session, name=body.name, created_by=admin.id)
    return ClientCreated(
        id=client.id,
        client_id=client.client_id,
        name=client.name,
        role=client.role,
        created_at=client.created_at,
        client_secret=secret,
    )


@router.post(
    "/bodies",
    status_code=status.HTTP_201_CREATED,
    response_model=BodyPublic,
    operation_id="createRecognitionBody",
    summary="Register a recognition body",
    responses=problem_responses(401, 413, 415, 422),
)
async def create_body(body: BodyCreate, admin: CurrentAdmin, session: SessionDep) -> BodyPublic:
    """Register a recognition body (a recognition centre, an admissions office). Its officers are created with
    `passerelle user create --role officer --body <id>`; learners can bind a share to the body."""
    created = await service.create_body(session, body)
    return BodyPublic.model_validate(created, from_attributes=True)


bodies_router = APIRouter(prefix="/v1/bodies", tags=["sharing"])


@bodies_router.get(
    "",
    response_model=list[BodyPublic],
    operation_id="listRecognitionBodies",
    summary="List recognition bodies",
    responses=problem_responses(401),
)
async def list_bodies(principal: PrincipalDep, session: ReadSessionDep) -> list[BodyPublic]:
    """The recognition bodies a learner can bind a share to."""
    return [BodyPublic.model_validate(b, from_attributes=True) for b in await service.list_bodies(session)]
