from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.level_correction import LevelCorrection
from ...models.level_public import LevelPublic
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    level_id: UUID,
    *,
    body: LevelCorrection,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/admin/recognition/levels/{level_id}".format(
            level_id=quote(str(level_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LevelPublic | Problem | None:
    if response.status_code == 200:
        response_200 = LevelPublic.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[LevelPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    level_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LevelCorrection,
) -> Response[LevelPublic | Problem]:
    """Correct a framework level

     Change a level's EQF level(s), cycle, examples, source, as-of date or status, with a required
    reason. The
    change is written to the audit trail and answered by every read from the moment it is committed.

    Args:
        level_id (UUID): The level's id (from the framework's levels).
        body (LevelCorrection): An administrator's correction of a framework level; only the
            fields sent change. `reason` is required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LevelPublic | Problem]
    """

    kwargs = _get_kwargs(
        level_id=level_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    level_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LevelCorrection,
) -> LevelPublic | Problem | None:
    """Correct a framework level

     Change a level's EQF level(s), cycle, examples, source, as-of date or status, with a required
    reason. The
    change is written to the audit trail and answered by every read from the moment it is committed.

    Args:
        level_id (UUID): The level's id (from the framework's levels).
        body (LevelCorrection): An administrator's correction of a framework level; only the
            fields sent change. `reason` is required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LevelPublic | Problem
    """

    return sync_detailed(
        level_id=level_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    level_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LevelCorrection,
) -> Response[LevelPublic | Problem]:
    """Correct a framework level

     Change a level's EQF level(s), cycle, examples, source, as-of date or status, with a required
    reason. The
    change is written to the audit trail and answered by every read from the moment it is committed.

    Args:
        level_id (UUID): The level's id (from the framework's levels).
        body (LevelCorrection): An administrator's correction of a framework level; only the
            fields sent change. `reason` is required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LevelPublic | Problem]
    """

    kwargs = _get_kwargs(
        level_id=level_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    level_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LevelCorrection,
) -> LevelPublic | Problem | None:
    """Correct a framework level

     Change a level's EQF level(s), cycle, examples, source, as-of date or status, with a required
    reason. The
    change is written to the audit trail and answered by every read from the moment it is committed.

    Args:
        level_id (UUID): The level's id (from the framework's levels).
        body (LevelCorrection): An administrator's correction of a framework level; only the
            fields sent change. `reason` is required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LevelPublic | Problem
    """

    return (
        await asyncio_detailed(
            level_id=level_id,
            client=client,
            body=body,
        )
    ).parsed
