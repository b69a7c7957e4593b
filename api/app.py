"""The application factory and its lifespan."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import structlog
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from api import cache_listener, dispatch, errors
from api.logging import access_log
from api.middleware import BodyGuardMiddleware, Metrics, RequestContextMiddleware
from api.ratelimit import document_institution_limit, install_rate_limits
from api.routers import (
    admin,
    auth,
    cases,
    consents,
    inbox,
    issuing,
    learning,
    lifecycle,
    offers,
    ops,
    recognition,
    share_pages,
    shares,
    skills,
    statistics,
    verification,
    wallet,
    webhooks,
)
from api.state import AppState
from core import passwords
from core.accounts import tombstones
from core.accounts.tokens import TokenService
from core.database import (
    create_engine,
    create_sessionmaker,
    ensure_sqlite_directory,
    migration_head,
    schema_revision,
)
from core.keys import KeyRing
from core.outbox import OutboxDispatcher
from core.settings import Settings, get_settings
from wallet.inbox.reading import ReadingPool, default_processes
from wallet.retention import RetentionLoop
from wallet.status import StatusChecker, StatusPolicy
from wallet.verification.status import DataIntegrityProofs
from wallet.webhooks.delivery import WebhookDispatcher

log = structlog.get_logger("passerelle")

API_DESCRIPTION = """\
Passerelle keeps learners' credentials in a wallet they control and helps recognition officers judge what a
foreign credential is worth. Errors are RFC 9457 problem documents (`application/problem+json`) with a stable
`code`. Authenticate with `Authorization: Bearer <access token>` from `POST /v1/auth/token`.
"""

OPENAPI_TAGS = [
    {"name": "auth", "description": "Sign-up and the OAuth2 token endpoint."},
    {"name": "account", "description": "The signed-in account."},
    {"name": "wallet", "description": "The learner's credentials: import, list, read, download, label, delete."},
    {
        "name": "consents",
        "description": "The learner's consent records (withdrawable) and transaction log (what was received, shared, "
        "revealed, verified and withdrawn; attribute names only).",
    },
    {
        "name": "verification",
        "description": "Check credentials: seven checks, each with evidence, and a signed receipt.",
    },
    {
        "name": "sharing",
        "description": "Share chosen fields of credentials through a link, see who opened it, revoke it.",
    },
    {
        "name": "share pages",
        "description": "What a share's viewer opens: `/s/{token}` pages, or JSON with `Accept: application/json`.",
    },
    {
        "name": "recognition",
        "description": "What a credential is worth here: frameworks and levels through the EQF, credits, grades, "
        "Annex I completeness, the recognition packet, stacking.",
    },
    {
        "name": "recognition requests",
        "description": "The learner's recognition requests to a body: submit, add documents, withdraw, appeal, timeline.",
    },
    {
        "name": "recognition cases",
        "description": "The officers' side: the queue, the case view, the advisor, precedents, decisions, audit trail.",
    },
    {
        "name": "recognition bodies",
        "description": "Recognition bodies: their time limits, target qualifications and signing keys.",
    },
    {
        "name": "inbox",
        "description": "Credentials institutions sent you or you collected from an issuer's OpenID4VCI offer, "
        "waiting for you to accept or decline them.",
    },
    {
        "name": "institutions",
        "description": "Institutions' systems: push credentials (idempotent batches), delivery state, change feed.",
    },
    {
        "name": "webhooks",
        "description": "Institutions' webhook endpoints: the change feed pushed as signed Standard Webhooks, "
        "retries, dead letters.",
    },
    {
        "name": "learning",
        "description": "Self-recorded non-formal and informal learning: entries labelled self-declared or endorsed, "
        "evidence files, endorsement requests.",
    },
    {
        "name": "endorsements",
        "description": "The endorser's side of a one-time endorsement link (JSON): read the entry, endorse it once.",
    },
    {"name": "endorsement pages", "description": "The same endorsement link as an accessible HTML page and form."},
    {
        "name": "offers",
        "description": "The offer catalogue: learning opportunities with their Annex I data, published by institutions "
        "of every kind, searched by anyone.",
    },
    {"name": "admin", "description": "Administration: institution clients, recognition bodies, the trust registry."},
    {"name": "operations", "description": "Health, readiness, metrics and public keys."},
    {
        "name": "statistics",
        "description": "Public uptake statistics (JSON, CSV, SVG): counts only, small cells suppressed.",
    },
]


UNKNOWN_LINK_ANSWERS = {"/s/": share_pages.unknown_link}
"""Under `/s/`, an address no share route takes and a URL refused for its characters answer as an unknown link."""

# Every router, in the order their routes are matched: the first route whose path and method match takes the
# request (the route index, api/dispatch.py, finds the same route without walking them all).
ROUTERS = (
    recognition.compare_router,
    wallet.router,
    consents.router,
    share_pages.plain_router,
    share_pages.router,
    shares.router,
    skills.router,
    auth.router,
    verification.router,
    recognition.router,
    cases.requests_router,
    cases.cases_router,
    cases.bodies_router,
    inbox.inbox_router,
    inbox.institutions_router,
    inbox.admin_router,
    issuing.router,
    issuing.public_router,
    issuing.well_known_router,
    offers.institution_router,
    offers.public_router,
    learning.router,
    learning.endorsements_router,
    learning.endorsement_pages_router,
    lifecycle.router,
    webhooks.router,
    admin.router,
    admin.bodies_router,
    ops.router,
    statistics.router,
)


class SchemaNotMigrated(RuntimeError):
    pass


async def build_state(
    settings: Settings, bind: AsyncEngine | AsyncConnection | None = None, *, metrics: Metrics | None = None
) -> AppState:
    """Open the database, check it is migrated, load the signing keys.

    With `bind` (tests), every session — reads included — uses that engine or connection.
    """
    if settings.database_url is None:
        ensure_sqlite_directory(settings)
    if isinstance(bind, AsyncConnection):
        engine = bind.engine
    else:
        engine = bind or create_engine(settings.effective_database_url)
    if bind is None:
        revision = await schema_revision(engine)
        if revision != migration_head():
            await engine.dispose()
            raise SchemaNotMigrated(
                f"The database schema is at {revision!r} but this code needs {migration_head()!r}; "
                "run `passerelle migrate` first."
            )
    read_engine = create_engine(settings.effective_read_database_url, read_only=True) if bind is None else None
    keyring = KeyRing.open(settings.keys_dir)
    tombstones.configure(settings)
    passwords.warm_up()
    sessionmaker = create_sessionmaker(bind or engine)
    return AppState(
        settings=settings,
        engine=engine,
        sessionmaker=sessionmaker,
        read_sessionmaker=create_sessionmaker(read_engine) if read_engine else sessionmaker,
        read_engine=read_engine,
        keyring=keyring,
        tokens=TokenService(settings, keyring),
        metrics=metrics or Metrics(),
        status_checker=StatusChecker(StatusPolicy.from_settings(settings), proof_verifier=DataIntegrityProofs()),
    )


async def _flush_access_log() -> None:
    while True:
        await asyncio.sleep(access_log.FLUSH_SECONDS)
        access_log.flush()


def _reading_pool(settings: Settings) -> ReadingPool | None:
    """The processes that read large pushed batches, started; none when configured so (or on one core)."""
    processes = default_processes() if settings.reading_processes is None else settings.reading_processes
    if not processes:
        return None
    pool = ReadingPool(processes)
    pool.start()
    return pool


def create_app(settings: Settings | None = None, *, bind: AsyncEngine | AsyncConnection | None = None) -> FastAPI:
    """Build the application. `bind` lets tests run every request inside one outer transaction."""
    settings = settings or get_settings()
    metrics = Metrics()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state = await build_state(settings, bind, metrics=metrics)
        app.state.passerelle = state
        log.info("service_started", database=state.engine.dialect.name, kid=state.keyring.active.kid)
        if bind is None:  # a serving process, not a test's app
            # Everything built at start-up (routes, schemas, mappers) lives as long as the process: move it out of
            # the cyclic collector's way so collections during requests scan only request garbage.
            gc.collect()
            gc.freeze()
            # Requests allocate many short-lived objects; collecting the youngest generation every 700 allocations
            # spends more than it frees. Every 50,000 is still far below any memory concern.
            gc.set_threshold(50_000, 20, 20)
        listener = (
            asyncio.create_task(cache_listener.listen(state.engine))
            if bind is None and state.engine.dialect.name == "postgresql"
            else None
        )
        flusher = asyncio.create_task(_flush_access_log())
        state.outbox = OutboxDispatcher(state.sessionmaker, settings)
        webhook_dispatcher = WebhookDispatcher(state.sessionmaker, settings)
        retention = RetentionLoop(state.sessionmaker, settings)
        if bind is None:  # tests deliver the outbox and the webhooks, and purge, themselves
            state.outbox.start()
            webhook_dispatcher.start()
            retention.start()
            state.reading_pool = _reading_pool(settings)
        try:
            yield
        finally:
            await asyncio.gather(state.outbox.stop(), webhook_dispatcher.stop(), retention.stop())
            await app.state.rate_limits.aclose()
            if state.reading_pool is not None:
                await state.reading_pool.close()
            flusher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await flusher
            access_log.flush()
            if listener is not None:
                listener.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await listener
            if bind is None:
                await state.engine.dispose()
            if state.read_engine is not None:
                await state.read_engine.dispose()

    docs: dict[str, Any] = {} if settings.serve_docs else {"docs_url": None, "redoc_url": None, "openapi_url": None}
    app = FastAPI(
        title="Passerelle",
        version="0.1.0",
        summary="Learner wallet and recognition service",
        description=API_DESCRIPTION,
        openapi_tags=OPENAPI_TAGS,
        lifespan=lifespan,
        telemetry={
            "tracing": settings.opentelemetry,
            "metrics": settings.opentelemetry,
            "logs": settings.opentelemetry,
        },
        **docs,
    )
    errors.install(app)
    install_rate_limits(app, settings)
    document_institution_limit(ROUTERS)
    for router in ROUTERS:
        app.include_router(router)
    # Added last = outermost: the request context wraps the body guard, so 413/422 answers carry a request id.
    app.add_middleware(
        BodyGuardMiddleware,
        json_limit=settings.json_body_limit,
        upload_limit=settings.upload_body_limit,
        upload_paths={wallet.CREDENTIALS_PATH, verification.VERIFY_PATH, lifecycle.IMPORT_PATH},
        upload_patterns=(learning.EVIDENCE_UPLOAD_PATTERN,),
        refused_url_answers=UNKNOWN_LINK_ANSWERS,
    )
    app.add_middleware(RequestContextMiddleware, metrics=metrics)
    # The plain-route lane skips the exception-telemetry middleware: not with telemetry on.
    dispatch.install(app, unmatched=UNKNOWN_LINK_ANSWERS, lane=not settings.opentelemetry)
    return app
