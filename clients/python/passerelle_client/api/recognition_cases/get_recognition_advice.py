from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.advice import Advice
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    case_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/recognition/cases/{case_id}/advice".format(
            case_id=quote(str(case_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Advice | Problem | None:
    if response.status_code == 200:
        response_200 = Advice.from_dict(response.json())

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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Advice | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    case_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Advice | Problem]:
    """The advisor's pre-assessment

     Quality, level, workload, profile and learning outcomes compared with the target, each with its
    evidence,
    and a suggested outcome. It suggests; you decide. The caveat and its plain-words explanation follow
    `Accept-Language`.

    Args:
        case_id (UUID): The request's (case's) id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Advice | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Advice | Problem | None:
    """The advisor's pre-assessment

     Quality, level, workload, profile and learning outcomes compared with the target, each with its
    evidence,
    and a suggested outcome. It suggests; you decide. The caveat and its plain-words explanation follow
    `Accept-Language`.

    Args:
        case_id (UUID): The request's (case's) id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Advice | Problem
    """

    return sync_detailed(
        case_id=case_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Advice | Problem]:
    """The advisor's pre-assessment

     Quality, level, workload, profile and learning outcomes compared with the target, each with its
    evidence,
    and a suggested outcome. It suggests; you decide. The caveat and its plain-words explanation follow
    `Accept-Language`.

    Args:
        case_id (UUID): The request's (case's) id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Advice | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Advice | Problem | None:
    """The advisor's pre-assessment

     Quality, level, workload, profile and learning outcomes compared with the target, each with its
    evidence,
    and a suggested outcome. It suggests; you decide. The caveat and its plain-words explanation follow
    `Accept-Language`.

    Args:
        case_id (UUID): The request's (case's) id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Advice | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
        )
    ).parsed
