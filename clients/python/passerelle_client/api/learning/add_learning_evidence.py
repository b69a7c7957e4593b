from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.add_learning_evidence_files_body import AddLearningEvidenceFilesBody
from ...models.evidence_public import EvidencePublic
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    entry_id: UUID,
    *,
    body: File | AddLearningEvidenceFilesBody | Unset = UNSET,
    filename: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_filename: None | str | Unset
    if isinstance(filename, Unset):
        json_filename = UNSET
    else:
        json_filename = filename
    params["filename"] = json_filename

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/wallet/learning/{entry_id}/evidence".format(
            entry_id=quote(str(entry_id), safe=""),
        ),
        "params": params,
    }

    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/octet-stream"
    if isinstance(body, AddLearningEvidenceFilesBody):
        _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EvidencePublic | Problem | None:
    if response.status_code == 201:
        response_201 = EvidencePublic.from_dict(response.json())

        return response_201

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
) -> Response[EvidencePublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    entry_id: UUID,
    *,
    client: AuthenticatedClient,
    body: File | AddLearningEvidenceFilesBody | Unset = UNSET,
    filename: None | str | Unset = UNSET,
) -> Response[EvidencePublic | Problem]:
    """Attach an evidence file

     Attach a certificate, a letter, a photo of your work: a PDF, PNG or JPEG file up to the service's
    size limit
    (5 MiB by default; 413 above it). Its type is read from its content (415 for other types, 422 for a
    file that
    is not what it claims to be or is broken); a refused file is not stored.

    Args:
        entry_id (UUID): The learning entry's id.
        filename (None | str | Unset): The file's name, for a raw-body upload.
        body (File):
        body (AddLearningEvidenceFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidencePublic | Problem]
    """

    kwargs = _get_kwargs(
        entry_id=entry_id,
        body=body,
        filename=filename,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    entry_id: UUID,
    *,
    client: AuthenticatedClient,
    body: File | AddLearningEvidenceFilesBody | Unset = UNSET,
    filename: None | str | Unset = UNSET,
) -> EvidencePublic | Problem | None:
    """Attach an evidence file

     Attach a certificate, a letter, a photo of your work: a PDF, PNG or JPEG file up to the service's
    size limit
    (5 MiB by default; 413 above it). Its type is read from its content (415 for other types, 422 for a
    file that
    is not what it claims to be or is broken); a refused file is not stored.

    Args:
        entry_id (UUID): The learning entry's id.
        filename (None | str | Unset): The file's name, for a raw-body upload.
        body (File):
        body (AddLearningEvidenceFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidencePublic | Problem
    """

    return sync_detailed(
        entry_id=entry_id,
        client=client,
        body=body,
        filename=filename,
    ).parsed


async def asyncio_detailed(
    entry_id: UUID,
    *,
    client: AuthenticatedClient,
    body: File | AddLearningEvidenceFilesBody | Unset = UNSET,
    filename: None | str | Unset = UNSET,
) -> Response[EvidencePublic | Problem]:
    """Attach an evidence file

     Attach a certificate, a letter, a photo of your work: a PDF, PNG or JPEG file up to the service's
    size limit
    (5 MiB by default; 413 above it). Its type is read from its content (415 for other types, 422 for a
    file that
    is not what it claims to be or is broken); a refused file is not stored.

    Args:
        entry_id (UUID): The learning entry's id.
        filename (None | str | Unset): The file's name, for a raw-body upload.
        body (File):
        body (AddLearningEvidenceFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidencePublic | Problem]
    """

    kwargs = _get_kwargs(
        entry_id=entry_id,
        body=body,
        filename=filename,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    entry_id: UUID,
    *,
    client: AuthenticatedClient,
    body: File | AddLearningEvidenceFilesBody | Unset = UNSET,
    filename: None | str | Unset = UNSET,
) -> EvidencePublic | Problem | None:
    """Attach an evidence file

     Attach a certificate, a letter, a photo of your work: a PDF, PNG or JPEG file up to the service's
    size limit
    (5 MiB by default; 413 above it). Its type is read from its content (415 for other types, 422 for a
    file that
    is not what it claims to be or is broken); a refused file is not stored.

    Args:
        entry_id (UUID): The learning entry's id.
        filename (None | str | Unset): The file's name, for a raw-body upload.
        body (File):
        body (AddLearningEvidenceFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidencePublic | Problem
    """

    return (
        await asyncio_detailed(
            entry_id=entry_id,
            client=client,
            body=body,
            filename=filename,
        )
    ).parsed
