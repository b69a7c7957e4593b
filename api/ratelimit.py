"""A per-key fixed-window rate limiter in process memory (the embedded default).

Good for one process; several instances each count on their own. Shared limits through Redis come with the
abuse-limits work.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict

from core.errors import TooManyRequests


class RateLimited(TooManyRequests):
    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after=retry_after)
        self.retry_after = retry_after


class FixedWindowLimiter:
    def __init__(self, limit: int, window_seconds: float, max_keys: int = 100_000) -> None:
        self.limit = limit
        self.window = window_seconds
        self.max_keys = max_keys
        self._counts: OrderedDict[str, tuple[float, int]] = OrderedDict()

    def hit(self, key: str) -> None:
        """Count one request for `key`, or raise `RateLimited` with the seconds until the window resets."""
        now = time.monotonic()
        started, count = self._counts.get(key, (now, 0))
        if now - started >= self.window:
            started, count = now, 0
        if count >= self.limit:
            raise RateLimited(max(1, math.ceil(self.window - (now - started))))
        self._counts[key] = (started, count + 1)
        self._counts.move_to_end(key)
        while len(self._counts) > self.max_keys:
            self._counts.popitem(last=False)
