from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.target_qualification_create import TargetQualificationCreate
from ...models.target_qualification_public import TargetQualificationPublic
from ...types import Response


def _get_kwargs(
    body_id: UUID,
    *,
    body: TargetQualificationCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/bodies/{body_id}/qualifications".format(
            body_id=quote(str(body_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TargetQualificationPublic | None:
    if response.status_code == 201:
        response_201 = TargetQualificationPublic.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TargetQualificationPublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    body_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TargetQualificationCreate,
) -> Response[Problem | TargetQualificationPublic]:
    """Add a target qualification

     For administrators and the body's own officers: a qualification with its national level (read
    through the
    EQF), ECTS, ISCED-F field and learning outcomes.

    Args:
        body_id (UUID): The recognition body's id.
        body (TargetQualificationCreate): A qualification the body assesses against. Give its
            national framework and level (resolved to the EQF
            through the frameworks data) or, for a qualification outside any framework held, its EQF
            level.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TargetQualificationPublic]
    """

    kwargs = _get_kwargs(
        body_id=body_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    body_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TargetQualificationCreate,
) -> Problem | TargetQualificationPublic | None:
    """Add a target qualification

     For administrators and the body's own officers: a qualification with its national level (read
    through the
    EQF), ECTS, ISCED-F field and learning outcomes.

    Args:
        body_id (UUID): The recognition body's id.
        body (TargetQualificationCreate): A qualification the body assesses against. Give its
            national framework and level (resolved to the EQF
            through the frameworks data) or, for a qualification outside any framework held, its EQF
            level.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TargetQualificationPublic
    """

    return sync_detailed(
        body_id=body_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    body_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TargetQualificationCreate,
) -> Response[Problem | TargetQualificationPublic]:
    """Add a target qualification

     For administrators and the body's own officers: a qualification with its national level (read
    through the
    EQF), ECTS, ISCED-F field and learning outcomes.

    Args:
        body_id (UUID): The recognition body's id.
        body (TargetQualificationCreate): A qualification the body assesses against. Give its
            national framework and level (resolved to the EQF
            through the frameworks data) or, for a qualification outside any framework held, its EQF
            level.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TargetQualificationPublic]
    """

    kwargs = _get_kwargs(
        body_id=body_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    body_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TargetQualificationCreate,
) -> Problem | TargetQualificationPublic | None:
    """Add a target qualification

     For administrators and the body's own officers: a qualification with its national level (read
    through the
    EQF), ECTS, ISCED-F field and learning outcomes.

    Args:
        body_id (UUID): The recognition body's id.
        body (TargetQualificationCreate): A qualification the body assesses against. Give its
            national framework and level (resolved to the EQF
            through the frameworks data) or, for a qualification outside any framework held, its EQF
            level.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TargetQualificationPublic
    """

    return (
        await asyncio_detailed(
            body_id=body_id,
            client=client,
            body=body,
        )
    ).parsed
