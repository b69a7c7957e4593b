from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.endorsement_request_create import EndorsementRequestCreate
from ...models.endorsement_request_created import EndorsementRequestCreated
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    entry_id: UUID,
    *,
    body: EndorsementRequestCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/wallet/learning/{entry_id}/endorsement-requests".format(
            entry_id=quote(str(entry_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EndorsementRequestCreated | Problem | None:
    if response.status_code == 201:
        response_201 = EndorsementRequestCreated.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EndorsementRequestCreated | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    entry_id: UUID,
    *,
    client: AuthenticatedClient,
    body: EndorsementRequestCreate,
) -> Response[EndorsementRequestCreated | Problem]:
    """Ask someone to endorse an entry

     Make a one-time link for a person or an organisation who can confirm this learning (a trainer, a
    supervisor,
    a volunteer coordinator). They open it, read the entry, and confirm with their name and role; the
    service then
    signs their endorsement. The link works once and expires (14 days by default); it is shown only now
    — with an
    e-mail address, it is also mailed to the endorser.

    Args:
        entry_id (UUID): The learning entry's id.
        body (EndorsementRequestCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndorsementRequestCreated | Problem]
    """

    kwargs = _get_kwargs(
        entry_id=entry_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    entry_id: UUID,
    *,
    client: AuthenticatedClient,
    body: EndorsementRequestCreate,
) -> EndorsementRequestCreated | Problem | None:
    """Ask someone to endorse an entry

     Make a one-time link for a person or an organisation who can confirm this learning (a trainer, a
    supervisor,
    a volunteer coordinator). They open it, read the entry, and confirm with their name and role; the
    service then
    signs their endorsement. The link works once and expires (14 days by default); it is shown only now
    — with an
    e-mail address, it is also mailed to the endorser.

    Args:
        entry_id (UUID): The learning entry's id.
        body (EndorsementRequestCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndorsementRequestCreated | Problem
    """

    return sync_detailed(
        entry_id=entry_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    entry_id: UUID,
    *,
    client: AuthenticatedClient,
    body: EndorsementRequestCreate,
) -> Response[EndorsementRequestCreated | Problem]:
    """Ask someone to endorse an entry

     Make a one-time link for a person or an organisation who can confirm this learning (a trainer, a
    supervisor,
    a volunteer coordinator). They open it, read the entry, and confirm with their name and role; the
    service then
    signs their endorsement. The link works once and expires (14 days by default); it is shown only now
    — with an
    e-mail address, it is also mailed to the endorser.

    Args:
        entry_id (UUID): The learning entry's id.
        body (EndorsementRequestCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndorsementRequestCreated | Problem]
    """

    kwargs = _get_kwargs(
        entry_id=entry_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    entry_id: UUID,
    *,
    client: AuthenticatedClient,
    body: EndorsementRequestCreate,
) -> EndorsementRequestCreated | Problem | None:
    """Ask someone to endorse an entry

     Make a one-time link for a person or an organisation who can confirm this learning (a trainer, a
    supervisor,
    a volunteer coordinator). They open it, read the entry, and confirm with their name and role; the
    service then
    signs their endorsement. The link works once and expires (14 days by default); it is shown only now
    — with an
    e-mail address, it is also mailed to the endorser.

    Args:
        entry_id (UUID): The learning entry's id.
        body (EndorsementRequestCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndorsementRequestCreated | Problem
    """

    return (
        await asyncio_detailed(
            entry_id=entry_id,
            client=client,
            body=body,
        )
    ).parsed
