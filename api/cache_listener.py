"""Keeps this instance's credential read cache coherent with writes made by other instances (PostgreSQL).

A dedicated connection LISTENs on `wallet.cache.NOTIFY_CHANNEL`; every committed write to `credentials` sends
a NOTIFY. While the connection is down, the cache is disabled, so no instance serves what it cannot keep fresh.
"""

from __future__ import annotations

import asyncio
from typing import Any

import structlog
from sqlalchemy.ext.asyncio import AsyncEngine

from wallet.cache import NOTIFY_CHANNEL, credential_cache, on_notification

log = structlog.get_logger("passerelle.cache")
RETRY_SECONDS = 1.0


async def listen(engine: AsyncEngine) -> None:
    """Run until cancelled; reconnects after a lost connection."""
    credential_cache.enabled = False
    while True:
        try:
            async with engine.connect() as connection:
                raw = await connection.get_raw_connection()
                driver: Any = raw.driver_connection
                lost = asyncio.Event()
                driver.add_termination_listener(lambda _connection, event=lost: event.set())
                await driver.add_listener(NOTIFY_CHANNEL, on_notification)
                credential_cache.invalidate()
                credential_cache.enabled = True
                log.info("cache_listener_ready")
                await lost.wait()
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - any failure: serve uncached, retry
            log.warning("cache_listener_failed", error=type(exc).__name__)
        finally:
            credential_cache.enabled = False
            credential_cache.invalidate()
        await asyncio.sleep(RETRY_SECONDS)
