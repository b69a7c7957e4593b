from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.share_public import SharePublic
from ...models.share_update import ShareUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    share_id: UUID,
    *,
    body: ShareUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/wallet/shares/{share_id}".format(
            share_id=quote(str(share_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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
    body: ShareUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | SharePublic]:
    """Change a share's expiry or view limit

     Change the expiry (within the service's maximum) or the view limit. Needs `If-Match`.

    Args:
        share_id (UUID): The share's id.
        if_match (None | str | Unset): The share's ETag.
        body (ShareUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SharePublic]
    """

    kwargs = _get_kwargs(
        share_id=share_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    share_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ShareUpdate,
    if_match: None | str | Unset = UNSET,
) -> Problem | SharePublic | None:
    """Change a share's expiry or view limit

     Change the expiry (within the service's maximum) or the view limit. Needs `If-Match`.

    Args:
        share_id (UUID): The share's id.
        if_match (None | str | Unset): The share's ETag.
        body (ShareUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SharePublic
    """

    return sync_detailed(
        share_id=share_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    share_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ShareUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | SharePublic]:
    """Change a share's expiry or view limit

     Change the expiry (within the service's maximum) or the view limit. Needs `If-Match`.

    Args:
        share_id (UUID): The share's id.
        if_match (None | str | Unset): The share's ETag.
        body (ShareUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SharePublic]
    """

    kwargs = _get_kwargs(
        share_id=share_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    share_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ShareUpdate,
    if_match: None | str | Unset = UNSET,
) -> Problem | SharePublic | None:
    """Change a share's expiry or view limit

     Change the expiry (within the service's maximum) or the view limit. Needs `If-Match`.

    Args:
        share_id (UUID): The share's id.
        if_match (None | str | Unset): The share's ETag.
        body (ShareUpdate):

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
            body=body,
            if_match=if_match,
        )
    ).parsed
