from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.endorsement_request_public import EndorsementRequestPublic
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    entry_id: UUID,
    request_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/wallet/learning/{entry_id}/endorsement-requests/{request_id}/withdraw".format(
            entry_id=quote(str(entry_id), safe=""),
            request_id=quote(str(request_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EndorsementRequestPublic | Problem | None:
    if response.status_code == 200:
        response_200 = EndorsementRequestPublic.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EndorsementRequestPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    entry_id: UUID,
    request_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[EndorsementRequestPublic | Problem]:
    """Withdraw an endorsement request

     The link stops working at once. A request already endorsed cannot be withdrawn (409); delete the
    entry to
    remove its endorsements.

    Args:
        entry_id (UUID): The learning entry's id.
        request_id (UUID): The endorsement request's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndorsementRequestPublic | Problem]
    """

    kwargs = _get_kwargs(
        entry_id=entry_id,
        request_id=request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    entry_id: UUID,
    request_id: UUID,
    *,
    client: AuthenticatedClient,
) -> EndorsementRequestPublic | Problem | None:
    """Withdraw an endorsement request

     The link stops working at once. A request already endorsed cannot be withdrawn (409); delete the
    entry to
    remove its endorsements.

    Args:
        entry_id (UUID): The learning entry's id.
        request_id (UUID): The endorsement request's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndorsementRequestPublic | Problem
    """

    return sync_detailed(
        entry_id=entry_id,
        request_id=request_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    entry_id: UUID,
    request_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[EndorsementRequestPublic | Problem]:
    """Withdraw an endorsement request

     The link stops working at once. A request already endorsed cannot be withdrawn (409); delete the
    entry to
    remove its endorsements.

    Args:
        entry_id (UUID): The learning entry's id.
        request_id (UUID): The endorsement request's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndorsementRequestPublic | Problem]
    """

    kwargs = _get_kwargs(
        entry_id=entry_id,
        request_id=request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    entry_id: UUID,
    request_id: UUID,
    *,
    client: AuthenticatedClient,
) -> EndorsementRequestPublic | Problem | None:
    """Withdraw an endorsement request

     The link stops working at once. A request already endorsed cannot be withdrawn (409); delete the
    entry to
    remove its endorsements.

    Args:
        entry_id (UUID): The learning entry's id.
        request_id (UUID): The endorsement request's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndorsementRequestPublic | Problem
    """

    return (
        await asyncio_detailed(
            entry_id=entry_id,
            request_id=request_id,
            client=client,
        )
    ).parsed
