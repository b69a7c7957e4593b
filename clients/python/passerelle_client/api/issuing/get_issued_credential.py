from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.issued_public import IssuedPublic
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    issued_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/institutions/issued/{issued_id}".format(
            issued_id=quote(str(issued_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IssuedPublic | Problem | None:
    if response.status_code == 200:
        response_200 = IssuedPublic.from_dict(response.json())

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
) -> Response[IssuedPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    issued_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[IssuedPublic | Problem]:
    """An issued credential's state

    Args:
        issued_id (UUID): The issued credential's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IssuedPublic | Problem]
    """

    kwargs = _get_kwargs(
        issued_id=issued_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    issued_id: UUID,
    *,
    client: AuthenticatedClient,
) -> IssuedPublic | Problem | None:
    """An issued credential's state

    Args:
        issued_id (UUID): The issued credential's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IssuedPublic | Problem
    """

    return sync_detailed(
        issued_id=issued_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    issued_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[IssuedPublic | Problem]:
    """An issued credential's state

    Args:
        issued_id (UUID): The issued credential's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IssuedPublic | Problem]
    """

    kwargs = _get_kwargs(
        issued_id=issued_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    issued_id: UUID,
    *,
    client: AuthenticatedClient,
) -> IssuedPublic | Problem | None:
    """An issued credential's state

    Args:
        issued_id (UUID): The issued credential's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IssuedPublic | Problem
    """

    return (
        await asyncio_detailed(
            issued_id=issued_id,
            client=client,
        )
    ).parsed
