"""What the running application holds: built in the lifespan, read by dependencies."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from api.middleware import Metrics
from core.accounts.tokens import TokenService
from core.keys import KeyRing
from core.outbox import OutboxDispatcher
from core.settings import Settings
from recognition.catalogue import CatalogueHolder
from wallet.inbox.reading import ReadingPool
from wallet.status import StatusChecker
from wallet.summary.model import Summary


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
    recognition: CatalogueHolder | None = None
    """The frameworks data held in memory; loaded by the recognition router's lifespan (`api.routers.recognition`)."""
    recognition_packet: Callable[[Summary], dict[str, Any]] | None = None
    """The recognition packet of a (released) summary, when recognition data is loaded."""
    outbox: OutboxDispatcher | None = None
    reading_pool: ReadingPool | None = None
    """Worker processes reading large pushed batches; started by the serving lifespan (not in tests' apps)."""
