from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.share_public import SharePublic
from ...types import Response


def _get_kwargs(
    share_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/wallet/shares/{share_id}".format(
            share_id=quote(str(share_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SharePublic | None:
    if response.status_code == 200:
        response_200 = SharePublic.from_dict(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | SharePublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    share_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | SharePublic]:
    """Read a share

     One of your shares. Use the ETag for `PATCH`.

    Args:
        share_id (UUID): The share's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SharePublic]
    """

    kwargs = _get_kwargs(
        share_id=share_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    share_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | SharePublic | None:
    """Read a share

     One of your shares. Use the ETag for `PATCH`.

    Args:
        share_id (UUID): The share's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SharePublic
    """

    return sync_detailed(
        share_id=share_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    share_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | SharePublic]:
    """Read a share

     One of your shares. Use the ETag for `PATCH`.

    Args:
        share_id (UUID): The share's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SharePublic]
    """

    kwargs = _get_kwargs(
        share_id=share_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    share_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | SharePublic | None:
    """Read a share

     One of your shares. Use the ETag for `PATCH`.

    Args:
        share_id (UUID): The share's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SharePublic
    """

    return (
        await asyncio_detailed(
            share_id=share_id,
            client=client,
        )
    ).parsed
