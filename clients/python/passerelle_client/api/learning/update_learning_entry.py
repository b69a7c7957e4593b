from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.learning_entry_public import LearningEntryPublic
from ...models.learning_entry_update import LearningEntryUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    entry_id: UUID,
    *,
    body: LearningEntryUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/wallet/learning/{entry_id}".format(
            entry_id=quote(str(entry_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LearningEntryPublic | Problem | None:
    if response.status_code == 200:
        response_200 = LearningEntryPublic.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[LearningEntryPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    entry_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LearningEntryUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[LearningEntryPublic | Problem]:
    """Edit a learning entry

     Change the entry; send `If-Match` with the ETag you read (a stale one answers 412). An endorsement
    covers
    the version its endorser confirmed: after an edit the entry is `self_declared` again until endorsed
    anew.

    Args:
        entry_id (UUID): The learning entry's id.
        if_match (None | str | Unset): The ETag you last read.
        body (LearningEntryUpdate): The fields to change; an omitted field keeps its value. Every
            change makes a new version of the entry: an
            endorsement covers the version its endorser confirmed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LearningEntryPublic | Problem]
    """

    kwargs = _get_kwargs(
        entry_id=entry_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    entry_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LearningEntryUpdate,
    if_match: None | str | Unset = UNSET,
) -> LearningEntryPublic | Problem | None:
    """Edit a learning entry

     Change the entry; send `If-Match` with the ETag you read (a stale one answers 412). An endorsement
    covers
    the version its endorser confirmed: after an edit the entry is `self_declared` again until endorsed
    anew.

    Args:
        entry_id (UUID): The learning entry's id.
        if_match (None | str | Unset): The ETag you last read.
        body (LearningEntryUpdate): The fields to change; an omitted field keeps its value. Every
            change makes a new version of the entry: an
            endorsement covers the version its endorser confirmed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LearningEntryPublic | Problem
    """

    return sync_detailed(
        entry_id=entry_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    entry_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LearningEntryUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[LearningEntryPublic | Problem]:
    """Edit a learning entry

     Change the entry; send `If-Match` with the ETag you read (a stale one answers 412). An endorsement
    covers
    the version its endorser confirmed: after an edit the entry is `self_declared` again until endorsed
    anew.

    Args:
        entry_id (UUID): The learning entry's id.
        if_match (None | str | Unset): The ETag you last read.
        body (LearningEntryUpdate): The fields to change; an omitted field keeps its value. Every
            change makes a new version of the entry: an
            endorsement covers the version its endorser confirmed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LearningEntryPublic | Problem]
    """

    kwargs = _get_kwargs(
        entry_id=entry_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    entry_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LearningEntryUpdate,
    if_match: None | str | Unset = UNSET,
) -> LearningEntryPublic | Problem | None:
    """Edit a learning entry

     Change the entry; send `If-Match` with the ETag you read (a stale one answers 412). An endorsement
    covers
    the version its endorser confirmed: after an edit the entry is `self_declared` again until endorsed
    anew.

    Args:
        entry_id (UUID): The learning entry's id.
        if_match (None | str | Unset): The ETag you last read.
        body (LearningEntryUpdate): The fields to change; an omitted field keeps its value. Every
            change makes a new version of the entry: an
            endorsement covers the version its endorser confirmed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LearningEntryPublic | Problem
    """

    return (
        await asyncio_detailed(
            entry_id=entry_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
