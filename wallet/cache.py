"""A per-process read-through cache of credential metadata, so the hottest read in the wallet skips the database.

Kept coherent by `core.readcache` (writes to `credentials` empty it, here at once and on other PostgreSQL
instances through `NOTIFY passerelle_credentials`; entries live `TTL_SECONDS` at most).

Entries are keyed by (owner, credential): a hit can only answer the owner's own request.
"""

from __future__ import annotations

import uuid

from core.readcache import ReadCache
from wallet.models import Credential

TTL_SECONDS = 5.0
NOTIFY_CHANNEL = "passerelle_credentials"


class CredentialReadCache(ReadCache[tuple[uuid.UUID, uuid.UUID], Credential]):
    def get_credential(self, owner_id: uuid.UUID, credential_id: uuid.UUID) -> Credential | None:
        return self.get((owner_id, credential_id))

    def put_credential(self, credential: Credential, *, generation: int) -> None:
        """Store a row read while the cache was at `generation`; dropped if a write happened since."""
        if not self.enabled or generation != self.generation:
            return
        # A transient copy: the session's instance would be expired by a later rollback or commit.
        snapshot = Credential(**credential.model_dump())
        self.put((credential.owner_id, credential.id), snapshot, generation=generation)


credential_cache = CredentialReadCache(
    tables={Credential.__tablename__}, channel=NOTIFY_CHANNEL, ttl_seconds=TTL_SECONDS
)
