"""How micro-credentials add up: a set of credentials against a target (e.g. 60 ECTS at EQF 6 in a field).

Each credential's workload is converted to ECTS (the rule kept), its EQF level read as in the recognition packet,
its field taken from its ISCED-F code. A credential counts towards the target when it has a workload, every reading
of its level is at or above the target's EQF level (an ambiguous level counts only if all its readings do), and its
field falls within the target's field. What does not count says why; the totals say what is missing.

While something is missing, published offers of the catalogue that would count are suggested (`suggest`): those whose
workload fits in what is missing first (the largest first), then the others (the smallest first), each with a
sentence saying why it was suggested.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from core.accounts.models import Institution
from recognition.catalogue import Catalogue
from recognition.offers.models import Offer
from recognition.offers.schemas import OfferSuggestion, ProviderRef
from recognition.packet import convert_credits, field_code, read_levels, stated_credits
from recognition.schemas import StackItem, StackResult, StackTarget, StackTotals
from wallet.summary.model import Summary

MAX_SUGGESTIONS = 5


@dataclass(frozen=True)
class Stackable:
    credential_id: uuid.UUID | None
    label: str | None
    summary: Summary


def _item(entry: Stackable, target: StackTarget, catalogue: Catalogue, institution_id: uuid.UUID | None) -> StackItem:
    summary = entry.summary
    converted, ects = convert_credits(stated_credits(summary), catalogue, institution_id)
    eqf = sorted({reading.eqf_level for reading in read_levels(summary, catalogue).eqf})
    code = field_code(summary)
    reasons: list[str] = []
    if not converted:
        reasons.append("The credential states no workload.")
    elif ects is None:
        reasons.append("No conversion rule is held for its credit system.")
    if target.eqf_level is not None:
        if not eqf:
            reasons.append("It states no level that can be read as an EQF level.")
        elif min(eqf) < target.eqf_level:
            readings = "its level reads as EQF " + " or ".join(map(str, eqf))
            reasons.append(f"{readings[0].upper()}{readings[1:]}, below the target's EQF {target.eqf_level}.")
    if target.field is not None:
        if code is None:
            reasons.append("It states no ISCED-F field of study.")
        elif not code.startswith(target.field):
            reasons.append(f"Its field {code} is outside the target's field {target.field}.")
    return StackItem(
        credential_id=entry.credential_id,
        title=entry.label or summary.title,
        ects=ects,
        credits=converted,
        eqf_levels=eqf,
        field_of_study=code,
        stackability=summary.stackability,
        counts=not reasons,
        reasons=reasons,
    )


def stack(
    entries: list[Stackable], target: StackTarget, catalogue: Catalogue, institution_id: uuid.UUID | None
) -> StackResult:
    items = [_item(entry, target, catalogue, institution_id) for entry in entries]
    counted = [item for item in items if item.counts and item.ects is not None]
    by_level: dict[str, float] = {}
    for item in counted:
        key = str(min(item.eqf_levels)) if item.eqf_levels else "unknown"
        by_level[key] = round(by_level.get(key, 0.0) + (item.ects or 0.0), 2)
    ects_counted = round(sum(item.ects or 0.0 for item in counted), 2)
    ects_missing = round(max(0.0, target.ects - ects_counted), 2)
    missing: list[str] = []
    if ects_missing > 0:
        where = f" at EQF {target.eqf_level} or above" if target.eqf_level else ""
        field = f" in field {target.field}" if target.field else ""
        missing.append(f"{ects_missing:g} ECTS more{where}{field}.")
    missing.extend(
        f"{item.title or item.credential_id or 'An item'} does not count: {' '.join(item.reasons)}"
        for item in items
        if not item.counts
    )
    return StackResult(
        target=target,
        items=items,
        totals=StackTotals(
            ects_counted=ects_counted,
            ects_all=round(sum(item.ects or 0.0 for item in items), 2),
            ects_by_eqf_level=dict(sorted(by_level.items())),
        ),
        ects_missing=ects_missing,
        met=ects_missing == 0,
        missing=missing,
    )


def _reason(offer: Offer, target: StackTarget, ects: float, missing: float) -> str:
    where = []
    if target.field is not None:
        where.append(f"in field {offer.field_of_study}, within the target's {target.field}")
    if target.eqf_level is not None:
        where.append(f"at EQF {offer.eqf_level}")
    coverage = (
        f"{ects:g} of the {missing:g} ECTS missing"
        if ects <= missing
        else f"the {missing:g} ECTS missing ({ects:g} ECTS in all)"
    )
    return f"Would count: {', '.join(where) + ', ' if where else ''}it covers {coverage}."


def suggest(candidates: list[tuple[Offer, Institution]], target: StackTarget, missing: float) -> list[OfferSuggestion]:
    """The offers that best fill the gap, at most `MAX_SUGGESTIONS`, each with why (see the module docstring)."""
    if missing <= 0:
        return []
    usable = [(offer, institution) for offer, institution in candidates if offer.ects_equivalent]
    fitting = sorted((pair for pair in usable if (pair[0].ects_equivalent or 0) <= missing), key=_larger_first)
    larger = sorted((pair for pair in usable if (pair[0].ects_equivalent or 0) > missing), key=_smaller_first)
    return [
        OfferSuggestion(
            offer_id=offer.id,
            title=offer.title,
            provider=ProviderRef(
                id=institution.id, name=institution.name, country=institution.country, kind=institution.kind
            ),
            ects=offer.ects_equivalent or 0.0,
            eqf_level=offer.eqf_level,
            field_of_study=offer.field_of_study,
            participation=offer.participation,
            free_of_charge=offer.free_of_charge,
            reason=_reason(offer, target, offer.ects_equivalent or 0.0, missing),
        )
        for offer, institution in (fitting + larger)[:MAX_SUGGESTIONS]
    ]


def _larger_first(pair: tuple[Offer, Institution]) -> tuple[float, int]:
    return -(pair[0].ects_equivalent or 0.0), -(pair[0].seq or 0)


def _smaller_first(pair: tuple[Offer, Institution]) -> tuple[float, int]:
    return pair[0].ects_equivalent or 0.0, -(pair[0].seq or 0)
