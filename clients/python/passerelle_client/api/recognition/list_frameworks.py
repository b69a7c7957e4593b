from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.framework_public import FrameworkPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    country: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_country: None | str | Unset
    if isinstance(country, Unset):
        json_country = UNSET
    else:
        json_country = country
    params["country"] = json_country

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/recognition/frameworks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[FrameworkPublic] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = FrameworkPublic.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Problem | list[FrameworkPublic]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    country: None | str | Unset = UNSET,
) -> Response[Problem | list[FrameworkPublic]]:
    """Qualifications frameworks

     The EQF, the QF-EHEA and every national framework held (or those of one country), each with its
    source,
    as-of date and status. Public: this is public information.

    Args:
        country (None | str | Unset): ISO 3166-1 alpha-2 (`IE`, `DE`; `UK` is read as `GB`) or ISO
            3166-2 (`GB-SCT`, `BE-VLG`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[FrameworkPublic]]
    """

    kwargs = _get_kwargs(
        country=country,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    country: None | str | Unset = UNSET,
) -> Problem | list[FrameworkPublic] | None:
    """Qualifications frameworks

     The EQF, the QF-EHEA and every national framework held (or those of one country), each with its
    source,
    as-of date and status. Public: this is public information.

    Args:
        country (None | str | Unset): ISO 3166-1 alpha-2 (`IE`, `DE`; `UK` is read as `GB`) or ISO
            3166-2 (`GB-SCT`, `BE-VLG`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[FrameworkPublic]
    """

    return sync_detailed(
        client=client,
        country=country,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    country: None | str | Unset = UNSET,
) -> Response[Problem | list[FrameworkPublic]]:
    """Qualifications frameworks

     The EQF, the QF-EHEA and every national framework held (or those of one country), each with its
    source,
    as-of date and status. Public: this is public information.

    Args:
        country (None | str | Unset): ISO 3166-1 alpha-2 (`IE`, `DE`; `UK` is read as `GB`) or ISO
            3166-2 (`GB-SCT`, `BE-VLG`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[FrameworkPublic]]
    """

    kwargs = _get_kwargs(
        country=country,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    country: None | str | Unset = UNSET,
) -> Problem | list[FrameworkPublic] | None:
    """Qualifications frameworks

     The EQF, the QF-EHEA and every national framework held (or those of one country), each with its
    source,
    as-of date and status. Public: this is public information.

    Args:
        country (None | str | Unset): ISO 3166-1 alpha-2 (`IE`, `DE`; `UK` is read as `GB`) or ISO
            3166-2 (`GB-SCT`, `BE-VLG`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[FrameworkPublic]
    """

    return (
        await asyncio_detailed(
            client=client,
            country=country,
        )
    ).parsed
