from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.credit_rule_create import CreditRuleCreate
from ...models.credit_rule_public import CreditRulePublic
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: CreditRuleCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/recognition/credit-rules",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreditRulePublic | Problem | None:
    if response.status_code == 201:
        response_201 = CreditRulePublic.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[CreditRulePublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreditRuleCreate,
) -> Response[CreditRulePublic | Problem]:
    """Add an institution's own credit rule

     An institution's conversion rule for a credit system (e.g. its own US semester-credit policy); it
    wins over
    the shipped rule whenever that institution's policy is applied. The reason is kept in the audit
    trail.

    Args:
        body (CreditRuleCreate): An institution's own conversion rule for a credit system (its
            policy wins over the shipped rule).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreditRulePublic | Problem]
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
    body: CreditRuleCreate,
) -> CreditRulePublic | Problem | None:
    """Add an institution's own credit rule

     An institution's conversion rule for a credit system (e.g. its own US semester-credit policy); it
    wins over
    the shipped rule whenever that institution's policy is applied. The reason is kept in the audit
    trail.

    Args:
        body (CreditRuleCreate): An institution's own conversion rule for a credit system (its
            policy wins over the shipped rule).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreditRulePublic | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreditRuleCreate,
) -> Response[CreditRulePublic | Problem]:
    """Add an institution's own credit rule

     An institution's conversion rule for a credit system (e.g. its own US semester-credit policy); it
    wins over
    the shipped rule whenever that institution's policy is applied. The reason is kept in the audit
    trail.

    Args:
        body (CreditRuleCreate): An institution's own conversion rule for a credit system (its
            policy wins over the shipped rule).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreditRulePublic | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreditRuleCreate,
) -> CreditRulePublic | Problem | None:
    """Add an institution's own credit rule

     An institution's conversion rule for a credit system (e.g. its own US semester-credit policy); it
    wins over
    the shipped rule whenever that institution's policy is applied. The reason is kept in the audit
    trail.

    Args:
        body (CreditRuleCreate): An institution's own conversion rule for a credit system (its
            policy wins over the shipped rule).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreditRulePublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
