"""Pure ASGI middleware: request context (id, access log, metrics, security headers) and the body guard."""

from __future__ import annotations

import random
import re
import time
from collections.abc import Iterable, Mapping
from typing import Any

import structlog
from prometheus_client import CollectorRegistry, Counter, Histogram
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import problem_response, public_instance
from api.logging import access_log
from core import i18n, jsonstrict
from core.errors import InvalidInput

error_log = structlog.get_logger("passerelle.errors")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,128}$")
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_DEFAULT_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
)
_CSP = (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'")
_LINK_PREFIXES = ("/s/", "/endorse/")
_LINK_EXTRA = ((b"x-robots-tag", b"noindex, nofollow"), (b"x-frame-options", b"DENY"))
"""What every answer under a link that holds a token (share and endorsement links) carries besides the defaults,
whatever made it: their pages set these themselves; a 413 or a strict-JSON 422 from the guards in front does not."""


class Metrics:
    """Request counters and latencies; label children are cached, the hot path does one dict lookup each."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "passerelle_http_requests", "HTTP requests answered", ["method", "route", "status"], registry=self.registry
        )
        self.duration = Histogram(
            "passerelle_http_request_duration_seconds",
            "Time to answer HTTP requests",
            ["method", "route"],
            registry=self.registry,
            buckets=(0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
        )
        self._counters: dict[tuple[str, str, int], Any] = {}
        self._histograms: dict[tuple[str, str], Any] = {}

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        counter = self._counters.get((method, route, status))
        if counter is None:
            counter = self._counters[(method, route, status)] = self.requests.labels(method, route, str(status))
        histogram = self._histograms.get((method, route))
        if histogram is None:
            histogram = self._histograms[(method, route)] = self.duration.labels(method, route)
        counter.inc()
        histogram.observe(seconds)


def _header(scope: Scope, name: bytes) -> str:
    """The first value of the request header `name` (lower case), or ""."""
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return ""


def _route_template(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "unmatched"


class RequestContextMiddleware:
    """Request id, structured access log, Prometheus metrics and the headers every response carries."""

    def __init__(self, app: ASGIApp, *, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        offered = _header(scope, b"x-request-id")
        # Request ids correlate log lines; they are not secrets, so a fast non-cryptographic source will do.
        request_id = offered if offered and _REQUEST_ID.match(offered) else f"{random.getrandbits(64):016x}"
        scope.setdefault("state", {})["request_id"] = request_id
        # The request id is the only value bound to the log context, and binding it replaces the last request's
        # (under uvicorn each request's task starts from the server's context, where nothing is bound anyway).
        structlog.contextvars.bind_contextvars(request_id=request_id)
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status, response_started = message["status"], True
                raw: list[tuple[bytes, bytes]] = list(message.get("headers", []))
                present = {name.lower() for name, _ in raw}
                raw.append((b"x-request-id", request_id.encode("latin-1")))
                raw.extend(header for header in _DEFAULT_HEADERS if header[0] not in present)
                if scope["path"].startswith(_LINK_PREFIXES):
                    raw.extend(header for header in _LINK_EXTRA if header[0] not in present)
                if b"content-security-policy" not in present and not scope["path"].startswith(("/docs", "/redoc")):
                    raw.append(_CSP)
                message["headers"] = raw
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:  # noqa: BLE001 - the last resort: log the trace, answer a bare problem
            error_log.error("unhandled_exception", route=_route_template(scope), exc_info=exc)
            if not response_started:
                response = problem_response(
                    status=500,
                    code="internal_error",
                    detail="An unexpected error occurred; it has been logged.",
                    instance=public_instance(scope["path"]),
                    request_id=request_id,
                    language=_language(scope),
                )
                await response(scope, receive, send_with_headers)
        finally:
            elapsed = time.perf_counter() - started
            route = _route_template(scope)
            method = scope["method"]
            self.metrics.observe(method, route, status, elapsed)
            # The route template, never the raw path: raw paths can carry share tokens and identifiers.
            access_log.write(
                request_id=request_id, method=method, route=route, status=status, duration_ms=round(elapsed * 1000, 2)
            )


def _language(scope: Scope) -> str:
    """The caller's language for a problem answered here, before any route runs (as `api.errors` does after)."""
    return i18n.negotiate(Headers(scope=scope).get("accept-language"))


def _is_json(content_type: str) -> bool:
    essence = content_type.split(";", 1)[0].strip().lower()
    return essence == "application/json" or essence.endswith("+json")


class BodyGuardMiddleware:
    """Caps request bodies (413), refuses JSON a strict parser would not take and URLs with U+0000 (422), before
    any route runs.

    Routes listed in `upload_paths` (exact paths) or matched by one of `upload_patterns` (paths with identifiers in
    them, matched whole) get the upload limit and parse their documents themselves (the credential store keeps
    exact bytes); every other route gets the JSON limit and strict JSON. A URL with U+0000 under a prefix in
    `refused_url_answers` is answered by that prefix's app instead of the 422 (share links answer it as an unknown
    token: a malformed token must not be told apart from an unknown one).
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        json_limit: int,
        upload_limit: int,
        upload_paths: Iterable[str],
        upload_patterns: Iterable[re.Pattern[str]] = (),
        refused_url_answers: Mapping[str, ASGIApp] | None = None,
    ) -> None:
        self.app = app
        self.refused_url_answers = tuple((refused_url_answers or {}).items())
        self.json_limit = json_limit
        self.upload_limit = upload_limit
        self.upload_paths = frozenset(upload_paths)
        self.upload_patterns = tuple(upload_patterns)

    def _is_upload(self, path: str) -> bool:
        return path in self.upload_paths or any(pattern.fullmatch(path) for pattern in self.upload_patterns)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query: bytes = scope.get("query_string", b"")
        if "\x00" in scope["path"] or b"%00" in query or b"\x00" in query:
            for prefix, answer in self.refused_url_answers:
                if scope["path"].startswith(prefix):
                    await answer(scope, receive, send)
                    return
            response = problem_response(
                status=422,
                code="invalid_characters",
                instance=public_instance(scope["path"]),
                detail="The URL must not contain U+0000.",
                request_id=scope.get("state", {}).get("request_id"),
                language=_language(scope),
            )
            await response(scope, receive, send)
            return
        if scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        is_upload = self._is_upload(scope["path"])
        limit = self.upload_limit if is_upload else self.json_limit
        headers = Headers(scope=scope)
        declared = headers.get("content-length")
        if declared is not None and not _length_within(declared, limit):
            await self._too_large(scope, receive, send, limit)
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body.extend(message.get("body", b""))
            more = message.get("more_body", False)
            if len(body) > limit:
                await self._too_large(scope, receive, send, limit)
                return
        if body and not is_upload and _is_json(headers.get("content-type", "")):
            try:
                jsonstrict.loads(bytes(body))
            except InvalidInput as exc:
                response = problem_response(
                    status=422,
                    code=exc.code,
                    detail=exc.detail,
                    instance=public_instance(scope["path"]),
                    request_id=scope.get("state", {}).get("request_id"),
                    language=_language(scope),
                )
                await response(scope, receive, send)
                return
        await self.app(scope, _replay(bytes(body), receive), send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        response = problem_response(
            status=413,
            code="content_too_large",
            detail=f"The request body is larger than {limit} bytes.",
            instance=public_instance(scope["path"]),
            request_id=scope.get("state", {}).get("request_id"),
            headers={"Connection": "close"},
            language=_language(scope),
        )
        await response(scope, receive, send)


def _length_within(declared: str, limit: int) -> bool:
    """A Content-Length of ASCII digits (RFC 9110 §8.6) no larger than `limit`. `str.isdigit` alone takes "²" (in
    Latin-1, so in a header) and `int()` refuses more than 4,300 digits: both would escape as exceptions."""
    return declared.isascii() and declared.isdigit() and len(declared) <= 20 and int(declared) <= limit


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
