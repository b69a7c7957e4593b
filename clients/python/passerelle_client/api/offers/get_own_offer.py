from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.recognition_offers_schemas_offer_public import RecognitionOffersSchemasOfferPublic
from ...types import Response


def _get_kwargs(
    offer_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/institutions/offers/{offer_id}".format(
            offer_id=quote(str(offer_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RecognitionOffersSchemasOfferPublic | None:
    if response.status_code == 200:
        response_200 = RecognitionOffersSchemasOfferPublic.from_dict(response.json())

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
) -> Response[Problem | RecognitionOffersSchemasOfferPublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    offer_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | RecognitionOffersSchemasOfferPublic]:
    """Read one of your offers

     Another institution's offer answers 404.

    Args:
        offer_id (UUID): The offer's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RecognitionOffersSchemasOfferPublic]
    """

    kwargs = _get_kwargs(
        offer_id=offer_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    offer_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | RecognitionOffersSchemasOfferPublic | None:
    """Read one of your offers

     Another institution's offer answers 404.

    Args:
        offer_id (UUID): The offer's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RecognitionOffersSchemasOfferPublic
    """

    return sync_detailed(
        offer_id=offer_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    offer_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | RecognitionOffersSchemasOfferPublic]:
    """Read one of your offers

     Another institution's offer answers 404.

    Args:
        offer_id (UUID): The offer's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RecognitionOffersSchemasOfferPublic]
    """

    kwargs = _get_kwargs(
        offer_id=offer_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    offer_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | RecognitionOffersSchemasOfferPublic | None:
    """Read one of your offers

     Another institution's offer answers 404.

    Args:
        offer_id (UUID): The offer's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RecognitionOffersSchemasOfferPublic
    """

    return (
        await asyncio_detailed(
            offer_id=offer_id,
            client=client,
        )
    ).parsed
