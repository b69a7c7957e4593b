"""Dependencies and their `Annotated` aliases: the request session, the caller, pagination."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator, Callable, Coroutine
from dataclasses import dataclass
from typing import Annotated, Any

import structlog
from fastapi import Depends, Path, Query, Request, Response
from fastapi.routing import APIRoute
from fastapi.security import HTTPBearer
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from api.state import AppState
from core.accounts.models import USER_ROLES, Role
from core.accounts.open_accounts import is_open
from core.accounts.service import resolve_external_subject
from core.accounts.tokens import ExternalSubject, Principal
from core.database import transaction
from core.errors import AuthenticationFailed, DomainError

security_log = structlog.get_logger("passerelle.security")


async def get_state(request: Request) -> AppState:
    # async on purpose: FastAPI runs plain `def` dependencies in a thread pool, a needless hop per request.
    state: AppState = request.app.state.passerelle
    return state


StateDep = Annotated[AppState, Depends(get_state)]


@contextlib.asynccontextmanager
async def request_transaction(request: Request) -> AsyncIterator[AsyncSession]:
    """The request's transaction: committed when the block ends normally, or on a domain error that keeps its
    changes (a refused code still counts its attempt); rolled back otherwise."""
    async with request.app.state.passerelle.sessionmaker() as session:
        try:
            yield session
        except DomainError as error:
            if error.keeps_changes:
                await session.commit()
            else:
                await session.rollback()
            raise
        except BaseException:
            await session.rollback()
            raise
        else:
            await session.commit()


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One transaction per request, committed before the response is sent (scope="function")."""
    async with request_transaction(request) as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


async def get_read_session(request: Request) -> AsyncIterator[AsyncSession]:
    """A session for a request that only reads: no transaction to commit, possibly on a replica."""
    async with request.app.state.passerelle.read_sessionmaker() as session:
        yield session


ReadSessionDep = Annotated[AsyncSession, Depends(get_read_session, scope="function")]


def read_sessions(request: Request) -> async_sessionmaker[AsyncSession]:
    """The read-session factory, for services that may answer from a cache without opening a session (called
    directly by the hottest route: one dependency less to solve per request)."""
    sessions: async_sessionmaker[AsyncSession] = request.app.state.passerelle.read_sessionmaker
    return sessions


BEARER_DESCRIPTION = "An access token from `POST /v1/auth/token`."


def _route(request: Request) -> str:
    """The route template (never the raw path: it can hold identifiers and link tokens)."""
    path = getattr(request.scope.get("route"), "path", None)
    return path if isinstance(path, str) else "unmatched"


async def authenticate(request: Request, authorization: str | None) -> Principal:
    """The one door for bearer tokens: every refusal is logged as `authn_token_invalid` with a reason code
    (OWASP Logging Vocabulary), never with the token or the header."""
    state: AppState = request.app.state.passerelle
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token or " " in token.strip():
        reason = "token_missing" if not authorization else "malformed_authorization"
        security_log.warning("authn_token_invalid", reason=reason, route=_route(request))
        raise AuthenticationFailed("Send an access token as `Authorization: Bearer <token>`.")
    try:
        authenticated = await state.tokens.authenticate(token.strip())
        if isinstance(authenticated, ExternalSubject):
            # An external token: find (or create) its local account.
            async with transaction(state.sessionmaker) as session:
                return await resolve_external_subject(session, authenticated)
        # A user's token (an institution's names its client): its account erased or disabled after the token was
        # issued, it is refused now, not when it expires. A read cache answers; the database only on a miss.
        if authenticated.role in USER_ROLES and not await is_open(
            state.read_sessionmaker, state.sessionmaker, authenticated.id
        ):
            raise AuthenticationFailed("The account this token was issued for is closed.", code="account_closed")
    except AuthenticationFailed as error:
        security_log.warning("authn_token_invalid", reason=error.code, route=_route(request))
        raise
    return authenticated


class BearerPrincipal(HTTPBearer):
    """The caller behind a bearer token, admitted only with one of `roles` (any role when none are given).

    One security dependency does it all (each dependency level costs on every request) and still declares the
    HTTP bearer scheme in the OpenAPI document. A token of another kind of principal is not a credential for
    the route at all (RFC 8725 §3.12 keeps token kinds apart), so it is answered 401 like any other unacceptable
    token, with the code `wrong_principal`.
    """

    def __init__(self, *roles: Role) -> None:
        super().__init__(auto_error=False, scheme_name="HTTPBearer", description=BEARER_DESCRIPTION)
        self.roles = roles

    async def __call__(self, request: Request) -> Principal:  # type: ignore[override]
        principal = await authenticate(request, request.headers.get("authorization"))
        request.scope.setdefault("state", {})["principal"] = principal  # for `authz_fail` lines of later refusals
        if principal.role is Role.INSTITUTION:
            # One quota per institution, whichever of its clients and whichever instance serves the call.
            await request.app.state.institution_limiter.hit(str(principal.id))
        if self.roles and principal.role not in self.roles:
            security_log.warning(
                "authz_fail",
                reason="wrong_role",
                user_id=str(principal.id),
                role=principal.role.value,
                required=[r.value for r in self.roles],
                route=_route(request),
            )
            raise AuthenticationFailed(
                f"This operation needs a {' or '.join(r.value for r in self.roles)} token.", code="wrong_principal"
            )
        return principal


PrincipalDep = Annotated[Principal, Depends(BearerPrincipal())]
LEARNER = BearerPrincipal(Role.LEARNER)
CurrentLearner = Annotated[Principal, Depends(LEARNER)]
CurrentAdmin = Annotated[Principal, Depends(BearerPrincipal(Role.ADMIN))]

BEARER_SECURITY: dict[str, Any] = {"security": [{"HTTPBearer": []}]}
"""`openapi_extra` for a route that calls `LEARNER(request)` itself instead of declaring the dependency."""

CredentialID = Annotated[uuid.UUID, Path(description="The credential's id.")]


@dataclass(frozen=True)
class Pagination:
    limit: int
    cursor: str | None


async def get_pagination(
    limit: Annotated[int, Query(ge=1, le=100, description="Items per page (at most 100).")] = 20,
    cursor: Annotated[
        str | None,
        Query(max_length=64, pattern=r"^[A-Za-z0-9_-]+$", description="`next_cursor` of the previous page."),
    ] = None,
) -> Pagination:
    return Pagination(limit=limit, cursor=cursor)


PaginationDep = Annotated[Pagination, Depends(get_pagination)]


class PlainRoute(APIRoute):
    """A route whose endpoint takes only text path parameters and the `Request`, and answers a `Response`: it is
    called with them directly, without FastAPI's parameter solving and validation, which cost the hottest public
    routes (a share's landing and reveal) more than their own work. The OpenAPI document is built from the
    signature as for any route. An endpoint that takes anything else is refused when the route is made.

    In a served application a plain route's requests skip the framework's own layers too (`api.dispatch.PlainLane`):
    `plain_handler` is what the lane calls."""

    plain_handler: Callable[[Request], Coroutine[Any, Any, Response]]

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """The handler (FastAPI asks for it while making the route, once the endpoint's signature is read)."""
        dependant = self.dependant
        extra = (
            dependant.query_params,
            dependant.header_params,
            dependant.cookie_params,
            dependant.body_params,
            dependant.dependencies,
        )
        request_name = dependant.request_param_name
        if any(extra) or request_name is None:
            raise TypeError(f"{self.path}: a plain route's endpoint takes path parameters and the request only")
        if any(param.field_info.annotation is not str for param in dependant.path_params):
            raise TypeError(f"{self.path}: a plain route's path parameters are text")
        endpoint = self.endpoint
        names = tuple(param.name for param in dependant.path_params)

        async def handle(request: Request) -> Response:
            arguments: dict[str, Any] = {name: request.path_params[name] for name in names}
            arguments[request_name] = request
            response: Response = await endpoint(**arguments)
            return response

        self.plain_handler = handle
        return handle
