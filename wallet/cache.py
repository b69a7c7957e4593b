"""A per-process read-through cache of credential metadata, so the hottest read in the wallet skips the database.

Coherence, in order of strength:

- Within a process: every UPDATE or DELETE on `credentials` made through a session (any code path, caught by a
  session event) bumps a generation counter at once — so a read that started before the write cannot store its
  now-stale row — and empties the cache when the transaction commits.
- Across PostgreSQL instances: the writing transaction also sends `NOTIFY passerelle_credentials`, delivered
  only if it commits; each instance listens and empties its cache (`api.app` runs the listener). While the
  listener is down the cache is disabled.
- As a backstop (e.g. another process writing the embedded SQLite file): entries live `TTL_SECONDS` at most.

Entries are keyed by (owner, credential): a hit can only answer the owner's own request.
"""

from __future__ import annotations

import time
import uuid
from collections import OrderedDict
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session

from wallet.models import Credential

TTL_SECONDS = 5.0
NOTIFY_CHANNEL = "passerelle_credentials"
_WRITTEN = "passerelle_credentials_written"


class CredentialReadCache:
    def __init__(self, max_entries: int = 10_000) -> None:
        self.max_entries = max_entries
        self.enabled = True
        self.generation = 0
        self._entries: OrderedDict[tuple[uuid.UUID, uuid.UUID], tuple[float, Credential]] = OrderedDict()

    def get(self, owner_id: uuid.UUID, credential_id: uuid.UUID) -> Credential | None:
        if not self.enabled:
            return None
        entry = self._entries.get((owner_id, credential_id))
        if entry is None:
            return None
        stored_at, credential = entry
        if time.monotonic() - stored_at > TTL_SECONDS:
            self._entries.pop((owner_id, credential_id), None)
            return None
        return credential

    def put(self, credential: Credential, *, generation: int) -> None:
        """Store a row read while the cache was at `generation`; dropped if a write happened since."""
        if not self.enabled or generation != self.generation:
            return
        # A transient copy: the session's instance would be expired by a later rollback or commit.
        snapshot = Credential(**credential.model_dump())
        self._entries[(credential.owner_id, credential.id)] = (time.monotonic(), snapshot)
        if len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def invalidate(self) -> None:
        self.generation += 1
        self._entries.clear()


credential_cache = CredentialReadCache()


def _touches_credentials(state: ORMExecuteState) -> bool:
    if not (state.is_update or state.is_delete):
        return False
    table = getattr(state.statement, "table", None)
    return getattr(table, "name", None) == Credential.__tablename__


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state: ORMExecuteState) -> None:
    if _touches_credentials(state):
        credential_cache.invalidate()
        state.session.info[_WRITTEN] = True


@event.listens_for(Session, "before_commit")
def _notify_other_instances(session: Session) -> None:
    if session.info.get(_WRITTEN) and session.get_bind().dialect.name == "postgresql":
        # Transactional: delivered to listeners only if this transaction commits.
        session.connection().exec_driver_sql(f"NOTIFY {NOTIFY_CHANNEL}")


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    if session.info.pop(_WRITTEN, False):
        credential_cache.invalidate()


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_WRITTEN, None)


def on_notification(*_: Any) -> None:
    """asyncpg listener callback: another instance changed credentials."""
    credential_cache.invalidate()
