from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.credential_format import CredentialFormat
from ...models.credential_page import CredentialPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: CredentialFormat | None | Unset = UNSET,
    tag: None | str | Unset = UNSET,
    parent: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, CredentialFormat):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    json_tag: None | str | Unset
    if isinstance(tag, Unset):
        json_tag = UNSET
    else:
        json_tag = tag
    params["tag"] = json_tag

    json_parent: None | str | Unset
    if isinstance(parent, Unset):
        json_parent = UNSET
    elif isinstance(parent, UUID):
        json_parent = str(parent)
    else:
        json_parent = parent
    params["parent"] = json_parent

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
        "url": "/v1/wallet/credentials",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CredentialPage | Problem | None:
    if response.status_code == 200:
        response_200 = CredentialPage.from_dict(response.json())

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
) -> Response[CredentialPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    format_: CredentialFormat | None | Unset = UNSET,
    tag: None | str | Unset = UNSET,
    parent: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[CredentialPage | Problem]:
    """List your credentials

     Your credentials, newest first, at most 100 per page. A CLR bundle's assertions and an ELMO
    transcript's
    learning opportunities are listed too, each with `parent_id` set to the document they came in.

    Args:
        format_ (CredentialFormat | None | Unset): Only this format.
        tag (None | str | Unset): Only with this tag.
        parent (None | Unset | UUID): Only the credentials carried by this bundle or transcript.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CredentialPage | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        tag=tag,
        parent=parent,
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
    format_: CredentialFormat | None | Unset = UNSET,
    tag: None | str | Unset = UNSET,
    parent: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> CredentialPage | Problem | None:
    """List your credentials

     Your credentials, newest first, at most 100 per page. A CLR bundle's assertions and an ELMO
    transcript's
    learning opportunities are listed too, each with `parent_id` set to the document they came in.

    Args:
        format_ (CredentialFormat | None | Unset): Only this format.
        tag (None | str | Unset): Only with this tag.
        parent (None | Unset | UUID): Only the credentials carried by this bundle or transcript.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CredentialPage | Problem
    """

    return sync_detailed(
        client=client,
        format_=format_,
        tag=tag,
        parent=parent,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: CredentialFormat | None | Unset = UNSET,
    tag: None | str | Unset = UNSET,
    parent: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[CredentialPage | Problem]:
    """List your credentials

     Your credentials, newest first, at most 100 per page. A CLR bundle's assertions and an ELMO
    transcript's
    learning opportunities are listed too, each with `parent_id` set to the document they came in.

    Args:
        format_ (CredentialFormat | None | Unset): Only this format.
        tag (None | str | Unset): Only with this tag.
        parent (None | Unset | UUID): Only the credentials carried by this bundle or transcript.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CredentialPage | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        tag=tag,
        parent=parent,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: CredentialFormat | None | Unset = UNSET,
    tag: None | str | Unset = UNSET,
    parent: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> CredentialPage | Problem | None:
    """List your credentials

     Your credentials, newest first, at most 100 per page. A CLR bundle's assertions and an ELMO
    transcript's
    learning opportunities are listed too, each with `parent_id` set to the document they came in.

    Args:
        format_ (CredentialFormat | None | Unset): Only this format.
        tag (None | str | Unset): Only with this tag.
        parent (None | Unset | UUID): Only the credentials carried by this bundle or transcript.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CredentialPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
            tag=tag,
            parent=parent,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
