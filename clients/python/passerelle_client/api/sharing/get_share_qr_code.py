from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    share_id: UUID,
    *,
    format_: str | Unset = "svg",
    share_token: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Share-Token"] = share_token

    params: dict[str, Any] = {}

    params["format"] = format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/wallet/shares/{share_id}/qr".format(
            share_id=quote(str(share_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = response.json()
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
    share_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: str | Unset = "svg",
    share_token: str,
) -> Response[Any | Problem]:
    """A share's QR code

     The QR code of the link, as SVG or PNG. Passerelle does not keep the link, so send its token in the
    `Share-Token` header; a token that is not this share's answers 404.

    Args:
        share_id (UUID): The share's id.
        format_ (str | Unset): svg or png. Default: 'svg'.
        share_token (str): The link's token (the last part of its URL).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        share_id=share_id,
        format_=format_,
        share_token=share_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    share_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: str | Unset = "svg",
    share_token: str,
) -> Any | Problem | None:
    """A share's QR code

     The QR code of the link, as SVG or PNG. Passerelle does not keep the link, so send its token in the
    `Share-Token` header; a token that is not this share's answers 404.

    Args:
        share_id (UUID): The share's id.
        format_ (str | Unset): svg or png. Default: 'svg'.
        share_token (str): The link's token (the last part of its URL).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        share_id=share_id,
        client=client,
        format_=format_,
        share_token=share_token,
    ).parsed


async def asyncio_detailed(
    share_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: str | Unset = "svg",
    share_token: str,
) -> Response[Any | Problem]:
    """A share's QR code

     The QR code of the link, as SVG or PNG. Passerelle does not keep the link, so send its token in the
    `Share-Token` header; a token that is not this share's answers 404.

    Args:
        share_id (UUID): The share's id.
        format_ (str | Unset): svg or png. Default: 'svg'.
        share_token (str): The link's token (the last part of its URL).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        share_id=share_id,
        format_=format_,
        share_token=share_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    share_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: str | Unset = "svg",
    share_token: str,
) -> Any | Problem | None:
    """A share's QR code

     The QR code of the link, as SVG or PNG. Passerelle does not keep the link, so send its token in the
    `Share-Token` header; a token that is not this share's answers 404.

    Args:
        share_id (UUID): The share's id.
        format_ (str | Unset): svg or png. Default: 'svg'.
        share_token (str): The link's token (the last part of its URL).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            share_id=share_id,
            client=client,
            format_=format_,
            share_token=share_token,
        )
    ).parsed
