"""The VC Data Model structure check, on the W3C VCDM 2.0 test-suite inputs and on real credentials."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from core import jsonstrict
from wallet.verification.result import Check, CheckName, Outcome
from wallet.verification.vcdm import check_presentation_structure, check_structure

DATA = Path(__file__).resolve().parents[1] / "data"
SUITE = DATA / "vcdm2"
SUITE_ISSUER = "did:example:issuer"
# The suite's temporality test replaces these placeholders with now ± 1 year (tests/assertions.js); fixed here.
PLACEHOLDER_DATES = {"PAST DATE": "2020-01-01T00:00:00Z", "FUTURE DATE": "2030-01-01T00:00:00Z"}

# Labelled neither -ok nor -fail: the suite signs these presentations and rejects them by comparing the signer
# with the credential's issuer and the holder (VCDM 2.0 §5.12.4, self-asserted credentials). That is holder
# binding, decided with the proof; the structure of all three holds.
SIGNER_DEPENDENT = [
    "presentation-self-asserted-vc-holder-mismatch.json",
    "presentation-self-asserted-vc-issuer-mismatch.json",
    "presentation-self-asserted-vc-no-holder.json",
]

# Every input the suite rejects (`-fail`) or lets us reject (`-fail-or-inject`: we inject no context), and why.
REJECTED = {
    "credential-context-combo3-fail.json": "invalid_context",
    "credential-context-combo4-fail.json": "invalid_context",
    "credential-description-extra-prop-en-fail.json": "invalid_language_value",
    "credential-evidence-missing-type-fail.json": "evidence_without_type",
    "credential-id-multi-fail.json": "invalid_id",
    "credential-id-nonidentifier-fail.json": "invalid_id",
    "credential-id-not-url-fail.json": "invalid_id",
    "credential-id-subject-multi-fail.json": "invalid_id",
    "credential-issuer-no-url-fail.json": "invalid_issuer",
    "credential-issuer-null-fail.json": "invalid_issuer",
    "credential-issuer-object-id-no-url-fail.json": "invalid_issuer",
    "credential-issuer-object-id-null-fail.json": "invalid_issuer",
    "credential-missing-base-context-fail-or-inject.json": "first_context_wrong",
    "credential-missing-required-type-fail.json": "missing_verifiable_credential_type",
    "credential-name-extra-prop-en-fail.json": "invalid_language_value",
    "credential-no-context-fail-or-inject.json": "missing_context",
    # Named for the suite's issuer test, but that issuer adds an issuer; what is left wrong is the empty subject.
    "credential-no-issuer-fail.json": "credential_subject_without_claims",
    "credential-no-subject-fail.json": "missing_credential_subject",
    "credential-no-type-fail.json": "missing_type",
    "credential-proof-missing-type-fail.json": "proof_without_type",
    "credential-redef-type-fail.json": "protected_term_redefined",
    "credential-redef-type2-fail.json": "protected_term_redefined",
    "credential-refresh-no-type-fail.json": "refresh_service_without_type",
    "credential-schema-no-id-fail.json": "schema_without_id",
    "credential-schema-no-type-fail.json": "schema_without_type",
    "credential-schema-non-url-id-fail.json": "invalid_id",
    "credential-status-missing-type-fail.json": "status_without_type",
    "credential-status-multiple-id-fail.json": "invalid_id",
    "credential-status-nonurl-id-fail.json": "invalid_id",
    "credential-status-type-nonurl-fail.json": "invalid_type",
    "credential-subject-multiple-empty-fail.json": "credential_subject_without_claims",
    "credential-subject-no-claims-fail.json": "credential_subject_without_claims",
    "credential-termsofuse-missing-type-fail.json": "terms_of_use_without_type",
    "credential-termsofuse-no-type-fail.json": "terms_of_use_without_type",
    "credential-type-mapped-nonurl-fail.json": "invalid_context",
    "credential-type-unmapped-fail.json": "unmapped_type",
    "credential-validUntil-validFrom-fail.json": "valid_until_before_valid_from",
    "credential-validfrom-invalid-fail.json": "invalid_valid_from",
    "credential-validuntil-invalid-fail.json": "invalid_valid_until",
    "issuer-description-extra-prop-en-fail.json": "invalid_language_value",
    "issuer-name-extra-prop-en-fail.json": "invalid_language_value",
    "presentation-context-order-fail.json": "first_context_wrong",
    "presentation-enveloped-vc-missing-type-fail.json": "missing_type",
    "presentation-holder-fail.json": "invalid_holder",
    "presentation-holder-name-fail.json": "invalid_holder",
    "presentation-holder-object-fail.json": "invalid_holder",
    "presentation-missing-base-context-fail.json": "first_context_wrong",
    "presentation-missing-required-type-fail.json": "missing_verifiable_presentation_type",
    "presentation-no-context-fail-or-inject.json": "missing_context",
    "presentation-no-type-fail.json": "missing_type",
    "presentation-vc-as-string-fail.json": "invalid_verifiable_credential",
    "presentation-vc-missing-required-type-fail.json": "missing_verifiable_credential_type",
}
ACCEPTED = sorted(path.name for path in SUITE.glob("*-ok.json"))


def load(path: Path) -> dict[str, Any]:
    document = jsonstrict.loads(path.read_bytes())
    assert isinstance(document, dict)
    return document


def as_submitted(name: str) -> dict[str, Any]:
    """A suite input as the suite's issuer receives it (tests/mock.data.js `createRequestBody`).

    The inputs are credentials *to be issued*: the issuer adds itself as `issuer` when there is none, or as the
    `id` of an issuer object that has none. Presentations go to a verifier untouched.
    """
    document = load(SUITE / name)
    if name.startswith("presentation-"):
        return document
    submitted = copy.deepcopy(document)
    if "issuer" not in submitted:
        submitted["issuer"] = SUITE_ISSUER
    elif isinstance(submitted["issuer"], dict) and "id" not in submitted["issuer"]:
        submitted["issuer"]["id"] = SUITE_ISSUER
    for name_of_date in ("validFrom", "validUntil"):
        if submitted.get(name_of_date) in PLACEHOLDER_DATES:
            submitted[name_of_date] = PLACEHOLDER_DATES[submitted[name_of_date]]
    return submitted


def verdict(name: str) -> Check | None:
    """The check for one suite input, or None when strict JSON parsing already refuses it (that counts as rejected)."""
    try:
        document = as_submitted(name)
    except jsonstrict.InvalidJSON:
        return None
    if name.startswith("presentation-"):
        return check_presentation_structure(document)
    return check_structure(document)


def credential(**changes: Any) -> dict[str, Any]:
    """The suite's minimal valid credential, as issued, with some properties replaced (None removes one)."""
    document = as_submitted("credential-ok.json")
    for key, value in changes.items():
        if value is None:
            document.pop(key, None)
        else:
            document[key] = value
    return document


def credential_11(**changes: Any) -> dict[str, Any]:
    """A real VCDM 1.1 Open Badge (1EdTech), with some properties replaced (None removes one)."""
    document = load(DATA / "status-list" / "ob3" / "credential-status-revoked-1edtech.json")
    for key, value in changes.items():
        if value is None:
            document.pop(key, None)
        else:
            document[key] = value
    return document


class TestSuiteInputs:
    def test_every_input_is_either_accepted_rejected_or_signer_dependent(self) -> None:
        inputs = {path.name for path in SUITE.glob("*.json")}
        assert len(inputs) == 120
        assert inputs == set(ACCEPTED) | set(REJECTED) | set(SIGNER_DEPENDENT)
        assert {name for name in inputs if "-fail" in name} == set(REJECTED)

    @pytest.mark.parametrize("name", ACCEPTED)
    def test_ok_input_is_accepted_as_2_0(self, name: str) -> None:
        check = verdict(name)
        assert check is not None
        assert (check.name, check.outcome, check.reason) == (CheckName.FORMAT, Outcome.PASSED, "well_formed")
        assert check.evidence == {"data_model": "2.0"}

    @pytest.mark.parametrize(("name", "reason"), sorted(REJECTED.items()))
    def test_fail_input_is_rejected_for_its_reason(self, name: str, reason: str) -> None:
        check = verdict(name)
        assert check is None or (check.outcome, check.reason) == (Outcome.FAILED, reason)


class TestIssuer:
    def test_credential_without_issuer_is_refused(self) -> None:
        document = load(SUITE / "credential-ok.json")  # as the suite wrote it, before an issuer adds itself
        check = check_structure(document)
        assert (check.outcome, check.reason) == (Outcome.FAILED, "missing_issuer")
        assert check.evidence == {"property": "issuer"}

    def test_issuer_object_without_id_is_refused(self) -> None:
        check = check_structure(load(SUITE / "credential-issuer-object-ok.json"))
        assert (check.outcome, check.reason) == (Outcome.FAILED, "invalid_issuer")
        assert check.evidence == {"property": "issuer.id"}


class TestRealCredentials:
    @pytest.mark.parametrize(
        ("name", "data_model"),
        [
            ("ob3-simple.json", "2.0"),
            ("ob3-complete.json", "2.0"),
            ("clr2-simple.json", "2.0"),
            ("status-list/ob3/credential-status-revoked-bitstring.json", "2.0"),
            ("edc-ec-mc-annex1-unsigned.jsonld", "1.1"),  # 1.1 context with ELM 3's validFrom, no issuanceDate
            ("status-list/ob3/credential-status-revoked-1edtech.json", "1.1"),
        ],
    )
    def test_is_well_formed(self, name: str, data_model: str) -> None:
        check = check_structure(load(DATA / name))
        assert (check.outcome, check.reason, check.evidence) == (
            Outcome.PASSED,
            "well_formed",
            {"data_model": data_model},
        )
        assert f"data model {data_model}" in check.message

    def test_presentation_is_not_a_credential(self) -> None:
        check = check_structure(load(SUITE / "presentation-vc-ok.json"))
        assert (check.outcome, check.reason) == (Outcome.FAILED, "missing_verifiable_credential_type")
        assert "Verifiable Presentation" in check.message

    def test_credential_is_not_a_presentation(self) -> None:
        check = check_presentation_structure(load(DATA / "ob3-simple.json"))
        assert (check.outcome, check.reason) == (Outcome.FAILED, "missing_verifiable_presentation_type")


class TestDataModel11:
    def test_issuance_date_without_time_zone_is_accepted(self) -> None:
        check = check_structure(credential_11(issuanceDate="2023-05-23T01:10:41"))
        assert (check.outcome, check.evidence) == (Outcome.PASSED, {"data_model": "1.1"})

    def test_unreadable_issuance_date(self) -> None:
        check = check_structure(credential_11(issuanceDate="23 May 2023"))
        assert (check.outcome, check.reason) == (Outcome.FAILED, "invalid_issuance_date")
        assert "issuanceDate" in check.message

    def test_unreadable_expiration_date(self) -> None:
        check = check_structure(credential_11(expirationDate="2030-13-01T00:00:00Z"))
        assert (check.outcome, check.reason) == (Outcome.FAILED, "invalid_expiration_date")

    def test_no_issuance_date(self) -> None:
        check = check_structure(credential_11(issuanceDate=None))
        assert (check.outcome, check.reason) == (Outcome.FAILED, "missing_issuance_date")

    def test_the_1_1_context_must_come_first(self) -> None:
        contexts = credential_11()["@context"]
        check = check_structure(credential_11(**{"@context": [*contexts[1:], contexts[0]]}))
        assert (check.outcome, check.reason) == (Outcome.FAILED, "first_context_wrong")
        assert "not first" in check.message


class TestValidityPeriod:
    @pytest.mark.parametrize(
        "valid_from",
        [
            "2024-02-29T00:00:00Z",  # leap day
            "2000-02-29T00:00:00Z",  # leap day in a year divisible by 400
            "2023-02-26T24:00:00Z",  # end of day, XML Schema allows it
            "2023-02-26T01:02:58.447+14:00",
            "12023-02-26T01:02:58Z",  # five-digit year
            "-0044-03-15T12:00:00Z",
        ],
    )
    def test_date_time_stamp_is_accepted(self, valid_from: str) -> None:
        assert check_structure(credential(validFrom=valid_from)).outcome == Outcome.PASSED

    @pytest.mark.parametrize(
        "valid_from",
        [
            "2023-02-26T01:02:58",  # 2.0 requires a time zone (dateTimeStamp)
            "2023-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2023-04-31T00:00:00Z",
            "2023-02-26T24:00:01Z",
            "2023-02-26T01:02:58+14:01",
            "2023-02-26 01:02:58Z",
            "2023-02-26",
            "0000-1-01T00:00:00Z",
            "",
            20230226,
        ],
    )
    def test_other_values_are_refused(self, valid_from: Any) -> None:
        check = check_structure(credential(validFrom=valid_from))
        assert (check.outcome, check.reason) == (Outcome.FAILED, "invalid_valid_from")
        assert check.evidence == {"property": "validFrom"}

    def test_order_is_compared_across_time_zones(self) -> None:
        one_second_early = credential(validFrom="2023-02-26T01:21:23Z", validUntil="2023-02-25T20:21:22-05:00")
        check = check_structure(one_second_early)
        assert (check.outcome, check.reason) == (Outcome.FAILED, "valid_until_before_valid_from")

    def test_same_instant_is_a_valid_period(self) -> None:
        same = credential(validFrom="2023-02-26T01:21:23Z", validUntil="2023-02-25T20:21:23-05:00")
        assert check_structure(same).outcome == Outcome.PASSED

    @pytest.mark.parametrize(
        ("valid_from", "valid_until", "outcome"),
        [
            ("2023-02-26T01:21:23.5Z", "2023-02-26T01:21:23.45Z", Outcome.FAILED),  # .45 s is before .5 s
            ("2023-02-26T01:21:23.5Z", "2023-02-26T01:21:23.500Z", Outcome.PASSED),  # the same instant
            ("2023-02-26T01:21:23.09Z", "2023-02-26T01:21:23.1Z", Outcome.PASSED),
            ("2023-02-26T01:21:23.1Z", "2023-02-26T01:21:23Z", Outcome.FAILED),
        ],
    )
    def test_fractions_of_a_second_are_compared(self, valid_from: str, valid_until: str, outcome: Outcome) -> None:
        assert check_structure(credential(validFrom=valid_from, validUntil=valid_until)).outcome == outcome


class TestMessages:
    @pytest.mark.parametrize(
        ("name", "where"),
        [
            ("credential-status-nonurl-id-fail.json", "credentialStatus.id"),
            ("credential-evidence-missing-type-fail.json", "evidence.type"),
            ("credential-subject-multiple-empty-fail.json", "credentialSubject[1]"),
            ("issuer-name-extra-prop-en-fail.json", "issuer.name"),
            ("credential-redef-type-fail.json", "@context[1].VerifiableCredential"),
            ("presentation-vc-missing-required-type-fail.json", "verifiableCredential[0].type"),
        ],
    )
    def test_failure_names_the_offending_property(self, name: str, where: str) -> None:
        check = verdict(name)
        assert check is not None
        assert check.evidence == {"property": where}
        assert where.rsplit(".", maxsplit=1)[-1] in check.message


class TestPresentations:
    def test_enveloped_credential_needs_a_data_url(self) -> None:
        presentation = load(SUITE / "presentation-enveloped-vc-ok.json")
        presentation["verifiableCredential"][0]["id"] = "https://example.org/credentials/1"
        check = check_presentation_structure(presentation)
        assert (check.outcome, check.reason) == (Outcome.FAILED, "invalid_enveloped_credential")
        assert check.evidence == {"property": "verifiableCredential[0].id"}

    @pytest.mark.parametrize("name", SIGNER_DEPENDENT)
    def test_self_asserted_credential_structure_holds_until_the_signer_is_known(self, name: str) -> None:
        check = verdict(name)
        assert check is not None
        assert (check.outcome, check.evidence) == (Outcome.PASSED, {"data_model": "2.0"})


def badge(change: Callable[[dict[str, Any]], None] | None = None, name: str = "ob3-simple.json") -> dict[str, Any]:
    """A real Open Badges 3.0 credential (1EdTech), changed by `change`."""
    document = load(DATA / name)
    if change is not None:
        change(document)
    return document


class TestOpenBadgesModel:
    """Open Badges 3.0 Appendix B: each class's required properties, and the class of each object."""

    @pytest.mark.parametrize(
        "name",
        [
            "ob3-simple.json",
            "ob3-complete.json",
            "ob3-endorsement-valid.json",
            "ob3-simple-v1.json",
            "ob3-eddsa-2022.json",
            "ob3-did-key-method.json",
            "ob3-multiple-proofs.json",
            "ob3-err-expired.json",
            "ob3-err-proof-value.json",
        ],
    )
    def test_1edtech_samples_fit_the_model(self, name: str) -> None:
        assert check_structure(load(DATA / name)).outcome == Outcome.PASSED

    @pytest.mark.parametrize(
        ("change", "where"),
        [
            (lambda d: d["credentialSubject"].pop("achievement"), "credentialSubject.achievement"),
            (lambda d: d["credentialSubject"]["achievement"].pop("criteria"), "credentialSubject.achievement.criteria"),
            (
                lambda d: d["credentialSubject"]["achievement"].pop("description"),
                "credentialSubject.achievement.description",
            ),
            (lambda d: d.pop("name"), "name"),
            (lambda d: d.pop("id"), "id"),
            (lambda d: d["issuer"].pop("type"), "issuer.type"),
        ],
    )
    def test_required_property_missing(self, change: Callable[[dict[str, Any]], None], where: str) -> None:
        check = check_structure(badge(change))
        assert (check.outcome, check.reason, check.evidence) == (
            Outcome.FAILED,
            "open_badge_property_missing",
            {"property": where},
        )

    @pytest.mark.parametrize(
        ("change", "where"),
        [
            (lambda d: d["credentialSubject"].update(type=["RecipientSubject"]), "credentialSubject.type"),
            (
                lambda d: d["credentialSubject"]["achievement"].update(type="Badge"),
                "credentialSubject.achievement.type",
            ),
            (
                lambda d: d["credentialSubject"].update(achievement="https://example.com/a/1"),
                "credentialSubject.achievement",
            ),
            (lambda d: d["issuer"].update(type=["Organization"]), "issuer.type"),
        ],
    )
    def test_object_of_another_class(self, change: Callable[[dict[str, Any]], None], where: str) -> None:
        check = check_structure(badge(change))
        assert (check.outcome, check.reason, check.evidence) == (
            Outcome.FAILED,
            "open_badge_wrong_type",
            {"property": where},
        )

    def test_issuer_named_by_url(self) -> None:
        def by_url(document: dict[str, Any]) -> None:
            document["issuer"] = document["issuer"]["id"]

        assert check_structure(badge(by_url)).outcome == Outcome.PASSED

    def test_embedded_endorsement_is_held_to_the_model(self) -> None:
        def anonymous_endorsement(document: dict[str, Any]) -> None:
            document["credentialSubject"]["achievement"]["endorsement"][0].pop("id")

        check = check_structure(badge(anonymous_endorsement, "ob3-complete.json"))
        assert (check.reason, check.evidence) == (
            "open_badge_property_missing",
            {"property": "credentialSubject.achievement.endorsement[0].id"},
        )

    def test_achievement_subject_outside_an_achievement_credential(self) -> None:
        def retyped(document: dict[str, Any]) -> None:
            document["type"] = ["VerifiableCredential", "DiplomaCredential"]

        check = check_structure(badge(retyped))
        assert (check.outcome, check.reason) == (Outcome.FAILED, "not_an_achievement_credential")

    def test_documents_on_a_draft_context_are_plain_credentials(self) -> None:
        # 1EdTech's simple.jwt era: the draft context on GitHub Pages, before the model was published.
        def draft(document: dict[str, Any]) -> None:
            document["@context"][1] = "https://imsglobal.github.io/openbadges-specification/context.json"
            document["credentialSubject"].pop("achievement")

        assert check_structure(badge(draft)).outcome == Outcome.PASSED

    @pytest.mark.parametrize("method", ["z6MkrvfzkMnvCroEUP2DVc9SHPE48CRsvHiVSusHioxTYu1x", "", 42])
    def test_proof_method_must_be_a_url(self, method: Any) -> None:
        def unnamed(document: dict[str, Any]) -> None:
            document["proof"][0]["verificationMethod"] = method

        check = check_structure(badge(unnamed))
        assert (check.reason, check.evidence) == (
            "invalid_verification_method",
            {"property": "proof[0].verificationMethod"},
        )
