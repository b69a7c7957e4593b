from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.share_create import ShareCreate
from ...models.share_preview import SharePreview
from ...types import Response


def _get_kwargs(
    *,
    body: ShareCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/wallet/shares:preview",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SharePreview | None:
    if response.status_code == 200:
        response_200 = SharePreview.from_dict(response.json())

        return response_200

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
) -> Response[Problem | SharePreview]:
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
) -> Response[Problem | SharePreview]:
    """See what a share would show

     Exactly what the viewer will see for this selection, and a warning for each sensitive field it
    releases
    (name, date of birth, identifiers, grades) and, for an SD-JWT VC, each sensitive disclosure it
    chooses (date
    of birth, national identifiers, address, nationality, place of birth, grades) so you can narrow it;
    recognition caveats in the language of `Accept-Language`. Nothing is shared.

    Args:
        body (ShareCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SharePreview]
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
) -> Problem | SharePreview | None:
    """See what a share would show

     Exactly what the viewer will see for this selection, and a warning for each sensitive field it
    releases
    (name, date of birth, identifiers, grades) and, for an SD-JWT VC, each sensitive disclosure it
    chooses (date
    of birth, national identifiers, address, nationality, place of birth, grades) so you can narrow it;
    recognition caveats in the language of `Accept-Language`. Nothing is shared.

    Args:
        body (ShareCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SharePreview
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ShareCreate,
) -> Response[Problem | SharePreview]:
    """See what a share would show

     Exactly what the viewer will see for this selection, and a warning for each sensitive field it
    releases
    (name, date of birth, identifiers, grades) and, for an SD-JWT VC, each sensitive disclosure it
    chooses (date
    of birth, national identifiers, address, nationality, place of birth, grades) so you can narrow it;
    recognition caveats in the language of `Accept-Language`. Nothing is shared.

    Args:
        body (ShareCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SharePreview]
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
) -> Problem | SharePreview | None:
    """See what a share would show

     Exactly what the viewer will see for this selection, and a warning for each sensitive field it
    releases
    (name, date of birth, identifiers, grades) and, for an SD-JWT VC, each sensitive disclosure it
    chooses (date
    of birth, national identifiers, address, nationality, place of birth, grades) so you can narrow it;
    recognition caveats in the language of `Accept-Language`. Nothing is shared.

    Args:
        body (ShareCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SharePreview
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
