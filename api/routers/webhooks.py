"""Institutions' webhook endpoints (Standard Webhooks): register, list, delete, rotate secrets, dead letters."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from api.deps import PaginationDep, ReadSessionDep, SessionDep, StateDep
from api.errors import problem_responses
from api.routers.inbox import CurrentInstitution
from wallet.webhooks import service
from wallet.webhooks.models import PENDING, WebhookDelivery, WebhookEndpoint
from wallet.webhooks.schemas import (
    DeliveryStatus,
    WebhookDeliveryPage,
    WebhookDeliveryPublic,
    WebhookEndpointCreate,
    WebhookEndpointCreated,
    WebhookEndpointList,
    WebhookEndpointPublic,
    WebhookSecretRotated,
)

router = APIRouter(prefix="/v1/institutions/webhooks", tags=["webhooks"])

EndpointID = Annotated[uuid.UUID, Path(description="The webhook endpoint's id.")]
DeliveryID = Annotated[uuid.UUID, Path(description="The delivery's id (its `webhook-id` header).")]


def endpoint_public(endpoint: WebhookEndpoint) -> WebhookEndpointPublic:
    return WebhookEndpointPublic(
        id=endpoint.id,
        url=endpoint.url,
        event_types=endpoint.event_types,
        enabled=endpoint.enabled,
        disabled_reason=endpoint.disabled_reason,
        previous_secret_expires_at=endpoint.previous_secret_expires_at,
        created_at=endpoint.created_at,
    )


def delivery_public(delivery: WebhookDelivery) -> WebhookDeliveryPublic:
    return WebhookDeliveryPublic(
        id=delivery.id,
        endpoint_id=delivery.endpoint_id,
        event_id=delivery.event_id,
        type=str(delivery.payload.get("type", "")),
        status=delivery.status,
        attempts=delivery.attempts,
        next_attempt_at=delivery.next_attempt_at if delivery.status == PENDING else None,
        last_status_code=delivery.last_status_code,
        last_error=delivery.last_error,
        created_at=delivery.created_at,
        delivered_at=delivery.delivered_at,
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=WebhookEndpointCreated,
    operation_id="createWebhookEndpoint",
    summary="Register a webhook endpoint",
    responses=problem_responses(401, 409, 413, 415, 422),
)
async def create_endpoint(
    body: WebhookEndpointCreate, institution: CurrentInstitution, session: SessionDep, state: StateDep
) -> WebhookEndpointCreated:
    """Events from your change feed (`delivered`, `invited`, `invitation_claimed`, `accepted`, `declined`, or the
    `event_types` you choose) are POSTed to `url` as JSON, signed per Standard Webhooks (`webhook-id`,
    `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`). The URL must be `https` and must not
    resolve to a private, loopback or link-local address (422 `webhook_url_refused`); at most 10 endpoints (409).
    The signing `secret` is in this answer only."""
    endpoint = await service.register_endpoint(
        session, institution.id, body, allowed_hosts=state.settings.outbound_allowed_hosts
    )
    return WebhookEndpointCreated(**endpoint_public(endpoint).model_dump(), secret=endpoint.secret)


@router.get(
    "",
    response_model=WebhookEndpointList,
    operation_id="listWebhookEndpoints",
    summary="Your webhook endpoints",
    responses=problem_responses(401),
)
async def list_endpoints(institution: CurrentInstitution, session: ReadSessionDep) -> WebhookEndpointList:
    """Every endpoint you registered, oldest first, with whether it is enabled. Secrets are never shown again."""
    return WebhookEndpointList(
        items=[endpoint_public(e) for e in await service.list_endpoints(session, institution.id)]
    )


@router.delete(
    "/{endpoint_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="deleteWebhookEndpoint",
    summary="Delete a webhook endpoint",
    responses=problem_responses(401, 404, 422),
)
async def delete_endpoint(endpoint_id: EndpointID, institution: CurrentInstitution, session: SessionDep) -> Response:
    """The endpoint is sent nothing more; its deliveries, pending or dead, are deleted with it."""
    await service.delete_endpoint(session, institution.id, endpoint_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{endpoint_id}/secret:rotate",
    response_model=WebhookSecretRotated,
    operation_id="rotateWebhookSecret",
    summary="Rotate an endpoint's signing secret",
    responses=problem_responses(401, 404, 422),
)
async def rotate_secret(
    endpoint_id: EndpointID,
    institution: CurrentInstitution,
    session: SessionDep,
    overlap_hours: Annotated[
        int,
        Query(
            ge=0,
            le=168,
            description="How long the previous secret keeps signing next to the new one (each request then "
            "carries two signatures). 0 withdraws it at once, e.g. after a leak.",
        ),
    ] = 24,
) -> WebhookSecretRotated:
    """A new signing secret, in this answer only. During the overlap every delivery is signed with both secrets
    (`webhook-signature` lists two), so you can switch your receiver without missing an event."""
    endpoint = await service.rotate_secret(session, institution.id, endpoint_id, overlap=timedelta(hours=overlap_hours))
    return WebhookSecretRotated(
        id=endpoint.id, secret=endpoint.secret, previous_secret_expires_at=endpoint.previous_secret_expires_at
    )


@router.post(
    "/{endpoint_id}:enable",
    response_model=WebhookEndpointPublic,
    operation_id="enableWebhookEndpoint",
    summary="Enable a disabled webhook endpoint",
    responses=problem_responses(401, 404, 422),
)
async def enable_endpoint(
    endpoint_id: EndpointID, institution: CurrentInstitution, session: SessionDep
) -> WebhookEndpointPublic:
    """An endpoint that answered 410 Gone is disabled; this resumes delivery, starting with the deliveries that
    waited. Dead ones stay dead until you redeliver them."""
    return endpoint_public(await service.enable_endpoint(session, institution.id, endpoint_id))


@router.get(
    "/deliveries",
    response_model=WebhookDeliveryPage,
    operation_id="listWebhookDeliveries",
    summary="Your webhook deliveries and dead letters",
    responses=problem_responses(401, 422),
)
async def list_deliveries(
    institution: CurrentInstitution,
    session: ReadSessionDep,
    pagination: PaginationDep,
    status_: Annotated[
        DeliveryStatus | None,
        Query(alias="status", description="`dead` lists the dead letters: deliveries that will not be retried."),
    ] = None,
    endpoint_id: Annotated[uuid.UUID | None, Query(description="Only this endpoint's deliveries.")] = None,
) -> WebhookDeliveryPage:
    """Deliveries to your endpoints, newest first, with their attempts and the last error. A delivery is `dead`
    after 12 failed attempts (spread over at most about 15 hours) or when its endpoint answered 410 Gone."""
    deliveries, next_cursor = await service.list_deliveries(
        session,
        institution.id,
        status=status_,
        endpoint_id=endpoint_id,
        limit=pagination.limit,
        cursor=pagination.cursor,
    )
    return WebhookDeliveryPage(items=[delivery_public(d) for d in deliveries], next_cursor=next_cursor)


@router.post(
    "/deliveries/{delivery_id}/redeliver",
    response_model=WebhookDeliveryPublic,
    operation_id="redeliverWebhook",
    summary="Redeliver a dead letter",
    responses=problem_responses(401, 404, 409, 422),
)
async def redeliver(
    delivery_id: DeliveryID, institution: CurrentInstitution, session: SessionDep
) -> WebhookDeliveryPublic:
    """The dead delivery is queued again with a fresh set of attempts and the same `webhook-id`. 409 if it is not
    dead, or if its endpoint is disabled (enable it first)."""
    return delivery_public(await service.redeliver(session, institution.id, delivery_id))
