"""The route index: a request's route found by one dictionary lookup and a few pattern tests.

FastAPI (0.165, pinned in the lock files) finds a route by asking each included router in turn; each tests its
routes one by one, and the router that matches tests them again to handle the request. With this application's
29 routers and ~150 routes, `GET /healthz` ran ~140 pattern tests, with FastAPI's scope bookkeeping around each,
and spent about 300 µs before its endpoint ran: more than the whole of a bare FastAPI app's request.

`RouteIndex` takes the router's place in the ASGI chain (`install`). It holds every route of the included routers
in the application's order, grouped by the first two segments of their path when those are literal (a route whose
segment is a parameter is in every group that segment could reach), so the first route in its group that matches
fully is the first that FastAPI's walk would match fully. It hands the request to that route with the scope entries
FastAPI's included router sets (router, form limits, included router, effective route context, endpoint, path
parameters, route), and the route runs as it always does: dependencies, validation, exception handlers.

Everything else goes to FastAPI's own routing, unchanged: no route or only a method mismatch (404, 405), the
trailing-slash redirect, lifespan and websocket scopes, and routes the index does not know (a type it does not
index, nested routers, routes added after it was built; it is rebuilt when the router's route count changes).
Except under a prefix given to `install` in `unmatched`: there, what no route takes fully is answered by that
prefix's own ASGI app (share links: every such address answers as an unknown token does, `api.routers.share_pages`).
`tests/api/test_dispatch.py` checks that every route resolves as FastAPI resolves it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi import routing as fastapi_routing
from fastapi.routing import APIRoute
from fastapi.telemetry._api import _route_selected
from starlette._utils import get_route_path, is_async_callable
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.routing import Match, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from api.deps import PlainRoute

_SCOPE_KEY = fastapi_routing._FASTAPI_SCOPE_KEY
_EFFECTIVE_ROUTE_KEY = fastapi_routing._FASTAPI_EFFECTIVE_ROUTE_CONTEXT_KEY
_INCLUDED_ROUTER_KEY = fastapi_routing._FASTAPI_INCLUDED_ROUTER_KEY
_IncludedRouter = fastapi_routing._IncludedRouter
_EffectiveRouteContext = fastapi_routing._EffectiveRouteContext
_apply_form_limits = fastapi_routing._apply_router_form_limits


@dataclass(frozen=True, slots=True)
class Entry:
    """One route as FastAPI would hand it a request: through its inclusion (`included`, `context`) or directly."""

    route: Route
    included: Any | None
    """The `_IncludedRouter` that holds the route, None for a route added to the application itself."""
    context: Any | None
    """Its `_EffectiveRouteContext` (prefixed path, pattern, methods, handler), None for a direct route."""
    pattern: Any
    methods: frozenset[str]
    convertors: dict[str, Any]
    path_format: str
    endpoint: Any
    first: str | None
    """The path's first segment when it is literal, else None (any first segment may match)."""
    second: str | None


def _literal(segment: str | None) -> str | None:
    return segment if segment is not None and "{" not in segment else None


def _entry(route: Route, included: Any | None, context: Any | None) -> Entry:
    source = context if context is not None else route
    segments = source.path_format.split("/", 3)
    first = _literal(segments[1]) if len(segments) > 1 else None
    second = _literal(segments[2]) if first is not None and len(segments) > 2 else None
    return Entry(
        route=route,
        included=included,
        context=context,
        pattern=source.path_regex,
        methods=frozenset(source.methods or ()),
        convertors=source.param_convertors,
        path_format=source.path_format,
        endpoint=source.endpoint,
        first=first,
        second=second,
    )


def index_entries(routes: list[Any]) -> list[Entry]:
    """The routes, in order, up to the first one the index cannot hand a request to as FastAPI would. Routes
    added to the application itself are taken when they are plain routes (FastAPI's or Starlette's, as the
    documentation pages are), not mounts or hosts."""
    entries: list[Entry] = []
    for route in routes:
        if type(route) in (APIRoute, Route):
            entries.append(_entry(route, None, None))
            continue
        if not isinstance(route, _IncludedRouter):
            break
        included: list[Entry] = []
        for candidate in route.effective_candidates():
            original = getattr(candidate, "original_route", None)
            if not isinstance(candidate, _EffectiveRouteContext) or not isinstance(original, APIRoute):
                return entries
            included.append(_entry(original, route, candidate))
        entries.extend(included)
    return entries


class RouteIndex:
    """In the router's place: the indexed route when one matches fully, else the router's own walk (`fallback`)."""

    def __init__(
        self, router: fastapi_routing.APIRouter, fallback: ASGIApp, unmatched: Mapping[str, ASGIApp] | None = None
    ) -> None:
        self.router = router
        self.fallback = fallback
        self.unmatched = tuple((unmatched or {}).items())
        self._built_for = -1
        self._entries: list[Entry] = []
        self._firsts: frozenset[str] = frozenset()
        self._seconds: frozenset[str] = frozenset()
        self._groups: dict[tuple[str | None, str | None], tuple[Entry, ...]] = {}

    def _build(self) -> None:
        self._entries = index_entries(self.router.routes)
        self._firsts = frozenset(entry.first for entry in self._entries if entry.first is not None)
        self._seconds = frozenset(entry.second for entry in self._entries if entry.second is not None)
        self._groups = {}
        self._built_for = len(self.router.routes)

    def candidates(self, path: str) -> tuple[Entry, ...]:
        """The indexed routes that could match `path`, in the application's order. Groups are keyed by literal
        segments some route has (unknown segments map to None), so there are never more than a few hundred."""
        if self._built_for != len(self.router.routes):
            self._build()
        segments = path.split("/", 3)
        first = segments[1] if len(segments) > 1 and segments[1] in self._firsts else None
        second = segments[2] if len(segments) > 2 and segments[2] in self._seconds else None
        group = self._groups.get((first, second))
        if group is None:
            group = self._groups[(first, second)] = tuple(
                entry
                for entry in self._entries
                if (entry.first is None or entry.first == first) and (entry.second is None or entry.second == second)
            )
        return group

    def resolve(self, scope: Scope) -> tuple[Entry, dict[str, Any]] | None:
        """The first route that matches `scope`'s path and method fully, with its converted path parameters."""
        path = get_route_path(scope)
        method = scope["method"]
        for entry in self.candidates(path):
            found = entry.pattern.match(path)
            if found is None or (entry.methods and method not in entry.methods):
                continue
            parameters = found.groupdict()
            for name, value in parameters.items():
                parameters[name] = entry.convertors[name].convert(value)
            return entry, parameters
        return None

    def _unmatched(self, scope: Scope) -> ASGIApp:
        """What answers a request no indexed route takes: its prefix's app, or FastAPI's own routing."""
        if scope["type"] == "http":
            path = get_route_path(scope)
            for prefix, app in self.unmatched:
                if path.startswith(prefix):
                    return app
        return self.fallback

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        resolved: tuple[Entry, dict[str, Any]] | None
        if scope["type"] != "http":
            resolved = None
        elif _RESOLVED in scope:  # the lane in front resolved it already (`PlainLane`)
            resolved = scope.pop(_RESOLVED)
        else:
            resolved = self.resolve(scope)
        if resolved is None:
            await self._unmatched(scope)(scope, receive, send)
            return
        entry, parameters = resolved
        if self.select(scope, entry, parameters):
            await entry.route.handle(scope, receive, send)
        else:
            await self.fallback(scope, receive, send)

    def select(self, scope: Scope, entry: Entry, parameters: dict[str, Any]) -> bool:
        """Put in the scope what FastAPI's routing puts there on the same match; False if the route does not
        match after all (cannot happen: the pattern and the method matched), for FastAPI's own routing to answer."""
        router = self.router
        # What APIRouter.app, then _IncludedRouter.handle and _handle_selected, put in the scope on the same match.
        scope.setdefault("router", router)
        _apply_form_limits(scope, router.form_limits)
        if entry.included is None:
            match, child_scope = entry.route.matches(scope)
            if match is not Match.FULL:
                return False
            scope.update(child_scope)
        else:
            path_params = dict(scope.get("path_params", {}))
            path_params.update(parameters)
            _apply_form_limits(scope, entry.included.include_context.form_limits)
            fastapi_scope = scope.setdefault(_SCOPE_KEY, {})
            fastapi_scope[_INCLUDED_ROUTER_KEY] = entry.included
            fastapi_scope[_EFFECTIVE_ROUTE_KEY] = entry.context
            scope.update(endpoint=entry.endpoint, path_params=path_params, route=entry.route)
        _route_selected(scope=scope, path=entry.path_format)
        return True


def install(app: FastAPI, *, unmatched: Mapping[str, ASGIApp] | None = None, lane: bool = False) -> RouteIndex:
    """Put a route index in front of `app`'s router (which must have no router-level middleware). A path under a
    prefix in `unmatched` that no route takes (404, 405 or a trailing-slash redirect in FastAPI's routing) is
    answered by the app given for that prefix. With `lane`, plain routes are served through a `PlainLane` in front
    of the middleware stack (built when the application first serves a request, with the middleware and exception
    handlers it then has)."""
    router = app.router
    if router.middleware_stack != router.app:
        raise RuntimeError("the router has its own middleware; the route index would bypass it")
    index = RouteIndex(router, router.app, unmatched)
    router.middleware_stack = index
    if lane:
        build = app.build_middleware_stack

        def build_with_lane() -> ASGIApp:
            return PlainLane(index, build(), app)

        app.build_middleware_stack = build_with_lane  # type: ignore[method-assign]
    return index


Handler = Callable[[Request, Exception], Any]
"""An exception handler of the application (ours are coroutine functions; Starlette also takes plain functions)."""

_RESOLVED = "passerelle.resolved"
"""Scope key: the route index's answer for a request the lane looked at and passed on to the full stack."""


class PlainLane:
    """In front of the whole middleware stack: a request the route index resolves to a plain route
    (`api.deps.PlainRoute`: the share landing and reveal, the level comparison) goes through the application's own
    middleware (request context, body guard) straight to its endpoint; every other request goes to the full stack,
    with the index's answer in the scope so that it is not looked up twice.

    A plain route's request skips the framework's own layers: Starlette's server-error middleware, FastAPI's
    exception-telemetry and body-limit middleware (telemetry off; with it on the lane is not installed), the
    exception middleware, the exit stack, the router and the route's request/response wrapper. Each adds a
    coroutine and a `send` wrapper to every request; together they cost the hottest public routes about as much
    as their own work (bench/README.md, `sharing`). What they do for a plain route is done here: the application's
    exception handlers answer what the endpoint raises (an `HTTPException` by status first, as Starlette looks
    them up), and what none handles reaches the request context's catch-all, the 500 problem it answers on the
    full stack too (the server-error middleware outside it never sees an exception)."""

    def __init__(self, index: RouteIndex, stack: ASGIApp, app: FastAPI) -> None:
        self.index = index
        self.stack = stack
        handlers: dict[Any, Handler] = {}
        for key, handler in app.exception_handlers.items():
            if key not in (500, Exception):  # the server-error middleware's, as Starlette splits them
                handlers[key] = handler
        self.status_handlers = {key: value for key, value in handlers.items() if isinstance(key, int)}
        self.exception_handlers = {key: value for key, value in handlers.items() if not isinstance(key, int)}
        lane: ASGIApp = self._endpoint
        for middleware in reversed(app.user_middleware):
            lane = middleware.cls(lane, *middleware.args, **middleware.kwargs)
        self.lane = lane

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            resolved = self.index.resolve(scope)
            if resolved is not None and isinstance(resolved[0].route, PlainRoute) and resolved[0].included:
                scope[_RESOLVED] = resolved
                await self.lane(scope, receive, send)
                return
            scope[_RESOLVED] = resolved
        await self.stack(scope, receive, send)

    async def _endpoint(self, scope: Scope, receive: Receive, send: Send) -> None:
        entry, parameters = scope.pop(_RESOLVED)
        self.index.select(scope, entry, parameters)  # an included route: always selected
        route: PlainRoute = entry.route
        request = Request(scope, receive, send)
        try:
            response = await route.plain_handler(request)
        except Exception as exc:
            handler = self._handler(exc)
            if handler is None:
                raise
            if is_async_callable(handler):
                response = await handler(request, exc)
            else:
                response = await run_in_threadpool(handler, request, exc)
            exc.__traceback__ = None  # reused exception instances would pile up tracebacks
            if response is None:  # a handler may answer nothing (Starlette then sends nothing either)
                return
        await response(scope, receive, send)

    def _handler(self, exc: Exception) -> Handler | None:
        if isinstance(exc, HTTPException) and exc.status_code in self.status_handlers:
            return self.status_handlers[exc.status_code]
        for kind in type(exc).__mro__:
            if kind in self.exception_handlers:
                return self.exception_handlers[kind]
        return None
