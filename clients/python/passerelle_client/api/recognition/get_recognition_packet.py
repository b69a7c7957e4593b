from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.recognition_packet import RecognitionPacket
from ...types import Response


def _get_kwargs(
    credential_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/wallet/credentials/{credential_id}/recognition".format(
            credential_id=quote(str(credential_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RecognitionPacket | None:
    if response.status_code == 200:
        response_200 = RecognitionPacket.from_dict(response.json())

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
) -> Response[Problem | RecognitionPacket]:
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
) -> Response[Problem | RecognitionPacket]:
    """The recognition packet of a credential

     What your credential is worth at a glance: EQF, national and QF-EHEA levels (read through the
    frameworks data,
    with sources), ECTS (converted with the rule used, the original kept), ISCED-F field, quality-
    assurance status and
    Annex I completeness — the block a share carries. The caveat and its plain-words explanation follow
    `Accept-Language`.

    Args:
        credential_id (UUID): The credential's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RecognitionPacket]
    """

    kwargs = _get_kwargs(
        credential_id=credential_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    credential_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | RecognitionPacket | None:
    """The recognition packet of a credential

     What your credential is worth at a glance: EQF, national and QF-EHEA levels (read through the
    frameworks data,
    with sources), ECTS (converted with the rule used, the original kept), ISCED-F field, quality-
    assurance status and
    Annex I completeness — the block a share carries. The caveat and its plain-words explanation follow
    `Accept-Language`.

    Args:
        credential_id (UUID): The credential's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RecognitionPacket
    """

    return sync_detailed(
        credential_id=credential_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    credential_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | RecognitionPacket]:
    """The recognition packet of a credential

     What your credential is worth at a glance: EQF, national and QF-EHEA levels (read through the
    frameworks data,
    with sources), ECTS (converted with the rule used, the original kept), ISCED-F field, quality-
    assurance status and
    Annex I completeness — the block a share carries. The caveat and its plain-words explanation follow
    `Accept-Language`.

    Args:
        credential_id (UUID): The credential's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RecognitionPacket]
    """

    kwargs = _get_kwargs(
        credential_id=credential_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    credential_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | RecognitionPacket | None:
    """The recognition packet of a credential

     What your credential is worth at a glance: EQF, national and QF-EHEA levels (read through the
    frameworks data,
    with sources), ECTS (converted with the rule used, the original kept), ISCED-F field, quality-
    assurance status and
    Annex I completeness — the block a share carries. The caveat and its plain-words explanation follow
    `Accept-Language`.

    Args:
        credential_id (UUID): The credential's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RecognitionPacket
    """

    return (
        await asyncio_detailed(
            credential_id=credential_id,
            client=client,
        )
    ).parsed
