from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_institution_keys_response_getinstitutionkeys import GetInstitutionKeysResponseGetinstitutionkeys
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    institution_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/institutions/{institution_id}/jwks.json".format(
            institution_id=quote(str(institution_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetInstitutionKeysResponseGetinstitutionkeys | Problem | None:
    if response.status_code == 200:
        response_200 = GetInstitutionKeysResponseGetinstitutionkeys.from_dict(response.json())

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
) -> Response[GetInstitutionKeysResponseGetinstitutionkeys | Problem]:
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
) -> Response[GetInstitutionKeysResponseGetinstitutionkeys | Problem]:
    """An institution's public keys

     The keys that sign the institution's credentials and status lists (JWK Set), retired keys included.

    Args:
        institution_id (UUID): The institution's id (its issuer identifier's last part).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetInstitutionKeysResponseGetinstitutionkeys | Problem]
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
) -> GetInstitutionKeysResponseGetinstitutionkeys | Problem | None:
    """An institution's public keys

     The keys that sign the institution's credentials and status lists (JWK Set), retired keys included.

    Args:
        institution_id (UUID): The institution's id (its issuer identifier's last part).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetInstitutionKeysResponseGetinstitutionkeys | Problem
    """

    return sync_detailed(
        institution_id=institution_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    institution_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[GetInstitutionKeysResponseGetinstitutionkeys | Problem]:
    """An institution's public keys

     The keys that sign the institution's credentials and status lists (JWK Set), retired keys included.

    Args:
        institution_id (UUID): The institution's id (its issuer identifier's last part).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetInstitutionKeysResponseGetinstitutionkeys | Problem]
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
) -> GetInstitutionKeysResponseGetinstitutionkeys | Problem | None:
    """An institution's public keys

     The keys that sign the institution's credentials and status lists (JWK Set), retired keys included.

    Args:
        institution_id (UUID): The institution's id (its issuer identifier's last part).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetInstitutionKeysResponseGetinstitutionkeys | Problem
    """

    return (
        await asyncio_detailed(
            institution_id=institution_id,
            client=client,
        )
    ).parsed
