from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_status_list_document import GetStatusListDocument
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    institution_id: UUID,
    list_id: UUID,
    document: GetStatusListDocument,
    *,
    if_none_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["if-none-match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/institutions/{institution_id}/status-lists/{list_id}/{document}".format(
            institution_id=quote(str(institution_id), safe=""),
            list_id=quote(str(list_id), safe=""),
            document=quote(str(document), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    institution_id: UUID,
    list_id: UUID,
    document: GetStatusListDocument,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """A published status list

     `revocation` and `suspension`: W3C Bitstring Status List credentials (VC-JWT); `token`: an IETF
    Status List
    Token (2 bits: 0 valid, 1 invalid, 2 suspended). Public, cacheable for five minutes, with a strong
    ETag.

    Args:
        institution_id (UUID): The institution's id (its issuer identifier's last part).
        list_id (UUID):
        document (GetStatusListDocument):
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        institution_id=institution_id,
        list_id=list_id,
        document=document,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    institution_id: UUID,
    list_id: UUID,
    document: GetStatusListDocument,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """A published status list

     `revocation` and `suspension`: W3C Bitstring Status List credentials (VC-JWT); `token`: an IETF
    Status List
    Token (2 bits: 0 valid, 1 invalid, 2 suspended). Public, cacheable for five minutes, with a strong
    ETag.

    Args:
        institution_id (UUID): The institution's id (its issuer identifier's last part).
        list_id (UUID):
        document (GetStatusListDocument):
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        institution_id=institution_id,
        list_id=list_id,
        document=document,
        client=client,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    institution_id: UUID,
    list_id: UUID,
    document: GetStatusListDocument,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """A published status list

     `revocation` and `suspension`: W3C Bitstring Status List credentials (VC-JWT); `token`: an IETF
    Status List
    Token (2 bits: 0 valid, 1 invalid, 2 suspended). Public, cacheable for five minutes, with a strong
    ETag.

    Args:
        institution_id (UUID): The institution's id (its issuer identifier's last part).
        list_id (UUID):
        document (GetStatusListDocument):
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        institution_id=institution_id,
        list_id=list_id,
        document=document,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    institution_id: UUID,
    list_id: UUID,
    document: GetStatusListDocument,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """A published status list

     `revocation` and `suspension`: W3C Bitstring Status List credentials (VC-JWT); `token`: an IETF
    Status List
    Token (2 bits: 0 valid, 1 invalid, 2 suspended). Public, cacheable for five minutes, with a strong
    ETag.

    Args:
        institution_id (UUID): The institution's id (its issuer identifier's last part).
        list_id (UUID):
        document (GetStatusListDocument):
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            institution_id=institution_id,
            list_id=list_id,
            document=document,
            client=client,
            if_none_match=if_none_match,
        )
    ).parsed
