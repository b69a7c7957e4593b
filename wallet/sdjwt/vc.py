"""SD-JWT VC rules on top of SD-JWT (draft-ietf-oauth-sd-jwt-vc, editor's copy -19).

Issuer keys come from one Issuer Signature Mechanism (§3.5): a key the caller already trusts, a caller-supplied
resolver (JWT VC Issuer Metadata, §4), or the `x5c` header. For `x5c` this module only *exposes* the chain: the
leaf's key verifies the signature and every certificate's details are returned, but the chain is not validated
against trust anchors here — the caller must do that before trusting the Issuer.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from wallet.sdjwt import signing
from wallet.sdjwt.errors import SdJwtError
from wallet.sdjwt.issuer import VC_NON_DISCLOSABLE_CLAIMS, VC_TYPE
from wallet.sdjwt.keybinding import KeyBindingRequirement
from wallet.sdjwt.serialization import SdJwtParts, parse
from wallet.sdjwt.verifier import Decoded, KeyResolver, SignatureKey, VerifiedSdJwt, key_source, verify_parts

# SD-JWT VC §3.2.1: the `typ` was `vc+sd-jwt` until November 2024; accepted, and flagged, during the transition.
LEGACY_VC_TYPE = "vc+sd-jwt"


@dataclass(frozen=True)
class CertificateDetails:
    subject: str
    issuer: str
    serial_number: int
    not_before: datetime
    not_after: datetime
    dns_names: tuple[str, ...]
    uris: tuple[str, ...]
    sha256_fingerprint: str


@dataclass(frozen=True)
class VerifiedSdJwtVc:
    sd_jwt: VerifiedSdJwt
    vct: str
    issuer: str | None
    """The `iss` claim; with `x5c` the Issuer is the subject of the end-entity certificate (§3.5)."""
    legacy_type: bool
    """True when the header said `vc+sd-jwt` rather than `dc+sd-jwt`."""
    certificate_chain: tuple[CertificateDetails, ...]
    """The `x5c` chain, leaf first, *not validated*; empty when the key came from elsewhere."""

    @property
    def claims(self) -> dict[str, Any]:
        return self.sd_jwt.claims


def _details(certificate: x509.Certificate) -> CertificateDetails:
    try:
        names = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        dns_names = tuple(names.get_values_for_type(x509.DNSName))
        uris = tuple(names.get_values_for_type(x509.UniformResourceIdentifier))
    except x509.ExtensionNotFound:
        dns_names, uris = (), ()
    return CertificateDetails(
        subject=certificate.subject.rfc4514_string(),
        issuer=certificate.issuer.rfc4514_string(),
        serial_number=certificate.serial_number,
        not_before=certificate.not_valid_before_utc,
        not_after=certificate.not_valid_after_utc,
        dns_names=dns_names,
        uris=uris,
        sha256_fingerprint=hashlib.sha256(certificate.public_bytes(Encoding.DER)).hexdigest(),
    )


def parse_x5c(value: Any) -> tuple[signing.AsymmetricKey, tuple[CertificateDetails, ...]]:
    """The leaf's public key and every certificate's details from an `x5c` value (RFC 7515 §4.1.6: an array of
    base64 — not base64url — DER certificates, the one holding the signing key first)."""
    if not isinstance(value, list) or not value or not all(isinstance(item, str) for item in value):
        raise SdJwtError("'x5c' must be a non-empty array of base64 certificates.", code="x5c_invalid")
    certificates = []
    for item in value:
        try:
            certificates.append(x509.load_der_x509_certificate(base64.b64decode(item, validate=True)))
        except (binascii.Error, ValueError) as exc:
            raise SdJwtError("An 'x5c' entry is not a base64 DER certificate.", code="x5c_invalid") from exc
    key = signing.key_from_certificate_public_key(certificates[0].public_key())
    return key, tuple(_details(certificate) for certificate in certificates)


def verify_vc(
    presentation: str | SdJwtParts,
    *,
    issuer_key: signing.KeyMaterial | None = None,
    key_resolver: KeyResolver | None = None,
    use_x5c: bool = False,
    algorithms: Collection[str] | None = None,
    key_binding: KeyBindingRequirement | None = None,
    now: datetime | None = None,
    leeway: timedelta = timedelta(seconds=30),
    decoded: Decoded | None = None,
) -> VerifiedSdJwtVc:
    """Verify an SD-JWT VC presentation (its text, or its parts as `parse()` split it): every SD-JWT rule
    (`verify()`), then `typ`, `vct`, `iss` and the claims that must stay in the clear. Exactly one of `issuer_key`,
    `key_resolver` and `use_x5c` names the key. `decoded`: the header and payload already parsed from `presentation`
    (`verify_parts`)."""
    chains: list[tuple[CertificateDetails, ...]] = []
    key_for: SignatureKey
    if use_x5c:
        if issuer_key is not None or key_resolver is not None:
            raise ValueError("use_x5c excludes issuer_key and key_resolver")

        def from_x5c(issuer: str | None, protected: dict[str, Any], unprotected: dict[str, Any]) -> signing.KeyMaterial:
            if "x5c" not in protected:
                # only an integrity-protected chain names the key (RFC 7515 §4.1.6 in the protected header)
                raise SdJwtError("The SD-JWT VC header has no 'x5c' certificate chain.", code="x5c_invalid")
            key, chain = parse_x5c(protected["x5c"])
            chains.append(chain)
            return key

        key_for = from_x5c
    else:
        key_for = key_source(issuer_key, key_resolver)

    parts = parse(presentation) if isinstance(presentation, str) else presentation
    verified = verify_parts(
        parts, key_for=key_for, algorithms=algorithms, key_binding=key_binding, now=now, leeway=leeway, decoded=decoded
    )
    typ = verified.header.get("typ")
    if typ not in (VC_TYPE, LEGACY_VC_TYPE):
        raise SdJwtError(f"An SD-JWT VC has 'typ' {VC_TYPE!r}, not {typ!r}.", code="vc_type_invalid")
    disclosed_top_level = {path[0] for path in verified.disclosed_paths if len(path) == 1}
    hidden = sorted(str(name) for name in disclosed_top_level & VC_NON_DISCLOSABLE_CLAIMS)
    if hidden:
        # SD-JWT VC §3.2.2.2: these registered claims MUST NOT be included in Disclosures
        raise SdJwtError(f"These claims must not be selectively disclosable: {hidden}.", code="vc_claim_disclosable")
    claims = verified.claims
    vct = claims.get("vct")
    if not isinstance(vct, str) or not vct:
        raise SdJwtError("An SD-JWT VC needs a string 'vct' (§3.2.2.1.1).", code="vct_missing")
    issuer = claims.get("iss")
    if issuer is not None and not isinstance(issuer, str):
        raise SdJwtError("'iss' must be a string.", code="vc_claim_invalid")
    for name in ("cnf", "status"):
        if name in claims and not isinstance(claims[name], dict):
            raise SdJwtError(f"{name!r} must be an object.", code="vc_claim_invalid")
    if "vct#integrity" in claims and not isinstance(claims["vct#integrity"], str):
        raise SdJwtError("'vct#integrity' must be a string.", code="vc_claim_invalid")
    return VerifiedSdJwtVc(
        sd_jwt=verified,
        vct=vct,
        issuer=issuer,
        legacy_type=typ == LEGACY_VC_TYPE,
        certificate_chain=chains[-1] if chains else (),
    )
