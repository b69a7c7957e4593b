from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.credential_public import CredentialPublic
from ...models.credential_update import CredentialUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    credential_id: UUID,
    *,
    body: CredentialUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/wallet/credentials/{credential_id}".format(
            credential_id=quote(str(credential_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CredentialPublic | Problem | None:
    if response.status_code == 200:
        response_200 = CredentialPublic.from_dict(response.json())

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
) -> Response[CredentialPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    credential_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CredentialUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[CredentialPublic | Problem]:
    """Change a credential's label or tags

     Set the label and tags. Send `If-Match` with the ETag you read; a stale one answers 412.

    Args:
        credential_id (UUID): The credential's id.
        if_match (None | str | Unset): The ETag you last read.
        body (CredentialUpdate): Fields a learner may change; everything else about a credential
            is fixed by its document.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CredentialPublic | Problem]
    """

    kwargs = _get_kwargs(
        credential_id=credential_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    credential_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CredentialUpdate,
    if_match: None | str | Unset = UNSET,
) -> CredentialPublic | Problem | None:
    """Change a credential's label or tags

     Set the label and tags. Send `If-Match` with the ETag you read; a stale one answers 412.

    Args:
        credential_id (UUID): The credential's id.
        if_match (None | str | Unset): The ETag you last read.
        body (CredentialUpdate): Fields a learner may change; everything else about a credential
            is fixed by its document.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CredentialPublic | Problem
    """

    return sync_detailed(
        credential_id=credential_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    credential_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CredentialUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[CredentialPublic | Problem]:
    """Change a credential's label or tags

     Set the label and tags. Send `If-Match` with the ETag you read; a stale one answers 412.

    Args:
        credential_id (UUID): The credential's id.
        if_match (None | str | Unset): The ETag you last read.
        body (CredentialUpdate): Fields a learner may change; everything else about a credential
            is fixed by its document.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CredentialPublic | Problem]
    """

    kwargs = _get_kwargs(
        credential_id=credential_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    credential_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CredentialUpdate,
    if_match: None | str | Unset = UNSET,
) -> CredentialPublic | Problem | None:
    """Change a credential's label or tags

     Set the label and tags. Send `If-Match` with the ETag you read; a stale one answers 412.

    Args:
        credential_id (UUID): The credential's id.
        if_match (None | str | Unset): The ETag you last read.
        body (CredentialUpdate): Fields a learner may change; everything else about a credential
            is fixed by its document.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CredentialPublic | Problem
    """

    return (
        await asyncio_detailed(
            credential_id=credential_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
