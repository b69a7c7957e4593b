"""Skills from learning outcomes: one key per skill, the sources behind it, in a deterministic order.

A learning outcome is keyed by its ESCO URI when the document gives one (ESCO is the shared vocabulary, so the same
skill from an EDC and from an Open Badge meets under one key whatever their wording), otherwise by its text,
normalised (Unicode NFKC, case-folded, whitespace collapsed, trailing punctuation dropped) and prefixed `text:`.
Nothing is inferred: an outcome without a URI is never matched to an ESCO skill by its wording.

Pure functions over summaries: the wallet's profile (`wallet.skills.service`) and a share's profile (built from the
fields the share releases, `wallet.sharing.service.skills_profile_of`) both use them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from wallet.summary.model import LearningOutcome, Summary

ESCO_PREFIXES = ("http://data.europa.eu/esco/", "https://data.europa.eu/esco/")
TEXT_KEY_PREFIX = "text:"
_SPACES = re.compile(r"\s+")
_TRAILING = re.compile(r"[\s.;:,!]+$")

Source = TypeVar("Source", bound=Hashable)


def normalise_text(text: str) -> str:
    """`  Analyse test DATA. ` → `analyse test data`."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _TRAILING.sub("", _SPACES.sub(" ", folded).strip())


def esco_uri_of(outcome: LearningOutcome) -> str | None:
    """The outcome's ESCO URI as the document gives it, `https://data.europa.eu/esco/…` written in ESCO's canonical
    `http://` form (the two name the same concept)."""
    uri = (outcome.esco_uri or "").strip()
    if not uri:
        return None
    if uri.startswith(ESCO_PREFIXES):
        return "http://" + uri.split("://", 1)[1]
    return uri


def skill_key(outcome: LearningOutcome) -> tuple[str, str | None] | None:
    """The key of the skill an outcome names and its ESCO URI; None for an outcome with neither URI nor text."""
    uri = esco_uri_of(outcome)
    if uri is not None:
        return uri, uri
    text = normalise_text(outcome.text)
    return (TEXT_KEY_PREFIX + text, None) if text else None


def outcomes_of(summary: Summary) -> list[LearningOutcome]:
    """The credential's learning outcomes and those of its achievements (courses, units)."""
    return [*summary.learning_outcomes, *(o for a in summary.achievements for o in a.learning_outcomes)]


@dataclass
class Skill(Generic[Source]):
    key: str
    esco_uri: str | None
    label: str
    sources: list[Source] = field(default_factory=list)


def aggregate(summaries: Iterable[tuple[Source, Summary]]) -> list[Skill[Source]]:
    """One skill per key with the sources that carry it (each once, in the order given).

    The label is the wording the sources use most often (ties: the alphabetically first), so it does not depend on
    which credential came first. Skills are ordered by how many sources carry them, then by label, then by key.
    """
    sources: dict[str, list[Source]] = {}
    wordings: dict[str, Counter[str]] = {}
    uris: dict[str, str | None] = {}
    for source, summary in summaries:
        for outcome in outcomes_of(summary):
            keyed = skill_key(outcome)
            if keyed is None:
                continue
            key, uri = keyed
            uris[key] = uri
            wordings.setdefault(key, Counter())[_SPACES.sub(" ", outcome.text).strip() or key] += 1
            found = sources.setdefault(key, [])
            if source not in found:
                found.append(source)
    skills = [
        Skill(key=key, esco_uri=uris[key], label=_label(wordings[key]), sources=found) for key, found in sources.items()
    ]
    skills.sort(key=lambda skill: (-len(skill.sources), skill.label.casefold(), skill.key))
    return skills


def _label(wordings: Counter[str]) -> str:
    return min(wordings.items(), key=lambda item: (-item[1], item[0].casefold(), item[0]))[0]
