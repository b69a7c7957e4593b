"""The `status` check inside a verification: `wallet.status` with the context's outbound policy and trust store.

    checker = StatusChecker(StatusPolicy.from_settings(settings), proof_verifier=DataIntegrityProofs())
    result = await verify_document(content, media_type, context, status_check=status_check(checker))

One checker per application: it owns the list cache. Each call keeps the checker's cache, judging rules (algorithms,
lifetimes, same-issuer rule) and proof verifier, and takes from the context what a verification may rely on: the
hosts it may reach, the timeout, the size cap, and the keys a signed status list (a JWS, or a JSON-LD list with a
Data Integrity proof) may be verified with.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

import structlog

from core.clock import utcnow
from core.errors import InvalidInput
from wallet.status import KeyResolver, PublicKey, StatusChecker, StatusListSignatureUnverified
from wallet.verification import common, dataintegrity, keys
from wallet.verification.context import VerificationContext
from wallet.verification.engine import StatusCheck
from wallet.verification.result import Check, CheckName, Outcome

log = structlog.get_logger("passerelle.verification")


def _registered(issuer: str, kid: str | None, context: VerificationContext) -> bool:
    if issuer in context.trust.issuer_key_urls:
        return True
    return any(kid is None or jwk.get("kid") in {None, kid} for jwk in context.trust.issuer_keys.get(issuer, ()))


def _origin(url: str) -> tuple[str, str | None, int | None]:
    parts = urlsplit(url)
    return parts.scheme, parts.hostname, parts.port


def _names_issuer_key(issuer: str, kid: str | None) -> bool:
    """Whether `kid` is a key the issuer itself controls: a verification method of the issuer's own DID, or a key
    URL on the issuer's own https origin. A list's `iss` is only a claim; without this tie anyone could sign a
    list "from" the issuer with a did:key of their own."""
    if kid is None:
        return False
    if kid.startswith(("did:key:", "did:web:")):
        return kid.split("#", 1)[0] == issuer
    if kid.startswith("https://") and issuer.startswith("https://"):
        return _origin(kid) == _origin(issuer)
    return False


def trusted_key_resolver(context: VerificationContext) -> KeyResolver:
    """`(issuer, kid) -> key | None` for signed status lists: the trust registry's keys for the issuer, else the
    issuer's own did:key, did:web or https key URL (fetched through the outbound guard); `None` when there is
    no such key. A key document out of reach raises, and the status check reports that as a warning."""

    async def resolve(issuer: str | None, kid: str | None) -> PublicKey | None:
        if issuer is None or not (_registered(issuer, kid, context) or _names_issuer_key(issuer, kid)):
            return None
        header: dict[str, Any] = {"kid": kid} if kid is not None else {}
        try:
            resolved = await keys.resolve(header, issuer, context)
        except (keys.KeyUnavailable, InvalidInput) as exc:
            log.info("status_list_key_unresolved", issuer=issuer, kid=kid, reason=exc.code)
            return None
        return resolved.key

    return resolve


_ISSUER_CONTROLLED = frozenset({"self_certifying_key", "key_published_by_issuer_domain", "key_published_at_url"})
"""Trust reasons (`dataintegrity.issuer_trust`) for a key whose controller is named in the check's evidence: the
issuer's own did:key, or a method its did:web or https controller document authorises."""


class DataIntegrityProofs:
    """The `ProofVerifier` for JSON-LD status list credentials (W3C BSL §2.2 with a Data Integrity proof): the proof
    is checked as a credential's is (`dataintegrity`), then relied on only when its key is the list issuer's: in the
    trust registry, or the issuer's own did:key, did:web or https controller document. A key the proof merely
    names proves nothing about who published the list.

        StatusChecker(policy, proof_verifier=DataIntegrityProofs())   # `status_check()` binds each verification

    Answers True for a trusted valid proof, False for a proof that does not hold (the list was changed, or signed
    by another key), and raises `StatusListSignatureUnverified` when it cannot tell."""

    def __init__(self, context: VerificationContext | None = None) -> None:
        self.context = context

    def in_context(self, context: VerificationContext) -> DataIntegrityProofs:
        """The same verifier for one verification: its moment, trust registry and outbound policy."""
        return DataIntegrityProofs(context)

    async def __call__(self, document: Mapping[str, Any]) -> bool:
        context = self.context or VerificationContext(now=utcnow())
        checks = await dataintegrity.verify_proof(dict(document), context)
        signature = next(c for c in checks if c.name == CheckName.SIGNATURE)
        if signature.outcome == Outcome.FAILED:
            return False
        if signature.outcome != Outcome.PASSED:
            raise StatusListSignatureUnverified(f"The status list's proof could not be checked: {signature.message}")
        trust = next(c for c in checks if c.name == CheckName.ISSUER_TRUST)
        issuer = common.issuer_id_of(dict(document))
        controlled = trust.reason in _ISSUER_CONTROLLED and trust.evidence.get("controller") == issuer
        if trust.outcome == Outcome.PASSED or controlled:
            return True
        raise StatusListSignatureUnverified(
            f"The status list's proof holds, but its key is not shown to be the list issuer's: {trust.message}"
        )


def status_check(checker: StatusChecker) -> StatusCheck:
    """The engine's `status_check` from the application's checker (its cache is shared across calls)."""

    async def check(credential: dict[str, Any], context: VerificationContext) -> Check:
        outbound = context.outbound
        policy = replace(
            checker.policy,
            allowed_hosts=outbound.allowed_hosts,
            timeout_seconds=outbound.timeout_seconds,
            max_response_bytes=outbound.max_bytes,
        )
        proof_verifier = checker.proof_verifier
        if isinstance(proof_verifier, DataIntegrityProofs):
            proof_verifier = proof_verifier.in_context(context)
        scoped = StatusChecker(
            policy,
            cache=checker.cache,
            key_resolver=trusted_key_resolver(context),
            proof_verifier=proof_verifier,
        )
        return await scoped.check(credential)

    return check
