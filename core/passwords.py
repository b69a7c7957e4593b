"""Password hashing with Argon2id (argon2-cffi), off the event loop."""

from __future__ import annotations

from functools import lru_cache

import anyio.to_thread
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()  # Argon2id, RFC 9106 "second recommended" parameters


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher.hash("passerelle-dummy-password-for-unknown-accounts")


async def hash_password(password: str) -> str:
    return await anyio.to_thread.run_sync(_hasher.hash, password)


def _verify(stored_hash: str | None, password: str) -> bool:
    # An unknown account still costs one full Argon2 verification, so timing does not reveal which e-mail
    # addresses have accounts.
    try:
        return _hasher.verify(stored_hash or _dummy_hash(), password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


async def verify_password(stored_hash: str | None, password: str) -> bool:
    return await anyio.to_thread.run_sync(_verify, stored_hash, password)


def warm_up() -> None:
    """Compute the dummy hash at start-up rather than on the first unknown-account login."""
    _dummy_hash()
