from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.issue_request import IssueRequest
from ...models.issue_result import IssueResult
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    achievement_id: UUID,
    *,
    body: IssueRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["idempotency-key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/institutions/achievements/{achievement_id}/issue".format(
            achievement_id=quote(str(achievement_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IssueResult | Problem | None:
    if response.status_code == 200:
        response_200 = IssueResult.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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
) -> Response[IssueResult | Problem]:
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
    body: IssueRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[IssueResult | Problem]:
    """Issue an achievement to learners

     Each learner's credential is signed with your key (ES256; `GET /v1/institutions/{id}/jwks.json`) and
    gets a
    random index in one of your status lists. `delivery: inbox` pushes it to the learner's Passerelle
    inbox, as
    `credentials:batch` does (the learner accepts or declines; you follow it in your change feed).
    `delivery:
    offer` answers an OpenID4VCI credential offer per learner, for any standard wallet, and a `tx_code`
    to give the
    learner by another channel; the credential is signed when the wallet collects it, bound to the
    wallet's key.

    Args:
        achievement_id (UUID): The achievement definition's id.
        idempotency_key (None | str | Unset): Optional, for `delivery: inbox`: a replay with the
            same key answers the first response byte for byte and issues nothing; the same key with a
            different body is refused (422). Not accepted with `delivery: offer`, whose answer holds
            one-time codes that are never stored.
        body (IssueRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IssueResult | Problem]
    """

    kwargs = _get_kwargs(
        achievement_id=achievement_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    achievement_id: UUID,
    *,
    client: AuthenticatedClient,
    body: IssueRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> IssueResult | Problem | None:
    """Issue an achievement to learners

     Each learner's credential is signed with your key (ES256; `GET /v1/institutions/{id}/jwks.json`) and
    gets a
    random index in one of your status lists. `delivery: inbox` pushes it to the learner's Passerelle
    inbox, as
    `credentials:batch` does (the learner accepts or declines; you follow it in your change feed).
    `delivery:
    offer` answers an OpenID4VCI credential offer per learner, for any standard wallet, and a `tx_code`
    to give the
    learner by another channel; the credential is signed when the wallet collects it, bound to the
    wallet's key.

    Args:
        achievement_id (UUID): The achievement definition's id.
        idempotency_key (None | str | Unset): Optional, for `delivery: inbox`: a replay with the
            same key answers the first response byte for byte and issues nothing; the same key with a
            different body is refused (422). Not accepted with `delivery: offer`, whose answer holds
            one-time codes that are never stored.
        body (IssueRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IssueResult | Problem
    """

    return sync_detailed(
        achievement_id=achievement_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    achievement_id: UUID,
    *,
    client: AuthenticatedClient,
    body: IssueRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[IssueResult | Problem]:
    """Issue an achievement to learners

     Each learner's credential is signed with your key (ES256; `GET /v1/institutions/{id}/jwks.json`) and
    gets a
    random index in one of your status lists. `delivery: inbox` pushes it to the learner's Passerelle
    inbox, as
    `credentials:batch` does (the learner accepts or declines; you follow it in your change feed).
    `delivery:
    offer` answers an OpenID4VCI credential offer per learner, for any standard wallet, and a `tx_code`
    to give the
    learner by another channel; the credential is signed when the wallet collects it, bound to the
    wallet's key.

    Args:
        achievement_id (UUID): The achievement definition's id.
        idempotency_key (None | str | Unset): Optional, for `delivery: inbox`: a replay with the
            same key answers the first response byte for byte and issues nothing; the same key with a
            different body is refused (422). Not accepted with `delivery: offer`, whose answer holds
            one-time codes that are never stored.
        body (IssueRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IssueResult | Problem]
    """

    kwargs = _get_kwargs(
        achievement_id=achievement_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    achievement_id: UUID,
    *,
    client: AuthenticatedClient,
    body: IssueRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> IssueResult | Problem | None:
    """Issue an achievement to learners

     Each learner's credential is signed with your key (ES256; `GET /v1/institutions/{id}/jwks.json`) and
    gets a
    random index in one of your status lists. `delivery: inbox` pushes it to the learner's Passerelle
    inbox, as
    `credentials:batch` does (the learner accepts or declines; you follow it in your change feed).
    `delivery:
    offer` answers an OpenID4VCI credential offer per learner, for any standard wallet, and a `tx_code`
    to give the
    learner by another channel; the credential is signed when the wallet collects it, bound to the
    wallet's key.

    Args:
        achievement_id (UUID): The achievement definition's id.
        idempotency_key (None | str | Unset): Optional, for `delivery: inbox`: a replay with the
            same key answers the first response byte for byte and issues nothing; the same key with a
            different body is refused (422). Not accepted with `delivery: offer`, whose answer holds
            one-time codes that are never stored.
        body (IssueRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IssueResult | Problem
    """

    return (
        await asyncio_detailed(
            achievement_id=achievement_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
