"""Frameworks, levels and comparisons through the EQF: answered from the in-memory catalogue, rendered once.

A level is read through the EQF only, as a **comparable level**: the answer names the EQF level(s), the target's
levels at each, every row with its source, as-of date and status, and the standing caveat. A level below EQF 1 has
no EQF level; a level read as two EQF levels answers both and says what decides.
"""

from __future__ import annotations

from pydantic import TypeAdapter

from core.errors import ServiceUnavailable
from recognition.catalogue import Catalogue, FrameworkEntry, LevelEntry, compact, country_code
from recognition.errors import UnknownCountry
from recognition.schemas import CompareResult, CompareSource, FrameworkLevels, FrameworkPublic, Reading, TargetLevels

FRAMEWORK_LIST = TypeAdapter(list[FrameworkPublic])


def _loaded(catalogue: Catalogue) -> tuple[FrameworkEntry, FrameworkEntry]:
    if catalogue.eqf is None or catalogue.qf_ehea is None:
        raise ServiceUnavailable("The frameworks data is not loaded; run `passerelle seed`.")
    return catalogue.eqf, catalogue.qf_ehea


def list_frameworks(catalogue: Catalogue, *, country: str | None = None) -> list[FrameworkPublic]:
    """Every framework held (or those of one country), the EQF and the QF-EHEA first."""
    if country:
        entries = catalogue.by_jurisdiction.get(country_code(country))
        if entries is None:
            return []
        return [entry.public for entry in entries]
    return [entry.public for entry in catalogue.frameworks.values()]


def framework_levels(catalogue: Catalogue, framework: str, *, country: str | None = None) -> FrameworkLevels:
    entry = catalogue.resolve(country, framework)
    return FrameworkLevels(framework=entry.public, levels=[level.public for level in entry.levels])


def frameworks_json(catalogue: Catalogue, *, country: str | None = None) -> bytes:
    """`list_frameworks` as JSON, rendered once per snapshot; an unknown country names the valid ones."""
    key = ("frameworks", country_code(country) if country else "")
    body = catalogue.memo.get(key)
    if body is None:
        if country and country_code(country) not in catalogue.by_jurisdiction:
            raise UnknownCountry(country, catalogue.countries)
        rows = list_frameworks(catalogue, country=country)
        body = catalogue.remember(key, FRAMEWORK_LIST.dump_json(rows))
    return body


def levels_json(catalogue: Catalogue, framework: str, *, country: str | None = None) -> bytes:
    key = ("levels", compact(framework), country_code(country) if country else "")
    body = catalogue.memo.get(key)
    if body is None:
        body = catalogue.remember(
            key, framework_levels(catalogue, framework, country=country).model_dump_json().encode()
        )
    return body


def _names(levels: list[LevelEntry], framework: FrameworkEntry) -> str:
    return " and ".join(f"{framework.code} {level.label}" for level in levels)


def _historical(*frameworks: FrameworkEntry) -> list[str]:
    return [f.code for f in frameworks if f.public.eqf_referencing and "historical" in f.public.eqf_referencing]


def compare(
    catalogue: Catalogue,
    *,
    level: str,
    country: str | None,
    framework: str | None,
    target_country: str | None,
    target_framework: str | None,
) -> CompareResult:
    """A level read through the EQF, and the levels of the target's frameworks at that EQF level."""
    eqf, qf_ehea = _loaded(catalogue)
    source = catalogue.resolve(country, framework, current_only=True)
    entry = source.find_level(level)
    targets = catalogue.targets(target_country, target_framework)
    readings: list[Reading] = []
    for number in entry.eqf_levels:
        cycle = qf_ehea.levels_at(number)
        target_rows: list[TargetLevels] = []
        for target in targets:
            at = target.levels_at(number)
            target_rows.append(
                TargetLevels(
                    framework=target.public,
                    levels=[row.public for row in at],
                    note=None if at else f"No level of {target.code} is referenced to EQF level {number}.",
                )
            )
        readings.append(
            Reading(
                eqf_level=number,
                eqf=eqf.find_level(str(number)).public,
                qf_ehea=cycle[0].public if cycle else None,
                targets=target_rows,
            )
        )
    name = f"{source.code} level {entry.label}"
    if not entry.eqf_levels:
        outcome = "no_eqf_level"
        explanation = (
            f"{name} has no EQF level: it sits below EQF level 1, so it cannot be compared with other frameworks' "
            "levels through the EQF."
        )
    elif len(entry.eqf_levels) > 1:
        outcome = "ambiguous"
        explanation = (
            f"{name} reads as EQF level {' or '.join(map(str, entry.eqf_levels))}; the level alone does not decide. "
            f"{entry.decided_by or ''}"
        ).strip()
    else:
        outcome = "comparable"
        number = entry.eqf_levels[0]
        found = [(t, t.levels_at(number)) for t in targets]
        comparable = [_names(at, t) for t, at in found if at]
        explanation = f"{name} is referenced to EQF level {number}"
        if comparable:
            explanation += f"; at EQF level {number}, the comparable level is {'; '.join(comparable)}"
        elif targets:
            explanation += f"; no level of {', '.join(t.code for t in targets)} is referenced to EQF level {number}"
        explanation += "."
    historical = _historical(source, *targets)
    if historical:
        explanation += (
            f" The EQF referencing of {', '.join(historical)} is historical (made while the UK took part in the EQF)."
        )
    return CompareResult(
        source=CompareSource(framework=source.public, level=entry.public),
        outcome=outcome,
        explanation=explanation,
        decided_by=entry.decided_by,
        readings=readings,
        target_country=country_code(target_country) if target_country else None,
    )


def compare_json(
    catalogue: Catalogue,
    *,
    level: str,
    country: str | None,
    framework: str | None,
    target_country: str | None,
    target_framework: str | None,
) -> bytes:
    """`compare()` as JSON bytes, rendered once per question and catalogue snapshot."""
    key = tuple(compact(part) if part else "" for part in (level, country, framework, target_country, target_framework))
    body = catalogue.memo.get(key)
    if body is None:
        result = compare(
            catalogue,
            level=level,
            country=country,
            framework=framework,
            target_country=target_country,
            target_framework=target_framework,
        )
        body = catalogue.remember(key, result.model_dump_json().encode())
    return body
