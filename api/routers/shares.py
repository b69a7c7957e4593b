"""Sharing, the learner's side: make a link that releases chosen fields, watch who opened it, revoke it."""

from __future__ import annotations

import io
import uuid
from typing import Annotated, Any

import segno
from fastapi import APIRouter, Header, Path, Query, Request, Response, status

from api.deps import CurrentLearner, PaginationDep, ReadSessionDep, SessionDep, StateDep, read_sessions
from api.errors import problem_responses
from api.i18n import language_headers, localize_shared, request_language
from api.routers.verification import get_status_check, receipt_signer, verification_context
from api.state import AppState
from core.clock import utcnow
from core.errors import PreconditionRequired
from core.ids import token_digest
from wallet.models import Credential
from wallet.sharing import service
from wallet.sharing.errors import ShareNotFound
from wallet.sharing.schemas import (
    SensitiveFieldWarning,
    ShareCreate,
    ShareCreated,
    SharedCredential,
    ShareEventPage,
    ShareEventPublic,
    ShareItemPublic,
    SharePage,
    SharePreview,
    SharePublic,
    ShareRecipient,
    ShareUpdate,
)
from wallet.sharing.views import validity_of, verification_view
from wallet.skills.schemas import SharedSkill
from wallet.summary.model import Summary
from wallet.verification import service as verification_service
from wallet.verification.service import VerificationNotFound

router = APIRouter(prefix="/v1/wallet/shares", tags=["sharing"])
SHARE_PAGE_PREFIX = "/s"

ShareID = Annotated[uuid.UUID, Path(description="The share's id.")]


def share_url(state: AppState, token: str) -> str:
    return f"{state.settings.public_url.rstrip('/')}{SHARE_PAGE_PREFIX}/{token}"


def public(found: service.ShareWithItems) -> SharePublic:
    share = found.share
    recipient = None
    if share.recipient_email or share.recipient_body_id:
        recipient = ShareRecipient(email=share.recipient_email, body_id=share.recipient_body_id)
    return SharePublic(
        id=share.id,
        purpose=share.purpose,
        state=service.state_of(share, utcnow()),
        expires_at=share.expires_at,
        max_views=share.max_views,
        views=share.views,
        recipient=recipient,
        notify_first_reveal=share.notify_first_reveal,
        include_skills_profile=share.include_skills_profile,
        items=[
            ShareItemPublic(credential_id=item.credential_id, fields=item.fields, disclosures=item.disclosures)
            for item in found.items
        ],
        first_revealed_at=share.first_revealed_at,
        revoked_at=share.revoked_at,
        created_at=share.created_at,
        updated_at=share.updated_at,
        version=share.version,
    )


def enricher(request: Request, state: AppState, session: Any, owner_id: uuid.UUID) -> service.Enricher:
    """The verification view (the latest stored result, or a fresh one) and the recognition packet of what is
    released, added to each presentation when the share is made."""

    async def enrich(credential: Credential, released: Summary) -> dict[str, Any]:
        try:
            record = await verification_service.latest_verification(session, owner_id, credential.id)
        except VerificationNotFound:
            record = await verification_service.verify_stored_credential(
                read_sessions(request),
                session,
                owner_id,
                credential.id,
                lambda trust: verification_context(state, trust),
                issuer=state.settings.effective_token_issuer,
                sign=receipt_signer(state),
                status_check=await get_status_check(state),
            )
        extra: dict[str, Any] = {
            "verification": verification_view(record.result),
            "validity": validity_of(record.result),
        }
        if state.recognition_packet is not None:
            # Computed from the released fields only: a level or credits the learner withheld stay withheld.
            extra["recognition"] = state.recognition_packet(released)
        return extra

    return enrich


@router.post(
    ":preview",
    response_model=SharePreview,
    operation_id="previewShare",
    summary="See what a share would show",
    responses=problem_responses(401, 413, 415, 422),
)
async def preview_share(
    body: ShareCreate,
    request: Request,
    response: Response,
    learner: CurrentLearner,
    session: SessionDep,
    state: StateDep,
) -> SharePreview:
    """Exactly what the viewer will see for this selection, and a warning for each sensitive field it releases
    (name, date of birth, identifiers, grades) and, for an SD-JWT VC, each sensitive disclosure it chooses (date
    of birth, national identifiers, address, nationality, place of birth, grades) so you can narrow it;
    recognition caveats in the language of `Accept-Language`. Nothing is shared."""
    views, warnings = await service.preview_share(
        session, learner.id, body, enricher(request, state, session, learner.id)
    )
    language = request_language(request)
    language_headers(response.headers, language)
    return SharePreview(
        credentials=[SharedCredential.model_validate(localize_shared(view, language)) for view in views],
        warnings=[SensitiveFieldWarning(field=name, message=message) for name, message in warnings],
        skills_profile=(
            [SharedSkill.model_validate(skill) for skill in service.shared_skills(views)]
            if body.include_skills_profile
            else None
        ),
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=ShareCreated,
    operation_id="createShare",
    summary="Share credentials through a link",
    responses={
        **problem_responses(401, 413, 415, 422),
        201: {"headers": {"Location": {"schema": {"type": "string"}}, "ETag": {"schema": {"type": "string"}}}},
    },
)
async def create_share(
    body: ShareCreate,
    request: Request,
    response: Response,
    learner: CurrentLearner,
    session: SessionDep,
    state: StateDep,
) -> ShareCreated:
    """Make a link that releases, per credential, only the fields you choose (for SD-JWT VC, only the chosen
    disclosures), until it expires (30 days by default), for at most `max_views` reveals, optionally for one
    recipient only. With `include_skills_profile` the viewer also sees a skills profile built from the learning
    outcomes the share releases, never from anything else in your wallet. The link is in this answer only, with its
    QR code; Passerelle keeps only its SHA-256."""
    created, token = await service.create_share(
        session,
        learner.id,
        body,
        default_days=state.settings.share_default_days,
        max_days=state.settings.share_max_days,
        enrich=enricher(request, state, session, learner.id),
    )
    url = share_url(state, token)
    response.headers["Location"] = f"{router.prefix}/{created.share.id}"
    response.headers["ETag"] = service.etag(created.share)
    return ShareCreated(**public(created).model_dump(), url=url, qr_svg=segno.make(url, error="m").svg_inline())


@router.get(
    "",
    response_model=SharePage,
    operation_id="listShares",
    summary="List your shares",
    responses=problem_responses(401, 422),
)
async def list_shares(learner: CurrentLearner, session: ReadSessionDep, pagination: PaginationDep) -> SharePage:
    """Your shares, newest first, with their state (active, expired, revoked, exhausted)."""
    shares, next_cursor = await service.list_shares(
        session, learner.id, limit=pagination.limit, cursor=pagination.cursor
    )
    return SharePage(items=[public(found) for found in shares], next_cursor=next_cursor)


@router.get(
    "/{share_id}",
    response_model=SharePublic,
    operation_id="getShare",
    summary="Read a share",
    responses={**problem_responses(401, 404, 422), 200: {"headers": {"ETag": {"schema": {"type": "string"}}}}},
)
async def get_share(
    share_id: ShareID, learner: CurrentLearner, session: ReadSessionDep, response: Response
) -> SharePublic:
    """One of your shares. Use the ETag for `PATCH`."""
    found = await service.get_share(session, learner.id, share_id)
    response.headers["ETag"] = service.etag(found.share)
    return public(found)


@router.patch(
    "/{share_id}",
    response_model=SharePublic,
    operation_id="updateShare",
    summary="Change a share's expiry or view limit",
    responses=problem_responses(401, 404, 412, 413, 415, 422, 428),
)
async def update_share(
    share_id: ShareID,
    body: ShareUpdate,
    learner: CurrentLearner,
    session: SessionDep,
    state: StateDep,
    response: Response,
    if_match: Annotated[str | None, Header(description="The share's ETag.")] = None,
) -> SharePublic:
    """Change the expiry (within the service's maximum) or the view limit. Needs `If-Match`."""
    if not if_match:
        raise PreconditionRequired()
    found = await service.update_share(
        session, learner.id, share_id, body, if_match=if_match, max_days=state.settings.share_max_days
    )
    response.headers["ETag"] = service.etag(found.share)
    return public(found)


@router.post(
    "/{share_id}/revoke",
    response_model=SharePublic,
    operation_id="revokeShare",
    summary="Revoke a share now",
    responses=problem_responses(401, 404, 422),
)
async def revoke_share(share_id: ShareID, learner: CurrentLearner, session: SessionDep) -> SharePublic:
    """The link stops working at once and the released data kept for it is erased; the access log stays."""
    return public(await service.revoke_share(session, learner.id, share_id))


@router.delete(
    "/{share_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="deleteShare",
    summary="Delete a share",
    responses=problem_responses(401, 404, 422),
)
async def delete_share(share_id: ShareID, learner: CurrentLearner, session: SessionDep) -> Response:
    """Delete the share, its released data and its access log."""
    await service.delete_share(session, learner.id, share_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/{share_id}/events",
    response_model=ShareEventPage,
    operation_id="listShareEvents",
    summary="Who opened a share",
    responses=problem_responses(401, 404, 422),
)
async def list_events(
    share_id: ShareID, learner: CurrentLearner, session: ReadSessionDep, pagination: PaginationDep
) -> ShareEventPage:
    """The access log, newest first: every landing, reveal, download and verification with its UTC time, the
    field names released, the kind of viewer and whether it looked automated. Never values, never addresses."""
    events, next_cursor = await service.list_events(
        session, learner.id, share_id, limit=pagination.limit, cursor=pagination.cursor
    )
    return ShareEventPage(
        items=[ShareEventPublic.model_validate(event, from_attributes=True) for event in events],
        next_cursor=next_cursor,
    )


QR_MEDIA_TYPES = {"svg": "image/svg+xml", "png": "image/png"}


@router.get(
    "/{share_id}/qr",
    operation_id="getShareQrCode",
    summary="A share's QR code",
    responses={
        **problem_responses(401, 404, 422),
        200: {"content": {"image/svg+xml": {}, "image/png": {}}, "description": "The QR code of the link."},
    },
)
async def share_qr(
    share_id: ShareID,
    learner: CurrentLearner,
    session: ReadSessionDep,
    state: StateDep,
    share_token: Annotated[
        str, Header(alias="Share-Token", description="The link's token (the last part of its URL).", max_length=64)
    ],
    format: Annotated[str, Query(pattern="^(svg|png)$", description="svg or png.")] = "svg",  # noqa: A002
) -> Response:
    """The QR code of the link, as SVG or PNG. Passerelle does not keep the link, so send its token in the
    `Share-Token` header; a token that is not this share's answers 404."""
    found = await service.get_share(session, learner.id, share_id)
    if token_digest(share_token) != found.share.token_digest:
        raise ShareNotFound()
    qr = segno.make(share_url(state, share_token), error="m")
    if format == "png":
        buffer = io.BytesIO()
        qr.save(buffer, kind="png", scale=8, border=4)
        content = buffer.getvalue()
    else:
        content = qr.svg_inline(scale=8).encode()
    return Response(content, media_type=QR_MEDIA_TYPES[format], headers={"Cache-Control": "no-store"})
