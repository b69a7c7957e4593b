"""A body's decision as an SD-JWT VC and an Open Badges 3.0 VC-JWT: checked by joserfc on its own, by the service's
verifier, and read back by the wallet's summary."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from joserfc import jws
from joserfc.errors import BadSignatureError
from joserfc.jwk import ECKey

from core.keys import KeyRing, SigningKey
from recognition.decision_credentials import DecisionClaims, IssuedDecision, issue_decision_credentials
from wallet.formats import detect
from wallet.summary import summarise
from wallet.summary.model import Summary
from wallet.verification.context import TrustStore, VerificationContext
from wallet.verification.engine import VerificationResult, verify_document
from wallet.verification.result import CheckName, Outcome

ISSUER = "https://passerelle.example/v1/bodies/0b5e8f0e-7c1d-4a8e-9d55-3f1f2f6f0a11"
VCT = "https://passerelle.example/vct/recognition-decision"
SD_JWT_VC = "application/dc+sd-jwt"
VC_JWT = "application/vc+jwt"
DECIDED_AT = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
BODY = "Zentralstelle für ausländisches Bildungswesen"

FULL = DecisionClaims(
    decision_id=uuid.UUID("5a7d1c1e-2f0b-4c63-8a51-0d9b7f3e2a10"),
    case_id=uuid.UUID("c3f1e2d4-9a8b-4c7d-8e6f-5a4b3c2d1e0f"),
    outcome="full",
    outcome_label="Full recognition",
    body_name=BODY,
    body_country="DE",
    learner_name="Amina Haddad",
    purpose="further_study",
    recognised_as="Bachelor of Science (Physik)",
    target_level="EQF 6",
    ects_recognised=180.0,
    recognised_part=None,
    conditions=(),
    substantial_differences=(),
    reasons="The qualification matches the German Bachelor in level, workload and learning outcomes.",
    appeal_route="Object in writing to the Zentralstelle within one month of notification.",
    appeal_deadline=date(2026, 12, 23),
    assessed_credentials=("Licence en Physique", "Transcript of Records"),
    decided_at=DECIDED_AT,
    late=False,
    based_on_incomplete_evidence=False,
    valid_until=None,
)
DENIAL = dataclasses.replace(
    FULL,
    outcome="denial",
    outcome_label="Recognition denied",
    recognised_as=None,
    ects_recognised=None,
    substantial_differences=(
        ("workload", "The programme lasted two years (120 ECTS) against three years (180 ECTS) in Germany."),
        ("learning_outcomes", "No laboratory practice; experimental physics is a core outcome of the German degree."),
    ),
    reasons="The differences in workload and learning outcomes are substantial and cannot be bridged by conditions.",
)
ASSESSMENT = dataclasses.replace(
    FULL,
    outcome="assessment",
    outcome_label="Qualification assessment",
    recognised_as=None,
    ects_recognised=None,
    based_on_incomplete_evidence=True,
    valid_until=datetime(2031, 11, 23, 10, 30, tzinfo=UTC),
)


@pytest.fixture
def key(tmp_path: Path) -> SigningKey:
    return KeyRing.open(tmp_path / "keys").active


@pytest.fixture
def issued(key: SigningKey) -> IssuedDecision:
    return issue_decision_credentials(FULL, key=key, issuer=ISSUER, vct=VCT)


def public_key(key: SigningKey) -> ECKey:
    jwk: dict[str, str | list[str]] = {**key.published_jwk}
    return ECKey.import_key(jwk)


def registered(key: SigningKey) -> TrustStore:
    return TrustStore(issuer_keys={ISSUER: (key.published_jwk,)})


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def decode(segment: str) -> Any:
    return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))


def issuer_jwt(sd_jwt: str) -> str:
    return sd_jwt.split("~", maxsplit=1)[0]


def disclosures(sd_jwt: str) -> list[str]:
    assert sd_jwt.endswith("~")  # RFC 9901 §4: no Key Binding JWT, so the serialization ends with `~`
    return sd_jwt.split("~")[1:-1]


def disclosed(sd_jwt: str) -> dict[str, Any]:
    """Each object-property Disclosure `[salt, name, value]` (RFC 9901 §4.2.1) by claim name."""
    return {name: value for _salt, name, value in (decode(item) for item in disclosures(sd_jwt))}


def payload(token: str) -> dict[str, Any]:
    claims: dict[str, Any] = decode(token.split(".")[1])
    return claims


def badge(issued: IssuedDecision) -> dict[str, Any]:
    return payload(issued.vc_jwt)


def with_payload(token: str, change: str, into: str) -> str:
    """The JWS with one changed character in its payload and the original signature."""
    header, body, signature = token.split(".")
    text = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)).decode("utf-8")
    assert len(change) == len(into) and sum(a != b for a, b in zip(change, into, strict=True)) == 1
    assert change in text
    return ".".join((header, b64url(text.replace(change, into, 1).encode("utf-8")), signature))


def content_of(issued: IssuedDecision, media_type: str) -> bytes:
    return (issued.sd_jwt_vc if media_type == SD_JWT_VC else issued.vc_jwt).encode("ascii")


async def verify(content: bytes, media_type: str, trust: TrustStore, *, now: datetime = NOW) -> VerificationResult:
    return await verify_document(content, media_type, VerificationContext(now=now, trust=trust))


def check(result: VerificationResult, name: CheckName) -> tuple[Outcome, str]:
    found = next(c for c in result.checks if c.name == name)
    return found.outcome, found.reason


def summary_of(content: bytes, media_type: str) -> Summary:
    return summarise(detect(content, media_type), content).summary


class TestSignedWithTheBodyKey:
    """joserfc on its own, with nothing of the service's verification code, checks what was issued."""

    def test_vc_jwt_verifies_with_the_public_jwk(self, issued: IssuedDecision, key: SigningKey) -> None:
        token = jws.deserialize_compact(issued.vc_jwt, public_key(key), algorithms=["ES256"])
        assert token.protected == {"alg": "ES256", "kid": key.kid, "typ": "vc+jwt"}
        assert json.loads(token.payload) == badge(issued)

    def test_sd_jwt_issuer_jwt_verifies_with_the_public_jwk(self, issued: IssuedDecision, key: SigningKey) -> None:
        jwt = issuer_jwt(issued.sd_jwt_vc)
        token = jws.deserialize_compact(jwt, public_key(key), algorithms=["ES256"])
        assert token.protected == {"alg": "ES256", "kid": key.kid, "typ": "dc+sd-jwt"}
        assert json.loads(token.payload) == payload(jwt)

    def test_every_disclosure_digest_is_in_sd(self, issued: IssuedDecision) -> None:
        claims = payload(issuer_jwt(issued.sd_jwt_vc))
        # RFC 9901 §4.2.3: the digest is over the ASCII of the Disclosure as sent, base64url without padding.
        digests = [b64url(hashlib.sha256(item.encode("ascii")).digest()) for item in disclosures(issued.sd_jwt_vc)]
        assert claims["_sd_alg"] == "sha-256"
        assert len(digests) == 5
        assert sorted(digests) == sorted(claims["_sd"])

    def test_another_key_does_not_verify_either(self, issued: IssuedDecision, tmp_path: Path) -> None:
        other = public_key(KeyRing.open(tmp_path / "other").active)
        for token in (issued.vc_jwt, issuer_jwt(issued.sd_jwt_vc)):
            with pytest.raises(BadSignatureError):
                jws.deserialize_compact(token, other, algorithms=["ES256"])


class TestSdJwtVc:
    def test_outcome_body_and_dates_are_in_the_clear(self, issued: IssuedDecision) -> None:
        claims = payload(issuer_jwt(issued.sd_jwt_vc))
        assert claims["iss"] == ISSUER
        assert claims["iat"] == int(DECIDED_AT.timestamp())
        assert claims["vct"] == VCT
        assert "sub" not in claims and "exp" not in claims and "cnf" not in claims
        assert claims["outcome"] == "full"
        assert claims["outcome_label"] == "Full recognition"
        assert claims["recognition_body"] == {"name": BODY, "country": "DE"}
        assert claims["recognised_as"] == "Bachelor of Science (Physik)"
        assert claims["target_level"] == "EQF 6"
        assert claims["decided_at"] == "2026-11-23T10:30:00Z"
        assert claims["appeal"] == {
            "route": "Object in writing to the Zentralstelle within one month of notification.",
            "deadline": "2026-12-23",
        }
        assert (claims["late"], claims["based_on_incomplete_evidence"]) == (False, False)
        assert (claims["decision_id"], claims["case_id"]) == (str(FULL.decision_id), str(FULL.case_id))

    def test_learner_facing_claims_are_selectively_disclosable(self, issued: IssuedDecision) -> None:
        claims = payload(issuer_jwt(issued.sd_jwt_vc))
        assert disclosed(issued.sd_jwt_vc) == {
            "learner": {"name": "Amina Haddad"},
            "purpose": "further_study",
            "reasons": FULL.reasons,
            "ects_recognised": 180.0,
            "assessed_credentials": ["Licence en Physique", "Transcript of Records"],
        }
        assert not {"learner", "purpose", "reasons", "ects_recognised", "assessed_credentials"} & claims.keys()
        assert "Amina" not in json.dumps(claims)

    def test_absent_values_are_left_out(self, issued: IssuedDecision) -> None:
        everything = payload(issuer_jwt(issued.sd_jwt_vc)) | disclosed(issued.sd_jwt_vc)
        assert not {"recognised_part", "conditions", "substantial_differences", "exp"} & everything.keys()
        assert None not in everything.values()


class TestOpenBadgeVcJwt:
    def test_credential_is_an_open_badge_issued_by_the_body(self, issued: IssuedDecision) -> None:
        credential = badge(issued)
        assert credential["@context"] == [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ]
        assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
        assert credential["id"] == f"urn:uuid:{FULL.decision_id}"
        assert credential["issuer"] == {
            "id": ISSUER,
            "type": ["Profile"],
            "name": BODY,
            "address": {"type": ["Address"], "addressCountryCode": "DE"},
        }
        assert credential["validFrom"] == "2026-11-23T10:30:00Z"
        assert "validUntil" not in credential
        assert credential["evidence"] == [
            {"type": ["Evidence"], "name": "Licence en Physique"},
            {"type": ["Evidence"], "name": "Transcript of Records"},
        ]

    def test_the_decision_is_the_achievement(self, issued: IssuedDecision) -> None:
        subject = badge(issued)["credentialSubject"]
        assert subject["type"] == ["AchievementSubject"]
        assert subject["identifier"] == [
            {"type": "IdentityObject", "identityType": "name", "hashed": False, "identityHash": "Amina Haddad"}
        ]
        achievement = subject["achievement"]
        assert achievement["id"] == f"urn:uuid:{FULL.decision_id}#achievement"
        assert achievement["type"] == ["Achievement"]
        assert achievement["achievementType"] == "ext:RecognitionDecision"
        assert achievement["name"] == "Recognition decision: Full recognition — Bachelor of Science (Physik)"
        assert "Full recognition as Bachelor of Science (Physik)" in achievement["description"]
        assert FULL.reasons in achievement["description"]
        assert FULL.appeal_route in achievement["criteria"]["narrative"]
        assert "2026-12-23" in achievement["criteria"]["narrative"]
        assert achievement["creditsAvailable"] == 180.0
        assert achievement["alignment"][0]["targetUrl"] == "http://data.europa.eu/snb/eqf/6"

    def test_payload_is_the_credential_without_jwt_claims(self, issued: IssuedDecision) -> None:
        # VC-JOSE-COSE §3.1.1; the repository's verifier reads issuer and dates from the credential itself.
        assert not {"iss", "sub", "jti", "iat", "nbf", "exp", "vc"} & badge(issued).keys()


class TestDenial:
    def test_substantial_differences_are_in_both_credentials(self, key: SigningKey) -> None:
        issued = issue_decision_credentials(DENIAL, key=key, issuer=ISSUER, vct=VCT)
        assert disclosed(issued.sd_jwt_vc)["substantial_differences"] == [
            {"element": element, "description": description} for element, description in DENIAL.substantial_differences
        ]
        achievement = badge(issued)["credentialSubject"]["achievement"]
        narrative = achievement["criteria"]["narrative"]
        assert "- Workload: The programme lasted two years (120 ECTS)" in narrative
        assert "- Learning outcomes: No laboratory practice" in narrative
        assert achievement["name"] == "Recognition decision: Recognition denied"

    def test_no_level_is_attributed_to_the_learner(self, key: SigningKey) -> None:
        issued = issue_decision_credentials(DENIAL, key=key, issuer=ISSUER, vct=VCT)
        assert "alignment" not in badge(issued)["credentialSubject"]["achievement"]
        assert summary_of(issued.vc_jwt.encode("ascii"), VC_JWT).levels == []


class TestAssessmentDocument:
    def test_valid_until_is_exp_and_valid_until(self, key: SigningKey) -> None:
        issued = issue_decision_credentials(ASSESSMENT, key=key, issuer=ISSUER, vct=VCT)
        assert payload(issuer_jwt(issued.sd_jwt_vc))["exp"] == int(
            datetime(2031, 11, 23, 10, 30, tzinfo=UTC).timestamp()
        )
        assert badge(issued)["validUntil"] == "2031-11-23T10:30:00Z"
        assert badge(issued)["credentialSubject"]["achievement"]["achievementType"] == "ext:QualificationAssessment"

    @pytest.mark.parametrize("media_type", [SD_JWT_VC, VC_JWT])
    async def test_expires_with_its_validity(self, key: SigningKey, media_type: str) -> None:
        issued = issue_decision_credentials(ASSESSMENT, key=key, issuer=ISSUER, vct=VCT)
        later = datetime(2031, 11, 24, tzinfo=UTC)
        result = await verify(content_of(issued, media_type), media_type, registered(key), now=later)
        assert check(result, CheckName.VALIDITY_PERIOD) == (Outcome.FAILED, "expired")
        assert check(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")


class TestServiceVerifier:
    @pytest.mark.parametrize(
        ("media_type", "credential_format", "holder_binding"),
        [
            # SD-JWT VC: no `cnf`, so nothing binds it to a holder key.
            (SD_JWT_VC, "sd_jwt_vc", "not_bound"),
            # VC-JWT: the engine's default for formats that say nothing about holder binding.
            (VC_JWT, "open_badges_3_jwt", "no_presentation"),
        ],
    )
    async def test_registered_body_key_passes(
        self, issued: IssuedDecision, key: SigningKey, media_type: str, credential_format: str, holder_binding: str
    ) -> None:
        result = await verify(content_of(issued, media_type), media_type, registered(key))
        assert result.format == credential_format
        assert check(result, CheckName.FORMAT) == (Outcome.PASSED, "well_formed")
        assert check(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")
        assert check(result, CheckName.ISSUER_TRUST) == (Outcome.PASSED, "issuer_key_registered")
        assert check(result, CheckName.VALIDITY_PERIOD) == (Outcome.PASSED, "within_validity_period")
        assert check(result, CheckName.HOLDER_BINDING) == (Outcome.SKIPPED, holder_binding)

    @pytest.mark.parametrize("media_type", [SD_JWT_VC, VC_JWT])
    async def test_unregistered_body_is_not_trusted(self, issued: IssuedDecision, media_type: str) -> None:
        # The `kid` is a JWK thumbprint: nothing to resolve it with outside the trust registry.
        result = await verify(content_of(issued, media_type), media_type, TrustStore())
        assert check(result, CheckName.SIGNATURE) == (Outcome.WARNING, "issuer_key_unavailable")
        assert check(result, CheckName.ISSUER_TRUST) == (Outcome.WARNING, "issuer_key_unavailable")

    @pytest.mark.parametrize(("media_type", "reason"), [(SD_JWT_VC, "signature_invalid"), (VC_JWT, "bad_signature")])
    async def test_one_changed_character_breaks_the_signature(
        self, issued: IssuedDecision, key: SigningKey, media_type: str, reason: str
    ) -> None:
        if media_type == SD_JWT_VC:
            jwt, *rest = issued.sd_jwt_vc.split("~")
            forged = "~".join((with_payload(jwt, '"outcome":"full"', '"outcome":"fuld"'), *rest))
        else:
            forged = with_payload(issued.vc_jwt, "Zentralstelle", "Zentralstelli")
        result = await verify(forged.encode("ascii"), media_type, registered(key))
        assert check(result, CheckName.SIGNATURE) == (Outcome.FAILED, reason)

    async def test_changed_disclosure_is_refused(self, issued: IssuedDecision, key: SigningKey) -> None:
        # A Disclosure is not signed itself: its digest in the signed `_sd` is what ties it to the issuer.
        jwt, *items, _ = issued.sd_jwt_vc.split("~")
        salt = next(decode(item)[0] for item in items if decode(item)[1] == "learner")
        forged = b64url(json.dumps([salt, "learner", {"name": "Someone Else"}]).encode("utf-8"))
        swapped = [forged if decode(item)[1] == "learner" else item for item in items]
        result = await verify("~".join((jwt, *swapped, "")).encode("ascii"), SD_JWT_VC, registered(key))
        assert check(result, CheckName.FORMAT) == (Outcome.FAILED, "unreferenced_disclosure")
        # What was presented is not what the issuer signed: the signature does not cover it.
        assert check(result, CheckName.SIGNATURE) == (Outcome.FAILED, "unreferenced_disclosure")


class TestSummary:
    @pytest.mark.parametrize("media_type", [SD_JWT_VC, VC_JWT])
    def test_title_issuer_and_country(self, issued: IssuedDecision, media_type: str) -> None:
        summary = summary_of(content_of(issued, media_type), media_type)
        assert summary.title is not None and "Full recognition" in summary.title
        assert summary.issuer is not None
        assert (summary.issuer.id, summary.issuer.name, summary.issuer.country) == (ISSUER, BODY, "DE")

    def test_sd_jwt_summary_lists_what_the_learner_can_withhold(self, issued: IssuedDecision) -> None:
        summary = summary_of(content_of(issued, SD_JWT_VC), SD_JWT_VC)
        assert sorted(summary.disclosable) == [
            "assessed_credentials",
            "ects_recognised",
            "learner",
            "purpose",
            "reasons",
        ]


class TestDecisionClaims:
    def test_naive_decision_time_is_refused(self) -> None:
        with pytest.raises(ValueError, match="decided_at must be timezone-aware"):
            dataclasses.replace(FULL, decided_at=datetime(2026, 11, 23, 10, 30))

    def test_valid_until_before_the_decision_is_refused(self) -> None:
        with pytest.raises(ValueError, match="valid_until must be later"):
            dataclasses.replace(ASSESSMENT, valid_until=datetime(2026, 1, 1, tzinfo=UTC))
