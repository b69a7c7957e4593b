"""Schema fuzzing (issue 10): schemathesis generates requests for every operation of the published OpenAPI
document — valid ones and ones that break the schema — and sends them with a learner's, an officer's and an
institution's token, and with none.

Four checks on every response:

- `not_a_server_error`: no 5xx;
- `response_schema_conformance`: the body matches the documented schema of its status code;
- `negative_data_rejection`: a request that breaks the schema is never answered 2xx;
- `ignored_auth`: an operation that declares security answers a 2xx only to a valid token (re-sent without one and
  with a wrong one, it is refused).

The app runs with its own engine on its own database (SQLite file, or a PostgreSQL database of its own next to the
suite's), seeded through the API with the principals and objects of `tests.api.principals`; positive requests use
the real ids of those objects in their paths a third of the time, so operations are reached past their 404.
Generation is derandomised (the same cases on every run) and bounded: `PASSERELLE_SCHEMATHESIS_EXAMPLES` examples
per operation, mode and role (default 8, i.e. about 2,200 requests per role over 140 operations; 3 on the
PostgreSQL pass). A longer hunt:
`PASSERELLE_SCHEMATHESIS_EXAMPLES=200 .venv/bin/pytest tests/api/test_schemathesis.py`.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import secrets
import threading
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import Case, Response
from schemathesis.checks import CheckContext, CheckFunction, not_a_server_error
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation import GenerationMode
from schemathesis.python import asgi
from schemathesis.specs.openapi.checks import (
    ignored_auth,
    negative_data_rejection,
    response_schema_conformance,
)
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import create_async_engine

from api.app import create_app
from core.accounts.models import Role
from core.database import create_engine, upgrade_to_head
from core.settings import Settings
from recognition.seed import seed_database
from tests.api.principals import WEBHOOK_HOST, World, seed_world
from tests.factories import create_staff

# The full profile (over 2,000 cases per role) on the SQLite pass; the PostgreSQL pass runs a lighter one, for the
# errors only that database raises, so the whole `make test` stays within its 20 minutes.
EXAMPLES = int(
    os.environ.get("PASSERELLE_SCHEMATHESIS_EXAMPLES", "3" if os.environ.get("PASSERELLE_TEST_DATABASE") else "8")
)
CASES_PER_ROLE = 2_000
ROLES = ("learner", "officer", "institution", "nobody")


def invalid_data_rejected(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """`negative_data_rejection`, with 413 counted as a rejection: an invalid body over the JSON limit is refused by
    the body guard before anything reads it (schemathesis' list of rejecting statuses leaves 413 out)."""
    if response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE:
        return None
    return negative_data_rejection(ctx, response, case)


CHECKS: list[CheckFunction] = [
    not_a_server_error,
    response_schema_conformance,
    invalid_data_rejected,
    ignored_auth,
]
SKIPPED = {
    # Ends the learner's account (and every later request of the run with their token): covered by tests/api/
    # test_erasure.py; its body needs the password, which no generated case knows, so nothing is lost.
    ("DELETE", "/v1/me"),
}

T = TypeVar("T")


def _run(coroutine: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run `coroutine` to completion on an event loop of its own, in a thread of its own (the test session's loop
    and schemathesis' loop are left alone)."""
    result: list[T] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            result.append(asyncio.run(coroutine()))
        except BaseException as error:  # noqa: BLE001 - re-raised in the calling thread
            errors.append(error)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    return result[0]


@dataclass
class Target:
    app: Any
    schema: Any
    world: World
    path_ids: dict[str, dict[str, str]] = field(default_factory=dict)


@contextlib.contextmanager
def _database(tmp_path: Path) -> Iterator[str]:
    """A database of the fuzzing's own: a SQLite file, or a PostgreSQL database next to the suite's."""
    admin_url = os.environ.get("PASSERELLE_TEST_DATABASE")
    if not admin_url:
        yield f"sqlite+aiosqlite:///{tmp_path / 'fuzz.db'}"
        return
    name = f"passerelle_fuzz_{secrets.token_hex(4)}"

    async def execute(statement: str) -> None:
        engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
        try:
            async with engine.connect() as connection:
                await connection.execute(text(statement))
        finally:
            await engine.dispose()

    _run(lambda: execute(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        _run(lambda: execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _seed(app_settings: Settings) -> World:
    await seed_database(str(app_settings.database_url))
    app = create_app(app_settings)
    engine = create_engine(str(app_settings.database_url))
    try:
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client,
            engine.connect() as connection,
        ):
            admin = await create_staff(client, connection, email="admin@example.org", role=Role.ADMIN)
            world = await seed_world(client, connection, admin=admin)
            await connection.commit()
            return world
    finally:
        await engine.dispose()


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    tmp_path = tmp_path_factory.mktemp("schemathesis")
    with _database(tmp_path) as url:
        upgrade_to_head(url)
        app_settings = Settings(
            environment="test",
            database_url=url,
            data_dir=tmp_path / "data",
            public_url="http://testserver",
            log_json=True,
            smtp_host=None,
            outbound_allowed_hosts=[WEBHOOK_HOST],
            # Quotas are tested in tests/api/test_limits.py; here they would only turn cases into 429s.
            anonymous_verifications_per_minute=1_000_000,
            share_requests_per_minute=1_000_000,
            credential_offers_per_minute=1_000_000,
        )
        world = _run(functools.partial(_seed, app_settings))
        app = create_app(app_settings)
        schema = schemathesis.openapi.from_dict(app.openapi())
        schema.app = app
        learner_ids = {**world.learner.ids, "token": world.learner.ids["share_token"]}
        institution_ids = {**world.institution.ids}
        yield Target(
            app=app,
            schema=schema,
            world=world,
            path_ids={
                "learner": learner_ids,
                "officer": {"case_id": world.learner.ids["case_id"], "body_id": world.officer.body_id},
                "institution": institution_ids,
                "nobody": {**learner_ids, **institution_ids, "body_id": world.officer.body_id},
            },
        )
        asgi.shutdown_lifespans()


def _removes_the_token(case: Any) -> bool:
    """Whether a negative case is negative because it drops the `Authorization` header — which the run sends anyway
    for a role with a token, so the request as sent is not the invalid one."""
    data = getattr(getattr(case.meta, "phase", None), "data", None)
    return any(
        mutation.parameter_location == ParameterLocation.HEADER
        and "authorization" in {str(mutation.parameter).lower(), str(mutation.original_value).lower()}
        for mutation in getattr(data, "mutations", ())
    )


def _strategy(operation: Any, ids: dict[str, str], *, with_token: bool) -> st.SearchStrategy[Any]:
    """Valid and invalid cases; a third of them valid with the real ids of the seeded objects in the path."""
    positive = operation.as_strategy(generation_mode=GenerationMode.POSITIVE)
    negative = operation.as_strategy(generation_mode=GenerationMode.NEGATIVE)
    if with_token:
        negative = negative.filter(lambda case: not _removes_the_token(case))
    names = [p.name for p in operation.path_parameters] if operation.path_parameters else []
    known = {name: ids[name] for name in names if name in ids}
    if not known:
        return st.one_of(positive, negative)
    anchored = operation.as_strategy(generation_mode=GenerationMode.POSITIVE, path_parameters=known)
    return st.one_of(positive, anchored, negative)


@pytest.mark.parametrize("role", ROLES)
def test_every_operation_with_every_role(target: Target, role: str) -> None:
    token = target.world.tokens().get(role)
    headers = {"Authorization": f"Bearer {token}"} if token else None
    failures: list[str] = []
    sent = 0
    operations = 0
    for result in target.schema.get_all_operations():
        operation = result.ok()
        if (operation.method.upper(), operation.path) in SKIPPED:
            continue
        operations += 1

        @settings(
            max_examples=EXAMPLES * 2,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=_strategy(operation, target.path_ids[role], with_token=token is not None))
        def run(case: Any) -> None:
            nonlocal sent
            sent += 1
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            run()
        except Exception as error:  # noqa: BLE001 - every operation's failure is collected, then all are reported
            failures.append(f"{operation.method.upper()} {operation.path}:\n{error}")
    assert operations >= 130
    assert failures == [], "\n\n".join(failures)
    assert sent >= CASES_PER_ROLE * EXAMPLES // 8
