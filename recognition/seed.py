"""Loading the shipped data (`recognition/data`) into the database, idempotently: `passerelle seed`.

Rows are matched on natural keys — a framework's `key`, a level's framework and `label`, a shipped credit rule's
`system` — and each row remembers the hash of the data it was last seeded from (`seed_hash`). A row is written only
when its shipped data changed since, so running the seed twice changes nothing, and an administrator's correction
made through the API stays until the shipped row itself changes (then the shipped data wins, and the audit trail
shows both). Rows that left the data files are deleted. Every write is an audit-trail row by actor `seed`.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from core.database import create_engine, create_sessionmaker
from recognition.catalogue import DATA_DIR
from recognition.models import SHIPPED_SCOPE, CreditRule, Framework, FrameworkLevel, RecognitionChange
from recognition.repository import RecognitionRepository

STATUSES = frozenset({"verified", "partly verified", "believed"})
CYCLES = frozenset({"short", "first", "second", "third"})
PROVENANCE = ("source_url", "as_of", "status")
FRAMEWORK_FIELDS = (
    "code",
    "kind",
    "country",
    "jurisdictions",
    "name_original",
    "name_english",
    "language",
    "legacy",
    "eqf_referencing",
    "note",
    *PROVENANCE,
)
LEVEL_FIELDS = (
    "aliases",
    "eqf_levels",
    "decided_by",
    "qf_ehea_cycle",
    "typical_ects",
    "descriptors",
    "examples",
    "note",
    *PROVENANCE,
)
RULE_FIELDS = ("name", "aliases", "from_units", "ects", "hours_per_unit", "basis", "note", *PROVENANCE)
SEED_REASON = "Shipped recognition data (passerelle seed)."


class InvalidSeedData(ValueError):
    """A data file breaks a rule every shipped row must keep."""


@dataclass(frozen=True)
class SeedData:
    frameworks: list[dict[str, Any]]
    credit_rules: list[dict[str, Any]]


@dataclass
class SeedReport:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return bool(sum(self.created.values()) + sum(self.updated.values()) + sum(self.deleted.values()))

    def lines(self) -> list[str]:
        entities = sorted({*self.created, *self.updated, *self.deleted, *self.unchanged})
        return [
            f"{entity}: {self.created[entity]} created, {self.updated[entity]} updated, "
            f"{self.deleted[entity]} deleted, {self.unchanged[entity]} unchanged"
            for entity in entities
        ]


def _check_provenance(row: dict[str, Any], where: str) -> None:
    for name in PROVENANCE:
        if not row.get(name):
            raise InvalidSeedData(f"{where}: `{name}` is missing")
    if row["status"] not in STATUSES:
        raise InvalidSeedData(f"{where}: status {row['status']!r} is not one of {sorted(STATUSES)}")
    date.fromisoformat(row["as_of"])
    if not str(row["source_url"]).startswith(("http://", "https://")):
        raise InvalidSeedData(f"{where}: source_url is not a web address")


def _check_level(level: dict[str, Any], where: str) -> None:
    _check_provenance(level, where)
    eqf = level.get("eqf_levels")
    if not isinstance(eqf, list) or len(eqf) > 2 or any(not isinstance(n, int) or not 1 <= n <= 8 for n in eqf):
        raise InvalidSeedData(f"{where}: eqf_levels must be a list of at most two EQF levels (1-8)")
    if len(eqf) > 1 and not level.get("decided_by"):
        raise InvalidSeedData(f"{where}: several EQF levels need `decided_by`")
    if level.get("qf_ehea_cycle") not in (None, *CYCLES):
        raise InvalidSeedData(f"{where}: unknown QF-EHEA cycle {level['qf_ehea_cycle']!r}")


def read_data(directory: Path = DATA_DIR) -> SeedData:
    """The shipped data, checked: every row has a source, an as-of date and a status."""
    paths = [directory / "eqf.json", directory / "qf-ehea.json", *sorted((directory / "frameworks").glob("*.json"))]
    frameworks: list[dict[str, Any]] = []
    keys: set[str] = set()
    for path in paths:
        document = json.loads(path.read_text("utf-8"))
        where = path.name
        _check_provenance(document, where)
        if document["key"] in keys:
            raise InvalidSeedData(f"{where}: framework key {document['key']} appears twice")
        keys.add(document["key"])
        labels: set[str] = set()
        for level in document["levels"]:
            _check_level(level, f"{where} level {level.get('label')!r}")
            if level["label"] in labels:
                raise InvalidSeedData(f"{where}: level {level['label']!r} appears twice")
            labels.add(level["label"])
        frameworks.append(document)
    rules = json.loads((directory / "credit-systems.json").read_text("utf-8"))["rules"]
    systems: set[str] = set()
    for rule in rules:
        _check_provenance(rule, f"credit-systems.json {rule.get('system')!r}")
        if rule["system"] in systems or rule["from_units"] <= 0 or rule["ects"] <= 0:
            raise InvalidSeedData(f"credit-systems.json: {rule['system']!r} is repeated or not positive")
        systems.add(rule["system"])
    return SeedData(frameworks=frameworks, credit_rules=rules)


def _digest(values: dict[str, Any]) -> str:
    canonical = json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _values(row: dict[str, Any], names: tuple[str, ...], defaults: dict[str, Any]) -> dict[str, Any]:
    return {name: row.get(name, defaults.get(name)) for name in names}


def _columns(values: dict[str, Any]) -> dict[str, Any]:
    """Data-file values as column values (dates parsed)."""
    return {name: date.fromisoformat(value) if name == "as_of" else value for name, value in values.items()}


def jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def snapshot(row: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: jsonable(getattr(row, name)) for name in names}


class _Seeder:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.repository = RecognitionRepository(session)
        self.report = SeedReport()

    def _audit(
        self, entity: str, row_id: uuid.UUID, key: str, action: str, old: dict[str, Any], new: dict[str, Any]
    ) -> None:
        self.session.add(
            RecognitionChange(
                actor_id=None,
                actor_role="seed",
                entity=entity,
                entity_id=row_id,
                entity_key=key,
                action=action,
                old_values=old,
                new_values=new,
                reason=SEED_REASON,
            )
        )

    def _upsert(
        self, entity: str, key: str, row: Any, values: dict[str, Any], names: tuple[str, ...], make: Any
    ) -> Any:
        digest = _digest({name: jsonable(value) for name, value in values.items()})
        if row is None:
            row = make(**_columns(values), seed_hash=digest)
            self.session.add(row)
            self._audit(entity, row.id, key, "create", {}, {n: jsonable(v) for n, v in values.items()})
            self.report.created[entity] += 1
            return row
        if row.seed_hash == digest:
            self.report.unchanged[entity] += 1
            return row
        old = snapshot(row, names)
        for name, value in _columns(values).items():
            setattr(row, name, value)
        row.seed_hash = digest
        row.updated_at = utcnow()
        new = snapshot(row, names)
        changed = [name for name in names if old.get(name) != new.get(name)]
        self._audit(entity, row.id, key, "update", {n: old.get(n) for n in changed}, {n: new.get(n) for n in changed})
        self.report.updated[entity] += 1
        return row

    async def _delete(self, entity: str, key: str, row: Any, names: tuple[str, ...]) -> None:
        self._audit(entity, row.id, key, "delete", snapshot(row, names), {})
        await self.session.delete(row)
        self.report.deleted[entity] += 1

    async def frameworks(self, documents: list[dict[str, Any]]) -> None:
        existing = await self.repository.frameworks_by_key()
        framework_names = (*FRAMEWORK_FIELDS, "position")
        level_names = (*LEVEL_FIELDS, "position")
        for position, document in enumerate(documents):
            key = document["key"]
            values = {
                **_values(document, FRAMEWORK_FIELDS, {"jurisdictions": [], "legacy": False}),
                "position": position,
            }
            framework = self._upsert(
                "framework",
                key,
                existing.pop(key, None),
                values,
                framework_names,
                lambda key=key, **kw: Framework(key=key, **kw),
            )
            await self.session.flush()
            levels = await self.repository.levels_of(framework.id)
            for level_position, level in enumerate(document["levels"]):
                label = level["label"]
                level_values = {
                    **_values(level, LEVEL_FIELDS, {"aliases": [], "descriptors": {}, "examples": []}),
                    "position": level_position,
                }
                self._upsert(
                    "level",
                    f"{key} {label}",
                    levels.pop(label, None),
                    level_values,
                    level_names,
                    lambda label=label, framework_id=framework.id, **kw: FrameworkLevel(
                        framework_id=framework_id, label=label, **kw
                    ),
                )
            for label, stale in levels.items():
                await self._delete("level", f"{key} {label}", stale, level_names)
        for key, stale_framework in existing.items():
            await self._delete("framework", key, stale_framework, framework_names)

    async def credit_rules(self, rules: list[dict[str, Any]]) -> None:
        existing = await self.repository.shipped_rules(SHIPPED_SCOPE)
        for rule in rules:
            system = rule["system"]
            values = _values(rule, RULE_FIELDS, {"aliases": []})
            self._upsert(
                "credit_rule",
                f"{system} ({SHIPPED_SCOPE})",
                existing.pop(system, None),
                values,
                RULE_FIELDS,
                lambda system=system, **kw: CreditRule(system=system, scope=SHIPPED_SCOPE, **kw),
            )
        for system, stale in existing.items():
            await self._delete("credit_rule", f"{system} ({SHIPPED_SCOPE})", stale, RULE_FIELDS)


async def seed(session: AsyncSession, data: SeedData | None = None) -> SeedReport:
    """Bring the database's frameworks, levels and shipped credit rules in line with the data files (flushes)."""
    data = data or read_data()
    seeder = _Seeder(session)
    await seeder.frameworks(data.frameworks)
    await seeder.credit_rules(data.credit_rules)
    await session.flush()
    return seeder.report


async def seed_database(url: str, *, apply: bool = True) -> SeedReport:
    """`passerelle seed`: one transaction against the database at `url`; with `apply=False`, rolled back (a dry run
    that reports what would change)."""
    engine = create_engine(url, pool=False)
    try:
        async with create_sessionmaker(engine)() as session, session.begin() as outer:
            report = await seed(session)
            if not apply:
                await outer.rollback()
            return report
    finally:
        await engine.dispose()
