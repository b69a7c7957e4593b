"""SD-JWT VC in the verification vocabulary: the issuer's signature over the disclosed claims, the key's origin,
holder binding, and the validity dates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.errors import DomainError
from core.keys import jwk_thumbprint
from wallet import sdjwt
from wallet.formats import Detected
from wallet.verification import common, keys
from wallet.verification.context import VerificationContext
from wallet.verification.result import Check, CheckName, failed, passed, skipped, warning
from wallet.verification.steps import KeyToFetch, Step, Verified
from wallet.verification.vcjwt import (
    issuer_key_unresolvable,
    issuer_trust,
    key_invalid,
    key_unavailable,
    segment,
)

SIGNATURE_CODES = frozenset({"signature_invalid", "algorithm_not_allowed", "issuer_key_invalid"})
VALIDITY_CODES = frozenset({"sd_jwt_expired", "sd_jwt_not_yet_valid"})


def verify(text: str, context: VerificationContext, *, detected: Detected | None = None) -> Step:
    """Check an SD-JWT VC: the issuer's signature over the disclosed claims, the key's origin, holder binding and
    the validity dates. Synchronous (run it in a worker thread); `detected` hands over the header and claims
    `formats.detect()` parsed."""
    text = text.strip()
    try:
        parts = sdjwt.parse(text)
        if detected is not None and detected.header is not None and isinstance(detected.document, dict):
            header, claims = detected.header, detected.document
        else:
            header, claims = segment(parts.signatures[0].protected), segment(parts.payload)
    except DomainError as exc:
        return Verified(_unreadable(exc.code, exc.detail), None)
    if not isinstance(header, dict) or not isinstance(claims, dict):
        return Verified(_unreadable("malformed_sd_jwt", "The SD-JWT header and payload must be objects."), None)
    issuer = claims.get("iss") if isinstance(claims.get("iss"), str) else None
    evidence: dict[str, Any] = {
        "algorithm": header.get("alg"),
        "key_id": header.get("kid"),
        "issuer": issuer,
        "vct": claims.get("vct"),
        "disclosures": len(parts.disclosures),
    }
    issued = _Issued(parts, header, claims, issuer, evidence, context)
    # SD-JWT VC alone may find the key in the issuer's JWT VC Issuer Metadata (draft-ietf-oauth-sd-jwt-vc).
    try:
        resolved = keys.resolve_offline(header, issuer, context, issuer_metadata=True)
    except keys.KeyUnavailable as exc:
        unresolvable = issuer_key_unresolvable(header, issuer)
        if unresolvable is not None:
            well_formed = passed(CheckName.FORMAT, "well_formed", "The SD-JWT VC is well-formed.")
            return Verified([well_formed, *unresolvable], None)
        return issued.with_key(exc)
    except DomainError as exc:
        well_formed = passed(CheckName.FORMAT, "well_formed", "The SD-JWT VC is well-formed.")
        return Verified([well_formed, *key_invalid(exc, evidence)], None)
    if resolved is None:
        return KeyToFetch(
            fetch=lambda: keys.fetch(header, context, issuer, issuer_metadata=True), finish=issued.with_key
        )
    return issued.with_key(resolved)


def _unreadable(reason: str, message: str, evidence: dict[str, Any] | None = None) -> list[Check]:
    """An SD-JWT VC that cannot be read or whose disclosures do not match the digests the issuer signed: what was
    presented is not what the issuer signed, so the signature fails as well as the format."""
    return [
        failed(CheckName.FORMAT, reason, message),
        failed(
            CheckName.SIGNATURE,
            reason,
            f"What was presented is not what the issuer signed: {message}",
            **(evidence or {}),
        ),
    ]


@dataclass(frozen=True)
class _Issued:
    parts: sdjwt.SdJwtParts
    header: dict[str, Any]
    claims: dict[str, Any]
    """The header and payload as parsed from `parts` (the verifier does not parse them again)."""
    issuer: str | None
    evidence: dict[str, Any]
    context: VerificationContext

    def validity(self) -> Check:
        claims = self.claims
        return common.validity_period(
            self.context, valid_from=claims.get("nbf"), valid_until=claims.get("exp"), issued=claims.get("iat")
        )

    def with_key(self, resolved: keys.ResolvedKey | DomainError) -> Verified:
        evidence, context = self.evidence, self.context
        if isinstance(resolved, DomainError):
            return Verified(
                [
                    passed(CheckName.FORMAT, "well_formed", "The SD-JWT VC is well-formed."),
                    *key_unavailable(resolved, evidence),
                    self.validity(),
                ],
                None,
            )
        evidence = {**evidence, "key_source": resolved.source}
        try:
            verified = sdjwt.verify_vc(
                self.parts, issuer_key=resolved.key, now=context.now, decoded=(self.header, self.claims)
            )
        except sdjwt.SdJwtError as exc:
            if exc.code in SIGNATURE_CODES:
                return Verified(
                    [
                        passed(CheckName.FORMAT, "well_formed", "The SD-JWT VC is well-formed."),
                        failed(CheckName.SIGNATURE, exc.code, exc.detail, **evidence),
                    ],
                    None,
                )
            if exc.code in VALIDITY_CODES:
                valid = passed(CheckName.SIGNATURE, "signature_valid", "The issuer's signature is valid.", **evidence)
                return Verified([valid, self.validity()], None)
            return Verified(_unreadable(exc.code, exc.detail, evidence), None)
        checks = [
            passed(
                CheckName.FORMAT,
                "well_formed",
                "The SD-JWT VC is well-formed and every disclosure matches its digest.",
                legacy_type=verified.legacy_type,
            ),
            passed(
                CheckName.SIGNATURE,
                "signature_valid",
                "The issuer's signature is valid and covers every disclosed claim.",
                **evidence,
            ),
            issuer_trust(resolved, context, evidence),
            _holder_binding(self.claims, self.parts.kb_jwt, context),
            self.validity(),
            common.accreditation(context, self.issuer),
        ]
        return Verified(checks, verified.claims)


def _p256_thumbprint(jwk: Any) -> str | None:
    """RFC 7638 thumbprint of a public P-256 JWK, the kind of holder key the wallet makes; `None` for others."""
    if not isinstance(jwk, dict) or jwk.get("kty") != "EC" or jwk.get("crv") != "P-256":
        return None
    if not (isinstance(jwk.get("x"), str) and isinstance(jwk.get("y"), str)):
        return None
    return jwk_thumbprint(jwk)


def _holder_binding(claims: dict[str, Any], kb_jwt: str | None, context: VerificationContext) -> Check:
    confirmation = claims.get("cnf")
    if not isinstance(confirmation, dict):
        return skipped(CheckName.HOLDER_BINDING, "not_bound", "The credential is not bound to a holder key.")
    bound_to = _p256_thumbprint(confirmation.get("jwk"))
    if bound_to is not None and bound_to in context.holder_keys:
        # The wallet holds the private key for its owner (it signed the proof of possession at issuance, OpenID4VCI
        # §8.2), so the binding to this learner is known here; a verifier still needs a key-binding JWT.
        return passed(
            CheckName.HOLDER_BINDING,
            "bound_to_wallet_key",
            "The credential is bound to the key this wallet holds for you; presenting it proves that to a verifier.",
            jwk_thumbprint=bound_to,
        )
    if kb_jwt is None:
        return skipped(
            CheckName.HOLDER_BINDING,
            "no_presentation",
            "The credential is bound to a holder key; binding is proven when the holder presents it.",
        )
    return warning(
        CheckName.HOLDER_BINDING,
        "key_binding_not_challenged",
        "A key-binding proof is attached, but without this verifier's own nonce it does not prove who "
        "presents the credential now.",
    )
