from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.target_qualification_public import TargetQualificationPublic
from ...types import Response


def _get_kwargs(
    body_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/bodies/{body_id}/qualifications".format(
            body_id=quote(str(body_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[TargetQualificationPublic] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = TargetQualificationPublic.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Problem | list[TargetQualificationPublic]]:
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
) -> Response[Problem | list[TargetQualificationPublic]]:
    """A body's target qualifications

     The qualifications the body assesses against (name one as `target_id` in a request).

    Args:
        body_id (UUID): The recognition body's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[TargetQualificationPublic]]
    """

    kwargs = _get_kwargs(
        body_id=body_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    body_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | list[TargetQualificationPublic] | None:
    """A body's target qualifications

     The qualifications the body assesses against (name one as `target_id` in a request).

    Args:
        body_id (UUID): The recognition body's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[TargetQualificationPublic]
    """

    return sync_detailed(
        body_id=body_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    body_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[TargetQualificationPublic]]:
    """A body's target qualifications

     The qualifications the body assesses against (name one as `target_id` in a request).

    Args:
        body_id (UUID): The recognition body's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[TargetQualificationPublic]]
    """

    kwargs = _get_kwargs(
        body_id=body_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    body_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | list[TargetQualificationPublic] | None:
    """A body's target qualifications

     The qualifications the body assesses against (name one as `target_id` in a request).

    Args:
        body_id (UUID): The recognition body's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[TargetQualificationPublic]
    """

    return (
        await asyncio_detailed(
            body_id=body_id,
            client=client,
        )
    ).parsed
