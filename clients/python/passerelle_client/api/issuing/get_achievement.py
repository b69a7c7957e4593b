from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.achievement_public import AchievementPublic
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    achievement_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/institutions/achievements/{achievement_id}".format(
            achievement_id=quote(str(achievement_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AchievementPublic | Problem | None:
    if response.status_code == 200:
        response_200 = AchievementPublic.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[AchievementPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    achievement_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[AchievementPublic | Problem]:
    """Read an achievement definition

    Args:
        achievement_id (UUID): The achievement definition's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AchievementPublic | Problem]
    """

    kwargs = _get_kwargs(
        achievement_id=achievement_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    achievement_id: UUID,
    *,
    client: AuthenticatedClient,
) -> AchievementPublic | Problem | None:
    """Read an achievement definition

    Args:
        achievement_id (UUID): The achievement definition's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AchievementPublic | Problem
    """

    return sync_detailed(
        achievement_id=achievement_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    achievement_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[AchievementPublic | Problem]:
    """Read an achievement definition

    Args:
        achievement_id (UUID): The achievement definition's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AchievementPublic | Problem]
    """

    kwargs = _get_kwargs(
        achievement_id=achievement_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    achievement_id: UUID,
    *,
    client: AuthenticatedClient,
) -> AchievementPublic | Problem | None:
    """Read an achievement definition

    Args:
        achievement_id (UUID): The achievement definition's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AchievementPublic | Problem
    """

    return (
        await asyncio_detailed(
            achievement_id=achievement_id,
            client=client,
        )
    ).parsed
