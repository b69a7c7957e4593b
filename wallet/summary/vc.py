"""JSON credentials read into a `Summary`: Open Badges 3.0, CLR 2.0 and other W3C Verifiable Credentials, as JSON-LD
or VC-JWT, and (through `wallet.summary.elm`) European Digital Credentials. ELMO and SD-JWT VC have their own parsers.

Open Badges 3.0 (AchievementCredential / OpenBadgeCredential), as the 1EdTech specification names things:

    title, description   credentialSubject.achievement name and description, else the credential's own
    learner              credentialSubject.id, and each identifier (IdentityObject) as its identityType with the
                         identity when plain; a hashed identity is recorded as hashed, never as if it were a value
    issuer               the issuer Profile: id, name, url, address.addressCountryCode (or addressCountry),
                         addressRegion, otherIdentifier
    dates                validFrom (VCDM 2.0) or issuanceDate (VCDM 1.1); awardedDate; validUntil or expirationDate
    learning outcomes    achievement.alignment targets (an ESCO target gives esco_uri, others their URL in related)
    level                an alignment to an EQF level (…/snb/eqf/N, or an EQF framework with code 1-8)
    workload             achievement.creditsAvailable; OB 3.0 names no credit system, so "unspecified"
    grade                the first result with a value (else a rubric level), described by its resultDescription
    language             achievement.inLanguage;  field of study: achievement.fieldOfStudy when it is an ISCED-F code

OB 3.0 has no property for the type of assessment, form of participation, quality assurance (an endorsement is not
an accreditation), prerequisites, supervision or stackability: those stay empty.

A VCDM 1.1 VC-JWT's `iss`, `nbf`, `exp` and `sub` stand in for issuer, issuanceDate, expirationDate and
credentialSubject.id when the `vc` claim lacks them (VCDM 1.1 §6.3.1, JWT decoding).

CLR 2.0: the ClrCredential's own title, issuer, dates and learner; its credentialSubject.achievement entries as
achievements; each credentialSubject.verifiableCredential entry (a JSON object or a compact JWT string) becomes an
`EmbeddedCredential` read by this module, listed in `parts`. A CLR inside a CLR is refused.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from core import jsonstrict
from core.errors import InvalidInput
from wallet.formats import MEDIA_TYPE_BY_FORMAT, CredentialFormat, Detected, UnrecognisedCredential, detect
from wallet.summary import EmbeddedCredential, Summarised, countries, elm
from wallet.summary.elm import EQF_URI, ESCO_PREFIXES, JsonObject, as_list, first, string, text
from wallet.summary.model import (
    Achievement,
    Credits,
    Grade,
    Issuer,
    Learner,
    LearningOutcome,
    Level,
    LinkedPart,
    QualityAssurance,
    Summary,
)

MAX_PARTS = 500
EDC_FORMATS = frozenset({CredentialFormat.EDC, CredentialFormat.EDC_JADES})
CLR_FORMATS = frozenset({CredentialFormat.CLR_2, CredentialFormat.CLR_2_JWT})
VC_FORMATS = frozenset(
    {
        CredentialFormat.OPEN_BADGE_3,
        CredentialFormat.OPEN_BADGE_3_JWT,
        CredentialFormat.VC,
        CredentialFormat.VC_JWT,
    }
)
EQF_FRAMEWORK = re.compile(r"\bEQF\b|European Qualifications? Framework", re.IGNORECASE)
ESCO_FRAMEWORK = re.compile(r"\bESCO\b|European Skills, Competences", re.IGNORECASE)
ISCED_F_CODE = re.compile(r"^\d{2,4}$")
EQF_LEVELS = frozenset("12345678")


def summarise(detected: Detected, content: bytes) -> Summarised:
    """The summary of a JSON or JWT credential and, for a CLR, the credentials it carries."""
    document = detected.document
    if not isinstance(document, dict):
        raise UnrecognisedCredential("The credential carries no JSON object to read.")
    if detected.format in EDC_FORMATS:
        return Summarised(elm.summarise(document))
    if detected.format in VC_FORMATS:
        return Summarised(_credential(_with_jwt_claims(document, detected.jwt_claims)))
    if detected.format in CLR_FORMATS:
        return _clr(_with_jwt_claims(document, detected.jwt_claims))
    raise UnrecognisedCredential(f"A {detected.format} credential is not read as JSON.")


def _instant(value: Any) -> str | None:
    """A JWT NumericDate as an XSD date-time in UTC."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return datetime.fromtimestamp(value, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (OverflowError, OSError, ValueError):
        return None


def _with_jwt_claims(credential: JsonObject, claims: dict[str, Any] | None) -> JsonObject:
    """The credential with the JWT claims that stand in for properties it lacks (VCDM 1.1 §6.3.1)."""
    if not claims:
        return credential
    merged = dict(credential)
    if "issuer" not in merged and (issuer := string(claims.get("iss"))):
        merged["issuer"] = issuer
    if not {"issuanceDate", "validFrom"} & merged.keys() and (start := _instant(claims.get("nbf"))):
        merged["issuanceDate"] = start
    if not {"expirationDate", "validUntil"} & merged.keys() and (end := _instant(claims.get("exp"))):
        merged["expirationDate"] = end
    subjects = as_list(merged.get("credentialSubject"))
    lead = subjects[0] if subjects and isinstance(subjects[0], dict) else {}
    if (subject_id := string(claims.get("sub"))) and "id" not in lead:
        subject = {**lead, "id": subject_id}
        merged["credentialSubject"] = [subject, *subjects[1:]] if len(subjects) > 1 else subject
    return merged


def _credential(document: JsonObject) -> Summary:
    subject = first(document.get("credentialSubject")) or {}
    achievement: JsonObject = subject["achievement"] if isinstance(subject.get("achievement"), dict) else {}
    outcomes, levels = _alignments(achievement)
    return Summary(
        title=text(achievement.get("name")) or text(document.get("name")),
        description=text(achievement.get("description")) or text(document.get("description")),
        types=elm.types(document),
        learner=_learner(subject),
        issuer=_profile(document.get("issuer")),
        issued_on=string(document.get("issued"))
        or string(document.get("issuanceDate"))
        or string(document.get("validFrom")),
        awarded_on=string(document.get("awardedDate")),
        valid_from=string(document.get("validFrom")) or string(document.get("issuanceDate")),
        valid_until=string(document.get("validUntil")) or string(document.get("expirationDate")),
        learning_outcomes=outcomes,
        credits=_credits(achievement),
        levels=[*levels, *_national_level(achievement)],
        field_of_study=_field_of_study(achievement),
        grade=_grade(subject, achievement),
        language=string(achievement.get("inLanguage")),
        **_annex_extensions(achievement),
    )


def _national_level(achievement: JsonObject) -> list[Level]:
    """The `nationalLevel` extension ({framework, level, country}) Passerelle's hosted issuing writes."""
    stated = achievement.get("nationalLevel")
    if not isinstance(stated, dict) or not (value := string(stated.get("level"))):
        return []
    framework = string(stated.get("framework"))
    country = countries.alpha2(string(stated.get("country")))
    return [Level(framework="NQF", value=f"{framework} {value}" if framework else value, country=country)]


def _annex_extensions(achievement: JsonObject) -> dict[str, Any]:
    """Annex I elements without an Open Badges 3.0 slot, as extension properties of the Achievement (VCDM 2.0
    issuer-dependent terms; the names `docs/issuing.md` lists). Read as stated; absent ones stay empty."""
    quality = achievement.get("qualityAssurance")
    assurance = None
    if isinstance(quality, dict):
        accreditations = [item for item in as_list(quality.get("accreditations")) if isinstance(item, str)]
        assurance = QualityAssurance(
            type=text(quality.get("type")), body=text(quality.get("body")), accreditations=accreditations
        )
        if not (assurance.type or assurance.body or assurance.accreditations):
            assurance = None
    return {
        "assessment_type": text(achievement.get("assessmentType")),
        "participation": text(achievement.get("participationForm")),
        "quality_assurance": assurance,
        "prerequisites": text(achievement.get("prerequisites")),
        "supervision": text(achievement.get("supervisionAndIdentityVerification")),
        "stackability": text(achievement.get("integrationStackability")),
        "further_information": text(achievement.get("furtherInformation")),
    }


def _learner(subject: JsonObject) -> Learner | None:
    identifiers = []
    for identity in as_list(subject.get("identifier")):
        if not isinstance(identity, dict):
            continue
        kind = string(identity.get("identityType")) or "identity"
        value = string(identity.get("identityHash"))
        # OB 3.0 IdentityObject: `hashed` says whether identityHash is a salted hash ("sha256$…") or the identity.
        if identity.get("hashed") is True or (value and value.startswith(("sha256$", "md5$"))):
            identifiers.append(f"{kind} (hashed)")
        elif value:
            identifiers.append(f"{kind}: {value}")
    learner = Learner(id=string(subject.get("id")), name=text(subject.get("name")), identifiers=identifiers)
    return learner if learner.id or learner.name or learner.identifiers else None


def _profile(value: Any) -> Issuer | None:
    if isinstance(value, str):
        return Issuer(id=string(value))
    if not isinstance(value, dict):
        return None
    address = first(value.get("address")) or {}
    identifiers = [
        f"{kind}: {identifier}" if (kind := string(entry.get("identifierType"))) else identifier
        for entry in as_list(value.get("otherIdentifier"))
        if isinstance(entry, dict) and (identifier := string(entry.get("identifier")))
    ]
    return Issuer(
        id=string(value.get("id")),
        name=text(value.get("name")),
        country=countries.alpha2(string(address.get("addressCountryCode")))
        or countries.alpha2(string(address.get("addressCountry"))),
        region=string(address.get("addressRegion")),
        identifiers=identifiers,
        url=string(value.get("url")),
    )


def _alignments(achievement: JsonObject) -> tuple[list[LearningOutcome], list[Level]]:
    """Learning outcomes and EQF levels from an OB 3.0 Achievement's alignments."""
    outcomes: list[LearningOutcome] = []
    levels: list[Level] = []
    for alignment in as_list(achievement.get("alignment")):
        if not isinstance(alignment, dict):
            continue
        url = string(alignment.get("targetUrl"))
        framework = string(alignment.get("targetFramework")) or ""
        code = string(alignment.get("targetCode"))
        if url and (match := EQF_URI.match(url)):
            levels.append(Level(framework="EQF", value=match.group(1), uri=url))
        # Edubadges' OB 3.0 profile marks its EQF alignments with the extension target type ext:EQFLevel.
        elif (EQF_FRAMEWORK.search(framework) or alignment.get("targetType") == "ext:EQFLevel") and code in EQF_LEVELS:
            levels.append(Level(framework="EQF", value=str(code), uri=url))
        elif statement := text(alignment.get("targetName")) or text(alignment.get("targetDescription")) or url:
            esco = url if url and (url.startswith(ESCO_PREFIXES) or ESCO_FRAMEWORK.search(framework)) else None
            related = [url] if url and url != esco else []
            outcomes.append(LearningOutcome(text=statement, esco_uri=esco, related=related))
    return outcomes, levels


def _credits(achievement: JsonObject) -> list[Credits]:
    value = achievement.get("creditsAvailable")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return []
    # OB 3.0 does not say which credit system `creditsAvailable` counts in; the `creditSystem` extension does.
    system = string(achievement.get("creditSystem")) or "unspecified"
    hours = achievement.get("workloadHours")
    stated_hours = float(hours) if isinstance(hours, int | float) and not isinstance(hours, bool) else None
    return [Credits(value=float(value), system=system, hours=stated_hours)]


def _field_of_study(achievement: JsonObject) -> str | None:
    field = string(achievement.get("fieldOfStudy"))
    return field if field and ISCED_F_CODE.match(field) else None


def _scheme(description: JsonObject | None) -> str | None:
    """A ResultDescription in words: its name, result type and allowed values or range."""
    if description is None:
        return None
    details = [string(description.get("resultType"))]
    allowed = [str(item) for item in as_list(description.get("allowedValue")) if isinstance(item, str | int | float)]
    if allowed:
        details.append(f"allowed values: {', '.join(allowed)}")
    low, high = string(description.get("valueMin")), string(description.get("valueMax"))
    if low and high:
        details.append(f"range {low}–{high}")
    described = "; ".join(detail for detail in details if detail)
    name = text(description.get("name"))
    if name and described:
        return f"{name} ({described})"
    return name or described or None


def _grade(subject: JsonObject, achievement: JsonObject) -> Grade | None:
    descriptions = {
        item["id"]: item
        for item in as_list(achievement.get("resultDescription"))
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    }
    results = [result for result in as_list(subject.get("result")) if isinstance(result, dict)]
    for result in results:
        value = result.get("value")
        if isinstance(value, str | int | float) and not isinstance(value, bool) and str(value).strip():
            return Grade(value=str(value).strip(), scheme=_scheme(descriptions.get(result.get("resultDescription"))))
    for result in results:
        described = descriptions.get(result.get("resultDescription"))
        levels = as_list((described or {}).get("rubricCriterionLevel"))
        level = next(
            (item for item in levels if isinstance(item, dict) and item.get("id") == result.get("achievedLevel")), None
        )
        if level and (value := text(level.get("name")) or string(level.get("level"))):
            return Grade(value=value, scheme=_scheme(described))
    return None


def _achievement(achievement: JsonObject) -> Achievement | None:
    title = text(achievement.get("name"))
    if title is None:
        return None
    outcomes, levels = _alignments(achievement)
    return Achievement(
        title=title,
        identifier=string(achievement.get("id")),
        type=string(achievement.get("achievementType")),
        description=text(achievement.get("description")),
        credits=_credits(achievement),
        levels=levels,
        field_of_study=_field_of_study(achievement),
        learning_outcomes=outcomes,
    )


def _clr(document: JsonObject) -> Summarised:
    subject = first(document.get("credentialSubject")) or {}
    achievements = [
        item
        for entry in as_list(subject.get("achievement"))
        if isinstance(entry, dict) and (item := _achievement(entry))
    ]
    credentials = as_list(subject.get("verifiableCredential"))
    if len(credentials) > MAX_PARTS:
        raise UnrecognisedCredential(
            f"A CLR may carry at most {MAX_PARTS} credentials; this one carries {len(credentials)}.",
            code="too_many_parts",
        )
    parts = [_embedded(item, position) for position, item in enumerate(credentials, 1)]
    linked = [LinkedPart(title=part.summary.title, format=part.format.value) for part in parts]
    summary = _credential(document).model_copy(update={"achievements": achievements, "parts": linked})
    return Summarised(summary, parts)


def _embedded(item: Any, position: int) -> EmbeddedCredential:
    """One credential of a CLR: a compact JWT as its ASCII bytes, an object re-serialised compactly (Data Integrity
    proofs sign the canonical form, not the bytes, so they survive)."""
    if isinstance(item, str):
        content, media_type = item.strip().encode("utf-8"), "application/jwt"
    elif isinstance(item, dict):
        content, media_type = jsonstrict.dumps_compact(item), "application/ld+json"
    else:
        raise UnrecognisedCredential(f"Credential {position} in the CLR is neither a JSON object nor a compact JWT.")
    try:
        detected = detect(content, media_type)
        if detected.format in CLR_FORMATS:
            raise UnrecognisedCredential("A CLR inside a CLR is not accepted.", code="nested_clr")
        if detected.format not in VC_FORMATS:
            raise UnrecognisedCredential(f"A CLR carries Open Badges credentials, not {detected.format}.")
        summarised = summarise(detected, content)
    except InvalidInput as exc:
        raise UnrecognisedCredential(f"Credential {position} in the CLR: {exc.detail}", code=exc.code) from exc
    return EmbeddedCredential(
        content, MEDIA_TYPE_BY_FORMAT[detected.format], detected.format, summarised.summary.with_missing()
    )
