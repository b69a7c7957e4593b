from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...types import Response


def _get_kwargs(
    institution_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/institutions/{institution_id}/oid4vci/token".format(
            institution_id=quote(str(institution_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = response.json()
        return response_200

    if response.status_code == 400:
        response_400 = cast(Any, None)
        return response_400

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    institution_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | HTTPValidationError]:
    """Exchange a pre-authorized code for an access token

     `application/x-www-form-urlencoded`: `grant_type` (the pre-authorized code grant), `pre-
    authorized_code`,
    `tx_code` when the offer asks for one. Five wrong `tx_code`s end the offer.

    Args:
        institution_id (UUID): The institution's id (its issuer identifier's last part).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        institution_id=institution_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    institution_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Any | HTTPValidationError | None:
    """Exchange a pre-authorized code for an access token

     `application/x-www-form-urlencoded`: `grant_type` (the pre-authorized code grant), `pre-
    authorized_code`,
    `tx_code` when the offer asks for one. Five wrong `tx_code`s end the offer.

    Args:
        institution_id (UUID): The institution's id (its issuer identifier's last part).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError
    """

    return sync_detailed(
        institution_id=institution_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    institution_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | HTTPValidationError]:
    """Exchange a pre-authorized code for an access token

     `application/x-www-form-urlencoded`: `grant_type` (the pre-authorized code grant), `pre-
    authorized_code`,
    `tx_code` when the offer asks for one. Five wrong `tx_code`s end the offer.

    Args:
        institution_id (UUID): The institution's id (its issuer identifier's last part).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        institution_id=institution_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    institution_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Any | HTTPValidationError | None:
    """Exchange a pre-authorized code for an access token

     `application/x-www-form-urlencoded`: `grant_type` (the pre-authorized code grant), `pre-
    authorized_code`,
    `tx_code` when the offer asks for one. Five wrong `tx_code`s end the offer.

    Args:
        institution_id (UUID): The institution's id (its issuer identifier's last part).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            institution_id=institution_id,
            client=client,
        )
    ).parsed
