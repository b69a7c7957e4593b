from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.share_create import ShareCreate
from ...models.share_created import ShareCreated
from ...types import Response


def _get_kwargs(
    *,
    body: ShareCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/wallet/shares",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ShareCreated | None:
    if response.status_code == 201:
        response_201 = ShareCreated.from_dict(response.json())

        return response_201

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | ShareCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ShareCreate,
) -> Response[Problem | ShareCreated]:
    """Share credentials through a link

     Make a link that releases, per credential, only the fields you choose (for SD-JWT VC, only the
    chosen
    disclosures), until it expires (30 days by default), for at most `max_views` reveals, optionally for
    one
    recipient only. With `include_skills_profile` the viewer also sees a skills profile built from the
    learning
    outcomes the share releases, never from anything else in your wallet. The link is in this answer
    only, with its
    QR code; Passerelle keeps only its SHA-256.

    Args:
        body (ShareCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShareCreated]
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
    body: ShareCreate,
) -> Problem | ShareCreated | None:
    """Share credentials through a link

     Make a link that releases, per credential, only the fields you choose (for SD-JWT VC, only the
    chosen
    disclosures), until it expires (30 days by default), for at most `max_views` reveals, optionally for
    one
    recipient only. With `include_skills_profile` the viewer also sees a skills profile built from the
    learning
    outcomes the share releases, never from anything else in your wallet. The link is in this answer
    only, with its
    QR code; Passerelle keeps only its SHA-256.

    Args:
        body (ShareCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShareCreated
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ShareCreate,
) -> Response[Problem | ShareCreated]:
    """Share credentials through a link

     Make a link that releases, per credential, only the fields you choose (for SD-JWT VC, only the
    chosen
    disclosures), until it expires (30 days by default), for at most `max_views` reveals, optionally for
    one
    recipient only. With `include_skills_profile` the viewer also sees a skills profile built from the
    learning
    outcomes the share releases, never from anything else in your wallet. The link is in this answer
    only, with its
    QR code; Passerelle keeps only its SHA-256.

    Args:
        body (ShareCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShareCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ShareCreate,
) -> Problem | ShareCreated | None:
    """Share credentials through a link

     Make a link that releases, per credential, only the fields you choose (for SD-JWT VC, only the
    chosen
    disclosures), until it expires (30 days by default), for at most `max_views` reveals, optionally for
    one
    recipient only. With `include_skills_profile` the viewer also sees a skills profile built from the
    learning
    outcomes the share releases, never from anything else in your wallet. The link is in this answer
    only, with its
    QR code; Passerelle keeps only its SHA-256.

    Args:
        body (ShareCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShareCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
