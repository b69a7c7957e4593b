"""Self-recorded learning: the learner's entries, evidence files and endorsement requests (`/v1/wallet/learning`),
and the endorser's side of a one-time endorsement link — JSON for programs (`/v1/endorsements/{token}`) and an
accessible page for people (`/endorse/{token}`).

The endorser's routes take the link token only. `GET` shows what is to be endorsed and changes nothing (mail
scanners prefetch links); `POST` confirms, once. Their answers carry the same privacy headers as share pages, and
their problem documents never echo the token (`api.errors.public_instance`).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import re
import uuid
from collections.abc import AsyncIterator, Mapping
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, FastAPI, Header, Path, Query, Request, Response, status
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from api.deps import CurrentLearner, PaginationDep, ReadSessionDep, SessionDep, StateDep
from api.errors import problem_responses, status_for
from api.i18n import language_headers, page_context, request_language
from api.ratelimit import Limiter, RateLimits
from api.routers.share_pages import TEMPLATES, templates
from api.state import AppState
from core import i18n, jose
from core.errors import DomainError, InvalidInput, PreconditionRequired
from core.i18n import N_
from core.text import reject_unsafe_characters
from wallet.learning import endorsements, service
from wallet.learning.errors import EndorsementLinkUnavailable
from wallet.learning.evidence import EVIDENCE_MEDIA_TYPES
from wallet.learning.models import LearningEvidence
from wallet.learning.schemas import (
    EndorsementConfirm,
    EndorsementInvitation,
    EndorsementPublic,
    EndorsementRequestCreate,
    EndorsementRequestCreated,
    EndorsementRequestPublic,
    EndorserPublic,
    EvidencePublic,
    LearningEntryCreate,
    LearningEntryPage,
    LearningEntryPublic,
    LearningEntryUpdate,
)

LEARNING_PATH = "/v1/wallet/learning"
ENDORSEMENTS_PATH = "/v1/endorsements"
ENDORSEMENT_PAGES_PATH = "/endorse"
EVIDENCE_UPLOAD_PATTERN = re.compile(r"/v1/wallet/learning/[^/]+/evidence")
"""Evidence uploads get the upload body limit, not the JSON one (`api.middleware.BodyGuardMiddleware`)."""

EntryID = Annotated[uuid.UUID, Path(description="The learning entry's id.")]
EvidenceID = Annotated[uuid.UUID, Path(description="The evidence file's id.")]
RequestID = Annotated[uuid.UUID, Path(description="The endorsement request's id.")]
Token = Annotated[str, Path(max_length=64, description="The endorsement link's token.")]


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """The endorsement links' rate limit (per client address), as for share pages."""
    state: AppState = app.state.passerelle
    rate_limits: RateLimits = app.state.rate_limits
    app.state.endorsement_limiter = rate_limits.limiter("endorsement", state.settings.share_requests_per_minute)
    yield


router = APIRouter(prefix=LEARNING_PATH, tags=["learning"])
endorsements_router = APIRouter(prefix=ENDORSEMENTS_PATH, tags=["endorsements"], lifespan=lifespan)
endorsement_pages_router = APIRouter(prefix=ENDORSEMENT_PAGES_PATH, tags=["endorsement pages"])


# ----------------------------------------------------------------------------------------------------- helpers


def _limits(state: AppState) -> service.EvidenceLimits:
    return service.EvidenceLimits(
        state.settings.learning_evidence_max_bytes, state.settings.learning_evidence_per_entry
    )


def endorsement_page_url(state: AppState, token: str) -> str:
    return f"{state.settings.public_url.rstrip('/')}{ENDORSEMENT_PAGES_PATH}/{token}"


def endorsement_api_url(state: AppState, token: str) -> str:
    return f"{state.settings.public_url.rstrip('/')}{ENDORSEMENTS_PATH}/{token}"


def endorsement_signer(state: AppState) -> endorsements.EndorsementSigner:
    """Signs with the service's active key, as verification receipts are (`api.routers.verification`)."""

    def sign(claims: Mapping[str, Any]) -> str:
        key = state.keyring.active
        return jose.sign(claims, key=key.private, kid=key.kid, token_type=endorsements.ENDORSEMENT_TYPE)

    return sign


def _content_disposition(filename: str) -> str:
    # RFC 6266 §4.3: an ASCII `filename` for old clients, the exact name in `filename*` (RFC 8187).
    fallback = re.sub(r"[^A-Za-z0-9._ -]", "_", filename) or "evidence"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def evidence_response(evidence: LearningEvidence, content: bytes) -> Response:
    """An evidence file as a download: never rendered inline, never sniffed into another type."""
    return Response(
        content,
        media_type=evidence.media_type,
        headers={
            "Content-Disposition": _content_disposition(evidence.filename),
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; sandbox; frame-ancestors 'none'",
            "Cache-Control": "private, no-store",
        },
    )


EVIDENCE_DOWNLOAD: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The file's bytes as uploaded, as an attachment (`Content-Disposition: attachment`, "
        "`X-Content-Type-Options: nosniff`).",
        "content": {
            media_type: {"schema": {"type": "string", "format": "binary"}} for media_type in EVIDENCE_MEDIA_TYPES
        },
    }
}


def _essence(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


async def _read_evidence(request: Request, filename: str | None) -> tuple[bytes, str, str | None]:
    """The uploaded file, its declared type and name: a raw body with its Content-Type, or a multipart `file`."""
    media_type = _essence(request.headers.get("content-type"))
    if media_type != "multipart/form-data":
        if not media_type:
            raise InvalidInput("Send the file with a Content-Type header.", code="missing_content_type")
        return await request.body(), media_type, filename
    form = await request.form(max_files=1, max_fields=2)
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise InvalidInput("The multipart body needs a `file` part.", code="missing_file")
        content = await upload.read()
        return content, _essence(upload.content_type), upload.filename or filename
    finally:
        await form.close()


evidence_upload_body: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "A PDF, PNG or JPEG file, as the raw body with its media type or as a multipart `file`. Its "
        "type is read from its content; a file whose content is not the declared type, or is broken, is refused.",
        "content": {
            **{media_type: {"schema": {"type": "string", "format": "binary"}} for media_type in EVIDENCE_MEDIA_TYPES},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }
            },
        },
    }
}


# -------------------------------------------------------------------------------------------- the learner's side


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=LearningEntryPublic,
    operation_id="createLearningEntry",
    summary="Record non-formal or informal learning",
    responses={
        **problem_responses(401, 413, 415, 422),
        201: {"headers": {"Location": {"schema": {"type": "string"}}, "ETag": {"schema": {"type": "string"}}}},
    },
)
async def create_entry(
    body: LearningEntryCreate, response: Response, learner: CurrentLearner, session: SessionDep
) -> LearningEntryPublic:
    """Record what you learned, when, where, for how many hours, and its learning outcomes (with ESCO skill URIs
    where you know them). The entry is `self_declared` until someone endorses it through a link you ask for."""
    record = await service.create_entry(session, learner.id, body)
    response.headers["Location"] = f"{LEARNING_PATH}/{record.entry.id}"
    response.headers["ETag"] = service.etag(record.entry)
    return service.entry_public(record)


@router.get(
    "",
    response_model=LearningEntryPage,
    operation_id="listLearningEntries",
    summary="List your self-recorded learning",
    responses=problem_responses(401, 422),
)
async def list_entries(
    learner: CurrentLearner, session: ReadSessionDep, pagination: PaginationDep
) -> LearningEntryPage:
    """Your entries, newest first, each labelled `self_declared` or `endorsed`."""
    records, next_cursor = await service.list_entries(
        session, learner.id, limit=pagination.limit, cursor=pagination.cursor
    )
    return LearningEntryPage(items=[service.entry_public(r) for r in records], next_cursor=next_cursor)


@router.get(
    "/{entry_id}",
    response_model=LearningEntryPublic,
    operation_id="getLearningEntry",
    summary="Read a learning entry",
    responses={**problem_responses(401, 404, 422), 200: {"headers": {"ETag": {"schema": {"type": "string"}}}}},
)
async def get_entry(
    entry_id: EntryID, response: Response, learner: CurrentLearner, session: ReadSessionDep
) -> LearningEntryPublic:
    """The entry with its label, evidence files and endorsements. Use the ETag for `PATCH`."""
    record = await service.get_entry(session, learner.id, entry_id)
    response.headers["ETag"] = service.etag(record.entry)
    return service.entry_public(record)


@router.patch(
    "/{entry_id}",
    response_model=LearningEntryPublic,
    operation_id="updateLearningEntry",
    summary="Edit a learning entry",
    responses={
        **problem_responses(401, 404, 412, 413, 415, 422, 428),
        200: {"headers": {"ETag": {"schema": {"type": "string"}}}},
    },
)
async def update_entry(
    entry_id: EntryID,
    body: LearningEntryUpdate,
    response: Response,
    learner: CurrentLearner,
    session: SessionDep,
    if_match: Annotated[str | None, Header(max_length=200, description="The ETag you last read.")] = None,
) -> LearningEntryPublic:
    """Change the entry; send `If-Match` with the ETag you read (a stale one answers 412). An endorsement covers
    the version its endorser confirmed: after an edit the entry is `self_declared` again until endorsed anew."""
    if not if_match:
        raise PreconditionRequired()
    record = await service.update_entry(session, learner.id, entry_id, body, if_match=if_match)
    response.headers["ETag"] = service.etag(record.entry)
    return service.entry_public(record)


@router.delete(
    "/{entry_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="deleteLearningEntry",
    summary="Delete a learning entry",
    response_class=Response,
    responses=problem_responses(401, 404, 422),
)
async def delete_entry(entry_id: EntryID, learner: CurrentLearner, session: SessionDep) -> Response:
    """Delete the entry for good, with its evidence files, endorsement requests and endorsements (and its place in
    your recognition requests)."""
    await service.delete_entry(session, learner.id, entry_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{entry_id}/evidence",
    status_code=status.HTTP_201_CREATED,
    response_model=EvidencePublic,
    operation_id="addLearningEvidence",
    summary="Attach an evidence file",
    openapi_extra=evidence_upload_body,
    responses=problem_responses(401, 404, 409, 413, 415, 422),
)
async def add_evidence(
    entry_id: EntryID,
    request: Request,
    learner: CurrentLearner,
    session: SessionDep,
    state: StateDep,
    filename: Annotated[
        str | None, Query(max_length=200, description="The file's name, for a raw-body upload.")
    ] = None,
) -> EvidencePublic:
    """Attach a certificate, a letter, a photo of your work: a PDF, PNG or JPEG file up to the service's size limit
    (5 MiB by default; 413 above it). Its type is read from its content (415 for other types, 422 for a file that
    is not what it claims to be or is broken); a refused file is not stored."""
    if filename is not None:
        filename = reject_unsafe_characters(filename)
    content, declared, name = await _read_evidence(request, filename)
    evidence = await service.add_evidence(
        session, learner.id, entry_id, content=content, declared_type=declared, filename=name, limits=_limits(state)
    )
    return service.evidence_public(evidence)


@router.get(
    "/{entry_id}/evidence/{evidence_id}",
    operation_id="getLearningEvidence",
    summary="Download an evidence file",
    response_class=Response,
    responses={**EVIDENCE_DOWNLOAD, **problem_responses(401, 404, 422)},
)
async def get_evidence(
    entry_id: EntryID, evidence_id: EvidenceID, learner: CurrentLearner, session: ReadSessionDep
) -> Response:
    """The file exactly as uploaded, as an attachment."""
    return evidence_response(*await service.get_evidence(session, learner.id, entry_id, evidence_id))


@router.delete(
    "/{entry_id}/evidence/{evidence_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="deleteLearningEvidence",
    summary="Delete an evidence file",
    response_class=Response,
    responses=problem_responses(401, 404, 422),
)
async def delete_evidence(
    entry_id: EntryID, evidence_id: EvidenceID, learner: CurrentLearner, session: SessionDep
) -> Response:
    """Remove the file and its bytes for good."""
    await service.delete_evidence(session, learner.id, entry_id, evidence_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{entry_id}/endorsement-requests",
    status_code=status.HTTP_201_CREATED,
    response_model=EndorsementRequestCreated,
    operation_id="requestLearningEndorsement",
    summary="Ask someone to endorse an entry",
    responses=problem_responses(401, 404, 413, 415, 422),
)
async def request_endorsement(
    entry_id: EntryID, body: EndorsementRequestCreate, learner: CurrentLearner, session: SessionDep, state: StateDep
) -> EndorsementRequestCreated:
    """Make a one-time link for a person or an organisation who can confirm this learning (a trainer, a supervisor,
    a volunteer coordinator). They open it, read the entry, and confirm with their name and role; the service then
    signs their endorsement. The link works once and expires (14 days by default); it is shown only now — with an
    e-mail address, it is also mailed to the endorser."""
    row, token = await endorsements.request_endorsement(
        session,
        learner.id,
        entry_id,
        body,
        days=state.settings.endorsement_link_days,
        page_url=lambda t: endorsement_page_url(state, t),
    )
    return EndorsementRequestCreated(
        **endorsements.request_public(row).model_dump(),
        url=endorsement_page_url(state, token),
        api_url=endorsement_api_url(state, token),
    )


@router.get(
    "/{entry_id}/endorsement-requests",
    response_model=list[EndorsementRequestPublic],
    operation_id="listLearningEndorsementRequests",
    summary="List an entry's endorsement requests",
    responses=problem_responses(401, 404, 422),
)
async def list_endorsement_requests(
    entry_id: EntryID, learner: CurrentLearner, session: ReadSessionDep
) -> list[EndorsementRequestPublic]:
    """Every request for this entry, newest first: pending, endorsed, withdrawn or expired."""
    return [endorsements.request_public(r) for r in await endorsements.list_requests(session, learner.id, entry_id)]


@router.post(
    "/{entry_id}/endorsement-requests/{request_id}/withdraw",
    response_model=EndorsementRequestPublic,
    operation_id="withdrawLearningEndorsementRequest",
    summary="Withdraw an endorsement request",
    responses=problem_responses(401, 404, 409, 422),
)
async def withdraw_endorsement_request(
    entry_id: EntryID, request_id: RequestID, learner: CurrentLearner, session: SessionDep
) -> EndorsementRequestPublic:
    """The link stops working at once. A request already endorsed cannot be withdrawn (409); delete the entry to
    remove its endorsements."""
    return endorsements.request_public(await endorsements.withdraw_request(session, learner.id, entry_id, request_id))


# ------------------------------------------------------------------------------------------- the endorser's side

PRIVACY_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
    "Cache-Control": "no-store",
}


async def _limit(request: Request) -> None:
    limiter: Limiter = request.app.state.endorsement_limiter
    await limiter.hit(request.client.host if request.client else "unknown")


@endorsements_router.get(
    "/{token}",
    response_model=EndorsementInvitation,
    operation_id="openEndorsementLink",
    summary="Read what you are asked to endorse",
    responses=problem_responses(404, 410, 422, 429),
)
async def open_endorsement(
    token: Token, request: Request, response: Response, session: ReadSessionDep
) -> EndorsementInvitation:
    """Who asks, the entry as it is now (with the names of its evidence files) and until when the link works.
    Opening changes nothing."""
    await _limit(request)
    response.headers.update(PRIVACY_HEADERS)
    return endorsements.invitation_public(await endorsements.open_link(session, token))


@endorsements_router.post(
    "/{token}",
    status_code=status.HTTP_201_CREATED,
    response_model=EndorsementPublic,
    operation_id="confirmEndorsement",
    summary="Endorse the entry",
    responses=problem_responses(404, 409, 410, 413, 415, 422, 429),
)
async def confirm_endorsement(
    token: Token, body: EndorsementConfirm, request: Request, response: Response, session: SessionDep, state: StateDep
) -> EndorsementPublic:
    """Confirm the entry with your name, your role and an optional comment; send back the entry's `version` you
    read (409 if the learner changed it since). The link works once (410 afterwards, and once withdrawn or
    expired). The answer holds your endorsement signed by the service."""
    await _limit(request)
    response.headers.update(PRIVACY_HEADERS)
    endorsement = await endorsements.confirm(
        session, token, body, issuer=state.settings.effective_token_issuer, sign=endorsement_signer(state)
    )
    return EndorsementPublic(
        id=endorsement.id,
        endorser=EndorserPublic(
            name=endorsement.endorser_name,
            role=endorsement.endorser_role,
            organisation=endorsement.endorser_organisation,
        ),
        comment=endorsement.comment,
        endorsed_at=endorsement.endorsed_at,
        entry_version=endorsement.entry_version,
        covers_current_version=True,
        jws=endorsement.jws,
    )


# ------------------------------------------------------------------------------------ the endorser's pages (HTML)

SHARE_CSS = (TEMPLATES / "share" / "share.css").read_text("utf-8")
CSS = SHARE_CSS + (TEMPLATES / "endorse" / "endorse.css").read_text("utf-8")
CSS_HASH = base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()
PAGE_HEADERS = {
    **PRIVACY_HEADERS,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": (
        f"default-src 'none'; style-src 'sha256-{CSS_HASH}'; form-action 'self'; frame-ancestors 'none'; "
        "base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
}
KIND_LABELS = {"non_formal": N_("Non-formal learning"), "informal": N_("Informal learning")}
HTML_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/html": {"schema": {"type": "string"}}}},
    **{
        code: {"description": text, "content": {"text/html": {"schema": {"type": "string"}}}}
        for code, text in (
            (404, "Unknown link"),
            (409, "The entry changed"),
            (410, "Used, withdrawn or expired link"),
            (422, "The form is incomplete"),
            (429, "Too many requests"),
        )
    },
}


ERROR_HEADINGS = {
    404: N_("Link not found"),
    409: N_("The entry has changed"),
    410: N_("This link is no longer active"),
    429: N_("Too many requests"),
}
OTHER_ERROR_HEADING = N_("This link cannot be used")
EXPIRED_MESSAGE = N_("This endorsement link expired on %(date)s.")
NOT_TICKED = N_("Tick the box to confirm that the description is accurate to your knowledge.")
OUT_OF_DATE = N_("The form is out of date; reload the page.")
_FIELD_NAMES = {
    "name": N_("Your name"),
    "role": N_("Your role"),
    "organisation": N_("Organisation"),
    "comment": N_("Comment"),
}
_FILL_IN = N_("%(field)s: fill this in.")
_TOO_LONG = N_("%(field)s: this is longer than %(limit)s characters.")
_FORM_PROBLEMS = {
    "missing": _FILL_IN,
    "too_short": _FILL_IN,
    "string_too_short": _FILL_IN,
    "too_long": _TOO_LONG,
    "string_too_long": _TOO_LONG,
}
"""A form problem in the endorser's language, by pydantic's error type (others keep pydantic's English text)."""


def _page(name: str, language: str, status_code: int = 200, **context: Any) -> Response:
    """An endorsement page in the language of the endorser's `Accept-Language` (as share pages, `api.i18n`)."""
    template = templates.get_template(f"endorse/{name}")
    body = template.render(**page_context(language), css=CSS, kinds=KIND_LABELS, **context).encode()
    headers = dict(PAGE_HEADERS)
    language_headers(headers, language)
    return Response(body, status_code=status_code, media_type="text/html; charset=utf-8", headers=headers)


def _error_message(error: DomainError, language: str) -> str:
    """The error's detail in `language`: the domain's fixed texts by their own text, an expiry with its date; a
    detail with no translation stays English."""
    if language == i18n.DEFAULT_LANGUAGE:
        return error.detail
    if isinstance(error, EndorsementLinkUnavailable) and error.expired_on is not None:
        return i18n.translate(language, EXPIRED_MESSAGE, date=i18n.format_day(error.expired_on, language))
    return i18n.gettext(language, error.detail)


def _error_page(error: DomainError, language: str) -> Response:
    status_code = status_for(error)
    heading = i18n.gettext(language, ERROR_HEADINGS.get(status_code, OTHER_ERROR_HEADING))
    response = _page("message.html", language, status_code, heading=heading, message=_error_message(error, language))
    if status_code == 429:
        response.headers["Retry-After"] = str(error.extra.get("retry_after", 60))
    return response


def _form_problem(error: Any, language: str) -> str:
    field = i18n.gettext(language, _FIELD_NAMES.get(str(error["loc"][0]), N_("The form")))
    template = _FORM_PROBLEMS.get(error["type"])
    if template is None:
        return f"{field}: {error['msg'].removeprefix('Value error, ')}."
    return i18n.translate(language, template, field=field, limit=(error.get("ctx") or {}).get("max_length", ""))


@endorsement_pages_router.get(
    "/{token}",
    operation_id="openEndorsementPage",
    summary="The endorsement page",
    response_class=Response,
    responses=HTML_RESPONSES,
)
async def endorsement_page(token: Token, request: Request, session: ReadSessionDep) -> Response:
    """What the endorser opens: the entry to endorse and a form to confirm it, in the language of the request's
    `Accept-Language`. Changes nothing."""
    language = request_language(request)
    try:
        await _limit(request)
        invitation = await endorsements.open_link(session, token)
    except DomainError as error:
        return _error_page(error, language)
    return _form(invitation, language, {}, [])


def _form(
    invitation: endorsements.Invitation,
    language: str,
    values: Mapping[str, str],
    problems: list[str],
    status_code: int = 200,
) -> Response:
    row = invitation.request
    defaults = {"name": row.endorser_name, "organisation": row.endorser_organisation or "", **values}
    public = endorsements.invitation_public(invitation)
    if public.learner == endorsements.UNNAMED_LEARNER:
        public.learner = i18n.gettext(language, public.learner)
    return _page("page.html", language, status_code, invitation=public, values=defaults, problems=problems)


@endorsement_pages_router.post(
    "/{token}",
    operation_id="confirmEndorsementPage",
    summary="Endorse from the page",
    response_class=Response,
    responses=HTML_RESPONSES,
)
async def endorsement_page_confirm(token: Token, request: Request, session: SessionDep, state: StateDep) -> Response:
    """The page's form: confirm the entry (the same rules as `POST /v1/endorsements/{token}`)."""
    language = request_language(request)
    values: dict[str, str] = {}
    try:
        await _limit(request)
        form = await request.form(max_files=0, max_fields=10)
        values = {name: value.strip() for name, value in form.items() if isinstance(value, str)}
        await form.close()
        problems: list[str] = []
        if values.get("accurate") != "yes":
            problems.append(i18n.gettext(language, NOT_TICKED))
        try:
            version = values.get("entry_version", "")
            confirmation = EndorsementConfirm.model_validate(
                {
                    "name": values.get("name", ""),
                    "role": values.get("role", ""),
                    "organisation": values.get("organisation") or None,
                    "comment": values.get("comment") or None,
                    "entry_version": int(version) if version.isdigit() else 0,
                }
            )
        except ValidationError as exc:
            problems.extend(
                _form_problem(error, language)
                for error in exc.errors()
                if error["loc"] and error["loc"][0] != "entry_version"
            )
            if any(error["loc"] and error["loc"][0] == "entry_version" for error in exc.errors()):
                problems.append(i18n.gettext(language, OUT_OF_DATE))
        if problems:
            invitation = await endorsements.open_link(session, token)
            return _form(invitation, language, values, problems, 422)
        endorsement = await endorsements.confirm(
            session, token, confirmation, issuer=state.settings.effective_token_issuer, sign=endorsement_signer(state)
        )
    except DomainError as error:
        # Answered here rather than raised: undo what the attempt wrote (the link is used up only on success).
        await session.rollback()
        if error.code == "entry_changed":
            invitation = await endorsements.open_link(session, token)
            return _form(invitation, language, values, [_error_message(error, language)], 409)
        return _error_page(error, language)
    return _page("done.html", language, endorsement=endorsement)
