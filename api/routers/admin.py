"""Administration: machine clients for institutions."""

from __future__ import annotations

from fastapi import APIRouter, status

from api.deps import CurrentAdmin, SessionDep
from api.errors import problem_responses
from core.accounts import service
from core.accounts.schemas import ClientCreate, ClientCreated

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
