from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.endorsement_confirm import EndorsementConfirm
from ...models.endorsement_public import EndorsementPublic
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    token: str,
    *,
    body: EndorsementConfirm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/endorsements/{token}".format(
            token=quote(str(token), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EndorsementPublic | Problem | None:
    if response.status_code == 201:
        response_201 = EndorsementPublic.from_dict(response.json())

        return response_201

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 410:
        response_410 = Problem.from_dict(response.json())

        return response_410

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
) -> Response[EndorsementPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: EndorsementConfirm,
) -> Response[EndorsementPublic | Problem]:
    """Endorse the entry

     Confirm the entry with your name, your role and an optional comment; send back the entry's `version`
    you
    read (409 if the learner changed it since). The link works once (410 afterwards, and once withdrawn
    or
    expired). The answer holds your endorsement signed by the service.

    Args:
        token (str): The endorsement link's token.
        body (EndorsementConfirm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndorsementPublic | Problem]
    """

    kwargs = _get_kwargs(
        token=token,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: EndorsementConfirm,
) -> EndorsementPublic | Problem | None:
    """Endorse the entry

     Confirm the entry with your name, your role and an optional comment; send back the entry's `version`
    you
    read (409 if the learner changed it since). The link works once (410 afterwards, and once withdrawn
    or
    expired). The answer holds your endorsement signed by the service.

    Args:
        token (str): The endorsement link's token.
        body (EndorsementConfirm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndorsementPublic | Problem
    """

    return sync_detailed(
        token=token,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: EndorsementConfirm,
) -> Response[EndorsementPublic | Problem]:
    """Endorse the entry

     Confirm the entry with your name, your role and an optional comment; send back the entry's `version`
    you
    read (409 if the learner changed it since). The link works once (410 afterwards, and once withdrawn
    or
    expired). The answer holds your endorsement signed by the service.

    Args:
        token (str): The endorsement link's token.
        body (EndorsementConfirm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndorsementPublic | Problem]
    """

    kwargs = _get_kwargs(
        token=token,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: EndorsementConfirm,
) -> EndorsementPublic | Problem | None:
    """Endorse the entry

     Confirm the entry with your name, your role and an optional comment; send back the entry's `version`
    you
    read (409 if the learner changed it since). The link works once (410 afterwards, and once withdrawn
    or
    expired). The answer holds your endorsement signed by the service.

    Args:
        token (str): The endorsement link's token.
        body (EndorsementConfirm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndorsementPublic | Problem
    """

    return (
        await asyncio_detailed(
            token=token,
            client=client,
            body=body,
        )
    ).parsed
