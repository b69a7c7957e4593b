"""Per-process read caches that every write to the tables they read from empties, in this process and in others.

A `ReadCache` names the tables its entries are read from and a PostgreSQL notification channel. Coherence, in
order of strength:

- Within a process: every UPDATE or DELETE on one of those tables made through a session (a statement, or an
  object changed or deleted and flushed; caught by session events, whatever the code path) bumps the cache's
  generation at once — so a read that started before the write cannot store its now-stale result (`put` with the
  generation read before the query) — and empties the cache again when the transaction commits. A statement that
  changes nothing a cached read shows says so with the execution option `CACHE_NEUTRAL` (the view counters of
  shares: only shares without a view limit are cached, and their pages do not show the count).
- Across PostgreSQL instances: the writing transaction also sends `NOTIFY <channel>`, delivered only if it
  commits; each instance listens (`api.cache_listener`) and empties the cache. While the listener is down the
  caches are disabled.
- As a backstop (another process writing the embedded SQLite file, e.g. `passerelle work`): entries live
  `ttl_seconds` at most.

Inserts do not empty a cache: no cache here stores a miss. A cache may be read and filled from any thread (the
share reveals' writer thread fills one: `wallet.sharing.service.released_items_cache`).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Hashable, Iterable
from typing import Any, Generic, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

CACHE_NEUTRAL = "passerelle_cache_neutral"
"""Execution option: this write changes nothing any read cache holds."""
_WRITTEN = "passerelle_caches_written"


class ReadCache(Generic[K, V]):
    def __init__(
        self, *, tables: Iterable[str], channel: str, ttl_seconds: float = 5.0, max_entries: int = 10_000
    ) -> None:
        self.tables = frozenset(tables)
        self.channel = channel
        self.ttl_seconds = ttl_seconds
        self.max_entries = max_entries
        self.enabled = True
        self.generation = 0
        self._entries: OrderedDict[K, tuple[float, V]] = OrderedDict()
        self._lock = threading.Lock()
        _CACHES.append(self)

    def get(self, key: K) -> V | None:
        if not self.enabled:
            return None
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            stored_at, value = entry
            if time.monotonic() - stored_at > self.ttl_seconds:
                self._entries.pop(key, None)
                return None
            return value

    def put(self, key: K, value: V, *, generation: int) -> None:
        """Store a value read while the cache was at `generation`; dropped if a write happened since."""
        with self._lock:
            if not self.enabled or generation != self.generation:
                return
            self._entries[key] = (time.monotonic(), value)
            if len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def invalidate(self) -> None:
        with self._lock:
            self.generation += 1
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


_CACHES: list[ReadCache[Any, Any]] = []


def caches() -> tuple[ReadCache[Any, Any], ...]:
    return tuple(_CACHES)


def set_enabled(enabled: bool) -> None:
    """Every cache on or off (off while this instance cannot hear other instances' writes), emptied either way."""
    for cache in _CACHES:
        cache.enabled = enabled
        cache.invalidate()


def invalidate_channel(channel: str) -> None:
    """Another instance wrote to the tables of the caches on `channel`."""
    for cache in _CACHES:
        if cache.channel == channel:
            cache.invalidate()


def _written_table(state: ORMExecuteState) -> str | None:
    if not (state.is_update or state.is_delete) or state.execution_options.get(CACHE_NEUTRAL):
        return None
    table = getattr(state.statement, "table", None)
    name = getattr(table, "name", None)
    return name if isinstance(name, str) else None


def _written(session: Session, tables: Iterable[str]) -> None:
    for table in tables:
        for cache in _CACHES:
            if table in cache.tables:
                cache.invalidate()
                session.info.setdefault(_WRITTEN, set()).add(cache.channel)


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state: ORMExecuteState) -> None:
    table = _written_table(state)
    if table is not None:
        _written(state.session, (table,))


@event.listens_for(Session, "after_flush")
def _on_flush(session: Session, _context: Any) -> None:
    """Objects changed or deleted through the unit of work (the session still lists them after the flush)."""
    changed = {getattr(type(instance), "__tablename__", None) for instance in (*session.dirty, *session.deleted)}
    _written(session, (table for table in changed if isinstance(table, str)))


@event.listens_for(Session, "before_commit")
def _notify_other_instances(session: Session) -> None:
    channels = session.info.get(_WRITTEN)
    if channels and session.get_bind().dialect.name == "postgresql":
        for channel in sorted(channels):
            # Transactional: delivered to listeners only if this transaction commits.
            session.connection().exec_driver_sql(f"NOTIFY {channel}")


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    for channel in session.info.pop(_WRITTEN, ()):
        invalidate_channel(channel)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_WRITTEN, None)
