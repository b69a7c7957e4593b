"""OpenID for Verifiable Credential Issuance 1.0, issuer side, pre-authorized code flow.

Each institution is a Credential Issuer whose identifier is `<public URL>/v1/institutions/<id>` and its own
Authorization Server (no `authorization_servers` in its metadata):

    GET  /.well-known/openid-credential-issuer/v1/institutions/<id>   Credential Issuer Metadata (§12.2)
    GET  /.well-known/oauth-authorization-server/v1/institutions/<id> RFC 8414 metadata: the token endpoint
    GET  <issuer>/oid4vci/offers/<offer id>                            the Credential Offer, by reference (§4.1.3)
    POST <issuer>/oid4vci/token                                        pre-authorized code (+ tx_code) → access token
    POST <issuer>/oid4vci/nonce                                        a fresh `c_nonce` (§7)
    POST <issuer>/oid4vci/credential                                   JWT proof of possession → the credential (§8)

Offers are made by `issue(..., delivery="offer")`; the credential is signed when the wallet collects it, bound to
the key its proof shows (SD-JWT VC `cnf.jwk`; for `jwt_vc_json`, the subject's `did:jwk`). Errors follow the
OAuth shapes the specification names (`{"error": …, "error_description": …}`), not RFC 9457: that is what wallets
read.
"""

from __future__ import annotations

import functools
import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

import anyio.to_thread
from joserfc import jws, jwt
from joserfc.errors import JoseError
from joserfc.jwk import ECKey
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from core.accounts.models import Institution
from core.clock import utcnow
from core.ids import new_secret_token, token_digest
from wallet.inbox import service as inbox
from wallet.issuing import credentials
from wallet.issuing.models import AchievementDefinition, CredentialOffer, IssuedCredential, IssuerNonce
from wallet.issuing.schemas import CredentialFormat, OfferPublic
from wallet.issuing.service import Signer, issuance_of, vct

PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code"
PROOF_TYPE = "openid4vci-proof+jwt"
OFFER_DAYS = 30
TOKEN_SECONDS = 600
NONCE_SECONDS = 300
PROOF_IAT_WINDOW = timedelta(minutes=5)
TX_CODE_LENGTH = 6
MAX_TX_CODE_ATTEMPTS = 5
CONFIGURATIONS: dict[str, CredentialFormat] = {
    "micro_credential_sd_jwt": "dc+sd-jwt",
    "micro_credential_jwt_vc": "vc+jwt",
}
CONFIGURATION_OF: dict[str, str] = {fmt: name for name, fmt in CONFIGURATIONS.items()}


class OAuthError(Exception):
    """An error answered in the OAuth shape: `status`, `error`, `error_description`."""

    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.error = error
        self.description = description

    def body(self) -> dict[str, str]:
        return {"error": self.error, "error_description": self.description}


def _tx_digest(offer_id: uuid.UUID, code: str) -> str:
    # A 6-digit code is guessable offline from a bare digest; binding it to the offer id at least makes every
    # digest its own puzzle. Online guessing is what matters: `MAX_TX_CODE_ATTEMPTS` ends the offer.
    return hashlib.sha256(f"{offer_id}:{code}".encode()).hexdigest()


# --- metadata ------------------------------------------------------------------------------------------------------


def issuer_metadata(institution: Institution, signer: Signer) -> dict[str, Any]:
    issuer = signer.issuer_id(institution.id)
    display = [{"name": institution.name, "locale": "en"}]
    proof_types = {"jwt": {"proof_signing_alg_values_supported": ["ES256"]}}
    common = {
        "cryptographic_binding_methods_supported": ["jwk"],
        "credential_signing_alg_values_supported": ["ES256"],
        "proof_types_supported": proof_types,
    }
    return {
        "credential_issuer": issuer,
        "credential_endpoint": f"{issuer}/oid4vci/credential",
        "nonce_endpoint": f"{issuer}/oid4vci/nonce",
        "display": display,
        "credential_configurations_supported": {
            "micro_credential_sd_jwt": {
                "format": "dc+sd-jwt",
                "vct": vct(signer.public_url),
                **common,
                "credential_metadata": {"display": [{"name": "Micro-credential (SD-JWT VC)", "locale": "en"}]},
            },
            "micro_credential_jwt_vc": {
                "format": "jwt_vc_json",
                "credential_definition": {"type": ["VerifiableCredential", "OpenBadgeCredential"]},
                **common,
                "credential_metadata": {"display": [{"name": "Micro-credential (Open Badges 3.0)", "locale": "en"}]},
            },
        },
    }


def authorization_server_metadata(institution: Institution, signer: Signer) -> dict[str, Any]:
    issuer = signer.issuer_id(institution.id)
    return {
        "issuer": issuer,
        "token_endpoint": f"{issuer}/oid4vci/token",
        "grant_types_supported": [PRE_AUTHORIZED_GRANT],
        "pre-authorized_grant_anonymous_access_supported": True,
        "token_endpoint_auth_methods_supported": ["none"],
    }


def jwt_vc_issuer_metadata(institution: Institution, signer: Signer) -> dict[str, Any]:
    """SD-JWT VC issuer metadata (draft-ietf-oauth-sd-jwt-vc §5): where the issuer's keys are."""
    issuer = signer.issuer_id(institution.id)
    return {"issuer": issuer, "jwks_uri": f"{issuer}/jwks.json"}


# --- offers --------------------------------------------------------------------------------------------------------


async def make_offer(
    session: AsyncSession, issued: IssuedCredential, signer: Signer, *, with_tx_code: bool
) -> OfferPublic:
    code = new_secret_token()
    offer = CredentialOffer(
        institution_id=issued.institution_id,
        issued_id=issued.id,
        code_digest=token_digest(code),
        expires_at=utcnow() + timedelta(days=OFFER_DAYS),
    )
    offer.id = uuid.uuid4()
    tx_code = None
    if with_tx_code:
        tx_code = "".join(secrets.choice("0123456789") for _ in range(TX_CODE_LENGTH))
        offer.tx_code_digest = _tx_digest(offer.id, tx_code)
    session.add(offer)
    await session.flush()
    # The code is given once, in the offer document; only its digest is kept, so the document is built now and
    # kept nowhere: `offer_document` rebuilds it from the code handed to the wallet by reference.
    issuer = signer.issuer_id(issued.institution_id)
    reference = f"{issuer}/oid4vci/offers/{offer.id}?code={quote(code)}"
    return OfferPublic(
        offer_uri=f"openid-credential-offer://?credential_offer_uri={quote(reference, safe='')}",
        tx_code=tx_code,
        expires_at=offer.expires_at,
    )


async def offer_document(
    session: AsyncSession, institution_id: uuid.UUID, offer_id: uuid.UUID, code: str, signer: Signer
) -> dict[str, Any] | None:
    """The Credential Offer (§4.1.1) for the wallet that holds the offer URI (which carries the code)."""
    statement = select(CredentialOffer, IssuedCredential).join(
        IssuedCredential, col(IssuedCredential.id) == col(CredentialOffer.issued_id)
    )
    statement = statement.where(
        col(CredentialOffer.id) == offer_id,
        col(CredentialOffer.institution_id) == institution_id,
        col(CredentialOffer.code_digest) == token_digest(code),
    )
    row = (await session.execute(statement)).one_or_none()
    if row is None:
        return None
    offer, issued = row
    if offer.redeemed_at is not None or offer.expires_at <= utcnow() or issued.state == "revoked":
        return None
    grant: dict[str, Any] = {"pre-authorized_code": code}
    if offer.tx_code_digest is not None:
        grant["tx_code"] = {
            "input_mode": "numeric",
            "length": TX_CODE_LENGTH,
            "description": "The code the issuer gave you apart from this offer.",
        }
    return {
        "credential_issuer": signer.issuer_id(institution_id),
        "credential_configuration_ids": [CONFIGURATION_OF[fmt] for fmt in issued.formats],
        "grants": {PRE_AUTHORIZED_GRANT: grant},
    }


# --- token ---------------------------------------------------------------------------------------------------------


async def token(session: AsyncSession, institution_id: uuid.UUID, form: dict[str, str]) -> tuple[dict[str, Any], bool]:
    """Exchange a pre-authorized code (and its `tx_code`) for an access token. Returns the answer and whether it
    must be committed even though it is an error (a failed `tx_code` attempt is counted)."""
    if form.get("grant_type") != PRE_AUTHORIZED_GRANT:
        raise OAuthError(400, "unsupported_grant_type", "Only the pre-authorized code grant is supported.")
    code = form.get("pre-authorized_code") or ""
    statement = (
        select(CredentialOffer)
        .where(
            col(CredentialOffer.institution_id) == institution_id,
            col(CredentialOffer.code_digest) == token_digest(code),
        )
        .with_for_update()
    )
    offer = (await session.execute(statement)).scalar_one_or_none()
    now = utcnow()
    if offer is None or offer.redeemed_at is not None or offer.expires_at <= now:
        raise OAuthError(400, "invalid_grant", "The pre-authorized code is unknown, used or expired.")
    issued = await session.get(IssuedCredential, offer.issued_id)
    if issued is None or issued.state == "revoked":
        raise OAuthError(400, "invalid_grant", "The credential offered was revoked.")
    if offer.tx_code_digest is not None:
        given = form.get("tx_code") or ""
        if not secrets.compare_digest(_tx_digest(offer.id, given), offer.tx_code_digest):
            offer.failed_attempts += 1
            if offer.failed_attempts >= MAX_TX_CODE_ATTEMPTS:
                offer.expires_at = now  # the offer ends; the institution makes a new one
            await session.flush()
            return {"error": "invalid_grant", "error_description": "The transaction code is wrong."}, True
    access_token = new_secret_token()
    offer.redeemed_at = now
    offer.token_digest = token_digest(access_token)
    offer.token_expires_at = now + timedelta(seconds=TOKEN_SECONDS)
    await session.flush()
    return {"access_token": access_token, "token_type": "Bearer", "expires_in": TOKEN_SECONDS}, False


async def new_nonce(session: AsyncSession) -> str:
    now = utcnow()
    await session.execute(delete(IssuerNonce).where(col(IssuerNonce.expires_at) < now))
    nonce = secrets.token_urlsafe(24)
    session.add(IssuerNonce(nonce=nonce, expires_at=now + timedelta(seconds=NONCE_SECONDS)))
    await session.flush()
    return nonce


# --- credential ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Proof:
    jwk: dict[str, Any]
    nonce: str


def check_proof(proof_jwt: str, audience: str, now: datetime) -> Proof:
    """A JWT proof (Appendix F.1): `typ` `openid4vci-proof+jwt`, ES256 only, the public key in `jwk`, `aud` the
    Credential Issuer, `iat` within five minutes, a `nonce`; signed by that key."""
    invalid = functools.partial(OAuthError, 400, "invalid_proof")
    try:
        header = jws.extract_compact(proof_jwt.encode("ascii")).protected
    except (JoseError, UnicodeError, ValueError) as exc:
        raise invalid("The proof is not a compact JWS.") from exc
    if header.get("typ") != PROOF_TYPE:
        raise invalid(f"The proof's `typ` must be {PROOF_TYPE}.")
    if header.get("alg") != "ES256":
        raise invalid("The proof must be signed with ES256.")
    public = header.get("jwk")
    if not isinstance(public, dict) or "d" in public or public.get("kty") != "EC" or public.get("crv") != "P-256":
        raise invalid("The proof's header must carry the public P-256 key in `jwk` (never a private key).")
    try:
        key = ECKey.import_key(public)
        token_ = jwt.decode(proof_jwt, key, algorithms=["ES256"])
    except (JoseError, ValueError) as exc:
        raise invalid("The proof's signature does not verify with the key it names.") from exc
    claims = token_.claims
    if claims.get("aud") != audience and not (isinstance(claims.get("aud"), list) and audience in claims["aud"]):
        raise invalid("The proof's `aud` is not this Credential Issuer.")
    issued_at = claims.get("iat")
    if not isinstance(issued_at, int | float) or abs(now.timestamp() - issued_at) > PROOF_IAT_WINDOW.total_seconds():
        raise invalid("The proof's `iat` is missing or not within five minutes of now.")
    nonce = claims.get("nonce")
    if not isinstance(nonce, str) or not nonce:
        raise OAuthError(400, "invalid_nonce", "The proof carries no `nonce`: ask the nonce endpoint for one.")
    return Proof(jwk={name: public[name] for name in ("kty", "crv", "x", "y")}, nonce=nonce)


def _proof_jwts(request: dict[str, Any]) -> list[str]:
    proofs = request.get("proofs")
    if isinstance(proofs, dict) and isinstance(proofs.get("jwt"), list):
        return [str(item) for item in proofs["jwt"]]
    proof = request.get("proof")
    if isinstance(proof, dict) and proof.get("proof_type") == "jwt" and isinstance(proof.get("jwt"), str):
        return [proof["jwt"]]
    raise OAuthError(400, "invalid_proof", "Send one JWT proof of possession (`proofs.jwt`).")


async def credential(
    session: AsyncSession,
    institution_id: uuid.UUID,
    access_token: str,
    request: dict[str, Any],
    signer: Signer,
) -> dict[str, Any]:
    """Check the access token, the request and the proof; sign the credential bound to the proof's key."""
    now = utcnow()
    statement = (
        select(CredentialOffer)
        .where(
            col(CredentialOffer.institution_id) == institution_id,
            col(CredentialOffer.token_digest) == token_digest(access_token),
        )
        .with_for_update()
    )
    offer = (await session.execute(statement)).scalar_one_or_none()
    if offer is None or offer.token_expires_at is None or offer.token_expires_at <= now:
        raise OAuthError(401, "invalid_token", "The access token is unknown or expired.")
    issued = await session.get(IssuedCredential, offer.issued_id)
    if issued is None or issued.state == "revoked":
        raise OAuthError(400, "invalid_credential_request", "The credential was revoked.")
    configuration = request.get("credential_configuration_id")
    wanted = CONFIGURATIONS.get(configuration) if isinstance(configuration, str) else None
    if wanted is None or wanted not in issued.formats:
        raise OAuthError(400, "unknown_credential_configuration", "This offer does not include that configuration.")
    if configuration in offer.collected:
        raise OAuthError(400, "invalid_credential_request", "This credential was already collected.")
    proofs = _proof_jwts(request)
    if len(proofs) != 1:
        raise OAuthError(400, "invalid_proof", "Send exactly one proof: one credential is issued per request.")
    issuer = signer.issuer_id(institution_id)
    proof = check_proof(proofs[0], issuer, now)
    used = await session.execute(
        delete(IssuerNonce).where(col(IssuerNonce.nonce) == proof.nonce, col(IssuerNonce.expires_at) > now)
    )
    if int(getattr(used, "rowcount", 0) or 0) != 1:
        raise OAuthError(400, "invalid_nonce", "The proof's nonce is unknown, used or expired: ask for a new one.")
    institution = await session.get(Institution, institution_id)
    definition = await session.get(AchievementDefinition, issued.achievement_id)
    if institution is None or definition is None:
        raise OAuthError(400, "invalid_credential_request", "The credential can no longer be issued.")
    ring = await signer.ring(session, institution)
    issuance = issuance_of(issued, definition, institution, signer, holder_jwk=proof.jwk)
    signed = await anyio.to_thread.run_sync(functools.partial(credentials.sign, issuance, ring.active, [wanted]))
    offer.collected = [*offer.collected, str(configuration)]
    await inbox._record(
        session,
        inbox._event(
            institution_id,
            "collected",
            None,
            issued_id=str(issued.id),
            external_id=issued.external_id,
            credential_configuration_id=configuration,
        ),
    )
    await session.flush()
    return {"credentials": [{"credential": signed[wanted]}]}
