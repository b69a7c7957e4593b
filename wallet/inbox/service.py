"""Pushing credentials to learners, and the learner's inbox.

Institution side: `push_batch` (up to 1,000 credentials per call; each lands in a learner's inbox, or waits on an
invitation for an e-mail address with no account), `delivery`, `events_page`. Learner side: `deliver_collected`
(what the learner collected from a credential issuer with OpenID4VCI, `wallet.oid4vci`), `list_inbox`, `get_item`,
`accept` (the credential enters the wallet), `decline`, `claim` (an invitation's token moves its credentials into
the learner's inbox). Institution-side queries filter by the institution: collected items, which have none, are
never theirs. Services flush, never commit.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

import structlog
from sqlalchemy import and_, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from core import i18n
from core.accounts import tombstones
from core.accounts.models import Institution, Role, User
from core.accounts.service import mail_language
from core.clock import utcnow
from core.errors import Conflict, Gone, InvalidInput, NotFound
from core.i18n import N_
from core.ids import new_id, new_secret_token, token_digest
from core.outbox import enqueue_mail, mail_text
from wallet.consents import service as consents
from wallet.consents.errors import FeedConsentWithdrawn
from wallet.errors import DuplicateCredential
from wallet.inbox.models import SOURCE_OPENID4VCI, InboxItem, InstitutionEvent, Invitation
from wallet.inbox.reading import Read, ReadingPool, verified, verified_in_order
from wallet.inbox.schemas import BatchItem, BatchItemResult, BatchPush, BatchResult, ItemProblem
from wallet.service import decode_cursor, encode_cursor, import_credential
from wallet.verification.context import KeyDocuments, TrustStore, VerificationContext
from wallet.verification.service import load_trust_store
from wallet.webhooks import service as webhooks

log = structlog.get_logger("passerelle.inbox")

MAX_PAGE = 100
PENDING = "pending"
ERASED_LEARNER = uuid.UUID(int=0)
"""Stands for a learner who erased their account (`core.accounts.tombstones`): their items are rejected."""
LEARNER_ERASED = ItemProblem(
    code="learner_erased", detail="This learner erased their account; nothing can be delivered to it."
)
FEED_WITHDRAWN = ItemProblem(code=FeedConsentWithdrawn.code, detail=FeedConsentWithdrawn.default_detail)


class InboxItemNotFound(NotFound):
    code = "inbox_item_not_found"
    default_detail = "There is no such item in your inbox."


class DeliveryNotFound(NotFound):
    code = "delivery_not_found"
    default_detail = "This institution pushed no such credential."


class ItemDecided(Conflict):
    code = "already_decided"


class InvitationInvalid(Gone):
    code = "invitation_invalid"
    default_detail = "This invitation does not exist, has expired or was already claimed."


def _digest(item: BatchItem) -> str:
    return hashlib.sha256(item.credential.encode("utf-8")).hexdigest()


def _event(institution_id: uuid.UUID, kind: str, item: InboxItem | None, **data: Any) -> InstitutionEvent:
    return InstitutionEvent(
        institution_id=institution_id, type=kind, item_id=item.id if item else None, data=data, at=utcnow()
    )


async def _number(session: AsyncSession, events: Sequence[InstitutionEvent]) -> list[int]:
    """The next numbers of each event's institution feed, in the order of `events`. The UPDATE locks the
    institution's row until the transaction ends, so a concurrent transaction numbers its events only after this one
    committed (or rolled back): numbers follow commit order, and a rolled-back transaction's numbers are taken
    again."""
    by_institution: dict[uuid.UUID, list[int]] = {}
    for position, event in enumerate(events):
        by_institution.setdefault(event.institution_id, []).append(position)
    numbers = [0] * len(events)
    for institution_id in sorted(by_institution):  # one order of locks for every transaction
        mine = by_institution[institution_id]
        taken = await session.execute(
            update(Institution)
            .where(col(Institution.id) == institution_id)
            .values(event_seq=col(Institution.event_seq) + len(mine))
            .returning(col(Institution.event_seq))
            .execution_options(synchronize_session=False)
        )
        last = int(taken.scalar_one())
        for offset, position in enumerate(mine):
            numbers[position] = last - len(mine) + 1 + offset
    return numbers


async def _record(session: AsyncSession, *events: InstitutionEvent) -> None:
    """Add events to the change feed and queue their webhooks, in the caller's transaction: every event goes
    through here, so none is announced without being recorded, nor recorded without being announced. The rows are
    written with one bulk INSERT (a pushed batch has up to 1,000), before the deliveries that refer to them."""
    if not events:
        return
    numbers = await _number(session, events)
    rows = [
        {
            "id": e.id,
            "institution_id": e.institution_id,
            "seq": seq,
            "type": e.type,
            "item_id": e.item_id,
            "data": e.data,
            "at": e.at,
        }
        for e, seq in zip(events, numbers, strict=True)
    ]
    await session.execute(insert(InstitutionEvent), rows)
    await webhooks.enqueue_many(session, events)


async def _invitation(
    session: AsyncSession,
    institution: Institution,
    email: str,
    *,
    invitation_days: int,
    public_url: str,
    now: datetime,
    sender_language: str | None = None,
) -> Invitation:
    """The institution's open invitation for this address, or a new one mailed to it."""
    statement = select(Invitation).where(
        col(Invitation.institution_id) == institution.id,
        col(Invitation.email) == email,
        col(Invitation.claimed_at).is_(None),
        col(Invitation.expires_at) > now,
    )
    found = (await session.execute(statement)).scalars().first()
    if found is not None:
        return found
    token = new_secret_token()
    invitation = Invitation(
        institution_id=institution.id,
        email=email,
        token_digest=token_digest(token),
        expires_at=now + timedelta(days=invitation_days),
    )
    session.add(invitation)
    await session.flush()
    # The address has no learner account: its owner's language if it has another account, else the one the
    # institution asked for (its request's `Accept-Language`), else English.
    language = await mail_language(session, email, sender_language=sender_language)
    institution_name = institution.name
    await enqueue_mail(
        session,
        recipient=email,
        language=language,
        subject=i18n.translate(language, N_("%(institution)s has sent you a credential"), institution=institution_name),
        body=mail_text(
            i18n.translate(
                language,
                N_("%(institution)s has sent you a credential through Passerelle."),
                institution=institution_name,
            )
            + "\n"
            + i18n.translate(
                language,
                N_("Create an account (or sign in) at %(site)s and claim it with this code, valid until %(date)s:"),
                site=public_url.rstrip("/"),
                date=i18n.format_day(invitation.expires_at, language),
            ),
            token,
            i18n.translate(language, N_("Nothing is added to a wallet until you accept it.")),
        ),
    )
    return invitation


async def _learners(session: AsyncSession, items: Sequence[BatchItem]) -> dict[Any, uuid.UUID]:
    """The active learners a batch names, by id and by e-mail address."""
    # Each learner once: a batch often carries many credentials for the same learners.
    ids = list({i.recipient.learner_id for i in items if i.recipient.learner_id})
    emails = list({i.recipient.email for i in items if i.recipient.email})
    learners: dict[Any, uuid.UUID] = {}
    if ids or emails:
        statement = select(col(User.id), col(User.email)).where(
            col(User.role) == Role.LEARNER,
            col(User.disabled_at).is_(None),
            or_(col(User.id).in_(ids), col(User.email).in_(emails)),
        )
        for user_id, email in (await session.execute(statement)).all():
            learners[user_id] = user_id
            if email:
                learners[email] = user_id
        # An erased learner's tombstone (an account made again later with the same address is a new one, and wins).
        erased = await tombstones.erased(
            session, [i for i in ids if i not in learners], [e for e in emails if e not in learners]
        )
        learners.update(dict.fromkeys(erased, ERASED_LEARNER))
    return learners


async def _held(session: AsyncSession, institution_id: uuid.UUID, digests: list[str]) -> dict[str, uuid.UUID]:
    """The institution's items already holding these documents, by digest."""
    if not digests:
        return {}
    held = select(col(InboxItem.sha256), col(InboxItem.id)).where(
        col(InboxItem.institution_id) == institution_id, col(InboxItem.sha256).in_(digests)
    )
    return {row[0]: row[1] for row in (await session.execute(held)).all()}


@dataclass
class _Push:
    """One batch being delivered: what is known before reading (learners, documents already held) and the answers."""

    session: AsyncSession
    institution: Institution
    items: Sequence[BatchItem]
    learners: dict[Any, uuid.UUID]
    existing: dict[str, uuid.UUID]
    invitation_days: int
    public_url: str
    now: datetime
    results: list[BatchItemResult | None]
    language: str | None = None
    """The language the institution asked for (its invitations' language when the address has no account)."""
    events: list[InstitutionEvent] = field(default_factory=list)
    feed_withdrawn: set[uuid.UUID] = field(default_factory=set)
    """Learners who withdrew their consent to this institution's pushes (`wallet.consents`)."""

    async def deliver(self, indexes: Sequence[int], reads: list[Read]) -> None:
        """The read documents into the learners' inboxes: plain rows and one bulk INSERT (building and
        flushing a thousand ORM objects cost more than verifying their signatures)."""
        rows: list[dict[str, Any]] = []
        for index, read in zip(indexes, reads, strict=True):
            item = self.items[index]
            if read.problem is not None:
                self.results[index] = BatchItemResult(index=index, status="rejected", problem=read.problem)
                continue
            if read.sha256 in self.existing:  # the same document earlier in this batch
                held = self.existing[read.sha256]
                self.results[index] = BatchItemResult(index=index, status="duplicate", item_id=held)
                continue
            recipient = item.recipient
            learner_id = self.learners.get(recipient.learner_id or recipient.email)
            if learner_id == ERASED_LEARNER:
                self.results[index] = BatchItemResult(index=index, status="rejected", problem=LEARNER_ERASED)
                continue
            if learner_id in self.feed_withdrawn:
                self.results[index] = BatchItemResult(index=index, status="rejected", problem=FEED_WITHDRAWN)
                continue
            invitation = None
            if learner_id is None:
                if recipient.email is None:
                    problem = ItemProblem(code="unknown_learner", detail="No learner has this identifier.")
                    self.results[index] = BatchItemResult(index=index, status="rejected", problem=problem)
                    continue
                invitation = await _invitation(
                    self.session,
                    self.institution,
                    recipient.email,
                    invitation_days=self.invitation_days,
                    public_url=self.public_url,
                    now=self.now,
                    sender_language=self.language,
                )
            item_id = new_id()
            rows.append(
                {
                    "id": item_id,
                    "institution_id": self.institution.id,
                    "recipient_id": learner_id,
                    "invitation_id": invitation.id if invitation else None,
                    "external_id": item.external_id,
                    "sha256": read.sha256,
                    "content": item.credential.encode("utf-8"),
                    "media_type": item.media_type,
                    "format": read.format or "",
                    "title": (read.title or "")[:500] or None,
                    "summary": read.summary or {},
                    "status": PENDING,
                    "created_at": self.now,
                }
            )
            self.existing[read.sha256] = item_id
            status = "invited" if invitation else "delivered"
            # Not a session object: `_record` writes every event of the batch with one INSERT.
            self.events.append(
                InstitutionEvent.model_construct(
                    id=new_id(),
                    institution_id=self.institution.id,
                    type=status,
                    item_id=item_id,
                    data={"external_id": item.external_id},
                    at=self.now,
                )
            )
            self.results[index] = BatchItemResult(index=index, status=status, item_id=item_id)
        if rows:
            await self.session.execute(insert(InboxItem), rows)


async def push_batch(
    session: AsyncSession,
    institution_id: uuid.UUID,
    request: BatchPush,
    *,
    invitation_days: int,
    public_url: str,
    context_for: Callable[[TrustStore], VerificationContext],
    pool: ReadingPool | None = None,
    language: str | None = None,
) -> BatchResult:
    """Deliver each credential to its learner's inbox, unless its signature does not hold. The same credential pushed
    again creates nothing. A large batch is read by `pool`'s processes when there is one; invitations are mailed in
    `language` when the address is no account's."""
    institution = await session.get(Institution, institution_id)
    if institution is None:
        raise NotFound("The client acts for no institution.", code="no_institution")
    context = replace(context_for(await load_trust_store(session)), key_documents=KeyDocuments())
    items = request.items
    digests = [_digest(item) for item in items]
    push = _Push(
        session,
        institution,
        items,
        learners=await _learners(session, items),
        # What this institution pushed before is a duplicate at once: its signature was checked then.
        existing=await _held(session, institution_id, digests),
        invitation_days=invitation_days,
        public_url=public_url,
        now=utcnow(),
        results=[None] * len(items),
        language=language,
    )
    push.feed_withdrawn = await consents.feed_withdrawn(session, institution_id, push.learners.values())
    fresh: list[int] = []
    for index, digest in enumerate(digests):
        held = push.existing.get(digest)
        if held is None:
            fresh.append(index)
        else:
            push.results[index] = BatchItemResult(index=index, status="duplicate", item_id=held)
    documents = [(items[index].credential, items[index].media_type) for index in fresh]
    await verified_in_order(
        documents, context, pool, lambda positions, reads: push.deliver([fresh[n] for n in positions], reads)
    )
    await _record(session, *push.events)
    await session.flush()
    answered = [result for result in push.results if result is not None]
    counts: dict[str, int] = {}
    for result in answered:
        counts[result.status] = counts.get(result.status, 0) + 1
    log.info("credentials_pushed", institution_id=str(institution_id), **counts)
    return BatchResult(items=answered, counts=counts)


async def delivery(session: AsyncSession, institution_id: uuid.UUID, item_id: uuid.UUID) -> InboxItem:
    statement = select(InboxItem).where(col(InboxItem.id) == item_id, col(InboxItem.institution_id) == institution_id)
    found = (await session.execute(statement)).scalar_one_or_none()
    if found is None:
        raise DeliveryNotFound()
    return found


async def events_page(
    session: AsyncSession, institution_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[InstitutionEvent], str | None]:
    """The institution's events in commit order (`seq`); `next_cursor` (the last event's id) continues after the
    last one (poll it for new ones)."""
    limit = max(1, min(limit, MAX_PAGE))
    statement = select(InstitutionEvent).where(col(InstitutionEvent.institution_id) == institution_id)
    if cursor:
        after = select(col(InstitutionEvent.seq)).where(
            col(InstitutionEvent.id) == decode_cursor(cursor), col(InstitutionEvent.institution_id) == institution_id
        )
        seq = (await session.execute(after)).scalar_one_or_none()
        if seq is None:
            raise InvalidInput("The cursor is not one this feed gave you.", code="invalid_cursor")
        statement = statement.where(col(InstitutionEvent.seq) > seq)
    rows = list((await session.execute(statement.order_by(col(InstitutionEvent.seq)).limit(limit))).scalars())
    # The cursor always moves: an empty page answers the same cursor, to poll again later.
    next_cursor = encode_cursor(rows[-1].id) if rows else cursor
    return rows, next_cursor


async def deliver_collected(
    session: AsyncSession,
    learner_id: uuid.UUID,
    documents: Sequence[tuple[bytes, str]],
    *,
    issuer: str,
    issuer_name: str | None,
    context_for: Callable[[TrustStore], VerificationContext],
) -> list[InboxItem | ItemProblem]:
    """Put credentials the learner collected from a credential issuer (OpenID4VCI) in their inbox, pending: the
    learner accepts or declines them as pushed ones. Each is read and its signature checked as a pushed one is
    (`reading.verified`): a document Passerelle cannot read, or whose signature does not hold, is answered by its
    problem, in order, and is not stored. No institution is involved: nothing enters any change feed."""
    context = replace(context_for(await load_trust_store(session)), key_documents=KeyDocuments())
    texts: list[tuple[str, str]] = []
    undecodable: set[int] = set()
    for index, (content, media_type) in enumerate(documents):
        try:
            texts.append((content.decode("utf-8"), media_type))
        except UnicodeDecodeError:  # every OpenID4VCI format Passerelle reads is JSON or ASCII text
            undecodable.add(index)
            texts.append(("", media_type))
    reads = await verified(texts, context)
    now = utcnow()
    results: list[InboxItem | ItemProblem] = []
    for index, ((content, media_type), read) in enumerate(zip(documents, reads, strict=True)):
        if index in undecodable:
            results.append(ItemProblem(code="invalid_encoding", detail="The credential is not UTF-8 text."))
            continue
        if read.problem is not None:
            results.append(read.problem)
            continue
        row = InboxItem(
            source=SOURCE_OPENID4VCI,
            issuer=issuer,
            issuer_name=issuer_name,
            recipient_id=learner_id,
            sha256=read.sha256,
            content=content,
            media_type=media_type,
            format=read.format or "",
            title=(read.title or "")[:500] or None,
            summary=read.summary or {},
            status=PENDING,
            created_at=now,
        )
        session.add(row)
        results.append(row)
    await session.flush()
    return results


async def list_inbox(
    session: AsyncSession, learner_id: uuid.UUID, *, status: str | None, limit: int, cursor: str | None
) -> tuple[list[tuple[InboxItem, Institution | None]], str | None]:
    limit = max(1, min(limit, MAX_PAGE))
    # Outer join: a credential the learner collected from an issuer (OpenID4VCI) has no institution.
    statement = (
        select(InboxItem, Institution)
        .outerjoin(Institution, col(Institution.id) == col(InboxItem.institution_id))
        .where(col(InboxItem.recipient_id) == learner_id)
    )
    if status:
        statement = statement.where(col(InboxItem.status) == status)
    if cursor:
        statement = statement.where(col(InboxItem.id) < decode_cursor(cursor))
    rows: list[tuple[InboxItem, Institution | None]] = [
        (row[0], row[1])
        for row in (await session.execute(statement.order_by(col(InboxItem.id).desc()).limit(limit + 1))).all()
    ]
    page = rows[:limit]
    return page, encode_cursor(page[-1][0].id) if len(rows) > limit else None


async def get_item(
    session: AsyncSession, learner_id: uuid.UUID, item_id: uuid.UUID
) -> tuple[InboxItem, Institution | None]:
    statement = (
        select(InboxItem, Institution)
        .outerjoin(Institution, col(Institution.id) == col(InboxItem.institution_id))
        .where(col(InboxItem.id) == item_id, col(InboxItem.recipient_id) == learner_id)
    )
    row = (await session.execute(statement)).one_or_none()
    if row is None:
        raise InboxItemNotFound()
    return row[0], row[1]


async def _pending(
    session: AsyncSession, learner_id: uuid.UUID, item_id: uuid.UUID
) -> tuple[InboxItem, Institution | None]:
    item, institution = await get_item(session, learner_id, item_id)
    if item.status != PENDING:
        raise ItemDecided(f"This credential was already {item.status}.", status=item.status)
    return item, institution


async def accept(
    session: AsyncSession, learner_id: uuid.UUID, item_id: uuid.UUID
) -> tuple[InboxItem, Institution | None]:
    """The learner takes the credential into the wallet, exactly as the institution (or the issuer) sent it."""
    item, institution = await _pending(session, learner_id, item_id)
    try:
        credential = await import_credential(
            session, owner_id=learner_id, content=item.content, media_type=item.media_type
        )
        credential_id = credential.id
    except DuplicateCredential as duplicate:
        credential_id = uuid.UUID(duplicate.extra["existing_id"])
    now = utcnow()
    consent = await consents.record_acceptance(
        session,
        learner_id,
        institution=institution,
        issuer=item.issuer,
        issuer_name=item.issuer_name,
        title=item.title,
        attributes=consents.attribute_names(item.summary),
    )
    item.status, item.decided_at, item.credential_id = "accepted", now, credential_id
    item.consent_id = consent.id
    if item.institution_id is not None:  # a collected credential has no institution to tell
        await _record(session, _event(item.institution_id, "accepted", item, external_id=item.external_id))
    await session.flush()
    return item, institution


async def decline(
    session: AsyncSession, learner_id: uuid.UUID, item_id: uuid.UUID
) -> tuple[InboxItem, Institution | None]:
    """The learner refuses the credential; its bytes are erased, the institution (if any) is told it was declined."""
    item, institution = await _pending(session, learner_id, item_id)
    item.status, item.decided_at, item.content = "declined", utcnow(), b""
    if item.institution_id is not None:
        await _record(session, _event(item.institution_id, "declined", item, external_id=item.external_id))
    await session.flush()
    return item, institution


async def claim(session: AsyncSession, learner_id: uuid.UUID, token: str) -> int:
    """Move an invitation's credentials into the learner's inbox (they still wait for acceptance)."""
    now = utcnow()
    statement = select(Invitation).where(
        col(Invitation.token_digest) == token_digest(token),
        col(Invitation.claimed_at).is_(None),
        col(Invitation.expires_at) > now,
    )
    invitation = (await session.execute(statement)).scalar_one_or_none()
    if invitation is None:
        raise InvitationInvalid()
    invitation.claimed_by, invitation.claimed_at = learner_id, now
    moved = await session.execute(
        update(InboxItem)
        .where(and_(col(InboxItem.invitation_id) == invitation.id, col(InboxItem.recipient_id).is_(None)))
        .values(recipient_id=learner_id)
        .execution_options(synchronize_session=False)
    )
    count = int(getattr(moved, "rowcount", 0) or 0)
    await _record(
        session,
        _event(invitation.institution_id, "invitation_claimed", None, invitation_id=str(invitation.id), items=count),
    )
    await session.flush()
    return count


def check_token(token: str) -> str:
    if not 20 <= len(token) <= 100:
        raise InvalidInput("This is not an invitation code.", code="invalid_invitation")
    return token
