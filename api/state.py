"""What the running application holds: built in the lifespan, read by dependencies."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from api.middleware import Metrics
from core.accounts.tokens import TokenService
from core.keys import KeyRing
from core.settings import Settings
from wallet.status import StatusChecker


@dataclass
class AppState:
    settings: Settings
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    read_sessionmaker: async_sessionmaker[AsyncSession]
    """Sessions for requests that only read: autocommit connections, possibly a replica."""
    keyring: KeyRing
    tokens: TokenService
    metrics: Metrics
    status_checker: StatusChecker
    """One per application: its status-list cache outlives requests."""
    read_engine: AsyncEngine | None = None
