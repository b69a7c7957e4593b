"""The offer catalogue: institutions publish and manage their offers; anyone searches the published ones."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from api.deps import PaginationDep, ReadSessionDep, SessionDep, StateDep
from api.errors import problem_responses
from api.routers.inbox import CurrentInstitution
from recognition.offers import search, service
from recognition.offers.schemas import OfferCreate, OfferPage, OfferPublic, OfferSearch, OfferUpdate

institution_router = APIRouter(prefix="/v1/institutions/offers", tags=["offers"])
public_router = APIRouter(prefix="/v1/offers", tags=["offers"])

OfferID = Annotated[uuid.UUID, Path(description="The offer's id.")]
PUBLIC_HEADERS = {"Cache-Control": "public, max-age=60"}

ANNEX_I_RULES = """The offer must state every mandatory element of Annex I of the Council Recommendation on
micro-credentials that does not vary by learner — title, learning outcomes, workload (ECTS or hours), level (EQF or
national framework), type of assessment, form of participation, type of quality assurance; your institution's country —
or it is refused (422 `annex_i_incomplete`) with `missing`, the list of what is missing. The EQF level, the ISCED-F
field and the national framework level are checked against the frameworks data (422 `unknown_eqf_level`,
`unknown_field_of_study`, `unknown_level` …); `achievement_id` must name an achievement definition of yours that is
still issued (422 `unknown_achievement`). A workload in hours only is converted to ECTS for search (`ects_basis`)."""


# ---------------------------------------------------------------------------------------------- institutions


@institution_router.post(
    "",
    response_model=OfferPublic,
    status_code=status.HTTP_201_CREATED,
    operation_id="createOffer",
    summary="Publish an offer",
    responses=problem_responses(401, 404, 413, 415, 422, 503),
    description=ANNEX_I_RULES,
)
async def create_offer(
    body: OfferCreate, institution: CurrentInstitution, session: SessionDep, state: StateDep
) -> OfferPublic:
    catalogue = state.recognition.current if state.recognition is not None else None
    offer, owner = await service.create_offer(session, institution.id, body, catalogue)
    return service.offer_public(offer, owner)


@institution_router.get(
    "",
    response_model=OfferPage,
    operation_id="listOwnOffers",
    summary="Your offers",
    responses=problem_responses(401, 404, 422),
)
async def list_own_offers(
    institution: CurrentInstitution, session: ReadSessionDep, pagination: PaginationDep
) -> OfferPage:
    """Your offers, withdrawn ones included, newest first."""
    items, next_cursor = await service.list_own(
        session, institution.id, limit=pagination.limit, cursor=pagination.cursor
    )
    return OfferPage(items=items, next_cursor=next_cursor)


@institution_router.get(
    "/{offer_id}",
    response_model=OfferPublic,
    operation_id="getOwnOffer",
    summary="Read one of your offers",
    responses=problem_responses(401, 404, 422),
)
async def get_own_offer(offer_id: OfferID, institution: CurrentInstitution, session: ReadSessionDep) -> OfferPublic:
    """Another institution's offer answers 404."""
    return await service.get_own_public(session, institution.id, offer_id)


@institution_router.patch(
    "/{offer_id}",
    response_model=OfferPublic,
    operation_id="updateOffer",
    summary="Change, withdraw or republish one of your offers",
    responses=problem_responses(401, 404, 413, 415, 422, 503),
    description="Send the fields to change (`null` removes an optional one; `status: withdrawn` takes the offer out "
    "of the catalogue, `published` puts it back). The offer as changed is checked in full, as when it was "
    "published:\n\n" + ANNEX_I_RULES,
)
async def update_offer(
    offer_id: OfferID, body: OfferUpdate, institution: CurrentInstitution, session: SessionDep, state: StateDep
) -> OfferPublic:
    catalogue = state.recognition.current if state.recognition is not None else None
    offer, owner = await service.update_offer(session, institution.id, offer_id, body, catalogue)
    return service.offer_public(offer, owner)


@institution_router.delete(
    "/{offer_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="deleteOffer",
    summary="Delete one of your offers",
    responses=problem_responses(401, 404, 422),
)
async def delete_offer(offer_id: OfferID, institution: CurrentInstitution, session: SessionDep) -> Response:
    """Removes the offer for good; to take it out of the catalogue for a while, withdraw it instead."""
    await service.delete_offer(session, institution.id, offer_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# ------------------------------------------------------------------------------------------------------ public


@public_router.get(
    "",
    response_model=OfferPage,
    operation_id="searchOffers",
    summary="Search the offer catalogue",
    responses=problem_responses(422),
)
async def search_offers(
    params: Annotated[OfferSearch, Query()], session: ReadSessionDep, response: Response
) -> OfferPage:
    """Published offers of institutions of every kind, found by words and filters (all must hold). Without `q`,
    newest first; with `q`, offers with every word in their title first, then the others, newest first within each
    group. Page with `next_cursor` (same parameters): no offer is repeated or skipped. Public."""
    found, next_cursor = await search.search(session, params)
    response.headers.update(PUBLIC_HEADERS)
    return OfferPage(
        items=[service.offer_public(item.offer, item.institution) for item in found], next_cursor=next_cursor
    )


@public_router.get(
    "/{offer_id}",
    response_model=OfferPublic,
    operation_id="getOffer",
    summary="Read a published offer",
    responses=problem_responses(404, 422),
)
async def get_offer(offer_id: OfferID, session: ReadSessionDep, response: Response) -> OfferPublic:
    """A withdrawn or deleted offer answers 404. Public."""
    offer = await service.get_published(session, offer_id)
    response.headers.update(PUBLIC_HEADERS)
    return offer
