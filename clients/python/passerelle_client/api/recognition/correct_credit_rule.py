from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.credit_rule_correction import CreditRuleCorrection
from ...models.credit_rule_public import CreditRulePublic
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    rule_id: UUID,
    *,
    body: CreditRuleCorrection,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/admin/recognition/credit-rules/{rule_id}".format(
            rule_id=quote(str(rule_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreditRulePublic | Problem | None:
    if response.status_code == 200:
        response_200 = CreditRulePublic.from_dict(response.json())

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
) -> Response[CreditRulePublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    rule_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreditRuleCorrection,
) -> Response[CreditRulePublic | Problem]:
    """Correct a credit rule

     Change a shipped or institution rule, with a required reason kept in the audit trail.

    Args:
        rule_id (UUID): The credit rule's id.
        body (CreditRuleCorrection): An administrator's correction of a credit rule; only the
            fields sent change. `reason` is required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreditRulePublic | Problem]
    """

    kwargs = _get_kwargs(
        rule_id=rule_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    rule_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreditRuleCorrection,
) -> CreditRulePublic | Problem | None:
    """Correct a credit rule

     Change a shipped or institution rule, with a required reason kept in the audit trail.

    Args:
        rule_id (UUID): The credit rule's id.
        body (CreditRuleCorrection): An administrator's correction of a credit rule; only the
            fields sent change. `reason` is required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreditRulePublic | Problem
    """

    return sync_detailed(
        rule_id=rule_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    rule_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreditRuleCorrection,
) -> Response[CreditRulePublic | Problem]:
    """Correct a credit rule

     Change a shipped or institution rule, with a required reason kept in the audit trail.

    Args:
        rule_id (UUID): The credit rule's id.
        body (CreditRuleCorrection): An administrator's correction of a credit rule; only the
            fields sent change. `reason` is required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreditRulePublic | Problem]
    """

    kwargs = _get_kwargs(
        rule_id=rule_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    rule_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreditRuleCorrection,
) -> CreditRulePublic | Problem | None:
    """Correct a credit rule

     Change a shipped or institution rule, with a required reason kept in the audit trail.

    Args:
        rule_id (UUID): The credit rule's id.
        body (CreditRuleCorrection): An administrator's correction of a credit rule; only the
            fields sent change. `reason` is required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreditRulePublic | Problem
    """

    return (
        await asyncio_detailed(
            rule_id=rule_id,
            client=client,
            body=body,
        )
    ).parsed
