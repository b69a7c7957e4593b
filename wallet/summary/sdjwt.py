"""SD-JWT VC (`dc+sd-jwt`, RFC 9901 and draft-ietf-oauth-sd-jwt-vc) read into a `Summary`, from the holder's view.

The wallet holds every Disclosure the Issuer handed over, so the summary is built from the fully processed payload
(`wallet.sdjwt.open_sd_jwt`: every §7.1 rule applied, the signature not checked — that is `wallet.verification`).
`disclosable` lists the claims that stand behind a Disclosure — what a learner can release or withhold when
sharing — as `name`, `parent.child` and `array[0]` (a name holding `.`, `[` or `]` is written `["a.b"]`).

Claims read, as stated:

- registered claims (SD-JWT VC §3.2.2): `vct`; `iss` → issuer id; `iat` (else `nbf`) → issued on; `nbf` → valid
  from; `exp` → valid until (NumericDates written as ISO 8601 UTC);
- `name` or `title` → title, `description`;
- the person (OpenID Connect / EUDI PID names): `sub` → learner id, `given_name` (`first_name` in the EUDI
  reference issuer's diploma), `family_name`, `birthdate` (`birth_date`, `date_of_birth`),
  `personal_administrative_number` → an identifier;
- `issuing_authority` / `issuing_country` (EUDI PID and attestation rulebooks) → issuer name / country;
- European education credentials in SD-JWT VC (DC4EU `urn:eudi:micro_credential:1`, `urn:eudi:diploma:1`,
  `urn:eudi:elm:1`) nest an Open Badges or ELM subject in `credentialSubject` (for ELM under `elm`): the
  achievement's `name`, `description` and `ECTS`; ELM's `givenName`, `familyName`, `dateOfBirth`, and the claimed
  qualification's `title`, awarding body `legalName` and `awardingDate`. They fill only what the flat claims left
  empty;
- flat claims named after the Annex I elements (the micro-credential type Passerelle's hosted issuing signs,
  `docs/issuing.md`): `learner.name`, `awarded_on`, `learning_outcomes[] {text, esco_uri}`, `ects`,
  `workload_hours`, `eqf_level`, `national_level {framework, level, country}`, `field_of_study`,
  `assessment_type`, `participation`, `quality_assurance {type, body, accreditations}`, `prerequisites`,
  `supervision`, `stackability`, `further_information`, `language`, `grade {value, scheme}`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from wallet.formats import Detected, UnrecognisedCredential
from wallet.sdjwt import ClaimPath, open_sd_jwt
from wallet.summary import Summarised
from wallet.summary.model import Credits, Grade, Issuer, Learner, LearningOutcome, Level, QualityAssurance, Summary

PREFERRED_LANGUAGE = "en"
_PLAIN_NAME = re.compile(r"[^.\[\]]+")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_ISCED_F = re.compile(r"\d{2,4}")


def _text(value: Any) -> str | None:
    """A display string from a string or a language map (`{"en": "…"}`, `{"und": ["…"]}`), else `None`."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        return next((text for item in value if (text := _text(item)) is not None), None)
    if isinstance(value, dict) and value and all(_LANGUAGE_TAG.fullmatch(key) for key in value):
        for language in (PREFERRED_LANGUAGE, "und", *value):
            item = value.get(language)
            text = _text(item) if isinstance(item, str | list) else None
            if text is not None:
                return text
    return None


def _first_text(claims: dict[str, Any], *names: str) -> str | None:
    return next((text for name in names if (text := _text(claims.get(name))) is not None), None)


def _object(value: Any) -> dict[str, Any]:
    if isinstance(value, list):  # ELM and OB properties may be single objects or arrays of them
        value = next((item for item in value if isinstance(item, dict)), None)
    return value if isinstance(value, dict) else {}


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def _instant(value: Any) -> str | None:
    """A JWT NumericDate (RFC 7519 §2) as ISO 8601 UTC; anything else is not a date and is left out."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return datetime.fromtimestamp(value, UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def path_text(path: ClaimPath) -> str:
    """`("address", "locality")` → `address.locality`, `("nationalities", 0)` → `nationalities[0]`."""
    text = ""
    for step in path:
        if isinstance(step, int):
            text += f"[{step}]"
        elif isinstance(step, str) and _PLAIN_NAME.fullmatch(step):
            text += f".{step}" if text else step
        else:
            escaped = str(step).replace("\\", "\\\\").replace('"', '\\"')
            text += f'["{escaped}"]'
    return text


def disclosable_paths(paths: Iterable[ClaimPath]) -> list[str]:
    seen: dict[str, None] = {}
    for path in paths:
        seen.setdefault(path_text(path))
    return list(seen)


def _education_subject(claims: dict[str, Any]) -> dict[str, Any]:
    subject = _object(claims.get("credentialSubject"))
    if not subject:
        subject = _object(_object(claims.get("elm")).get("credentialSubject"))
    return subject


def _learner(claims: dict[str, Any], subject: dict[str, Any]) -> Learner | None:
    given = _first_text(claims, "given_name", "first_name") or _text(subject.get("givenName"))
    family = _first_text(claims, "family_name") or _text(subject.get("familyName"))
    identifiers = []
    administrative = _text(claims.get("personal_administrative_number"))
    if administrative is not None:
        identifiers.append(f"personal_administrative_number:{administrative}")
    learner = Learner(
        id=_text(claims.get("sub")),
        name=" ".join(part for part in (given, family) if part) or _text(_object(claims.get("learner")).get("name")),
        given_name=given,
        family_name=family,
        date_of_birth=_first_text(claims, "birthdate", "birth_date", "date_of_birth")
        or _text(subject.get("dateOfBirth")),
        identifiers=identifiers,
    )
    return learner if learner != Learner() else None


def _issuer(claims: dict[str, Any], awarding_body: dict[str, Any]) -> Issuer | None:
    country = _text(claims.get("issuing_country"))
    issuer = Issuer(
        id=_text(claims.get("iss")),
        name=_text(claims.get("issuing_authority")) or _text(awarding_body.get("legalName")),
        country=country.upper() if country else None,
    )
    return issuer if issuer != Issuer() else None


def summarise(detected: Detected, content: bytes) -> Summarised:
    """The summary of an SD-JWT VC with every Disclosure applied, and which claims are selectively disclosable."""
    try:
        text = content.decode("ascii").strip()
    except UnicodeDecodeError as exc:
        raise UnrecognisedCredential("An SD-JWT is ASCII text.") from exc
    held = open_sd_jwt(text)
    claims = held.claims
    subject = _education_subject(claims)
    achievement = _object(subject.get("achievement"))
    qualification = _object(subject.get("hasClaim"))
    awarded_by = _object(qualification.get("awardedBy"))
    ects = _number(achievement.get("ECTS"))
    if ects is None:
        ects = _number(claims.get("ects"))
    hours = _number(claims.get("workload_hours"))
    summary = Summary(
        title=_first_text(claims, "name", "title")
        or _text(achievement.get("name"))
        or _text(qualification.get("title")),
        description=_text(claims.get("description")) or _text(achievement.get("description")),
        vct=_text(claims.get("vct")),
        learner=_learner(claims, subject),
        issuer=_issuer(claims, _object(awarded_by.get("awardingBody"))),
        issued_on=_instant(claims.get("iat")) or _instant(claims.get("nbf")),
        awarded_on=_text(awarded_by.get("awardingDate")) or _text(claims.get("awarded_on")),
        valid_from=_instant(claims.get("nbf")),
        valid_until=_instant(claims.get("exp")),
        credits=[Credits(value=ects, system="ECTS", hours=hours)]
        if ects is not None
        else [Credits(value=hours, system="hours", hours=hours)]
        if hours is not None
        else [],
        disclosable=disclosable_paths(held.processed.origin.disclosed_paths()),
        **_annex_claims(claims),
    )
    return Summarised(summary)


def _annex_claims(claims: dict[str, Any]) -> dict[str, Any]:
    """Flat claims named after the Annex I elements (the micro-credential type Passerelle's hosted issuing signs:
    `docs/issuing.md`), read as stated. Only what the claims carry is returned."""
    found: dict[str, Any] = {}
    outcomes = [
        LearningOutcome(text=statement, esco_uri=_text(item.get("esco_uri")))
        for item in claims.get("learning_outcomes") or []
        if isinstance(item, dict) and (statement := _text(item.get("text")))
    ]
    if outcomes:
        found["learning_outcomes"] = outcomes
    levels = []
    eqf = claims.get("eqf_level")
    if isinstance(eqf, int) and not isinstance(eqf, bool) and 1 <= eqf <= 8:
        levels.append(Level(framework="EQF", value=str(eqf)))
    national = _object(claims.get("national_level"))
    if level := _text(national.get("level")):
        framework = _text(national.get("framework"))
        country = _text(national.get("country"))
        levels.append(
            Level(
                framework="NQF",
                value=f"{framework} {level}" if framework else level,
                country=country.upper() if country else None,
            )
        )
    if levels:
        found["levels"] = levels
    if (field := _text(claims.get("field_of_study"))) and _ISCED_F.fullmatch(field):
        found["field_of_study"] = field
    for name in ("assessment_type", "participation", "prerequisites", "supervision", "stackability"):
        if (value := _text(claims.get(name))) is not None:
            found[name] = value
    if (further := _text(claims.get("further_information"))) is not None:
        found["further_information"] = further
    if (language := _text(claims.get("language"))) and _LANGUAGE_TAG.fullmatch(language):
        found["language"] = language
    quality = _object(claims.get("quality_assurance"))
    accreditations = [item for item in quality.get("accreditations") or [] if isinstance(item, str)]
    if _text(quality.get("type")) or _text(quality.get("body")) or accreditations:
        found["quality_assurance"] = QualityAssurance(
            type=_text(quality.get("type")), body=_text(quality.get("body")), accreditations=accreditations
        )
    grade = _object(claims.get("grade"))
    if (value := _text(grade.get("value"))) is not None:
        found["grade"] = Grade(value=value, scheme=_text(grade.get("scheme")))
    return found
