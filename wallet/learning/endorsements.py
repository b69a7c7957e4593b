"""Endorsements: a one-time link the learner asks for, the endorser's view of it, and the confirmation the
service signs.

The link token is 256 bits from `secrets`; only its SHA-256 is stored (as for share links). Opening the link
(`GET`) changes nothing; confirming (`POST`) uses it up in one atomic statement, so it works once even when two
confirmations race. The signed endorsement (compact JWS, ES256, `typ` `learning-endorsement+jwt`, the service's
key) names the endorser and carries the entry exactly as the endorser saw it, with the digests of its evidence
files; an edit of the entry afterwards leaves the endorsement on the earlier version.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

import structlog
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from core import i18n
from core.accounts.models import User
from core.accounts.service import mail_language
from core.clock import utcnow
from core.i18n import N_
from core.ids import new_id, new_secret_token, token_digest
from core.outbox import enqueue_mail, mail_text
from wallet.learning.errors import (
    EndorsementLinkNotFound,
    EndorsementLinkUnavailable,
    EndorsementRequestClosed,
    EndorsementRequestNotFound,
    EntryChanged,
)
from wallet.learning.models import Endorsement, EndorsementRequest, LearningEntry, LearningEvidence
from wallet.learning.repository import LearningRepository
from wallet.learning.schemas import (
    EndorsementConfirm,
    EndorsementInvitation,
    EndorsementRequestCreate,
    EndorsementRequestPublic,
    EntryForEndorser,
    EvidenceListed,
    LearningOutcome,
    RequestedEndorser,
)
from wallet.learning.service import owned_entry
from wallet.sharing.service import TOKEN_PATTERN

log = structlog.get_logger("passerelle.learning")

ENDORSEMENT_TYPE = "learning-endorsement+jwt"
EndorsementSigner = Callable[[Mapping[str, Any]], str]
"""Signs endorsement claims as a compact JWS with `typ` `learning-endorsement+jwt` (the service's key)."""


@dataclass(frozen=True)
class Invitation:
    request: EndorsementRequest
    entry: LearningEntry
    evidence: list[LearningEvidence]
    learner: str


def request_status(
    request: EndorsementRequest, now: datetime
) -> Literal["pending", "endorsed", "withdrawn", "expired"]:
    if request.used_at is not None:
        return "endorsed"
    if request.withdrawn_at is not None:
        return "withdrawn"
    if request.expires_at <= now:
        return "expired"
    return "pending"


def request_public(request: EndorsementRequest, now: datetime | None = None) -> EndorsementRequestPublic:
    return EndorsementRequestPublic(
        id=request.id,
        entry_id=request.entry_id,
        endorser=RequestedEndorser(
            name=request.endorser_name, email=request.endorser_email, organisation=request.endorser_organisation
        ),
        message=request.message,
        status=request_status(request, now or utcnow()),
        expires_at=request.expires_at,
        created_at=request.created_at,
        used_at=request.used_at,
        withdrawn_at=request.withdrawn_at,
    )


UNNAMED_LEARNER = N_("A Passerelle user")
"""Stands for a learner with no display name (translated where it is shown, English in signed endorsements)."""


async def _learner_name(session: AsyncSession, owner_id: uuid.UUID) -> str:
    name = (await session.execute(select(col(User.display_name)).where(col(User.id) == owner_id))).scalar_one_or_none()
    return name or UNNAMED_LEARNER


async def request_endorsement(
    session: AsyncSession,
    owner_id: uuid.UUID,
    entry_id: uuid.UUID,
    request: EndorsementRequestCreate,
    *,
    days: int,
    page_url: Callable[[str], str],
) -> tuple[EndorsementRequest, str]:
    """Make a one-time endorsement link for an entry; answers the request and its token (not stored). When the
    endorser's e-mail address is given, the link is mailed there (through the outbox, if the request commits)."""
    entry = await owned_entry(session, owner_id, entry_id)
    token = new_secret_token()
    now = utcnow()
    endorser = request.endorser
    row = EndorsementRequest(
        entry_id=entry.id,
        owner_id=owner_id,
        token_digest=token_digest(token),
        endorser_name=endorser.name,
        endorser_email=endorser.email,
        endorser_organisation=endorser.organisation,
        message=request.message,
        expires_at=now + timedelta(days=days),
        created_at=now,
    )
    await LearningRepository(session).add(row)
    if endorser.email:
        # The endorser's language when the address is an account's, else the learner's (core/i18n.py).
        language = await mail_language(session, endorser.email, sender_id=owner_id)
        learner = i18n.gettext(language, await _learner_name(session, owner_id))
        await enqueue_mail(
            session,
            recipient=endorser.email,
            language=language,
            subject=i18n.translate(language, N_("%(learner)s asks you to endorse their learning"), learner=learner),
            body=mail_text(
                i18n.translate(language, N_("Hello %(name)s,"), name=endorser.name),
                i18n.translate(
                    language, N_("%(learner)s recorded this learning in their Passerelle wallet:"), learner=learner
                ),
                f"  {entry.title}",
                i18n.translate(
                    language,
                    N_(
                        "and asks you to confirm it. Read it and, if it is right, endorse it here (the link works once, "
                        "until %(date)s):"
                    ),
                    date=i18n.format_day(row.expires_at, language),
                ),
                page_url(token),
                i18n.translate(language, N_("If you do not know this person or the learning, ignore this message.")),
            ),
        )
    log.info(
        "endorsement_requested", entry_id=str(entry.id), endorsement_request_id=str(row.id), mailed=bool(endorser.email)
    )
    return row, token


async def list_requests(session: AsyncSession, owner_id: uuid.UUID, entry_id: uuid.UUID) -> list[EndorsementRequest]:
    entry = await owned_entry(session, owner_id, entry_id)
    return await LearningRepository(session).requests(owner_id, entry.id)


async def withdraw_request(
    session: AsyncSession, owner_id: uuid.UUID, entry_id: uuid.UUID, request_id: uuid.UUID
) -> EndorsementRequest:
    """Withdraw a pending request: its link stops working at once. Withdrawing twice changes nothing."""
    row = await LearningRepository(session).request(owner_id, entry_id, request_id, for_update=True)
    if row is None:
        raise EndorsementRequestNotFound()
    if row.used_at is not None:
        raise EndorsementRequestClosed()
    if row.withdrawn_at is None:
        row.withdrawn_at = utcnow()
        await session.flush()
        log.info("endorsement_request_withdrawn", endorsement_request_id=str(row.id))
    return row


def _unavailable(row: EndorsementRequest, now: datetime) -> EndorsementLinkUnavailable:
    status = request_status(row, now)
    detail = {
        "endorsed": N_("This endorsement link has already been used; it works once."),
        "withdrawn": N_("The learner withdrew this endorsement request."),
        "expired": f"This endorsement link expired on {row.expires_at:%d %B %Y}.",
    }.get(status, EndorsementLinkUnavailable.default_detail)
    code = {"endorsed": "endorsement_link_used"}.get(status, f"endorsement_link_{status}")
    return EndorsementLinkUnavailable(detail, code=code, expired_on=row.expires_at if status == "expired" else None)


async def _by_token(session: AsyncSession, token: str) -> EndorsementRequest:
    if not TOKEN_PATTERN.match(token):
        raise EndorsementLinkNotFound()
    row = await LearningRepository(session).request_by_digest(token_digest(token))
    if row is None:
        raise EndorsementLinkNotFound()
    return row


async def open_link(session: AsyncSession, token: str) -> Invitation:
    """What the endorser reads: the learner's name, the entry as it is now, the evidence file names. Changes
    nothing (mail scanners prefetch links)."""
    row = await _by_token(session, token)
    now = utcnow()
    if request_status(row, now) != "pending":
        raise _unavailable(row, now)
    entry = await owned_entry(session, row.owner_id, row.entry_id)
    evidence = (await LearningRepository(session).evidence_of([entry.id]))[entry.id]
    return Invitation(row, entry, evidence, await _learner_name(session, row.owner_id))


def invitation_public(invitation: Invitation) -> EndorsementInvitation:
    row, entry = invitation.request, invitation.entry
    return EndorsementInvitation(
        learner=invitation.learner,
        requested_endorser=RequestedEndorser(name=row.endorser_name, organisation=row.endorser_organisation),
        message=row.message,
        entry=EntryForEndorser(
            kind=entry.kind,
            title=entry.title,
            description=entry.description,
            started_on=entry.started_on,
            ended_on=entry.ended_on,
            organisation=entry.organisation,
            place=entry.place,
            hours=entry.hours,
            learning_outcomes=[LearningOutcome.model_validate(o) for o in entry.learning_outcomes],
            evidence=[
                EvidenceListed(filename=e.filename, media_type=e.media_type, size_bytes=e.size_bytes)
                for e in invitation.evidence
            ],
            version=entry.version,
        ),
        expires_at=row.expires_at,
    )


def endorsement_claims(
    *,
    issuer: str,
    endorsement: Endorsement,
    entry: LearningEntry,
    evidence: list[LearningEvidence],
    learner: str,
) -> dict[str, Any]:
    """What the service signs: who endorsed what, when — the entry as the endorser saw it."""
    endorser: dict[str, Any] = {"name": endorsement.endorser_name, "role": endorsement.endorser_role}
    if endorsement.endorser_organisation:
        endorser["organisation"] = endorsement.endorser_organisation
    entry_claims: dict[str, Any] = {
        "id": str(entry.id),
        "version": entry.version,
        "attestation": "endorsed",
        "kind": entry.kind,
        "title": entry.title,
        "description": entry.description,
        "started_on": entry.started_on.isoformat(),
        "ended_on": entry.ended_on.isoformat() if entry.ended_on else None,
        "organisation": entry.organisation,
        "place": entry.place,
        "hours": entry.hours,
        "learning_outcomes": entry.learning_outcomes,
        "evidence": [{"filename": e.filename, "media_type": e.media_type, "sha256": e.sha256} for e in evidence],
    }
    return {
        "iss": issuer,
        "iat": int(time.time()),
        "jti": str(endorsement.id),
        "sub": f"urn:uuid:{entry.id}",
        "learner": {"name": learner},
        "endorser": endorser,
        "comment": endorsement.comment,
        "endorsed_at": endorsement.endorsed_at.isoformat(),
        "entry": {name: value for name, value in entry_claims.items() if value is not None},
    }


async def confirm(
    session: AsyncSession, token: str, confirmation: EndorsementConfirm, *, issuer: str, sign: EndorsementSigner
) -> Endorsement:
    """Use the link up and record the endorsement, signed by the service. Refused when the link is unknown (404),
    used, withdrawn or expired (410), or when the entry changed since the endorser read it (409; the link stays)."""
    if not TOKEN_PATTERN.match(token):
        raise EndorsementLinkNotFound()
    repository = LearningRepository(session)
    now = utcnow()
    digest = token_digest(token)
    request_id = await repository.consume(digest, now)
    if request_id is None:
        row = await repository.request_by_digest(digest)
        if row is None:
            raise EndorsementLinkNotFound()
        raise _unavailable(row, now)
    row = await repository.request_by_digest(digest)
    assert row is not None
    entry = await owned_entry(session, row.owner_id, row.entry_id, for_update=True)
    if entry.version != confirmation.entry_version:
        raise EntryChanged()  # rolls the request back: the link still works
    evidence = (await repository.evidence_of([entry.id]))[entry.id]
    endorsement = Endorsement(
        id=new_id(),
        entry_id=entry.id,
        request_id=row.id,
        endorser_name=confirmation.name,
        endorser_role=confirmation.role,
        endorser_organisation=confirmation.organisation,
        comment=confirmation.comment,
        entry_version=entry.version,
        jws="",
        endorsed_at=now,
    )
    learner = await _learner_name(session, row.owner_id)
    endorsement.jws = sign(
        endorsement_claims(issuer=issuer, endorsement=endorsement, entry=entry, evidence=evidence, learner=learner)
    )
    await repository.add(endorsement)
    log.info("learning_endorsed", entry_id=str(entry.id), endorsement_id=str(endorsement.id))
    return endorsement
