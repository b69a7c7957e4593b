from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_uptake_statistics_format_type_0 import GetUptakeStatisticsFormatType0
from ...models.problem import Problem
from ...models.uptake_statistics import UptakeStatistics
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: GetUptakeStatisticsFormatType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, GetUptakeStatisticsFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/statistics/uptake",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | UptakeStatistics | None:
    if response.status_code == 200:
        response_200 = UptakeStatistics.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | UptakeStatistics]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: GetUptakeStatisticsFormatType0 | None | Unset = UNSET,
) -> Response[Problem | UptakeStatistics]:
    """Uptake statistics (JSON or CSV)

     How many offers are published and credentials issued, accepted, shared and recognised, by month,
    ISCED-F broad
    field, EQF level, country and provider kind — each dimension on its own, never combined. No personal
    data: a
    count under 10 (zero included) is suppressed, and further cells are suppressed where subtracting
    from the total
    could reveal one; the answer's `suppression` states the rule. No authentication.

    Args:
        format_ (GetUptakeStatisticsFormatType0 | None | Unset): `csv` for CSV; or send `Accept:
            text/csv`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UptakeStatistics]
    """

    kwargs = _get_kwargs(
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    format_: GetUptakeStatisticsFormatType0 | None | Unset = UNSET,
) -> Problem | UptakeStatistics | None:
    """Uptake statistics (JSON or CSV)

     How many offers are published and credentials issued, accepted, shared and recognised, by month,
    ISCED-F broad
    field, EQF level, country and provider kind — each dimension on its own, never combined. No personal
    data: a
    count under 10 (zero included) is suppressed, and further cells are suppressed where subtracting
    from the total
    could reveal one; the answer's `suppression` states the rule. No authentication.

    Args:
        format_ (GetUptakeStatisticsFormatType0 | None | Unset): `csv` for CSV; or send `Accept:
            text/csv`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UptakeStatistics
    """

    return sync_detailed(
        client=client,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: GetUptakeStatisticsFormatType0 | None | Unset = UNSET,
) -> Response[Problem | UptakeStatistics]:
    """Uptake statistics (JSON or CSV)

     How many offers are published and credentials issued, accepted, shared and recognised, by month,
    ISCED-F broad
    field, EQF level, country and provider kind — each dimension on its own, never combined. No personal
    data: a
    count under 10 (zero included) is suppressed, and further cells are suppressed where subtracting
    from the total
    could reveal one; the answer's `suppression` states the rule. No authentication.

    Args:
        format_ (GetUptakeStatisticsFormatType0 | None | Unset): `csv` for CSV; or send `Accept:
            text/csv`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UptakeStatistics]
    """

    kwargs = _get_kwargs(
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    format_: GetUptakeStatisticsFormatType0 | None | Unset = UNSET,
) -> Problem | UptakeStatistics | None:
    """Uptake statistics (JSON or CSV)

     How many offers are published and credentials issued, accepted, shared and recognised, by month,
    ISCED-F broad
    field, EQF level, country and provider kind — each dimension on its own, never combined. No personal
    data: a
    count under 10 (zero included) is suppressed, and further cells are suppressed where subtracting
    from the total
    could reveal one; the answer's `suppression` states the rule. No authentication.

    Args:
        format_ (GetUptakeStatisticsFormatType0 | None | Unset): `csv` for CSV; or send `Accept:
            text/csv`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UptakeStatistics
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
        )
    ).parsed
