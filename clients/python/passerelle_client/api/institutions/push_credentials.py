from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.batch_push import BatchPush
from ...models.batch_result import BatchResult
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BatchPush,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["idempotency-key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/institutions/credentials:batch",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BatchResult | Problem | None:
    if response.status_code == 200:
        response_200 = BatchResult.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[BatchResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BatchPush,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[BatchResult | Problem]:
    """Push credentials to learners

     Up to 1,000 credentials, each to a learner (by id or e-mail; an unknown address gets a claimable
    invitation,
    mailed in the language your `Accept-Language` prefers unless the address has an account with its
    own). Each
    lands in the learner's inbox, where the learner accepts or declines it. Each signed credential's
    signature
    is checked as `POST /v1/verify` checks it (keys from the trust registry, the credential or the
    issuer's
    published documents): one that does not hold is `rejected` with the check's reason as its problem
    `code`, and
    nothing is stored for it; an unsigned document is delivered. The same credential pushed again
    creates nothing
    (`duplicate`). The answer lists each item's outcome in order.

    Args:
        idempotency_key (None | str | Unset): Required. A replay with the same key answers the
            first response byte for byte; the same key with a different body is refused (422).
        body (BatchPush):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: BatchPush,
    idempotency_key: None | str | Unset = UNSET,
) -> BatchResult | Problem | None:
    """Push credentials to learners

     Up to 1,000 credentials, each to a learner (by id or e-mail; an unknown address gets a claimable
    invitation,
    mailed in the language your `Accept-Language` prefers unless the address has an account with its
    own). Each
    lands in the learner's inbox, where the learner accepts or declines it. Each signed credential's
    signature
    is checked as `POST /v1/verify` checks it (keys from the trust registry, the credential or the
    issuer's
    published documents): one that does not hold is `rejected` with the check's reason as its problem
    `code`, and
    nothing is stored for it; an unsigned document is delivered. The same credential pushed again
    creates nothing
    (`duplicate`). The answer lists each item's outcome in order.

    Args:
        idempotency_key (None | str | Unset): Required. A replay with the same key answers the
            first response byte for byte; the same key with a different body is refused (422).
        body (BatchPush):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BatchPush,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[BatchResult | Problem]:
    """Push credentials to learners

     Up to 1,000 credentials, each to a learner (by id or e-mail; an unknown address gets a claimable
    invitation,
    mailed in the language your `Accept-Language` prefers unless the address has an account with its
    own). Each
    lands in the learner's inbox, where the learner accepts or declines it. Each signed credential's
    signature
    is checked as `POST /v1/verify` checks it (keys from the trust registry, the credential or the
    issuer's
    published documents): one that does not hold is `rejected` with the check's reason as its problem
    `code`, and
    nothing is stored for it; an unsigned document is delivered. The same credential pushed again
    creates nothing
    (`duplicate`). The answer lists each item's outcome in order.

    Args:
        idempotency_key (None | str | Unset): Required. A replay with the same key answers the
            first response byte for byte; the same key with a different body is refused (422).
        body (BatchPush):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BatchPush,
    idempotency_key: None | str | Unset = UNSET,
) -> BatchResult | Problem | None:
    """Push credentials to learners

     Up to 1,000 credentials, each to a learner (by id or e-mail; an unknown address gets a claimable
    invitation,
    mailed in the language your `Accept-Language` prefers unless the address has an account with its
    own). Each
    lands in the learner's inbox, where the learner accepts or declines it. Each signed credential's
    signature
    is checked as `POST /v1/verify` checks it (keys from the trust registry, the credential or the
    issuer's
    published documents): one that does not hold is `rejected` with the check's reason as its problem
    `code`, and
    nothing is stored for it; an unsigned document is delivered. The same credential pushed again
    creates nothing
    (`duplicate`). The answer lists each item's outcome in order.

    Args:
        idempotency_key (None | str | Unset): Required. A replay with the same key answers the
            first response byte for byte; the same key with a different body is refused (422).
        body (BatchPush):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
