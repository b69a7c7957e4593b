from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.stack_request import StackRequest
from ...models.stack_result import StackResult
from ...types import Response


def _get_kwargs(
    *,
    body: StackRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/recognition/stack",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | StackResult | None:
    if response.status_code == 200:
        response_200 = StackResult.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | StackResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: StackRequest,
) -> Response[Problem | StackResult]:
    """Add credentials up against a target

     A set of credentials (of your wallet, or summaries) against a target such as 60 ECTS at EQF 6 in a
    field:
    totals, levels, what counts and why not, and what is missing. The caveat and its plain-words
    explanation follow
    `Accept-Language`.

    Args:
        body (StackRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StackResult]
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
    body: StackRequest,
) -> Problem | StackResult | None:
    """Add credentials up against a target

     A set of credentials (of your wallet, or summaries) against a target such as 60 ECTS at EQF 6 in a
    field:
    totals, levels, what counts and why not, and what is missing. The caveat and its plain-words
    explanation follow
    `Accept-Language`.

    Args:
        body (StackRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StackResult
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: StackRequest,
) -> Response[Problem | StackResult]:
    """Add credentials up against a target

     A set of credentials (of your wallet, or summaries) against a target such as 60 ECTS at EQF 6 in a
    field:
    totals, levels, what counts and why not, and what is missing. The caveat and its plain-words
    explanation follow
    `Accept-Language`.

    Args:
        body (StackRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StackResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: StackRequest,
) -> Problem | StackResult | None:
    """Add credentials up against a target

     A set of credentials (of your wallet, or summaries) against a target such as 60 ECTS at EQF 6 in a
    field:
    totals, levels, what counts and why not, and what is missing. The caveat and its plain-words
    explanation follow
    `Accept-Language`.

    Args:
        body (StackRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StackResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
