from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.body_issue_token import BodyIssueToken
from ...models.problem import Problem
from ...models.token_response import TokenResponse
from ...types import Response


def _get_kwargs(
    *,
    body: BodyIssueToken,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/auth/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BodyIssueToken,
) -> Response[Problem | TokenResponse]:
    """OAuth2 token endpoint

     Exchange credentials for an ES256 access token (`typ` `at+jwt`, 15 minutes) — RFC 6749 §4.3, §4.4,
    §6.

    - `password`: a user's e-mail as `username` and `password`; returns a refresh token too. At most
      `PASSERELLE_PASSWORD_ATTEMPTS_PER_MINUTE` (10) grants per account and minute, right or wrong (429
    beyond).
    - `refresh_token`: a refresh token, which is rotated; using one twice ends its whole session.
    - `client_credentials`: an institution client's `client_id` and `client_secret`, in the form or with
      HTTP Basic authentication; or, for a client registered with its public keys, `private_key_jwt`
    (RFC 7523):
      `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer` and
    `client_assertion`, a JWT
      signed ES256 by the client (`kid` of a registered key; `iss` = `sub` = client_id; `aud` this
    endpoint's URL;
      `exp` at most 10 minutes ahead; a `jti` used once).

    Args:
        body (BodyIssueToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
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
    client: AuthenticatedClient | Client,
    body: BodyIssueToken,
) -> Problem | TokenResponse | None:
    """OAuth2 token endpoint

     Exchange credentials for an ES256 access token (`typ` `at+jwt`, 15 minutes) — RFC 6749 §4.3, §4.4,
    §6.

    - `password`: a user's e-mail as `username` and `password`; returns a refresh token too. At most
      `PASSERELLE_PASSWORD_ATTEMPTS_PER_MINUTE` (10) grants per account and minute, right or wrong (429
    beyond).
    - `refresh_token`: a refresh token, which is rotated; using one twice ends its whole session.
    - `client_credentials`: an institution client's `client_id` and `client_secret`, in the form or with
      HTTP Basic authentication; or, for a client registered with its public keys, `private_key_jwt`
    (RFC 7523):
      `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer` and
    `client_assertion`, a JWT
      signed ES256 by the client (`kid` of a registered key; `iss` = `sub` = client_id; `aud` this
    endpoint's URL;
      `exp` at most 10 minutes ahead; a `jti` used once).

    Args:
        body (BodyIssueToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BodyIssueToken,
) -> Response[Problem | TokenResponse]:
    """OAuth2 token endpoint

     Exchange credentials for an ES256 access token (`typ` `at+jwt`, 15 minutes) — RFC 6749 §4.3, §4.4,
    §6.

    - `password`: a user's e-mail as `username` and `password`; returns a refresh token too. At most
      `PASSERELLE_PASSWORD_ATTEMPTS_PER_MINUTE` (10) grants per account and minute, right or wrong (429
    beyond).
    - `refresh_token`: a refresh token, which is rotated; using one twice ends its whole session.
    - `client_credentials`: an institution client's `client_id` and `client_secret`, in the form or with
      HTTP Basic authentication; or, for a client registered with its public keys, `private_key_jwt`
    (RFC 7523):
      `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer` and
    `client_assertion`, a JWT
      signed ES256 by the client (`kid` of a registered key; `iss` = `sub` = client_id; `aud` this
    endpoint's URL;
      `exp` at most 10 minutes ahead; a `jti` used once).

    Args:
        body (BodyIssueToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BodyIssueToken,
) -> Problem | TokenResponse | None:
    """OAuth2 token endpoint

     Exchange credentials for an ES256 access token (`typ` `at+jwt`, 15 minutes) — RFC 6749 §4.3, §4.4,
    §6.

    - `password`: a user's e-mail as `username` and `password`; returns a refresh token too. At most
      `PASSERELLE_PASSWORD_ATTEMPTS_PER_MINUTE` (10) grants per account and minute, right or wrong (429
    beyond).
    - `refresh_token`: a refresh token, which is rotated; using one twice ends its whole session.
    - `client_credentials`: an institution client's `client_id` and `client_secret`, in the form or with
      HTTP Basic authentication; or, for a client registered with its public keys, `private_key_jwt`
    (RFC 7523):
      `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer` and
    `client_assertion`, a JWT
      signed ES256 by the client (`kid` of a registered key; `iss` = `sub` = client_id; `aud` this
    endpoint's URL;
      `exp` at most 10 minutes ahead; a `jti` used once).

    Args:
        body (BodyIssueToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
