"""Service-held signing keys of the organisations that sign through Passerelle (institutions, recognition bodies).

Each organisation has its own ES256 keyring, kept like the service's keys (`core.keys`) under
`keys/<kind>/<id>/`, made with its first key when the organisation first signs. Its public keys are published as a
JWK Set and entered in the trust registry under the organisation's issuer identifier, so the service's own
verification of what it signed finds the key there (issuer trust from the registry, never from the document).
"""

from __future__ import annotations

import functools
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Literal

import anyio
import anyio.to_thread
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from core.keys import KeyRing, SigningKey
from wallet.verification.models import TrustEntry

Signer = Literal["bodies", "institutions", "holders"]
"""Whose keys: a recognition body's, an institution's, or a learner's holder key (`wallet.oid4vci.holder`)."""
RETIRED_KEYS_KEPT = timedelta(days=3650)
"""A retired key stays published for ten years: what it signed (a micro-credential, a decision) is kept for years,
and a verifier must still find its key. Rotation stops new signatures, not old ones."""


@functools.lru_cache(maxsize=1024)
def _keyring(directory: Path) -> KeyRing:
    return KeyRing.open(directory)


def _directory(keys_dir: Path, kind: Signer, owner: uuid.UUID) -> Path:
    return keys_dir / kind / str(owner)


async def keyring(keys_dir: Path, kind: Signer, owner: uuid.UUID) -> KeyRing:
    """The organisation's keyring, made (with its first key) when it first signs."""
    return await anyio.to_thread.run_sync(_keyring, _directory(keys_dir, kind, owner))


async def published_keys(keys_dir: Path, kind: Signer, owner: uuid.UUID) -> dict[str, list[dict[str, str]]]:
    """The organisation's JWK Set; empty until it first signs (reading it makes no key)."""
    if not await anyio.Path(_directory(keys_dir, kind, owner) / "keyring.json").exists():
        return {"keys": []}
    return (await keyring(keys_dir, kind, owner)).jwks()


async def rotate(keys_dir: Path, kind: Signer, owner: uuid.UUID) -> SigningKey:
    """A new active key; the old one stays published (`RETIRED_KEYS_KEPT`) so what it signed still verifies."""
    ring = await keyring(keys_dir, kind, owner)
    return await anyio.to_thread.run_sync(functools.partial(ring.rotate, keep_retired_for=RETIRED_KEYS_KEPT))


async def register_issuer(session: AsyncSession, label: str, ring: KeyRing, issuer: str) -> None:
    """Keep the trust registry's entry for `issuer` in step with its published keys."""
    keys = ring.jwks()["keys"]
    statement = select(TrustEntry).where(col(TrustEntry.kind) == "issuer", col(TrustEntry.issuer_id) == issuer)
    entry = (await session.execute(statement)).scalar_one_or_none()
    if entry is None:
        session.add(TrustEntry(kind="issuer", label=label, issuer_id=issuer, keys=keys))
    elif entry.keys != keys:
        entry.keys = keys
    await session.flush()
