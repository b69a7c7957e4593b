from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.compare_result import CompareResult
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    level: str,
    country: str | Unset = UNSET,
    framework: str | Unset = UNSET,
    target_country: str | Unset = UNSET,
    target_framework: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["level"] = level

    params["country"] = country

    params["framework"] = framework

    params["target_country"] = target_country

    params["target_framework"] = target_framework

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/recognition/compare",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CompareResult | Problem | None:
    if response.status_code == 200:
        response_200 = CompareResult.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CompareResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    level: str,
    country: str | Unset = UNSET,
    framework: str | Unset = UNSET,
    target_country: str | Unset = UNSET,
    target_framework: str | Unset = UNSET,
) -> Response[CompareResult | Problem]:
    """Compare a level across countries through the EQF

     The level's EQF level, the target country's levels at that EQF level (several, or none, are ordinary
    answers), each with its status and source, and the standing caveat: a comparable level, not an
    equivalence. A
    level read as two EQF levels answers both and says what decides. The caveat and its plain-words
    explanation
    follow `Accept-Language`. Public.

    Args:
        level (str):
        country (str | Unset):
        framework (str | Unset):
        target_country (str | Unset):
        target_framework (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompareResult | Problem]
    """

    kwargs = _get_kwargs(
        level=level,
        country=country,
        framework=framework,
        target_country=target_country,
        target_framework=target_framework,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    level: str,
    country: str | Unset = UNSET,
    framework: str | Unset = UNSET,
    target_country: str | Unset = UNSET,
    target_framework: str | Unset = UNSET,
) -> CompareResult | Problem | None:
    """Compare a level across countries through the EQF

     The level's EQF level, the target country's levels at that EQF level (several, or none, are ordinary
    answers), each with its status and source, and the standing caveat: a comparable level, not an
    equivalence. A
    level read as two EQF levels answers both and says what decides. The caveat and its plain-words
    explanation
    follow `Accept-Language`. Public.

    Args:
        level (str):
        country (str | Unset):
        framework (str | Unset):
        target_country (str | Unset):
        target_framework (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompareResult | Problem
    """

    return sync_detailed(
        client=client,
        level=level,
        country=country,
        framework=framework,
        target_country=target_country,
        target_framework=target_framework,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    level: str,
    country: str | Unset = UNSET,
    framework: str | Unset = UNSET,
    target_country: str | Unset = UNSET,
    target_framework: str | Unset = UNSET,
) -> Response[CompareResult | Problem]:
    """Compare a level across countries through the EQF

     The level's EQF level, the target country's levels at that EQF level (several, or none, are ordinary
    answers), each with its status and source, and the standing caveat: a comparable level, not an
    equivalence. A
    level read as two EQF levels answers both and says what decides. The caveat and its plain-words
    explanation
    follow `Accept-Language`. Public.

    Args:
        level (str):
        country (str | Unset):
        framework (str | Unset):
        target_country (str | Unset):
        target_framework (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompareResult | Problem]
    """

    kwargs = _get_kwargs(
        level=level,
        country=country,
        framework=framework,
        target_country=target_country,
        target_framework=target_framework,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    level: str,
    country: str | Unset = UNSET,
    framework: str | Unset = UNSET,
    target_country: str | Unset = UNSET,
    target_framework: str | Unset = UNSET,
) -> CompareResult | Problem | None:
    """Compare a level across countries through the EQF

     The level's EQF level, the target country's levels at that EQF level (several, or none, are ordinary
    answers), each with its status and source, and the standing caveat: a comparable level, not an
    equivalence. A
    level read as two EQF levels answers both and says what decides. The caveat and its plain-words
    explanation
    follow `Accept-Language`. Public.

    Args:
        level (str):
        country (str | Unset):
        framework (str | Unset):
        target_country (str | Unset):
        target_framework (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompareResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            level=level,
            country=country,
            framework=framework,
            target_country=target_country,
            target_framework=target_framework,
        )
    ).parsed
