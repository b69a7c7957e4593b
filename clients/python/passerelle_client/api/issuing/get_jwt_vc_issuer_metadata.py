from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_jwt_vc_issuer_metadata_response_getjwtvcissuermetadata import (
    GetJwtVcIssuerMetadataResponseGetjwtvcissuermetadata,
)
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    institution_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/.well-known/jwt-vc-issuer/v1/institutions/{institution_id}".format(
            institution_id=quote(str(institution_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetJwtVcIssuerMetadataResponseGetjwtvcissuermetadata | Problem | None:
    if response.status_code == 200:
        response_200 = GetJwtVcIssuerMetadataResponseGetjwtvcissuermetadata.from_dict(response.json())

        return response_200

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
) -> Response[GetJwtVcIssuerMetadataResponseGetjwtvcissuermetadata | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    institution_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[GetJwtVcIssuerMetadataResponseGetjwtvcissuermetadata | Problem]:
    """SD-JWT VC issuer metadata

    Args:
        institution_id (UUID): The institution's id (its issuer identifier's last part).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetJwtVcIssuerMetadataResponseGetjwtvcissuermetadata | Problem]
    """

    kwargs = _get_kwargs(
        institution_id=institution_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    institution_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> GetJwtVcIssuerMetadataResponseGetjwtvcissuermetadata | Problem | None:
    """SD-JWT VC issuer metadata

    Args:
        institution_id (UUID): The institution's id (its issuer identifier's last part).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetJwtVcIssuerMetadataResponseGetjwtvcissuermetadata | Problem
    """

    return sync_detailed(
        institution_id=institution_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    institution_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[GetJwtVcIssuerMetadataResponseGetjwtvcissuermetadata | Problem]:
    """SD-JWT VC issuer metadata

    Args:
        institution_id (UUID): The institution's id (its issuer identifier's last part).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetJwtVcIssuerMetadataResponseGetjwtvcissuermetadata | Problem]
    """

    kwargs = _get_kwargs(
        institution_id=institution_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    institution_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> GetJwtVcIssuerMetadataResponseGetjwtvcissuermetadata | Problem | None:
    """SD-JWT VC issuer metadata

    Args:
        institution_id (UUID): The institution's id (its issuer identifier's last part).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetJwtVcIssuerMetadataResponseGetjwtvcissuermetadata | Problem
    """

    return (
        await asyncio_detailed(
            institution_id=institution_id,
            client=client,
        )
    ).parsed
