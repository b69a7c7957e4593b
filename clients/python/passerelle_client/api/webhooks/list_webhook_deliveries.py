from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_webhook_deliveries_status_type_0 import ListWebhookDeliveriesStatusType0
from ...models.problem import Problem
from ...models.webhook_delivery_page import WebhookDeliveryPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ListWebhookDeliveriesStatusType0 | None | Unset = UNSET,
    endpoint_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListWebhookDeliveriesStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_endpoint_id: None | str | Unset
    if isinstance(endpoint_id, Unset):
        json_endpoint_id = UNSET
    elif isinstance(endpoint_id, UUID):
        json_endpoint_id = str(endpoint_id)
    else:
        json_endpoint_id = endpoint_id
    params["endpoint_id"] = json_endpoint_id

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/institutions/webhooks/deliveries",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookDeliveryPage | None:
    if response.status_code == 200:
        response_200 = WebhookDeliveryPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[Problem | WebhookDeliveryPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: ListWebhookDeliveriesStatusType0 | None | Unset = UNSET,
    endpoint_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[Problem | WebhookDeliveryPage]:
    """Your webhook deliveries and dead letters

     Deliveries to your endpoints, newest first, with their attempts and the last error. A delivery is
    `dead`
    after 12 failed attempts (spread over at most about 15 hours) or when its endpoint answered 410
    Gone.

    Args:
        status (ListWebhookDeliveriesStatusType0 | None | Unset): `dead` lists the dead letters:
            deliveries that will not be retried.
        endpoint_id (None | Unset | UUID): Only this endpoint's deliveries.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookDeliveryPage]
    """

    kwargs = _get_kwargs(
        status=status,
        endpoint_id=endpoint_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: ListWebhookDeliveriesStatusType0 | None | Unset = UNSET,
    endpoint_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Problem | WebhookDeliveryPage | None:
    """Your webhook deliveries and dead letters

     Deliveries to your endpoints, newest first, with their attempts and the last error. A delivery is
    `dead`
    after 12 failed attempts (spread over at most about 15 hours) or when its endpoint answered 410
    Gone.

    Args:
        status (ListWebhookDeliveriesStatusType0 | None | Unset): `dead` lists the dead letters:
            deliveries that will not be retried.
        endpoint_id (None | Unset | UUID): Only this endpoint's deliveries.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookDeliveryPage
    """

    return sync_detailed(
        client=client,
        status=status,
        endpoint_id=endpoint_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ListWebhookDeliveriesStatusType0 | None | Unset = UNSET,
    endpoint_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[Problem | WebhookDeliveryPage]:
    """Your webhook deliveries and dead letters

     Deliveries to your endpoints, newest first, with their attempts and the last error. A delivery is
    `dead`
    after 12 failed attempts (spread over at most about 15 hours) or when its endpoint answered 410
    Gone.

    Args:
        status (ListWebhookDeliveriesStatusType0 | None | Unset): `dead` lists the dead letters:
            deliveries that will not be retried.
        endpoint_id (None | Unset | UUID): Only this endpoint's deliveries.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookDeliveryPage]
    """

    kwargs = _get_kwargs(
        status=status,
        endpoint_id=endpoint_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: ListWebhookDeliveriesStatusType0 | None | Unset = UNSET,
    endpoint_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Problem | WebhookDeliveryPage | None:
    """Your webhook deliveries and dead letters

     Deliveries to your endpoints, newest first, with their attempts and the last error. A delivery is
    `dead`
    after 12 failed attempts (spread over at most about 15 hours) or when its endpoint answered 410
    Gone.

    Args:
        status (ListWebhookDeliveriesStatusType0 | None | Unset): `dead` lists the dead letters:
            deliveries that will not be retried.
        endpoint_id (None | Unset | UUID): Only this endpoint's deliveries.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookDeliveryPage
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            endpoint_id=endpoint_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
