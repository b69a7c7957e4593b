"""Recognition tables: frameworks and their levels, credit rules, grading tables, and the audit trail of changes.

Frameworks, levels and shipped credit rules come from `recognition/data` through `passerelle seed` (natural keys:
a framework's `key`; a level's framework and `label`; a credit rule's `system` and `scope`). `seed_hash` is the
hash of the data-file row last applied, so a re-run changes nothing and an administrator's correction survives until
the shipped row itself changes. Every change — by the seed, an administrator or an institution — is written to
`recognition_changes` with who, when, what and why.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, ForeignKey, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from core.clock import utcnow
from core.database import UTCDateTime
from core.ids import new_id
from wallet.models import PortableJSON

SHIPPED_SCOPE = "shipped"
"""`CreditRule.scope` of the rules in the data files; an institution's own rules carry its id instead."""


class Framework(SQLModel, table=True):
    """A qualifications framework: the EQF and the QF-EHEA (`kind` = `meta`) or a national or regional one."""

    __tablename__ = "recognition_frameworks"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    key: str = Field(max_length=40, unique=True)
    """Stable identifier used in URLs: `IE-NFQ`, `GB-SCT-SCQF`, `EQF`."""
    code: str = Field(max_length=40)
    """The framework's usual short name: `NFQ`, `SCQF`, `DQR`."""
    kind: str = Field(max_length=16)
    country: str | None = Field(default=None, max_length=2)
    """ISO 3166-1 alpha-2; none for the European meta-frameworks."""
    jurisdictions: list[str] = Field(default_factory=list, sa_column=Column(PortableJSON, nullable=False))
    """ISO 3166-1 or 3166-2 codes the framework covers (`GB-ENG`, `GB-NIR`; `BE-VLG`)."""
    name_original: str = Field(max_length=300)
    name_english: str = Field(max_length=300)
    language: str = Field(max_length=16)
    legacy: bool = False
    eqf_referencing: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    position: int = 0
    source_url: str = Field(sa_column=Column(Text, nullable=False))
    as_of: date
    status: str = Field(max_length=16)
    seed_hash: str | None = Field(default=None, max_length=64)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class FrameworkLevel(SQLModel, table=True):
    """One level of a framework, with its EQF level(s), QF-EHEA cycle, examples and provenance.

    `eqf_levels` is empty for a level below EQF 1 ("no EQF level"), has one element normally, and two when the level
    alone does not decide (French legacy level I: EQF 7 or 8), in which case `decided_by` says what does.
    """

    __tablename__ = "recognition_levels"
    __table_args__ = (UniqueConstraint("framework_id", "label"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    framework_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("recognition_frameworks.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    label: str = Field(max_length=40)
    position: int = 0
    aliases: list[str] = Field(default_factory=list, sa_column=Column(PortableJSON, nullable=False))
    eqf_levels: list[int] = Field(default_factory=list, sa_column=Column(PortableJSON, nullable=False))
    decided_by: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    qf_ehea_cycle: str | None = Field(default=None, max_length=16)
    typical_ects: str | None = Field(default=None, max_length=100)
    descriptors: dict[str, str] = Field(default_factory=dict, sa_column=Column(PortableJSON, nullable=False))
    examples: list[str] = Field(default_factory=list, sa_column=Column(PortableJSON, nullable=False))
    note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    source_url: str = Field(sa_column=Column(Text, nullable=False))
    as_of: date
    status: str = Field(max_length=16)
    seed_hash: str | None = Field(default=None, max_length=64)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CreditRule(SQLModel, table=True):
    """`from_units` credits of `system` are `ects` ECTS credits. Shipped (`scope` = `shipped`) or an institution's
    own rule (`scope` = the institution's id), which wins over the shipped one when that institution's policy is
    asked for."""

    __tablename__ = "recognition_credit_rules"
    __table_args__ = (UniqueConstraint("system", "scope"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    system: str = Field(max_length=40)
    scope: str = Field(max_length=64)
    institution_id: uuid.UUID | None = Field(default=None, index=True)
    name: str = Field(max_length=200)
    aliases: list[str] = Field(default_factory=list, sa_column=Column(PortableJSON, nullable=False))
    from_units: float
    ects: float
    hours_per_unit: float | None = None
    basis: str = Field(max_length=24)
    note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    source_url: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    as_of: date
    status: str = Field(max_length=24)
    seed_hash: str | None = Field(default=None, max_length=64)
    created_by: uuid.UUID | None = None
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class GradingTable(SQLModel, table=True):
    """An institution's grade distribution for one reference group (ISCED-F field and cycle), as EGRACONS keeps
    them: counts of passing grades over 2–3 years, best grade first."""

    __tablename__ = "recognition_grading_tables"
    __table_args__ = (Index("ix_recognition_grading_tables_reference_group", "isced_f", "cycle"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    institution_id: uuid.UUID = Field(index=True)
    institution_name: str = Field(max_length=200)
    scale: str = Field(max_length=100)
    isced_f: str = Field(max_length=4)
    cycle: str = Field(max_length=16)
    years: list[int] = Field(default_factory=list, sa_column=Column(PortableJSON, nullable=False))
    grades: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(PortableJSON, nullable=False))
    source_note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_by: uuid.UUID | None = None
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class RecognitionChange(SQLModel, table=True):
    """The audit trail: who changed which row of the recognition data, when, from what to what, and why."""

    __tablename__ = "recognition_changes"
    __table_args__ = (Index("ix_recognition_changes_entity_entity_id", "entity", "entity_id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    actor_id: uuid.UUID | None = None
    """The administrator's user id or the institution client's id; none for the seed."""
    actor_role: str = Field(max_length=16)
    """`admin`, `institution` or `seed`."""
    entity: str = Field(max_length=32)
    """`framework`, `level`, `credit_rule` or `grading_table`."""
    entity_id: uuid.UUID
    entity_key: str = Field(max_length=200)
    """The row's natural key, readable in the trail: `IE-NFQ 8`, `UK (shipped)`."""
    action: str = Field(max_length=16)
    """`create`, `update` or `delete`."""
    old_values: dict[str, Any] = Field(default_factory=dict, sa_column=Column(PortableJSON, nullable=False))
    new_values: dict[str, Any] = Field(default_factory=dict, sa_column=Column(PortableJSON, nullable=False))
    reason: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
