"""Collecting a credential offer into the learner's inbox: the flow (`client`), then the inbox (`wallet.inbox`).

The network comes first and holds no database connection; only what the issuer issued is written, as pending
inbox items the learner accepts or declines like pushed ones. Services flush, never commit.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from wallet.inbox import service as inbox
from wallet.inbox.models import InboxItem
from wallet.oid4vci import client
from wallet.oid4vci.client import Deferred, Skipped
from wallet.oid4vci.errors import IssuanceRefused
from wallet.oid4vci.holder import HolderKey, holder_key
from wallet.oid4vci.schemas import OfferCollect
from wallet.verification.context import OutboundPolicy, TrustStore, VerificationContext

log = structlog.get_logger("passerelle.oid4vci")


@dataclass(frozen=True)
class Collected:
    """What an offer put in the inbox, what the issuer deferred, and what was not collected."""

    items: list[InboxItem]
    deferred: list[Deferred]
    skipped: list[Skipped]


async def collect(
    session: AsyncSession,
    learner_id: uuid.UUID,
    request: OfferCollect,
    *,
    keys_dir: Path,
    policy: OutboundPolicy,
    context_for: Callable[[TrustStore], VerificationContext],
    http: httpx.AsyncClient | None = None,
) -> Collected:
    """Redeem a credential offer with the learner's holder key and put what the issuer issued in their inbox, each
    credential's signature checked on arrival (`context_for` makes the verification context from the trust
    registry): one that does not hold is not stored and is reported among the skipped, with its reason."""
    held: list[HolderKey] = []

    async def holder() -> HolderKey:
        # Made (or read) at the first proof only: an offer refused before that makes no key.
        if not held:
            held.append(await holder_key(keys_dir, learner_id))
        return held[0]

    collection = await client.collect(request.offer, request.tx_code, holder, policy, http=http)
    delivered = await inbox.deliver_collected(
        session,
        learner_id,
        [(credential.content, credential.media_type) for credential in collection.credentials],
        issuer=collection.issuer,
        issuer_name=collection.issuer_name,
        context_for=context_for,
    )
    items: list[InboxItem] = []
    skipped = list(collection.skipped)
    for credential, outcome in zip(collection.credentials, delivered, strict=True):
        if isinstance(outcome, InboxItem):
            items.append(outcome)
        else:
            detail = f"Passerelle did not accept the credential the issuer issued: {outcome.detail}"
            skipped.append(Skipped(credential.credential_configuration_id, outcome.code, detail))
    if not items and not collection.deferred:
        raise IssuanceRefused(
            "Nothing was collected: " + " ".join(f"{s.credential_configuration_id}: {s.detail}" for s in skipped)
        )
    log.info(
        "credential_offer_collected",
        issuer=collection.issuer,
        items=len(items),
        deferred=len(collection.deferred),
        skipped=len(skipped),
    )
    return Collected(items, list(collection.deferred), skipped)
