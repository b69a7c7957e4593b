from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.framework_levels import FrameworkLevels
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    framework: str,
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
        "url": "/v1/recognition/frameworks/{framework}/levels".format(
            framework=quote(str(framework), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FrameworkLevels | Problem | None:
    if response.status_code == 200:
        response_200 = FrameworkLevels.from_dict(response.json())

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
) -> Response[FrameworkLevels | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    framework: str,
    *,
    client: AuthenticatedClient | Client,
    country: None | str | Unset = UNSET,
) -> Response[FrameworkLevels | Problem]:
    """The levels of a framework

     Every level with its label as the framework names it, its EQF level(s) (none below EQF 1; two when
    the level
    alone does not decide), QF-EHEA cycle, examples, source, as-of date and status. `EQF` gives the
    descriptors.

    Args:
        framework (str): The framework's key or code.
        country (None | str | Unset): ISO 3166-1 alpha-2 (`IE`, `DE`; `UK` is read as `GB`) or ISO
            3166-2 (`GB-SCT`, `BE-VLG`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FrameworkLevels | Problem]
    """

    kwargs = _get_kwargs(
        framework=framework,
        country=country,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    framework: str,
    *,
    client: AuthenticatedClient | Client,
    country: None | str | Unset = UNSET,
) -> FrameworkLevels | Problem | None:
    """The levels of a framework

     Every level with its label as the framework names it, its EQF level(s) (none below EQF 1; two when
    the level
    alone does not decide), QF-EHEA cycle, examples, source, as-of date and status. `EQF` gives the
    descriptors.

    Args:
        framework (str): The framework's key or code.
        country (None | str | Unset): ISO 3166-1 alpha-2 (`IE`, `DE`; `UK` is read as `GB`) or ISO
            3166-2 (`GB-SCT`, `BE-VLG`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FrameworkLevels | Problem
    """

    return sync_detailed(
        framework=framework,
        client=client,
        country=country,
    ).parsed


async def asyncio_detailed(
    framework: str,
    *,
    client: AuthenticatedClient | Client,
    country: None | str | Unset = UNSET,
) -> Response[FrameworkLevels | Problem]:
    """The levels of a framework

     Every level with its label as the framework names it, its EQF level(s) (none below EQF 1; two when
    the level
    alone does not decide), QF-EHEA cycle, examples, source, as-of date and status. `EQF` gives the
    descriptors.

    Args:
        framework (str): The framework's key or code.
        country (None | str | Unset): ISO 3166-1 alpha-2 (`IE`, `DE`; `UK` is read as `GB`) or ISO
            3166-2 (`GB-SCT`, `BE-VLG`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FrameworkLevels | Problem]
    """

    kwargs = _get_kwargs(
        framework=framework,
        country=country,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    framework: str,
    *,
    client: AuthenticatedClient | Client,
    country: None | str | Unset = UNSET,
) -> FrameworkLevels | Problem | None:
    """The levels of a framework

     Every level with its label as the framework names it, its EQF level(s) (none below EQF 1; two when
    the level
    alone does not decide), QF-EHEA cycle, examples, source, as-of date and status. `EQF` gives the
    descriptors.

    Args:
        framework (str): The framework's key or code.
        country (None | str | Unset): ISO 3166-1 alpha-2 (`IE`, `DE`; `UK` is read as `GB`) or ISO
            3166-2 (`GB-SCT`, `BE-VLG`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FrameworkLevels | Problem
    """

    return (
        await asyncio_detailed(
            framework=framework,
            client=client,
            country=country,
        )
    ).parsed
