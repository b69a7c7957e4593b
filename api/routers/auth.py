"""Accounts and the OAuth2 token endpoint."""

from __future__ import annotations

import base64
import binascii
import hashlib
from typing import Annotated, Literal
from urllib.parse import unquote

import structlog
from fastapi import APIRouter, Form, Header, Request, status

from api.deps import PrincipalDep, ReadSessionDep, SessionDep, StateDep
from api.errors import problem_responses
from api.ratelimit import RATE_LIMITED_RESPONSE, Limiter
from core.accounts import assertions, service
from core.accounts.repository import AccountRepository
from core.accounts.schemas import AccountUpdate, SignupRequest, TokenResponse, UserPublic
from core.accounts.service import InvalidClient
from core.clock import utcnow
from core.errors import InvalidInput, NotFound
from core.text import SafeStr

router = APIRouter(prefix="/v1", tags=["auth"])
TOKEN_PATH = "/v1/auth/token"  # noqa: S105 - a path
_CLIENT_KEYS = assertions.JwksCache()
"""Key sets of `private_key_jwt` clients registered by URL, per process."""

FormText = Annotated[SafeStr | None, Form(max_length=4096)]
security_log = structlog.get_logger("passerelle.security")


def _client_refused(detail: str, *, reason: str) -> InvalidClient:
    """Client authentication refused before any client was looked up (the service logs the rest)."""
    security_log.warning("authn_client_fail", reason=reason)
    return InvalidClient(detail)


@router.post(
    "/auth/signup",
    status_code=status.HTTP_201_CREATED,
    response_model=UserPublic,
    operation_id="signUp",
    summary="Create a learner account",
    responses=problem_responses(409, 413, 415, 422),
)
async def sign_up(body: SignupRequest, session: SessionDep) -> UserPublic:
    """Create a learner account with an e-mail address, a password (12 characters or more) and a display name.

    Officer and administrator accounts are created by an administrator (`passerelle user create`).
    """
    user = await service.signup(session, body)
    return UserPublic.model_validate(user, from_attributes=True)


def _basic_client(authorization: str | None) -> tuple[str, str] | None:
    if not authorization or not authorization.lower().startswith("basic "):
        return None
    try:
        decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError) as exc:
        raise _client_refused("The Basic credentials are not valid base64.", reason="malformed_basic") from exc
    client_id, separator, secret = decoded.partition(":")
    if not separator:
        raise _client_refused("The Basic credentials need `client_id:client_secret`.", reason="malformed_basic")
    # RFC 6749 §2.3.1: both parts are form-urlencoded before base64.
    return unquote(client_id), unquote(secret)


@router.post(
    "/auth/token",
    response_model=TokenResponse,
    operation_id="issueToken",
    summary="OAuth2 token endpoint",
    responses={**problem_responses(400, 401, 413, 415, 422), 429: RATE_LIMITED_RESPONSE},
)
async def issue_token(
    request: Request,
    state: StateDep,
    session: SessionDep,
    grant_type: Annotated[Literal["password", "refresh_token", "client_credentials"], Form()],
    username: FormText = None,
    password: FormText = None,
    refresh_token: FormText = None,
    client_id: FormText = None,
    client_secret: FormText = None,
    client_assertion_type: FormText = None,
    client_assertion: Annotated[str | None, Form(max_length=8192)] = None,
    scope: FormText = None,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> TokenResponse:
    """Exchange credentials for an ES256 access token (`typ` `at+jwt`, 15 minutes) — RFC 6749 §4.3, §4.4, §6.

    - `password`: a user's e-mail as `username` and `password`; returns a refresh token too. At most
      `PASSERELLE_PASSWORD_ATTEMPTS_PER_MINUTE` (10) grants per account and minute, right or wrong (429 beyond).
    - `refresh_token`: a refresh token, which is rotated; using one twice ends its whole session.
    - `client_credentials`: an institution client's `client_id` and `client_secret`, in the form or with
      HTTP Basic authentication; or, for a client registered with its public keys, `private_key_jwt` (RFC 7523):
      `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer` and `client_assertion`, a JWT
      signed ES256 by the client (`kid` of a registered key; `iss` = `sub` = client_id; `aud` this endpoint's URL;
      `exp` at most 10 minutes ahead; a `jti` used once).
    """
    tokens = state.tokens
    if grant_type == "password":
        if not username or password is None:
            raise InvalidInput("The password grant needs `username` and `password`.", code="invalid_request")
        # Per account, whichever address asks: a password is guessed at this pace at most. Keyed by a digest, so
        # that no e-mail address is kept in the limiter (or in Redis).
        limiter: Limiter = request.app.state.login_limiter
        await limiter.hit(hashlib.sha256(username.strip().lower().encode("utf-8")).hexdigest())
        issued = await service.password_grant(
            session, tokens, username=username.strip(), password=password, client_id=client_id
        )
    elif grant_type == "refresh_token":
        if not refresh_token:
            raise InvalidInput("The refresh_token grant needs `refresh_token`.", code="invalid_request")
        issued = await service.refresh_grant(session, tokens, refresh_token=refresh_token)
    elif client_assertion is not None or client_assertion_type is not None:
        if client_assertion_type != assertions.ASSERTION_TYPE or not client_assertion:
            raise _client_refused(
                f"A client assertion has the type `{assertions.ASSERTION_TYPE}`.", reason="assertion_type"
            )
        client = await assertions.authenticate(
            session,
            client_assertion,
            client_id=client_id,
            audience=f"{state.settings.public_url.rstrip('/')}{TOKEN_PATH}",
            cache=_CLIENT_KEYS,
            outbound=assertions.Outbound(
                allowed_hosts=state.settings.outbound_allowed_hosts, timeout=state.settings.outbound_timeout_seconds
            ),
        )
        issued = service.client_tokens(tokens, client)
    else:
        basic = _basic_client(authorization)
        identifier, secret = basic if basic else (client_id, client_secret)
        if not identifier or not secret:
            raise _client_refused("The client_credentials grant needs client authentication.", reason="missing")
        issued = await service.client_credentials_grant(session, tokens, client_id=identifier, client_secret=secret)
    return TokenResponse(
        access_token=issued.access_token, expires_in=issued.expires_in, refresh_token=issued.refresh_token
    )


@router.get(
    "/me",
    response_model=UserPublic,
    operation_id="getMe",
    summary="The signed-in account",
    tags=["account"],
    responses=problem_responses(401, 404),
)
async def get_me(principal: PrincipalDep, session: ReadSessionDep) -> UserPublic:
    """The account behind the access token (users only; machine clients have no account page)."""
    user = await AccountRepository(session).user_by_id(principal.id)
    if user is None:
        raise NotFound("This token does not belong to a user account.")
    return UserPublic.model_validate(user, from_attributes=True)


@router.patch(
    "/me",
    response_model=UserPublic,
    operation_id="updateMe",
    summary="Change your display name or language",
    tags=["account"],
    responses=problem_responses(401, 404, 422),
)
async def update_me(body: AccountUpdate, principal: PrincipalDep, session: SessionDep) -> UserPublic:
    """Set the members you send: `display_name`, and `language` (`en`, `fr`, `de`, `pl`, `es`, `it`, `uk`, `ar`),
    the language of your own pages and e-mails. People who open your share links see them in their browser's
    language (`Accept-Language`)."""
    user = await AccountRepository(session).user_by_id(principal.id)
    if user is None:
        raise NotFound("This token does not belong to a user account.")
    for name, value in body.model_dump(exclude_unset=True, exclude_none=True).items():
        setattr(user, name, value)
    user.updated_at = utcnow()
    await session.flush()
    return UserPublic.model_validate(user, from_attributes=True)
