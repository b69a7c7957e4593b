"""The learner's data lifecycle: whole-wallet export and import, and erasure of the account (docs/data-lifecycle.md)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Request, Response, status
from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from starlette.datastructures import UploadFile

from api.deps import CurrentLearner, ReadSessionDep, SessionDep, StateDep
from api.errors import problem_responses
from api.routers import share_pages
from api.routers import wallet as wallet_routes
from core.errors import InvalidInput, UnsupportedMediaType
from core.text import SafeStr
from recognition.cases.erasure import erase_cases
from wallet.erasure import ErasureStep, erase_learner
from wallet.export import service

router = APIRouter(tags=["account"])

IMPORT_PATH = "/v1/wallet/import"
ERASURE_STEPS: tuple[ErasureStep, ...] = (erase_cases,)
"""The other domains' parts of an erasure, run before the wallet's (the wallet does not import recognition)."""

Passphrase = Annotated[SafeStr, StringConstraints(min_length=12, max_length=1024)]
ZIP = "application/zip"
ENCRYPTED = "application/octet-stream"


class ExportRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    passphrase: Passphrase | None = Field(
        default=None,
        description="Encrypt the export with this passphrase (Argon2id + AES-256-GCM); at least 12 characters. "
        "Without it the export is a plain ZIP.",
    )


class ImportResult(BaseModel):
    counts: dict[str, int] = Field(description="How many records of each kind were restored.")


class ErasureRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    password: Annotated[SafeStr, StringConstraints(max_length=1024)] | None = Field(
        default=None,
        description="Your current password: required for an account with a password (re-authentication).",
    )


@router.post(
    "/v1/wallet/export",
    tags=["wallet"],
    operation_id="exportWallet",
    summary="Export your whole wallet",
    response_class=Response,
    responses={
        200: {
            "description": "A ZIP (or, with a passphrase, the encrypted container holding it).",
            "content": {
                ZIP: {"schema": {"type": "string", "format": "binary"}},
                ENCRYPTED: {"schema": {"type": "string", "format": "binary"}},
            },
        },
        **problem_responses(401, 413, 422),
    },
)
async def export_wallet(
    learner: CurrentLearner, session: ReadSessionDep, state: StateDep, body: ExportRequest | None = None
) -> Response:
    """Everything in your wallet in one file: every original credential byte for byte with its summary, your
    shares (never their links' tokens), their access log, your self-recorded learning with its evidence files and
    endorsements, and `manifest.json` with the SHA-256 of every file and its JSON Schema. With a passphrase the ZIP
    is encrypted (format in docs/data-lifecycle.md). Import it into an empty wallet on any Passerelle."""
    passphrase = body.passphrase if body else None
    export = await service.export_wallet(session, learner.id, source=state.settings.public_url, passphrase=passphrase)
    name = "passerelle-wallet.zip" + (".enc" if export.encrypted else "")
    return Response(
        export.content,
        media_type=ENCRYPTED if export.encrypted else ZIP,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


import_body: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "An export from `POST /v1/wallet/export`: the ZIP as the raw body, or a multipart `file` "
        "with a `passphrase` part for an encrypted one.",
        "content": {
            ZIP: {"schema": {"type": "string", "format": "binary"}},
            ENCRYPTED: {"schema": {"type": "string", "format": "binary"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "passphrase": {"type": "string", "minLength": 12, "maxLength": 1024},
                    },
                }
            },
        },
    }
}


async def _read_import(request: Request) -> tuple[bytes, str | None]:
    media_type = (request.headers.get("content-type") or "").split(";", 1)[0].strip().lower()
    if media_type in {ZIP, ENCRYPTED}:
        return await request.body(), None
    if media_type != "multipart/form-data":
        raise UnsupportedMediaType(f"Send the export as {ZIP}, {ENCRYPTED} or a multipart `file`.")
    form = await request.form(max_files=1, max_fields=2)
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise InvalidInput("The multipart body needs a `file` part.", code="missing_file")
        passphrase = form.get("passphrase")
        return await upload.read(), passphrase if isinstance(passphrase, str) and passphrase else None
    finally:
        await form.close()


@router.post(
    IMPORT_PATH,
    tags=["wallet"],
    status_code=status.HTTP_201_CREATED,
    response_model=ImportResult,
    operation_id="importWallet",
    summary="Restore an export into your empty wallet",
    openapi_extra=import_body,
    responses=problem_responses(401, 409, 413, 415, 422),
)
async def import_wallet(request: Request, learner: CurrentLearner, session: SessionDep) -> ImportResult:
    """Restore a wallet export (from this or another Passerelle) into your wallet, which must be empty (409
    otherwise). Every file is checked against the manifest's SHA-256 (422 `archive_tampered`: nothing is stored);
    credentials are read again from their originals. Shares come back as history only: revoked, with no working
    link."""
    data, passphrase = await _read_import(request)
    report = await service.import_wallet(session, learner.id, data, passphrase=passphrase)
    return ImportResult(counts=report.counts)


@router.delete(
    "/v1/me",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="eraseMe",
    summary="Erase your account and everything in it",
    response_class=Response,
    responses=problem_responses(401, 403, 404, 422),
)
async def erase_me(learner: CurrentLearner, session: SessionDep, body: ErasureRequest | None = None) -> Response:
    """Delete your account and all your data: credentials, shares (their links stop working at once), access logs,
    learning entries and evidence, inbox, recognition requests (with their decisions), queued e-mail. Send your
    current password. What stays is a keyed hash of your account id and e-mail address, so that institutions cannot
    push credentials into the erased account (they are told it was erased). Export your wallet first if you want
    to keep it."""
    report = await erase_learner(session, learner.id, password=body.password if body else None, steps=ERASURE_STEPS)
    # What this process rendered from the learner's rows goes too (the read cache emptied itself on the DELETE).
    for credential_id in report.credential_ids:
        for key in [key for key in wallet_routes._RENDERED if key[0] == credential_id]:
            wallet_routes._RENDERED.pop(key, None)
    share_pages._RENDERED.clear()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
