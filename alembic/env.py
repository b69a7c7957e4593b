"""Alembic environment: async engine, every model imported, batch mode on SQLite."""

from __future__ import annotations

import asyncio
from typing import Any, Literal

from sqlalchemy.engine import Connection
from sqlmodel.sql.sqltypes import AutoString

# Every module with tables, imported for what it registers on the metadata.
import core.accounts.models
import core.accounts.tombstones
import core.idempotency
import core.outbox  # noqa: F401
import recognition.cases.models
import recognition.models  # noqa: F401
import wallet.consents.models
import wallet.inbox.models
import wallet.issuing.models
import wallet.learning.models
import wallet.models
import wallet.sharing.models
import wallet.verification.models
import wallet.webhooks.models  # noqa: F401
from alembic import context
from core.database import UTCDateTime, create_engine, metadata
from core.settings import get_settings
from recognition.offers.models import modelled

config = context.config


def _url() -> str:
    configured = config.get_main_option("sqlalchemy.url")
    return configured or get_settings().effective_database_url


def _render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    """Render our portable column types as plain SQLAlchemy types, so migrations import nothing of ours."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    if type_ == "type" and isinstance(obj, AutoString):
        return f"sa.String(length={obj.length})" if obj.length else "sa.String()"
    return False


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        render_item=_render_item,
        include_object=modelled,  # full-text search objects made by hand (migration 0014)
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    context.configure(url=_url(), target_metadata=metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


async def run_online() -> None:
    engine = create_engine(_url(), pool=False, for_migrations=True)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_configure)
            if connection.dialect.name == "sqlite":
                # Foreign keys were off while tables were rebuilt: check nothing was left dangling.
                dangling = (await connection.exec_driver_sql("PRAGMA foreign_key_check")).all()
                if dangling:
                    raise RuntimeError(f"migration left rows with dangling foreign keys: {dangling[:5]}")
            await connection.commit()
    finally:
        await engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    asyncio.run(run_online())
