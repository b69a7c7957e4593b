"""Identifiers: time-ordered UUIDv7 for rows, 256-bit URL-safe secrets for bearer tokens."""

from __future__ import annotations

import hashlib
import os
import secrets
import threading
import time
import uuid


class _RandomPool:
    """Bytes from the OS CSPRNG, read 4 KiB at a time: one system call per ~400 ids instead of one per id (ids are
    made on hot paths, one per logged landing). A forked child starts with an empty pool, never its parent's."""

    SIZE = 4096

    def __init__(self) -> None:
        self._buffer = b""
        self._offset = 0
        self._lock = threading.Lock()  # ids are also made in worker threads: no two callers get the same bytes

    def take(self, count: int) -> bytes:
        with self._lock:
            if self._offset + count > len(self._buffer):
                self._buffer, self._offset = os.urandom(self.SIZE), 0
            taken = self._buffer[self._offset : self._offset + count]
            self._offset += count
            return taken

    def empty(self) -> None:
        # In the forked child, which has only the forking thread: the lock may have been held by another thread.
        self._lock = threading.Lock()
        self._buffer, self._offset = b"", 0


_pool = _RandomPool()
os.register_at_fork(after_in_child=_pool.empty)


def new_id() -> uuid.UUID:
    """A UUIDv7 (RFC 9562 §5.7): sortable by creation time, random (CSPRNG) in the rest."""
    unix_ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(_pool.take(10), "big")
    value = (unix_ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version
    value |= ((rand >> 62) & 0xFFF) << 64  # rand_a, 12 bits
    value |= 0b10 << 62  # variant
    value |= rand & ((1 << 62) - 1)  # rand_b
    return uuid.UUID(int=value)


def new_secret_token() -> str:
    """256 bits from the OS CSPRNG, base64url without padding (ASVS 5.0 11.5.1)."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """SHA-256 hex of a high-entropy token; enough for ≥112-bit secrets (ASVS 5.0 6.5.2)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
