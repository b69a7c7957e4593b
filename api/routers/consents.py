"""The learner's consent records and transaction log."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response

from api.deps import CurrentLearner, PaginationDep, ReadSessionDep, SessionDep
from api.errors import problem_responses
from core.clock import utcnow
from core.errors import InvalidInput
from recognition.cases.service import withdraw_by_consent
from wallet import transaction_log
from wallet.consents import service
from wallet.consents.models import Consent, ConsentKind
from wallet.consents.schemas import ConsentPage, ConsentPublic
from wallet.sharing.service import withdraw_share_consent
from wallet.transaction_log import EntryType, LogFilter, LogPage

router = APIRouter(prefix="/v1/wallet", tags=["consents"])

ConsentID = Annotated[uuid.UUID, Path(description="The consent's id.")]

WITHDRAWALS: dict[str, service.Withdrawal] = {
    ConsentKind.SHARE.value: withdraw_share_consent,
    ConsentKind.RECOGNITION_REQUEST.value: withdraw_by_consent,
}
"""How a withdrawal takes effect, per kind (an institution feed's needs nothing but its record: pushes read it)."""


def public(consent: Consent) -> ConsentPublic:
    return ConsentPublic.model_validate({**consent.model_dump(), "active": service.is_active(consent, utcnow())})


@router.get(
    "/consents",
    response_model=ConsentPage,
    operation_id="listConsents",
    summary="List your consent records",
    responses=problem_responses(401, 422),
)
async def list_consents(
    learner: CurrentLearner,
    session: ReadSessionDep,
    pagination: PaginationDep,
    kind: Annotated[ConsentKind | None, Query(description="Only consents of this kind.")] = None,
    active: Annotated[bool | None, Query(description="Only consents in force (true) or ended (false).")] = None,
) -> ConsentPage:
    """Every consent you gave, newest first: each share, recognition request, accepted credential and institution
    allowed to push to your inbox — with its purpose, counterparty, the privacy-notice version you saw, when, and
    when you withdrew it."""
    rows, next_cursor = await service.list_consents(
        session, learner.id, kind=kind, active=active, limit=pagination.limit, cursor=pagination.cursor
    )
    return ConsentPage(items=[public(row) for row in rows], next_cursor=next_cursor)


@router.get(
    "/consents/{consent_id}",
    response_model=ConsentPublic,
    operation_id="getConsent",
    summary="Read a consent record",
    responses=problem_responses(401, 404, 422),
)
async def get_consent(consent_id: ConsentID, learner: CurrentLearner, session: ReadSessionDep) -> ConsentPublic:
    """One of your consent records; another learner's answers 404."""
    return public(await service.get_consent(session, learner.id, consent_id))


@router.post(
    "/consents/{consent_id}:withdraw",
    response_model=ConsentPublic,
    operation_id="withdrawConsent",
    summary="Withdraw a consent",
    responses=problem_responses(401, 404, 409, 422),
)
async def withdraw_consent(consent_id: ConsentID, learner: CurrentLearner, session: SessionDep) -> ConsentPublic:
    """Withdraw a consent; it takes effect from the next request. A share's link stops working and its released
    data is erased; a recognition request is withdrawn (a decided one keeps its decision; its shares are revoked);
    an institution's pushes to you are refused (`learner_withdrew_consent`) until you accept one of its credentials
    again. Accepting a credential cannot be withdrawn (409 `consent_not_withdrawable`): delete the credential.
    Withdrawing twice answers the record as it is."""
    return public(await service.withdraw(session, learner.id, consent_id, handlers=WITHDRAWALS))


@router.get(
    "/log",
    response_model=LogPage,
    operation_id="getTransactionLog",
    summary="Your transaction log",
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}},
        **problem_responses(401, 422),
    },
)
async def get_log(
    learner: CurrentLearner,
    session: ReadSessionDep,
    pagination: PaginationDep,
    type: Annotated[  # noqa: A002
        list[EntryType] | None, Query(description="Only entries of these types (repeat the parameter).")
    ] = None,
    since: Annotated[datetime | None, Query(alias="from", description="Entries at or after this time.")] = None,
    until: Annotated[datetime | None, Query(alias="to", description="Entries before this time.")] = None,
    counterparty: Annotated[
        str | None,
        Query(
            max_length=2048,
            description="Only entries with this counterparty id (an institution's or body's id, an issuer's "
            "identifier, a recipient's e-mail address).",
        ),
    ] = None,
    format: Annotated[  # noqa: A002
        Literal["json", "csv"],
        Query(description="`csv`: every matching entry (at most 10,000) as a CSV download."),
    ] = "json",
) -> Response | LogPage:
    """What your wallet received (pushed, collected, accepted, declined, imported), shared (shares and recognition
    requests), revealed (reveals and downloads of your shares), had verified, and withdrew — when, with whom, and
    which attribute names (never a value), newest first. `format=csv` downloads every matching entry."""
    for name, value in (("from", since), ("to", until)):
        if value is not None and value.tzinfo is None:
            raise InvalidInput(f"Give `{name}` with a time zone (e.g. 2027-01-31T00:00:00Z).", code="naive_datetime")
    log_filter = LogFilter(
        types=frozenset(type) if type else frozenset(transaction_log.ENTRY_TYPES),
        since=since,
        until=until,
        counterparty=counterparty,
    )
    if format == "csv":
        entries = await transaction_log.export_log(session, learner.id, log_filter)
        return Response(
            transaction_log.to_csv(entries),
            media_type="text/csv; charset=utf-8",
            headers={
                "Content-Disposition": 'attachment; filename="passerelle-transaction-log.csv"',
                "Cache-Control": "no-store",
            },
        )
    return await transaction_log.read_log(
        session, learner.id, log_filter, limit=pagination.limit, cursor=pagination.cursor
    )
