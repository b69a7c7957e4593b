"""Enveloped XML signatures (XMLDSig, W3C XML Signature Syntax and Processing) over a whole document, as ELMO
transcripts carry them.

The signature must be a child of the root element with one `Reference URI=""` (the whole document, minus the
signature: the enveloped-signature transform), and must name its certificate in `KeyInfo/X509Data`. The maths is
checked with that certificate's key by signxml; whether the certificate deserves trust is a separate check
(`issuer_trust`), made as for JAdES seals: a chain to an anchor of the trust registry, valid at the signing time
the document claims. SHA-1 signatures and digests are accepted for the maths, explicitly, and reported as a
`weak_algorithm` warning: transcripts signed years ago use them, and their forgery is no longer out of reach.

The document is parsed by lxml with entities unresolved, no network access and the huge-tree limits on; callers
pass bytes that `wallet.formats.detect()` (defusedxml: no DTD, no entity) already accepted. CPU-bound: call it
from a worker thread.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography import exceptions as crypto_errors
from cryptography import x509
from lxml import etree  # type: ignore[import-untyped]
from signxml.algorithms import DigestAlgorithm, SignatureMethod
from signxml.exceptions import InvalidCertificate, InvalidDigest, InvalidSignature, SignXMLException
from signxml.verifier import SignatureConfiguration, XMLVerifier

from wallet.verification import common
from wallet.verification import x509 as certificates
from wallet.verification.context import VerificationContext
from wallet.verification.jades import _issuer_trust as issuer_trust
from wallet.verification.result import Check, CheckName, failed, passed, warning

DSIG = "http://www.w3.org/2000/09/xmldsig#"
NAMESPACES = {"ds": DSIG}
MAX_CERTIFICATES = certificates.MAX_CHAIN
# Every asymmetric method signxml knows, SHA-1 ones included (its default refuses them): a SHA-1 signature is
# still checked, then reported as weak. HMAC is left out: a shared secret proves nothing about an issuer.
ALLOWED_SIGNATURE_METHODS = frozenset(method for method in SignatureMethod if not method.name.startswith("HMAC"))
ALLOWED_DIGESTS = frozenset(DigestAlgorithm)
WEAK_MARKER = "sha1"


@dataclass(frozen=True)
class _Signature:
    certificates: list[x509.Certificate]
    signature_method: str | None
    digest_methods: list[str]
    subject_name: str | None


def _parser() -> Any:
    # A parser per call: lxml parsers are not safe to share between threads.
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def _signing_certificate(candidates: list[x509.Certificate]) -> list[x509.Certificate]:
    """The chain leaf first: X509Data implies no order (XMLDSig §4.5.4), so the leaf is the certificate that
    issued none of the others."""
    issuers = {candidate.issuer for candidate in candidates if candidate.issuer != candidate.subject}
    leaf = next((candidate for candidate in candidates if candidate.subject not in issuers), candidates[0])
    return [leaf, *(candidate for candidate in candidates if candidate is not leaf)]


def _read_signature(signature: Any) -> _Signature:
    """What the signature states about itself, read before any check; raises `ValueError` on unreadable data."""
    encoded = signature.findall("ds:KeyInfo/ds:X509Data/ds:X509Certificate", NAMESPACES)
    if len(encoded) > MAX_CERTIFICATES:
        raise ValueError(f"more than {MAX_CERTIFICATES} certificates")
    loaded = []
    for element in encoded:
        try:
            der = base64.b64decode("".join((element.text or "").split()), validate=True)
            loaded.append(x509.load_der_x509_certificate(der))
        except (binascii.Error, ValueError) as exc:
            raise ValueError("an X509Certificate is not a DER certificate in base64") from exc
    method = signature.find("ds:SignedInfo/ds:SignatureMethod", NAMESPACES)
    subject = signature.find("ds:KeyInfo/ds:X509Data/ds:X509SubjectName", NAMESPACES)
    return _Signature(
        certificates=_signing_certificate(loaded) if loaded else [],
        signature_method=method.get("Algorithm") if method is not None else None,
        digest_methods=[
            digest.get("Algorithm", "")
            for digest in signature.findall("ds:SignedInfo/ds:Reference/ds:DigestMethod", NAMESPACES)
        ],
        subject_name=" ".join(subject.text.split()) if subject is not None and subject.text else None,
    )


def _evidence(signature: _Signature) -> dict[str, Any]:
    evidence: dict[str, Any] = {
        "signature_algorithm": signature.signature_method,
        "digest_algorithms": signature.digest_methods,
        "stated_subject_name": signature.subject_name,
    }
    if signature.certificates:
        leaf = signature.certificates[0]
        evidence["key_id"] = certificates.thumbprint_s256(leaf)  # the certificate's x5t#S256, as for JWS
        evidence["certificate"] = certificates.describe(leaf)
        evidence["chain_length"] = len(signature.certificates)
    return evidence


def _configuration(leaf: x509.Certificate) -> SignatureConfiguration:
    return SignatureConfiguration(
        location="./",  # a child of the root element: the signature signs the document it is in
        expect_references=1,
        signature_methods=ALLOWED_SIGNATURE_METHODS,
        digest_algorithms=ALLOWED_DIGESTS,
        # The maths does not depend on when it is checked; the certificate's validity is judged in `issuer_trust`
        # at the signing time. signxml would otherwise refuse any certificate that has expired since.
        verification_time=leaf.not_valid_before_utc,
    )


def _signed_time(signed: Any, path: str | None) -> datetime | None:
    if path is None or signed is None:
        return None
    element = signed.find(path)
    return common.parse_instant(element.text) if element is not None and element.text else None


def _enveloped_signature(root: Any) -> Any:
    """The one signature that is a child of the root, or the failed check that says why there is none."""
    enveloped = root.findall("ds:Signature", NAMESPACES)
    if len(enveloped) == 1:
        return enveloped[0]
    if enveloped:
        return failed(
            CheckName.SIGNATURE,
            "multiple_signatures",
            "The document carries more than one signature over itself; which one counts is ambiguous.",
        )
    if root.find(".//ds:Signature", NAMESPACES) is not None:
        return failed(
            CheckName.SIGNATURE, "signature_not_enveloped", "The document's signature does not sign the whole document."
        )
    return failed(CheckName.SIGNATURE, "no_signature", "The document carries no signature.")


def _verified(root: Any, leaf: x509.Certificate, evidence: dict[str, Any]) -> Any:
    """signxml's result for the one reference, or the failed check."""
    try:
        result = XMLVerifier().verify(
            root, x509_cert=leaf, parser=_parser(), expect_config=_configuration(leaf), validate_schema=True
        )
    except InvalidDigest as exc:
        return _mismatch("digest", exc, evidence)
    except InvalidCertificate as exc:
        message = f"The signing certificate is unusable: {exc}"
        return failed(CheckName.SIGNATURE, "invalid_certificate", message, **evidence)
    except (InvalidSignature, crypto_errors.InvalidSignature) as exc:
        return _mismatch("signature_value", exc, evidence)
    except (SignXMLException, ValueError, etree.LxmlError, crypto_errors.UnsupportedAlgorithm) as exc:
        if "forbidden by configuration" in str(exc):
            message = "The signature uses an algorithm that is not accepted."
            return failed(CheckName.SIGNATURE, "algorithm_not_allowed", message, **evidence, error=str(exc))
        message = "The signature is not a well-formed XML signature this service can check."
        return failed(CheckName.SIGNATURE, "malformed_signature", message, **evidence, error=str(exc))
    return result[0] if isinstance(result, list) else result


def _holds(signature: _Signature, evidence: dict[str, Any]) -> Check:
    """The outcome of a signature whose maths holds: passed, or a warning when SHA-1 is involved."""
    weak = [
        algorithm
        for algorithm in (signature.signature_method or "", *signature.digest_methods)
        if WEAK_MARKER in algorithm.lower()
    ]
    if weak:
        return warning(
            CheckName.SIGNATURE,
            "weak_algorithm",
            "The signature matches the document, but it uses SHA-1, which no longer reliably prevents forgery.",
            **evidence,
            weak_algorithms=weak,
        )
    return passed(
        CheckName.SIGNATURE,
        "signature_valid",
        "The signature is intact: the document is exactly what the holder of the certificate signed.",
        **evidence,
    )


def verify_enveloped(
    content: bytes, context: VerificationContext, *, signing_time_path: str | None = None
) -> list[Check]:
    """`signature` (and, when the maths holds, `issuer_trust`) for a document with an enveloped XML signature.

    `signing_time_path` is an ElementPath, from the root, to the signing time the *signed* content claims (ELMO:
    `{*}generatedDate`); without one, trust is evaluated now."""
    try:
        root = etree.fromstring(content, _parser())
    except etree.XMLSyntaxError as exc:
        return [failed(CheckName.FORMAT, "malformed_xml", f"The XML cannot be read: {exc}.")]
    if root.getroottree().docinfo.internalDTD is not None:
        return [failed(CheckName.FORMAT, "unsafe_xml", "XML with a DTD is refused.")]
    found = _enveloped_signature(root)
    if isinstance(found, Check):
        return [found]
    try:
        signature = _read_signature(found)
    except ValueError as exc:
        message = f"The signature's certificate cannot be read: {exc}."
        return [failed(CheckName.SIGNATURE, "invalid_certificate", message)]
    evidence = _evidence(signature)
    if not signature.certificates:
        message = "The signature names no certificate (X509Certificate), so who signed cannot be established."
        return [failed(CheckName.SIGNATURE, "no_certificate", message, **evidence)]
    verified = _verified(root, signature.certificates[0], evidence)
    if isinstance(verified, Check):
        return [verified]
    reference = verified.signature_xml.find("ds:SignedInfo/ds:Reference", NAMESPACES)
    if reference is None or reference.get("URI") != "":
        # XMLDSig best practice "see what is signed": a reference to part of the document leaves the rest unsigned.
        return [
            failed(
                CheckName.SIGNATURE,
                "signature_does_not_cover_document",
                "The signature holds for only part of the document; the rest could have been changed.",
                **evidence,
                reference_uri=reference.get("URI") if reference is not None else None,
            )
        ]
    signed_at = _signed_time(verified.signed_xml, signing_time_path)
    return [_holds(signature, evidence), issuer_trust(signature.certificates, context, signed_at)]


def _mismatch(part: str, error: Exception, evidence: dict[str, Any]) -> Check:
    return failed(
        CheckName.SIGNATURE,
        "signature_invalid",
        "The signature does not match the document: it was changed after signing, or the signature is damaged.",
        **evidence,
        mismatch=part,
        error=str(error) or type(error).__name__,
    )
