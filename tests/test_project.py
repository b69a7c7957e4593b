"""Promises about the project itself: OpenAPI document, migrations, package boundaries."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi.routing import APIRoute
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

import core.accounts.models
import wallet.models  # noqa: F401 - registers its tables
from api.app import create_app
from api.openapi_export import render
from core.database import metadata
from core.settings import Settings
from recognition.offers.models import modelled

ROOT = Path(__file__).resolve().parents[1]


class TestOpenAPI:
    def test_committed_document_matches_the_app(self) -> None:
        committed = (ROOT / "openapi" / "openapi.json").read_text("utf-8")
        assert committed == render(), "openapi/openapi.json is stale: run `make openapi`"

    def test_every_route_is_documented_with_a_stable_operation_id(self) -> None:
        app = create_app(Settings())
        document = app.openapi()
        operation_ids = [op["operationId"] for path in document["paths"].values() for op in path.values()]
        assert len(operation_ids) == len(set(operation_ids))
        routes = list(api_routes(app.routes))
        assert len(routes) > 100  # the walk reaches every included router's routes
        for route in routes:
            if route.methods == {"HEAD"} and "get" in document["paths"].get(route.path, {}):
                continue  # a HEAD twin of a documented GET (the share landing page answers link checkers)
            assert route.include_in_schema, route.path
            assert route.path in document["paths"], route.path
            for method in route.methods or ():
                operation = document["paths"][route.path][method.lower()]
                assert operation["operationId"][0].islower() and "_" not in operation["operationId"]
                assert operation.get("summary") and operation.get("tags"), route.path

    def test_authenticated_operations_document_401_as_a_problem(self) -> None:
        document = json.loads((ROOT / "openapi" / "openapi.json").read_text("utf-8"))
        for path, operations in document["paths"].items():
            for method, operation in operations.items():
                if operation.get("security"):
                    assert "401" in operation["responses"], (method, path)
                    content = operation["responses"]["401"]["content"]
                    assert "application/problem+json" in content, (method, path)


def api_routes(routes: Iterable[Any]) -> Iterator[Any]:
    """Every API route of an app: FastAPI keeps an included router as one entry whose routes it hands out as
    effective route contexts (path, methods, include_in_schema like an `APIRoute`)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif hasattr(route, "effective_route_contexts"):
            yield from route.effective_route_contexts()


def _diff(connection: Connection) -> list[object]:
    opts = {"compare_type": True, "include_object": modelled}
    return list(compare_metadata(MigrationContext.configure(connection, opts=opts), metadata))


class TestMigrations:
    async def test_models_match_the_migrated_schema(self, engine: AsyncEngine) -> None:
        assert core.accounts.models.User.__tablename__ == "users"
        async with engine.connect() as connection:
            differences = await connection.run_sync(_diff)
        assert differences == []

    def test_revisions_are_named_by_date_and_package_has_no_init(self) -> None:
        assert not (ROOT / "alembic" / "__init__.py").exists()
        for path in (ROOT / "alembic" / "versions").glob("*.py"):
            assert path.name[:4].isdigit() and path.name[4] == "_", path.name


ALLOWED_IMPORTS = {
    "core": {"core"},
    "wallet": {"core", "wallet"},
    "recognition": {"core", "wallet", "recognition"},
    "api": {"core", "wallet", "recognition", "api"},
}
WEB_FRAMEWORKS = {"fastapi", "starlette"}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


class TestPackageBoundaries:
    def test_layers_import_one_way_and_only_api_imports_the_web_framework(self) -> None:
        violations = []
        for package, allowed in ALLOWED_IMPORTS.items():
            for path in (ROOT / package).rglob("*.py"):
                imported = _imports(path)
                forbidden = (imported & set(ALLOWED_IMPORTS)) - allowed
                if package != "api":
                    forbidden |= imported & WEB_FRAMEWORKS
                if forbidden:
                    violations.append(f"{path.relative_to(ROOT)} imports {sorted(forbidden)}")
        assert violations == []
