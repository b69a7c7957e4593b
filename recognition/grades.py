"""Grade conversion by percentile-band overlap, as EGRACONS does it.

A grading table counts how often each passing grade was awarded in a reference group (same ISCED-F field and
cycle) over a few years, best grade first. Stacked from the best grade down, each grade covers a band of the
cumulative distribution: with 10 % of passes at grade A and 25 % at B, A covers 0-10 % and B 10-35 %. A foreign grade
is converted to the home grade whose band overlaps the foreign grade's band most; every overlapping home grade is
shown with its share, and the answer is a suggestion — the home institution's examination board makes it official.

The arithmetic is exact (fractions); percentages are rounded only for display.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from recognition.errors import GradeNotInTable, InvalidGradingTable
from recognition.schemas import GradeBand, HomeBand

METHOD = (
    "EGRACONS-style percentile-band overlap: each grade covers the band of the cumulative distribution of passing "
    "grades it was awarded in (best grade first); the suggested home grade is the one whose band overlaps the "
    "foreign grade's band most."
)
HUNDRED = Fraction(100)


@dataclass(frozen=True)
class Band:
    grade: str
    count: int
    lower: Fraction
    """Cumulative share of better grades, 0-1."""
    upper: Fraction

    @property
    def width(self) -> Fraction:
        return self.upper - self.lower

    def public(self) -> GradeBand:
        return GradeBand(
            grade=self.grade,
            count=self.count,
            percent=_percent(self.width),
            from_percent=_percent(self.lower),
            to_percent=_percent(self.upper),
        )


def _percent(share: Fraction) -> float:
    return round(float(share * HUNDRED), 2)


def bands(grades: list[tuple[str, int]]) -> list[Band]:
    """The bands of a table given best grade first."""
    names = [grade for grade, _ in grades]
    total = sum(count for _, count in grades)
    if len(set(names)) != len(names) or total <= 0 or any(count < 0 for _, count in grades):
        raise InvalidGradingTable()
    result: list[Band] = []
    below = 0
    for grade, count in grades:
        result.append(Band(grade, count, Fraction(below, total), Fraction(below + count, total)))
        below += count
    return result


@dataclass(frozen=True)
class Conversion:
    foreign: Band
    home: list[HomeBand]
    suggested: list[str]


def convert(grade: str, foreign: list[tuple[str, int]], home: list[tuple[str, int]]) -> Conversion:
    """The home grade(s) whose band overlaps the foreign grade's band most, with every overlapping band."""
    foreign_bands = bands(foreign)
    home_bands = bands(home)
    wanted = grade.strip().casefold()
    band = next((b for b in foreign_bands if b.grade.casefold() == wanted), None)
    if band is None:
        raise GradeNotInTable(grade, (b.grade for b in foreign_bands))
    overlaps: list[tuple[Band, Fraction]] = []
    if band.width == 0:
        # A grade never awarded in the period has no band, only a position: the home band holding that point.
        point = band.lower
        holder = next((b for b in home_bands if b.lower <= point < b.upper), home_bands[-1])
        overlaps = [(holder, Fraction(0))]
        best: list[Band] = [holder]
    else:
        for home_band in home_bands:
            shared = min(band.upper, home_band.upper) - max(band.lower, home_band.lower)
            if shared > 0:
                overlaps.append((home_band, shared))
        most = max(shared for _, shared in overlaps)
        best = [home_band for home_band, shared in overlaps if shared == most]
    return Conversion(
        foreign=band,
        home=[
            HomeBand(
                **home_band.public().model_dump(),
                overlap_percent=_percent(shared),
                share_of_foreign_band=round(float(shared / band.width), 4) if band.width else 0.0,
            )
            for home_band, shared in overlaps
        ],
        suggested=[b.grade for b in best],
    )
