"""Erasing a learner (GDPR Art. 17): every row that is theirs or names them goes; a tombstone stays.

`erase_learner` runs in the caller's transaction (the request's): either everything goes or nothing does. Order:

1. the steps of other domains, passed in by the caller (`recognition.cases.erasure.erase_cases`; the wallet does
   not import recognition — `api` wires them);
2. the wallet: shares (with their items, codes and access log), credentials (with their originals, verifications
   and the read cache: a DELETE on `credentials` empties it here and, through NOTIFY, on every PostgreSQL
   instance), learning entries (evidence, endorsement requests, endorsements), inbox items, consent records (the
   transaction log is read from these tables, so nothing of it is left) and the invitations addressed to them,
   idempotency records they made, queued or sent e-mail to them or naming them;
3. records kept by others are stripped of the learner: an institution's hosted-issuing record keeps its status-list
   entry (so revocation still works) but loses the recipient's name, e-mail and id;
4. the account itself (what is left — refresh tokens, external identities — goes with it by cascade);
5. the tombstone: keyed hashes of the id and the e-mail address (`core.accounts.tombstones`).

The learner must re-authenticate with their password (`ReauthenticationFailed`); an account without one (known only
through an external identity provider) is erased on its access token alone.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

import structlog
from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from core.accounts import tombstones
from core.accounts.models import Role, User
from core.errors import NotFound, PermissionDenied
from core.idempotency import IdempotencyRecord
from core.outbox import OutboxMail
from core.passwords import verify_password
from wallet.consents.models import Consent
from wallet.inbox.models import InboxItem, Invitation
from wallet.issuing.models import IssuedCredential
from wallet.learning.models import LearningEntry
from wallet.models import Credential
from wallet.sharing.models import Share

log = structlog.get_logger("passerelle.erasure")

MIN_NAME_MATCH = 4
"""Queued e-mail is deleted when it mentions the learner's display name only if the name is at least this long
(a two-letter name would match unrelated mail)."""


class ReauthenticationFailed(PermissionDenied):
    code = "reauthentication_failed"
    default_detail = "Erasing your account needs your current password."


@dataclass(frozen=True)
class ErasedLearner:
    """Who is being erased, for the steps of other domains (held only for the length of the transaction)."""

    id: uuid.UUID
    email: str | None
    display_name: str


ErasureStep = Callable[[AsyncSession, ErasedLearner], Awaitable[None]]
"""A domain's part of an erasure: delete or strip what it holds of the learner, in the caller's transaction."""


@dataclass
class ErasureReport:
    """Counts only (logged); `credential_ids` lets the caller drop what it cached in memory."""

    credential_ids: list[uuid.UUID] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _count(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


async def erase_learner(
    session: AsyncSession, learner_id: uuid.UUID, *, password: str | None, steps: Sequence[ErasureStep] = ()
) -> ErasureReport:
    """Erase the learner's account and everything in it, leaving a tombstone; flushes, never commits."""
    user = await session.get(User, learner_id)
    if user is None or user.role != Role.LEARNER:
        raise NotFound("This token does not belong to a learner account.", code="account_not_found")
    if user.password_hash is not None and not await verify_password(user.password_hash, password or ""):
        raise ReauthenticationFailed()
    learner = ErasedLearner(user.id, user.email, user.display_name)
    report = ErasureReport()
    for step in steps:
        await step(session, learner)

    counts = report.counts
    counts["shares"] = _count(await session.execute(delete(Share).where(col(Share.owner_id) == learner.id)))
    credential_ids = select(col(Credential.id)).where(col(Credential.owner_id) == learner.id)
    report.credential_ids = list((await session.execute(credential_ids)).scalars())
    # A statement on `credentials` itself (not a cascade from `users`): the read cache sees it (wallet.cache).
    counts["credentials"] = _count(
        await session.execute(delete(Credential).where(col(Credential.owner_id) == learner.id))
    )
    counts["learning_entries"] = _count(
        await session.execute(delete(LearningEntry).where(col(LearningEntry.owner_id) == learner.id))
    )
    counts["inbox_items"] = _count(
        await session.execute(delete(InboxItem).where(col(InboxItem.recipient_id) == learner.id))
    )
    # After everything that points at them (shares, cases, inbox items).
    counts["consents"] = _count(await session.execute(delete(Consent).where(col(Consent.learner_id) == learner.id)))
    addressed = [col(Invitation.claimed_by) == learner.id]
    if learner.email:
        addressed.append(func.lower(col(Invitation.email)) == learner.email.lower())
    # Their invitations go with the credentials still waiting on them (ON DELETE CASCADE).
    counts["invitations"] = _count(await session.execute(delete(Invitation).where(or_(*addressed))))
    counts["idempotency_records"] = _count(
        await session.execute(delete(IdempotencyRecord).where(col(IdempotencyRecord.principal_id) == learner.id))
    )
    counts["idempotency_records"] += await _delete_mentioning_records(session, learner)
    counts["mail"] = await _delete_mail(session, learner)
    counts["issued_credentials_stripped"] = await _strip_issued(session, learner)

    await session.execute(delete(User).where(col(User.id) == learner.id))
    session.add_all(tombstones.tombstones_for(learner.id, learner.email))
    await session.flush()
    session.expunge_all()  # nothing of the learner stays in the identity map
    log.info("learner_erased", **counts)  # counts only: no identifier of the erased learner
    return report


def _needles(learner: ErasedLearner) -> list[str]:
    needles = [str(learner.id), learner.id.hex]
    if learner.email:
        needles.append(learner.email)
    if len(learner.display_name.strip()) >= MIN_NAME_MATCH:
        needles.append(learner.display_name.strip())
    return needles


async def _delete_mail(session: AsyncSession, learner: ErasedLearner) -> int:
    """Mail to the learner, and mail to others that names them (an endorsement request carries their name)."""
    conditions = []
    if learner.email:
        conditions.append(func.lower(col(OutboxMail.recipient)) == learner.email.lower())
    for needle in _needles(learner):
        conditions.append(col(OutboxMail.subject).contains(needle, autoescape=True))
        conditions.append(col(OutboxMail.body).contains(needle, autoescape=True))
    return _count(await session.execute(delete(OutboxMail).where(or_(*conditions))))


async def _delete_mentioning_records(session: AsyncSession, learner: ErasedLearner) -> int:
    """Other principals' idempotency records whose stored answer names the learner (an institution's hosted-issuing
    answer echoes the recipient). A replay of such a key then runs again, and is caught by the tombstone."""
    body = col(IdempotencyRecord.response_body)
    # SQLAlchemy offers no LIKE on binary columns: SQLite's instr() finds bytes in a BLOB; PostgreSQL's bytea LIKE
    # does it there (backslash is its default LIKE escape).
    postgresql = session.get_bind().dialect.name == "postgresql"
    conditions = [
        body.bool_op("LIKE")(b"%" + _escaped(needle) + b"%") if postgresql else func.instr(body, needle.encode()) > 0
        for needle in _needles(learner)
    ]
    return _count(await session.execute(delete(IdempotencyRecord).where(or_(*conditions))))


def _escaped(needle: str) -> bytes:
    """A LIKE pattern for bytes matching `needle` literally (`autoescape` takes strings only)."""
    raw = needle.encode("utf-8")
    return raw.replace(b"\\", b"\\\\").replace(b"%", b"\\%").replace(b"_", b"\\_")


async def _strip_issued(session: AsyncSession, learner: ErasedLearner) -> int:
    """Hosted-issuing records addressed to the learner keep their status-list entry, lose whom they named."""
    recipient = col(IssuedCredential.recipient)
    conditions = [recipient["learner_id"].as_string() == str(learner.id)]
    if learner.email:
        conditions.append(func.lower(recipient["email"].as_string()) == learner.email.lower())
    rows = (await session.execute(select(IssuedCredential).where(or_(*conditions)))).scalars().all()
    for row in rows:
        kept = {key: row.recipient[key] for key in ("awarded_on",) if key in row.recipient}
        await session.execute(
            update(IssuedCredential)
            .where(col(IssuedCredential.id) == row.id)
            .values(recipient={**kept, "name": "", "erased": True})
        )
    return len(rows)
