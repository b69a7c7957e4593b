"""RFC 9457 problem responses: one table from domain errors to HTTP, and the handlers that use it.

Every error the service answers — domain errors, validation errors, unknown routes, wrong methods, oversized
bodies and unhandled exceptions — is `application/problem+json` with `type`, `title`, `status`, `detail`,
`instance` and a stable `code`. Unhandled exceptions are logged with their trace and answered without one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from api.i18n import language_headers, problem_title, request_language
from core import errors
from core.jsonstrict import dumps_compact

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "/problems/"

log = structlog.get_logger("passerelle.errors")

STATUS_BY_ERROR: tuple[tuple[type[errors.DomainError], int], ...] = (
    # Most specific first: the first matching class wins.
    (errors.InvalidGrant, 400),
    (errors.BadRequest, 400),
    (errors.AuthenticationFailed, 401),
    (errors.PermissionDenied, 403),
    (errors.NotFound, 404),
    (errors.Conflict, 409),
    (errors.Gone, 410),
    (errors.PreconditionFailed, 412),
    (errors.ContentTooLarge, 413),
    (errors.UnsupportedMediaType, 415),
    (errors.InvalidInput, 422),
    (errors.PreconditionRequired, 428),
    (errors.TooManyRequests, 429),
    (errors.ServiceUnavailable, 503),
)

CODE_BY_STATUS = {
    400: "bad_request",
    401: "authentication_failed",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    410: "gone",
    412: "precondition_failed",
    413: "content_too_large",
    415: "unsupported_media_type",
    422: "invalid_input",
    428: "precondition_required",
    429: "too_many_requests",
    500: "internal_error",
    503: "service_unavailable",
}


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = Field(description="A URI reference naming the problem type; `/problems/{code}`.")
    title: str
    status: int
    detail: str
    instance: str = Field(description="The request path that failed.")
    code: str = Field(description="Stable machine-readable reason; clients switch on this.")
    request_id: str | None = None
    errors: list[dict[str, Any]] | None = Field(default=None, description="Field errors for 422 answers.")


_TOKEN_IN_PATH = re.compile(r"^(/v1/endorsements/|/endorse/|/s/)[^/]+")


def public_instance(path: str) -> str:
    """The request path for a problem's `instance`, with a link token in it replaced by `{token}`."""
    return _TOKEN_IN_PATH.sub(r"\1{token}", path)


def status_for(error: errors.DomainError) -> int:
    for error_type, status in STATUS_BY_ERROR:
        if isinstance(error, error_type):
            return status
    return 400


def problem_response(
    *,
    status: int,
    code: str,
    detail: str,
    instance: str,
    request_id: str | None = None,
    extra: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    language: str | None = None,
) -> Response:
    """A problem answer. With `language` (negotiated from `Accept-Language`), the `title` is in that language and
    the answer says so (`Content-Language`, `Vary`); `code` never changes, and `detail` stays English."""
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + code,
        "title": HTTPStatus(status).phrase if language is None else problem_title(status, language),
        "status": status,
        "detail": detail,
        "instance": instance,
        "code": code,
    }
    if request_id:
        body["request_id"] = request_id
    if extra:
        body.update({k: v for k, v in extra.items() if k not in body})
    response_headers = dict(headers or {})
    if language is not None:
        language_headers(response_headers, language)
    return Response(dumps_compact(body), status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=response_headers)


def _request_id(request: Request) -> str | None:
    value = request.scope.get("state", {}).get("request_id")
    return value if isinstance(value, str) else None


security_log = structlog.get_logger("passerelle.security")


REFUSAL_EVENTS = {"too_many_requests": "excess_rate_limit_exceeded", "share_not_found": "malicious_excess_404"}
"""Refusals logged as security events (OWASP Logging Vocabulary): every 429, and every share-link miss (a guessed,
mistyped or spent link: enumeration shows as a run of them)."""


def log_refusal(request: Request, error: errors.DomainError) -> None:
    """The security event of a refusal in `REFUSAL_EVENTS`: the route template (never the path: a share path holds
    the link token), the caller's /24 or /48 network, and the user when one is known."""
    event = REFUSAL_EVENTS.get(error.code)
    if event is None:
        return
    from wallet.sharing.service import network_of

    principal = request.scope.get("state", {}).get("principal")
    security_log.warning(
        event,
        reason=error.code,
        route=getattr(request.scope.get("route"), "path", "unmatched"),
        method=request.method,
        network=network_of(request.client.host if request.client else None),
        user_id=str(principal.id) if principal is not None else None,
    )


async def handle_domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, errors.DomainError)
    if isinstance(exc, errors.PermissionDenied):
        # Authenticated, and the role or object does not allow it: wherever the domain refused, one event here.
        principal = request.scope.get("state", {}).get("principal")
        security_log.warning(
            "authz_fail",
            reason=exc.code,
            user_id=str(principal.id) if principal is not None else None,
            role=principal.role.value if principal is not None else None,
            route=getattr(request.scope.get("route"), "path", "unmatched"),
            method=request.method,
        )
    if request.url.path.startswith("/s/"):
        # Share pages answer their own way: no path (it holds the link token), privacy headers on every answer.
        from api.routers.share_pages import error_response

        return error_response(request, exc)  # which logs the refusal
    log_refusal(request, exc)
    status = status_for(exc)
    headers: dict[str, str] = {}
    extra = dict(exc.extra)
    if status == 401:
        headers["WWW-Authenticate"] = (
            f'Bearer error="{"invalid_token" if exc.code != "authentication_failed" else "invalid_request"}"'
        )
    if isinstance(exc, errors.AuthenticationFailed) and request.url.path == "/v1/auth/token":
        # RFC 6749 §5.2: token-endpoint errors carry `error` (and we add the problem members around it).
        extra.setdefault("error", exc.code if exc.code in {"invalid_grant", "invalid_client"} else "invalid_grant")
        extra.setdefault("error_description", exc.detail)
        headers.pop("WWW-Authenticate", None)
        if exc.code == "invalid_client":
            headers["WWW-Authenticate"] = 'Basic realm="passerelle"'
    if status == 503:
        headers["Retry-After"] = "5"
    if status == 429:
        headers["Retry-After"] = str(exc.extra.get("retry_after", 60))
    return problem_response(
        status=status,
        code=exc.code,
        detail=exc.detail,
        instance=public_instance(request.url.path),
        request_id=_request_id(request),
        language=request_language(request),
        extra=extra,
        headers=headers,
    )


def _jsonable(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return str(value)


_BODY_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _is_json_or_form(content_type: str) -> bool:
    essence = content_type.split(";", 1)[0].strip().lower()
    return essence == "application/json" or essence.endswith("+json") or essence in _BODY_TYPES


async def handle_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    content_type = request.headers.get("content-type", "")
    body_errors = any(tuple(error.get("loc", ()))[:1] == ("body",) for error in exc.errors())
    if body_errors and content_type and not _is_json_or_form(content_type):
        return problem_response(
            status=415,
            code="unsupported_media_type",
            instance=public_instance(request.url.path),
            request_id=_request_id(request),
            language=request_language(request),
            detail=f"This operation does not take {content_type.split(';', 1)[0]}; see the API description.",
        )
    field_errors = [
        {
            "location": [_jsonable(part) for part in error.get("loc", ())],
            "message": error.get("msg", ""),
            "type": error.get("type", ""),
        }
        for error in exc.errors()
    ]
    return problem_response(
        status=422,
        code="invalid_input",
        detail="The request does not match the documented schema.",
        instance=public_instance(request.url.path),
        request_id=_request_id(request),
        language=request_language(request),
        extra={"errors": field_errors},
    )


async def handle_http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    code = CODE_BY_STATUS.get(status, "http_error")
    detail = (
        exc.detail
        if isinstance(exc.detail, str) and exc.detail != HTTPStatus(status).phrase
        else {
            404: "There is nothing at this address.",
            405: f"{request.method} is not allowed on this resource.",
        }.get(status, HTTPStatus(status).description)
    )
    return problem_response(
        status=status,
        code=code,
        detail=str(detail),
        instance=public_instance(request.url.path),
        request_id=_request_id(request),
        language=request_language(request),
        headers=exc.headers,
    )


async def handle_database_error(request: Request, exc: Exception) -> Response:
    # Locked SQLite files and lost PostgreSQL connections are transient: tell the client to retry.
    log.warning("database_unavailable", error=type(exc).__name__)
    return problem_response(
        status=503,
        code="service_unavailable",
        detail="The database is busy or unreachable; retry.",
        instance=public_instance(request.url.path),
        request_id=_request_id(request),
        language=request_language(request),
        headers={"Retry-After": "2"},
    )


TRANSIENT_SQLSTATES = ("08", "57P01", "57P02", "57P03")
"""SQLSTATE prefixes after which the same request may succeed (PostgreSQL Appendix A): class 08, connection
exception; 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or in recovery).
asyncpg's errors reach us as SQLAlchemy's generic `DBAPIError`, not as `OperationalError`."""


def is_transient_database_error(exc: DBAPIError) -> bool:
    """A lost or refused database connection (retry), as opposed to a query the database refused (a bug)."""
    if exc.connection_invalidated:
        return True
    sqlstate = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    return isinstance(sqlstate, str) and sqlstate.startswith(TRANSIENT_SQLSTATES)


def is_missing_reference(exc: DBAPIError) -> bool:
    """A write that refers to a row deleted meanwhile (a foreign key violation): e.g. an erased learner's access
    token, still valid for a few minutes, used to upload; or an object deleted by a concurrent request."""
    sqlstate = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    return sqlstate == "23503" or "FOREIGN KEY constraint failed" in str(exc.orig)


async def handle_driver_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DBAPIError)
    if is_transient_database_error(exc):
        return await handle_database_error(request, exc)
    if is_missing_reference(exc):
        log.warning("missing_reference", route=getattr(request.scope.get("route"), "path", "unmatched"))
        return problem_response(
            status=409,
            code="reference_gone",
            detail="Something this request refers to no longer exists (it was deleted meanwhile); nothing was changed.",
            instance=public_instance(request.url.path),
            request_id=_request_id(request),
            language=request_language(request),
        )
    raise exc  # anything else is a bug: on to `handle_unexpected` (500), as if this handler were not here


async def handle_unexpected(request: Request, exc: Exception) -> Response:
    log.error("unhandled_exception", route=getattr(request.scope.get("route"), "path", "unmatched"), exc_info=exc)
    return problem_response(
        status=500,
        code="internal_error",
        detail="An unexpected error occurred; it has been logged.",
        instance=public_instance(request.url.path),
        request_id=_request_id(request),
        language=request_language(request),
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(errors.DomainError, handle_domain_error)
    app.add_exception_handler(RequestValidationError, handle_validation_error)
    app.add_exception_handler(StarletteHTTPException, handle_http_exception)
    app.add_exception_handler(OperationalError, handle_database_error)
    app.add_exception_handler(InterfaceError, handle_database_error)
    app.add_exception_handler(DBAPIError, handle_driver_error)
    app.add_exception_handler(ConnectionError, handle_database_error)
    app.add_exception_handler(Exception, handle_unexpected)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries documenting each error status as a problem body."""
    return {
        status: {
            "model": Problem,
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in statuses
    }
