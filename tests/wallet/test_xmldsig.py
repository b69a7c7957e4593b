"""Enveloped XML signatures on ELMO transcripts: the EMREX example's own signature (which does not hold, and why),
transcripts signed here with throwaway keys, tampering, trust in the signing certificate, and hostile XML."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from lxml import etree  # type: ignore[import-untyped]
from signxml.signer import XMLSigner

from wallet.verification import engine, xmldsig
from wallet.verification import x509 as certificates
from wallet.verification.context import TrustStore, VerificationContext
from wallet.verification.result import Check, CheckName, Outcome

DATA = Path(__file__).parents[1] / "data"
SAMPLE = (DATA / "elmo-example.xml").read_bytes()
NOW = datetime(2026, 1, 1, tzinfo=UTC)
GENERATED = datetime(2015, 10, 31, 10, 0, tzinfo=UTC)  # the sample's generatedDate, 2015-10-31T12:00:00+02:00
DS = {"ds": xmldsig.DSIG}
RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1"
SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1"
# RFC 8017 §9.2 note 1: the DER DigestInfo prefix of a SHA-1 hash in an EMSA-PKCS1-v1_5 encoded message.
SHA1_DIGEST_INFO = bytes.fromhex("3021300906052b0e03021a05000414")


def _without_signature(content: bytes) -> bytes:
    start = content.index(b"<Signature xmlns=")
    end = content.index(b"</Signature>") + len(b"</Signature>")
    return content[:start] + content[end:]


UNSIGNED = _without_signature(SAMPLE)


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def certificate(
    common_name: str,
    key: rsa.RSAPrivateKey,
    *,
    issuer: tuple[x509.Certificate, rsa.RSAPrivateKey] | None = None,
    not_before: datetime = datetime(2015, 1, 1, tzinfo=UTC),
    not_after: datetime = datetime(2035, 1, 1, tzinfo=UTC),
    ca: bool = False,
) -> x509.Certificate:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    issuer_name, signing_key = (issuer[0].subject, issuer[1]) if issuer else (subject, key)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .sign(signing_key, hashes.SHA256())
    )


KEY = new_key()
CERTIFICATE = certificate("Test University Registry", KEY)


class Sha1Signer(XMLSigner):
    """signxml refuses to *make* SHA-1 signatures; old transcripts have them, so the tests make one."""

    def check_deprecated_methods(self) -> None:
        return None


def sign(
    content: bytes,
    key: rsa.RSAPrivateKey = KEY,
    chain: list[x509.Certificate] | None = None,
    *,
    sha1: bool = False,
    **options: Any,
) -> bytes:
    signer = (
        Sha1Signer(signature_algorithm="rsa-sha1", digest_algorithm="sha1")
        if sha1
        else XMLSigner(signature_algorithm="rsa-sha256", digest_algorithm="sha256")
    )
    signed = signer.sign(etree.fromstring(content), key=key, cert=chain or [CERTIFICATE], **options)
    document: bytes = etree.tostring(signed)
    return document


SIGNED = sign(UNSIGNED)


def verify(content: bytes, *anchors: x509.Certificate) -> dict[CheckName, Check]:
    context = VerificationContext(now=NOW, trust=TrustStore(certificates=anchors))
    checks = xmldsig.verify_enveloped(content, context, signing_time_path="{*}generatedDate")
    assert len({check.name for check in checks}) == len(checks)
    return {check.name: check for check in checks}


def edit(content: bytes, change: Any) -> bytes:
    """The document after `change(root)`: for moving or removing parts of a signed transcript."""
    root = etree.fromstring(content)
    change(root)
    document: bytes = etree.tostring(root)
    return document


class TestElmoSample:
    """The EMREX example carries an RSA-SHA1 signature by a self-signed UiO certificate (2015-02-05 to 2018-05-20)."""

    def test_signature_does_not_hold(self) -> None:
        checks = verify(SAMPLE)
        signature = checks[CheckName.SIGNATURE]
        assert (signature.outcome, signature.reason) == (Outcome.FAILED, "signature_invalid")
        assert signature.evidence["mismatch"] == "signature_value"
        assert signature.evidence["signature_algorithm"] == RSA_SHA1
        assert signature.evidence["digest_algorithms"] == [SHA1]
        assert signature.evidence["certificate"]["subject"] == "O=UiO,L=Oslo,ST=Some-State,C=NO"
        assert signature.evidence["certificate"]["not_after"] == "2018-05-20T13:41:52+00:00"
        assert signature.evidence["stated_subject_name"] == "O=UiO,L=Oslo,ST=Some-State,C=NO"
        assert CheckName.ISSUER_TRUST not in checks  # trust is not weighed for a signature that does not hold

    def test_the_certificate_key_signed_some_other_signed_info(self) -> None:
        # Why it fails: the SignatureValue is a well-formed PKCS#1 v1.5 SHA-1 signature by the certificate's own key,
        # but over a SignedInfo other than the one in the file (the example was edited after it was signed).
        root = etree.fromstring(SAMPLE)
        signature = root.find("ds:Signature", DS)
        value = base64.b64decode("".join(signature.find("ds:SignatureValue", DS).text.split()))
        der = base64.b64decode("".join(signature.find(".//ds:X509Certificate", DS).text.split()))
        public = x509.load_der_x509_certificate(der).public_key()
        assert isinstance(public, rsa.RSAPublicKey)
        numbers = public.public_numbers()
        encoded = pow(int.from_bytes(value, "big"), numbers.e, numbers.n).to_bytes(public.key_size // 8, "big")
        padding, _, digest_info = encoded.partition(b"\x00" + SHA1_DIGEST_INFO)
        assert padding == b"\x00\x01" + b"\xff" * (len(padding) - 2)
        signed_info = etree.tostring(signature.find("ds:SignedInfo", DS), method="c14n")
        assert len(digest_info) == 20
        assert digest_info != hashlib.sha1(signed_info).digest()  # noqa: S324 — reproducing the document's SHA-1

    def test_the_reference_digest_does_not_match_the_document_either(self) -> None:
        root = etree.fromstring(SAMPLE)
        signature = root.find("ds:Signature", DS)
        stated = signature.find("ds:SignedInfo/ds:Reference/ds:DigestValue", DS).text
        root.remove(signature)
        actual = base64.b64encode(hashlib.sha1(etree.tostring(root, method="c14n")).digest()).decode()  # noqa: S324
        assert actual != stated

    async def test_through_the_engine(self) -> None:
        result = await engine.verify_document(SAMPLE, "application/xml", VerificationContext(now=NOW))
        assert result.format == "elmo"
        assert result.outcome(CheckName.FORMAT) == Outcome.PASSED
        assert result.outcome(CheckName.SIGNATURE) == Outcome.FAILED
        assert result.outcome(CheckName.ISSUER_TRUST) == Outcome.SKIPPED


class TestOwnSignature:
    def test_valid_signature(self) -> None:
        checks = verify(SIGNED)
        signature = checks[CheckName.SIGNATURE]
        assert (signature.outcome, signature.reason) == (Outcome.PASSED, "signature_valid")
        assert signature.evidence["certificate"]["subject"] == "CN=Test University Registry"
        assert signature.evidence["key_id"] == certificates.thumbprint_s256(CERTIFICATE)
        assert signature.evidence["signature_algorithm"] == "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
        trust = checks[CheckName.ISSUER_TRUST]
        assert (trust.outcome, trust.reason) == (Outcome.FAILED, "certificate_untrusted")
        assert trust.evidence["evaluated_at"] == GENERATED.isoformat()  # the signed generatedDate

    def test_trusted_when_the_certificate_is_an_anchor(self) -> None:
        trust = verify(SIGNED, CERTIFICATE)[CheckName.ISSUER_TRUST]
        assert (trust.outcome, trust.reason) == (Outcome.PASSED, "trusted_chain")

    def test_chain_to_an_anchor_in_any_order(self) -> None:
        ca_key, leaf_key = new_key(), new_key()
        ca = certificate("Test Ministry CA", ca_key, ca=True)
        leaf = certificate("Test University Registry", leaf_key, issuer=(ca, ca_key))
        checks = verify(sign(UNSIGNED, leaf_key, [ca, leaf]), ca)  # X509Data implies no order
        assert checks[CheckName.SIGNATURE].outcome == Outcome.PASSED
        assert checks[CheckName.SIGNATURE].evidence["certificate"]["subject"] == "CN=Test University Registry"
        trust = checks[CheckName.ISSUER_TRUST]
        assert (trust.outcome, trust.evidence["anchor"]) == (Outcome.PASSED, "CN=Test Ministry CA")

    def test_sha1_is_reported_weak(self) -> None:
        checks = verify(sign(UNSIGNED, sha1=True), CERTIFICATE)
        signature = checks[CheckName.SIGNATURE]
        assert (signature.outcome, signature.reason) == (Outcome.WARNING, "weak_algorithm")
        assert signature.evidence["weak_algorithms"] == [RSA_SHA1, SHA1]
        assert checks[CheckName.ISSUER_TRUST].outcome == Outcome.PASSED

    def test_changed_content(self) -> None:
        assert SIGNED.count(b"Rygielski") == 1
        signature = verify(SIGNED.replace(b"Rygielski", b"Rygielsky"))[CheckName.SIGNATURE]
        assert (signature.outcome, signature.reason) == (Outcome.FAILED, "signature_invalid")
        assert signature.evidence["mismatch"] == "digest"

    def test_changed_credits(self) -> None:
        assert SIGNED.count(b"<value>6</value>") == 1
        signature = verify(SIGNED.replace(b"<value>6</value>", b"<value>9</value>"))[CheckName.SIGNATURE]
        assert (signature.outcome, signature.reason) == (Outcome.FAILED, "signature_invalid")

    def test_flipped_byte_in_the_signature_value(self) -> None:
        def flip(root: Any) -> None:
            element = root.find("ds:Signature/ds:SignatureValue", DS)
            value = bytearray(base64.b64decode(element.text))
            value[len(value) // 2] ^= 0x01
            element.text = base64.b64encode(bytes(value)).decode()

        signature = verify(edit(SIGNED, flip))[CheckName.SIGNATURE]
        assert (signature.outcome, signature.evidence["mismatch"]) == (Outcome.FAILED, "signature_value")

    def test_someone_else_s_certificate(self) -> None:
        other = certificate("Test University Registry", new_key())
        signature = verify(sign(UNSIGNED, KEY, [other]), other)[CheckName.SIGNATURE]
        assert (signature.outcome, signature.reason) == (Outcome.FAILED, "signature_invalid")

    def test_certificate_issued_after_the_claimed_signing_time(self) -> None:
        late = certificate("Test University Registry", KEY, not_before=datetime(2020, 1, 1, tzinfo=UTC))
        checks = verify(sign(UNSIGNED, KEY, [late]), late)
        assert checks[CheckName.SIGNATURE].outcome == Outcome.PASSED
        trust = checks[CheckName.ISSUER_TRUST]
        assert (trust.outcome, trust.reason) == (Outcome.FAILED, "certificate_not_valid_at_signing_time")

    def test_expired_certificate_still_checked(self) -> None:
        expired = certificate("Test University Registry", KEY, not_after=datetime(2018, 1, 1, tzinfo=UTC))
        checks = verify(sign(UNSIGNED, KEY, [expired]), expired)
        assert checks[CheckName.SIGNATURE].outcome == Outcome.PASSED
        trust = checks[CheckName.ISSUER_TRUST]
        assert (trust.outcome, trust.evidence["expired_now"]) == (Outcome.PASSED, True)  # valid when signed

    async def test_through_the_engine(self) -> None:
        context = VerificationContext(now=NOW, trust=TrustStore(certificates=(CERTIFICATE,)))
        result = await engine.verify_document(SIGNED, "application/xml", context)
        assert result.outcome(CheckName.FORMAT) == Outcome.PASSED
        assert result.outcome(CheckName.SIGNATURE) == Outcome.PASSED
        assert result.outcome(CheckName.ISSUER_TRUST) == Outcome.PASSED


class TestSignatureShape:
    def test_no_signature(self) -> None:
        signature = verify(UNSIGNED)[CheckName.SIGNATURE]
        assert (signature.outcome, signature.reason) == (Outcome.FAILED, "no_signature")

    def test_signature_over_one_element_only(self) -> None:
        content = sign(UNSIGNED.replace(b"<report>", b'<report Id="r1">', 1), reference_uri="#r1")
        signature = verify(content)[CheckName.SIGNATURE]
        assert (signature.outcome, signature.reason) == (Outcome.FAILED, "signature_does_not_cover_document")
        assert signature.evidence["reference_uri"] == "#r1"

    def test_signature_not_at_the_root(self) -> None:
        def move(root: Any) -> None:
            signature = root.find("ds:Signature", DS)
            root.remove(signature)
            root.find("{*}report").append(signature)

        signature = verify(edit(SIGNED, move))[CheckName.SIGNATURE]
        assert (signature.outcome, signature.reason) == (Outcome.FAILED, "signature_not_enveloped")

    def test_two_signatures(self) -> None:
        def duplicate(root: Any) -> None:
            root.append(etree.fromstring(etree.tostring(root.find("ds:Signature", DS))))

        signature = verify(edit(SIGNED, duplicate))[CheckName.SIGNATURE]
        assert (signature.outcome, signature.reason) == (Outcome.FAILED, "multiple_signatures")

    def test_no_certificate(self) -> None:
        def strip(root: Any) -> None:
            signature = root.find("ds:Signature", DS)
            signature.remove(signature.find("ds:KeyInfo", DS))

        signature = verify(edit(SIGNED, strip))[CheckName.SIGNATURE]
        assert (signature.outcome, signature.reason) == (Outcome.FAILED, "no_certificate")

    def test_unreadable_certificate(self) -> None:
        def garble(root: Any) -> None:
            root.find("ds:Signature/ds:KeyInfo/ds:X509Data/ds:X509Certificate", DS).text = "bm90IGEgY2VydA=="

        signature = verify(edit(SIGNED, garble))[CheckName.SIGNATURE]
        assert (signature.outcome, signature.reason) == (Outcome.FAILED, "invalid_certificate")

    def test_unknown_algorithm(self) -> None:
        def rename(root: Any) -> None:
            method = root.find("ds:Signature/ds:SignedInfo/ds:SignatureMethod", DS)
            method.set("Algorithm", "http://example.com/rot13")

        signature = verify(edit(SIGNED, rename))[CheckName.SIGNATURE]
        assert (signature.outcome, signature.reason) == (Outcome.FAILED, "malformed_signature")


class TestHostileXml:
    @pytest.mark.parametrize(
        "content",
        [
            b'<!DOCTYPE elmo [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><elmo>&b;</elmo>',
            b'<!DOCTYPE elmo [<!ENTITY secret SYSTEM "file:///etc/passwd">]><elmo>&secret;</elmo>',
        ],
    )
    def test_dtd_refused_even_without_detection(self, content: bytes) -> None:
        check = verify(content)[CheckName.FORMAT]
        assert (check.outcome, check.reason) == (Outcome.FAILED, "unsafe_xml")

    def test_not_xml(self) -> None:
        check = verify(b"<elmo><unclosed></elmo>")[CheckName.FORMAT]
        assert (check.outcome, check.reason) == (Outcome.FAILED, "malformed_xml")
