from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.erasure_request import ErasureRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ErasureRequest | None | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/me",
    }

    if isinstance(body, ErasureRequest):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ErasureRequest | None | Unset = UNSET,
) -> Response[Any | Problem]:
    """Erase your account and everything in it

     Delete your account and all your data: credentials, shares (their links stop working at once),
    access logs,
    learning entries and evidence, inbox, recognition requests (with their decisions), queued e-mail.
    Send your
    current password. What stays is a keyed hash of your account id and e-mail address, so that
    institutions cannot
    push credentials into the erased account (they are told it was erased). Export your wallet first if
    you want
    to keep it.

    Args:
        body (ErasureRequest | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
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
    body: ErasureRequest | None | Unset = UNSET,
) -> Any | Problem | None:
    """Erase your account and everything in it

     Delete your account and all your data: credentials, shares (their links stop working at once),
    access logs,
    learning entries and evidence, inbox, recognition requests (with their decisions), queued e-mail.
    Send your
    current password. What stays is a keyed hash of your account id and e-mail address, so that
    institutions cannot
    push credentials into the erased account (they are told it was erased). Export your wallet first if
    you want
    to keep it.

    Args:
        body (ErasureRequest | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ErasureRequest | None | Unset = UNSET,
) -> Response[Any | Problem]:
    """Erase your account and everything in it

     Delete your account and all your data: credentials, shares (their links stop working at once),
    access logs,
    learning entries and evidence, inbox, recognition requests (with their decisions), queued e-mail.
    Send your
    current password. What stays is a keyed hash of your account id and e-mail address, so that
    institutions cannot
    push credentials into the erased account (they are told it was erased). Export your wallet first if
    you want
    to keep it.

    Args:
        body (ErasureRequest | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ErasureRequest | None | Unset = UNSET,
) -> Any | Problem | None:
    """Erase your account and everything in it

     Delete your account and all your data: credentials, shares (their links stop working at once),
    access logs,
    learning entries and evidence, inbox, recognition requests (with their decisions), queued e-mail.
    Send your
    current password. What stays is a keyed hash of your account id and e-mail address, so that
    institutions cannot
    push credentials into the erased account (they are told it was erased). Export your wallet first if
    you want
    to keep it.

    Args:
        body (ErasureRequest | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
