"""The route index hands every request to the route FastAPI's own walk would, with the same scope; plain routes
call their endpoint with the path parameters and the request, and in a served application skip the framework's own
layers (the lane)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from fastapi import APIRouter, FastAPI, Request, Response
from fastapi import routing as fastapi_routing
from starlette.exceptions import HTTPException
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from api import dispatch
from api.app import create_app
from api.deps import PlainRoute
from core.settings import Settings

SAMPLES = {"str": "sample-value", "int": "7", "uuid": str(uuid.UUID(int=7)), "path": "a/b", "float": "1.5"}
"""A value each path convertor accepts, by its name in `{name:convertor}`."""


def _sample_path(path_format: str, convertors: dict[str, Any]) -> str:
    path = path_format
    for name, convertor in convertors.items():
        kind = {"StringConvertor": "str", "IntegerConvertor": "int", "UUIDConvertor": "uuid", "PathConvertor": "path"}
        path = path.replace("{" + name + "}", SAMPLES[kind.get(type(convertor).__name__, "str")])
    return path


def _scope(app: FastAPI, method: str, path: str) -> Scope:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
        "app": app,
    }


class Recorder:
    """Stands in for every route's `handle`: records which route got the request and what the scope held."""

    def __init__(self) -> None:
        self.seen: list[dict[str, Any]] = []

    def patch(self, monkeypatch: pytest.MonkeyPatch) -> None:
        recorder = self

        async def handle(route: Route, scope: Scope, receive: Receive, send: Send) -> None:
            fastapi_scope = scope.get("fastapi", {})
            recorder.seen.append(
                {
                    "route": route,
                    "endpoint": scope.get("endpoint"),
                    "path_params": scope.get("path_params"),
                    "scope_route": scope.get("route"),
                    "router": scope.get("router"),
                    "effective": fastapi_scope.get("effective_route_context"),
                    "included": fastapi_scope.get("included_router"),
                    "form_limits": fastapi_scope.get("form_limits"),
                }
            )

        monkeypatch.setattr(fastapi_routing.APIRoute, "handle", handle)
        monkeypatch.setattr(Route, "handle", handle)

    async def through(self, asgi: Any, scope: Scope) -> dict[str, Any] | None:
        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: Any) -> None:
            return None

        before = len(self.seen)
        await asgi(scope, receive, send)
        return self.seen[-1] if len(self.seen) > before else None


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    return create_app(settings.model_copy(update={"serve_docs": True}))


def _index(app: FastAPI) -> dispatch.RouteIndex:
    index = app.router.middleware_stack
    assert isinstance(index, dispatch.RouteIndex)
    return index


class TestRouteIndex:
    async def test_every_route_resolves_as_fastapi_resolves_it(
        self, app: FastAPI, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        index = _index(app)
        recorder = Recorder()
        recorder.patch(monkeypatch)
        checked = 0
        for entry in index_entries(app):
            for method in sorted(entry.methods):
                path = _sample_path(entry.path_format, entry.convertors)
                assert index.resolve(_scope(app, method, path)) is not None, (method, path)
                ours = await recorder.through(index, _scope(app, method, path))
                theirs = await recorder.through(app.router.app, _scope(app, method, path))
                assert ours is not None and ours == theirs, (method, path)
                checked += 1
        assert checked > 150

    async def test_a_route_added_later_is_found(self, app: FastAPI) -> None:
        index = _index(app)
        assert index.resolve(_scope(app, "GET", "/added-later")) is None

        async def added() -> dict[str, str]:
            return {}

        app.add_api_route("/added-later", added)
        resolved = index.resolve(_scope(app, "GET", "/added-later"))
        assert resolved is not None and resolved[0].route.path == "/added-later"

    @pytest.mark.parametrize(
        ("method", "path"),
        [
            ("PUT", "/healthz"),  # only the method differs: FastAPI answers 405
            ("GET", "/v1/nothing-here"),
            ("GET", "/v1/wallet/credentials/"),  # a trailing slash: FastAPI's redirect decides
            ("GET", "/"),
            ("GET", ""),
        ],
    )
    def test_what_no_route_takes_is_left_to_fastapi(self, app: FastAPI, method: str, path: str) -> None:
        assert _index(app).resolve(_scope(app, method, path)) is None

    def test_groups_stay_few_whatever_the_paths(self, app: FastAPI) -> None:
        index = _index(app)
        for number in range(2000):
            index.resolve(_scope(app, "GET", f"/s/{number}/x"))
            index.resolve(_scope(app, "GET", f"/{number}/{number}"))
        assert len(index._groups) < 100

    def test_a_router_with_middleware_is_refused(self, app: FastAPI) -> None:
        with pytest.raises(RuntimeError):
            dispatch.install(app)  # installed already: the router's stack is no longer its own walk


def index_entries(app: FastAPI) -> list[dispatch.Entry]:
    """Every indexed route; the index must hold all of the application's routes (none left to the slow walk)."""
    entries = dispatch.index_entries(app.router.routes)
    routes = list(fastapi_routing._iter_routes_with_context(app.router.routes))
    assert len(entries) == len(routes)
    return entries


class TestPlainRoute:
    def test_an_endpoint_taking_more_than_text_path_parameters_and_the_request_is_refused(self) -> None:
        async def with_query(token: str, request: Request, page: int = 1) -> Response:
            return Response()

        async def with_number(token: int, request: Request) -> Response:
            return Response()

        async def without_request(token: str) -> Response:
            return Response()

        for endpoint in (with_query, with_number, without_request):
            router = APIRouter(route_class=PlainRoute)
            with pytest.raises(TypeError):
                router.add_api_route("/x/{token}", endpoint)

    async def test_the_endpoint_gets_the_path_parameters_and_the_request(self) -> None:
        router = APIRouter(prefix="/x", route_class=PlainRoute)

        @router.get("/{first}/{second}")
        async def both(first: str, second: str, request: Request) -> Response:
            return Response(f"{first}|{second}|{request.method}".encode(), media_type="text/plain")

        app = FastAPI()
        app.include_router(router)
        dispatch.install(app)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
            answer = await client.get("/x/a%20b/c")
        assert answer.status_code == 200
        assert answer.text == "a b|c|GET"
        parameters = app.openapi()["paths"]["/x/{first}/{second}"]["get"]["parameters"]
        assert [parameter["name"] for parameter in parameters] == ["first", "second"]


class Teapot(Exception):
    """Raised by a test endpoint; the test application answers it with its own handler."""


def lane_app(*, lane: bool = True) -> tuple[FastAPI, list[dict[str, Any]]]:
    """A plain route and an ordinary one behind a middleware of the application's own (it adds a header), with an
    exception handler for `Teapot` and a status handler for 409; what each endpoint saw of the scope is recorded."""
    seen: list[dict[str, Any]] = []
    plain = APIRouter(prefix="/p", route_class=PlainRoute)
    ordinary = APIRouter(prefix="/o")

    def record(request: Request) -> None:
        scope = request.scope
        seen.append(
            {
                "route": scope["route"].path,
                "path_params": scope["path_params"],
                "framework": "starlette.exception_handlers" in scope,
            }
        )

    @plain.get("/{token}")
    async def plain_endpoint(token: str, request: Request) -> Response:
        record(request)
        if token == "teapot":
            raise Teapot()
        if token == "conflict":
            raise HTTPException(409, "taken")
        if token == "broken":
            raise RuntimeError("no handler for this one")
        return Response(f"plain {token}".encode(), media_type="text/plain")

    @ordinary.get("/{token}")
    async def ordinary_endpoint(token: str, request: Request) -> Response:
        record(request)
        return Response(f"ordinary {token}".encode(), media_type="text/plain")

    app = FastAPI()
    app.include_router(plain)
    app.include_router(ordinary)

    async def teapot(request: Request, exc: Exception) -> Response:
        return Response(b"short and stout", status_code=418)

    async def conflict(request: Request, exc: Exception) -> Response:
        return Response(b"conflict handled", status_code=409)

    app.add_exception_handler(Teapot, teapot)
    app.add_exception_handler(409, conflict)

    class Stamp:
        def __init__(self, inner: Any) -> None:
            self.inner = inner

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            async def stamped(message: Any) -> None:
                if message["type"] == "http.response.start":
                    message["headers"] = [*message.get("headers", []), (b"x-stamp", b"1")]
                await send(message)

            await self.inner(scope, receive, stamped)

    app.add_middleware(Stamp)
    dispatch.install(app, lane=lane)
    return app, seen


async def _lane_get(app: FastAPI, path: str) -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        return await client.get(path)


class TestPlainLane:
    async def test_a_plain_route_goes_through_the_applications_middleware_only(self) -> None:
        app, seen = lane_app()
        plain, ordinary = await _lane_get(app, "/p/abc"), await _lane_get(app, "/o/abc")
        assert (plain.status_code, plain.text, plain.headers["x-stamp"]) == (200, "plain abc", "1")
        assert (ordinary.status_code, ordinary.text, ordinary.headers["x-stamp"]) == (200, "ordinary abc", "1")
        # The framework's exception middleware put its handlers in the scope of the ordinary route only.
        assert seen == [
            {"route": "/p/{token}", "path_params": {"token": "abc"}, "framework": False},
            {"route": "/o/{token}", "path_params": {"token": "abc"}, "framework": True},
        ]

    async def test_without_the_lane_a_plain_route_takes_the_full_stack(self) -> None:
        app, seen = lane_app(lane=False)
        assert (await _lane_get(app, "/p/abc")).text == "plain abc"
        assert seen[0]["framework"] is True

    @pytest.mark.parametrize("lane", [True, False])
    async def test_what_the_endpoint_raises_is_answered_by_the_applications_handlers(self, lane: bool) -> None:
        app, _ = lane_app(lane=lane)
        teapot, conflict = await _lane_get(app, "/p/teapot"), await _lane_get(app, "/p/conflict")
        assert (teapot.status_code, teapot.text, teapot.headers["x-stamp"]) == (418, "short and stout", "1")
        assert (conflict.status_code, conflict.text) == (409, "conflict handled")
        with pytest.raises(RuntimeError, match="no handler"):  # nobody handles it: it leaves the application
            await _lane_get(app, "/p/broken")

    async def test_what_no_plain_route_takes_goes_to_the_full_stack_resolved_once(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        app, _ = lane_app()
        index = app.router.middleware_stack
        assert isinstance(index, dispatch.RouteIndex)
        calls: list[str] = []
        resolve = index.resolve

        def counted(scope: Scope) -> Any:
            calls.append(scope["path"])
            return resolve(scope)

        monkeypatch.setattr(index, "resolve", counted)
        assert (await _lane_get(app, "/o/x")).text == "ordinary x"
        assert (await _lane_get(app, "/p/x/more")).status_code == 404
        assert (await _lane_get(app, "/p/x")).text == "plain x"
        assert calls == ["/o/x", "/p/x/more", "/p/x"]
