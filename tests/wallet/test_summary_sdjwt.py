"""SD-JWT VC summaries from the holder's view: the OpenID4VCI example credential, and credentials issued here by
the reference implementation (PyPI `sd-jwt`) with nested, array and recursive disclosures and the claim shapes of
European education credentials (DC4EU)."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest
from sd_jwt.common import SDObj
from sd_jwt.issuer import SDJWTIssuer

from wallet.formats import CredentialFormat, Detected, UnrecognisedCredential, detect
from wallet.sdjwt import SdJwtError
from wallet.summary import Summarised, sdjwt
from wallet.summary.model import Credits

DATA = Path(__file__).parents[1] / "data"
SAMPLE = (DATA / "sd-jwt-vc-openid4vci.txt").read_bytes()
jwcrypto_jwk: Any = importlib.import_module("jwcrypto.jwk")
ISSUER_KEY = jwcrypto_jwk.JWK.generate(kty="EC", crv="P-256")
HOLDER_KEY = jwcrypto_jwk.JWK.generate(kty="EC", crv="P-256")
ISSUER = "https://university.example.eu/issuer"


def summarise(content: bytes) -> Summarised:
    return sdjwt.summarise(detect(content, "application/dc+sd-jwt"), content)


def issue(claims: dict[Any, Any], **options: Any) -> bytes:
    """An SD-JWT VC issued by the reference implementation; `SDObj` keys and array items are disclosable."""
    issuer = SDJWTIssuer(
        {"iss": ISSUER, "iat": 1_767_225_600, **claims},
        ISSUER_KEY,
        extra_header_parameters={"typ": "dc+sd-jwt"},
        **options,
    )
    return str(issuer.sd_jwt_issuance).encode("ascii")


class TestOpenId4VciCredential:
    def test_registered_claims(self) -> None:
        summary = summarise(SAMPLE).summary
        assert summary.vct == "https://credentials.example.com/identity_credential"
        assert summary.issuer is not None and summary.issuer.id == "https://example.com/issuer"
        assert summary.issued_on == "2023-05-02T04:00:00+00:00"  # iat 1683000000
        assert summary.valid_until == "2029-09-01T23:33:20+00:00"  # exp 1883000000
        assert summary.title is None  # no `name` or `title`: the vct is not a title
        assert "title" in summary.with_missing().missing

    def test_disclosed_person_claims(self) -> None:
        learner = summarise(SAMPLE).summary.learner
        assert learner is not None
        assert (learner.given_name, learner.family_name, learner.name) == ("John", "Doe", "John Doe")
        assert learner.date_of_birth == "1940-01-01"

    def test_disclosable_are_exactly_the_disclosures(self) -> None:
        assert sorted(summarise(SAMPLE).summary.disclosable) == [
            "address",
            "birthdate",
            "email",
            "family_name",
            "given_name",
            "is_over_18",
            "is_over_21",
            "is_over_65",
            "phone_number",
        ]


class TestDisclosable:
    def test_nested_array_and_plain_claims(self) -> None:
        content = issue(
            {
                "vct": "urn:example:diploma",
                SDObj("given_name"): "Erika",
                "family_name": "Mustermann",
                "address": {SDObj("locality"): "Berlin", "country": "DE"},
                "nationalities": [SDObj("DE"), "FR"],
            }
        )
        summary = summarise(content).summary
        assert sorted(summary.disclosable) == ["address.locality", "given_name", "nationalities[0]"]
        assert summary.learner is not None
        assert (summary.learner.given_name, summary.learner.family_name) == ("Erika", "Mustermann")

    def test_recursive_disclosure(self) -> None:
        content = issue({SDObj("address"): {SDObj("street_address"): "Schulstr. 12", "locality": "Berlin"}})
        assert sorted(summarise(content).summary.disclosable) == ["address", "address.street_address"]

    def test_nothing_disclosable(self) -> None:
        content = issue({"vct": "urn:example:badge", "name": "Open Science Basics"})
        summary = summarise(content).summary
        assert summary.disclosable == []
        assert summary.title == "Open Science Basics"

    def test_decoys_are_not_claims(self) -> None:
        content = issue({SDObj("given_name"): "Erika", SDObj("email"): "erika@example.eu"}, add_decoy_claims=True)
        assert sorted(summarise(content).summary.disclosable) == ["email", "given_name"]

    def test_key_binding_claim_not_disclosable(self) -> None:
        content = issue({SDObj("given_name"): "Erika"}, holder_key=HOLDER_KEY)
        summary = summarise(content).summary
        assert summary.disclosable == ["given_name"]

    def test_presentation_with_key_binding_is_not_a_held_credential(self) -> None:
        issued = issue({SDObj("given_name"): "Erika"})
        with pytest.raises(SdJwtError) as refused:
            summarise(issued + b"eyJhbGciOiJFUzI1NiJ9.e30.c2ln")
        assert refused.value.code == "kb_jwt_unexpected"

    @pytest.mark.parametrize(
        ("path", "text"),
        [
            (("a",), "a"),
            (("a", "b", "c"), "a.b.c"),
            (("a", 0), "a[0]"),
            (("a", 2, "b"), "a[2].b"),
            (("dotted.name",), '["dotted.name"]'),
            (("a", 'q"[x]'), 'a["q\\"[x]"]'),
        ],
    )
    def test_path_text(self, path: tuple[str | int, ...], text: str) -> None:
        assert sdjwt.path_text(path) == text


class TestClaimMapping:
    def test_eudi_style_claims(self) -> None:
        content = issue(
            {
                "vct": "urn:example:attestation",
                "nbf": 1_767_225_600,
                "exp": 1_893_456_000,
                "sub": "did:example:learner",
                SDObj("first_name"): "Erika",
                SDObj("family_name"): "Mustermann",
                SDObj("birth_date"): "1964-08-12",
                SDObj("personal_administrative_number"): "AT-123",
                "issuing_authority": "Universität Wien",
                "issuing_country": "at",
                "title": "Certificate of Enrolment",
            }
        )
        summary = summarise(content).summary
        assert summary.title == "Certificate of Enrolment"
        assert summary.valid_from == "2026-01-01T00:00:00+00:00"
        assert summary.valid_until == "2030-01-01T00:00:00+00:00"
        assert summary.issued_on == "2026-01-01T00:00:00+00:00"
        assert summary.learner is not None
        assert summary.learner.id == "did:example:learner"
        assert (summary.learner.given_name, summary.learner.date_of_birth) == ("Erika", "1964-08-12")
        assert summary.learner.identifiers == ["personal_administrative_number:AT-123"]
        assert summary.issuer is not None
        assert (summary.issuer.id, summary.issuer.name, summary.issuer.country) == (
            ISSUER,
            "Universität Wien",
            "AT",
        )

    def test_dc4eu_micro_credential(self) -> None:
        # DC4EU `urn:eudi:micro_credential:1`: an Open Badges subject; its metadata names achievement.name,
        # achievement.description, achievement.criteria.narrative and achievement.ECTS.
        content = issue(
            {
                "vct": "urn:eudi:micro_credential:1",
                SDObj("credentialSubject"): {
                    "achievement": {
                        "name": "Data Stewardship",
                        "description": "Managing research data along the FAIR principles.",
                        "criteria": {"narrative": "Pass the final project."},
                        "ECTS": 3,
                    }
                },
            }
        )
        summary = summarise(content).summary
        assert summary.title == "Data Stewardship"
        assert summary.description == "Managing research data along the FAIR principles."
        assert summary.credits == [Credits(value=3, system="ECTS")]
        assert summary.disclosable == ["credentialSubject"]

    def test_dc4eu_elm_diploma(self) -> None:
        # DC4EU `urn:eudi:diploma:1`: an ELM subject with language maps.
        content = issue(
            {
                "vct": "urn:eudi:diploma:1",
                "credentialSubject": {
                    SDObj("givenName"): {"und": "Jan"},
                    SDObj("familyName"): {"und": "Jansen"},
                    SDObj("dateOfBirth"): "1999-02-03",
                    "hasClaim": {
                        "title": {"nl": "Master Rechtsgeleerdheid", "en": "Master of Laws"},
                        "awardedBy": {
                            "awardingBody": {"legalName": {"nl": "Universiteit Leiden"}},
                            "awardingDate": "2024-08-31",
                        },
                    },
                },
            }
        )
        summary = summarise(content).summary
        assert summary.title == "Master of Laws"
        assert summary.awarded_on == "2024-08-31"
        assert summary.issuer is not None and summary.issuer.name == "Universiteit Leiden"
        assert summary.learner is not None
        assert (summary.learner.given_name, summary.learner.family_name) == ("Jan", "Jansen")
        assert summary.learner.date_of_birth == "1999-02-03"
        assert sorted(summary.disclosable) == [
            "credentialSubject.dateOfBirth",
            "credentialSubject.familyName",
            "credentialSubject.givenName",
        ]

    def test_flat_claims_win_over_nested(self) -> None:
        content = issue(
            {
                "name": "Stated title",
                "credentialSubject": {"achievement": {"name": "Nested title"}, "givenName": "Nested"},
                "given_name": "Flat",
            }
        )
        summary = summarise(content).summary
        assert summary.title == "Stated title"
        assert summary.learner is not None and summary.learner.given_name == "Flat"

    @pytest.mark.parametrize("value", ["2026-01-01", True, None, 1e300, [1]])
    def test_dates_that_are_not_numeric_dates_are_left_out(self, value: Any) -> None:
        content = issue({"exp": value})
        assert summarise(content).summary.valid_until is None

    def test_objects_are_not_text(self) -> None:
        content = issue({"name": {"id": "urn:x", "type": "Thing"}, "issuing_country": ["DE"]})
        summary = summarise(content).summary
        assert summary.title is None
        assert summary.issuer is not None and summary.issuer.country == "DE"  # a one-item list of text is text


class TestInput:
    def test_not_ascii(self) -> None:
        with pytest.raises(UnrecognisedCredential):
            sdjwt.summarise(Detected(CredentialFormat.SD_JWT_VC), "eyJ.é.x~".encode())

    def test_trailing_newline_of_a_file_is_ignored(self) -> None:
        assert summarise(SAMPLE.strip() + b"\n") == summarise(SAMPLE.strip())
