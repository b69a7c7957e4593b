from http import HTTPStatus
from io import BytesIO
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_request import ExportRequest
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: ExportRequest | None | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/wallet/export",
    }

    if isinstance(body, ExportRequest):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[File | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ExportRequest | None | Unset = UNSET,
) -> Response[File | Problem]:
    """Export your whole wallet

     Everything in your wallet in one file: every original credential byte for byte with its summary,
    your
    shares (never their links' tokens), their access log, your self-recorded learning with its evidence
    files and
    endorsements, and `manifest.json` with the SHA-256 of every file and its JSON Schema. With a
    passphrase the ZIP
    is encrypted (format in docs/data-lifecycle.md). Import it into an empty wallet on any Passerelle.

    Args:
        body (ExportRequest | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
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
    body: ExportRequest | None | Unset = UNSET,
) -> File | Problem | None:
    """Export your whole wallet

     Everything in your wallet in one file: every original credential byte for byte with its summary,
    your
    shares (never their links' tokens), their access log, your self-recorded learning with its evidence
    files and
    endorsements, and `manifest.json` with the SHA-256 of every file and its JSON Schema. With a
    passphrase the ZIP
    is encrypted (format in docs/data-lifecycle.md). Import it into an empty wallet on any Passerelle.

    Args:
        body (ExportRequest | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ExportRequest | None | Unset = UNSET,
) -> Response[File | Problem]:
    """Export your whole wallet

     Everything in your wallet in one file: every original credential byte for byte with its summary,
    your
    shares (never their links' tokens), their access log, your self-recorded learning with its evidence
    files and
    endorsements, and `manifest.json` with the SHA-256 of every file and its JSON Schema. With a
    passphrase the ZIP
    is encrypted (format in docs/data-lifecycle.md). Import it into an empty wallet on any Passerelle.

    Args:
        body (ExportRequest | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ExportRequest | None | Unset = UNSET,
) -> File | Problem | None:
    """Export your whole wallet

     Everything in your wallet in one file: every original credential byte for byte with its summary,
    your
    shares (never their links' tokens), their access log, your self-recorded learning with its evidence
    files and
    endorsements, and `manifest.json` with the SHA-256 of every file and its JSON Schema. With a
    passphrase the ZIP
    is encrypted (format in docs/data-lifecycle.md). Import it into an empty wallet on any Passerelle.

    Args:
        body (ExportRequest | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
