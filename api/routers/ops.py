"""Operations: liveness, readiness, metrics, and the public key set."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel
from sqlalchemy import text

from api.deps import StateDep
from api.errors import problem_responses
from core.database import migration_head, schema_revision

router = APIRouter(tags=["operations"])


class Health(BaseModel):
    status: str
    detail: str | None = None


class JWKS(BaseModel):
    keys: list[dict[str, Any]]


@router.get("/healthz", response_model=Health, operation_id="getHealth", summary="Liveness")
async def healthz() -> Health:
    """The process is up and serving."""
    return Health(status="ok")


@router.get(
    "/readyz",
    response_model=Health,
    operation_id="getReadiness",
    summary="Readiness",
    responses={503: {"model": Health, "description": "Not ready"}},
)
async def readyz(state: StateDep, response: Response) -> Health:
    """Ready when the database answers and its schema is at the newest migration."""
    try:
        async with state.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        revision = await schema_revision(state.engine)
    except Exception as exc:  # noqa: BLE001 - any failure means "not ready", never a 500
        response.status_code = 503
        return Health(status="unavailable", detail=f"database unreachable ({type(exc).__name__})")
    if revision != migration_head():
        response.status_code = 503
        return Health(status="unavailable", detail=f"schema at {revision}, code expects {migration_head()}")
    return Health(status="ok")


@router.get(
    "/metrics",
    operation_id="getMetrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}},
)
async def metrics(state: StateDep) -> Response:
    """Request counts and latencies in the Prometheus text format."""
    return Response(generate_latest(state.metrics.registry), media_type=CONTENT_TYPE_LATEST)


@router.get(
    "/.well-known/jwks.json",
    response_model=JWKS,
    operation_id="getJwks",
    summary="The service's public signing keys",
    responses=problem_responses(),
)
async def jwks(state: StateDep, response: Response) -> dict[str, Any]:
    """Public keys (JWK Set, RFC 7517) that verify the service's access tokens and signed documents.

    Retired keys stay listed until every token they signed has expired."""
    response.headers["Cache-Control"] = "public, max-age=300"
    return state.keyring.jwks()
