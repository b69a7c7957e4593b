"""The offers table.

An offer is one learning opportunity an institution publishes. Its Annex I elements and catalogue data are kept as
the request validated them (`details`); what search filters on is copied into columns at write time (EQF level,
ISCED-F field, form of participation, workload in ECTS, country, languages, free of charge), and so is the text it is
found by (`search_title`, `search_text`: case-folded, accents and punctuation removed).

`seq` is the primary key, an integer that only grows: SQLite's FTS5 index needs an integer row id (an
`INTEGER PRIMARY KEY` keeps its values through VACUUM, which may renumber a hidden rowid), and it is the catalogue's
stable order (newest first) and cursor. The public identifier is `id`, a UUID like every other object's.

Not modelled here, created by migration 0014 and kept out of autogenerate's compare (`alembic/env.py`): on SQLite
the external-content FTS5 table `offers_fts` over the two search columns and the triggers that keep it in step;
on PostgreSQL the generated `tsvector` columns `title_vector` and `document_vector` with their GIN indexes.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, Column, ForeignKey, Index, Integer, Text
from sqlmodel import Field, SQLModel

from core.clock import utcnow
from core.database import UTCDateTime
from core.ids import new_id
from wallet.models import PortableJSON

SEQUENCE_TYPE = BigInteger().with_variant(Integer(), "sqlite")
"""BIGINT on PostgreSQL (a BIGSERIAL); exactly `INTEGER` on SQLite, the only spelling that aliases the rowid."""
FTS_TABLE = "offers_fts"
SEARCH_VECTORS = ("title_vector", "document_vector")
"""The generated columns PostgreSQL searches (see the module docstring)."""
SEARCH_INDEXES = ("ix_offers_title_vector", "ix_offers_document_vector")


def modelled(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Alembic's `include_object`: False for the search objects migration 0014 makes by hand (the FTS5 table and its
    shadow tables, the tsvector columns and their GIN indexes), which autogenerate must neither drop nor report."""
    if type_ == "table" and name is not None and name.startswith(FTS_TABLE):
        return False
    if type_ == "column" and reflected and name in SEARCH_VECTORS:
        return False
    return not (type_ == "index" and reflected and name in SEARCH_INDEXES)


class OfferStatus(enum.StrEnum):
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


class Offer(SQLModel, table=True):
    __tablename__ = "offers"
    __table_args__ = (
        Index("ix_offers_institution_id_seq", "institution_id", "seq"),
        Index("ix_offers_country_seq", "country", "seq"),
        Index("ix_offers_field_broad_seq", "field_broad", "seq"),
        Index("ix_offers_field_narrow_seq", "field_narrow", "seq"),
        Index("ix_offers_field_of_study_seq", "field_of_study", "seq"),
        Index("ix_offers_eqf_level_seq", "eqf_level", "seq"),
        Index("ix_offers_provider_kind_seq", "provider_kind", "seq"),
        {"sqlite_autoincrement": True},
    )

    seq: int | None = Field(default=None, sa_column=Column(SEQUENCE_TYPE, primary_key=True, autoincrement=True))
    id: uuid.UUID = Field(default_factory=new_id, unique=True)
    institution_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("institutions.id", ondelete="CASCADE"), nullable=False)
    )
    status: str = Field(default=OfferStatus.PUBLISHED.value, max_length=16)
    """`published` (found by search) or `withdrawn` (seen by its institution only)."""
    title: str = Field(max_length=300)
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(PortableJSON, nullable=False))
    """Every other element of the offer, as `schemas.OfferCreate` validated it."""
    achievement_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(ForeignKey("achievement_definitions.id", ondelete="SET NULL"), nullable=True, index=True),
    )
    """The achievement definition (of the same institution) issued on completion."""
    # Copied from `details` (and the institution) at write time, for the search filters. Each filter is an equality
    # or a range on one column indexed with `seq`, so a page is a walk of one index in the catalogue's order.
    eqf_level: int | None = None
    field_of_study: str | None = Field(default=None, max_length=4)
    field_broad: str | None = Field(default=None, max_length=2)
    """The ISCED-F broad field (`06`) of `field_of_study`, and"""
    field_narrow: str | None = Field(default=None, max_length=3)
    """its narrow field (`061`), when it names one."""
    provider_kind: str = Field(max_length=32)
    """The institution's kind (set when it is onboarded; it has no update)."""
    participation: str | None = Field(default=None, max_length=16)
    ects_equivalent: float | None = None
    """The workload in ECTS: as stated, or converted from hours (`ects_basis` says how)."""
    ects_basis: str | None = Field(default=None, max_length=32)
    country: str | None = Field(default=None, max_length=2)
    """Where it takes place, else the institution's country."""
    language_codes: str = Field(default="", max_length=400)
    """`|en|fr|`: the languages it is taught in, each between bars, for a portable `LIKE '%|en|%'`."""
    free_of_charge: bool = False
    starts_on: date | None = None
    ends_on: date | None = None
    search_title: str = Field(sa_column=Column(Text, nullable=False))
    search_text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
