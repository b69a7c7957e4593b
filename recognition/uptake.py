"""Uptake statistics: how many offers are published, credentials issued, accepted, shared and recognised — by field,
level, country, provider kind and month — for authorities and the public, without personal data.

What is counted (each row one thing that happened, never a person):

    offers_published      offers in the catalogue that are published now (not withdrawn), by the month they were
                          created; country is where the offer takes place (else the provider's)
    credentials_issued    credentials issued through Passerelle (hosted issuing), revoked ones included
    credentials_accepted  inbox items the learner accepted into their wallet, by the month they accepted
    credentials_shared    credentials put into a share (one per credential per share), by the month of the share
    recognitions          current recognition decisions that recognise (full, partial, alternative, conditional)

Dimensions: `month` (UTC, `YYYY-MM`), `field` (ISCED-F 2013 broad field, the first two digits of the stated code),
`eqf_level` (1-8), `country` (ISO 3166-1 alpha-2: the issuer's, the provider's, or for recognitions the recognition
body's) and `provider_kind` (the institution's kind; `unknown` where Passerelle does not know the provider, e.g. an
uploaded credential). Anything not stated is `unknown`; nothing is guessed.

Disclosure control (the rule the answer states in `suppression`):

1. Only one-way tables are published — one dimension at a time, per measure — never a combination (field by country
   by month), so a rare combination is never a cell.
2. Every table lists a fixed set of rows that does not depend on the data: all broad fields, EQF levels 1-8, all
   provider kinds, every month from the first month with any activity to the current one, each with `unknown`.
   Countries are listed only when the country's count over all measures reaches the threshold; the rest are
   counted together under `other`. So a listed row never reveals that someone exists.
3. Primary suppression: a cell under the threshold (10) — zero included, so 0 and 1-9 look the same — is
   published as null (`<10` in CSV).
4. Complementary suppression: the published total minus a table's published cells must not give away the
   suppressed ones. While a table's suppressed cells add up to more than 0 and less than the threshold, the
   smallest published cell is suppressed too. So what a subtraction yields is either 0 or at least the threshold,
   spread over two or more cells.
5. A measure's total is published only when it reaches the threshold.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal
from xml.sax.saxutils import escape

from pydantic import BaseModel, Field
from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from core.accounts.models import Institution, InstitutionKind, RecognitionBody
from core.clock import utcnow
from recognition.cases.models import CaseDecision, Outcome
from recognition.offers.models import Offer, OfferStatus
from wallet.inbox.models import InboxItem
from wallet.issuing.models import AchievementDefinition, IssuedCredential
from wallet.models import Credential
from wallet.sharing.models import Share, ShareItem

THRESHOLD = 10
UNKNOWN = "unknown"
OTHER = "other"

Measure = Literal[
    "offers_published", "credentials_issued", "credentials_accepted", "credentials_shared", "recognitions"
]
Dimension = Literal["month", "field", "eqf_level", "country", "provider_kind"]
MEASURES: tuple[Measure, ...] = (
    "offers_published",
    "credentials_issued",
    "credentials_accepted",
    "credentials_shared",
    "recognitions",
)
DIMENSIONS: tuple[Dimension, ...] = ("month", "field", "eqf_level", "country", "provider_kind")
MEASURE_LABELS: dict[Measure, str] = {
    "offers_published": "Offers published",
    "credentials_issued": "Credentials issued",
    "credentials_accepted": "Credentials accepted",
    "credentials_shared": "Credentials shared",
    "recognitions": "Recognitions",
}
# ISCED-F 2013 broad fields (UNESCO Institute for Statistics, ISCED Fields of Education and Training 2013, Table 1);
# 99 "Field unknown" is counted as `unknown`.
BROAD_FIELDS: dict[str, str] = {
    "00": "Generic programmes and qualifications",
    "01": "Education",
    "02": "Arts and humanities",
    "03": "Social sciences, journalism and information",
    "04": "Business, administration and law",
    "05": "Natural sciences, mathematics and statistics",
    "06": "Information and Communication Technologies",
    "07": "Engineering, manufacturing and construction",
    "08": "Agriculture, forestry, fisheries and veterinary",
    "09": "Health and welfare",
    "10": "Services",
}
EQF_LEVELS = tuple(str(level) for level in range(1, 9))
RECOGNISING_OUTCOMES = (Outcome.FULL, Outcome.PARTIAL, Outcome.ALTERNATIVE, Outcome.CONDITIONAL)

SUPPRESSION_RULE = (
    f"Counts of things that happened, never of people, and no personal data. Only one dimension at a time is "
    f"published (no cross-tables). Rows are fixed in advance (every broad field, EQF level, provider kind and month "
    f"from the first activity to now; countries below {THRESHOLD} over all measures are counted together as "
    f"'{OTHER}'), so a row never shows that someone exists. A cell under {THRESHOLD}, zero included, is suppressed "
    f"(null; '<{THRESHOLD}' in CSV). When a table's suppressed cells add up to more than 0 and less than "
    f"{THRESHOLD}, its smallest published cells are suppressed as well, so the total minus the published cells "
    f"is either 0 or at least {THRESHOLD}. A total under {THRESHOLD} is suppressed."
)

_ISCED = re.compile(r"^\s*(\d{2})\d{0,2}\s*$")
_EQF = re.compile(r"^\s*(?:.*/)?([1-8])\s*$")
_COUNTRY = re.compile(r"^\s*([A-Za-z]{2})\s*$")
_KINDS = frozenset(kind.value for kind in InstitutionKind)


# Normalising what rows state into the dimensions' values; anything else is `unknown`.


def month_of(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m") if moment is not None else UNKNOWN


def broad_field(code: object) -> str:
    match = _ISCED.match(code) if isinstance(code, str) else None
    return match.group(1) if match and match.group(1) in BROAD_FIELDS else UNKNOWN


def eqf_level(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    match = _EQF.match(value) if isinstance(value, str) else None
    return match.group(1) if match else UNKNOWN


def eqf_of_levels(levels: object) -> str:
    """The EQF level a summary's `levels` state (the first EQF entry), or unknown."""
    if isinstance(levels, list):
        for level in levels:
            if isinstance(level, dict) and str(level.get("framework", "")).upper() == "EQF":
                return eqf_level(level.get("value"))
    return UNKNOWN


def country_code(value: object) -> str:
    match = _COUNTRY.match(value) if isinstance(value, str) else None
    return match.group(1).upper() if match else UNKNOWN


def issuer_country(issuer: object) -> str:
    return country_code(issuer.get("country")) if isinstance(issuer, dict) else UNKNOWN


def provider_kind(kind: object) -> str:
    return kind if isinstance(kind, str) and kind in _KINDS else UNKNOWN


@dataclass(frozen=True)
class Event:
    """One counted thing, by its dimensions."""

    month: str
    field: str
    eqf_level: str
    country: str
    provider_kind: str


@dataclass
class Tally:
    """The one-way counts of one measure (each dimension on its own) and its total; never a combination."""

    total: int = 0
    counts: dict[Dimension, Counter[str]] = field(default_factory=lambda: {d: Counter() for d in DIMENSIONS})

    def add(self, event: Event) -> None:
        self.total += 1
        for dimension in DIMENSIONS:
            self.counts[dimension][getattr(event, dimension)] += 1


# The queries: one per measure, read in pages of `PAGE` rows by primary key (only counters are kept, never rows).
# Pages rather than a server-side cursor: the read sessions may be in autocommit on a replica, where PostgreSQL
# opens no cursor outside a transaction.

PAGE = 5000


async def _rows(session: AsyncSession, statement: Select[*tuple[Any, ...]], key: Any) -> AsyncIterator[Sequence[Any]]:
    """The rows of `statement`, page by page in the order of `key` (a primary key column)."""
    last: Any = None
    while True:
        page = statement.add_columns(key).order_by(key).limit(PAGE)
        if last is not None:
            page = page.where(key > last)
        rows = (await session.execute(page)).all()
        for row in rows:
            yield tuple(row)[:-1]
        if len(rows) < PAGE:
            return
        last = rows[-1][-1]


async def _issued(session: AsyncSession) -> AsyncIterator[Event]:
    statement = (
        select(
            col(IssuedCredential.issued_at),
            col(AchievementDefinition.details),
            col(Institution.country),
            col(Institution.kind),
        )
        .join(AchievementDefinition, col(AchievementDefinition.id) == col(IssuedCredential.achievement_id))
        .join(Institution, col(Institution.id) == col(IssuedCredential.institution_id))
    )
    async for issued_at, stored, country, kind in _rows(session, statement, col(IssuedCredential.id)):
        details = stored if isinstance(stored, dict) else {}
        yield Event(
            month_of(issued_at),
            broad_field(details.get("field_of_study")),
            eqf_level(details.get("eqf_level")),
            country_code(country),
            provider_kind(kind),
        )


async def _accepted(session: AsyncSession) -> AsyncIterator[Event]:
    summary = col(InboxItem.summary)
    statement = (
        select(
            col(InboxItem.decided_at),
            summary["field_of_study"],
            summary["levels"],
            summary["issuer"],
            col(Institution.country),
            col(Institution.kind),
        )
        .outerjoin(Institution, col(Institution.id) == col(InboxItem.institution_id))
        .where(col(InboxItem.status) == "accepted")
    )
    async for decided_at, field_of_study, levels, issuer, country, kind in _rows(session, statement, col(InboxItem.id)):
        stated = issuer_country(issuer)
        yield Event(
            month_of(decided_at),
            broad_field(field_of_study),
            eqf_of_levels(levels),
            stated if stated != UNKNOWN else country_code(country),
            provider_kind(kind),
        )


async def _shared(session: AsyncSession) -> AsyncIterator[Event]:
    summary = col(Credential.summary)
    # The provider kind is known when the credential came from an institution's push (its inbox item).
    kind = (
        select(col(Institution.kind))
        .join(InboxItem, col(InboxItem.institution_id) == col(Institution.id))
        .where(col(InboxItem.credential_id) == col(Credential.id))
        .limit(1)
        .scalar_subquery()
    )
    statement = (
        select(col(Share.created_at), summary["field_of_study"], summary["levels"], summary["issuer"], kind)
        .select_from(ShareItem)
        .join(Share, col(Share.id) == col(ShareItem.share_id))
        .join(Credential, col(Credential.id) == col(ShareItem.credential_id))
    )
    async for created_at, field_of_study, levels, issuer, provider in _rows(session, statement, col(ShareItem.id)):
        yield Event(
            month_of(created_at),
            broad_field(field_of_study),
            eqf_of_levels(levels),
            issuer_country(issuer),
            provider_kind(provider),
        )


async def _recognised(session: AsyncSession) -> AsyncIterator[Event]:
    statement = (
        select(
            col(CaseDecision.decided_at),
            col(CaseDecision.field_of_study),
            col(CaseDecision.eqf_level),
            col(RecognitionBody.country),
        )
        .join(RecognitionBody, col(RecognitionBody.id) == col(CaseDecision.body_id))
        .where(
            col(CaseDecision.superseded_at).is_(None),
            col(CaseDecision.outcome).in_([outcome.value for outcome in RECOGNISING_OUTCOMES]),
        )
    )
    async for decided_at, field_of_study, level, country in _rows(session, statement, col(CaseDecision.id)):
        yield Event(month_of(decided_at), broad_field(field_of_study), eqf_level(level), country_code(country), UNKNOWN)


async def _offers(session: AsyncSession) -> AsyncIterator[Event]:
    # The offer keeps its institution's kind (`Offer.provider_kind`, copied when it is written).
    statement = select(
        col(Offer.created_at),
        col(Offer.field_of_study),
        col(Offer.eqf_level),
        col(Offer.country),
        col(Offer.provider_kind),
    ).where(col(Offer.status) == OfferStatus.PUBLISHED.value)
    async for created_at, field_of_study, level, country, kind in _rows(session, statement, col(Offer.seq)):
        yield Event(
            month_of(created_at),
            broad_field(field_of_study),
            eqf_level(level),
            country_code(country),
            provider_kind(kind),
        )


async def tally(session: AsyncSession) -> dict[Measure, Tally]:
    """The raw one-way counts of every measure (never published as they are: see `publish`)."""
    sources = {
        "offers_published": _offers,
        "credentials_issued": _issued,
        "credentials_accepted": _accepted,
        "credentials_shared": _shared,
        "recognitions": _recognised,
    }
    tallies: dict[Measure, Tally] = {}
    for measure in MEASURES:
        counted = tallies[measure] = Tally()
        async for event in sources[measure](session):
            counted.add(event)
    return tallies


# Publishing: fixed rows, primary and complementary suppression.


class Cell(BaseModel):
    value: str = Field(description="The row: a month, a broad-field code, an EQF level, a country, a provider kind.")
    label: str
    count: int | None = Field(description=f"Null when suppressed (under {THRESHOLD}, or to protect such a cell).")


class MeasureStatistics(BaseModel):
    measure: Measure
    label: str
    total: int | None = Field(description=f"Null when under {THRESHOLD}.")
    breakdowns: dict[Dimension, list[Cell]] = Field(description="One table per dimension, each on its own.")


class UptakeStatistics(BaseModel):
    """Aggregated uptake counts; no personal data; small cells suppressed (see `suppression`)."""

    generated_at: datetime
    threshold: int = Field(description="Cells under this count are not published.")
    suppression: str = Field(description="The disclosure-control rule these figures follow.")
    measures: list[MeasureStatistics]


def _months(first: str | None, last: str) -> list[str]:
    if first is None or first > last:
        return [last]
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def rows(tallies: dict[Measure, Tally], now: datetime, threshold: int) -> dict[Dimension, list[tuple[str, str]]]:
    """The rows every table lists, (value, label), fixed by the rules above rather than by who is in the data."""
    seen_months = [m for t in tallies.values() for m, n in t.counts["month"].items() if n and m != UNKNOWN]
    countries: Counter[str] = Counter()
    for counted in tallies.values():
        countries.update(counted.counts["country"])
    listed = sorted(c for c, n in countries.items() if c not in (UNKNOWN, OTHER) and n >= threshold)
    return {
        "month": [(m, m) for m in _months(min(seen_months, default=None), month_of(now))] + [(UNKNOWN, "Unknown")],
        "field": [(code, f"{code} {label}") for code, label in BROAD_FIELDS.items()] + [(UNKNOWN, "Field unknown")],
        "eqf_level": [(level, f"EQF level {level}") for level in EQF_LEVELS] + [(UNKNOWN, "No EQF level stated")],
        "country": [(c, c) for c in listed] + [(OTHER, "Other countries"), (UNKNOWN, "Country unknown")],
        "provider_kind": [(k.value, k.value.replace("_", " ")) for k in InstitutionKind] + [(UNKNOWN, "Unknown")],
    }


def suppress(counts: Sequence[int], threshold: int) -> list[bool]:
    """Which cells of one table to suppress: those under `threshold`, then the smallest others until the suppressed
    cells add up to 0 or to at least `threshold` (so subtracting from the total cannot single any out)."""
    hidden = [count < threshold for count in counts]
    while 0 < sum(c for c, h in zip(counts, hidden, strict=True) if h) < threshold and not all(hidden):
        smallest = min((i for i, h in enumerate(hidden) if not h), key=lambda i: (counts[i], i))
        hidden[smallest] = True
    return hidden


def publish(tallies: dict[Measure, Tally], *, now: datetime, threshold: int = THRESHOLD) -> UptakeStatistics:
    """The publishable statistics of `tallies`: fixed rows, small cells suppressed."""
    table_rows = rows(tallies, now, threshold)
    listed_countries = {value for value, _ in table_rows["country"]}
    measures = []
    for measure in MEASURES:
        counted = tallies[measure]
        breakdowns: dict[Dimension, list[Cell]] = {}
        for dimension in DIMENSIONS:
            counts = counted.counts[dimension]
            if dimension == "country":
                folded: Counter[str] = Counter()
                for country, n in counts.items():
                    folded[country if country in listed_countries else OTHER] += n
                counts = folded
            values = [counts.get(value, 0) for value, _ in table_rows[dimension]]
            hidden = suppress(values, threshold)
            breakdowns[dimension] = [
                Cell(value=value, label=label, count=None if h else n)
                for (value, label), n, h in zip(table_rows[dimension], values, hidden, strict=True)
            ]
        measures.append(
            MeasureStatistics(
                measure=measure,
                label=MEASURE_LABELS[measure],
                total=counted.total if counted.total >= threshold else None,
                breakdowns=breakdowns,
            )
        )
    return UptakeStatistics(generated_at=now, threshold=threshold, suppression=SUPPRESSION_RULE, measures=measures)


async def uptake_statistics(session: AsyncSession, *, threshold: int = THRESHOLD) -> UptakeStatistics:
    """The uptake statistics as published: counted now, small cells suppressed."""
    return publish(await tally(session), now=utcnow(), threshold=threshold)


# Renderings: CSV and an accessible SVG chart.

CSV_COLUMNS = ("measure", "dimension", "value", "label", "count")


def to_csv(statistics: UptakeStatistics) -> str:
    """One line per cell (and one `total` line per measure); a suppressed count is written `<threshold`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    hidden = f"<{statistics.threshold}"
    for measure in statistics.measures:
        total = hidden if measure.total is None else measure.total
        writer.writerow((measure.measure, "total", "total", measure.label, total))
        for dimension, cells in measure.breakdowns.items():
            for cell in cells:
                writer.writerow(
                    (measure.measure, dimension, cell.value, cell.label, hidden if cell.count is None else cell.count)
                )
    return buffer.getvalue()


# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
_COLOURS: dict[Measure, str] = {
    "offers_published": "#0072B2",
    "credentials_issued": "#E69F00",
    "credentials_accepted": "#009E73",
    "credentials_shared": "#CC79A7",
    "recognitions": "#56B4E9",
}


def to_svg(statistics: UptakeStatistics, *, months: int = 12) -> str:
    """A bar chart of each measure per month (the last `months` months), with a `<title>`, a `<desc>` that states
    every figure in words, a legend, and a `<title>` on each bar. Suppressed cells are drawn as an outlined stub
    marked `<10`, never as a bar of a guessed height."""
    by_measure = {m.measure: {c.value: c.count for c in m.breakdowns["month"]} for m in statistics.measures}
    shown = [c.value for c in statistics.measures[0].breakdowns["month"] if c.value != UNKNOWN][-months:]
    top = max([n for counts in by_measure.values() for m, n in counts.items() if m in shown and n], default=0)
    scale_max = max(top, statistics.threshold * 2)
    width, height, left, bottom, top_margin = 120 + 110 * len(shown), 360, 60, 60, 40
    plot = height - bottom - top_margin
    bar = 16
    hidden = f"<{statistics.threshold}"
    title = "Uptake of micro-credentials per month"
    descriptions = []
    for measure in statistics.measures:
        figures = ", ".join(
            f"{month}: {hidden if by_measure[measure.measure][month] is None else by_measure[measure.measure][month]}"
            for month in shown
        )
        descriptions.append(f"{measure.label} — {figures}.")
    desc = (
        f"Counts per month for {len(statistics.measures)} measures. " + " ".join(descriptions) + " Cells under "
        f"{statistics.threshold} are suppressed and drawn as outlined stubs marked {hidden}."
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title chart-desc" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(desc)}</desc>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
        f'<line x1="{left}" y1="{top_margin + plot}" x2="{width - 20}" y2="{top_margin + plot}" stroke="#333333"/>',
        f'<text x="{left - 8}" y="{top_margin + 4}" text-anchor="end">{scale_max}</text>',
        f'<text x="{left - 8}" y="{top_margin + plot}" text-anchor="end">0</text>',
    ]
    for index, month in enumerate(shown):
        x0 = left + 20 + index * 110
        parts.append(f'<g aria-label="{escape(month)}">')
        for position, measure in enumerate(statistics.measures):
            count = by_measure[measure.measure][month]
            x = x0 + position * bar
            label = f"{measure.label}, {month}: {hidden if count is None else count}"
            if count is None:
                stub = 12
                y = top_margin + plot - stub
                parts.append(
                    f'<rect x="{x}" y="{y}" width="{bar - 2}" height="{stub}" fill="none" '
                    f'stroke="{_COLOURS[measure.measure]}" stroke-dasharray="2 2"><title>{escape(label)}</title></rect>'
                )
            else:
                size = round(plot * count / scale_max, 1)
                parts.append(
                    f'<rect x="{x}" y="{top_margin + plot - size}" width="{bar - 2}" height="{size}" '
                    f'fill="{_COLOURS[measure.measure]}"><title>{escape(label)}</title></rect>'
                )
        parts.append(f'<text x="{x0 + 40}" y="{top_margin + plot + 16}" text-anchor="middle">{escape(month)}</text>')
        parts.append("</g>")
    for position, measure in enumerate(statistics.measures):
        y = height - 30 + (position // 3) * 14
        x = left + (position % 3) * 190
        parts.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{_COLOURS[measure.measure]}"/>')
        parts.append(f'<text x="{x + 14}" y="{y}">{escape(measure.label)}</text>')
    parts.append(f'<text x="{width - 20}" y="{top_margin - 16}" text-anchor="end">{escape(hidden)}: suppressed</text>')
    parts.append("</svg>")
    return "\n".join(parts)
