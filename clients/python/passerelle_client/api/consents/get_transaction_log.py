import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_transaction_log_format import GetTransactionLogFormat
from ...models.get_transaction_log_type_type_0_item import GetTransactionLogTypeType0Item
from ...models.log_page import LogPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    type_: list[GetTransactionLogTypeType0Item] | None | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    counterparty: None | str | Unset = UNSET,
    format_: GetTransactionLogFormat | Unset = GetTransactionLogFormat.JSON,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_type_: list[str] | None | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, list):
        json_type_ = []
        for type_type_0_item_data in type_:
            type_type_0_item = type_type_0_item_data.value
            json_type_.append(type_type_0_item)

    else:
        json_type_ = type_
    params["type"] = json_type_

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.datetime):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.datetime):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    json_counterparty: None | str | Unset
    if isinstance(counterparty, Unset):
        json_counterparty = UNSET
    else:
        json_counterparty = counterparty
    params["counterparty"] = json_counterparty

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

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
        "url": "/v1/wallet/log",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LogPage | Problem | None:
    if response.status_code == 200:
        response_200 = LogPage.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LogPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    type_: list[GetTransactionLogTypeType0Item] | None | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    counterparty: None | str | Unset = UNSET,
    format_: GetTransactionLogFormat | Unset = GetTransactionLogFormat.JSON,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[LogPage | Problem]:
    """Your transaction log

     What your wallet received (pushed, collected, accepted, declined, imported), shared (shares and
    recognition
    requests), revealed (reveals and downloads of your shares), had verified, and withdrew — when, with
    whom, and
    which attribute names (never a value), newest first. `format=csv` downloads every matching entry.

    Args:
        type_ (list[GetTransactionLogTypeType0Item] | None | Unset): Only entries of these types
            (repeat the parameter).
        from_ (datetime.datetime | None | Unset): Entries at or after this time.
        to (datetime.datetime | None | Unset): Entries before this time.
        counterparty (None | str | Unset): Only entries with this counterparty id (an
            institution's or body's id, an issuer's identifier, a recipient's e-mail address).
        format_ (GetTransactionLogFormat | Unset): `csv`: every matching entry (at most 10,000) as
            a CSV download. Default: GetTransactionLogFormat.JSON.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LogPage | Problem]
    """

    kwargs = _get_kwargs(
        type_=type_,
        from_=from_,
        to=to,
        counterparty=counterparty,
        format_=format_,
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
    type_: list[GetTransactionLogTypeType0Item] | None | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    counterparty: None | str | Unset = UNSET,
    format_: GetTransactionLogFormat | Unset = GetTransactionLogFormat.JSON,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> LogPage | Problem | None:
    """Your transaction log

     What your wallet received (pushed, collected, accepted, declined, imported), shared (shares and
    recognition
    requests), revealed (reveals and downloads of your shares), had verified, and withdrew — when, with
    whom, and
    which attribute names (never a value), newest first. `format=csv` downloads every matching entry.

    Args:
        type_ (list[GetTransactionLogTypeType0Item] | None | Unset): Only entries of these types
            (repeat the parameter).
        from_ (datetime.datetime | None | Unset): Entries at or after this time.
        to (datetime.datetime | None | Unset): Entries before this time.
        counterparty (None | str | Unset): Only entries with this counterparty id (an
            institution's or body's id, an issuer's identifier, a recipient's e-mail address).
        format_ (GetTransactionLogFormat | Unset): `csv`: every matching entry (at most 10,000) as
            a CSV download. Default: GetTransactionLogFormat.JSON.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LogPage | Problem
    """

    return sync_detailed(
        client=client,
        type_=type_,
        from_=from_,
        to=to,
        counterparty=counterparty,
        format_=format_,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    type_: list[GetTransactionLogTypeType0Item] | None | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    counterparty: None | str | Unset = UNSET,
    format_: GetTransactionLogFormat | Unset = GetTransactionLogFormat.JSON,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[LogPage | Problem]:
    """Your transaction log

     What your wallet received (pushed, collected, accepted, declined, imported), shared (shares and
    recognition
    requests), revealed (reveals and downloads of your shares), had verified, and withdrew — when, with
    whom, and
    which attribute names (never a value), newest first. `format=csv` downloads every matching entry.

    Args:
        type_ (list[GetTransactionLogTypeType0Item] | None | Unset): Only entries of these types
            (repeat the parameter).
        from_ (datetime.datetime | None | Unset): Entries at or after this time.
        to (datetime.datetime | None | Unset): Entries before this time.
        counterparty (None | str | Unset): Only entries with this counterparty id (an
            institution's or body's id, an issuer's identifier, a recipient's e-mail address).
        format_ (GetTransactionLogFormat | Unset): `csv`: every matching entry (at most 10,000) as
            a CSV download. Default: GetTransactionLogFormat.JSON.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LogPage | Problem]
    """

    kwargs = _get_kwargs(
        type_=type_,
        from_=from_,
        to=to,
        counterparty=counterparty,
        format_=format_,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    type_: list[GetTransactionLogTypeType0Item] | None | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    counterparty: None | str | Unset = UNSET,
    format_: GetTransactionLogFormat | Unset = GetTransactionLogFormat.JSON,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> LogPage | Problem | None:
    """Your transaction log

     What your wallet received (pushed, collected, accepted, declined, imported), shared (shares and
    recognition
    requests), revealed (reveals and downloads of your shares), had verified, and withdrew — when, with
    whom, and
    which attribute names (never a value), newest first. `format=csv` downloads every matching entry.

    Args:
        type_ (list[GetTransactionLogTypeType0Item] | None | Unset): Only entries of these types
            (repeat the parameter).
        from_ (datetime.datetime | None | Unset): Entries at or after this time.
        to (datetime.datetime | None | Unset): Entries before this time.
        counterparty (None | str | Unset): Only entries with this counterparty id (an
            institution's or body's id, an issuer's identifier, a recipient's e-mail address).
        format_ (GetTransactionLogFormat | Unset): `csv`: every matching entry (at most 10,000) as
            a CSV download. Default: GetTransactionLogFormat.JSON.
        limit (int | Unset): Items per page (at most 100). Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LogPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            type_=type_,
            from_=from_,
            to=to,
            counterparty=counterparty,
            format_=format_,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
