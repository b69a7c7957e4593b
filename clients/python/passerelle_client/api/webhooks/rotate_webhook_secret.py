from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_secret_rotated import WebhookSecretRotated
from ...types import UNSET, Response, Unset


def _get_kwargs(
    endpoint_id: UUID,
    *,
    overlap_hours: int | Unset = 24,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["overlap_hours"] = overlap_hours

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/institutions/webhooks/{endpoint_id}/secret:rotate".format(
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookSecretRotated | None:
    if response.status_code == 200:
        response_200 = WebhookSecretRotated.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | WebhookSecretRotated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    overlap_hours: int | Unset = 24,
) -> Response[Problem | WebhookSecretRotated]:
    """Rotate an endpoint's signing secret

     A new signing secret, in this answer only. During the overlap every delivery is signed with both
    secrets
    (`webhook-signature` lists two), so you can switch your receiver without missing an event.

    Args:
        endpoint_id (UUID): The webhook endpoint's id.
        overlap_hours (int | Unset): How long the previous secret keeps signing next to the new
            one (each request then carries two signatures). 0 withdraws it at once, e.g. after a leak.
            Default: 24.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookSecretRotated]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        overlap_hours=overlap_hours,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    overlap_hours: int | Unset = 24,
) -> Problem | WebhookSecretRotated | None:
    """Rotate an endpoint's signing secret

     A new signing secret, in this answer only. During the overlap every delivery is signed with both
    secrets
    (`webhook-signature` lists two), so you can switch your receiver without missing an event.

    Args:
        endpoint_id (UUID): The webhook endpoint's id.
        overlap_hours (int | Unset): How long the previous secret keeps signing next to the new
            one (each request then carries two signatures). 0 withdraws it at once, e.g. after a leak.
            Default: 24.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookSecretRotated
    """

    return sync_detailed(
        endpoint_id=endpoint_id,
        client=client,
        overlap_hours=overlap_hours,
    ).parsed


async def asyncio_detailed(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    overlap_hours: int | Unset = 24,
) -> Response[Problem | WebhookSecretRotated]:
    """Rotate an endpoint's signing secret

     A new signing secret, in this answer only. During the overlap every delivery is signed with both
    secrets
    (`webhook-signature` lists two), so you can switch your receiver without missing an event.

    Args:
        endpoint_id (UUID): The webhook endpoint's id.
        overlap_hours (int | Unset): How long the previous secret keeps signing next to the new
            one (each request then carries two signatures). 0 withdraws it at once, e.g. after a leak.
            Default: 24.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookSecretRotated]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        overlap_hours=overlap_hours,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    overlap_hours: int | Unset = 24,
) -> Problem | WebhookSecretRotated | None:
    """Rotate an endpoint's signing secret

     A new signing secret, in this answer only. During the overlap every delivery is signed with both
    secrets
    (`webhook-signature` lists two), so you can switch your receiver without missing an event.

    Args:
        endpoint_id (UUID): The webhook endpoint's id.
        overlap_hours (int | Unset): How long the previous secret keeps signing next to the new
            one (each request then carries two signatures). 0 withdraws it at once, e.g. after a leak.
            Default: 24.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookSecretRotated
    """

    return (
        await asyncio_detailed(
            endpoint_id=endpoint_id,
            client=client,
            overlap_hours=overlap_hours,
        )
    ).parsed
