"""The `passerelle` command line: serve, worker, migrate, user create, client create, keys rotate, verify."""

from __future__ import annotations

import asyncio
import getpass
import json
import sys
import uuid
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from pydantic import ValidationError

from core.accounts.models import DEFAULT_APPEAL_DAYS, DEFAULT_DECISION_DAYS, BodyKind
from core.accounts.schemas import BodyCreate
from core.settings import Settings, get_settings

if TYPE_CHECKING:
    from wallet.verification.context import TrustStore
    from wallet.verification.engine import VerificationResult

cli = typer.Typer(
    help="Passerelle: learner wallet and recognition service.", no_args_is_help=True, add_completion=False
)
user_cli = typer.Typer(help="Manage user accounts.", no_args_is_help=True)
client_cli = typer.Typer(help="Manage institution clients.", no_args_is_help=True)
keys_cli = typer.Typer(help="Manage the service's signing keys.", no_args_is_help=True)
body_cli = typer.Typer(help="Manage recognition bodies.", no_args_is_help=True)
cli.add_typer(user_cli, name="user")
cli.add_typer(body_cli, name="body")
cli.add_typer(client_cli, name="client")
cli.add_typer(keys_cli, name="keys")


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Overrides PASSERELLE_HOST.")] = None,
    port: Annotated[int | None, typer.Option(help="Overrides PASSERELLE_PORT.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="uvicorn worker processes.")] = 1,
) -> None:
    """Serve the API (the database must be migrated: `passerelle migrate`)."""
    import uvicorn

    from api.logging import configure

    settings = get_settings()
    if workers > 1 and settings.effective_database_url.startswith("sqlite"):
        # The credential read cache is per process; with SQLite there is no channel to tell other processes
        # about a write. Scale out on PostgreSQL (docs/scaling.md).
        raise typer.BadParameter(
            "SQLite serves from one process; use PostgreSQL for more workers.", param_hint="--workers"
        )
    configure(settings.log_level, json_output=settings.log_json)
    uvicorn.run(
        "api.main:app",
        host=host or settings.host,
        port=port or settings.port,
        workers=workers,
        # Forwarded headers only from the proxies an operator named; otherwise the TCP peer is the client.
        proxy_headers=bool(settings.trusted_proxies),
        forwarded_allow_ips=settings.trusted_proxies or None,
        server_header=False,
        access_log=False,
        log_config=None,
    )


EXIT_NOT_MIGRATED = 3


async def _work(settings: Settings, interval: float) -> None:
    import signal

    import structlog

    import recognition.cases.models  # noqa: F401 - its tables hold shares: retention must know them
    from core.accounts import tombstones
    from core.database import (
        create_engine,
        create_sessionmaker,
        ensure_sqlite_directory,
        migration_head,
        schema_revision,
    )
    from core.outbox import OutboxDispatcher
    from wallet.retention import RetentionLoop
    from wallet.webhooks.delivery import WebhookDispatcher

    log = structlog.get_logger("passerelle.worker")
    if settings.database_url is None:
        ensure_sqlite_directory(settings)
    engine = create_engine(settings.effective_database_url)
    try:
        revision = await schema_revision(engine)
        if revision != migration_head():
            typer.echo(
                f"error: the database schema is at {revision!r} but this code needs {migration_head()!r}; "
                "run `passerelle migrate` first",
                err=True,
            )
            raise typer.Exit(EXIT_NOT_MIGRATED)
        sessions = create_sessionmaker(engine)
        dispatchers = (
            OutboxDispatcher(sessions, settings, interval=interval),
            WebhookDispatcher(sessions, settings, interval=interval),
            RetentionLoop(sessions, settings),
        )
        tombstones.configure(settings)
        stopping = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signal_number in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signal_number, stopping.set)
        for dispatcher in dispatchers:
            dispatcher.start()
        log.info("worker_started", database=engine.dialect.name)
        try:
            await stopping.wait()
        finally:
            # Rounds in progress finish first; one cut short after the grace period leaves its claimed webhooks to
            # come back after their lease: nothing is lost.
            await asyncio.gather(*(dispatcher.stop() for dispatcher in dispatchers))
            log.info("worker_stopped")
    finally:
        await engine.dispose()


@cli.command()
def worker(
    interval: Annotated[float, typer.Option(min=0.1, help="Seconds between delivery rounds when idle.")] = 5.0,
) -> None:
    """Deliver the outbox (e-mail) and webhooks, and purge what is past its retention period, until SIGTERM or
    Ctrl-C. Several workers may run against PostgreSQL; `serve` also does all of it in-process."""
    from api.logging import configure

    settings = get_settings()
    configure(settings.log_level, json_output=settings.log_json)
    asyncio.run(_work(settings, interval))


@cli.command()
def migrate() -> None:
    """Apply every pending database migration."""
    from core.database import ensure_sqlite_directory, upgrade_to_head

    settings = get_settings()
    if settings.database_url is None:
        ensure_sqlite_directory(settings)
    upgrade_to_head(settings.effective_database_url)
    typer.echo("database migrated to head")


@cli.command()
def seed(
    check: Annotated[
        bool, typer.Option("--check", help="Only report what would change; exit 1 if anything would.")
    ] = False,
) -> None:
    """Load or update the shipped recognition data (frameworks, levels, credit rules); running it again changes
    nothing. Administrators' corrections stay until the shipped row itself changes."""
    from sqlalchemy.exc import SQLAlchemyError

    from core.database import migration_head
    from recognition.seed import seed_database

    settings = get_settings()
    url = settings.effective_database_url
    try:
        if not _database_exists(url) or asyncio.run(_revision(url)) != migration_head():
            typer.echo("error: the database is not migrated; run `passerelle migrate` first", err=True)
            raise typer.Exit(2)
        report = asyncio.run(seed_database(url, apply=not check))
    except (SQLAlchemyError, OSError) as exc:
        typer.echo(f"error: the database cannot be seeded ({type(exc).__name__}: {exc})", err=True)
        raise typer.Exit(2) from exc
    for line in report.lines():
        typer.echo(line)
    if check:
        typer.echo("changes pending" if report.changed else "up to date")
        raise typer.Exit(1 if report.changed else 0)
    typer.echo("recognition data seeded" if report.changed else "recognition data already up to date")


async def _revision(url: str) -> str | None:
    from core.database import create_engine, schema_revision

    engine = create_engine(url, pool=False)
    try:
        return await schema_revision(engine)
    finally:
        await engine.dispose()


async def _create_user(
    email: str, password: str | None, display_name: str, role: str, body_id: uuid.UUID | None = None
) -> str:
    from core.accounts.models import Role
    from core.accounts.service import create_user
    from core.database import create_engine, create_sessionmaker, transaction

    engine = create_engine(get_settings().effective_database_url, pool=False)
    try:
        async with transaction(create_sessionmaker(engine)) as session:
            user = await create_user(
                session, email=email, password=password, display_name=display_name, role=Role(role), body_id=body_id
            )
            return str(user.id)
    finally:
        await engine.dispose()


@user_cli.command("create")
def user_create(
    email: Annotated[str, typer.Option(help="The account's e-mail address.")],
    role: Annotated[str, typer.Option(help="learner, officer or admin.")] = "learner",
    display_name: Annotated[str | None, typer.Option(help="Defaults to the e-mail's local part.")] = None,
    password_stdin: Annotated[bool, typer.Option(help="Read the password from standard input.")] = False,
    body: Annotated[
        uuid.UUID | None, typer.Option(help="For officers: the recognition body they act for (`body create`).")
    ] = None,
) -> None:
    """Create a user account; the password is asked for (or read from stdin), never taken as an argument."""
    from pydantic import TypeAdapter, ValidationError

    from core.accounts.schemas import Password
    from core.errors import DomainError
    from core.text import Email

    if role not in {"learner", "officer", "admin"}:
        raise typer.BadParameter("role must be learner, officer or admin", param_hint="--role")
    password = input() if password_stdin else getpass.getpass("Password (12 characters or more): ")
    try:
        email = TypeAdapter(Email).validate_python(email)
        password = TypeAdapter(Password).validate_python(password)
    except ValidationError as exc:
        raise typer.BadParameter(exc.errors()[0]["msg"]) from exc
    try:
        user_id = asyncio.run(_create_user(email, password, display_name or email.split("@")[0], role, body))
    except DomainError as exc:
        typer.echo(f"error: {exc.detail}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(user_id)


async def _create_body(request: BodyCreate) -> str:
    from core.accounts.service import create_body
    from core.database import create_engine, create_sessionmaker, transaction

    engine = create_engine(get_settings().effective_database_url, pool=False)
    try:
        async with transaction(create_sessionmaker(engine)) as session:
            return str((await create_body(session, request)).id)
    finally:
        await engine.dispose()


@body_cli.command("create")
def body_create(
    name: Annotated[str, typer.Option(help="The body's name, e.g. 'ENIC-NARIC France'.")],
    country: Annotated[str, typer.Option(help="ISO 3166-1 alpha-2 country code.")],
    kind: Annotated[BodyKind, typer.Option(help="What kind of body it is.")] = BodyKind.ENIC_NARIC,
    decision_days: Annotated[int, typer.Option(help="The announced time limit for a decision, in days.")] = (
        DEFAULT_DECISION_DAYS
    ),
    appeal_days: Annotated[int, typer.Option(help="Days a learner has to appeal a decision.")] = DEFAULT_APPEAL_DAYS,
) -> None:
    """Register a recognition body; prints its id (give it to `user create --role officer --body`)."""
    if not (len(country) == 2 and country.isascii() and country.isalpha()):
        raise typer.BadParameter("an ISO 3166-1 alpha-2 code, e.g. FR", param_hint="--country")
    try:
        request = BodyCreate(
            name=name, country=country.upper(), kind=kind, decision_days=decision_days, appeal_days=appeal_days
        )
    except ValidationError as exc:
        raise typer.BadParameter(
            "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        ) from exc
    typer.echo(asyncio.run(_create_body(request)))


async def _create_client(name: str) -> tuple[str, str]:
    from core.accounts.service import create_client
    from core.database import create_engine, create_sessionmaker, transaction

    engine = create_engine(get_settings().effective_database_url, pool=False)
    try:
        async with transaction(create_sessionmaker(engine)) as session:
            client, secret = await create_client(session, name=name, created_by=None)
            return client.client_id, secret
    finally:
        await engine.dispose()


@client_cli.command("create")
def client_create(name: Annotated[str, typer.Option(help="The institution's system, as shown to admins.")]) -> None:
    """Create an institution client; prints its client_id and its secret (shown once)."""
    client_id, secret = asyncio.run(_create_client(name))
    typer.echo(f"client_id={client_id}\nclient_secret={secret}")


@keys_cli.command("rotate")
def keys_rotate(
    revoke: Annotated[
        bool, typer.Option(help="Withdraw the current and every retired key at once (a suspected compromise).")
    ] = False,
) -> None:
    """Start signing with a new key; the old one stays published until its tokens have expired (unless --revoke)."""
    from core.keys import KeyRing

    settings = get_settings()
    ring = KeyRing.open(settings.keys_dir)
    grace = timedelta(minutes=settings.access_token_minutes, seconds=settings.token_leeway_seconds + 60)
    active = ring.rotate(keep_retired_for=timedelta(seconds=-1) if revoke else grace)
    typer.echo(f"active key: {active.kid}")


MEDIA_TYPE_BY_SUFFIX = {
    ".jwt": "application/jwt",
    ".json": "application/json",
    ".jsonld": "application/json",
    ".xml": "application/xml",
}
TRUST_STORE_TIMEOUT_SECONDS = 5.0
EXIT_NO_CHECK_FAILED, EXIT_CHECK_FAILED, EXIT_UNUSABLE_INPUT = 0, 1, 2


def guess_media_type(path: Path, content: bytes) -> str:
    """The media type a file most likely has, from its extension; `.txt` is an SD-JWT when it has disclosures."""
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return "application/dc+sd-jwt" if b"~" in content else "application/jwt"
    # Anything else: the format detector decides by the first significant byte.
    return MEDIA_TYPE_BY_SUFFIX.get(suffix, "application/octet-stream")


def _database_exists(url: str) -> bool:
    """False for a SQLite file that is not there: connecting would create it."""
    from sqlalchemy import make_url

    database = make_url(url).database
    return not url.startswith("sqlite") or bool(database and Path(database).is_file())


async def _load_trust_store(settings: Settings, *, database_exists: bool) -> tuple[TrustStore, str]:
    """The trust registry from the database, or an empty one (and why) when it cannot be read: verifying a file
    needs no database, it only trusts less without one."""
    from sqlalchemy.exc import SQLAlchemyError

    from core.database import create_engine, create_sessionmaker, migration_head, schema_revision
    from wallet.verification.context import TrustStore
    from wallet.verification.service import load_trust_store

    if not database_exists:
        return TrustStore(), "no database (the trust registry is empty)"
    engine = create_engine(settings.effective_database_url, pool=False)
    try:
        async with asyncio.timeout(TRUST_STORE_TIMEOUT_SECONDS):
            if await schema_revision(engine) != migration_head():
                return TrustStore(), "the database is not migrated (the trust registry is empty)"
            async with create_sessionmaker(engine)() as session:
                trust = await load_trust_store(session)
    except (SQLAlchemyError, OSError, TimeoutError, ValueError) as exc:
        return TrustStore(), f"the database cannot be read ({type(exc).__name__}; the trust registry is empty)"
    finally:
        await engine.dispose()
    return trust, f"{len(trust.certificates)} certificates and {len(trust.issuer_keys)} issuers"


async def _verify_file(
    settings: Settings, content: bytes, media_type: str, *, database_exists: bool
) -> tuple[VerificationResult, str]:
    from wallet.status import StatusChecker, StatusPolicy
    from wallet.verification.context import VerificationContext
    from wallet.verification.engine import verify_document
    from wallet.verification.status import DataIntegrityProofs, status_check

    trust, trust_note = await _load_trust_store(settings, database_exists=database_exists)
    context = VerificationContext.from_settings(settings, trust)
    checker = StatusChecker(StatusPolicy.from_settings(settings), proof_verifier=DataIntegrityProofs())
    result = await verify_document(content, media_type, context, status_check=status_check(checker))
    return result, trust_note


def _receipt(settings: Settings, result: VerificationResult, content: bytes) -> str | None:
    """The result signed as `POST /v1/verify` signs it, with the service's active key (so that anyone checks it
    against the service's `/.well-known/jwks.json`); None while the service has no key: verifying a file makes
    none (it writes nothing)."""
    import hashlib

    from core.keys import KEYRING_FILE, KeyRing
    from wallet.verification.service import receipt_claims, receipt_signer

    if not (settings.keys_dir / KEYRING_FILE).exists():
        return None
    claims = receipt_claims(
        result, issuer=settings.effective_token_issuer, sha256=hashlib.sha256(content).hexdigest(), credential_id=None
    )
    return receipt_signer(KeyRing.open(settings.keys_dir))(claims)


def _public(result: VerificationResult, receipt: str | None) -> dict[str, Any]:
    """What `POST /v1/verify` answers (`VerificationPublic`, in English), member for member."""
    from wallet.verification.schemas import VerificationPublic

    public = VerificationPublic.model_validate({**result.as_dict(), "receipt": receipt or ""}).model_dump(mode="json")
    public["receipt"] = receipt
    return public


def _problem(code: str, detail: str, instance: str, status: int | None = None) -> str:
    """An RFC 9457 problem document, as the API would answer it."""
    from http import HTTPStatus

    problem: dict[str, Any] = {"type": f"/problems/{code}", "title": code.replace("_", " ").capitalize()}
    if status is not None:
        problem.update(title=HTTPStatus(status).phrase, status=status)
    problem.update(detail=detail, instance=instance, code=code)
    return json.dumps(problem, ensure_ascii=False)


def _table(result: VerificationResult, trust_note: str) -> str:
    rows = [("CHECK", "OUTCOME", "REASON", "MESSAGE")]
    rows += [(c.name.value, c.outcome.value, c.reason, c.message) for c in result.checks]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    lines = [
        f"format: {result.format}; checked at {result.checked_at.isoformat()}; trust registry: {trust_note}",
        *(f"{n:<{widths[0]}}  {o:<{widths[1]}}  {r:<{widths[2]}}  {m}" for n, o, r, m in rows),
    ]
    return "\n".join(lines)


def _quiet_logs() -> None:
    """Logs go to stderr (warnings only): stdout carries nothing but the result."""
    import logging

    import structlog

    from api.logging import redact_secrets

    structlog.configure(
        processors=[structlog.processors.add_log_level, redact_secrets, structlog.processors.JSONRenderer()],
        wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING),
        logger_factory=structlog.WriteLoggerFactory(file=sys.stderr),
    )


@cli.command()
def verify(
    file: Annotated[Path, typer.Argument(help="The credential document, exactly as issued.")],
    media_type: Annotated[
        str | None,
        typer.Option(
            "--media-type",
            help="The document's media type; guessed from the extension when not given "
            "(.jwt, .json, .jsonld, .xml, .txt for SD-JWT or JWT).",
        ),
    ] = None,
) -> None:
    """Verify a credential file: the result as JSON on stdout, a table on stderr.

    Exit status 0 when no check failed, 1 when a check failed, 2 when the file cannot be read or is not a
    credential. The trust registry is read from the database when it is reachable and migrated.
    """
    from core.errors import DomainError
    from wallet.verification.result import Outcome

    _quiet_logs()
    settings = get_settings()
    try:
        content = file.read_bytes()
    except OSError as exc:
        typer.echo(_problem("file_unreadable", f"{file} cannot be read: {exc.strerror}.", str(file)), err=True)
        raise typer.Exit(EXIT_UNUSABLE_INPUT) from exc
    try:
        verification = _verify_file(
            settings,
            content,
            media_type or guess_media_type(file, content),
            database_exists=_database_exists(settings.effective_database_url),
        )
        result, trust_note = asyncio.run(verification)
    except DomainError as exc:
        from api.errors import status_for

        typer.echo(_problem(exc.code, exc.detail, str(file), status_for(exc)), err=True)
        raise typer.Exit(EXIT_UNUSABLE_INPUT) from exc
    receipt = _receipt(settings, result, content)
    typer.echo(json.dumps(_public(result, receipt), indent=2, ensure_ascii=False))
    typer.echo(_table(result, trust_note), err=True)
    if receipt is None:
        typer.echo("no receipt: the service has no signing key yet (`passerelle serve` makes one)", err=True)
    any_failed = any(check.outcome == Outcome.FAILED for check in result.checks)
    raise typer.Exit(EXIT_CHECK_FAILED if any_failed else EXIT_NO_CHECK_FAILED)


def main() -> None:
    cli()
