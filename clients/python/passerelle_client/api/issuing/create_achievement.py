from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.achievement_create import AchievementCreate
from ...models.achievement_public import AchievementPublic
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: AchievementCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/institutions/achievements",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AchievementPublic | Problem | None:
    if response.status_code == 201:
        response_201 = AchievementPublic.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

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
    *,
    client: AuthenticatedClient,
    body: AchievementCreate,
) -> Response[AchievementPublic | Problem]:
    """Define an achievement to issue

     A micro-credential must state every mandatory element of Annex I of the Council Recommendation on
    micro-credentials that does not vary by learner (title, learning outcomes, workload, level, type of
    assessment,
    form of participation, type of quality assurance; your institution's country): one that does not is
    refused
    (422 `annex_i_incomplete`) with `missing`, the list of what is missing. A national framework level
    is checked
    against the frameworks data and gives the EQF level when the framework assigns exactly one.

    Args:
        body (AchievementCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AchievementPublic | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: AchievementCreate,
) -> AchievementPublic | Problem | None:
    """Define an achievement to issue

     A micro-credential must state every mandatory element of Annex I of the Council Recommendation on
    micro-credentials that does not vary by learner (title, learning outcomes, workload, level, type of
    assessment,
    form of participation, type of quality assurance; your institution's country): one that does not is
    refused
    (422 `annex_i_incomplete`) with `missing`, the list of what is missing. A national framework level
    is checked
    against the frameworks data and gives the EQF level when the framework assigns exactly one.

    Args:
        body (AchievementCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AchievementPublic | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AchievementCreate,
) -> Response[AchievementPublic | Problem]:
    """Define an achievement to issue

     A micro-credential must state every mandatory element of Annex I of the Council Recommendation on
    micro-credentials that does not vary by learner (title, learning outcomes, workload, level, type of
    assessment,
    form of participation, type of quality assurance; your institution's country): one that does not is
    refused
    (422 `annex_i_incomplete`) with `missing`, the list of what is missing. A national framework level
    is checked
    against the frameworks data and gives the EQF level when the framework assigns exactly one.

    Args:
        body (AchievementCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AchievementPublic | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: AchievementCreate,
) -> AchievementPublic | Problem | None:
    """Define an achievement to issue

     A micro-credential must state every mandatory element of Annex I of the Council Recommendation on
    micro-credentials that does not vary by learner (title, learning outcomes, workload, level, type of
    assessment,
    form of participation, type of quality assurance; your institution's country): one that does not is
    refused
    (422 `annex_i_incomplete`) with `missing`, the list of what is missing. A national framework level
    is checked
    against the frameworks data and gives the EQF level when the framework assigns exactly one.

    Args:
        body (AchievementCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AchievementPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
