"""The recognition packet: what a credential is worth at a glance, read from its summary through the frameworks data.

Levels: a stated EQF level is taken as stated; a national level is looked up in the issuing country's frameworks and
read through its EQF referencing (many-to-one, none, or ambiguous are ordinary answers); when the two disagree, both
are shown. Workload: every stated credit value is converted to ECTS with the rule used, the original kept beside it.
Field: the ISCED-F code with its name. Quality assurance: what the credential states, and the trust registry's
accreditation record for the issuer when there is one. Completeness: Annex I, see `recognition.completeness`.
"""

from __future__ import annotations

import re
import uuid
from typing import Any, cast

from recognition.catalogue import Catalogue, FrameworkEntry, LevelEntry, country_code, isced_fields
from recognition.completeness import assess
from recognition.errors import UnknownLevel
from recognition.schemas import (
    CAVEAT,
    Completeness,
    ConvertedCredits,
    CreditValue,
    Cycle,
    EqfReading,
    FieldOfStudy,
    NationalLevel,
    PacketLevels,
    QualityAssuranceStatus,
    RecognitionPacket,
    StatedLevel,
    VerificationBasis,
)
from wallet.summary.model import Credits, Level, Summary
from wallet.verification.models import TrustEntry

_TRAILING_DIGIT = re.compile(r"(\d)\s*$")
_ISCED_CODE = re.compile(r"(\d{2,4})\s*$")
_CYCLE_WORDS: tuple[tuple[str, Cycle], ...] = (
    ("short", "short"),
    ("first", "first"),
    ("second", "second"),
    ("third", "third"),
    ("1", "first"),
    ("2", "second"),
    ("3", "third"),
)
EQF_NAMES = frozenset({"eqf"})
QF_EHEA_NAMES = frozenset({"qfehea", "fqehea", "qf-ehea", "bologna"})


def stated_levels(summary: Summary) -> list[Level]:
    """The levels the credential states, its own first, then its parts', each once."""
    seen: set[tuple[str, str, str | None]] = set()
    result: list[Level] = []
    for level in (*summary.levels, *(level for a in summary.achievements for level in a.levels)):
        key = (level.framework.casefold(), level.value, level.country)
        if key not in seen:
            seen.add(key)
            result.append(level)
    return result


def parse_eqf(level: Level) -> int | None:
    for text in (level.value, level.uri or ""):
        found = _TRAILING_DIGIT.search(text)
        if found and 1 <= int(found.group(1)) <= 8:
            return int(found.group(1))
    return None


def parse_cycle(level: Level) -> Cycle | None:
    text = f"{level.value} {level.uri or ''}".casefold()
    for word, cycle in _CYCLE_WORDS:
        if word in text:
            return cycle
    return None


def _issuer_places(summary: Summary, level: Level) -> list[str]:
    """Where a national level comes from: the level's own country, else the issuer's region (when it is an
    ISO 3166-2 code) and country."""
    places: list[str] = []
    if level.country:
        places.append(country_code(level.country))
    issuer = summary.issuer
    if issuer is not None:
        if issuer.region and "-" in issuer.region:
            places.append(country_code(issuer.region))
        if issuer.country:
            places.append(country_code(issuer.country))
    return list(dict.fromkeys(places))


def _candidate_frameworks(catalogue: Catalogue, level: Level, places: list[str]) -> list[FrameworkEntry]:
    named = level.framework.strip()
    pool: list[FrameworkEntry] = []
    for place in places:
        pool.extend(entry for entry in catalogue.by_jurisdiction.get(place, []) if entry not in pool)
    if named.casefold() not in {"nqf", "national"}:
        wanted = [
            e
            for e in (pool or catalogue.frameworks.values())
            if named.casefold() in {e.key.casefold(), e.code.casefold()}
        ]
        if wanted:
            return wanted
    # Current frameworks before legacy ones: a plain "level 6" is read in today's framework first.
    return sorted(pool, key=lambda entry: entry.legacy)


def _match(frameworks: list[FrameworkEntry], value: str) -> list[LevelEntry]:
    matches: list[LevelEntry] = []
    for framework in frameworks:
        try:
            matches.append(framework.find_level(value))
        except UnknownLevel:
            continue
    if len({m.framework_key for m in matches}) > 1:
        current = [m for m in matches if not next(f for f in frameworks if f.key == m.framework_key).legacy]
        return current or matches
    return matches


def _national_note(
    places: list[str], frameworks: list[FrameworkEntry], matches: list[LevelEntry], value: str
) -> str | None:
    if not frameworks:
        where = ", ".join(places) or "an unstated country"
        return f"No framework is held for {where}; the level cannot be read through the EQF."
    if not matches:
        return f"No level {value!r} in {', '.join(f.key for f in frameworks)}."
    if len(matches) > 1:
        named = ", ".join(m.framework_key for m in matches)
        return f"{value!r} names a level in several frameworks ({named}) and the credential does not say which; each reading is shown."
    return None


class _LevelReader:
    """Collects the readings of each stated level (see `read_levels`)."""

    def __init__(self, summary: Summary, catalogue: Catalogue) -> None:
        self.summary = summary
        self.catalogue = catalogue
        self.eqf: list[EqfReading] = []
        self.national: list[NationalLevel] = []
        self.cycles: list[Cycle] = []
        self.notes: list[str] = []

    def stated_eqf(self, level: Level) -> None:
        number = parse_eqf(level)
        if number is None:
            self.notes.append(f"The stated EQF level {level.value!r} is not a level 1-8.")
        else:
            self.eqf.append(EqfReading(eqf_level=number, basis="stated"))

    def stated_cycle(self, level: Level) -> None:
        cycle = parse_cycle(level)
        if cycle is None:
            self.notes.append(f"The stated QF-EHEA cycle {level.value!r} is not one of short, first, second, third.")
        else:
            self.cycles.append(cycle)

    def stated_national(self, level: Level) -> None:
        places = _issuer_places(self.summary, level)
        frameworks = _candidate_frameworks(self.catalogue, level, places)
        matches = _match(frameworks, level.value)
        for match in matches:
            if not match.eqf_levels:
                self.notes.append(f"{match.framework_key} level {match.label} has no EQF level (it is below EQF 1).")
            if len(match.eqf_levels) > 1 and match.decided_by:
                self.notes.append(f"{match.framework_key} level {match.label}: {match.decided_by}")
            self.eqf.extend(
                EqfReading(
                    eqf_level=number,
                    basis="national framework",
                    framework=match.framework_key,
                    level=match.label,
                    source_url=match.public.source_url,
                    as_of=match.public.as_of,
                    status=match.public.status,
                )
                for number in match.eqf_levels
            )
            if match.public.qf_ehea_cycle:
                self.cycles.append(match.public.qf_ehea_cycle)
        self.national.append(
            NationalLevel(
                stated=StatedLevel(framework=level.framework, value=level.value, country=level.country),
                matches=[m.public for m in matches],
                note=_national_note(places, frameworks, matches, level.value),
            )
        )

    def disagreement(self) -> None:
        stated = {reading.eqf_level for reading in self.eqf if reading.basis == "stated"}
        derived = {reading.eqf_level for reading in self.eqf if reading.basis == "national framework"}
        if stated and derived and not stated & derived:
            self.notes.append(
                f"The stated EQF level ({', '.join(map(str, sorted(stated)))}) differs from the national level's "
                f"EQF referencing ({', '.join(map(str, sorted(derived)))}); both are shown."
            )


def read_levels(summary: Summary, catalogue: Catalogue) -> PacketLevels:
    """Every stated level, and the EQF level(s) each reads as: as stated, or through the national framework."""
    stated = stated_levels(summary)
    reader = _LevelReader(summary, catalogue)
    for level in stated:
        name = level.framework.strip().casefold()
        if name in EQF_NAMES:
            reader.stated_eqf(level)
        elif name in QF_EHEA_NAMES:
            reader.stated_cycle(level)
        else:
            reader.stated_national(level)
    reader.disagreement()
    return PacketLevels(
        stated=[StatedLevel(framework=lv.framework, value=lv.value, country=lv.country) for lv in stated],
        eqf=reader.eqf,
        national=reader.national,
        qf_ehea_cycles=list(dict.fromkeys(reader.cycles)),
        notes=reader.notes,
    )


def stated_credits(summary: Summary) -> list[Credits]:
    """The credential's own workload; the sum of its parts' only when it states none of its own."""
    return list(summary.credits) or [credit for a in summary.achievements for credit in a.credits]


def convert_credits(
    stated: list[Credits], catalogue: Catalogue, institution_id: uuid.UUID | None
) -> tuple[list[ConvertedCredits], float | None]:
    converted: list[ConvertedCredits] = []
    for credit in stated:
        rule = catalogue.credit_rule(credit.system, institution_id)
        converted.append(
            ConvertedCredits(
                original=CreditValue(value=credit.value, system=credit.system),
                hours=credit.hours,
                ects=rule.convert(credit.value) if rule else None,
                rule=rule.public if rule else None,
                note=None
                if rule
                else f"No conversion rule is held for {credit.system!r}; systems held: {', '.join(catalogue.credit_systems())}.",
            )
        )
    values = [item.ects for item in converted if item.ects is not None]
    return converted, (round(sum(values), 2) if values else None)


def field_code(summary: Summary) -> str | None:
    stated = summary.field_of_study or next((a.field_of_study for a in summary.achievements if a.field_of_study), None)
    if not stated:
        return None
    found = _ISCED_CODE.search(stated)
    return found.group(1) if found else stated


def describe_field(code: str) -> FieldOfStudy:
    """The ISCED-F field with its name; a detailed (4-digit) code is named by its narrow field."""
    fields = isced_fields()
    own = fields.get(code) or fields.get(code[:3])
    broad = fields.get(code[:2])
    reference = own or broad
    return FieldOfStudy(
        code=code,
        name=own.name if own else None,
        broad=f"{broad.code} {broad.name}" if broad else None,
        source_url=reference.source_url if reference else None,
        status=cast(Any, reference.status) if reference else None,
    )


def quality_assurance(summary: Summary, registry: TrustEntry | None) -> QualityAssuranceStatus:
    qa = summary.quality_assurance
    stated: dict[str, Any] | None = qa.model_dump(exclude_none=True, exclude_defaults=True) if qa else None
    record = {"label": registry.label, **registry.accreditation} if registry and registry.accreditation else None
    if record:
        return QualityAssuranceStatus(
            state="accreditation_in_registry",
            stated=stated or None,
            registry=record,
            message="The trust registry holds an accreditation record for this issuer (shown with its source); check "
            "that it was valid on the award date.",
        )
    if stated:
        return QualityAssuranceStatus(
            state="stated_by_issuer",
            stated=stated,
            registry=None,
            message="The credential states its quality assurance; the trust registry holds no record for the issuer.",
        )
    return QualityAssuranceStatus(
        state="not_stated",
        stated=None,
        registry=None,
        message="The credential states no quality assurance and the trust registry holds no record for the issuer; "
        "this is not proof of its absence.",
    )


def assemble(
    credential_id: uuid.UUID | None,
    summary: Summary,
    catalogue: Catalogue,
    *,
    registry: TrustEntry | None,
    completeness: Completeness,
    institution_id: uuid.UUID | None = None,
) -> RecognitionPacket:
    workload, total = convert_credits(stated_credits(summary), catalogue, institution_id)
    code = field_code(summary)
    issuer = summary.issuer.model_dump(exclude_none=True, exclude_defaults=True) if summary.issuer else None
    return RecognitionPacket(
        credential_id=credential_id,
        title=summary.title,
        issuer=issuer or None,
        levels=read_levels(summary, catalogue),
        workload=workload,
        total_ects=total,
        field_of_study=describe_field(code) if code else None,
        quality_assurance=quality_assurance(summary, registry),
        completeness=completeness,
        caveat=CAVEAT,
    )


SHARED_BASIS = "The packet of a share is computed from the released fields only; the share's verification view says what was verified."


def for_summary(summary: Summary, catalogue: Catalogue) -> RecognitionPacket:
    """The packet of a summary without a wallet credential behind it (what a share releases): quality assurance as
    stated (the trust registry is consulted for wallet credentials), completeness of the released fields."""
    basis = VerificationBasis(state="not_applicable", message=SHARED_BASIS)
    return assemble(
        None,
        summary,
        catalogue,
        registry=None,
        completeness=assess(summary, basis, credential_id=None),
    )
