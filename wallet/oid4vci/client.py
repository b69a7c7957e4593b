"""Collecting credentials from an OpenID4VCI 1.0 issuer with a pre-authorized code: the wallet's half of §3.5.

`collect()` runs the flow and touches no database:

1. the offer (§4.1), fetched first when it is passed by reference;
2. the issuer's metadata at `/.well-known/openid-credential-issuer` (§12.2.2), used only if its
   `credential_issuer` is the offer's, character for character (§12.2.4);
3. the authorization server's metadata (RFC 8414; the issuer's own when it names no `authorization_servers`);
4. the token request with the pre-authorized code and the transaction code the learner typed (§6.1);
5. per offered configuration: a fresh `c_nonce` from the nonce endpoint (§7; older issuers gave one with the
   token), then the credential request with a key proof JWT signed by the learner's holder key (§8.2), answered
   with credentials (§8.3) or a deferred `transaction_id`, reported as such.

Every call goes through the outbound guard (`core.outbound.send`): https only, except to hosts in the allow-list
(tests use loopback); no private addresses; a timeout and a size cap per answer; no redirects. The issuer's
answers are untrusted input: parsed strictly, and the text it sends back (error descriptions) is cleaned before it
reaches a problem detail. Nothing secret (codes, tokens, credentials) is logged.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

import anyio
import httpx
import structlog

from core import jsonstrict
from core.clock import utcnow
from core.errors import DomainError
from wallet.oid4vci.errors import (
    AuthorizationCodeUnsupported,
    GrantRefused,
    InvalidOffer,
    IssuanceRefused,
    IssuerAddressRefused,
    IssuerAnswerInvalid,
    IssuerUnavailable,
    IssuerUnsupported,
    OfferGone,
    TokenRequestRefused,
    TxCodeInvalid,
    TxCodeRequired,
)
from wallet.oid4vci.holder import HolderKey
from wallet.oid4vci.models import (
    PRE_AUTHORIZED_GRANT,
    AuthorizationServerMetadata,
    CredentialConfiguration,
    CredentialIssuerMetadata,
    CredentialOffer,
    CredentialResponse,
    NonceResponse,
    OfferReference,
    PreAuthorizedCodeGrant,
    TokenResponse,
    offer_from_json,
    parse_offer,
    well_known,
)
from wallet.oid4vci.transport import Issuer, issuer_text, oauth_error, read_json, read_model, unexpected
from wallet.verification.context import OutboundPolicy

log = structlog.get_logger("passerelle.oid4vci")

MAX_CONFIGURATIONS = 10
"""The most credential configurations one offer may name, and credentials asked for with one offer: each costs a
nonce and a credential request."""
BUDGET_CALLS = 8
"""The whole flow may take as long as this many outbound calls at their timeout."""
PROOF_ALGORITHM = "ES256"
MEDIA_TYPE_BY_FORMAT = {
    # Appendix A: the formats whose credentials Passerelle reads, and how it stores them.
    "dc+sd-jwt": "application/dc+sd-jwt",
    "vc+sd-jwt": "application/dc+sd-jwt",  # the SD-JWT VC format identifier of drafts before 1.0
    "jwt_vc_json": "application/jwt",
    "jwt_vc_json-ld": "application/jwt",
    "jwt_vc": "application/jwt",  # drafts before 1.0
    "ldp_vc": "application/ld+json",
}
OBJECT_FORMATS = frozenset({"ldp_vc"})
"""Formats whose credential is a JSON object; every other format's is a string."""

HolderSource = Callable[[], Awaitable[HolderKey]]
"""Gives the learner's holder key; called only when a proof is signed (so a refused offer makes no key)."""


@dataclass(frozen=True)
class Collected:
    credential_configuration_id: str
    format: str
    content: bytes
    media_type: str


@dataclass(frozen=True)
class Deferred:
    credential_configuration_id: str
    transaction_id: str
    interval: float | None


@dataclass(frozen=True)
class Skipped:
    credential_configuration_id: str
    code: str
    detail: str


@dataclass(frozen=True)
class Collection:
    """What one offer gave: the issuer, the credentials issued, those deferred and those not issued (and why)."""

    issuer: str
    issuer_name: str | None
    credentials: tuple[Collected, ...] = ()
    deferred: tuple[Deferred, ...] = ()
    skipped: tuple[Skipped, ...] = ()


# ------------------------------------------------------------------------------------------------------ the steps


async def _offer(issuer: Issuer, value: str | Mapping[str, Any]) -> CredentialOffer:
    parsed = parse_offer(value)
    if isinstance(parsed, CredentialOffer):
        return parsed
    reference: OfferReference = parsed
    what = "The credential offer URI"
    answer = await issuer.get_json(reference.uri, what)
    if answer.status_code in (404, 410):
        raise OfferGone(
            f"The issuer answered HTTP {answer.status_code} for this offer: it was used, has expired or "
            "was withdrawn. Ask the issuer for a new one."
        )
    if answer.status_code != 200:
        raise unexpected(answer, what)
    return offer_from_json(read_json(answer, what), origin=f"The credential offer at {reference.uri}")


def _check_tx_code(grant: PreAuthorizedCodeGrant, tx_code: str | None) -> None:
    """The transaction code is there when the offer asks for one, and looks like what the issuer described (§4.1.1):
    a code that cannot be right is not sent, so it spends none of the attempts an issuer may allow."""
    tx = grant.tx_code
    if tx is None:
        return  # none is asked for: one the learner typed anyway is not sent (§6.1)
    description = issuer_text(tx.description) or None
    expected = {"input_mode": tx.input_mode, "length": tx.length, "description": description}
    said = f" The issuer says: {description}" if description else ""
    if not tx_code:
        raise TxCodeRequired(TxCodeRequired.default_detail + said, tx_code=expected)
    if tx.input_mode == "numeric" and not (tx_code.isascii() and tx_code.isdigit()):
        raise TxCodeInvalid("The issuer expects a transaction code of digits only." + said, tx_code=expected)
    if tx.length is not None and len(tx_code) != tx.length:
        raise TxCodeInvalid(
            f"The issuer expects a transaction code of {tx.length} characters." + said, tx_code=expected
        )


def _pre_authorized(offer: CredentialOffer) -> PreAuthorizedCodeGrant:
    grants = offer.grants
    if grants is None or grants.pre_authorized_code is None:
        if grants is not None and grants.authorization_code is not None:
            raise AuthorizationCodeUnsupported()
        raise AuthorizationCodeUnsupported(
            "This offer carries no pre-authorized code: redeeming it needs a sign-in at the issuer in a browser, "
            "which Passerelle cannot do for you. Ask the issuer for an offer with a pre-authorized code."
        )
    return grants.pre_authorized_code


async def _issuer_metadata(issuer: Issuer, identifier: str) -> CredentialIssuerMetadata:
    url = well_known(identifier, "openid-credential-issuer")
    what = "The credential issuer's metadata"
    answer = await issuer.get_json(url, what)
    if answer.status_code != 200:
        raise unexpected(answer, what)
    media_type = (answer.content_type or "").split(";", 1)[0].strip().lower()
    if media_type == "application/jwt":
        # §12.2.3: signed metadata is used only once the wallet trusts its signer; we asked for the unsigned form.
        raise IssuerUnsupported("The issuer sends its metadata only signed, and Passerelle has no trust in its signer.")
    metadata = read_model(CredentialIssuerMetadata, read_json(answer, what), what)
    if metadata.credential_issuer != identifier:
        # §12.2.4: "If these values are not identical … the data contained in the response MUST NOT be used."
        raise IssuerAnswerInvalid(
            f"The metadata at {url} is for the credential issuer {metadata.credential_issuer!r}, not the offer's "
            f"{identifier!r}: it is not used."
        )
    for name, encryption in (
        ("requests", metadata.credential_request_encryption),
        ("responses", metadata.credential_response_encryption),
    ):
        if encryption is not None and encryption.encryption_required:
            raise IssuerUnsupported(
                f"The issuer requires encrypted credential {name}, which Passerelle does not do yet."
            )
    return metadata


def _authorization_server(grant: PreAuthorizedCodeGrant, metadata: CredentialIssuerMetadata) -> str:
    servers = metadata.authorization_servers
    if grant.authorization_server is not None:
        # §4.1.1: the hint must be one of the issuer's authorization servers, or the flow stops.
        if servers is None or grant.authorization_server not in servers:
            raise IssuerAnswerInvalid(
                "The offer names an authorization server the issuer's metadata does not list; it is not used."
            )
        return grant.authorization_server
    return servers[0] if servers else metadata.credential_issuer


async def _token_endpoint(issuer: Issuer, server: str, metadata: CredentialIssuerMetadata) -> str:
    what = "The authorization server's metadata"
    locations = (
        well_known(server, "oauth-authorization-server"),  # RFC 8414 §3.1
        server.rstrip("/") + "/.well-known/openid-configuration",  # OpenID Connect Discovery 1.0 §4
    )
    for url in locations:
        answer = await issuer.get_json(url, what)
        if answer.status_code == 404:
            continue
        if answer.status_code != 200:
            raise unexpected(answer, what)
        found = read_model(AuthorizationServerMetadata, read_json(answer, what), what)
        if found.issuer != server:
            # RFC 8414 §3.3: the `issuer` must be identical to the identifier the metadata was looked up for.
            raise IssuerAnswerInvalid(f"The metadata at {url} is for the authorization server {found.issuer!r}.")
        if found.token_endpoint is None:
            raise IssuerAnswerInvalid(f"The authorization server {server} names no token endpoint.")
        return found.token_endpoint
    if server == metadata.credential_issuer and metadata.token_endpoint is not None:
        return metadata.token_endpoint  # an issuer following a draft before 1.0
    raise IssuerAnswerInvalid(f"The authorization server {server} publishes no metadata (RFC 8414).")


async def _token(issuer: Issuer, endpoint: str, grant: PreAuthorizedCodeGrant, tx_code: str | None) -> TokenResponse:
    form = {"grant_type": PRE_AUTHORIZED_GRANT, "pre-authorized_code": grant.pre_authorized_code}
    if grant.tx_code is not None and tx_code is not None:
        form["tx_code"] = tx_code
    what = "The token endpoint"
    answer = await issuer.send(
        "POST",
        endpoint,
        what,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"},
        content=urllib.parse.urlencode(form).encode("ascii"),
    )
    if answer.status_code in {400, 401}:
        error = oauth_error(answer)
        if error is None:
            raise unexpected(answer, what)
        said = issuer_text(error.error_description)
        suffix = f" The issuer says: {said}" if said else ""
        if error.error == "invalid_grant":
            raise GrantRefused(GrantRefused.default_detail + suffix, issuer_error=error.error)
        if error.error == "invalid_client":
            raise TokenRequestRefused(
                "The issuer's authorization server does not accept a wallet without a client registration "
                f"(invalid_client).{suffix}",
                issuer_error=error.error,
            )
        raise TokenRequestRefused(
            f"{TokenRequestRefused.default_detail} ({issuer_text(error.error, 60)}).{suffix}", issuer_error=error.error
        )
    if answer.status_code != 200:
        raise unexpected(answer, what)
    token = read_model(TokenResponse, read_json(answer, what), what)
    if token.token_type.lower() != "bearer":
        raise IssuerUnsupported(
            f"The issuer's access tokens are {issuer_text(token.token_type, 40)!r} tokens; Passerelle uses bearer "
            "tokens only (no DPoP yet)."
        )
    return token


async def _nonce(issuer: Issuer, metadata: CredentialIssuerMetadata, token: TokenResponse) -> str | None:
    if metadata.nonce_endpoint is None:
        return token.c_nonce  # no nonce endpoint: the issuer asks for no nonce, or gave one with the token (drafts)
    what = "The nonce endpoint"
    answer = await issuer.send(
        "POST", metadata.nonce_endpoint, what, headers={"Accept": "application/json"}, content=b""
    )
    if not 200 <= answer.status_code < 300:
        raise unexpected(answer, what)
    return read_model(NonceResponse, read_json(answer, what), what).c_nonce


def _collectable(configuration_id: str, configuration: CredentialConfiguration | None) -> Skipped | None:
    """Why Passerelle cannot ask for this configuration, or `None` when it can."""
    if configuration is None:
        return Skipped(
            configuration_id,
            "unknown_credential_configuration",
            "The issuer's metadata does not describe this credential configuration.",
        )
    if configuration.format not in MEDIA_TYPE_BY_FORMAT:
        return Skipped(
            configuration_id,
            "credential_format_unsupported",
            f"Passerelle does not read credentials in the format {issuer_text(configuration.format, 100)!r}.",
        )
    proof_types = configuration.proof_types_supported
    if proof_types is not None:
        jwt = proof_types.get("jwt")
        if jwt is None or PROOF_ALGORITHM not in jwt.proof_signing_alg_values_supported:
            return Skipped(
                configuration_id,
                "proof_type_unsupported",
                "The issuer binds this credential only with key proofs Passerelle does not make (it signs `jwt` "
                "proofs with ES256).",
            )
    return None


def _stored(configuration_id: str, credential_format: str, issued: str | dict[str, Any]) -> Collected | Skipped:
    """The credential as Passerelle keeps it: a string's ASCII bytes, an object's compact JSON."""
    if credential_format in OBJECT_FORMATS:
        if isinstance(issued, dict):
            content = jsonstrict.dumps_compact(issued)
            return Collected(configuration_id, credential_format, content, MEDIA_TYPE_BY_FORMAT[credential_format])
    elif isinstance(issued, str) and issued.isascii() and issued.strip():
        content = issued.strip().encode("ascii")
        return Collected(configuration_id, credential_format, content, MEDIA_TYPE_BY_FORMAT[credential_format])
    return Skipped(
        configuration_id,
        "credential_unreadable",
        f"The issuer answered a credential that is not a {credential_format} credential.",
    )


async def _request_credential(
    issuer: Issuer,
    metadata: CredentialIssuerMetadata,
    token: TokenResponse,
    holder: HolderSource,
    configuration_id: str,
    configuration: CredentialConfiguration,
    identifier: str | None,
) -> list[Collected | Deferred | Skipped]:
    """One credential request (§8.2), with one retry on `invalid_nonce` (§8.3.1.2: fetch a new `c_nonce`)."""
    what = "The credential endpoint"
    body: dict[str, Any] = (
        {"credential_identifier": identifier}
        if identifier is not None
        else {"credential_configuration_id": configuration_id}
    )
    by_did = bool(
        configuration.cryptographic_binding_methods_supported
        and "jwk" not in configuration.cryptographic_binding_methods_supported
        and "did:jwk" in configuration.cryptographic_binding_methods_supported
    )
    for attempt in range(2):
        if configuration.proof_types_supported is not None:
            nonce = await _nonce(issuer, metadata, token)
            proof = (await holder()).proof(
                audience=metadata.credential_issuer, nonce=nonce, issued_at=int(utcnow().timestamp()), by_did=by_did
            )
            body["proofs"] = {"jwt": [proof]}
        answer = await issuer.send(
            "POST",
            metadata.credential_endpoint,
            what,
            headers={
                "Content-Type": "application/json",
                "Accept": "application/json",
                "Authorization": f"Bearer {token.access_token}",
            },
            content=jsonstrict.dumps_compact(body),
        )
        if answer.status_code in {200, 202}:
            response = read_model(CredentialResponse, read_json(answer, what), what)
            if response.transaction_id is not None:
                return [Deferred(configuration_id, response.transaction_id, response.interval)]
            return [_stored(configuration_id, configuration.format, issued) for issued in response.issued()]
        error = oauth_error(answer) if 400 <= answer.status_code < 500 else None
        if error is None:
            raise unexpected(answer, what)
        if error.error == "invalid_nonce" and attempt == 0 and metadata.nonce_endpoint is not None:
            continue
        said = issuer_text(error.error_description)
        detail = f"The issuer refused to issue it ({issuer_text(error.error, 60)})" + (f": {said}" if said else ".")
        proof_type = (configuration.proof_types_supported or {}).get("jwt")
        if error.error == "invalid_proof" and proof_type is not None and proof_type.key_attestations_required:
            detail += " The issuer requires key attestations, which Passerelle cannot provide."
        return [Skipped(configuration_id, issuer_text(error.error, 60) or "issuance_refused", detail)]
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns


async def collect(
    offer_value: str | Mapping[str, Any],
    tx_code: str | None,
    holder: HolderSource,
    policy: OutboundPolicy,
    *,
    http: httpx.AsyncClient | None = None,
) -> Collection:
    """Run the pre-authorized code flow for an offer and answer what the issuer issued, deferred or refused.

    Each call is bounded by the policy's timeout and the whole flow by `BUDGET_CALLS` of them."""
    budget = policy.timeout_seconds * BUDGET_CALLS
    try:
        with anyio.fail_after(budget):
            if http is not None:
                return await _collect(offer_value, tx_code, holder, Issuer(policy, http))
            # One client for the flow: the issuer's connections are reused from one step to the next.
            async with httpx.AsyncClient(
                timeout=policy.timeout_seconds, follow_redirects=False, trust_env=False
            ) as owned:
                return await _collect(offer_value, tx_code, holder, Issuer(policy, owned))
    except TimeoutError as exc:
        raise IssuerUnavailable(f"The issuer did not complete the exchange within {budget:g} seconds.") from exc


async def _collect(
    offer_value: str | Mapping[str, Any], tx_code: str | None, holder: HolderSource, issuer: Issuer
) -> Collection:
    offer = await _offer(issuer, offer_value)
    grant = _pre_authorized(offer)
    _check_tx_code(grant, tx_code)
    issuer.check(offer.credential_issuer, "The credential issuer")
    if len(offer.credential_configuration_ids) > MAX_CONFIGURATIONS:
        raise InvalidOffer(f"The offer names more than {MAX_CONFIGURATIONS} credential configurations.")
    metadata = await _issuer_metadata(issuer, offer.credential_issuer)
    configurations = metadata.credential_configurations_supported
    skipped: list[Skipped] = []
    wanted: list[tuple[str, CredentialConfiguration]] = []
    for configuration_id in offer.credential_configuration_ids:
        configuration = configurations.get(configuration_id)
        problem = _collectable(configuration_id, configuration)
        if problem is not None:
            skipped.append(problem)
        elif configuration is not None:
            wanted.append((configuration_id, configuration))
    if not wanted:
        # Stop before the single-use code is spent on nothing.
        raise IssuerUnsupported(
            "Passerelle cannot collect any credential of this offer: "
            + " ".join(f"{s.credential_configuration_id}: {s.detail}" for s in skipped)
        )
    server = _authorization_server(grant, metadata)
    token = await _token(issuer, await _token_endpoint(issuer, server, metadata), grant, tx_code)

    outcomes: list[Collected | Deferred | Skipped] = []
    first_failure: DomainError | None = None
    requests = 0
    for configuration_id, configuration in wanted:
        identifiers: list[str | None] = [*token.credential_identifiers(configuration_id)] or [None]
        for identifier in identifiers:
            if requests == MAX_CONFIGURATIONS:
                outcomes.append(
                    Skipped(
                        configuration_id,
                        "too_many_credentials",
                        f"Passerelle asks for at most {MAX_CONFIGURATIONS} credentials per offer.",
                    )
                )
                continue
            requests += 1
            try:
                outcomes.extend(
                    await _request_credential(
                        issuer, metadata, token, holder, configuration_id, configuration, identifier
                    )
                )
            except (IssuerUnavailable, IssuerAnswerInvalid, IssuerAddressRefused) as exc:
                # The code is spent: keep what the other requests give, and say what this one did.
                first_failure = first_failure or exc
                outcomes.append(Skipped(configuration_id, exc.code, exc.detail))
    collection = Collection(
        issuer=metadata.credential_issuer,
        issuer_name=issuer_text(metadata.display_name(), 200) or None,
        credentials=tuple(o for o in outcomes if isinstance(o, Collected)),
        deferred=tuple(o for o in outcomes if isinstance(o, Deferred)),
        skipped=(*skipped, *(o for o in outcomes if isinstance(o, Skipped))),
    )
    log.info(
        "credential_offer_redeemed",
        issuer=collection.issuer,
        issued=len(collection.credentials),
        deferred=len(collection.deferred),
        skipped=len(collection.skipped),
        calls=issuer.calls,
    )
    if not collection.credentials and not collection.deferred:
        if first_failure is not None:
            raise first_failure
        raise IssuanceRefused(
            "The issuer issued none of the offered credentials: "
            + " ".join(f"{s.credential_configuration_id}: {s.detail}" for s in collection.skipped)
        )
    return collection
