"""The SD-JWT VC disclosures a share preview warns about: claims that tell who the learner is beyond their name.

A summary field is judged by its name (`wallet.summary.model.SENSITIVE_FIELDS`); an SD-JWT VC presentation carries
the chosen claims themselves, whatever fields are released, so each chosen disclosure is judged by its claim path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

DATE_OF_BIRTH = "Your date of birth."
NATIONAL_IDENTIFIER = "A national identifier of yours (such as a personal or tax identification number)."
ADDRESS = "Your address."
NATIONALITY = "Your nationality."
PLACE_OF_BIRTH = "Your place of birth."
GRADE = "Your grade."

SENSITIVE_CLAIMS: dict[str, str] = {
    # Where the names come from: the PID attributes of the EU Architecture and Reference Framework's PID Rulebook
    # (ARF Annex 3.01) in their SD-JWT VC encoding (`birthdate`, `birth_date`, `place_of_birth`, `birth_place`,
    # `nationalities`, `nationality`, `address`, `resident_address`, `personal_administrative_number`,
    # `tax_id_code`); the OpenID Connect Core 1.0 §5.1 standard claims (`birthdate`, `address`); the ELM names
    # that DC4EU education credentials nest (`dateOfBirth`, `nationalId`, `grade`); and the usual spellings of
    # national identifiers that issuers put in their own credential types.
    "birthdate": DATE_OF_BIRTH,
    "birth_date": DATE_OF_BIRTH,
    "date_of_birth": DATE_OF_BIRTH,
    "age_birth_year": DATE_OF_BIRTH,
    "personal_administrative_number": NATIONAL_IDENTIFIER,
    "national_id": NATIONAL_IDENTIFIER,
    "national_identifier": NATIONAL_IDENTIFIER,
    "national_identification_number": NATIONAL_IDENTIFIER,
    "personal_identification_number": NATIONAL_IDENTIFIER,
    "tax_id": NATIONAL_IDENTIFIER,
    "tax_id_code": NATIONAL_IDENTIFIER,
    "tax_identification_number": NATIONAL_IDENTIFIER,
    "social_security_number": NATIONAL_IDENTIFIER,
    "ssn": NATIONAL_IDENTIFIER,
    "address": ADDRESS,
    "resident_address": ADDRESS,
    "nationality": NATIONALITY,
    "nationalities": NATIONALITY,
    "place_of_birth": PLACE_OF_BIRTH,
    "birth_place": PLACE_OF_BIRTH,
    "grade": GRADE,
    "grades": GRADE,
}
"""Claim names, by the warning a disclosure of them gets. Compared without case and underscores (`dateOfBirth` is
`date_of_birth`)."""

_BY_NAME = {name.replace("_", "").lower(): message for name, message in SENSITIVE_CLAIMS.items()}
_PATH_NAME = re.compile(r'\["((?:[^"\\]|\\.)*)"\]|([^.\[\]]+)')
"""A name in a disclosure path (`wallet.summary.sdjwt.path_text`): `["a.b"]` escaped, or plain between `.` and `[`."""


def _names(disclosure: str) -> list[str]:
    names = []
    for escaped, plain in _PATH_NAME.findall(disclosure):
        name = plain or re.sub(r"\\(.)", r"\1", escaped)
        if not name.isdigit():
            names.append(name)
    return names


def disclosure_warning(disclosure: str) -> str | None:
    """The warning for releasing `disclosure` (a claim path): by its last name (`person.birthdate`), else by the
    claim it is part of (`address.locality`, `nationalities[0]`); None for a claim that is not sensitive."""
    for name in reversed(_names(disclosure)):
        message = _BY_NAME.get(name.replace("_", "").lower())
        if message is not None:
            return message
    return None


def disclosure_warnings(disclosures: Iterable[str]) -> list[tuple[str, str]]:
    """(disclosure, warning) for each sensitive disclosure, in name order."""
    warned = {disclosure: disclosure_warning(disclosure) for disclosure in disclosures}
    return [(disclosure, message) for disclosure, message in sorted(warned.items()) if message is not None]
