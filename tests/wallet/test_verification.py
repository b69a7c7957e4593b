"""Verification verdicts on real credentials, check by check."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509

from core.errors import InvalidInput
from wallet.formats import UnrecognisedCredential
from wallet.verification.context import TrustStore, VerificationContext
from wallet.verification.engine import VerificationResult, verify_document
from wallet.verification.result import CheckName, Outcome

DATA = Path(__file__).resolve().parents[1] / "data"
NOW = datetime(2026, 11, 23, tzinfo=UTC)
SD_JWT_ISSUER_KEY = {  # RFC 9901 Appendix A.5 / the official test cases' issuer key (public part)
    "kty": "EC",
    "crv": "P-256",
    "x": "b28d4MwZMjw8-00CG4xfnn9SLMVMM19SlqZpVb_uNtQ",
    "y": "Xv5zWwuoaTgdS6hV43yI6gBwTnjukmFQQnJ_kCxzqk8",
}


async def verify(
    name: str, media_type: str, *, now: datetime = NOW, trust: TrustStore | None = None, content: bytes | None = None
) -> VerificationResult:
    document = content if content is not None else (DATA / name).read_bytes()
    return await verify_document(document, media_type, VerificationContext(now=now, trust=trust or TrustStore()))


def check(result: VerificationResult, name: CheckName) -> tuple[Outcome, str]:
    found = next(c for c in result.checks if c.name == name)
    return found.outcome, found.reason


class TestEveryResult:
    async def test_has_each_of_the_seven_checks_once(self) -> None:
        result = await verify("ob3-simple.jwt", "application/jwt")
        assert [c.name for c in result.checks] == list(CheckName)
        assert all(c.message for c in result.checks)


class TestEuropeanDigitalCredentialSeals:
    async def test_commission_sample_seal_holds_but_certificate_is_expired_and_untrusted(self) -> None:
        result = await verify("edc-ec-mc-annex1-signed.jsonld", "application/jose+json")
        assert check(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")
        assert check(result, CheckName.ISSUER_TRUST) == (Outcome.FAILED, "certificate_expired_and_untrusted")
        signature = next(c for c in result.checks if c.name == CheckName.SIGNATURE)
        assert signature.evidence["certificate"]["not_after"].startswith("2025-05-10")
        assert signature.evidence["signing_time"].startswith("2023-09-27")

    async def test_mynextid_seal_holds(self) -> None:
        result = await verify("edc-mynextid-mc-signed.jsonld", "application/json")
        assert check(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")
        assert check(result, CheckName.ISSUER_TRUST) == (Outcome.FAILED, "certificate_untrusted")

    async def test_trusting_the_certificate_makes_the_issuer_trusted(self) -> None:
        container = json.loads((DATA / "edc-mynextid-mc-signed.jsonld").read_bytes())
        protected = container["signatures"][0]["protected"]
        header = json.loads(base64.urlsafe_b64decode(protected + "=" * (-len(protected) % 4)))
        leaf = x509.load_der_x509_certificate(base64.b64decode(header["x5c"][0]))
        result = await verify(
            "edc-mynextid-mc-signed.jsonld", "application/json", trust=TrustStore(certificates=(leaf,))
        )
        assert check(result, CheckName.ISSUER_TRUST) == (Outcome.PASSED, "trusted_chain")

    @pytest.mark.parametrize("name", ["edc-ec-mc-annex1-signed.jsonld", "edc-mynextid-mc-signed.jsonld"])
    async def test_one_changed_character_breaks_the_seal(self, name: str) -> None:
        container = json.loads((DATA / name).read_bytes())
        container["payload"] = container["payload"].replace('"Concept"', '"Concepts"', 1)
        assert container["payload"].count('"Concepts"') == 1
        result = await verify(name, "application/json", content=json.dumps(container).encode())
        assert check(result, CheckName.SIGNATURE) == (Outcome.FAILED, "bad_signature")

    @pytest.mark.parametrize("offset", [200, 5000, 60000])
    async def test_any_flipped_byte_is_never_a_valid_seal(self, offset: int) -> None:
        original = bytearray((DATA / "edc-ec-mc-annex1-signed.jsonld").read_bytes())
        original[offset] ^= 0x01
        try:
            result = await verify("", "application/json", content=bytes(original))
        except UnrecognisedCredential:
            return  # the flip broke the JSON itself: refused before any verdict
        assert check(result, CheckName.SIGNATURE)[0] != Outcome.PASSED or check(result, CheckName.FORMAT)[0] == (
            Outcome.FAILED
        )

    async def test_unsigned_edc_has_no_signature(self) -> None:
        result = await verify("edc-ec-mc-annex1-unsigned.jsonld", "application/ld+json")
        assert check(result, CheckName.SIGNATURE) == (Outcome.FAILED, "no_signature")


class TestOpenBadges:
    async def test_expired_badge(self) -> None:
        result = await verify("ob3-err-expired.json", "application/json")
        assert check(result, CheckName.VALIDITY_PERIOD) == (Outcome.FAILED, "expired")

    async def test_badge_issued_in_the_future(self) -> None:
        result = await verify("ob3-err-issued.json", "application/json")
        assert check(result, CheckName.VALIDITY_PERIOD)[0] == Outcome.FAILED

    async def test_vc_jwt_without_a_findable_key_is_a_warning_not_a_pass(self) -> None:
        result = await verify("ob3-simple.jwt", "application/jwt")
        assert check(result, CheckName.SIGNATURE) == (Outcome.WARNING, "issuer_key_unavailable")


class TestSdJwtVc:
    async def test_signature_holds_with_the_registered_issuer_key(self) -> None:
        trust = TrustStore(issuer_keys={"https://example.com/issuer": (SD_JWT_ISSUER_KEY,)})
        result = await verify("sd-jwt-vc-openid4vci.txt", "application/dc+sd-jwt", trust=trust)
        assert check(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")
        assert check(result, CheckName.ISSUER_TRUST) == (Outcome.PASSED, "issuer_key_registered")
        assert check(result, CheckName.HOLDER_BINDING) == (Outcome.SKIPPED, "no_presentation")

    async def test_tampered_disclosure_fails(self) -> None:
        text = (DATA / "sd-jwt-vc-openid4vci.txt").read_text()
        issuer_jwt, first, *rest = text.split("~")
        tampered = "~".join([issuer_jwt, first[:-2] + ("A" if first[-2] != "A" else "B") + first[-1], *rest])
        trust = TrustStore(issuer_keys={"https://example.com/issuer": (SD_JWT_ISSUER_KEY,)})
        result = await verify("", "application/dc+sd-jwt", trust=trust, content=tampered.encode())
        assert check(result, CheckName.SIGNATURE)[0] != Outcome.PASSED or check(result, CheckName.FORMAT)[0] == (
            Outcome.FAILED
        )
        assert check(result, CheckName.FORMAT)[0] == Outcome.FAILED


class TestHostileDocuments:
    @pytest.mark.parametrize(
        ("content", "media_type"),
        [
            (b"[" * 100000, "application/json"),
            (b"eyJ!!.e30.x", "application/jwt"),
            (b'<!DOCTYPE x [<!ENTITY a "a">]><elmo>&a;</elmo>', "application/xml"),
        ],
    )
    async def test_refused_not_verified(self, content: bytes, media_type: str) -> None:
        with pytest.raises(InvalidInput):
            await verify("", media_type, content=content)
