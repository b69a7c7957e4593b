from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.collect_result import CollectResult
from ...models.offer_collect import OfferCollect
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: OfferCollect,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/wallet/inbox:collect",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CollectResult | Problem | None:
    if response.status_code == 201:
        response_201 = CollectResult.from_dict(response.json())

        return response_201

    if response.status_code == 202:
        response_202 = CollectResult.from_dict(response.json())

        return response_202

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CollectResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: OfferCollect,
) -> Response[CollectResult | Problem]:
    """Collect a credential from an issuer's offer

     Redeem an OpenID4VCI 1.0 credential offer from any standard issuer (pre-authorized code flow):
    Passerelle
    reads the issuer's metadata, exchanges the code (with the transaction code you were sent, if the
    offer asks for
    one) and asks for the credentials, bound to your wallet's key. Each one's signature is checked as a
    pushed
    credential's is: one that does not hold is not kept and is listed in `skipped` with its reason. The
    others land
    in your inbox, pending: accept or decline them as any other. An offer that needs a sign-in at the
    issuer
    (authorization code flow) is refused (422); a wrong or used code is the issuer's `invalid_grant`
    (422); an
    issuer that cannot be reached or answers outside the specification is 503. Limited per learner.

    Args:
        body (OfferCollect):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CollectResult | Problem]
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
    body: OfferCollect,
) -> CollectResult | Problem | None:
    """Collect a credential from an issuer's offer

     Redeem an OpenID4VCI 1.0 credential offer from any standard issuer (pre-authorized code flow):
    Passerelle
    reads the issuer's metadata, exchanges the code (with the transaction code you were sent, if the
    offer asks for
    one) and asks for the credentials, bound to your wallet's key. Each one's signature is checked as a
    pushed
    credential's is: one that does not hold is not kept and is listed in `skipped` with its reason. The
    others land
    in your inbox, pending: accept or decline them as any other. An offer that needs a sign-in at the
    issuer
    (authorization code flow) is refused (422); a wrong or used code is the issuer's `invalid_grant`
    (422); an
    issuer that cannot be reached or answers outside the specification is 503. Limited per learner.

    Args:
        body (OfferCollect):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CollectResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: OfferCollect,
) -> Response[CollectResult | Problem]:
    """Collect a credential from an issuer's offer

     Redeem an OpenID4VCI 1.0 credential offer from any standard issuer (pre-authorized code flow):
    Passerelle
    reads the issuer's metadata, exchanges the code (with the transaction code you were sent, if the
    offer asks for
    one) and asks for the credentials, bound to your wallet's key. Each one's signature is checked as a
    pushed
    credential's is: one that does not hold is not kept and is listed in `skipped` with its reason. The
    others land
    in your inbox, pending: accept or decline them as any other. An offer that needs a sign-in at the
    issuer
    (authorization code flow) is refused (422); a wrong or used code is the issuer's `invalid_grant`
    (422); an
    issuer that cannot be reached or answers outside the specification is 503. Limited per learner.

    Args:
        body (OfferCollect):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CollectResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: OfferCollect,
) -> CollectResult | Problem | None:
    """Collect a credential from an issuer's offer

     Redeem an OpenID4VCI 1.0 credential offer from any standard issuer (pre-authorized code flow):
    Passerelle
    reads the issuer's metadata, exchanges the code (with the transaction code you were sent, if the
    offer asks for
    one) and asks for the credentials, bound to your wallet's key. Each one's signature is checked as a
    pushed
    credential's is: one that does not hold is not kept and is listed in `skipped` with its reason. The
    others land
    in your inbox, pending: accept or decline them as any other. An offer that needs a sign-in at the
    issuer
    (authorization code flow) is refused (422); a wrong or used code is the issuer's `invalid_grant`
    (422); an
    issuer that cannot be reached or answers outside the specification is 503. Limited per learner.

    Args:
        body (OfferCollect):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CollectResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
