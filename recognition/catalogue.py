"""The in-memory read model of the frameworks data: frameworks, levels and credit rules, held by each process.

Reads (compare, frameworks, conversions) never touch the database: they look up an immutable `Catalogue`, and the
compare answers are memoised as JSON bytes on it. A change replaces the whole snapshot:

- **In this process, at once.** A service that changes frameworks data calls `CatalogueHolder.stage(session)` after
  its writes: the new snapshot is built from the same (uncommitted) session and swapped in by a session event when
  — and only if — the transaction commits. A request that changed a level answers the new value on the next request.
- **Other processes, within `POLL_SECONDS`.** Every change writes a row to the audit trail (`recognition_changes`,
  ids are time-ordered UUIDv7), and the snapshot remembers the newest id it saw (`version`). Each serving process
  polls the newest id (one indexed read) and reloads when it differs — this covers other API instances, `passerelle
  seed` run against a live database, and a replica catching up.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import structlog
from sqlalchemy import event, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session
from sqlmodel import col

from core.errors import InvalidInput
from recognition.errors import FrameworkRequired, UnknownCountry, UnknownFramework, UnknownLevel
from recognition.models import SHIPPED_SCOPE, CreditRule, Framework, FrameworkLevel, RecognitionChange
from recognition.schemas import CreditRulePublic, FrameworkPublic, LevelPublic

log = structlog.get_logger("passerelle.recognition")

DATA_DIR = Path(__file__).resolve().parent / "data"
POLL_SECONDS = 15.0
MEMO_MAX_ENTRIES = 4096
COUNTRY_ALIASES = {"UK": "GB", "EL": "GR"}
"""Codes people use that are not ISO 3166-1: the United Kingdom, and Greece as the EU writes it."""
_PENDING = "passerelle_recognition_catalogue"
_SEPARATORS = re.compile(r"[\s_\-]+")


def compact(text: str) -> str:
    """The form names are compared in: case-folded, without spaces, hyphens or underscores (`Entry 1` = `entry1`)."""
    return _SEPARATORS.sub("", text.strip()).casefold()


def country_code(text: str) -> str:
    code = text.strip().upper().replace("_", "-")
    return COUNTRY_ALIASES.get(code, code)


@dataclass(frozen=True, slots=True)
class LevelEntry:
    id: uuid.UUID
    framework_key: str
    label: str
    eqf_levels: tuple[int, ...]
    decided_by: str | None
    public: LevelPublic
    names: tuple[str, ...]
    """`label` and its aliases, compacted."""


@dataclass(frozen=True, slots=True)
class FrameworkEntry:
    id: uuid.UUID
    key: str
    code: str
    kind: str
    country: str | None
    jurisdictions: tuple[str, ...]
    legacy: bool
    public: FrameworkPublic
    levels: tuple[LevelEntry, ...]
    _index: Mapping[str, LevelEntry] = field(repr=False)

    def find_level(self, label: str) -> LevelEntry:
        found = self._index.get(compact(label))
        if found is None:
            raise UnknownLevel(label, self.key, (level.label for level in self.levels))
        return found

    def levels_at(self, eqf_level: int) -> list[LevelEntry]:
        return [level for level in self.levels if eqf_level in level.eqf_levels]


@dataclass(frozen=True, slots=True)
class CreditRuleEntry:
    id: uuid.UUID
    system: str
    institution_id: uuid.UUID | None
    from_units: float
    ects: float
    public: CreditRulePublic
    names: tuple[str, ...]

    def convert(self, value: float) -> float:
        return round(value * self.ects / self.from_units, 2)


def _number(value: float) -> str:
    return f"{value:g}"


def level_entry(row: FrameworkLevel, framework_key: str) -> LevelEntry:
    public = LevelPublic(
        id=row.id,
        framework=framework_key,
        label=row.label,
        aliases=list(row.aliases),
        eqf_levels=list(row.eqf_levels),
        decided_by=row.decided_by,
        qf_ehea_cycle=cast(Any, row.qf_ehea_cycle),
        typical_ects=row.typical_ects,
        descriptors=dict(row.descriptors) or None,
        examples=list(row.examples),
        note=row.note,
        source_url=row.source_url,
        as_of=row.as_of,
        status=cast(Any, row.status),
    )
    names = tuple(dict.fromkeys(compact(name) for name in (row.label, *row.aliases)))
    return LevelEntry(row.id, framework_key, row.label, tuple(row.eqf_levels), row.decided_by, public, names)


def _framework_entry(row: Framework, levels: list[FrameworkLevel]) -> FrameworkEntry:
    entries = tuple(level_entry(level, row.key) for level in levels)
    index: dict[str, LevelEntry] = {}
    for entry in entries:  # labels win over aliases: index labels first
        index.setdefault(compact(entry.label), entry)
    for entry in entries:
        for name in entry.names:
            index.setdefault(name, entry)
    public = FrameworkPublic(
        key=row.key,
        code=row.code,
        kind=cast(Any, row.kind),
        country=row.country,
        jurisdictions=list(row.jurisdictions),
        name_original=row.name_original,
        name_english=row.name_english,
        language=row.language,
        legacy=row.legacy,
        eqf_referencing=row.eqf_referencing,
        note=row.note,
        source_url=row.source_url,
        as_of=row.as_of,
        status=cast(Any, row.status),
        level_count=len(entries),
    )
    return FrameworkEntry(
        row.id, row.key, row.code, row.kind, row.country, tuple(row.jurisdictions), row.legacy, public, entries, index
    )


def rule_public(row: CreditRule) -> CreditRulePublic:
    return CreditRulePublic(
        id=row.id,
        system=row.system,
        scope="shipped" if row.scope == SHIPPED_SCOPE else "institution",
        institution_id=row.institution_id,
        name=row.name,
        aliases=list(row.aliases),
        from_units=row.from_units,
        ects=row.ects,
        formula=f"{_number(row.from_units)} {row.system} = {_number(row.ects)} ECTS",
        hours_per_unit=row.hours_per_unit,
        basis=cast(Any, row.basis),
        note=row.note,
        source_url=row.source_url,
        as_of=row.as_of,
        status=cast(Any, row.status),
    )


def _rule_entry(row: CreditRule) -> CreditRuleEntry:
    names = tuple(dict.fromkeys(compact(name) for name in (row.system, row.name, *row.aliases)))
    return CreditRuleEntry(row.id, row.system, row.institution_id, row.from_units, row.ects, rule_public(row), names)


def _index_rules(entries: Iterable[CreditRuleEntry]) -> dict[str, CreditRuleEntry]:
    index: dict[str, CreditRuleEntry] = {}
    ordered = list(entries)
    for entry in ordered:  # system codes win over names and aliases
        index.setdefault(compact(entry.system), entry)
    for entry in ordered:
        for name in entry.names:
            index.setdefault(name, entry)
    return index


class Catalogue:
    """One immutable snapshot of the frameworks data, with lookups and a memo of rendered answers."""

    def __init__(
        self,
        frameworks: list[Framework],
        levels: list[FrameworkLevel],
        rules: list[CreditRule],
        *,
        version: uuid.UUID | None,
    ) -> None:
        self.version = version
        by_framework: dict[uuid.UUID, list[FrameworkLevel]] = {}
        for level in sorted(levels, key=lambda row: row.position):
            by_framework.setdefault(level.framework_id, []).append(level)
        ordered = sorted(frameworks, key=lambda row: (row.position, row.key))
        self.frameworks: dict[str, FrameworkEntry] = {
            row.key: _framework_entry(row, by_framework.get(row.id, [])) for row in ordered
        }
        self.levels_by_id: dict[uuid.UUID, LevelEntry] = {
            level.id: level for entry in self.frameworks.values() for level in entry.levels
        }
        self.by_jurisdiction: dict[str, list[FrameworkEntry]] = {}
        for entry in self.frameworks.values():
            if entry.kind != "national":
                continue
            for code in dict.fromkeys((entry.country or "", *entry.jurisdictions)):
                if code:
                    self.by_jurisdiction.setdefault(code, []).append(entry)
        self.eqf = self.frameworks.get("EQF")
        self.qf_ehea = self.frameworks.get("QF-EHEA")
        shipped = [_rule_entry(rule) for rule in rules if rule.scope == SHIPPED_SCOPE]
        self.shipped_rules = _index_rules(sorted(shipped, key=lambda entry: entry.system))
        self.rules_by_id: dict[uuid.UUID, CreditRuleEntry] = {entry.id: entry for entry in shipped}
        own: dict[uuid.UUID, list[CreditRuleEntry]] = {}
        for rule in rules:
            if rule.scope != SHIPPED_SCOPE and rule.institution_id is not None:
                rule_entry = _rule_entry(rule)
                own.setdefault(rule.institution_id, []).append(rule_entry)
                self.rules_by_id[rule_entry.id] = rule_entry
        self.institution_rules = {institution: _index_rules(entries) for institution, entries in own.items()}
        self.memo: dict[Any, bytes] = {}

    # ----------------------------------------------------------------------------------------------- lookups

    @property
    def countries(self) -> list[str]:
        return sorted(self.by_jurisdiction)

    def _framework_named(self, name: str, candidates: Iterable[FrameworkEntry]) -> list[FrameworkEntry]:
        wanted = compact(name)
        pool = list(candidates)
        by_key = [entry for entry in pool if compact(entry.key) == wanted]
        return by_key or [entry for entry in pool if compact(entry.code) == wanted]

    def resolve(self, country: str | None, framework: str | None, *, current_only: bool = True) -> FrameworkEntry:
        """The framework a caller means by a country, a framework name (key or code), or both."""
        if country:
            code = country_code(country)
            candidates = self.by_jurisdiction.get(code)
            if candidates is None:
                raise UnknownCountry(country, self.countries)
            if framework:
                found = self._framework_named(framework, candidates)
                if not found:
                    raise UnknownFramework(framework, (f"{c.code} ({c.key})" for c in candidates), country=code)
                return found[0]
            current = [entry for entry in candidates if not entry.legacy] if current_only else candidates
            if len(current) == 1:
                return current[0]
            raise FrameworkRequired(code, (f"{c.code} ({c.key})" for c in candidates))
        if framework:
            found = self._framework_named(framework, self.frameworks.values())
            if len(found) == 1:
                return found[0]
            valid = [entry.key for entry in (found or self.frameworks.values())]
            raise UnknownFramework(framework, valid)
        raise InvalidInput("Name a `country`, a `framework`, or both.", code="framework_required")

    def targets(self, country: str | None, framework: str | None) -> list[FrameworkEntry]:
        """The frameworks to compare against: the named one, or every current framework of the country."""
        if framework:
            return [self.resolve(country, framework)]
        if not country:
            return []
        code = country_code(country)
        candidates = self.by_jurisdiction.get(code)
        if candidates is None:
            raise UnknownCountry(country, self.countries)
        return [entry for entry in candidates if not entry.legacy]

    def credit_rule(self, system: str, institution_id: uuid.UUID | None) -> CreditRuleEntry | None:
        """The institution's own rule for the system when it has one, else the shipped rule; None when neither."""
        wanted = compact(system)
        if institution_id is not None:
            own = self.institution_rules.get(institution_id, {}).get(wanted)
            if own is not None:
                return own
        return self.shipped_rules.get(wanted)

    def credit_systems(self) -> list[str]:
        return sorted({entry.system for entry in self.shipped_rules.values()})

    def remember(self, key: Any, body: bytes) -> bytes:
        if len(self.memo) >= MEMO_MAX_ENTRIES:
            self.memo.clear()
        self.memo[key] = body
        return body


# ------------------------------------------------------------------------------------------------ ISCED-F 2013


@dataclass(frozen=True, slots=True)
class IscedField:
    code: str
    name: str
    source_url: str
    status: str


@lru_cache(maxsize=1)
def isced_fields() -> dict[str, IscedField]:
    """ISCED-F 2013 broad and narrow fields, from the shipped data file (reference data, not corrected in the API)."""
    document = json.loads((DATA_DIR / "isced-f.json").read_text("utf-8"))
    return {
        row["code"]: IscedField(row["code"], row["name"], row["source_url"], row["status"])
        for row in document["fields"]
    }


# ----------------------------------------------------------------------------------------------------- loading


async def latest_change(session: AsyncSession) -> uuid.UUID | None:
    # The newest audit row (ids are time-ordered); ORDER BY … LIMIT 1 rather than max(): PostgreSQL has no max(uuid).
    statement = select(col(RecognitionChange.id)).order_by(col(RecognitionChange.id).desc()).limit(1)
    version: uuid.UUID | None = (await session.execute(statement)).scalar_one_or_none()
    return version


async def load_catalogue(session: AsyncSession) -> Catalogue:
    """A snapshot of what `session` sees (including its own uncommitted writes)."""
    version = await latest_change(session)
    frameworks = list((await session.execute(select(Framework))).scalars())
    levels = list((await session.execute(select(FrameworkLevel))).scalars())
    rules = list((await session.execute(select(CreditRule))).scalars())
    return Catalogue(frameworks, levels, rules, version=version)


class CatalogueHolder:
    """Holds the current snapshot; swapped whole, so a reader always sees one consistent catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.current = catalogue

    @classmethod
    async def open(cls, sessions: async_sessionmaker[AsyncSession]) -> CatalogueHolder:
        """The data as the database holds it now; empty (reads answer 503) when it cannot be read yet — a database
        not migrated, which only a test's bound application gets past start-up with — and the poll loads it later."""
        try:
            async with sessions() as session:
                return cls(await load_catalogue(session))
        except SQLAlchemyError as exc:
            log.warning("recognition_catalogue_unavailable", error=type(exc).__name__)
            return cls(Catalogue([], [], [], version=None))

    def swap(self, catalogue: Catalogue) -> None:
        self.current = catalogue

    async def stage(self, session: AsyncSession) -> None:
        """After writes in `session`: the snapshot it now sees replaces the current one when it commits."""
        await session.flush()
        session.sync_session.info[_PENDING] = (self, await load_catalogue(session))

    async def refresh_if_changed(self, sessions: async_sessionmaker[AsyncSession]) -> bool:
        async with sessions() as session:
            if await latest_change(session) == self.current.version:
                return False
            self.swap(await load_catalogue(session))
        log.info("recognition_catalogue_reloaded", version=str(self.current.version))
        return True

    async def poll(self, sessions: async_sessionmaker[AsyncSession], interval: float = POLL_SECONDS) -> None:
        """Reload whenever another process changed the data (see the module docstring); runs until cancelled."""
        while True:
            await asyncio.sleep(interval)
            try:
                await self.refresh_if_changed(sessions)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - keep serving the snapshot held; try again next time
                log.warning("recognition_catalogue_poll_failed", error=type(exc).__name__)


@event.listens_for(Session, "after_commit")
def _swap_after_commit(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if pending is not None:
        holder, catalogue = pending
        holder.swap(catalogue)


@event.listens_for(Session, "after_rollback")
def _drop_after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)


async def cancel(task: asyncio.Task[None] | None) -> None:
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
