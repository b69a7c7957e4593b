"""X.509 certificates in signatures: parse `x5c`, describe a certificate, check a chain against trust anchors."""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import Encoding

from core.errors import InvalidInput

MAX_CHAIN = 10


class InvalidCertificate(InvalidInput):
    code = "invalid_certificate"
    default_detail = "The signature's certificate chain cannot be read."


def parse_x5c(value: object) -> list[x509.Certificate]:
    """RFC 7515 §4.1.6: base64 (not base64url) DER certificates, leaf first."""
    if not isinstance(value, list) or not value or len(value) > MAX_CHAIN:
        raise InvalidCertificate("x5c must be a non-empty list of at most 10 certificates.")
    if not all(isinstance(entry, str) for entry in value):
        raise InvalidCertificate("x5c entries must be strings.")
    return list(_parse_chain(tuple(value)))


@lru_cache(maxsize=256)
def _parse_chain(entries: tuple[str, ...]) -> tuple[x509.Certificate, ...]:
    # Memoised: an issuer seals every credential with the same chain, and parsing it is pure.
    certificates = []
    for entry in entries:
        try:
            certificates.append(x509.load_der_x509_certificate(base64.b64decode(entry, validate=True)))
        except (binascii.Error, ValueError) as exc:
            raise InvalidCertificate("An x5c entry is not a DER certificate in base64.") from exc
    return tuple(certificates)


@lru_cache(maxsize=256)
def thumbprint_s256(certificate: x509.Certificate) -> str:
    digest = hashlib.sha256(certificate.public_bytes(Encoding.DER)).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def describe(certificate: x509.Certificate) -> dict[str, str]:
    """Evidence about a certificate: who it names, who issued it, and when it is valid."""
    return dict(_described(certificate))


@lru_cache(maxsize=256)
def _described(certificate: x509.Certificate) -> tuple[tuple[str, str], ...]:
    return (
        ("subject", certificate.subject.rfc4514_string()),
        ("issuer", certificate.issuer.rfc4514_string()),
        ("serial_number", format(certificate.serial_number, "x")),
        ("not_before", certificate.not_valid_before_utc.isoformat()),
        ("not_after", certificate.not_valid_after_utc.isoformat()),
    )


def valid_at(certificate: x509.Certificate, moment: datetime) -> bool:
    return certificate.not_valid_before_utc <= moment <= certificate.not_valid_after_utc


@dataclass(frozen=True)
class ChainResult:
    trusted: bool
    anchor_subject: str | None
    reason: str


def _issued_by(child: x509.Certificate, parent: x509.Certificate) -> bool:
    try:
        child.verify_directly_issued_by(parent)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def check_chain(chain: list[x509.Certificate], anchors: list[x509.Certificate], moment: datetime) -> ChainResult:
    """Walk from the leaf through the given intermediates to one of `anchors`, every link valid at `moment`."""
    for certificate in chain:
        if not valid_at(certificate, moment):
            return ChainResult(False, None, "certificate_not_valid_at_signing_time")
    current = chain[0]
    remaining = list(chain[1:])
    for _ in range(MAX_CHAIN + 1):
        for anchor in anchors:
            same = current.fingerprint(hashes.SHA256()) == anchor.fingerprint(hashes.SHA256())
            if same or _issued_by(current, anchor):
                return ChainResult(True, anchor.subject.rfc4514_string(), "trusted_chain")
        parent = next((candidate for candidate in remaining if _issued_by(current, candidate)), None)
        if parent is None:
            break
        remaining.remove(parent)
        current = parent
    return ChainResult(False, None, "certificate_untrusted")
