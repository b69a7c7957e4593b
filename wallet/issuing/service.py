"""Hosted issuing: achievement definitions, issuance, revocation and suspension. Services flush, never commit.

define    `create_achievement` refuses a micro-credential without its Annex I mandatory elements, listing
          what is missing (422 `annex_i_incomplete`)
issue     `issue`: each learner's credential gets a random index in one of the institution's status lists and
          is either signed at once and pushed to the learner's inbox (the learner accepts or declines it, as any
          pushed credential), or offered through OpenID4VCI and signed when a wallet collects it (bound to the
          key that wallet proves)
change    `change_state`: suspend, reinstate, revoke (final); the list is re-signed in the same transaction, the
          change feed and webhooks say what happened
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal, Protocol, TypeVar

import anyio.to_thread
import structlog
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from core.accounts.models import Institution
from core.clock import utcnow
from core.errors import Conflict, InvalidInput, NotFound, ServiceUnavailable
from core.keys import KeyRing, SigningKey
from wallet.inbox import service as inbox
from wallet.inbox.schemas import BatchItem, BatchPush, BatchResult, ItemProblem, Recipient
from wallet.issuing import credentials, keys, status
from wallet.issuing.models import AchievementDefinition, IssuedCredential
from wallet.issuing.schemas import (
    AchievementCreate,
    AchievementDetails,
    AchievementPublic,
    AnnexElements,
    CredentialFormat,
    IssuedPublic,
    IssueItemResult,
    IssueRequest,
    IssueResult,
    OfferPublic,
)
from wallet.service import decode_cursor, encode_cursor

log = structlog.get_logger("passerelle.issuing")

MEDIA_TYPES: dict[str, str] = {"vc+jwt": "application/vc+jwt", "dc+sd-jwt": "application/dc+sd-jwt"}
MAX_PAGE = 100
Deliver = Callable[[BatchPush], Awaitable[BatchResult]]
"""Pushes signed credentials to learners' inboxes (`wallet.inbox.service.push_batch` with the caller's settings)."""
MakeOffer = Callable[[IssuedCredential], Awaitable[OfferPublic]]
_Details = TypeVar("_Details", bound=AnnexElements)


class _Level(Protocol):
    @property
    def eqf_levels(self) -> Sequence[int]: ...


class _Framework(Protocol):
    def find_level(self, label: str) -> _Level: ...


class Frameworks(Protocol):
    """What hosted issuing reads of the frameworks data (`recognition.catalogue.Catalogue`): wallet does not import
    recognition; the API layer hands the catalogue in."""

    def resolve(self, country: str | None, framework: str | None) -> _Framework: ...


class AchievementNotFound(NotFound):
    code = "achievement_not_found"
    default_detail = "You defined no such achievement."


class IssuedNotFound(NotFound):
    code = "issued_credential_not_found"
    default_detail = "You issued no such credential."


class AnnexIncomplete(InvalidInput):
    code = "annex_i_incomplete"


class AchievementArchived(Conflict):
    code = "achievement_archived"
    default_detail = "This achievement is archived: it is no longer issued."


class StateNotChanged(Conflict):
    code = "state_conflict"


@dataclass(frozen=True)
class Signer:
    """Where the institution's keys are and what the service's public URL is."""

    keys_dir: Path
    public_url: str

    def issuer_id(self, institution_id: uuid.UUID) -> str:
        return f"{self.public_url.rstrip('/')}/v1/institutions/{institution_id}"

    async def ring(self, session: AsyncSession, institution: Institution) -> KeyRing:
        """The institution's keyring, with its issuer entry in the trust registry kept in step."""
        ring = await keys.keyring(self.keys_dir, "institutions", institution.id)
        await keys.register_issuer(session, f"{institution.name} (institution)", ring, self.issuer_id(institution.id))
        return ring


# --- achievements --------------------------------------------------------------------------------------------------


def achievement_public(definition: AchievementDefinition) -> AchievementPublic:
    return AchievementPublic(
        id=definition.id,
        kind=definition.kind,
        title=definition.title,
        created_at=definition.created_at,
        archived_at=definition.archived_at,
        **AchievementDetails.model_validate(definition.details).model_dump(),
    )


async def _institution(session: AsyncSession, institution_id: uuid.UUID) -> Institution:
    institution = await session.get(Institution, institution_id)
    if institution is None:
        raise NotFound("The client acts for no institution.", code="no_institution")
    return institution


def require_annex_i(kind: str, title: str, details: AnnexElements, country: str | None) -> None:
    """Refuse a micro-credential (or a catalogue offer) without every Annex I mandatory element it must state, with
    the list of what is missing (422 `annex_i_incomplete`)."""
    missing = credentials.missing_elements(kind, title, details, country)
    if missing:
        labels = credentials.missing_with_labels(missing)
        raise AnnexIncomplete(
            "A micro-credential states every mandatory element of Annex I of the Council Recommendation on "
            "micro-credentials; missing: " + "; ".join(item["label"] for item in labels) + ".",
            missing=labels,
        )


def check_national_level(details: _Details, country: str | None, catalogue: Frameworks | None) -> _Details:
    """Refuse a national framework or level the frameworks data does not know for `country`; the details with the EQF
    level filled in when none is stated and the framework assigns the level exactly one."""
    if details.national_level is None:
        return details
    if catalogue is None:
        raise ServiceUnavailable("The frameworks data is not loaded yet: a national level cannot be checked.")
    try:
        framework = catalogue.resolve(country, details.national_level.framework)
        level = framework.find_level(details.national_level.level)
    except NotFound as exc:  # a reference the request names, not the resource asked for: invalid input
        raise InvalidInput(exc.detail, code=exc.code, **exc.extra) from exc
    if details.eqf_level is None and len(level.eqf_levels) == 1:
        return details.model_copy(update={"eqf_level": level.eqf_levels[0]})
    return details


async def create_achievement(
    session: AsyncSession, institution_id: uuid.UUID, request: AchievementCreate, catalogue: Frameworks | None
) -> AchievementDefinition:
    institution = await _institution(session, institution_id)
    details = AchievementDetails.model_validate(request.model_dump(exclude={"kind", "title"}))
    require_annex_i(request.kind, request.title, details, institution.country)
    details = check_national_level(details, institution.country, catalogue)
    definition = AchievementDefinition(
        institution_id=institution_id,
        kind=request.kind,
        title=request.title,
        details=details.model_dump(mode="json", exclude_none=True),
    )
    session.add(definition)
    await session.flush()
    return definition


async def get_achievement(
    session: AsyncSession, institution_id: uuid.UUID, achievement_id: uuid.UUID
) -> AchievementDefinition:
    statement = select(AchievementDefinition).where(
        col(AchievementDefinition.id) == achievement_id, col(AchievementDefinition.institution_id) == institution_id
    )
    found = (await session.execute(statement)).scalar_one_or_none()
    if found is None:
        raise AchievementNotFound()
    return found


async def list_achievements(
    session: AsyncSession, institution_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[AchievementDefinition], str | None]:
    limit = max(1, min(limit, MAX_PAGE))
    statement = select(AchievementDefinition).where(col(AchievementDefinition.institution_id) == institution_id)
    if cursor:
        statement = statement.where(col(AchievementDefinition.id) < decode_cursor(cursor))
    rows = list(
        (await session.execute(statement.order_by(col(AchievementDefinition.id).desc()).limit(limit + 1))).scalars()
    )
    page = rows[:limit]
    return page, encode_cursor(page[-1].id) if len(rows) > limit else None


async def archive_achievement(
    session: AsyncSession, institution_id: uuid.UUID, achievement_id: uuid.UUID
) -> AchievementDefinition:
    """No new issuance; what was issued stays valid until revoked."""
    definition = await get_achievement(session, institution_id, achievement_id)
    if definition.archived_at is None:
        definition.archived_at = utcnow()
        await session.flush()
    return definition


# --- issuance ------------------------------------------------------------------------------------------------------


def _owner(issued: IssuedCredential) -> status.Owner:
    return status.Owner("institutions", issued.institution_id)


def issued_public(issued: IssuedCredential, public_url: str) -> IssuedPublic:
    slot = status.slot(public_url, _owner(issued), issued.status_list_id, issued.status_index)
    return IssuedPublic(
        id=issued.id,
        achievement_id=issued.achievement_id,
        external_id=issued.external_id,
        recipient_name=str(issued.recipient.get("name", "")),
        state=issued.state,
        state_reason=issued.state_reason,
        delivery=issued.delivery,
        issued_at=issued.issued_at,
        valid_until=issued.valid_until,
        status_list={
            "index": slot.index,
            "revocation": slot.revocation_url,
            "suspension": slot.suspension_url,
            "token": slot.token_url,
        },
    )


def vct(public_url: str) -> str:
    return f"{public_url.rstrip('/')}{credentials.MICRO_CREDENTIAL_VCT_PATH}"


def issuance_of(
    issued: IssuedCredential,
    definition: AchievementDefinition,
    institution: Institution,
    signer: Signer,
    *,
    holder_jwk: dict[str, object] | None = None,
) -> credentials.Issuance:
    """What `credentials.sign` needs, from the stored issuance (at issuance, or when a wallet collects an offer)."""
    identifiers = tuple(
        (scheme, value)
        for scheme, value in (
            ("erasmus", institution.erasmus_code),
            ("schac", institution.schac_code),
            ("pic", institution.pic),
        )
        if value
    )
    recipient = issued.recipient
    awarded = recipient.get("awarded_on")
    return credentials.Issuance(
        credential_id=issued.id,
        issuer=credentials.Issuer(
            id=signer.issuer_id(institution.id),
            name=institution.name,
            country=institution.country,
            identifiers=identifiers,
        ),
        achievement_id=definition.id,
        kind=definition.kind,
        title=definition.title,
        details=AchievementDetails.model_validate(definition.details),
        learner_name=str(recipient["name"]),
        grade=recipient.get("grade"),
        awarded_on=datetime.fromisoformat(awarded).date() if awarded else issued.issued_at.date(),
        issued_at=issued.issued_at,
        valid_until=issued.valid_until,
        status=status.slot(signer.public_url, _owner(issued), issued.status_list_id, issued.status_index),
        vct=vct(signer.public_url),
        holder_jwk=holder_jwk,
    )


def _sign_all(
    issuances: list[credentials.Issuance], key: SigningKey, formats: list[CredentialFormat]
) -> list[dict[CredentialFormat, str]]:
    return [credentials.sign(issuance, key, formats) for issuance in issuances]


async def issue(
    session: AsyncSession,
    institution_id: uuid.UUID,
    achievement_id: uuid.UUID,
    request: IssueRequest,
    *,
    signer: Signer,
    deliver: Deliver,
    make_offer: MakeOffer,
) -> IssueResult:
    """Issue the achievement to each learner of the request, in order."""
    institution = await _institution(session, institution_id)
    definition = await get_achievement(session, institution_id, achievement_id)
    if definition.archived_at is not None:
        raise AchievementArchived()
    ring = await signer.ring(session, institution)
    key = ring.active
    status_list, indexes = await status.allocate(
        session,
        status.Owner("institutions", institution_id),
        len(request.items),
        key=key,
        issuer=signer.issuer_id(institution_id),
        public_url=signer.public_url,
    )
    validity = AchievementDetails.model_validate(definition.details).validity_months
    now = utcnow().replace(microsecond=0)
    rows = []
    for item, index in zip(request.items, indexes, strict=True):
        recipient = item.recipient
        row = IssuedCredential(
            institution_id=institution_id,
            achievement_id=definition.id,
            external_id=item.external_id,
            recipient={
                "name": recipient.name,
                **({"email": recipient.email} if recipient.email else {}),
                **({"learner_id": str(recipient.learner_id)} if recipient.learner_id else {}),
                **({"grade": item.grade} if item.grade else {}),
                **({"awarded_on": item.awarded_on.isoformat()} if item.awarded_on else {}),
            },
            status_list_id=status_list.id,
            status_index=index,
            formats=list(request.formats),
            delivery=request.delivery,
            issued_at=now,
            valid_until=now + timedelta(days=round(validity * 30.44)) if validity else None,
        )
        row.id = uuid.uuid4()
        rows.append(row)
    session.add_all(rows)
    await session.flush()
    if request.delivery == "offer":
        results = []
        for position, row in enumerate(rows):
            offer = await make_offer(row)
            results.append(
                IssueItemResult(
                    index=position, status="offered", issued=issued_public(row, signer.public_url), offer=offer
                )
            )
        return IssueResult(items=results)
    issuances = [issuance_of(row, definition, institution, signer) for row in rows]
    signed = await anyio.to_thread.run_sync(functools.partial(_sign_all, issuances, key, list(request.formats)))
    batch = [
        BatchItem(
            recipient=Recipient(learner_id=item.recipient.learner_id, email=item.recipient.email),
            credential=document,
            media_type=MEDIA_TYPES[wanted],
            external_id=item.external_id,
        )
        for item, documents in zip(request.items, signed, strict=True)
        for wanted, document in documents.items()
    ]
    pushed = await deliver(BatchPush(items=batch))
    per_item = len(request.formats)
    results = []
    for position, row in enumerate(rows):
        outcomes = pushed.items[position * per_item : (position + 1) * per_item]
        problem = next((outcome.problem for outcome in outcomes if outcome.problem is not None), None)
        row.inbox_item_ids = [str(outcome.item_id) for outcome in outcomes if outcome.item_id is not None]
        statuses = {outcome.status for outcome in outcomes}
        state: Literal["delivered", "invited", "duplicate", "rejected"]
        state = "rejected" if problem else "invited" if "invited" in statuses else "delivered"
        if problem is not None:
            # Nothing reached the learner: the index stays allocated (never reused) and the credential revoked.
            row.state, row.state_reason, row.state_changed_at = "revoked", f"Not delivered: {problem.code}", now
        results.append(
            IssueItemResult(
                index=position,
                status=state,
                issued=issued_public(row, signer.public_url),
                inbox_item_ids=[uuid.UUID(item_id) for item_id in row.inbox_item_ids],
                problem=ItemProblem(code=problem.code, detail=problem.detail) if problem else None,
            )
        )
    await session.flush()
    log.info("credentials_issued", institution_id=str(institution_id), count=len(rows), delivery=request.delivery)
    return IssueResult(items=results)


async def get_issued(session: AsyncSession, institution_id: uuid.UUID, issued_id: uuid.UUID) -> IssuedCredential:
    statement = select(IssuedCredential).where(
        col(IssuedCredential.id) == issued_id, col(IssuedCredential.institution_id) == institution_id
    )
    found = (await session.execute(statement)).scalar_one_or_none()
    if found is None:
        raise IssuedNotFound()
    return found


TRANSITIONS: dict[str, tuple[frozenset[str], str, str]] = {
    # action: (states it applies to, new state, event type)
    "suspend": (frozenset({"active"}), "suspended", "suspended"),
    "reinstate": (frozenset({"suspended"}), "active", "reinstated"),
    "revoke": (frozenset({"active", "suspended"}), "revoked", "revoked"),
}


async def change_state(
    session: AsyncSession,
    institution_id: uuid.UUID,
    issued_id: uuid.UUID,
    action: Literal["suspend", "reinstate", "revoke"],
    reason: str | None,
    *,
    signer: Signer,
) -> IssuedCredential:
    """Suspend, reinstate or revoke an issued credential; its status list is re-signed at once."""
    issued = await get_issued(session, institution_id, issued_id)
    allowed, new_state, event_type = TRANSITIONS[action]
    if issued.state not in allowed:
        raise StateNotChanged(f"A {issued.state} credential cannot be {new_state}.", state=issued.state)
    institution = await _institution(session, institution_id)
    ring = await signer.ring(session, institution)
    await status.change(
        session,
        issued.status_list_id,
        issued.status_index,
        new_state,
        key=ring.active,
        issuer=signer.issuer_id(institution_id),
        public_url=signer.public_url,
    )
    issued.state, issued.state_reason, issued.state_changed_at = new_state, reason, utcnow()
    await inbox._record(
        session,
        inbox._event(institution_id, event_type, None, issued_id=str(issued.id), external_id=issued.external_id),
    )
    await session.flush()
    log.info("issued_credential_state", institution_id=str(institution_id), state=new_state)
    return issued
