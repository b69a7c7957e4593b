"""European Digital Credentials (ELM v3 JSON-LD, sealed or not) read into a `Summary`, and the JSON-LD value readers
the other JSON parsers share.

Where the Annex I elements live in ELM v3 (property names as the EDC JSON-LD context `edc-ap` spells them):

    learner              credentialSubject (Person): fullName, givenName, familyName, dateOfBirth, nationalID, identifier
    title                hasClaim.title, else its specifiedBy.title, else displayParameter.title
    awarding body        hasClaim.awardedBy.awardingBody (Organisation), else the credential's issuer: a sealed EDC's
                         issuer is often the sealing service, the awarding body is whom Annex I asks for
    issuer country       that Organisation's location.address.countryCode (EU country authority URI → alpha-2)
    date of issuing      issued, else issuanceDate, else validFrom (VCDM 2.0 folded issuanceDate into validFrom);
                         awardedBy.awardingDate is the award date
    learning outcomes    specifiedBy.learningOutcome (title, relatedESCOSkill, relatedSkill), or learningOutcomeSummary
    workload             specifiedBy.creditPoint (framework concept, point) with the hours of volumeOfLearning (an
                         ISO 8601 duration; only PT…H/M/S counts as hours) or of a learning activity's workload
    level                specifiedBy.eqfLevel (…/snb/eqf/N) and nqfLevel (ELM has no QF-EHEA property)
    field                specifiedBy.thematicArea (= elm:ISCEDFCode, …/snb/isced-f/CODE)
    assessment type      provenBy (LearningAssessment): specifiedBy.dcType, else the assessment's title
    participation        specifiedBy.mode, else the learning activity's (influencedBy) specifiedBy.mode
    quality assurance    accreditation on the specification or on the awarding body
    prerequisites        specifiedBy.entryRequirement;  supervision: provenBy.idVerification
    grade                provenBy.grade with its gradingScheme;  stackability: specifiedBy.isPartialQualification
    further information  additionalNote on the claim and its specification
    achievements         further claims and every hasPart sub-achievement, depth first

Objects may be given in full or by `id` reference to an object elsewhere in the document; both are read.
"""

from __future__ import annotations

import re
from typing import Any

from wallet.summary import countries
from wallet.summary.model import (
    Achievement,
    Credits,
    Grade,
    Issuer,
    Learner,
    LearningOutcome,
    Level,
    QualityAssurance,
    Summary,
)

JsonObject = dict[str, Any]

ECTS_CONCEPT = "http://data.europa.eu/snb/education-credit/6fcec5c5af"
ESCO_PREFIXES = ("http://data.europa.eu/esco/", "https://data.europa.eu/esco/")
EQF_URI = re.compile(r"^https?://data\.europa\.eu/snb/eqf/([1-8])$")
ISCED_F_URI = re.compile(r"/isced-f/(\d{2,4})$")
# ISO 8601 durations carrying only a time part; years, months, weeks and days are no measure of study hours.
HOURS_DURATION = re.compile(r"^PT(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$")
ORGANISATION_IDENTIFIERS = ("legalIdentifier", "registration", "eIDASIdentifier", "vatIdentifier", "taxIdentifier")
MAX_ACHIEVEMENTS = 500


# --- JSON-LD value readers, shared with `wallet.summary.vc` -----------------------------------------------------


def as_list(value: Any) -> list[Any]:
    """A JSON-LD value as a list: one value, a list of values, or nothing."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def first(value: Any) -> JsonObject | None:
    """The first object of a one-or-many value."""
    return next((item for item in as_list(value) if isinstance(item, dict)), None)


def string(value: Any) -> str | None:
    """A non-empty string as stated, or None."""
    return (value.strip() or None) if isinstance(value, str) else None


def _is_english(tag: Any) -> bool:
    return isinstance(tag, str) and (tag.lower() == "en" or tag.lower().startswith("en-"))


def text(value: Any) -> str | None:
    """Display text from a string, a language map ({"en": "…"} or {"en": ["…"]}), a JSON-LD value object
    ({"@value": "…", "@language": "en"}) or a list of them: English when there is English, else the first language."""
    if isinstance(value, str):
        return string(value)
    if isinstance(value, list):
        english = [item for item in value if isinstance(item, dict) and _is_english(item.get("@language"))]
        return next((found for item in [*english, *value] if (found := text(item))), None)
    if not isinstance(value, dict):
        return None
    if "@value" in value:
        return string(value["@value"])
    if "id" in value or "type" in value:  # an object, not a language map
        return None
    keys = sorted(value, key=lambda tag: not _is_english(tag))  # stable: English first, then document order
    return next((found for key in keys if (found := text(value[key]))), None)


def types(document: JsonObject) -> list[str]:
    return [item for item in as_list(document.get("type", document.get("@type"))) if isinstance(item, str)]


# --- ELM ---------------------------------------------------------------------------------------------------------


class _Document:
    """One ELM credential with its objects indexed by `id`, so references read like embedded objects."""

    def __init__(self, document: JsonObject) -> None:
        self.index: dict[str, JsonObject] = {}
        self._collect(document, 0)

    def _collect(self, value: Any, depth: int) -> None:
        if depth > 64:  # as deep as strict JSON lets a document be
            return
        if isinstance(value, dict):
            identifier = value.get("id")
            if isinstance(identifier, str) and len(value) > len(self.index.get(identifier, {})):
                self.index[identifier] = value  # the fullest copy of an object the document repeats
            for item in value.values():
                self._collect(item, depth + 1)
        elif isinstance(value, list):
            for item in value:
                self._collect(item, depth + 1)

    def resolve(self, item: Any) -> Any:
        """The full object an `id` reference (a string or a stub object) names; anything else unchanged."""
        key = item if isinstance(item, str) else item.get("id") if isinstance(item, dict) else None
        return self.index.get(key, item) if isinstance(key, str) else item

    def objects(self, value: Any) -> list[JsonObject]:
        """The objects a property gives, references resolved."""
        return [found for item in as_list(value) if isinstance(found := self.resolve(item), dict)]

    def one(self, owner: JsonObject | None, key: str) -> JsonObject | None:
        return next(iter(self.objects(owner.get(key))), None) if owner else None

    def concepts(self, value: Any) -> list[tuple[str | None, str | None]]:
        """(URI, English label) of each controlled-vocabulary Concept (or bare concept URI) a property gives."""
        concepts = [self.resolve(item) for item in as_list(value)]
        return [
            (string(concept.get("id")), text(concept.get("prefLabel")))
            for concept in ({"id": item} if isinstance(item, str) else item for item in concepts)
            if isinstance(concept, dict)
        ]

    def label(self, value: Any) -> str | None:
        return next((label for _, label in self.concepts(value) if label), None)

    def notes(self, *values: Any) -> str | None:
        """The text of the Notes given (several joined by blank lines)."""
        found = [text(note.get("noteLiteral")) for value in values for note in self.objects(value)]
        found += [string(value) for value in values if isinstance(value, str)]
        return "\n\n".join(note for note in found if note) or None


def summarise(document: JsonObject) -> Summary:
    """The summary of an ELM v3 credential (the JSON-LD object, or a JAdES seal's payload)."""
    elm = _Document(document)
    subject = elm.one(document, "credentialSubject")
    claims = elm.objects(subject.get("hasClaim")) if subject else []
    claim = claims[0] if claims else None
    spec = elm.one(claim, "specifiedBy")
    assessment = elm.one(claim, "provenBy")
    activity_spec = elm.one(elm.one(claim, "influencedBy"), "specifiedBy")
    awarding = elm.one(claim, "awardedBy")
    organisation = elm.one(awarding, "awardingBody") or elm.one(document, "issuer")
    display = elm.one(document, "displayParameter")
    spec_or_empty = spec or {}
    return Summary(
        title=_title(elm, claim) or text(display.get("title") if display else None),
        description=text((claim or {}).get("description")) or text(spec_or_empty.get("description")),
        types=types(document),
        learner=_learner(elm, subject) if subject else None,
        issuer=_organisation(elm, organisation) if organisation else None,
        issued_on=string(document.get("issued"))
        or string(document.get("issuanceDate"))
        or string(document.get("validFrom")),
        awarded_on=string(awarding.get("awardingDate")) if awarding else None,
        valid_from=string(document.get("validFrom")),
        valid_until=string(document.get("validUntil")) or string(document.get("expirationDate")),
        learning_outcomes=_outcomes(elm, spec),
        credits=_credits(elm, spec, claim),
        levels=_levels(elm, spec),
        field_of_study=_field_of_study(elm, spec),
        grade=_grade(elm, assessment),
        assessment_type=_assessment_type(elm, assessment),
        participation=_mode(elm, spec) or _mode(elm, activity_spec),
        quality_assurance=_quality_assurance(elm, spec, organisation),
        prerequisites=elm.notes(spec_or_empty.get("entryRequirement")),
        supervision=elm.label((assessment or {}).get("idVerification")),
        stackability=_stackability(spec),
        further_information=elm.notes((claim or {}).get("additionalNote"), spec_or_empty.get("additionalNote")),
        language=_language(elm, spec_or_empty.get("language"))
        or _language(elm, display.get("primaryLanguage") if display else None),
        achievements=_achievements(elm, claims),
    )


def _title(elm: _Document, claim: JsonObject | None) -> str | None:
    if claim is None:
        return None
    spec = elm.one(claim, "specifiedBy")
    return text(claim.get("title")) or text(spec.get("title") if spec else None)


def _identifier(elm: _Document, entry: JsonObject, label: str) -> str | None:
    """An Identifier or LegalIdentifier as `scheme (country): notation`."""
    notation = string(entry.get("notation"))
    if notation is None:
        return None
    scheme = string(entry.get("schemeName")) or label
    country = countries.alpha2(next((uri for uri, _ in elm.concepts(entry.get("spatial")) if uri), None))
    return f"{scheme} ({country}): {notation}" if country else f"{scheme}: {notation}"


def _identifiers(elm: _Document, owner: JsonObject, keys: tuple[str, ...]) -> list[str]:
    found = (_identifier(elm, entry, key) for key in keys for entry in elm.objects(owner.get(key)))
    return list(dict.fromkeys(item for item in found if item))


def _learner(elm: _Document, person: JsonObject) -> Learner:
    return Learner(
        id=string(person.get("id")),
        name=text(person.get("fullName")),
        given_name=text(person.get("givenName")),
        family_name=text(person.get("familyName")),
        date_of_birth=string(person.get("dateOfBirth")),
        identifiers=_identifiers(elm, person, ("nationalID", "identifier")),
    )


def _organisation(elm: _Document, organisation: JsonObject) -> Issuer:
    country = region = None
    for location in elm.objects(organisation.get("location")):
        codes = [
            uri
            for address in elm.objects(location.get("address"))
            for uri, _ in elm.concepts(address.get("countryCode"))
        ]
        country = next((code for uri in codes if (code := countries.alpha2(uri))), None)
        if country:
            region = elm.label(location.get("spatialCode"))
            break
    homepage = elm.one(organisation, "homepage")
    return Issuer(
        id=string(organisation.get("id")),
        name=text(organisation.get("legalName"))
        or text(organisation.get("prefLabel"))
        or text(organisation.get("altLabel")),
        country=country,
        region=region,
        identifiers=_identifiers(elm, organisation, (*ORGANISATION_IDENTIFIERS, "identifier")),
        url=string(homepage.get("contentURL")) if homepage else None,
    )


def _outcomes(elm: _Document, spec: JsonObject | None) -> list[LearningOutcome]:
    if spec is None:
        return []
    outcomes = []
    for outcome in elm.objects(spec.get("learningOutcome")):
        title = text(outcome.get("title")) or text(outcome.get("description"))
        if title is None:
            continue
        skills = [uri for key in ("relatedESCOSkill", "relatedSkill") for uri, _ in elm.concepts(outcome.get(key))]
        web = [uri for uri in skills if uri and uri.startswith(("http://", "https://"))]
        esco = next((uri for uri in web if uri.startswith(ESCO_PREFIXES)), None)
        outcomes.append(LearningOutcome(text=title, esco_uri=esco, related=[uri for uri in web if uri != esco]))
    if not outcomes and (summary := elm.notes(spec.get("learningOutcomeSummary"))):
        outcomes.append(LearningOutcome(text=summary))
    return outcomes


def duration_hours(value: Any) -> float | None:
    """Hours in an ISO 8601 duration of hours, minutes and seconds (`PT60H`); None for any other duration."""
    match = HOURS_DURATION.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    hours, minutes, seconds = (float(part) if part else 0.0 for part in match.groups())
    return hours + minutes / 60 + seconds / 3600


def _credits(elm: _Document, spec: JsonObject | None, claim: JsonObject | None = None) -> list[Credits]:
    """Credit points as stated, with the hours of volumeOfLearning (or of a learning activity's own workload)."""
    if spec is None:
        return []
    hours = duration_hours(spec.get("volumeOfLearning"))
    if hours is None and claim is not None:
        hours = duration_hours(claim.get("workload"))
    found = []
    for credit in elm.objects(spec.get("creditPoint")):
        try:
            value = float(str(credit.get("point")))
        except ValueError:
            continue
        uri, label = next(iter(elm.concepts(credit.get("framework"))), (None, None))
        ects = uri == ECTS_CONCEPT or label in {"ECTS", "European Credit Transfer System"}
        found.append(Credits(value=value, system="ECTS" if ects else label or uri or "unspecified", hours=hours))
    if not found and hours is not None:
        found.append(Credits(value=hours, system="hours", hours=hours))
    return found


def _levels(elm: _Document, spec: JsonObject | None) -> list[Level]:
    if spec is None:
        return []
    levels = []
    for uri, _ in elm.concepts(spec.get("eqfLevel")):
        if uri and (match := EQF_URI.match(uri)):
            levels.append(Level(framework="EQF", value=match.group(1), uri=uri))
    for uri, label in elm.concepts(spec.get("nqfLevel")):
        if label or uri:
            levels.append(Level(framework="NQF", value=label or str(uri), uri=uri))
    return levels


def _field_of_study(elm: _Document, spec: JsonObject | None) -> str | None:
    concepts = elm.concepts(spec.get("thematicArea")) if spec else []
    return next((match.group(1) for uri, _ in concepts if uri and (match := ISCED_F_URI.search(uri))), None)


def _grade(elm: _Document, assessment: JsonObject | None) -> Grade | None:
    if assessment is None:
        return None
    value = elm.notes(assessment.get("grade"))
    if value is None:
        return None
    assessment_spec = elm.one(assessment, "specifiedBy")
    scheme = elm.one(assessment, "gradingScheme") or elm.one(assessment_spec, "gradingScheme")
    return Grade(value=value, scheme=(text(scheme.get("title")) or text(scheme.get("description"))) if scheme else None)


def _assessment_type(elm: _Document, assessment: JsonObject | None) -> str | None:
    if assessment is None:
        return None
    spec = elm.one(assessment, "specifiedBy") or {}
    return elm.label(spec.get("dcType")) or text(spec.get("title")) or text(assessment.get("title"))


def _mode(elm: _Document, spec: JsonObject | None) -> str | None:
    label = elm.label(spec.get("mode")) if spec else None
    return label.lower() if label else None


def _quality_assurance(
    elm: _Document, spec: JsonObject | None, organisation: JsonObject | None
) -> QualityAssurance | None:
    accreditations = [
        item for owner in (spec, organisation) if owner for item in elm.objects(owner.get("accreditation"))
    ]
    if not accreditations:
        return None
    first_one = accreditations[0]
    agent = elm.one(first_one, "accreditingAgent")
    references = []
    for accreditation in accreditations:
        identifier = string(accreditation.get("id"))
        if identifier and not identifier.startswith("urn:epass:"):  # EDC's document-local identifiers name nothing
            references.append(identifier)
        for key in ("report", "landingPage"):
            references += [
                url for page in elm.objects(accreditation.get(key)) if (url := string(page.get("contentURL")))
            ]
    return QualityAssurance(
        type=elm.label(first_one.get("dcType")) or text(first_one.get("title")),
        body=(text(agent.get("legalName")) or text(agent.get("prefLabel"))) if agent else None,
        accreditations=list(dict.fromkeys(references)),
    )


def _stackability(spec: JsonObject | None) -> str | None:
    partial = spec.get("isPartialQualification") if spec else None
    return (
        None if not isinstance(partial, bool) else "Partial qualification" if partial else "Not a partial qualification"
    )


def _language(elm: _Document, value: Any) -> str | None:
    return next((tag for uri, _ in elm.concepts(value) if (tag := countries.language_tag(uri))), None)


def _achievements(elm: _Document, claims: list[JsonObject]) -> list[Achievement]:
    """Every claim after the first and every sub-achievement (hasPart), depth first; each object once."""
    seen = {id(claim) for claim in claims[:1]}
    pending = [*elm.objects(claims[0].get("hasPart")), *claims[1:]] if claims else []
    achievements: list[Achievement] = []
    while pending and len(achievements) < MAX_ACHIEVEMENTS:
        claim = pending.pop(0)
        if id(claim) in seen:
            continue
        seen.add(id(claim))
        pending[:0] = elm.objects(claim.get("hasPart"))
        if achievement := _achievement(elm, claim):
            achievements.append(achievement)
    return achievements


def _achievement(elm: _Document, claim: JsonObject) -> Achievement | None:
    title = _title(elm, claim)
    if title is None:
        return None
    spec = elm.one(claim, "specifiedBy")
    period = elm.one(claim, "temporal") or elm.one(elm.one(claim, "influencedBy"), "temporal") or {}
    identifiers = _identifiers(elm, claim, ("identifier",))
    return Achievement(
        title=title,
        identifier=identifiers[0] if identifiers else string(claim.get("id")),
        type=elm.label(spec.get("dcType")) if spec else None,
        description=text(claim.get("description")) or text(spec.get("description") if spec else None),
        credits=_credits(elm, spec, claim),
        levels=_levels(elm, spec),
        grade=_grade(elm, elm.one(claim, "provenBy")),
        started_on=string(period.get("startDate")),
        completed_on=string(period.get("endDate")),
        field_of_study=_field_of_study(elm, spec),
        learning_outcomes=_outcomes(elm, spec),
    )
