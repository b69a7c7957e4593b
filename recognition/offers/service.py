"""Offers: institutions publish, change, withdraw and delete their own; anyone reads the published ones. Services
flush, never commit.

write    `create_offer`, `update_offer`: the offer as it will be stored is validated in full — the Annex I mandatory
         elements through hosted issuing's `require_annex_i` (422 `annex_i_incomplete` listing what is missing), the
         EQF level, ISCED-F field and national level against the frameworks data, the achievement issued on completion
         against the institution's own definitions — and its search columns are derived from it
own      every read and write of an institution's offers filters by `institution_id` in the query: another
         institution's offer is 404, unchanged
public   `get_published`, `search.search`: published offers only
"""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from core.accounts.models import Institution
from core.clock import utcnow
from core.errors import InvalidInput, NotFound, ServiceUnavailable
from recognition.catalogue import Catalogue, isced_fields
from recognition.offers import search
from recognition.offers.errors import OfferNotFound, UnknownAchievement, UnknownEqfLevel, UnknownFieldOfStudy
from recognition.offers.models import Offer, OfferStatus
from recognition.offers.schemas import EctsBasis, OfferCreate, OfferPublic, OfferUpdate, ProviderRef
from wallet.issuing.models import AchievementDefinition
from wallet.issuing.service import check_national_level, require_annex_i
from wallet.service import decode_cursor, encode_cursor

MAX_PAGE = 100
HOURS_PER_ECTS = 30.0
"""ECTS Users' Guide (2015) §3.1: one credit is 25 to 30 hours of work; the upper end never overstates a workload."""
HOURS_SYSTEM = "hours"
"""An institution's own credit rule for this system (or a shipped one) converts hours before the guide's figure."""
_STORED_EXCLUDE = {"title"}


def offer_public(offer: Offer, institution: Institution) -> OfferPublic:
    return OfferPublic(
        id=offer.id,
        title=offer.title,
        status=OfferStatus(offer.status).value,
        provider=ProviderRef(
            id=institution.id, name=institution.name, country=institution.country, kind=institution.kind
        ),
        ects_equivalent=offer.ects_equivalent,
        ects_basis=offer.ects_basis,
        free_of_charge=offer.free_of_charge,
        created_at=offer.created_at,
        updated_at=offer.updated_at,
        **OfferCreate.model_validate({**offer.details, "title": offer.title}).model_dump(exclude=_STORED_EXCLUDE),
    )


async def _institution(session: AsyncSession, institution_id: uuid.UUID) -> Institution:
    institution = await session.get(Institution, institution_id)
    if institution is None:
        raise NotFound("The client acts for no institution.", code="no_institution")
    return institution


def _check_field(code: str) -> None:
    fields = isced_fields()
    known = code[:2] in fields and (
        len(code) == 2 or code[:3] in fields or code[2] == "8"  # xx8: inter-disciplinary programmes of a broad field
    )
    if not known:
        raise UnknownFieldOfStudy(
            f"{code!r} is not an ISCED-F 2013 field the frameworks data holds (a broad, narrow or detailed code, e.g. "
            "`06`, `061`, `0613`).",
            valid_values=sorted(fields),
        )


def _ects(offer: OfferCreate, catalogue: Catalogue, institution_id: uuid.UUID) -> tuple[float | None, EctsBasis | None]:
    if offer.ects is not None:
        return offer.ects, "stated"
    if offer.hours is None:
        return None, None
    rule = catalogue.credit_rule(HOURS_SYSTEM, institution_id)
    if rule is not None:
        return rule.convert(offer.hours), "credit_rule"
    return round(offer.hours / HOURS_PER_ECTS, 2), "ects_users_guide"


def _language_codes(languages: list[str]) -> str:
    codes: list[str] = []
    for tag in languages:
        lowered = tag.lower()
        codes.extend((lowered, lowered.split("-")[0]))
    unique = list(dict.fromkeys(codes))
    return f"|{'|'.join(unique)}|" if unique else ""


async def _validated(
    session: AsyncSession, institution: Institution, offer: OfferCreate, catalogue: Catalogue | None
) -> OfferCreate:
    """The offer as it will be stored, or the refusal of what breaks a rule (see the module docstring)."""
    require_annex_i("micro_credential", offer.title, offer, institution.country)
    if catalogue is None or catalogue.eqf is None:
        raise ServiceUnavailable("The frameworks data is not loaded yet: an offer's levels cannot be checked.")
    offer = check_national_level(offer, institution.country, catalogue)
    if offer.eqf_level is not None and str(offer.eqf_level) not in {level.label for level in catalogue.eqf.levels}:
        raise UnknownEqfLevel(f"The frameworks data holds no EQF level {offer.eqf_level}.")
    if offer.field_of_study is not None:
        _check_field(offer.field_of_study)
    if offer.achievement_id is not None:
        statement = select(col(AchievementDefinition.id)).where(
            col(AchievementDefinition.id) == offer.achievement_id,
            col(AchievementDefinition.institution_id) == institution.id,
            col(AchievementDefinition.archived_at).is_(None),
        )
        if (await session.execute(statement)).scalar_one_or_none() is None:
            raise UnknownAchievement()
    return offer


def _apply(target: Offer, offer: OfferCreate, institution: Institution, catalogue: Catalogue) -> None:
    """Store the validated offer and derive its search columns."""
    ects, basis = _ects(offer, catalogue, institution.id)
    target.title = offer.title
    target.details = offer.model_dump(mode="json", exclude=_STORED_EXCLUDE, exclude_none=True)
    target.achievement_id = offer.achievement_id
    target.eqf_level = offer.eqf_level
    target.field_of_study = offer.field_of_study
    code = offer.field_of_study or ""
    target.field_broad, target.field_narrow = code[:2] or None, code[:3] if len(code) >= 3 else None
    target.provider_kind = institution.kind
    target.participation = offer.participation
    target.ects_equivalent, target.ects_basis = ects, basis
    target.country = offer.place.country if offer.place else institution.country
    target.language_codes = _language_codes(offer.languages)
    target.free_of_charge = offer.cost is not None and offer.cost.amount == 0
    target.starts_on, target.ends_on = offer.starts_on, offer.ends_on
    target.search_title = search.search_form(offer.title)
    quality = offer.quality_assurance
    target.search_text = search.search_form(
        offer.description,
        *(outcome.text for outcome in offer.learning_outcomes),
        offer.assessment_type,
        offer.prerequisites,
        offer.stackable_towards,
        offer.further_information,
        offer.awarded_credential,
        quality.type if quality else None,
        quality.body if quality else None,
        offer.place.city if offer.place else None,
        institution.name,
    )


async def create_offer(
    session: AsyncSession, institution_id: uuid.UUID, request: OfferCreate, catalogue: Catalogue | None
) -> tuple[Offer, Institution]:
    """Publish an offer."""
    institution = await _institution(session, institution_id)
    offer = await _validated(session, institution, request, catalogue)
    assert catalogue is not None  # _validated refused an unloaded catalogue
    row = Offer(
        institution_id=institution.id,
        title=offer.title,
        provider_kind=institution.kind,
        search_title="",
        search_text="",
    )
    _apply(row, offer, institution, catalogue)
    session.add(row)
    await session.flush()
    return row, institution


async def get_own(session: AsyncSession, institution_id: uuid.UUID, offer_id: uuid.UUID) -> Offer:
    statement = select(Offer).where(col(Offer.id) == offer_id, col(Offer.institution_id) == institution_id)
    found = (await session.execute(statement)).scalar_one_or_none()
    if found is None:
        raise OfferNotFound()
    return found


async def get_own_public(session: AsyncSession, institution_id: uuid.UUID, offer_id: uuid.UUID) -> OfferPublic:
    offer = await get_own(session, institution_id, offer_id)
    return offer_public(offer, await _institution(session, institution_id))


async def list_own(
    session: AsyncSession, institution_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[OfferPublic], str | None]:
    """The institution's offers, withdrawn ones included, newest first."""
    institution = await _institution(session, institution_id)
    limit = max(1, min(limit, MAX_PAGE))
    statement = select(Offer).where(col(Offer.institution_id) == institution_id)
    if cursor:
        statement = statement.where(col(Offer.id) < decode_cursor(cursor))
    rows = list((await session.execute(statement.order_by(col(Offer.id).desc()).limit(limit + 1))).scalars())
    page = rows[:limit]
    next_cursor = encode_cursor(page[-1].id) if len(rows) > limit else None
    return [offer_public(row, institution) for row in page], next_cursor


async def update_offer(
    session: AsyncSession,
    institution_id: uuid.UUID,
    offer_id: uuid.UUID,
    request: OfferUpdate,
    catalogue: Catalogue | None,
) -> tuple[Offer, Institution]:
    """Change an offer; the result is validated again in full."""
    row = await get_own(session, institution_id, offer_id)
    institution = await _institution(session, institution_id)
    changes: dict[str, Any] = request.model_dump(mode="json", exclude_unset=True)
    status = changes.pop("status", None)
    try:
        changed = OfferCreate.model_validate({**row.details, "title": row.title, **changes})
    except ValidationError as exc:  # each field was valid alone; together they are not (dates in the wrong order)
        raise InvalidInput(
            "The offer as changed is not valid.",
            errors=[
                {"location": ["body", *map(str, error["loc"])], "message": error["msg"], "type": error["type"]}
                for error in exc.errors()
            ],
        ) from exc
    offer = await _validated(session, institution, changed, catalogue)
    assert catalogue is not None
    _apply(row, offer, institution, catalogue)
    if status is not None:
        row.status = status
    row.updated_at = utcnow()
    await session.flush()
    return row, institution


async def delete_offer(session: AsyncSession, institution_id: uuid.UUID, offer_id: uuid.UUID) -> None:
    """Remove an offer for good (withdrawing keeps it, out of the catalogue)."""
    row = await get_own(session, institution_id, offer_id)
    await session.delete(row)
    await session.flush()


async def get_published(session: AsyncSession, offer_id: uuid.UUID) -> OfferPublic:
    found = await search.published(session, offer_id)
    if found is None:
        raise OfferNotFound()
    return offer_public(found.offer, found.institution)
