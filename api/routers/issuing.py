"""Hosted issuing: institutions define achievements, issue them, and suspend, reinstate or revoke what they issued;
their keys, status lists and OpenID4VCI issuer endpoints are public."""

from __future__ import annotations

import functools
import uuid
from typing import Annotated, Any, Literal
from urllib.parse import parse_qsl

from fastapi import APIRouter, Header, Path, Query, Request, Response, status
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncSession

from api.deps import PaginationDep, ReadSessionDep, SessionDep, StateDep
from api.errors import problem_responses
from api.i18n import request_language
from api.routers.inbox import CurrentInstitution, claim_idempotency_key, push_with_settings
from api.state import AppState
from core import idempotency
from core.accounts.models import Institution
from core.errors import InvalidInput, NotFound
from wallet.issuing import keys, oid4vci, service
from wallet.issuing import status as status_lists
from wallet.issuing.schemas import (
    AchievementCreate,
    AchievementPage,
    AchievementPublic,
    IssuedPublic,
    IssueRequest,
    IssueResult,
    StateChange,
)
from wallet.status.publish import BITSTRING_LIST_MEDIA_TYPE, TOKEN_LIST_MEDIA_TYPE, etag_of

router = APIRouter(prefix="/v1/institutions", tags=["issuing"])
public_router = APIRouter(prefix="/v1/institutions/{institution_id}", tags=["issuing"])
well_known_router = APIRouter(tags=["issuing"])

AchievementID = Annotated[uuid.UUID, Path(description="The achievement definition's id.")]
IssuedID = Annotated[uuid.UUID, Path(description="The issued credential's id.")]
InstitutionID = Annotated[uuid.UUID, Path(description="The institution's id (its issuer identifier's last part).")]
LIST_CACHE_CONTROL = f"public, max-age={status_lists.CACHE_SECONDS}"


class InstitutionNotFound(NotFound):
    code = "institution_not_found"
    default_detail = "There is no such institution."


def signer_of(state: AppState) -> service.Signer:
    return service.Signer(keys_dir=state.settings.keys_dir, public_url=state.settings.public_url)


# ------------------------------------------------------------------------------------------------- achievements


@router.post(
    "/achievements",
    response_model=AchievementPublic,
    status_code=status.HTTP_201_CREATED,
    operation_id="createAchievement",
    summary="Define an achievement to issue",
    responses=problem_responses(401, 404, 413, 422, 503),
)
async def create_achievement(
    body: AchievementCreate, institution: CurrentInstitution, session: SessionDep, state: StateDep
) -> AchievementPublic:
    """A micro-credential must state every mandatory element of Annex I of the Council Recommendation on
    micro-credentials that does not vary by learner (title, learning outcomes, workload, level, type of assessment,
    form of participation, type of quality assurance; your institution's country): one that does not is refused
    (422 `annex_i_incomplete`) with `missing`, the list of what is missing. A national framework level is checked
    against the frameworks data and gives the EQF level when the framework assigns exactly one."""
    catalogue = state.recognition.current if state.recognition is not None else None
    definition = await service.create_achievement(session, institution.id, body, catalogue)
    return service.achievement_public(definition)


@router.get(
    "/achievements",
    response_model=AchievementPage,
    operation_id="listAchievements",
    summary="Your achievement definitions",
    responses=problem_responses(401, 422),
)
async def list_achievements(
    institution: CurrentInstitution, session: ReadSessionDep, pagination: PaginationDep
) -> AchievementPage:
    rows, next_cursor = await service.list_achievements(
        session, institution.id, limit=pagination.limit, cursor=pagination.cursor
    )
    return AchievementPage(items=[service.achievement_public(row) for row in rows], next_cursor=next_cursor)


@router.get(
    "/achievements/{achievement_id}",
    response_model=AchievementPublic,
    operation_id="getAchievement",
    summary="Read an achievement definition",
    responses=problem_responses(401, 404, 422),
)
async def get_achievement(
    achievement_id: AchievementID, institution: CurrentInstitution, session: ReadSessionDep
) -> AchievementPublic:
    return service.achievement_public(await service.get_achievement(session, institution.id, achievement_id))


@router.post(
    "/achievements/{achievement_id}/archive",
    response_model=AchievementPublic,
    operation_id="archiveAchievement",
    summary="Stop issuing an achievement",
    responses=problem_responses(401, 404, 422),
)
async def archive_achievement(
    achievement_id: AchievementID, institution: CurrentInstitution, session: SessionDep
) -> AchievementPublic:
    """No new issuance; what was issued stays valid until you revoke it."""
    return service.achievement_public(await service.archive_achievement(session, institution.id, achievement_id))


@router.post(
    "/achievements/{achievement_id}/issue",
    response_model=IssueResult,
    operation_id="issueAchievement",
    summary="Issue an achievement to learners",
    responses=problem_responses(401, 404, 409, 413, 422),
)
async def issue(
    achievement_id: AchievementID,
    body: IssueRequest,
    request: Request,
    institution: CurrentInstitution,
    session: SessionDep,
    state: StateDep,
    idempotency_key: Annotated[
        str | None,
        Header(
            pattern=idempotency.KEY_PATTERN,
            description="Optional, for `delivery: inbox`: a replay with the same key answers the first response byte "
            "for byte and issues nothing; the same key with a different body is refused (422). Not accepted with "
            "`delivery: offer`, whose answer holds one-time codes that are never stored.",
        ),
    ] = None,
) -> Response:
    """Each learner's credential is signed with your key (ES256; `GET /v1/institutions/{id}/jwks.json`) and gets a
    random index in one of your status lists. `delivery: inbox` pushes it to the learner's Passerelle inbox, as
    `credentials:batch` does (the learner accepts or declines; you follow it in your change feed). `delivery:
    offer` answers an OpenID4VCI credential offer per learner, for any standard wallet, and a `tx_code` to give the
    learner by another channel; the credential is signed when the wallet collects it, bound to the wallet's key."""
    claimed: idempotency.IdempotencyRecord | None = None
    if idempotency_key is not None:
        if body.delivery == "offer":
            raise InvalidInput(
                "An offer's answer holds one-time codes, which are never stored: it cannot be replayed. Send no "
                "`Idempotency-Key` with `delivery: offer`.",
                code="idempotency_not_supported",
            )
        found = await claim_idempotency_key(session, request, institution.id, idempotency_key)
        if isinstance(found, Response):
            return found
        claimed = found
    signer = signer_of(state)
    result = await service.issue(
        session,
        institution.id,
        achievement_id,
        body,
        signer=signer,
        deliver=functools.partial(
            push_with_settings, session, institution.id, state, language=request_language(request)
        ),
        make_offer=lambda issued: oid4vci.make_offer(session, issued, signer, with_tx_code=body.tx_code),
    )
    payload = result.model_dump_json().encode()
    if claimed is not None:
        await idempotency.complete(session, claimed, status_code=200, body=payload)
    return Response(payload, status_code=200, media_type="application/json")


@router.get(
    "/issued/{issued_id}",
    response_model=IssuedPublic,
    operation_id="getIssuedCredential",
    summary="An issued credential's state",
    responses=problem_responses(401, 404, 422),
)
async def get_issued(
    issued_id: IssuedID, institution: CurrentInstitution, session: ReadSessionDep, state: StateDep
) -> IssuedPublic:
    issued = await service.get_issued(session, institution.id, issued_id)
    return service.issued_public(issued, state.settings.public_url)


@router.post(
    "/issued/{issued_id}/{action}",
    response_model=IssuedPublic,
    operation_id="changeIssuedCredentialState",
    summary="Suspend, reinstate or revoke an issued credential",
    responses=problem_responses(401, 404, 409, 422),
)
async def change_state(
    issued_id: IssuedID,
    action: Literal["suspend", "reinstate", "revoke"],
    institution: CurrentInstitution,
    session: SessionDep,
    state: StateDep,
    body: StateChange | None = None,
) -> IssuedPublic:
    """`suspend` (active → suspended), `reinstate` (suspended → active), `revoke` (final). The status lists are
    re-signed at once; verifiers see the change when their copy expires (at most five minutes). Your change feed
    and webhooks report `suspended`, `reinstated` or `revoked`."""
    issued = await service.change_state(
        session, institution.id, issued_id, action, body.reason if body else None, signer=signer_of(state)
    )
    return service.issued_public(issued, state.settings.public_url)


@router.post(
    "/keys:rotate",
    operation_id="rotateInstitutionKey",
    summary="Rotate your signing key",
    responses=problem_responses(401, 404),
)
async def rotate_key(institution: CurrentInstitution, session: SessionDep, state: StateDep) -> dict[str, Any]:
    """A new active ES256 key signs from now on; the old one stays published so what it signed still verifies.
    Answers your JWK Set."""
    found = await session.get(Institution, institution.id)
    if found is None:
        raise InstitutionNotFound()
    signer = signer_of(state)
    await keys.rotate(state.settings.keys_dir, "institutions", found.id)
    ring = await signer.ring(session, found)
    return ring.jwks()


# ------------------------------------------------------------------------------------------------------ public


async def _institution(session: Any, institution_id: uuid.UUID) -> Institution:
    found = await session.get(Institution, institution_id)
    if found is None:
        raise InstitutionNotFound()
    return found  # type: ignore[no-any-return]


@public_router.get(
    "/jwks.json",
    operation_id="getInstitutionKeys",
    summary="An institution's public keys",
    responses=problem_responses(404, 422),
)
async def institution_keys(institution_id: InstitutionID, session: ReadSessionDep, state: StateDep) -> dict[str, Any]:
    """The keys that sign the institution's credentials and status lists (JWK Set), retired keys included."""
    await _institution(session, institution_id)
    return await keys.published_keys(state.settings.keys_dir, "institutions", institution_id)


STATUS_LIST_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {BITSTRING_LIST_MEDIA_TYPE: {}, TOKEN_LIST_MEDIA_TYPE: {}}, "description": "The list."},
    304: {"description": "Not modified (`If-None-Match`)."},
    **problem_responses(404, 422),
}
StatusDocument = Literal["revocation", "suspension", "token"]


async def serve_status_list(
    session: AsyncSession,
    owner: status_lists.Owner,
    list_id: uuid.UUID,
    document: StatusDocument,
    if_none_match: str | None,
) -> Response:
    """A stored status list document with its strong ETag and cache headers; 304 when the client's copy is current."""
    found = await status_lists.published(session, owner, list_id, document)
    if found is None:
        raise NotFound("There is no such status list.", code="status_list_not_found")
    text, row = found
    tag = etag_of(text)
    headers = {
        "ETag": tag,
        "Cache-Control": LIST_CACHE_CONTROL,
        "Last-Modified": row.updated_at.strftime("%a, %d %b %Y %H:%M:%S GMT"),
    }
    if if_none_match is not None and tag in {value.strip() for value in if_none_match.split(",")}:
        return Response(status_code=304, headers=headers)
    media_type = TOKEN_LIST_MEDIA_TYPE if document == "token" else BITSTRING_LIST_MEDIA_TYPE
    return Response(text, media_type=media_type, headers=headers)


@public_router.get(
    "/status-lists/{list_id}/{document}",
    operation_id="getStatusList",
    summary="A published status list",
    response_class=Response,
    responses=STATUS_LIST_RESPONSES,
)
async def status_list(
    institution_id: InstitutionID,
    list_id: Annotated[uuid.UUID, Path()],
    document: StatusDocument,
    session: ReadSessionDep,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    """`revocation` and `suspension`: W3C Bitstring Status List credentials (VC-JWT); `token`: an IETF Status List
    Token (2 bits: 0 valid, 1 invalid, 2 suspended). Public, cacheable for five minutes, with a strong ETag."""
    owner = status_lists.Owner("institutions", institution_id)
    return await serve_status_list(session, owner, list_id, document, if_none_match)


# ------------------------------------------------------------------------------------------------- OpenID4VCI


def _oauth_error(error: oid4vci.OAuthError) -> JSONResponse:
    headers = {"Cache-Control": "no-store"}
    if error.status == 401:
        headers["WWW-Authenticate"] = f'Bearer error="{error.error}"'
    return JSONResponse(error.body(), status_code=error.status, headers=headers)


@well_known_router.get(
    "/.well-known/openid-credential-issuer/v1/institutions/{institution_id}",
    operation_id="getCredentialIssuerMetadata",
    summary="OpenID4VCI Credential Issuer metadata",
    responses=problem_responses(404, 422),
)
async def credential_issuer_metadata(
    institution_id: InstitutionID, session: ReadSessionDep, state: StateDep
) -> dict[str, Any]:
    return oid4vci.issuer_metadata(await _institution(session, institution_id), signer_of(state))


@well_known_router.get(
    "/.well-known/oauth-authorization-server/v1/institutions/{institution_id}",
    operation_id="getAuthorizationServerMetadata",
    summary="OAuth authorization server metadata of an institution's issuer",
    responses=problem_responses(404, 422),
)
async def authorization_server_metadata(
    institution_id: InstitutionID, session: ReadSessionDep, state: StateDep
) -> dict[str, Any]:
    return oid4vci.authorization_server_metadata(await _institution(session, institution_id), signer_of(state))


@well_known_router.get(
    "/.well-known/jwt-vc-issuer/v1/institutions/{institution_id}",
    operation_id="getJwtVcIssuerMetadata",
    summary="SD-JWT VC issuer metadata",
    responses=problem_responses(404, 422),
)
async def jwt_vc_issuer_metadata(
    institution_id: InstitutionID, session: ReadSessionDep, state: StateDep
) -> dict[str, Any]:
    return oid4vci.jwt_vc_issuer_metadata(await _institution(session, institution_id), signer_of(state))


@public_router.get(
    "/oid4vci/offers/{offer_id}",
    operation_id="getCredentialOffer",
    summary="A credential offer, by reference",
    responses=problem_responses(404, 422),
)
async def credential_offer(
    institution_id: InstitutionID,
    offer_id: Annotated[uuid.UUID, Path()],
    code: Annotated[str, Query(min_length=20, max_length=100)],
    session: ReadSessionDep,
    state: StateDep,
) -> Response:
    document = await oid4vci.offer_document(session, institution_id, offer_id, code, signer_of(state))
    if document is None:
        raise NotFound("There is no such offer, or it was used or has expired.", code="offer_not_found")
    return JSONResponse(document, headers={"Cache-Control": "no-store"})


@public_router.post(
    "/oid4vci/token",
    operation_id="oid4vciToken",
    summary="Exchange a pre-authorized code for an access token",
    responses={400: {"description": "OAuth error (`invalid_grant`, …)."}},
)
async def oid4vci_token(institution_id: InstitutionID, request: Request, session: SessionDep) -> Response:
    """`application/x-www-form-urlencoded`: `grant_type` (the pre-authorized code grant), `pre-authorized_code`,
    `tx_code` when the offer asks for one. Five wrong `tx_code`s end the offer."""
    form = dict(parse_qsl((await request.body()).decode("utf-8", "replace"), keep_blank_values=True))
    try:
        answer, keep = await oid4vci.token(session, institution_id, form)
    except oid4vci.OAuthError as error:
        return _oauth_error(error)
    if keep:
        await session.commit()  # the failed attempt counts
        return JSONResponse(answer, status_code=400, headers={"Cache-Control": "no-store"})
    return JSONResponse(answer, headers={"Cache-Control": "no-store", "Pragma": "no-cache"})


@public_router.post("/oid4vci/nonce", operation_id="oid4vciNonce", summary="A fresh c_nonce")
async def oid4vci_nonce(institution_id: InstitutionID, session: SessionDep) -> Response:
    await _institution(session, institution_id)
    return JSONResponse({"c_nonce": await oid4vci.new_nonce(session)}, headers={"Cache-Control": "no-store"})


@public_router.post(
    "/oid4vci/credential",
    operation_id="oid4vciCredential",
    summary="Collect an offered credential",
    responses={400: {"description": "OAuth error (`invalid_proof`, `invalid_nonce`, …)."}, 401: {"description": ""}},
)
async def oid4vci_credential(
    institution_id: InstitutionID,
    request: Request,
    session: SessionDep,
    state: StateDep,
    authorization: Annotated[str | None, Header()] = None,
) -> Response:
    """`Authorization: Bearer <access token>`; JSON body with `credential_configuration_id` and `proofs.jwt` (one
    JWT proof of possession, ES256, with a `c_nonce` from the nonce endpoint)."""
    scheme, _, access_token = (authorization or "").partition(" ")
    try:
        if scheme.lower() != "bearer" or not access_token:
            raise oid4vci.OAuthError(401, "invalid_token", "Send the access token as a Bearer token.")
        try:
            payload = await request.json()
        except ValueError as exc:
            raise oid4vci.OAuthError(400, "invalid_credential_request", "The body is not JSON.") from exc
        if not isinstance(payload, dict):
            raise oid4vci.OAuthError(400, "invalid_credential_request", "The body is not a JSON object.")
        answer = await oid4vci.credential(session, institution_id, access_token.strip(), payload, signer_of(state))
    except oid4vci.OAuthError as error:
        await session.rollback()
        return _oauth_error(error)
    return JSONResponse(answer, headers={"Cache-Control": "no-store"})
