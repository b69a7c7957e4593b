from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_result import ImportResult
from ...models.import_wallet_files_body import ImportWalletFilesBody
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: File | ImportWalletFilesBody | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/wallet/import",
    }

    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/octet-stream"
    if isinstance(body, ImportWalletFilesBody):
        _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportResult | Problem | None:
    if response.status_code == 201:
        response_201 = ImportResult.from_dict(response.json())

        return response_201

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ImportResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: File | ImportWalletFilesBody | Unset = UNSET,
) -> Response[ImportResult | Problem]:
    """Restore an export into your empty wallet

     Restore a wallet export (from this or another Passerelle) into your wallet, which must be empty (409
    otherwise). Every file is checked against the manifest's SHA-256 (422 `archive_tampered`: nothing is
    stored);
    credentials are read again from their originals. Shares come back as history only: revoked, with no
    working
    link.

    Args:
        body (File):
        body (ImportWalletFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResult | Problem]
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
    body: File | ImportWalletFilesBody | Unset = UNSET,
) -> ImportResult | Problem | None:
    """Restore an export into your empty wallet

     Restore a wallet export (from this or another Passerelle) into your wallet, which must be empty (409
    otherwise). Every file is checked against the manifest's SHA-256 (422 `archive_tampered`: nothing is
    stored);
    credentials are read again from their originals. Shares come back as history only: revoked, with no
    working
    link.

    Args:
        body (File):
        body (ImportWalletFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: File | ImportWalletFilesBody | Unset = UNSET,
) -> Response[ImportResult | Problem]:
    """Restore an export into your empty wallet

     Restore a wallet export (from this or another Passerelle) into your wallet, which must be empty (409
    otherwise). Every file is checked against the manifest's SHA-256 (422 `archive_tampered`: nothing is
    stored);
    credentials are read again from their originals. Shares come back as history only: revoked, with no
    working
    link.

    Args:
        body (File):
        body (ImportWalletFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: File | ImportWalletFilesBody | Unset = UNSET,
) -> ImportResult | Problem | None:
    """Restore an export into your empty wallet

     Restore a wallet export (from this or another Passerelle) into your wallet, which must be empty (409
    otherwise). Every file is checked against the manifest's SHA-256 (422 `archive_tampered`: nothing is
    stored);
    credentials are read again from their originals. Shares come back as history only: revoked, with no
    working
    link.

    Args:
        body (File):
        body (ImportWalletFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
