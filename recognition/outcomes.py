"""Which of a target qualification's learning outcomes the learner's credentials cover — by a method an officer
can read and check.

Method `esco-uri+weighted-term-overlap/1`:

1. The same ESCO URI on both sides is a match (score 1.0, basis `esco_uri`); a URI of one side among the other's
   `related` URIs, or a shared `related` URI, is a match at 0.9 (basis `related_uri`). URIs are compared without
   their scheme and trailing slash.
2. Otherwise the texts are compared: folded to lower case without accents, split into words, stripped of common
   function words (English, French, German, Spanish, Italian) and of outcome boilerplate ("able", "demonstrate",
   "knowledge" …), and each word cut to a light stem ("developing" → "develop"). Each stem is weighted by how rare
   it is across all the outcomes compared (smoothed inverse document frequency), and the score is the weighted
   Dice coefficient: twice the weight the two outcomes share over the weight of both.
3. Each target outcome takes its best-scoring offered outcome (the first one on a tie); it is covered when the
   score reaches the threshold. The answer lists every matched pair with its score and shared words, and for each
   uncovered target its nearest candidate, so near misses are visible.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field

METHOD = "esco-uri+weighted-term-overlap/1"
METHOD_DESCRIPTION = (
    "Outcomes naming the same ESCO skill match outright. Otherwise their wording is compared: common words are "
    "set aside, the remaining words are reduced to their stems, rarer words count more, and the score is the share "
    "of weighted words the two outcomes have in common (0 to 1)."
)
MATCH_THRESHOLD = 0.5
"""Paraphrases of one outcome share their content words and score above 0.5; outcomes on different subjects share
at most a generic word and score well below (see the tests)."""
MAX_TEXT = 2000
MAX_OUTCOMES = 500
RELATED_SCORE = 0.9

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "by",
        "can",
        "for",
        "from",
        "has",
        "have",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
        "within",
        "without",
        "which",
        "who",
        "whom",
        "whose",
        "how",
        "what",
        "when",
        "where",
        "why",
        "all",
        "any",
        "both",
        "each",
        "other",
        "such",
        "use",
        "using",
        "used",
        "through",
        "across",
        "about",
        "after",
        "before",
        "between",
        "during",
        "under",
        "over",
        "more",
        "most",
        "some",
        "than",
        "then",
        "these",
        "those",
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d",
        "l",
        "et",
        "ou",
        "en",
        "dans",
        "par",
        "pour",
        "sur",
        "avec",
        "sans",
        "au",
        "aux",
        "ce",
        "ces",
        "cette",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "est",
        "sont",
        "être",
        "qui",
        "que",
        "quoi",
        "dont",
        "der",
        "die",
        "das",
        "ein",
        "eine",
        "einer",
        "eines",
        "einem",
        "einen",
        "und",
        "oder",
        "in",
        "im",
        "mit",
        "von",
        "zu",
        "zum",
        "zur",
        "für",
        "auf",
        "aus",
        "bei",
        "dem",
        "den",
        "des",
        "ist",
        "sind",
        "werden",
        "wird",
        "sich",
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "unos",
        "unas",
        "y",
        "o",
        "en",
        "con",
        "por",
        "para",
        "del",
        "al",
        "es",
        "son",
        "se",
        "su",
        "sus",
        "que",
        "il",
        "lo",
        "gli",
        "le",
        "uno",
        "una",
        "e",
        "o",
        "di",
        "da",
        "in",
        "con",
        "per",
        "su",
        "del",
        "della",
        "dei",
        "degli",
        "delle",
        "al",
        "alla",
        "che",
        "è",
        "sono",
        "able",
        "ability",
        "abilities",
        "student",
        "students",
        "learner",
        "learners",
        "participant",
        "participants",
        "demonstrate",
        "demonstrates",
        "demonstrated",
        "understand",
        "understands",
        "understanding",
        "knowledge",
        "skill",
        "skills",
        "competence",
        "competences",
        "apply",
        "applies",
        "show",
        "shows",
        "basic",
        "basics",
        "various",
        "different",
        "relevant",
        "appropriate",
        "own",
        "new",
    ]
)
# Longest first: "communication" and "communicate" both become "commun", "creativity" and "create" "creat".
_SUFFIXES = tuple(
    sorted(
        (
            "ications",
            "ication",
            "icate",
            "ations",
            "ation",
            "ative",
            "ivity",
            "ments",
            "ment",
            "ities",
            "ity",
            "ings",
            "ing",
            "ions",
            "ion",
            "ness",
            "ates",
            "ate",
            "ies",
            "ive",
            "ed",
            "es",
            "al",
            "s",
            "e",
        ),
        key=len,
        reverse=True,
    )
)
_MIN_STEM = 4
_WORD = re.compile(r"[0-9a-z]+")


Basis = Literal["esco_uri", "related_uri", "text"]


@dataclass(frozen=True)
class OutcomeText:
    text: str
    esco_uri: str | None = None
    related: tuple[str, ...] = ()
    source: str | None = None
    """Where an offered outcome comes from (a credential's title), to show beside a match."""


class OutcomeMatch(BaseModel):
    target: str
    target_esco_uri: str | None
    matched: str
    matched_source: str | None
    score: float = Field(description="0 to 1, three decimals.")
    basis: Basis
    shared_terms: list[str] = Field(
        description="For text matches: the words both outcomes use, as the target has them."
    )


class UncoveredOutcome(BaseModel):
    target: str
    target_esco_uri: str | None
    nearest: str | None = Field(description="The best candidate below the threshold, if any shares a word.")
    nearest_score: float | None
    shared_terms: list[str]


class OutcomeCoverage(BaseModel):
    method: str = METHOD
    method_description: str = METHOD_DESCRIPTION
    threshold: float
    covered: list[OutcomeMatch]
    uncovered: list[UncoveredOutcome]
    coverage: float | None = Field(description="Covered targets over all targets; null when there are none.")


def _uri(value: str | None) -> str | None:
    if not value:
        return None
    return re.sub(r"^https?://", "", value.strip()).rstrip("/").casefold() or None


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def stem(word: str) -> str:
    """A light, conservative suffix stemmer: only cuts a suffix that leaves at least four letters."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def _terms(text: str) -> dict[str, str]:
    """Stem → the first surface word that gave it."""
    found: dict[str, str] = {}
    for word in _WORD.findall(_fold(text)):
        if word in STOP_WORDS or len(word) < 2:
            continue
        found.setdefault(stem(word), word)
    return found


def _check(outcomes: Sequence[OutcomeText], name: str) -> None:
    if len(outcomes) > MAX_OUTCOMES:
        raise ValueError(f"at most {MAX_OUTCOMES} {name} outcomes")
    for outcome in outcomes:
        if len(outcome.text) > MAX_TEXT:
            raise ValueError(f"an outcome text is at most {MAX_TEXT} characters")


def _uri_basis(target: OutcomeText, offered: OutcomeText) -> Literal["esco_uri", "related_uri"] | None:
    target_uri, offered_uri = _uri(target.esco_uri), _uri(offered.esco_uri)
    if target_uri and target_uri == offered_uri:
        return "esco_uri"
    target_related = {u for u in (_uri(r) for r in target.related) if u}
    offered_related = {u for u in (_uri(r) for r in offered.related) if u}
    if (target_uri and target_uri in offered_related) or (offered_uri and offered_uri in target_related):
        return "related_uri"
    if target_related & offered_related:
        return "related_uri"
    return None


def match_outcomes(
    targets: Sequence[OutcomeText], offered: Sequence[OutcomeText], *, threshold: float = MATCH_THRESHOLD
) -> OutcomeCoverage:
    """Match each target outcome to its best offered outcome; see the module docstring for the method."""
    _check(targets, "target")
    _check(offered, "offered")
    target_terms = [_terms(t.text) for t in targets]
    offered_terms = [_terms(o.text) for o in offered]
    frequency: Counter[str] = Counter(term for terms in (*target_terms, *offered_terms) for term in terms)
    documents = len(targets) + len(offered)
    weight = {term: math.log((1 + documents) / (1 + count)) + 1 for term, count in frequency.items()}
    covered: list[OutcomeMatch] = []
    uncovered: list[UncoveredOutcome] = []
    for target, terms in zip(targets, target_terms, strict=True):
        best: tuple[float, int, Basis, list[str]] | None = None
        for index, (candidate, candidate_terms) in enumerate(zip(offered, offered_terms, strict=True)):
            by_uri = _uri_basis(target, candidate)
            basis: Basis
            if by_uri is not None:
                basis = by_uri
                score, shared = (1.0 if basis == "esco_uri" else RELATED_SCORE), []
            else:
                basis = "text"
                common = [t for t in terms if t in candidate_terms]
                total = sum(weight[t] for t in terms) + sum(weight[t] for t in candidate_terms)
                score = 2 * sum(weight[t] for t in common) / total if total else 0.0
                shared = [terms[t] for t in common]
            if best is None or score > best[0]:
                best = (score, index, basis, shared)
        if best is not None and best[0] >= threshold:
            score, index, basis, shared = best
            covered.append(
                OutcomeMatch(
                    target=target.text,
                    target_esco_uri=target.esco_uri,
                    matched=offered[index].text,
                    matched_source=offered[index].source,
                    score=round(score, 3),
                    basis=basis,
                    shared_terms=shared,
                )
            )
        else:
            near = best if best is not None and best[0] > 0 else None
            uncovered.append(
                UncoveredOutcome(
                    target=target.text,
                    target_esco_uri=target.esco_uri,
                    nearest=offered[near[1]].text if near else None,
                    nearest_score=round(near[0], 3) if near else None,
                    shared_terms=near[3] if near else [],
                )
            )
    coverage = round(len(covered) / len(targets), 3) if targets else None
    return OutcomeCoverage(threshold=threshold, covered=covered, uncovered=uncovered, coverage=coverage)
