import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.case_queue_page import CaseQueuePage
from ...models.case_status import CaseStatus
from ...models.problem import Problem
from ...models.purpose import Purpose
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: list[CaseStatus] | None | Unset = UNSET,
    purpose: None | Purpose | Unset = UNSET,
    overdue: bool | Unset = False,
    due_before: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: list[str] | None | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, list):
        json_status = []
        for status_type_0_item_data in status:
            status_type_0_item = status_type_0_item_data.value
            json_status.append(status_type_0_item)

    else:
        json_status = status
    params["status"] = json_status

    json_purpose: None | str | Unset
    if isinstance(purpose, Unset):
        json_purpose = UNSET
    elif isinstance(purpose, Purpose):
        json_purpose = purpose.value
    else:
        json_purpose = purpose
    params["purpose"] = json_purpose

    params["overdue"] = overdue

    json_due_before: None | str | Unset
    if isinstance(due_before, Unset):
        json_due_before = UNSET
    elif isinstance(due_before, datetime.datetime):
        json_due_before = due_before.isoformat()
    else:
        json_due_before = due_before
    params["due_before"] = json_due_before

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/recognition/cases",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CaseQueuePage | Problem | None:
    if response.status_code == 200:
        response_200 = CaseQueuePage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CaseQueuePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: list[CaseStatus] | None | Unset = UNSET,
    purpose: None | Purpose | Unset = UNSET,
    overdue: bool | Unset = False,
    due_before: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[CaseQueuePage | Problem]:
    """Your body's case queue

     The cases addressed to your body, earliest due first; `overdue` flags those past the body's time
    limit.

    Args:
        status (list[CaseStatus] | None | Unset): Statuses to list (repeatable); the open ones by
            default.
        purpose (None | Purpose | Unset):
        overdue (bool | Unset): Only open cases past their time limit. Default: False.
        due_before (datetime.datetime | None | Unset): Only cases due before this instant.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CaseQueuePage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        purpose=purpose,
        overdue=overdue,
        due_before=due_before,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: list[CaseStatus] | None | Unset = UNSET,
    purpose: None | Purpose | Unset = UNSET,
    overdue: bool | Unset = False,
    due_before: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> CaseQueuePage | Problem | None:
    """Your body's case queue

     The cases addressed to your body, earliest due first; `overdue` flags those past the body's time
    limit.

    Args:
        status (list[CaseStatus] | None | Unset): Statuses to list (repeatable); the open ones by
            default.
        purpose (None | Purpose | Unset):
        overdue (bool | Unset): Only open cases past their time limit. Default: False.
        due_before (datetime.datetime | None | Unset): Only cases due before this instant.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CaseQueuePage | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        purpose=purpose,
        overdue=overdue,
        due_before=due_before,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: list[CaseStatus] | None | Unset = UNSET,
    purpose: None | Purpose | Unset = UNSET,
    overdue: bool | Unset = False,
    due_before: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[CaseQueuePage | Problem]:
    """Your body's case queue

     The cases addressed to your body, earliest due first; `overdue` flags those past the body's time
    limit.

    Args:
        status (list[CaseStatus] | None | Unset): Statuses to list (repeatable); the open ones by
            default.
        purpose (None | Purpose | Unset):
        overdue (bool | Unset): Only open cases past their time limit. Default: False.
        due_before (datetime.datetime | None | Unset): Only cases due before this instant.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CaseQueuePage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        purpose=purpose,
        overdue=overdue,
        due_before=due_before,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: list[CaseStatus] | None | Unset = UNSET,
    purpose: None | Purpose | Unset = UNSET,
    overdue: bool | Unset = False,
    due_before: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> CaseQueuePage | Problem | None:
    """Your body's case queue

     The cases addressed to your body, earliest due first; `overdue` flags those past the body's time
    limit.

    Args:
        status (list[CaseStatus] | None | Unset): Statuses to list (repeatable); the open ones by
            default.
        purpose (None | Purpose | Unset):
        overdue (bool | Unset): Only open cases past their time limit. Default: False.
        due_before (datetime.datetime | None | Unset): Only cases due before this instant.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CaseQueuePage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            purpose=purpose,
            overdue=overdue,
            due_before=due_before,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
