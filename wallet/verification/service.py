"""Verification rules: run, sign, store and read verification results; the trust registry's entries."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Mapping
from typing import Any

import structlog
from cryptography import x509
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from core import jose
from core.errors import InvalidInput, NotFound
from core.ids import new_id
from core.keys import KeyRing
from wallet.errors import CredentialNotFound
from wallet.formats import CredentialFormat
from wallet.models import Credential
from wallet.repository import CredentialRepository
from wallet.verification.context import TrustStore, VerificationContext
from wallet.verification.engine import StatusCheck, VerificationResult, verify_document
from wallet.verification.keys import import_public_jwk
from wallet.verification.models import CredentialVerification, TrustEntry

log = structlog.get_logger("passerelle.verification")

RECEIPT_TYPE = "verification-receipt+jwt"
ReceiptSigner = Callable[[Mapping[str, Any]], str]
"""Signs receipt claims as a compact JWS with `typ` `verification-receipt+jwt` (the service's key)."""


def receipt_signer(keyring: KeyRing) -> ReceiptSigner:
    """Receipts signed with the keyring's active key (ES256), the key `/.well-known/jwks.json` publishes."""

    def sign(claims: Mapping[str, Any]) -> str:
        key = keyring.active
        return jose.sign(claims, key=key.private, kid=key.kid, token_type=RECEIPT_TYPE)

    return sign


class VerificationNotFound(NotFound):
    code = "verification_not_found"
    default_detail = "This credential has not been verified yet."


class TrustEntryNotFound(NotFound):
    code = "trust_entry_not_found"
    default_detail = "There is no such trust registry entry."


def receipt_claims(
    result: VerificationResult, *, issuer: str, sha256: str, credential_id: str | None
) -> dict[str, Any]:
    """The receipt: who verified what (by digest), when, and every check with its evidence."""
    claims: dict[str, Any] = {
        "iss": issuer,
        "iat": int(time.time()),
        "jti": str(new_id()),
        "sub": f"sha-256:{sha256}",
        "verification": result.as_dict(),
    }
    if credential_id:
        claims["credential_id"] = credential_id
    return claims


async def load_trust_store(session: AsyncSession) -> TrustStore:
    entries = (await session.execute(select(TrustEntry))).scalars().all()
    certificates = tuple(
        x509.load_pem_x509_certificate(entry.certificate_pem.encode("ascii"))
        for entry in entries
        if entry.kind == "certificate" and entry.certificate_pem
    )
    issuer_keys = {e.issuer_id: tuple(e.keys) for e in entries if e.kind == "issuer" and e.issuer_id and e.keys}
    key_urls = {e.issuer_id: e.jwks_uri for e in entries if e.kind == "issuer" and e.issuer_id and e.jwks_uri}
    accreditations = {
        e.issuer_id: {"label": e.label, **e.accreditation}
        for e in entries
        if e.kind == "issuer" and e.issuer_id and e.accreditation
    }
    return TrustStore(
        certificates=certificates, issuer_keys=issuer_keys, issuer_key_urls=key_urls, accreditations=accreditations
    )


async def signed_document(
    repository: CredentialRepository, credential: Credential, content: bytes
) -> tuple[bytes, str]:
    """The document whose signature covers `credential`: its own, or for a learning opportunity split from an ELMO
    transcript, the transcript it was signed in."""
    if credential.format == CredentialFormat.ELMO_OPPORTUNITY.value and credential.parent_id is not None:
        parent = await repository.get_document(credential.owner_id, credential.parent_id)
        if parent is not None:
            return parent[1], parent[0].media_type
    return content, credential.media_type


async def verify_stored_credential(
    reads: async_sessionmaker[AsyncSession],
    session: AsyncSession,
    owner_id: uuid.UUID,
    credential_id: uuid.UUID,
    context_for: Callable[[TrustStore], VerificationContext],
    *,
    issuer: str,
    sign: ReceiptSigner,
    status_check: StatusCheck | None = None,
) -> CredentialVerification:
    """Verify one of the learner's credentials from its original bytes and keep the signed result.

    The document and the trust registry are read first (read session, closed at once); the verification — which
    may fetch status lists and keys for seconds — holds no database connection; only the result is written.
    """
    async with reads() as read:
        repository = CredentialRepository(read)
        found = await repository.get_document(owner_id, credential_id)
        if found is None:
            raise CredentialNotFound()
        content, media_type = await signed_document(repository, *found)
        trust = await load_trust_store(read)
    credential = found[0]
    context = context_for(trust)
    result = await verify_document(content, media_type, context, status_check=status_check)
    receipt = sign(receipt_claims(result, issuer=issuer, sha256=credential.sha256, credential_id=str(credential.id)))
    record = CredentialVerification(
        credential_id=credential.id, owner_id=owner_id, result=result.as_dict(), receipt=receipt
    )
    session.add(record)
    await session.flush()
    log.info(
        "credential_verified",
        credential_id=str(credential.id),
        outcomes={c.name.value: c.outcome.value for c in result.checks},
    )
    return record


async def latest_verification(
    session: AsyncSession, owner_id: uuid.UUID, credential_id: uuid.UUID
) -> CredentialVerification:
    statement = (
        select(CredentialVerification)
        .where(
            col(CredentialVerification.credential_id) == credential_id,
            col(CredentialVerification.owner_id) == owner_id,
        )
        .order_by(col(CredentialVerification.id).desc())
        .limit(1)
    )
    record = (await session.execute(statement)).scalar_one_or_none()
    if record is None:
        if await CredentialRepository(session).get(owner_id, credential_id) is None:
            raise CredentialNotFound()
        raise VerificationNotFound()
    return record


async def add_certificate(session: AsyncSession, *, pem: str, label: str, created_by: uuid.UUID | None) -> TrustEntry:
    """Trust a CA (or end-entity) certificate as an anchor for seals and `x5c` chains."""
    try:
        certificate = x509.load_pem_x509_certificate(pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError) as exc:
        raise InvalidInput(
            "The certificate is not a PEM-encoded X.509 certificate.", code="invalid_certificate"
        ) from exc
    entry = TrustEntry(
        kind="certificate",
        label=label or certificate.subject.rfc4514_string()[:200],
        certificate_pem=pem,
        created_by=created_by,
    )
    session.add(entry)
    await session.flush()
    return entry


async def add_issuer(
    session: AsyncSession,
    *,
    issuer_id: str,
    label: str,
    keys: list[dict[str, Any]],
    accreditation: dict[str, Any],
    created_by: uuid.UUID | None,
    jwks_uri: str | None = None,
) -> TrustEntry:
    """Register an issuer identifier with its public keys (or where it publishes them) and its accreditation."""
    for key in keys:
        import_public_jwk(key)  # refuses private members and unreadable keys
    entry = TrustEntry(
        kind="issuer",
        label=label,
        issuer_id=issuer_id,
        keys=keys,
        jwks_uri=jwks_uri,
        accreditation=accreditation,
        created_by=created_by,
    )
    session.add(entry)
    await session.flush()
    return entry


async def list_trust_entries(session: AsyncSession) -> list[TrustEntry]:
    return list((await session.execute(select(TrustEntry).order_by(col(TrustEntry.id)))).scalars())


async def remove_trust_entry(session: AsyncSession, entry_id: uuid.UUID) -> None:
    result: Any = await session.execute(delete(TrustEntry).where(col(TrustEntry.id) == entry_id))
    if not result.rowcount:
        raise TrustEntryNotFound()
