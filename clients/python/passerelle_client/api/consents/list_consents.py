from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.consent_kind import ConsentKind
from ...models.consent_page import ConsentPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: ConsentKind | None | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, ConsentKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_active: bool | None | Unset
    if isinstance(active, Unset):
        json_active = UNSET
    else:
        json_active = active
    params["active"] = json_active

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
        "url": "/v1/wallet/consents",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ConsentPage | Problem | None:
    if response.status_code == 200:
        response_200 = ConsentPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ConsentPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: ConsentKind | None | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[ConsentPage | Problem]:
    """List your consent records

     Every consent you gave, newest first: each share, recognition request, accepted credential and
    institution
    allowed to push to your inbox — with its purpose, counterparty, the privacy-notice version you saw,
    when, and
    when you withdrew it.

    Args:
        kind (ConsentKind | None | Unset): Only consents of this kind.
        active (bool | None | Unset): Only consents in force (true) or ended (false).
        limit (int | Unset): Items per page (at most 100). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsentPage | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        active=active,
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
    kind: ConsentKind | None | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> ConsentPage | Problem | None:
    """List your consent records

     Every consent you gave, newest first: each share, recognition request, accepted credential and
    institution
    allowed to push to your inbox — with its purpose, counterparty, the privacy-notice version you saw,
    when, and
    when you withdrew it.

    Args:
        kind (ConsentKind | None | Unset): Only consents of this kind.
        active (bool | None | Unset): Only consents in force (true) or ended (false).
        limit (int | Unset): Items per page (at most 100). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsentPage | Problem
    """

    return sync_detailed(
        client=client,
        kind=kind,
        active=active,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: ConsentKind | None | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[ConsentPage | Problem]:
    """List your consent records

     Every consent you gave, newest first: each share, recognition request, accepted credential and
    institution
    allowed to push to your inbox — with its purpose, counterparty, the privacy-notice version you saw,
    when, and
    when you withdrew it.

    Args:
        kind (ConsentKind | None | Unset): Only consents of this kind.
        active (bool | None | Unset): Only consents in force (true) or ended (false).
        limit (int | Unset): Items per page (at most 100). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsentPage | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        active=active,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    kind: ConsentKind | None | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> ConsentPage | Problem | None:
    """List your consent records

     Every consent you gave, newest first: each share, recognition request, accepted credential and
    institution
    allowed to push to your inbox — with its purpose, counterparty, the privacy-notice version you saw,
    when, and
    when you withdrew it.

    Args:
        kind (ConsentKind | None | Unset): Only consents of this kind.
        active (bool | None | Unset): Only consents in force (true) or ended (false).
        limit (int | Unset): Items per page (at most 100). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsentPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            active=active,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
