"""Which SD-JWT VC disclosures a share preview warns about (`wallet.sharing.sensitive`)."""

from __future__ import annotations

import pytest

from wallet.sharing.sensitive import ADDRESS, DATE_OF_BIRTH, NATIONAL_IDENTIFIER, NATIONALITY, disclosure_warnings


class TestDisclosureWarnings:
    @pytest.mark.parametrize(
        ("disclosure", "message"),
        [
            ("birthdate", DATE_OF_BIRTH),
            ("credentialSubject.dateOfBirth", DATE_OF_BIRTH),  # a nested path, by its last name
            ("personal_administrative_number", NATIONAL_IDENTIFIER),
            ("holder.tax_id_code", NATIONAL_IDENTIFIER),
            ("address.locality", ADDRESS),  # part of a sensitive claim
            ("nationalities[1]", NATIONALITY),
            ('["place_of_birth"].country', "Your place of birth."),
        ],
    )
    def test_a_sensitive_claim_is_warned_about_by_its_path(self, disclosure: str, message: str) -> None:
        assert disclosure_warnings([disclosure]) == [(disclosure, message)]

    def test_harmless_claims_and_lookalike_names_get_no_warning(self) -> None:
        assert disclosure_warnings(["given_name", "is_over_18", "degree.name", "email", "nationality_note"]) == []
