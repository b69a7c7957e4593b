"""Dependencies and their `Annotated` aliases: the request session, the caller, pagination."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Coroutine
from dataclasses import dataclass
from typing import Annotated, Any

import structlog
from fastapi import Depends, Path, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncSession

from api.state import AppState
from core.accounts.models import Role
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


async def get_session(state: StateDep) -> AsyncIterator[AsyncSession]:
    """One transaction per request, committed before the response is sent (scope="function")."""
    async with state.sessionmaker() as session:
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


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


async def get_read_session(state: StateDep) -> AsyncIterator[AsyncSession]:
    """A session for a request that only reads: no transaction to commit, possibly on a replica."""
    async with state.read_sessionmaker() as session:
        yield session


ReadSessionDep = Annotated[AsyncSession, Depends(get_read_session, scope="function")]

bearer = HTTPBearer(auto_error=False, description="An access token from `POST /v1/auth/token`.")


async def get_principal(
    state: StateDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise AuthenticationFailed("Send an access token as `Authorization: Bearer <token>`.")
    try:
        authenticated = await state.tokens.authenticate(credentials.credentials)
    except AuthenticationFailed as error:
        security_log.warning("authn_token_invalid", reason=error.code)
        raise
    if isinstance(authenticated, ExternalSubject):
        # Only external tokens touch the database here (to find or create the local account).
        async with transaction(state.sessionmaker) as session:
            return await resolve_external_subject(session, authenticated)
    return authenticated


PrincipalDep = Annotated[Principal, Depends(get_principal)]


def require_roles(*roles: Role) -> Callable[[Principal], Coroutine[Any, Any, Principal]]:
    """A dependency admitting only callers with one of `roles`.

    A token of another kind of principal is not a credential for this route at all (RFC 8725 §3.12 keeps token
    kinds apart), so it is answered 401 like any other unacceptable token, with the code `wrong_principal`.
    """

    async def check(principal: PrincipalDep) -> Principal:
        if principal.role not in roles:
            security_log.warning("authz_fail", role=principal.role.value, required=[r.value for r in roles])
            raise AuthenticationFailed(
                f"This operation needs a {' or '.join(r.value for r in roles)} token.", code="wrong_principal"
            )
        return principal

    check.roles = roles  # type: ignore[attr-defined]  # read by the route-inventory test
    return check


CurrentLearner = Annotated[Principal, Depends(require_roles(Role.LEARNER))]
CurrentAdmin = Annotated[Principal, Depends(require_roles(Role.ADMIN))]

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
