"""Finding published offers: the public search and the stack view's suggestions.

Order. Without words, newest first (`seq` descending). With words (`q`), every word must appear; offers with every
word in their title come first (tier 1), then the others (tier 2), newest first within each tier. This is a ranking
each page of which is one bounded walk of an index — FTS5's doclists or the row order, stopped after `limit` rows —
so a page costs about the same in a catalogue of a thousand offers as in one of a hundred thousand. Scoring every
match (bm25, `ts_rank`) costs in proportion to the number of matches: measured at 100,000 offers, about 12 ms for a
common word on SQLite against 0.1–1.6 ms for a tier (bench/offers.py).

Matching. The text is indexed in the form `search_form` gives it (case-folded, accents and punctuation removed; the
query gets the same), so both databases find the same offers: SQLite through the external-content FTS5 table
`offers_fts` (columns `search_title`, `search_text`), PostgreSQL through the generated `tsvector` columns
`title_vector` and `document_vector` (`'simple'` configuration, no stemming or stop words: offers are in every
language) with `plainto_tsquery`, each with a GIN index.

Cursor. Opaque: the tier and the last `seq` of the page, packed and base64url-encoded; the next page continues after
it. New offers get higher numbers, so they never shift a page being read.
"""

from __future__ import annotations

import base64
import binascii
import re
import struct
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, and_, column, func, literal_column, not_, select, table
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from core.accounts.models import Institution
from core.errors import InvalidInput
from recognition.offers.models import FTS_TABLE, Offer, OfferStatus
from recognition.offers.schemas import OfferSearch

_WORD = re.compile(r"[^\W_]+")
MAX_TERMS = 12
_CURSOR = struct.Struct(">BQ")
NO_TEXT, TITLE_TIER, TEXT_TIER = 0, 1, 2
_fts = table(FTS_TABLE, column("rowid", Integer))


def search_form(*texts: str | None) -> str:
    """Text as it is indexed and searched: case-folded, accents removed, words separated by single spaces."""
    words: list[str] = []
    for text in texts:
        if text:
            decomposed = unicodedata.normalize("NFKD", text.casefold())
            plain = "".join(char for char in decomposed if not unicodedata.combining(char))
            words.extend(_WORD.findall(plain))
    return " ".join(words)


def query_terms(q: str | None) -> list[str]:
    return list(dict.fromkeys(search_form(q).split()))[:MAX_TERMS]


def encode_cursor(tier: int, seq: int) -> str:
    return base64.urlsafe_b64encode(_CURSOR.pack(tier, seq)).rstrip(b"=").decode("ascii")


def decode_cursor(cursor: str, tiers: tuple[int, ...]) -> tuple[int, int]:
    try:
        tier, seq = _CURSOR.unpack(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, struct.error) as exc:
        raise InvalidInput("The cursor is not one this service issued.", code="invalid_cursor") from exc
    if tier not in tiers:
        raise InvalidInput("The cursor belongs to a search with other words.", code="invalid_cursor")
    return int(tier), int(seq)


def in_field(code: str) -> ColumnElement[bool]:
    """An ISCED-F code and the codes under it: a broad code (`06`) matches `06`, `061`, `0613` …"""
    column = {2: Offer.field_broad, 3: Offer.field_narrow}.get(len(code), Offer.field_of_study)
    return col(column) == code


def _filters(params: OfferSearch) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = [col(Offer.status) == OfferStatus.PUBLISHED.value]
    if params.field is not None:
        found.append(in_field(params.field))
    if params.eqf_level is not None:
        found.append(col(Offer.eqf_level) == params.eqf_level)
    if params.ects_min is not None:
        found.append(col(Offer.ects_equivalent) >= params.ects_min)
    if params.ects_max is not None:
        found.append(col(Offer.ects_equivalent) <= params.ects_max)
    if params.language is not None:
        found.append(col(Offer.language_codes).like(f"%|{params.language.lower()}|%"))
    if params.country is not None:
        found.append(col(Offer.country) == params.country.upper())
    if params.online is True:
        found.append(col(Offer.participation) == "online")
    elif params.online is False:
        found.append(col(Offer.participation).in_(("onsite", "blended")))
    if params.provider_kind is not None:
        found.append(col(Offer.provider_kind) == params.provider_kind.value)
    if params.free is not None:
        found.append(col(Offer.free_of_charge) == params.free)
    return found


@dataclass(frozen=True)
class Found:
    offer: Offer
    institution: Institution
    tier: int


def _base(filters: list[ColumnElement[bool]]) -> Select[Offer, Institution]:
    return (
        select(Offer, Institution).join(Institution, col(Institution.id) == col(Offer.institution_id)).where(*filters)
    )


def _fts_expression(terms: list[str], tier: int) -> str:
    # Terms are letters and digits only (search_form): quoting makes each a plain FTS5 string, never syntax.
    words = " ".join(f'"{term}"' for term in terms)
    in_title = f"{{search_title}} : ({words})"
    return in_title if tier == TITLE_TIER else f"({words}) NOT {in_title}"


def _tier_statement(
    dialect: str, terms: list[str], tier: int, filters: list[ColumnElement[bool]], after: int | None, limit: int
) -> Select[Offer, Institution]:
    statement = _base(filters)
    if dialect == "sqlite":
        # The FTS5 table drives the walk: it yields matches in rowid (= seq) order and stops at the LIMIT.
        statement = statement.join(_fts, _fts.c.rowid == col(Offer.seq)).where(
            literal_column(FTS_TABLE).op("MATCH")(_fts_expression(terms, tier))
        )
        order: Any = _fts.c.rowid
    else:
        query = func.plainto_tsquery("simple", " ".join(terms))
        in_title = literal_column("offers.title_vector").op("@@")(query)
        in_document = literal_column("offers.document_vector").op("@@")(query)
        statement = statement.where(in_title if tier == TITLE_TIER else and_(in_document, not_(in_title)))
        order = col(Offer.seq)
    if after is not None:
        statement = statement.where(order < after)
    return statement.order_by(order.desc()).limit(limit)


async def search(session: AsyncSession, params: OfferSearch) -> tuple[list[Found], str | None]:
    """One page of published offers matching the parameters, and the cursor of the next page."""
    filters = _filters(params)
    terms = query_terms(params.q)
    wanted = params.limit + 1
    found: list[Found] = []
    if not terms:
        after = decode_cursor(params.cursor, (NO_TEXT,))[1] if params.cursor else None
        statement = _base(filters)
        if after is not None:
            statement = statement.where(col(Offer.seq) < after)
        rows = await session.execute(statement.order_by(col(Offer.seq).desc()).limit(wanted))
        found = [Found(offer, institution, NO_TEXT) for offer, institution in rows]
    else:
        dialect = session.get_bind().dialect.name
        tier, after_seq = decode_cursor(params.cursor, (TITLE_TIER, TEXT_TIER)) if params.cursor else (TITLE_TIER, 0)
        for current in (TITLE_TIER, TEXT_TIER):
            if current < tier or len(found) >= wanted:
                continue
            statement = _tier_statement(
                dialect, terms, current, filters, (after_seq or None) if current == tier else None, wanted - len(found)
            )
            rows = await session.execute(statement)
            found.extend(Found(offer, institution, current) for offer, institution in rows)
    page = found[: params.limit]
    more = len(found) > params.limit
    return page, encode_cursor(page[-1].tier, page[-1].offer.seq or 0) if more and page else None


async def published(session: AsyncSession, offer_id: Any) -> Found | None:
    statement = _base([col(Offer.id) == offer_id, col(Offer.status) == OfferStatus.PUBLISHED.value])
    row = (await session.execute(statement)).first()
    return Found(row[0], row[1], NO_TEXT) if row else None


async def candidates(
    session: AsyncSession, *, field: str | None, eqf_level: int | None, limit: int
) -> list[tuple[Offer, Institution]]:
    """The newest published offers with a workload in `field` (a prefix) at or above `eqf_level`."""
    filters = [col(Offer.status) == OfferStatus.PUBLISHED.value, col(Offer.ects_equivalent) > 0]
    if field is not None:
        filters.append(in_field(field))
    if eqf_level is not None:
        filters.append(col(Offer.eqf_level) >= eqf_level)
    rows = await session.execute(_base(filters).order_by(col(Offer.seq).desc()).limit(limit))
    return [(offer, institution) for offer, institution in rows]
