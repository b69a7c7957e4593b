from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    months: int | Unset = 12,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["months"] = months

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/statistics/uptake.svg",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = response.json()
        return response_200

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
    *,
    client: AuthenticatedClient | Client,
    months: int | Unset = 12,
) -> Response[Any | Problem]:
    """Uptake statistics as a chart (SVG)

     Each measure per month as bars, with a `<title>` and a `<desc>` stating every figure in words;
    suppressed
    cells (under 10) are drawn as outlined stubs marked `<10`.

    Args:
        months (int | Unset): How many recent months to draw. Default: 12.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        months=months,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    months: int | Unset = 12,
) -> Any | Problem | None:
    """Uptake statistics as a chart (SVG)

     Each measure per month as bars, with a `<title>` and a `<desc>` stating every figure in words;
    suppressed
    cells (under 10) are drawn as outlined stubs marked `<10`.

    Args:
        months (int | Unset): How many recent months to draw. Default: 12.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        months=months,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    months: int | Unset = 12,
) -> Response[Any | Problem]:
    """Uptake statistics as a chart (SVG)

     Each measure per month as bars, with a `<title>` and a `<desc>` stating every figure in words;
    suppressed
    cells (under 10) are drawn as outlined stubs marked `<10`.

    Args:
        months (int | Unset): How many recent months to draw. Default: 12.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        months=months,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    months: int | Unset = 12,
) -> Any | Problem | None:
    """Uptake statistics as a chart (SVG)

     Each measure per month as bars, with a `<title>` and a `<desc>` stating every figure in words;
    suppressed
    cells (under 10) are drawn as outlined stubs marked `<10`.

    Args:
        months (int | Unset): How many recent months to draw. Default: 12.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            months=months,
        )
    ).parsed
