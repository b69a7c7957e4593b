"""ELMO transcripts of records (EMREX / EWP, schema `emrex-eu/elmo-schemas` v1) read into a `Summary`.

An ELMO document describes one learner and one or more `report`s, each by one issuing institution, holding a
forest of `learningOpportunitySpecification` (LOS) trees linked by `hasPart`. The transcript's summary carries the
learner, the first report's issuer and issue date, and every LOS of every report as an `Achievement` (pre-order,
nested parts flattened). Each *top-level* LOS also becomes an embedded credential of its own (format
`ELMO_OPPORTUNITY`): the LOS element serialised as standalone XML, with a summary naming the transcript's learner
and its own report's issuer; its sub-parts stay inside it.

What is read, as stated (nothing converted, nothing inferred):

- learner: `givenNames`, `familyName`, `bday`, `identifier` (as `type:value`);
- issuer: English (else first) `title`, `country`, `identifier` (as `type:value`: `pic`, `erasmus`, `schac`, …),
  `url`;
- per LOS and its `learningOpportunityInstance`: `title`, `type`, `description`, `iscedCode`, `identifier`,
  `credit` (`ects` scheme → system `ECTS`, other schemes by their own name), `level` (`type`/`value`, e.g. EQF,
  NQF), `resultLabel` with its `gradingSchemeLocalId` resolved to the report's `gradingScheme` description and
  `resultDistribution` as the percentage of students per category, `start` / `date`, `languageOfInstruction`.

ELMO v1 states no total of credits and no learning outcomes, so the transcript's own `credits` and
`learning_outcomes` stay empty; the achievements carry the credits. The deprecated `credit/level`
(Bachelor / Master / PhD) is not a framework level and is not read.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element, tostring

from wallet.formats import CredentialFormat, Detected, UnrecognisedCredential, detect
from wallet.summary import EmbeddedCredential, Summarised
from wallet.summary.model import Achievement, Credits, Grade, Issuer, Learner, Level, LinkedPart, Summary

TRANSCRIPT_TITLE = "Transcript of Records"
MEDIA_TYPE = "application/xml"
MAX_PARTS = 1000
# The schema allows any depth; in practice four levels (programme, module, course, class). Far deeper trees are
# refused rather than serialised (ElementTree serialises recursively).
MAX_DEPTH = 64
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED_LANGUAGE = "en"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class _Reader:
    """Lookups in the root element's namespace, so that extension elements never stand in for ELMO ones."""

    def __init__(self, root: Element) -> None:
        self.namespace = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""

    def tag(self, name: str) -> str:
        return f"{{{self.namespace}}}{name}" if self.namespace else name

    def children(self, element: Element | None, name: str) -> list[Element]:
        if element is None:
            return []
        tag = self.tag(name)
        return [child for child in element if child.tag == tag]

    def child(self, element: Element | None, name: str) -> Element | None:
        if element is None:
            return None
        return element.find(self.tag(name))

    def token(self, element: Element | None, name: str | None = None) -> str | None:
        """An `xs:token` value: whitespace collapsed, `None` when absent or empty."""
        target = element if name is None else self.child(element, name)
        if target is None:
            return None
        text = " ".join("".join(target.itertext()).split())
        return text or None

    def multiline(self, element: Element | None) -> str | None:
        """A plain-text multiline value: line breaks kept, only the ends trimmed."""
        if element is None:
            return None
        text = "".join(element.itertext()).strip()
        return text or None

    def preferred(self, element: Element | None, name: str, *, multiline: bool = False) -> str | None:
        """The English variant of a repeated, language-tagged element, else one without a language, else the first."""
        candidates = self.children(element, name)
        if not candidates:
            return None
        # Never `a or b` on elements: an Element without children is falsy.
        chosen = next((c for c in candidates if c.get(XML_LANG, "").lower().startswith(PREFERRED_LANGUAGE)), None)
        if chosen is None:
            chosen = next((c for c in candidates if c.get(XML_LANG) is None), candidates[0])
        return self.multiline(chosen) if multiline else self.token(chosen)

    def identifiers(self, element: Element | None) -> list[str]:
        found = []
        for identifier in self.children(element, "identifier"):
            value = self.token(identifier)
            if value is not None:
                kind = " ".join(identifier.get("type", "").split())
                found.append(f"{kind}:{value}" if kind else value)
        return found


def _date(value: str | None) -> str | None:
    """An `xs:date` as stated, without the time zone it may carry (the schema warns clients about it)."""
    if value is None:
        return None
    match = _DATE.match(value)
    return match.group(0) if match else value


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None  # NaN, ±inf: not a value


def _learner(reader: _Reader, root: Element) -> Learner | None:
    element = reader.child(root, "learner")
    if element is None:
        return None
    given = reader.token(element, "givenNames")
    family = reader.token(element, "familyName")
    name = " ".join(part for part in (given, family) if part) or None
    return Learner(
        name=name,
        given_name=given,
        family_name=family,
        date_of_birth=_date(reader.token(element, "bday")),
        identifiers=reader.identifiers(element),
    )


def _issuer(reader: _Reader, report: Element) -> Issuer | None:
    element = reader.child(report, "issuer")
    if element is None:
        return None
    country = reader.token(element, "country")
    return Issuer(
        name=reader.preferred(element, "title"),
        country=country.upper() if country else None,
        identifiers=reader.identifiers(element),
        url=reader.token(element, "url"),
    )


def _grading_schemes(reader: _Reader, report: Element) -> dict[str, str]:
    """The report's grading schemes by local id: their English description, else the id itself."""
    schemes = {}
    for scheme in reader.children(report, "gradingScheme"):
        local_id = scheme.get("localId")
        if local_id:
            schemes[local_id] = reader.preferred(scheme, "description", multiline=True) or local_id
    return schemes


def _distribution(reader: _Reader, instance: Element) -> dict[str, float] | None:
    counts: dict[str, float] = {}
    for category in reader.children(reader.child(instance, "resultDistribution"), "category"):
        label = " ".join(category.get("label", "").split())
        count = _number(category.get("count"))
        if label and count is not None and count >= 0:
            counts[label] = counts.get(label, 0.0) + count
    total = sum(counts.values())
    if not counts or total <= 0:
        return None
    # The share of all the course's students (failed ones included, as the schema asks) in each category, in %.
    return {label: round(100 * count / total, 2) for label, count in counts.items()}


def _grade(reader: _Reader, instance: Element | None, schemes: dict[str, str]) -> Grade | None:
    value = reader.token(instance, "resultLabel")
    if instance is None or value is None:
        return None
    local_id = reader.token(instance, "gradingSchemeLocalId")
    scheme = schemes.get(local_id, local_id) if local_id else None
    return Grade(value=value, scheme=scheme, distribution=_distribution(reader, instance))


def _credits(reader: _Reader, instance: Element | None) -> list[Credits]:
    found = []
    for credit in reader.children(instance, "credit"):
        scheme = reader.token(credit, "scheme")
        value = _number(reader.token(credit, "value"))
        if scheme is None or value is None:
            continue
        # ELMO's one predefined scheme is `ects`; examples also write `ECTS`.
        found.append(Credits(value=value, system="ECTS" if scheme.lower() == "ects" else scheme))
    return found


def _levels(reader: _Reader, instance: Element | None) -> list[Level]:
    found = []
    for level in reader.children(instance, "level"):
        framework = reader.token(level, "type")
        value = reader.token(level, "value")
        if framework is not None and value is not None:
            found.append(Level(framework=framework, value=value))
    return found


def _instance(reader: _Reader, specification: Element) -> Element | None:
    return reader.child(reader.child(specification, "specifies"), "learningOpportunityInstance")


def _achievement(reader: _Reader, specification: Element, schemes: dict[str, str]) -> Achievement:
    instance = _instance(reader, specification)
    identifiers = reader.identifiers(specification)
    local = next((value for value in identifiers if value.startswith("local:")), None)
    return Achievement(
        title=reader.preferred(specification, "title") or "",
        identifier=local or (identifiers[0] if identifiers else None),
        type=reader.token(specification, "type"),
        description=reader.preferred(specification, "description", multiline=True),
        credits=_credits(reader, instance),
        levels=_levels(reader, instance),
        grade=_grade(reader, instance, schemes),
        started_on=_date(reader.token(instance, "start")),
        completed_on=_date(reader.token(instance, "date")),
        field_of_study=reader.token(specification, "iscedCode"),
    )


def _tree(reader: _Reader, top: Element) -> Iterator[Element]:
    """A LOS and every LOS below it through `hasPart`, in document order (pre-order), without recursion."""
    stack: list[tuple[Element, int]] = [(top, 1)]
    while stack:
        specification, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise UnrecognisedCredential(
                f"The transcript nests learning opportunities more than {MAX_DEPTH} levels deep.", code="too_deep"
            )
        yield specification
        below = [
            child
            for part in reader.children(specification, "hasPart")
            for child in reader.children(part, "learningOpportunitySpecification")
        ]
        stack.extend((child, depth + 1) for child in reversed(below))


def _standalone(specification: Element) -> bytes:
    """The LOS as its own XML document, in its namespace; the same bytes every time.

    ElementTree names the namespaces `ns0`, `ns1`, … (a default namespace is impossible next to ELMO's unqualified
    attributes); the meaning, and every value, is the transcript's."""
    document: bytes = tostring(specification, encoding="utf-8", xml_declaration=True)
    return document


def _part(
    reader: _Reader,
    specification: Element,
    achievements: list[Achievement],
    *,
    learner: Learner | None,
    issuer: Issuer | None,
    issued_on: str | None,
) -> EmbeddedCredential:
    own = achievements[0]
    instance = _instance(reader, specification)
    summary = Summary(
        title=own.title or None,
        description=own.description,
        learner=learner,
        issuer=issuer,
        issued_on=issued_on,
        awarded_on=own.completed_on,
        credits=own.credits,
        levels=own.levels,
        grade=own.grade,
        field_of_study=own.field_of_study,
        language=reader.token(instance, "languageOfInstruction"),
        achievements=achievements,
    ).with_missing()
    return EmbeddedCredential(
        content=_standalone(specification),
        media_type=MEDIA_TYPE,
        format=CredentialFormat.ELMO_OPPORTUNITY,
        summary=summary,
    )


def summarise(detected: Detected, content: bytes) -> Summarised:
    """The transcript's summary, and one embedded credential per top-level learning opportunity."""
    root = detected.document if isinstance(detected.document, Element) else detect(content, MEDIA_TYPE).document
    reader = _Reader(root)
    if root.tag != reader.tag("elmo"):
        raise UnrecognisedCredential("Only ELMO transcripts (root element <elmo>) are summarised.")
    learner = _learner(reader, root)
    reports = reader.children(root, "report")
    first = reports[0] if reports else None
    issuer = _issuer(reader, first) if first is not None else None
    issued_on = reader.token(first, "issueDate")
    achievements: list[Achievement] = []
    parts: list[EmbeddedCredential] = []
    for report in reports:
        schemes = _grading_schemes(reader, report)
        report_issuer = _issuer(reader, report)
        report_issued_on = reader.token(report, "issueDate")
        for top in reader.children(report, "learningOpportunitySpecification"):
            tree = [_achievement(reader, specification, schemes) for specification in _tree(reader, top)]
            achievements.extend(tree)
            if len(parts) < MAX_PARTS:
                parts.append(
                    _part(reader, top, tree, learner=learner, issuer=report_issuer, issued_on=report_issued_on)
                )
    summary = Summary(
        title=TRANSCRIPT_TITLE,
        learner=learner,
        issuer=issuer,
        issued_on=issued_on,
        achievements=achievements,
        parts=[LinkedPart(title=part.summary.title, format=part.format.value) for part in parts],
    )
    return Summarised(summary, parts)
