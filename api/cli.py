"""The `passerelle` command line: serve, migrate, user create, client create, keys rotate."""

from __future__ import annotations

import asyncio
import getpass
from datetime import timedelta
from typing import Annotated

import typer

from core.settings import get_settings

cli = typer.Typer(
    help="Passerelle: learner wallet and recognition service.", no_args_is_help=True, add_completion=False
)
user_cli = typer.Typer(help="Manage user accounts.", no_args_is_help=True)
client_cli = typer.Typer(help="Manage institution clients.", no_args_is_help=True)
keys_cli = typer.Typer(help="Manage the service's signing keys.", no_args_is_help=True)
cli.add_typer(user_cli, name="user")
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
    configure(settings.log_level, json_output=settings.log_json)
    uvicorn.run(
        "api.main:app",
        host=host or settings.host,
        port=port or settings.port,
        workers=workers,
        proxy_headers=False,
        server_header=False,
        access_log=False,
        log_config=None,
    )


@cli.command()
def migrate() -> None:
    """Apply every pending database migration."""
    from core.database import ensure_sqlite_directory, upgrade_to_head

    settings = get_settings()
    if settings.database_url is None:
        ensure_sqlite_directory(settings)
    upgrade_to_head(settings.effective_database_url)
    typer.echo("database migrated to head")


async def _create_user(email: str, password: str | None, display_name: str, role: str) -> str:
    from core.accounts.models import Role
    from core.accounts.service import create_user
    from core.database import create_engine, create_sessionmaker, transaction

    engine = create_engine(get_settings().effective_database_url, pool=False)
    try:
        async with transaction(create_sessionmaker(engine)) as session:
            user = await create_user(
                session, email=email, password=password, display_name=display_name, role=Role(role)
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
        user_id = asyncio.run(_create_user(email, password, display_name or email.split("@")[0], role))
    except DomainError as exc:
        typer.echo(f"error: {exc.detail}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(user_id)


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


def main() -> None:
    cli()
