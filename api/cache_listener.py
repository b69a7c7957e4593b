"""Keeps this instance's read caches coherent with writes made by other instances (PostgreSQL).

A dedicated connection LISTENs on every read cache's channel (`core.readcache`); every committed write to a
cache's tables sends a NOTIFY there. While the connection is down, the caches are disabled, so no instance serves
what it cannot keep fresh.
"""

from __future__ import annotations

import asyncio
from typing import Any

import structlog
from sqlalchemy.ext.asyncio import AsyncEngine

from core import readcache

log = structlog.get_logger("passerelle.cache")
RETRY_SECONDS = 1.0


async def listen(engine: AsyncEngine) -> None:
    """Run until cancelled; reconnects after a lost connection."""
    readcache.set_enabled(False)
    while True:
        try:
            async with engine.connect() as connection:
                raw = await connection.get_raw_connection()
                driver: Any = raw.driver_connection
                lost = asyncio.Event()
                driver.add_termination_listener(lambda _connection, event=lost: event.set())
                for channel in sorted({cache.channel for cache in readcache.caches()}):
                    await driver.add_listener(channel, _on_notification)
                readcache.set_enabled(True)
                log.info("cache_listener_ready")
                await lost.wait()
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - any failure: serve uncached, retry
            log.warning("cache_listener_failed", error=type(exc).__name__)
        finally:
            readcache.set_enabled(False)
        await asyncio.sleep(RETRY_SECONDS)


def _on_notification(_connection: Any, _pid: int, channel: str, _payload: str) -> None:
    """asyncpg listener callback: another instance changed the tables behind `channel`'s caches."""
    readcache.invalidate_channel(channel)
