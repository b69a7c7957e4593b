from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.grading_table_public import GradingTablePublic
from ...models.list_grading_tables_cycle_type_0 import ListGradingTablesCycleType0
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    isced_f: None | str | Unset = UNSET,
    cycle: ListGradingTablesCycleType0 | None | Unset = UNSET,
    institution_id: None | Unset | UUID = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_isced_f: None | str | Unset
    if isinstance(isced_f, Unset):
        json_isced_f = UNSET
    else:
        json_isced_f = isced_f
    params["isced_f"] = json_isced_f

    json_cycle: None | str | Unset
    if isinstance(cycle, Unset):
        json_cycle = UNSET
    elif isinstance(cycle, ListGradingTablesCycleType0):
        json_cycle = cycle.value
    else:
        json_cycle = cycle
    params["cycle"] = json_cycle

    json_institution_id: None | str | Unset
    if isinstance(institution_id, Unset):
        json_institution_id = UNSET
    elif isinstance(institution_id, UUID):
        json_institution_id = str(institution_id)
    else:
        json_institution_id = institution_id
    params["institution_id"] = json_institution_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/recognition/grading-tables",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[GradingTablePublic] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = GradingTablePublic.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | list[GradingTablePublic]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    isced_f: None | str | Unset = UNSET,
    cycle: ListGradingTablesCycleType0 | None | Unset = UNSET,
    institution_id: None | Unset | UUID = UNSET,
) -> Response[Problem | list[GradingTablePublic]]:
    """Grading tables

     Stored grading tables, newest first (at most 100), to pick a reference group for a conversion.

    Args:
        isced_f (None | str | Unset): An ISCED-F field (prefix).
        cycle (ListGradingTablesCycleType0 | None | Unset): The QF-EHEA cycle.
        institution_id (None | Unset | UUID): One institution's tables.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[GradingTablePublic]]
    """

    kwargs = _get_kwargs(
        isced_f=isced_f,
        cycle=cycle,
        institution_id=institution_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    isced_f: None | str | Unset = UNSET,
    cycle: ListGradingTablesCycleType0 | None | Unset = UNSET,
    institution_id: None | Unset | UUID = UNSET,
) -> Problem | list[GradingTablePublic] | None:
    """Grading tables

     Stored grading tables, newest first (at most 100), to pick a reference group for a conversion.

    Args:
        isced_f (None | str | Unset): An ISCED-F field (prefix).
        cycle (ListGradingTablesCycleType0 | None | Unset): The QF-EHEA cycle.
        institution_id (None | Unset | UUID): One institution's tables.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[GradingTablePublic]
    """

    return sync_detailed(
        client=client,
        isced_f=isced_f,
        cycle=cycle,
        institution_id=institution_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    isced_f: None | str | Unset = UNSET,
    cycle: ListGradingTablesCycleType0 | None | Unset = UNSET,
    institution_id: None | Unset | UUID = UNSET,
) -> Response[Problem | list[GradingTablePublic]]:
    """Grading tables

     Stored grading tables, newest first (at most 100), to pick a reference group for a conversion.

    Args:
        isced_f (None | str | Unset): An ISCED-F field (prefix).
        cycle (ListGradingTablesCycleType0 | None | Unset): The QF-EHEA cycle.
        institution_id (None | Unset | UUID): One institution's tables.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[GradingTablePublic]]
    """

    kwargs = _get_kwargs(
        isced_f=isced_f,
        cycle=cycle,
        institution_id=institution_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    isced_f: None | str | Unset = UNSET,
    cycle: ListGradingTablesCycleType0 | None | Unset = UNSET,
    institution_id: None | Unset | UUID = UNSET,
) -> Problem | list[GradingTablePublic] | None:
    """Grading tables

     Stored grading tables, newest first (at most 100), to pick a reference group for a conversion.

    Args:
        isced_f (None | str | Unset): An ISCED-F field (prefix).
        cycle (ListGradingTablesCycleType0 | None | Unset): The QF-EHEA cycle.
        institution_id (None | Unset | UUID): One institution's tables.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[GradingTablePublic]
    """

    return (
        await asyncio_detailed(
            client=client,
            isced_f=isced_f,
            cycle=cycle,
            institution_id=institution_id,
        )
    ).parsed
