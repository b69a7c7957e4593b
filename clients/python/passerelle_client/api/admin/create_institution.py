from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.institution_create import InstitutionCreate
from ...models.institution_created import InstitutionCreated
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: InstitutionCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/admin/institutions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InstitutionCreated | Problem | None:
    if response.status_code == 201:
        response_201 = InstitutionCreated.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[InstitutionCreated | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: InstitutionCreate,
) -> Response[InstitutionCreated | Problem]:
    """Onboard an institution

     Register an institution (name, country, kind, Erasmus code, SCHAC, PIC) with its first client for
    the
    `client_credentials` grant. The secret is in this answer only; a client registered with its public
    keys
    (`client_jwks` or `client_jwks_uri`) has none and authenticates with `private_key_jwt`. An
    institution that
    signs its credentials itself names its issuer identifier and key set URL (`issuer_id`,
    `issuer_jwks_uri`):
    both enter the trust registry, and pushed credentials are checked against the keys published there.

    Args:
        body (InstitutionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InstitutionCreated | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: InstitutionCreate,
) -> InstitutionCreated | Problem | None:
    """Onboard an institution

     Register an institution (name, country, kind, Erasmus code, SCHAC, PIC) with its first client for
    the
    `client_credentials` grant. The secret is in this answer only; a client registered with its public
    keys
    (`client_jwks` or `client_jwks_uri`) has none and authenticates with `private_key_jwt`. An
    institution that
    signs its credentials itself names its issuer identifier and key set URL (`issuer_id`,
    `issuer_jwks_uri`):
    both enter the trust registry, and pushed credentials are checked against the keys published there.

    Args:
        body (InstitutionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InstitutionCreated | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: InstitutionCreate,
) -> Response[InstitutionCreated | Problem]:
    """Onboard an institution

     Register an institution (name, country, kind, Erasmus code, SCHAC, PIC) with its first client for
    the
    `client_credentials` grant. The secret is in this answer only; a client registered with its public
    keys
    (`client_jwks` or `client_jwks_uri`) has none and authenticates with `private_key_jwt`. An
    institution that
    signs its credentials itself names its issuer identifier and key set URL (`issuer_id`,
    `issuer_jwks_uri`):
    both enter the trust registry, and pushed credentials are checked against the keys published there.

    Args:
        body (InstitutionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InstitutionCreated | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: InstitutionCreate,
) -> InstitutionCreated | Problem | None:
    """Onboard an institution

     Register an institution (name, country, kind, Erasmus code, SCHAC, PIC) with its first client for
    the
    `client_credentials` grant. The secret is in this answer only; a client registered with its public
    keys
    (`client_jwks` or `client_jwks_uri`) has none and authenticates with `private_key_jwt`. An
    institution that
    signs its credentials itself names its issuer identifier and key set URL (`issuer_id`,
    `issuer_jwks_uri`):
    both enter the trust registry, and pushed credentials are checked against the keys published there.

    Args:
        body (InstitutionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InstitutionCreated | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
