"""The learner's credential store."""

from __future__ import annotations

import uuid
from collections import OrderedDict
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request, Response, status
from starlette.datastructures import UploadFile

from api.deps import (
    BEARER_SECURITY,
    LEARNER,
    CredentialID,
    CurrentLearner,
    PaginationDep,
    ReadSessionDep,
    SessionDep,
    read_sessions,
)
from api.errors import problem_responses
from core.errors import InvalidInput, PreconditionRequired, UnsupportedMediaType
from core.text import reject_unsafe_characters
from wallet import service
from wallet.formats import ACCEPTED_MEDIA_TYPES, CredentialFormat
from wallet.schemas import CredentialPage, CredentialPublic, CredentialUpdate

router = APIRouter(prefix="/v1/wallet", tags=["wallet"])

CREDENTIALS_PATH = "/v1/wallet/credentials"
FILE_EXTENSIONS = {"json": "json", "jwt": "jwt", "sd-jwt": "txt", "xml": "xml", "plain": "txt", "jose": "jws"}

upload_body: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "The credential exactly as issued. Its bytes are stored unchanged.",
        "content": {
            **{
                media_type: {"schema": {"type": "string", "format": "binary"}}
                for media_type in sorted(ACCEPTED_MEDIA_TYPES)
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "label": {"type": "string", "maxLength": 200},
                    },
                }
            },
        },
    }
}


_RENDERED: OrderedDict[tuple[uuid.UUID, int], bytes] = OrderedDict()
_RENDERED_MAX = 10_000


def _public(credential: Any) -> CredentialPublic:
    return CredentialPublic.model_validate(credential, from_attributes=True)


def _essence(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


async def read_upload(request: Request) -> tuple[bytes, str, str | None]:
    """The uploaded document, its media type and an optional label, from a raw body or a multipart `file`."""
    content, media_type, label = await _read_body_or_part(request)
    if media_type not in ACCEPTED_MEDIA_TYPES and media_type != "application/octet-stream":
        raise UnsupportedMediaType(
            f"{media_type} is not a credential type we take; use one of {', '.join(sorted(ACCEPTED_MEDIA_TYPES))}."
        )
    return content, media_type, label


async def _read_body_or_part(request: Request) -> tuple[bytes, str, str | None]:
    media_type = _essence(request.headers.get("content-type"))
    if media_type != "multipart/form-data":
        if not media_type:
            raise UnsupportedMediaType("Send the credential with a Content-Type header.")
        return await request.body(), media_type, None
    form = await request.form(max_files=1, max_fields=4)
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise InvalidInput("The multipart body needs a `file` part.", code="missing_file")
        content = await upload.read()
        label_value = form.get("label")
        label = reject_unsafe_characters(label_value).strip()[:200] if isinstance(label_value, str) else None
        return content, _essence(upload.content_type) or "application/octet-stream", label or None
    except ValueError as exc:
        raise InvalidInput(str(exc), code="invalid_label") from exc
    finally:
        await form.close()


@router.post(
    "/credentials",
    status_code=status.HTTP_201_CREATED,
    response_model=CredentialPublic,
    operation_id="importCredential",
    summary="Import a credential",
    openapi_extra=upload_body,
    responses={
        **problem_responses(401, 409, 413, 415, 422),
        201: {"headers": {"Location": {"schema": {"type": "string"}}, "ETag": {"schema": {"type": "string"}}}},
    },
)
async def import_credential(
    request: Request, response: Response, learner: CurrentLearner, session: SessionDep
) -> CredentialPublic:
    """Add a credential to your wallet: EDC/ELM JSON-LD (sealed or not), Open Badges 3.0, CLR 2.0, W3C VCs as
    JSON-LD or JWT, SD-JWT VC, or an ELMO XML transcript — as the raw body with its media type, or as a
    multipart `file`. The same document twice answers 409 with the existing credential's id."""
    content, media_type, label = await read_upload(request)
    credential = await service.import_credential(
        session, owner_id=learner.id, content=content, media_type=media_type, label=label
    )
    response.headers["Location"] = f"{CREDENTIALS_PATH}/{credential.id}"
    response.headers["ETag"] = service.etag(credential)
    return _public(credential)


@router.get(
    "/credentials",
    response_model=CredentialPage,
    operation_id="listCredentials",
    summary="List your credentials",
    responses=problem_responses(401, 422),
)
async def list_credentials(
    learner: CurrentLearner,
    session: ReadSessionDep,
    pagination: PaginationDep,
    format: Annotated[CredentialFormat | None, Query(description="Only this format.")] = None,  # noqa: A002
    tag: Annotated[str | None, Query(max_length=64, pattern=r"^[^\s,]+$", description="Only with this tag.")] = None,
    parent: Annotated[
        uuid.UUID | None, Query(description="Only the credentials carried by this bundle or transcript.")
    ] = None,
) -> CredentialPage:
    """Your credentials, newest first, at most 100 per page. A CLR bundle's assertions and an ELMO transcript's
    learning opportunities are listed too, each with `parent_id` set to the document they came in."""
    page = await service.list_credentials(
        session,
        learner.id,
        limit=pagination.limit,
        cursor=pagination.cursor,
        credential_format=format.value if format else None,
        tag=tag,
        parent_id=parent,
    )
    return CredentialPage(items=[_public(c) for c in page.items], next_cursor=page.next_cursor)


@router.get(
    "/credentials/{credential_id}",
    response_model=CredentialPublic,
    operation_id="getCredential",
    summary="Read a credential's metadata",
    openapi_extra=BEARER_SECURITY,
    responses={**problem_responses(401, 404, 422), 200: {"headers": {"ETag": {"schema": {"type": "string"}}}}},
)
async def get_credential(credential_id: CredentialID, request: Request) -> Response:
    """The credential's metadata and the summary read from it so far. Use the ETag for `PATCH`."""
    # The wallet's hottest route authenticates in its body rather than through a declared dependency: solving a
    # sub-dependency costs about a tenth of this request (bench/README.md). Same check, same 401s; the OpenAPI
    # security requirement is declared by hand (BEARER_SECURITY).
    learner = await LEARNER(request)
    credential = await service.read_credential(read_sessions(request), learner.id, credential_id)
    # The wallet's hottest read: its JSON is a function of (id, version) — every change bumps the version — so it is
    # rendered once, not validated and serialised again on every request.
    key = (credential.id, credential.version)
    body = _RENDERED.get(key)
    if body is None:
        body = _RENDERED[key] = _public(credential).model_dump_json().encode()
        if len(_RENDERED) > _RENDERED_MAX:
            _RENDERED.popitem(last=False)
    return Response(body, media_type="application/json", headers={"ETag": service.etag(credential)})


@router.get(
    "/credentials/{credential_id}/original",
    operation_id="getCredentialOriginal",
    summary="Download the original document",
    response_class=Response,
    responses={
        200: {
            "description": "The exact bytes received, with their media type.",
            "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
        },
        **problem_responses(401, 404, 422),
    },
)
async def get_original(credential_id: CredentialID, learner: CurrentLearner, session: ReadSessionDep) -> Response:
    """The document byte for byte as it was imported, with the media type it came with."""
    credential, content = await service.get_original(session, learner.id, credential_id)
    subtype = credential.media_type.rsplit("/", 1)[-1].rsplit("+", 1)[-1]
    extension = FILE_EXTENSIONS.get(subtype, "bin")
    return Response(
        content,
        media_type=credential.media_type,
        headers={
            "Content-Disposition": f'attachment; filename="credential-{credential.id}.{extension}"',
            "Digest": f"sha-256={credential.sha256}",
            "ETag": service.etag(credential),
        },
    )


@router.patch(
    "/credentials/{credential_id}",
    response_model=CredentialPublic,
    operation_id="updateCredential",
    summary="Change a credential's label or tags",
    responses={
        **problem_responses(401, 404, 412, 413, 415, 422, 428),
        200: {"headers": {"ETag": {"schema": {"type": "string"}}}},
    },
)
async def update_credential(
    credential_id: CredentialID,
    body: CredentialUpdate,
    response: Response,
    learner: CurrentLearner,
    session: SessionDep,
    if_match: Annotated[str | None, Header(max_length=200, description="The ETag you last read.")] = None,
) -> CredentialPublic:
    """Set the label and tags. Send `If-Match` with the ETag you read; a stale one answers 412."""
    if not if_match:
        raise PreconditionRequired()
    credential = await service.update_credential(session, learner.id, credential_id, body, if_match=if_match)
    response.headers["ETag"] = service.etag(credential)
    return _public(credential)


@router.delete(
    "/credentials/{credential_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="deleteCredential",
    summary="Delete a credential",
    response_class=Response,
    responses=problem_responses(401, 404, 422),
)
async def delete_credential(credential_id: CredentialID, learner: CurrentLearner, session: SessionDep) -> Response:
    """Remove the credential and its original bytes for good."""
    await service.delete_credential(session, learner.id, credential_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
