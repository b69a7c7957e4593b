"""JSON credentials read into summaries: the European Commission's Annex I micro-credential (unsigned and sealed),
MyNextID's EDC and Open Badges micro-credentials, the EC certificate of participation, 1EdTech's Open Badges 3.0 and
CLR 2.0 samples as JSON-LD and VC-JWT, and W3C VCDM 2.0 test-suite inputs. Expected values are read from the files."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from core import jsonstrict
from wallet.formats import CredentialFormat, UnrecognisedCredential, detect
from wallet.summary import Summarised, vc
from wallet.summary.countries import alpha2, language_tag
from wallet.summary.model import ANNEX_I_MANDATORY, Credits, Grade, Level, LinkedPart, Summary

DATA = Path(__file__).parents[1] / "data"
ANNEX_UNSIGNED = (DATA / "edc-ec-mc-annex1-unsigned.jsonld").read_bytes()
ANNEX_SEALED = (DATA / "edc-ec-mc-annex1-signed.jsonld").read_bytes()
MYNEXTID_EDC = (DATA / "edc-mynextid-mc-signed.jsonld").read_bytes()
CERTIFICATE_OF_PARTICIPATION = (DATA / "edc-ec-certofpart-unsigned.jsonld").read_bytes()
OB3_SIMPLE = (DATA / "ob3-simple.json").read_bytes()
OB3_COMPLETE = (DATA / "ob3-complete.json").read_bytes()
OB3_MYNEXTID = (DATA / "ob3-mynextid-mc.json").read_bytes()
OB3_JWT = (DATA / "ob3-simple.jwt").read_bytes()
CLR_SIMPLE = (DATA / "clr2-simple.json").read_bytes()
CLR_COMPLEX = (DATA / "clr2-complex.json").read_bytes()
CLR_JWT = (DATA / "clr2-simple.jwt").read_bytes()


def read(content: bytes, media_type: str = "application/json") -> Summarised:
    """What the dispatcher in `wallet.summary` answers for these formats: this parser's result, `missing` filled."""
    result = vc.summarise(detect(content, media_type), content)
    return Summarised(result.summary.with_missing(), result.parts)


def summary_of(content: bytes, media_type: str = "application/json") -> Summary:
    return read(content, media_type).summary


def payload(sealed: bytes) -> dict[str, Any]:
    """The credential inside a JAdES seal (RFC 7797 unencoded payload)."""
    document: dict[str, Any] = json.loads(json.loads(sealed)["payload"])
    return document


def claim_spec(document: dict[str, Any]) -> dict[str, Any]:
    spec: dict[str, Any] = document["credentialSubject"]["hasClaim"]["specifiedBy"]
    return spec


def jwt_claims(token: bytes) -> dict[str, Any]:
    segment = token.decode("ascii").split(".")[1]
    claims: dict[str, Any] = json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    return claims


def unsigned_jwt(header_of: bytes, claims: dict[str, Any]) -> bytes:
    """A compact JWT with `header_of`'s header and the given claims; its signature part is kept but no longer fits,
    which summaries never look at."""
    header, _, signature = header_of.decode("ascii").split(".")
    body = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode("ascii")
    return f"{header}.{body}.{signature}".encode("ascii")


class TestEdcAnnexOneSample:
    """`Sample-MC-Annex1-unsigned.jsonld`, the Commission's micro-credential built on the Annex I elements."""

    def test_every_mandatory_element_the_file_carries(self) -> None:
        missing = summary_of(ANNEX_UNSIGNED).missing
        assert [element for element in ANNEX_I_MANDATORY if element in missing] == ["quality_assurance"]

    def test_quality_assurance_is_not_invented(self) -> None:
        # The sample states no accreditation or other quality assurance anywhere, so element 11 stays empty.
        assert b"accreditation" not in ANNEX_UNSIGNED
        assert summary_of(ANNEX_UNSIGNED).quality_assurance is None

    def test_title_awarding_body_and_country(self) -> None:
        document = json.loads(ANNEX_UNSIGNED)
        claim = document["credentialSubject"]["hasClaim"]
        summary = summary_of(ANNEX_UNSIGNED)
        assert summary.title == claim["title"]["en"] == "Digital micro-credential creation"
        assert summary.issuer is not None
        assert summary.issuer.name == claim["awardedBy"]["awardingBody"]["legalName"]["en"] == "University of Zed"
        # location.address.countryCode is http://publications.europa.eu/resource/authority/country/IRL
        assert summary.issuer.country == "IE"
        assert summary.issuer.url == "https://uniz.edu"
        assert "vatIdentifier (IE): 654321" in summary.issuer.identifiers

    def test_learner(self) -> None:
        learner = summary_of(ANNEX_UNSIGNED).learner
        assert learner is not None
        assert (learner.name, learner.given_name, learner.family_name) == ("Ana Andromeda", "Ana", "Andromeda")
        assert learner.date_of_birth == "1999-10-01T22:00:00Z"
        assert learner.identifiers == ["nationalID (IT): LA-234218"]

    def test_workload_level_and_field(self) -> None:
        spec = claim_spec(json.loads(ANNEX_UNSIGNED))
        summary = summary_of(ANNEX_UNSIGNED)
        assert summary.credits == [Credits(value=float(spec["creditPoint"]["point"]), system="ECTS", hours=60.0)]
        assert summary.credits[0].value == 2.0
        assert Level(framework="EQF", value="6", uri=spec["eqfLevel"]["id"]) in summary.levels
        assert Level(framework="NQF", value="RQF Level 6", uri=spec["nqfLevel"]["id"]) in summary.levels
        assert summary.field_of_study == "003"  # first ISCED-F concept, …/snb/isced-f/003

    def test_learning_outcomes_with_esco_skills(self) -> None:
        spec = claim_spec(json.loads(ANNEX_UNSIGNED))
        outcomes = summary_of(ANNEX_UNSIGNED).learning_outcomes
        assert len(outcomes) == len(spec["learningOutcome"]) == 2
        assert [outcome.text for outcome in outcomes] == [item["title"]["en"] for item in spec["learningOutcome"]]
        first_skills = [skill["id"] for skill in spec["learningOutcome"][0]["relatedESCOSkill"]]
        assert outcomes[0].esco_uri == first_skills[0]
        assert outcomes[0].related == first_skills[1:]
        assert "http://data.europa.eu/snb/dcf/u69o196gu6" in outcomes[1].related

    def test_assessment_participation_and_optional_elements(self) -> None:
        summary = summary_of(ANNEX_UNSIGNED)
        assert summary.assessment_type == "artefact assessment"
        assert summary.participation == "blended"
        assert summary.grade == Grade(value="Pass", scheme="Standard grading")
        assert summary.supervision == "Unsupervised without ID Verification"
        assert summary.prerequisites is not None
        assert summary.prerequisites.startswith("The learner needs to have an EDC Online Credential Builder account")
        assert summary.stackability == "Not a partial qualification"
        assert summary.language == "en"
        assert summary.missing == ["quality_assurance", "further_information"]

    def test_dates(self) -> None:
        # An unsigned EDC has no `issued` yet; VCDM 2.0's validFrom stands for the date of issuing.
        summary = summary_of(ANNEX_UNSIGNED)
        assert summary.issued_on == summary.valid_from == "2022-12-31T23:00:00Z"
        assert summary.valid_until is None


class TestEdcSealed:
    """`Sample-MC-Annex1-signed.jsonld`: the same credential sealed with JAdES by a test organisation."""

    def test_same_annex_values_as_unsigned(self) -> None:
        sealed, unsigned = summary_of(ANNEX_SEALED), summary_of(ANNEX_UNSIGNED)
        assert detect(ANNEX_SEALED, "application/json").format is CredentialFormat.EDC_JADES
        for field in ("title", "learner", "issuer", "learning_outcomes", "credits", "levels", "grade", "missing"):
            assert getattr(sealed, field) == getattr(unsigned, field), field

    def test_awarding_body_not_the_sealing_organisation(self) -> None:
        document = payload(ANNEX_SEALED)
        assert document["issuer"]["legalName"]["en"] == "ORGANIZACION TEST"
        issuer = summary_of(ANNEX_SEALED).issuer
        assert issuer is not None
        assert (issuer.name, issuer.country) == ("University of Zed", "IE")

    def test_issued_when_sealed(self) -> None:
        summary = summary_of(ANNEX_SEALED)
        assert summary.issued_on == payload(ANNEX_SEALED)["issued"] == "2023-09-27T13:54:17+02:00"
        assert summary.valid_from == "2022-12-31T23:00:00Z"


class TestEdcMyNextId:
    """MyNextID's sealed EDC micro-credential, issued through the Velocert sealing service."""

    def test_title_issuer_credits(self) -> None:
        document = payload(MYNEXTID_EDC)
        spec = claim_spec(document)
        summary = summary_of(MYNEXTID_EDC)
        assert summary.title == document["credentialSubject"]["hasClaim"]["title"]["en"]
        assert summary.issuer is not None
        assert (summary.issuer.name, summary.issuer.country) == ("NETIS d.o.o.", "SI")
        assert summary.credits == [Credits(value=float(spec["creditPoint"]["point"]), system="ECTS", hours=45.0)]
        assert summary.levels[0] == Level(framework="EQF", value="6", uri="http://data.europa.eu/snb/eqf/6")

    def test_local_skill_identifiers_are_not_esco_uris(self) -> None:
        # relatedESCOSkill here are urn:epass:… placeholders, not ESCO concepts.
        outcomes = summary_of(MYNEXTID_EDC).learning_outcomes
        assert [outcome.text for outcome in outcomes] == [
            "Example of learning outcome",
            "Example of learning second outcome",
        ]
        assert all(outcome.esco_uri is None and not outcome.related for outcome in outcomes)

    def test_assessment(self) -> None:
        summary = summary_of(MYNEXTID_EDC)
        assert summary.grade == Grade(value="19")
        assert summary.assessment_type == "Graded exercises"
        assert summary.participation == "online"
        assert summary.supervision == "Supervised with ID Verification"


class TestEdcCertificateOfParticipation:
    """The Commission's certificate of participation: the claim is a learning activity, not an achievement."""

    def test_activity_claim(self) -> None:
        summary = summary_of(CERTIFICATE_OF_PARTICIPATION)
        assert summary.title == "EDC Updates Webinar"
        assert summary.participation == "online"
        assert summary.issuer is not None
        assert summary.issuer.country == "BE"

    def test_workload_from_hours_only(self) -> None:
        # volumeOfLearning is "P2M" (two months: no measure of hours); the activity's own workload is "PT2H".
        claim = json.loads(CERTIFICATE_OF_PARTICIPATION)["credentialSubject"]["hasClaim"]
        assert (claim["specifiedBy"]["volumeOfLearning"], claim["workload"]) == ("P2M", "PT2H")
        assert summary_of(CERTIFICATE_OF_PARTICIPATION).credits == [Credits(value=2.0, system="hours", hours=2.0)]


class TestOpenBadge:
    def test_simple(self) -> None:
        document = json.loads(OB3_SIMPLE)
        summary = summary_of(OB3_SIMPLE)
        assert summary.title == document["credentialSubject"]["achievement"]["name"] == "Teamwork"
        assert summary.description == document["credentialSubject"]["achievement"]["description"]
        assert summary.issuer is not None
        assert (summary.issuer.id, summary.issuer.name) == ("https://example.com/issuers/876543", "Example Corp")
        assert summary.issued_on == "2010-01-01T00:00:00Z"
        assert summary.learner is not None
        assert summary.learner.id == "did:example:ebfeb1f712ebc6f1c276e12ec21"
        assert summary.types == ["VerifiableCredential", "OpenBadgeCredential"]

    def test_complete_issuer_profile(self) -> None:
        issuer = summary_of(OB3_COMPLETE).issuer
        assert issuer is not None
        assert (issuer.name, issuer.country, issuer.region, issuer.url) == (
            "1EdTech University",
            "US",
            "TX",
            "https://1edtech.edu",
        )
        assert issuer.identifiers == ["sourcedId: 12345", "nationalIdentityNumber: 67890"]

    def test_complete_extras(self) -> None:
        achievement = json.loads(OB3_COMPLETE)["credentialSubject"]["achievement"]
        summary = summary_of(OB3_COMPLETE)
        assert summary.title == achievement["name"] == "1EdTech University Degree"
        assert summary.credits == [Credits(value=achievement["creditsAvailable"], system="unspecified")]
        assert [outcome.related for outcome in summary.learning_outcomes] == [
            [alignment["targetUrl"]] for alignment in achievement["alignment"]
        ]
        assert summary.grade == Grade(value="A", scheme="Final Project Grade (LetterGrade; allowed values: D, C, B, A)")
        assert summary.valid_until == "2030-01-01T00:00:00Z"
        assert summary.levels == []  # its alignments are catalogue entries, none an EQF level

    def test_plain_identities_of_the_learner(self) -> None:
        learner = summary_of(OB3_COMPLETE).learner
        assert learner is not None
        assert learner.identifiers == ["emailAddress: student@1edtech.edu", "emailAddress: somebody@gmail.com"]

    def test_hashed_identity_is_not_a_value(self) -> None:
        identity = json.loads(OB3_MYNEXTID)["credentialSubject"]["identifier"][0]
        learner = summary_of(OB3_MYNEXTID).learner
        assert learner is not None
        assert learner.identifiers == ["emailAddress (hashed)"]
        assert identity["identityHash"] not in learner.model_dump_json()
        assert learner.name is None

    def test_esco_alignments_as_learning_outcomes(self) -> None:
        alignments = json.loads(OB3_MYNEXTID)["credentialSubject"]["achievement"]["alignment"]
        outcomes = summary_of(OB3_MYNEXTID).learning_outcomes
        assert [(outcome.text, outcome.esco_uri) for outcome in outcomes] == [
            (alignment["targetName"], alignment["targetUrl"]) for alignment in alignments
        ]

    def test_micro_credential_fields(self) -> None:
        summary = summary_of(OB3_MYNEXTID)
        assert summary.awarded_on == "2026-01-12T07:04:19Z"
        assert summary.language == "en"
        assert summary.credits == [Credits(value=5, system="unspecified")]
        assert summary.field_of_study is None  # "Computer Science, Statistics" is no ISCED-F code
        assert summary.issuer is not None
        assert summary.issuer.country is None  # the profile states no address


class TestOpenBadgeJwt:
    def test_simple(self) -> None:
        summary = summary_of(OB3_JWT, "application/jwt")
        assert summary.title == "Example University Degree"
        assert summary.issuer is not None
        assert (summary.issuer.id, summary.issuer.name) == ("https://example.edu/issuers/565049", "Example University")
        assert summary.issued_on == "2010-01-01T00:00:00Z"
        assert summary.learner is not None
        assert summary.learner.id == "did:example:ebfeb1f712ebc6f1c276e12ec21"

    def test_same_as_its_credential_as_json(self) -> None:
        as_json = jsonstrict.dumps_compact(jwt_claims(OB3_JWT)["vc"])
        assert summary_of(OB3_JWT, "application/jwt") == summary_of(as_json)

    def test_jwt_claims_stand_in_for_missing_properties(self) -> None:
        claims = jwt_claims(OB3_JWT)
        credential = claims["vc"]
        del credential["issuer"], credential["issuanceDate"], credential["credentialSubject"]["id"]
        claims["exp"] = claims["nbf"] + 86_400
        summary = summary_of(unsigned_jwt(OB3_JWT, claims), "application/jwt")
        assert summary.issuer is not None
        assert summary.issuer.id == claims["iss"]
        assert summary.issued_on == summary.valid_from == "2010-01-01T00:00:00Z"  # nbf 1262304000
        assert summary.valid_until == "2010-01-02T00:00:00Z"
        assert summary.learner is not None
        assert summary.learner.id == claims["sub"]


class TestClr:
    def test_own_summary(self) -> None:
        summary = summary_of(CLR_SIMPLE)
        assert summary.title == "Sample Transcript"
        assert summary.issuer is not None
        assert summary.issuer.name == "Example University"
        assert [achievement.title for achievement in summary.achievements] == ["Achievement 1", "Achievement 2"]

    def test_parts(self) -> None:
        carried = json.loads(CLR_SIMPLE)["credentialSubject"]["verifiableCredential"]
        result = read(CLR_SIMPLE)
        assert len(result.parts) == len(carried) == 1
        part = result.parts[0]
        assert part.content == jsonstrict.dumps_compact(carried[0])
        assert (part.format, part.media_type) == (CredentialFormat.OPEN_BADGE_3, "application/ld+json")
        assert part.summary == summary_of(part.content)
        assert part.summary.title == "Teamwork"
        assert result.summary.parts == [LinkedPart(title="Teamwork", format="open_badges_3")]

    def test_many_parts(self) -> None:
        result = read(CLR_COMPLEX)
        assert [part.summary.title for part in result.parts] == [
            "Nurse Assistant 1 Program with Licensure",
            "Health Careers 1",
            "Human Anatomy and Physiology",
            "Intro to Health Careers",
            "Nurse Assisting 1",
            "Oregon State Board of Nursing - Certified Nursing Assistant",
        ]
        assert all(linked.credential_id is None for linked in result.summary.parts)

    def test_clr_inside_a_clr_refused(self) -> None:
        document = json.loads(CLR_SIMPLE)
        document["credentialSubject"]["verifiableCredential"].append(json.loads(CLR_SIMPLE))
        with pytest.raises(UnrecognisedCredential) as refused:
            read(json.dumps(document).encode())
        assert refused.value.code == "nested_clr"

    def test_more_than_five_hundred_parts_refused(self) -> None:
        document = json.loads(CLR_SIMPLE)
        document["credentialSubject"]["verifiableCredential"] *= vc.MAX_PARTS + 1
        with pytest.raises(UnrecognisedCredential) as refused:
            read(json.dumps(document).encode())
        assert refused.value.code == "too_many_parts"


class TestClrJwt:
    def test_jwt_parts(self) -> None:
        carried = jwt_claims(CLR_JWT)["vc"]["credentialSubject"]["verifiableCredential"]
        result = read(CLR_JWT, "application/jwt")
        assert detect(CLR_JWT, "application/jwt").format is CredentialFormat.CLR_2_JWT
        assert result.summary.title == "Sample Transcript"
        assert [part.content for part in result.parts] == [token.encode("ascii") for token in carried]
        part = result.parts[0]
        assert (part.format, part.media_type) == (CredentialFormat.OPEN_BADGE_3_JWT, "application/jwt")
        assert part.summary.title == "Achievement 1"
        assert result.summary.parts == [LinkedPart(title="Achievement 1", format="open_badges_3_jwt")]


class TestVerifiableCredential:
    """W3C VCDM 2.0 test-suite inputs: language-tagged values."""

    def test_english_name_preferred(self) -> None:
        content = (DATA / "vcdm2" / "credential-multi-language-name-ok.json").read_bytes()
        assert detect(content, "application/json").format is CredentialFormat.VC
        summary = summary_of(content)
        assert summary.title == "Dog"
        assert summary.learner is not None
        assert summary.learner.id == "did:example:subject"

    def test_issuer_name_value_object(self) -> None:
        issuer = summary_of((DATA / "vcdm2" / "issuer-name-language-direction-en-ok.json").read_bytes()).issuer
        assert issuer is not None
        assert (issuer.id, issuer.name) == (None, "ExampleIssuer")


class TestCodeTables:
    @pytest.mark.parametrize(
        ("code", "expected"),
        [
            ("http://publications.europa.eu/resource/authority/country/IRL", "IE"),
            ("http://publications.europa.eu/resource/authority/country/GRC", "GR"),
            ("http://publications.europa.eu/resource/authority/country/1A0", "XK"),
            ("SVN", "SI"),
            ("US", "US"),
            ("USA", None),  # outside the table: not guessed
        ],
    )
    def test_countries(self, code: str, expected: str | None) -> None:
        assert alpha2(code) == expected

    def test_languages(self) -> None:
        assert language_tag("http://publications.europa.eu/resource/authority/language/DEU") == "de"
        assert language_tag("http://publications.europa.eu/resource/authority/language/XYZ") is None
