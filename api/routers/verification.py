"""Verification: of a stored credential (kept, with a signed receipt), of an uploaded document (anonymous, kept
nowhere), and the trust registry that decides which issuers and certificates are trusted."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response, status

from api.deps import CredentialID, CurrentAdmin, CurrentLearner, ReadSessionDep, SessionDep, StateDep, read_sessions
from api.errors import problem_responses
from api.i18n import language_headers, localize_verification, request_language
from api.ratelimit import Limiter
from api.routers.wallet import read_upload, upload_body
from api.state import AppState
from wallet.oid4vci.holder import holder_thumbprints
from wallet.verification import service
from wallet.verification.context import TrustStore, VerificationContext
from wallet.verification.engine import StatusCheck, VerificationResult, verify_document
from wallet.verification.models import CredentialVerification
from wallet.verification.schemas import (
    TrustCertificateCreate,
    TrustEntryPublic,
    TrustIssuerCreate,
    VerificationPublic,
)
from wallet.verification.status import status_check

router = APIRouter(tags=["verification"])
VERIFY_PATH = "/v1/verify"


def verification_context(state: AppState, trust: TrustStore) -> VerificationContext:
    return VerificationContext.from_settings(state.settings, trust)


async def get_status_check(state: StateDep) -> StatusCheck:
    """The `status` check, backed by the application's one `StatusChecker`, whose list cache outlives requests."""
    return status_check(state.status_checker)


StatusCheckDep = Annotated[StatusCheck, Depends(get_status_check)]


def receipt_signer(state: AppState) -> service.ReceiptSigner:
    return service.receipt_signer(state.keyring)


def _public(record: CredentialVerification, request: Request, response: Response) -> VerificationPublic:
    """The stored result with each check's `explanation`, and its messages in the language `Accept-Language`
    asks for (the signed receipt keeps the English the service signed)."""
    language = request_language(request)
    language_headers(response.headers, language)
    result = localize_verification(record.result, language)
    return VerificationPublic.model_validate(
        {**result, "id": record.id, "credential_id": record.credential_id, "receipt": record.receipt}
    )


@router.post(
    "/v1/wallet/credentials/{credential_id}/verification",
    status_code=status.HTTP_201_CREATED,
    response_model=VerificationPublic,
    operation_id="verifyCredential",
    summary="Verify a credential in your wallet",
    responses=problem_responses(401, 404, 422, 503),
)
async def verify_credential(
    credential_id: CredentialID,
    learner: CurrentLearner,
    session: SessionDep,
    state: StateDep,
    check_status: StatusCheckDep,
    request: Request,
    response: Response,
) -> VerificationPublic:
    """Check the credential from its original bytes: format, signature, issuer trust, holder binding, status
    (the issuer's status list, fetched and cached), validity period and accreditation — each with its outcome,
    reason and evidence — and keep the result with a receipt signed by the service."""
    # The holder keys the wallet keeps for the learner: a credential collected over OpenID4VCI is bound to one.
    holder_keys = await holder_thumbprints(state.settings.keys_dir, learner.id)
    record = await service.verify_stored_credential(
        read_sessions(request),
        session,
        learner.id,
        credential_id,
        lambda trust: replace(verification_context(state, trust), holder_keys=holder_keys),
        issuer=state.settings.effective_token_issuer,
        sign=receipt_signer(state),
        status_check=check_status,
    )
    return _public(record, request, response)


@router.get(
    "/v1/wallet/credentials/{credential_id}/verification",
    response_model=VerificationPublic,
    operation_id="getCredentialVerification",
    summary="The latest verification of a credential",
    responses=problem_responses(401, 404, 422),
)
async def get_verification(
    credential_id: CredentialID, learner: CurrentLearner, session: ReadSessionDep, request: Request, response: Response
) -> VerificationPublic:
    """The most recent stored verification result and its receipt."""
    return _public(await service.latest_verification(session, learner.id, credential_id), request, response)


def _client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.post(
    VERIFY_PATH,
    response_model=VerificationPublic,
    operation_id="verifyDocument",
    summary="Verify a document without an account",
    openapi_extra=upload_body,
    responses={
        **problem_responses(413, 415, 422),
        429: {
            **problem_responses(429)[429],
            "headers": {
                "Retry-After": {"description": "Seconds until the limit resets.", "schema": {"type": "integer"}}
            },
        },
    },
)
async def verify_uploaded(
    request: Request, response: Response, session: ReadSessionDep, state: StateDep, check_status: StatusCheckDep
) -> VerificationPublic:
    """Upload a credential document (as for import) and get the verification result with a signed receipt.
    Nothing is stored. Limited per client address."""
    limiter: Limiter = request.app.state.verify_limiter
    await limiter.hit(_client_address(request))
    content, media_type, _ = await read_upload(request)
    result: VerificationResult = await verify_document(
        content,
        media_type,
        verification_context(state, await service.load_trust_store(session)),
        status_check=check_status,
    )
    digest = hashlib.sha256(content).hexdigest()
    receipt = receipt_signer(state)(
        service.receipt_claims(result, issuer=state.settings.effective_token_issuer, sha256=digest, credential_id=None)
    )
    language = request_language(request)
    language_headers(response.headers, language)
    localized = localize_verification(result.as_dict(), language)
    return VerificationPublic.model_validate({**localized, "receipt": receipt})


@router.post(
    "/v1/admin/trust/certificates",
    status_code=status.HTTP_201_CREATED,
    response_model=TrustEntryPublic,
    operation_id="addTrustedCertificate",
    summary="Trust a CA certificate",
    tags=["admin"],
    responses=problem_responses(401, 413, 415, 422),
)
async def add_certificate(body: TrustCertificateCreate, admin: CurrentAdmin, session: SessionDep) -> TrustEntryPublic:
    """Add a certificate (PEM) that seals and signing certificates may chain to."""
    entry = await service.add_certificate(session, pem=body.certificate_pem, label=body.label, created_by=admin.id)
    return TrustEntryPublic.model_validate(entry, from_attributes=True)


@router.post(
    "/v1/admin/trust/issuers",
    status_code=status.HTTP_201_CREATED,
    response_model=TrustEntryPublic,
    operation_id="addTrustedIssuer",
    summary="Register an issuer, its keys and accreditation",
    tags=["admin"],
    responses=problem_responses(401, 413, 415, 422),
)
async def add_issuer(body: TrustIssuerCreate, admin: CurrentAdmin, session: SessionDep) -> TrustEntryPublic:
    """Register an issuer identifier with its public keys (JWK) — or the URL where it publishes them
    (`jwks_uri`, for an issuer that signs itself and rotates) — and its accreditation record."""
    entry = await service.add_issuer(
        session,
        issuer_id=body.issuer_id,
        label=body.label,
        keys=body.keys,
        jwks_uri=body.jwks_uri,
        accreditation=body.accreditation,
        created_by=admin.id,
    )
    return TrustEntryPublic.model_validate(entry, from_attributes=True)


@router.get(
    "/v1/admin/trust",
    response_model=list[TrustEntryPublic],
    operation_id="listTrustEntries",
    summary="The trust registry",
    tags=["admin"],
    responses=problem_responses(401),
)
async def list_trust(admin: CurrentAdmin, session: ReadSessionDep) -> list[TrustEntryPublic]:
    """Every certificate and issuer the service trusts."""
    return [TrustEntryPublic.model_validate(e, from_attributes=True) for e in await service.list_trust_entries(session)]


@router.delete(
    "/v1/admin/trust/{entry_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="removeTrustEntry",
    summary="Stop trusting an entry",
    tags=["admin"],
    response_class=Response,
    responses=problem_responses(401, 404, 422),
)
async def remove_trust(
    entry_id: Annotated[uuid.UUID, Path(description="The entry's id.")], admin: CurrentAdmin, session: SessionDep
) -> Response:
    """Remove a certificate or issuer from the trust registry; later verifications no longer trust it."""
    await service.remove_trust_entry(session, entry_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
