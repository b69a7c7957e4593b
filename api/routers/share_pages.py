"""Sharing, the viewer's side: `/s/{token}` pages for people and the same routes as JSON for machines.

`GET /s/{token}` (and HEAD) is a landing page that releases nothing and counts nothing: mail scanners prefetch
links. Only the POSTs release: `reveal` (page or JSON), `download` (JSON or PDF) — each counts one view with one
atomic statement — and `verify` (a live verification of the documents, no view counted). Expired, revoked and
exhausted links release nothing anywhere. Unknown and malformed tokens get the same bytes, and so does every other
address under `/s/` (`unknown_link`: an unknown sub-path, an encoded slash, a wrong method, a trailing slash, a URL
with U+0000). Every answer carries the privacy headers below; tokens never reach a log (the access log records the
route as `/s/{token}`, or `unmatched`).

The landing and the reveal are the hot routes (bench/README.md, `sharing`): plain routes (`api.deps.PlainRoute`,
the endpoint gets the token and the request, no parameter solving) answering with headers encoded once. Landings
that arrive together are read with one statement (`service.LandingReads`), then kept in `service.landing_cache`
(links without a view limit) until a write to what they show; their events are queued (`service.LandingLog`,
written once a second); a landing page is rendered once per distinct content. Reveals and downloads of links that
name no recipient that arrive together are committed together (`service.ReleaseBatches`); a reveal's JSON body is
built once per share and language (`reveal_bodies`) until a write to what it shows (docs/scaling.md, read caches).
On SQLite, these background writers of a process take turns for the database's one write lock instead of polling
for it in SQLite's busy handler.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import re
import uuid
from collections import OrderedDict
from collections.abc import AsyncIterator, Hashable
from pathlib import Path
from typing import Annotated, Any, Literal

import structlog
from fastapi import APIRouter, Depends, FastAPI, Request, Response
from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup
from starlette.background import BackgroundTask
from starlette.types import Receive, Scope, Send

from api.deps import PlainRoute, SessionDep, StateDep, authenticate, request_transaction
from api.errors import log_refusal, status_for
from api.i18n import (
    install_translations,
    language_headers,
    localize_caveat,
    localize_check,
    page_context,
    request_language,
)
from api.ratelimit import Limiter
from api.routers.verification import get_status_check, verification_context
from api.state import AppState
from core import i18n
from core.accounts.models import Role, User
from core.database import SqliteWriter
from core.errors import DomainError, TooManyRequests
from core.i18n import N_
from core.jsonstrict import dumps_compact
from core.readcache import ReadCache
from wallet.repository import CredentialRepository
from wallet.sharing import service
from wallet.sharing.errors import ShareNotFound, ShareUnavailable
from wallet.sharing.pdf import render_pdf
from wallet.sharing.schemas import ShareLanding
from wallet.sharing.views import validity_of, verification_view
from wallet.summary.model import ANNEX_I_LABELS
from wallet.verification import service as verification_service
from wallet.verification.engine import verify_document

log = structlog.get_logger("passerelle.sharing")


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Runs inside the application's lifespan (FastAPI merges router lifespans), so the state exists: the landing
    reads, the landing-event log, the release batches and the SQLite writer lock they share; in a serving process
    also the task that writes the landing-event log every second and, on SQLite, the release batches' writer."""
    state: AppState = app.state.passerelle
    turn = asyncio.Lock() if state.engine.dialect.name == "sqlite" else None
    # A test's app is bound to one connection and runs no background writer: its landing events are written at once.
    serving = state.read_engine is not None
    landing_log = service.LandingLog(state.sessionmaker, batched=serving, turn=turn)
    app.state.landing_log = landing_log
    app.state.landing_reads = service.LandingReads(state.read_sessionmaker)
    # A serving process on SQLite commits the batches of reveals in a writer thread (`core.database.GroupCommit`).
    sqlite_writer = SqliteWriter(state.settings.effective_database_url) if serving and turn is not None else None
    # A serving process on PostgreSQL counts and logs each link's releases of a batch in one autocommitted statement.
    quiet = state.engine if serving and state.engine.dialect.name == "postgresql" else None
    app.state.release_batches = service.ReleaseBatches(state.sessionmaker, turn=turn, writer=sqlite_writer, quiet=quiet)
    writer = asyncio.create_task(landing_log.run()) if serving else None
    try:
        yield
    finally:
        if writer is not None:
            writer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await writer
        await landing_log.flush()
        app.state.release_batches.close()
        if sqlite_writer is not None:
            sqlite_writer.close()


router = APIRouter(prefix="/s", tags=["share pages"], lifespan=lifespan)
plain_router = APIRouter(prefix="/s", tags=["share pages"], route_class=PlainRoute)
"""The landing and the reveal, the hottest public routes: their endpoints get the token and the request only."""

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
CSS = (TEMPLATES / "share" / "share.css").read_text("utf-8")
CSS_HASH = base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()
SHARE_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": (
        f"default-src 'none'; style-src 'sha256-{CSS_HASH}'; img-src 'self' data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
}
AUTOMATED = re.compile(
    r"bot|crawl|spider|slurp|preview|scan|proofpoint|mimecast|barracuda|safelinks|curl|wget|python|httpx|go-http|java/",
    re.IGNORECASE,
)
FORMAT_NAMES = {
    "edc": N_("European Digital Credential"),
    "edc_jades": N_("European Digital Credential (sealed)"),
    "open_badges_3": N_("Open Badge 3.0"),
    "open_badges_3_jwt": N_("Open Badge 3.0"),
    "clr_2": N_("Comprehensive Learner Record"),
    "clr_2_jwt": N_("Comprehensive Learner Record"),
    "vc": N_("Verifiable Credential"),
    "vc_jwt": N_("Verifiable Credential"),
    "sd_jwt_vc": N_("SD-JWT Verifiable Credential"),
    "elmo": N_("Transcript of Records (ELMO)"),
    "elmo_learning_opportunity": N_("Course from a Transcript of Records"),
}
FIELD_LABELS: dict[str, str] = {
    **{str(name): label for name, label in ANNEX_I_LABELS.items()},
    "title": N_("Title"),
    "description": N_("Description"),
    "types": N_("Types"),
    "vct": N_("Credential type"),
    "issuer": N_("Awarding body"),
    "awarded_on": N_("Date awarded"),
    "valid_from": N_("Valid from"),
    "valid_until": N_("Valid until"),
    "credits": N_("Workload (credits)"),
    "levels": N_("Level"),
    "field_of_study": N_("Field of study (ISCED-F)"),
    "language": N_("Language"),
    "achievements": N_("Courses and units"),
}
VALIDITY_TEXT = {
    "valid": N_("valid"),
    "expired": N_("expired (the issuer set an end date that has passed)"),
    "not_yet_valid": N_("not valid yet"),
    "unknown": N_("not stated"),
}


def _render_value(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k.replace('_', ' ')}: {_render_value(v)}" for k, v in value.items() if v not in (None, []))
    if isinstance(value, list):
        return " · ".join(_render_value(v) for v in value)
    return str(value)


templates = Environment(
    loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), auto_reload=False, enable_async=False
)
install_translations(templates)


@pass_context
def _label(context: Context, name: str) -> str:
    return i18n.gettext(context.get("language") or i18n.DEFAULT_LANGUAGE, FIELD_LABELS.get(name, name))


templates.filters["label"] = _label
templates.globals.update(
    css=CSS, format_names=FORMAT_NAMES, field_labels=FIELD_LABELS, validity_text=VALIDITY_TEXT, render=_render_value
)


def _headers(language: str, base: dict[str, str] = SHARE_HEADERS) -> dict[str, str]:
    headers = dict(base)
    language_headers(headers, language)
    return headers


def _encoded(headers: dict[str, str]) -> list[tuple[bytes, bytes]]:
    return [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()]


_RAW_SHARE_HEADERS = _encoded(SHARE_HEADERS)
_RAW_LANGUAGE_HEADERS = {language: _encoded(_headers(language)) for language in i18n.LANGUAGES}


def _answer(body: bytes, media_type: str, language: str | None = None) -> Response:
    """A 200 with the share headers (and the language's, for an answer negotiated by `Accept-Language`), encoded
    once at start-up rather than on every request of the hot routes."""
    response = Response(body, media_type=media_type)
    response.raw_headers.extend(_RAW_SHARE_HEADERS if language is None else _RAW_LANGUAGE_HEADERS[language])
    return response


def _html(name: str, language: str, status: int = 200, **context: Any) -> Response:
    body = templates.get_template(f"share/{name}").render(**page_context(language), **context).encode()
    return Response(body, status_code=status, media_type="text/html; charset=utf-8", headers=_headers(language))


def _wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


NOT_FOUND_HEADING = N_("Link not found")
NOT_FOUND_MESSAGE = N_("This link does not exist. Check that you copied all of it.")
GONE_HEADING = N_("This link is no longer active")
GONE_MESSAGE = N_("It has expired, was revoked by the learner or has been used up. Ask the learner for a new one.")
ERROR_HEADING = N_("This link cannot be opened")
CODE_SENT_HEADING = N_("Code sent")
CODE_SENT_MESSAGE = N_("Check the recipient's mailbox, then enter the code.")
NOT_FOUND_HTML = {
    language: templates.get_template("share/message.html")
    .render(
        **page_context(language),
        heading=i18n.gettext(language, NOT_FOUND_HEADING),
        message=i18n.gettext(language, NOT_FOUND_MESSAGE),
    )
    .encode()
    for language in i18n.LANGUAGES
}
"""By language: every unknown or malformed token gets the same bytes (for the same `Accept-Language`)."""
NOT_FOUND_JSON = dumps_compact(
    {"type": "about:blank", "title": "Not Found", "status": 404, "code": "share_not_found", "detail": "No such link."}
)
GONE_JSON = dumps_compact(
    {
        "type": "about:blank",
        "title": "Gone",
        "status": 410,
        "code": "share_unavailable",
        "detail": "This link has expired, was revoked or has been used up; it releases nothing.",
    }
)


def error_response(request: Request, error: DomainError) -> Response:
    """Share-route errors without the path (it holds the token) or a request id: the same bytes for every unknown
    or malformed token. A miss and a 429 are logged as security events (`api.errors.log_refusal`)."""
    log_refusal(request, error)
    as_json = _wants_json(request)
    language = request_language(request)
    if isinstance(error, ShareNotFound):
        if as_json:
            return Response(NOT_FOUND_JSON, 404, media_type="application/problem+json", headers=SHARE_HEADERS)
        return Response(
            NOT_FOUND_HTML[language], 404, media_type="text/html; charset=utf-8", headers=_headers(language)
        )
    if isinstance(error, ShareUnavailable):
        if as_json:
            return Response(GONE_JSON, 410, media_type="application/problem+json", headers=SHARE_HEADERS)
        return _html(
            "message.html",
            language,
            410,
            heading=i18n.gettext(language, GONE_HEADING),
            message=i18n.gettext(language, GONE_MESSAGE),
        )
    status = status_for(error)
    headers = dict(SHARE_HEADERS)
    if isinstance(error, TooManyRequests):
        headers["Retry-After"] = str(error.extra.get("retry_after", 60))
    if as_json:
        body = {"type": "about:blank", "title": "Error", "status": status, "code": error.code, "detail": error.detail}
        return Response(dumps_compact(body), status, media_type="application/problem+json", headers=headers)
    response = _html(
        "message.html", language, status, heading=i18n.gettext(language, ERROR_HEADING), message=error.detail
    )
    response.headers.update(headers)
    return response


async def unknown_link(scope: Scope, receive: Receive, send: Send) -> None:
    """The ASGI answer to every address under `/s/` that no share route takes, and to a URL there that the body
    guard refuses (U+0000): the unknown token's 404, byte for byte, rather than a problem naming the path and the
    request id without the privacy headers (`api.app.UNKNOWN_LINK_ANSWERS`)."""
    await error_response(Request(scope), ShareNotFound())(scope, receive, send)


async def viewer(request: Request) -> service.Viewer:
    """The viewer: anonymous, or an officer when the request carries an officer's token. Also the rate limit.
    (No sub-dependency: the hot routes call it in their body, each dependency level costs on every request.)"""
    address = request.client.host if request.client else None
    limiter: Limiter = request.app.state.share_limiter
    await limiter.hit(address or "unknown")
    headers = request.headers
    automated = request.method == "HEAD" or bool(AUTOMATED.search(headers.get("user-agent", "")))
    body_id = None
    authorization = headers.get("authorization")
    if authorization:
        principal = await authenticate(request, authorization)
        if principal.role == Role.OFFICER:
            state: AppState = request.app.state.passerelle
            async with state.sessionmaker() as session:
                user = await session.get(User, principal.id)
                body_id = user.body_id if user else None
    return service.Viewer(officer_body_id=body_id, automated=automated, address=address)


ViewerDep = Annotated[service.Viewer, Depends(viewer)]


async def _code(request: Request) -> str | None:
    """The one-time code from a form field or a JSON body {"code": "…"}."""
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/json"):
        from core.jsonstrict import loads

        data = loads(await request.body())
        code = data.get("code") if isinstance(data, dict) else None
        return code if isinstance(code, str) and len(code) <= 16 else None
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        code = form.get("code")
        return code if isinstance(code, str) and len(code) <= 16 else None
    return None


def _kinds(landing: service.Landing) -> list[str]:
    return [item.title or FORMAT_NAMES.get(item.format or "", N_("A credential")) for item in landing.items]


_RENDERED_MAX = 1024
_RENDERED: OrderedDict[Hashable, bytes] = OrderedDict()
"""Landing answers by everything they are made of (never the token, never the share's state): a function of their
key, so they are rendered once per distinct content, not on every request."""
_BASE = "<share-base>"
"""Stands for `/s/{token}` in a rendered page. Autoescaping writes every `<` that comes from data as `&lt;`, so
this text can only be where the template put `base`."""


def _rendered(key: Hashable, render: Any) -> bytes:
    body = _RENDERED.get(key)
    if body is None:
        body = _RENDERED[key] = render()
        if len(_RENDERED) > _RENDERED_MAX:
            _RENDERED.popitem(last=False)
    else:
        _RENDERED.move_to_end(key)
    return body


def _landing_json(found: service.Landing, kinds: list[str]) -> bytes:
    share = found.share
    recipient: Literal["anyone", "email", "body"] = (
        "body" if share.recipient_body_id else "email" if share.recipient_email else "anyone"
    )
    document = ShareLanding(
        shared_by=found.shared_by,
        purpose=share.purpose,
        credentials=kinds,
        expires_at=share.expires_at,
        recipient=recipient,
        recipient_body=found.recipient_body,
        skills_profile=share.include_skills_profile,
    )
    return document.model_dump_json().encode()


def _landing_html(found: service.Landing, kinds: list[str], language: str) -> bytes:
    base = Markup(_BASE)  # noqa: S704 - a constant: left unescaped so that no data can spell it
    kinds = [
        kind if item.title else i18n.gettext(language, kind) for kind, item in zip(kinds, found.items, strict=False)
    ]
    page = templates.get_template("share/landing.html").render(
        **page_context(language), landing=found, kinds=kinds, base=base
    )
    return page.encode()


@plain_router.head("/{token}", include_in_schema=False)
@plain_router.get(
    "/{token}",
    operation_id="openShare",
    summary="A share's landing page",
    responses={200: {"content": {"text/html": {}, "application/json": {"schema": ShareLanding.model_json_schema()}}}},
)
async def landing(token: str, request: Request) -> Response:
    """Who shares what kind of credential and why. Changes nothing and counts no view (links are prefetched)."""
    who = await viewer(request)
    log = request.app.state.landing_log if request.method == "GET" else None
    try:
        found = await service.open_share(request.app.state.landing_reads, token, who, log=log)
        if found.state != "active":
            raise ShareUnavailable()
    except DomainError as error:
        return error_response(request, error)
    share = found.share
    kinds = _kinds(found)
    # Everything the page shows, and nothing else: the state is checked above, on every request.
    content = (
        found.shared_by,
        share.purpose,
        tuple(kinds),
        share.expires_at,
        share.recipient_body_id is not None,
        share.recipient_email is not None,
        found.recipient_body,
        share.include_skills_profile,
    )
    if _wants_json(request):
        return _answer(_rendered(("json", content), lambda: _landing_json(found, kinds)), "application/json")
    language = request_language(request)
    page = _rendered(("html", language, content), lambda: _landing_html(found, kinds, language))
    return _answer(page.replace(_BASE.encode(), f"/s/{token}".encode()), "text/html; charset=utf-8", language)


@router.post("/{token}/code", operation_id="sendShareCode", summary="Mail the one-time code to the recipient")
async def send_code(token: str, request: Request, session: SessionDep, state: StateDep, who: ViewerDep) -> Response:
    """For a link bound to an e-mail address: send a one-time code there (never to an address the caller names)."""
    try:
        await service.request_code(
            session, token, who, minutes=state.settings.share_code_minutes, public_url=state.settings.public_url
        )
    except DomainError as error:
        return error_response(request, error)
    # The mail is sent from the outbox once this transaction commits; wake the dispatcher after the response.
    wake = BackgroundTask(state.outbox.wake) if state.outbox is not None else None
    if _wants_json(request):
        return Response(status_code=202, headers=SHARE_HEADERS, background=wake)
    language = request_language(request)
    response = _html(
        "message.html",
        language,
        202,
        heading=i18n.gettext(language, CODE_SENT_HEADING),
        message=i18n.gettext(language, CODE_SENT_MESSAGE),
    )
    response.background = wake
    return response


def _explained(credential: dict[str, Any], language: str) -> dict[str, Any]:
    """A released credential for machines: each check with its plain-language `explanation`, the recognition
    packet's caveat with its `caveat_explanation`, both in `language`."""
    explained = dict(credential)
    verification = credential.get("verification")
    if isinstance(verification, dict):
        checks = [localize_check(check, language) for check in verification.get("checks", [])]
        explained["verification"] = {**verification, "checks": checks}
    if isinstance(credential.get("recognition"), dict):
        explained["recognition"] = localize_caveat(credential["recognition"], language)
    return explained


def _released(found: service.Released) -> list[dict[str, Any]]:
    return [item.presentation for item in found.items if item.presentation is not None]


def _skills(found: service.Released, credentials: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The share's skills profile (from what it releases) when the learner included one."""
    return service.shared_skills(credentials) if found.share.include_skills_profile else None


async def _release(
    token: str, request: Request, who: service.Viewer, event: Literal["reveal", "download"]
) -> tuple[service.Released, str, str | None]:
    code = await _code(request)
    batches: service.ReleaseBatches = request.app.state.release_batches
    found = await service.release(
        lambda: request_transaction(request), token, who, code=code, event=event, batches=batches
    )
    return found, found.shared_by, code


reveal_bodies: ReadCache[tuple[uuid.UUID, str], bytes] = ReadCache(
    tables=service.SHARE_TABLES, channel=service.SHARES_CHANNEL, max_entries=1024
)
"""A share's reveal for machines, by share and language. The body shows no view count, so it stays the same from
one view to the next until something it is made of is written, which empties the cache (`core.readcache`): a
revocation, which erases the presentations, leaves no copy here."""


def _reveal_json(found: service.Released, language: str) -> bytes:
    credentials = _released(found)
    body: dict[str, Any] = {
        "shared_by": found.shared_by,
        "purpose": found.share.purpose,
        "link_expires_at": found.share.expires_at.isoformat(),
        "credentials": [_explained(credential, language) for credential in credentials],
    }
    skills = _skills(found, credentials)
    if skills is not None:
        body["skills_profile"] = skills
    return dumps_compact(body)


@plain_router.post("/{token}/reveal", operation_id="revealShare", summary="Show what was shared")
async def reveal(token: str, request: Request) -> Response:
    """The released fields of each credential, its verification per check, its validity (apart from the link's
    expiry) and its recognition packet; when the learner included one, a skills profile built from the released
    learning outcomes only. Counts one view. `Accept: application/json` for machines."""
    who = await viewer(request)
    state: AppState = request.app.state.passerelle
    generation = reveal_bodies.generation  # before the release reads what the body is made of
    try:
        found, shared_by, code = await _release(token, request, who, "reveal")
    except DomainError as error:
        return error_response(request, error)
    language = request_language(request)
    if _wants_json(request):
        key = (found.share.id, language)
        cached = reveal_bodies.get(key)
        if cached is None:
            cached = _reveal_json(found, language)
            reveal_bodies.put(key, cached, generation=generation)
        response = _answer(cached, "application/json", language)
    else:
        credentials = _released(found)
        skills = _skills(found, credentials)
        response = _html(
            "reveal.html",
            language,
            share=found.share,
            shared_by=shared_by,
            items=credentials,
            skills=skills,
            base=f"/s/{token}",
            code=code,
        )
    if state.outbox is not None and found.share.notify_first_reveal and found.share.views == 1:
        response.background = BackgroundTask(state.outbox.wake)
    return response


@router.post("/{token}/download", operation_id="downloadShare", summary="Download what was shared (JSON or PDF)")
async def download(token: str, request: Request, who: ViewerDep) -> Response:
    """The released data as JSON (with the SD-JWT presentation where there is one) or PDF (`format=pdf` as a
    query or form field). Counts one view."""
    try:
        found, shared_by, _ = await _release(token, request, who, "download")
    except DomainError as error:
        return error_response(request, error)
    wanted = request.query_params.get("format")
    if wanted is None and request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        form_format = (await request.form()).get("format")
        wanted = form_format if isinstance(form_format, str) else None
    credentials = _released(found)
    headers = dict(SHARE_HEADERS)
    if wanted == "pdf":
        pdf = render_pdf(
            shared_by, found.share.purpose, found.share.expires_at, credentials, FIELD_LABELS, _render_value
        )
        headers["Content-Disposition"] = 'attachment; filename="shared-credential.pdf"'
        return Response(pdf, media_type="application/pdf", headers=headers)
    body: dict[str, Any] = {"shared_by": shared_by, "purpose": found.share.purpose, "credentials": credentials}
    skills = _skills(found, credentials)
    if skills is not None:
        body["skills_profile"] = skills
    headers["Content-Disposition"] = 'attachment; filename="shared-credential.json"'
    return Response(dumps_compact(body), media_type="application/json", headers=headers)


@router.post("/{token}/verify", operation_id="verifyShare", summary="Verify the shared credentials now")
async def verify(token: str, request: Request, session: SessionDep, state: StateDep, who: ViewerDep) -> Response:
    """Verify each shared credential again from its original document, now: each check's outcome and reason.
    No view is counted; the learner's access log records it."""
    try:
        found = await service.check_active(session, token, who, code=await _code(request))
    except DomainError as error:
        return error_response(request, error)
    language = request_language(request)
    trust = await verification_service.load_trust_store(session)
    repository = CredentialRepository(session)
    check_status = await get_status_check(state)
    results = []
    for item in found.items:
        row = await repository.get_document(found.share.owner_id, item.credential_id)
        if row is None:
            continue
        content, media_type = await verification_service.signed_document(repository, *row)
        result = (
            await verify_document(content, media_type, verification_context(state, trust), status_check=check_status)
        ).as_dict()
        view = verification_view(result)
        view["checks"] = [localize_check(check, language) for check in view["checks"]]
        results.append({"verification": view, "validity": validity_of(result)})
    return Response(dumps_compact({"credentials": results}), media_type="application/json", headers=_headers(language))
