from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    institution_id: UUID,
    offer_id: UUID,
    *,
    code: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["code"] = code

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/institutions/{institution_id}/oid4vci/offers/{offer_id}".format(
            institution_id=quote(str(institution_id), safe=""),
            offer_id=quote(str(offer_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = response.json()
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    institution_id: UUID,
    offer_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    code: str,
) -> Response[Any | Problem]:
    """A credential offer, by reference

    Args:
        institution_id (UUID): The institution's id (its issuer identifier's last part).
        offer_id (UUID):
        code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        institution_id=institution_id,
        offer_id=offer_id,
        code=code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    institution_id: UUID,
    offer_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    code: str,
) -> Any | Problem | None:
    """A credential offer, by reference

    Args:
        institution_id (UUID): The institution's id (its issuer identifier's last part).
        offer_id (UUID):
        code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        institution_id=institution_id,
        offer_id=offer_id,
        client=client,
        code=code,
    ).parsed


async def asyncio_detailed(
    institution_id: UUID,
    offer_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    code: str,
) -> Response[Any | Problem]:
    """A credential offer, by reference

    Args:
        institution_id (UUID): The institution's id (its issuer identifier's last part).
        offer_id (UUID):
        code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        institution_id=institution_id,
        offer_id=offer_id,
        code=code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    institution_id: UUID,
    offer_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    code: str,
) -> Any | Problem | None:
    """A credential offer, by reference

    Args:
        institution_id (UUID): The institution's id (its issuer identifier's last part).
        offer_id (UUID):
        code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            institution_id=institution_id,
            offer_id=offer_id,
            client=client,
            code=code,
        )
    ).parsed
