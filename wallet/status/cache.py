"""A bounded, time-limited cache of decoded status lists, keyed by method and URL; "now" from `core.clock`.

How long an entry lives (W3C BSL §2.2 `ttl`; draft-ietf-oauth-status-list, "Expiry and Caching"): the list's own
time to live first (`ttl`; the IETF draft gives it precedence over HTTP caching headers), else `Cache-Control:
max-age`, else a default; never longer than a ceiling, and never past the list's own expiry. `no-store`/`no-cache`
without a `ttl` are honoured by not caching.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, timedelta

from core import clock
from wallet.status.lists import StatusList

_MAX_AGE = re.compile(r"(?:^|,)\s*max-age\s*=\s*\"?(\d+)\"?\s*(?:,|$)", re.IGNORECASE)
_NO_CACHE = re.compile(r"(?:^|,)\s*(?:no-store|no-cache)\s*(?:[,=]|$)", re.IGNORECASE)


@dataclass(frozen=True)
class CachedList:
    value: StatusList
    fetched_at: datetime
    expires_at: datetime


def cache_lifetime(
    *,
    fetched_at: datetime,
    declared_ttl_seconds: float | None,
    cache_control: str | None,
    hard_expiry: datetime | None,
    default_seconds: float,
    max_seconds: float,
) -> datetime:
    """The moment a list fetched at `fetched_at` stops being served from the cache."""
    seconds = default_seconds
    if declared_ttl_seconds is not None:
        seconds = declared_ttl_seconds
    elif cache_control is not None and _NO_CACHE.search(cache_control):
        seconds = 0
    elif cache_control is not None and (match := _MAX_AGE.search(cache_control)):
        seconds = float(match.group(1))
    expires_at = fetched_at + timedelta(seconds=max(0.0, min(seconds, max_seconds)))
    return min(expires_at, hard_expiry) if hard_expiry is not None else expires_at


class StatusListCache:
    """Least-recently-used, at most `max_entries` lists; expired entries are dropped when looked up."""

    def __init__(self, max_entries: int = 256) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be positive")
        self._max_entries = max_entries
        self._entries: OrderedDict[tuple[str, str], CachedList] = OrderedDict()

    def get(self, method: str, url: str) -> CachedList | None:
        key = (method, url)
        entry = self._entries.get(key)
        if entry is None:
            return None
        if clock.utcnow() >= entry.expires_at:
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return entry

    def put(self, method: str, url: str, entry: CachedList) -> None:
        if entry.expires_at <= entry.fetched_at:
            self._entries.pop((method, url), None)
            return
        self._entries[(method, url)] = entry
        self._entries.move_to_end((method, url))
        while len(self._entries) > self._max_entries:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
