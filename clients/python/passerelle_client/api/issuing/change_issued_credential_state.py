from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.change_issued_credential_state_action import ChangeIssuedCredentialStateAction
from ...models.issued_public import IssuedPublic
from ...models.problem import Problem
from ...models.state_change import StateChange
from ...types import UNSET, Response, Unset


def _get_kwargs(
    issued_id: UUID,
    action: ChangeIssuedCredentialStateAction,
    *,
    body: None | StateChange | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/institutions/issued/{issued_id}/{action}".format(
            issued_id=quote(str(issued_id), safe=""),
            action=quote(str(action), safe=""),
        ),
    }

    if isinstance(body, StateChange):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IssuedPublic | Problem | None:
    if response.status_code == 200:
        response_200 = IssuedPublic.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[IssuedPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    issued_id: UUID,
    action: ChangeIssuedCredentialStateAction,
    *,
    client: AuthenticatedClient,
    body: None | StateChange | Unset = UNSET,
) -> Response[IssuedPublic | Problem]:
    """Suspend, reinstate or revoke an issued credential

     `suspend` (active → suspended), `reinstate` (suspended → active), `revoke` (final). The status lists
    are
    re-signed at once; verifiers see the change when their copy expires (at most five minutes). Your
    change feed
    and webhooks report `suspended`, `reinstated` or `revoked`.

    Args:
        issued_id (UUID): The issued credential's id.
        action (ChangeIssuedCredentialStateAction):
        body (None | StateChange | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IssuedPublic | Problem]
    """

    kwargs = _get_kwargs(
        issued_id=issued_id,
        action=action,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    issued_id: UUID,
    action: ChangeIssuedCredentialStateAction,
    *,
    client: AuthenticatedClient,
    body: None | StateChange | Unset = UNSET,
) -> IssuedPublic | Problem | None:
    """Suspend, reinstate or revoke an issued credential

     `suspend` (active → suspended), `reinstate` (suspended → active), `revoke` (final). The status lists
    are
    re-signed at once; verifiers see the change when their copy expires (at most five minutes). Your
    change feed
    and webhooks report `suspended`, `reinstated` or `revoked`.

    Args:
        issued_id (UUID): The issued credential's id.
        action (ChangeIssuedCredentialStateAction):
        body (None | StateChange | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IssuedPublic | Problem
    """

    return sync_detailed(
        issued_id=issued_id,
        action=action,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    issued_id: UUID,
    action: ChangeIssuedCredentialStateAction,
    *,
    client: AuthenticatedClient,
    body: None | StateChange | Unset = UNSET,
) -> Response[IssuedPublic | Problem]:
    """Suspend, reinstate or revoke an issued credential

     `suspend` (active → suspended), `reinstate` (suspended → active), `revoke` (final). The status lists
    are
    re-signed at once; verifiers see the change when their copy expires (at most five minutes). Your
    change feed
    and webhooks report `suspended`, `reinstated` or `revoked`.

    Args:
        issued_id (UUID): The issued credential's id.
        action (ChangeIssuedCredentialStateAction):
        body (None | StateChange | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IssuedPublic | Problem]
    """

    kwargs = _get_kwargs(
        issued_id=issued_id,
        action=action,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    issued_id: UUID,
    action: ChangeIssuedCredentialStateAction,
    *,
    client: AuthenticatedClient,
    body: None | StateChange | Unset = UNSET,
) -> IssuedPublic | Problem | None:
    """Suspend, reinstate or revoke an issued credential

     `suspend` (active → suspended), `reinstate` (suspended → active), `revoke` (final). The status lists
    are
    re-signed at once; verifiers see the change when their copy expires (at most five minutes). Your
    change feed
    and webhooks report `suspended`, `reinstated` or `revoked`.

    Args:
        issued_id (UUID): The issued credential's id.
        action (ChangeIssuedCredentialStateAction):
        body (None | StateChange | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IssuedPublic | Problem
    """

    return (
        await asyncio_detailed(
            issued_id=issued_id,
            action=action,
            client=client,
            body=body,
        )
    ).parsed
