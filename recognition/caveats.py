"""The recognition caveats in plain language: each standing caveat with a one-sentence explanation a non-specialist
understands. The caveats stay English in the domain (`recognition/schemas.py`, `recognition/cases/advisor.py`), and
every answer that states one carries its explanation as `caveat_explanation`; the API and page layer translates both
at render time (core/i18n.py, `api.i18n.localize_caveat`). `tests/test_i18n.py` checks that the texts
here are the caveats the domain states, word for word."""

from __future__ import annotations

from typing import Final

from core.i18n import N_

LEVEL_EXPLANATION: Final = N_(
    "Two qualifications at the same level are not automatically the same; only the authority that decides on "
    "recognition can say whether yours counts as equal."
)
"""Explains `recognition.schemas.CAVEAT` (comparisons and recognition packets)."""
STACK_EXPLANATION: Final = N_(
    "Adding up credits shows how close you are to a qualification, but only the institution that awards it "
    "decides whether your credentials can be combined."
)
"""Explains `recognition.schemas.STACK_CAVEAT` (stacking)."""
ADVICE_EXPLANATION: Final = N_(
    "This is a computer-made first suggestion; a person makes the decision and must explain any reason for saying no."
)
"""Explains `recognition.cases.advisor.CAVEAT` (the advisor's pre-assessment)."""

CAVEATS: Final[dict[str, str]] = {
    N_(
        "A level is one indicator of comparability, not an equivalence: qualifications at a comparable level can "
        "differ in workload, profile, learning outcomes and purpose, and only a competent recognition authority "
        "decides on recognition."
    ): LEVEL_EXPLANATION,
    N_(
        "Totals show how the credentials add up against the target; whether they may be combined into a "
        "qualification is decided by the institution awarding it."
    ): STACK_EXPLANATION,
    N_(
        "This pre-assessment is computed from the released data only. It suggests; the officer decides, names any "
        "substantial difference and gives reasons. A level read through the EQF is a comparable level, not an "
        "equivalence."
    ): ADVICE_EXPLANATION,
}
"""Each caveat (English, as the domain states it) with its plain-language explanation."""


def explanation_of(caveat: str) -> str | None:
    return CAVEATS.get(caveat)
