from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_update import AccountUpdate
from ...models.problem import Problem
from ...models.user_public import UserPublic
from ...types import Response


def _get_kwargs(
    *,
    body: AccountUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/me",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UserPublic | None:
    if response.status_code == 200:
        response_200 = UserPublic.from_dict(response.json())

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
) -> Response[Problem | UserPublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: AccountUpdate,
) -> Response[Problem | UserPublic]:
    """Change your display name or language

     Set the members you send: `display_name`, and `language` (`en`, `fr`, `de`, `pl`, `es`, `it`, `uk`,
    `ar`),
    the language of your own pages and e-mails. People who open your share links see them in their
    browser's
    language (`Accept-Language`).

    Args:
        body (AccountUpdate): Partial update of the signed-in account: only the members sent
            change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserPublic]
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
    body: AccountUpdate,
) -> Problem | UserPublic | None:
    """Change your display name or language

     Set the members you send: `display_name`, and `language` (`en`, `fr`, `de`, `pl`, `es`, `it`, `uk`,
    `ar`),
    the language of your own pages and e-mails. People who open your share links see them in their
    browser's
    language (`Accept-Language`).

    Args:
        body (AccountUpdate): Partial update of the signed-in account: only the members sent
            change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserPublic
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AccountUpdate,
) -> Response[Problem | UserPublic]:
    """Change your display name or language

     Set the members you send: `display_name`, and `language` (`en`, `fr`, `de`, `pl`, `es`, `it`, `uk`,
    `ar`),
    the language of your own pages and e-mails. People who open your share links see them in their
    browser's
    language (`Accept-Language`).

    Args:
        body (AccountUpdate): Partial update of the signed-in account: only the members sent
            change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserPublic]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: AccountUpdate,
) -> Problem | UserPublic | None:
    """Change your display name or language

     Set the members you send: `display_name`, and `language` (`en`, `fr`, `de`, `pl`, `es`, `it`, `uk`,
    `ar`),
    the language of your own pages and e-mails. People who open your share links see them in their
    browser's
    language (`Accept-Language`).

    Args:
        body (AccountUpdate): Partial update of the signed-in account: only the members sent
            change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserPublic
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
