"""Writes to recognition data, each one on the audit trail (who, when, which row, old and new values, why):
institutions' own credit rules and grading tables, administrators' corrections of levels and credit rules.

Writes flush, never commit. A change to frameworks data stages the new catalogue, served from the moment the
request's transaction commits (`CatalogueHolder.stage`).
"""

from __future__ import annotations

import uuid
from typing import Any, cast

from sqlalchemy.ext.asyncio import AsyncSession

from core.accounts.models import Institution, Role
from core.accounts.tokens import Principal
from core.clock import utcnow
from core.errors import InvalidInput, NotFound, PermissionDenied
from recognition import grades
from recognition.catalogue import CatalogueHolder, compact, level_entry, rule_public
from recognition.errors import (
    CreditRuleNotFound,
    DuplicateCreditRule,
    GradingTableNotFound,
    InvalidCorrection,
    LevelNotFound,
)
from recognition.models import SHIPPED_SCOPE, CreditRule, GradingTable, RecognitionChange
from recognition.repository import RecognitionRepository
from recognition.schemas import (
    ChangePage,
    ChangePublic,
    CreditRuleCorrection,
    CreditRuleCreate,
    CreditRulePublic,
    GradingTableCreate,
    GradingTablePublic,
    LevelCorrection,
    LevelPublic,
)
from recognition.seed import jsonable
from wallet.service import decode_cursor, encode_cursor

MAX_PAGE_SIZE = 100


def _audit(
    session: AsyncSession,
    principal: Principal | None,
    *,
    entity: str,
    entity_id: uuid.UUID,
    entity_key: str,
    action: str,
    old: dict[str, Any],
    new: dict[str, Any],
    reason: str,
) -> None:
    session.add(
        RecognitionChange(
            actor_id=principal.id if principal else None,
            actor_role=principal.role.value if principal else "seed",
            entity=entity,
            entity_id=entity_id,
            entity_key=entity_key[:200],
            action=action,
            old_values=old,
            new_values=new,
            reason=reason,
        )
    )


async def _owning_institution(session: AsyncSession, principal: Principal, requested: uuid.UUID | None) -> uuid.UUID:
    """The institution a new rule or table belongs to: the calling institution, or the one an administrator names."""
    if principal.role == Role.INSTITUTION:
        if requested is not None and requested != principal.id:
            raise PermissionDenied("An institution writes its own rules and tables only.")
        return principal.id
    if principal.role != Role.ADMIN:
        raise PermissionDenied()
    if requested is None:
        raise InvalidInput("Name the institution (`institution_id`).", code="institution_required")
    if await session.get(Institution, requested) is None:
        raise NotFound("There is no institution with this id.", code="institution_not_found")
    return requested


async def create_credit_rule(
    session: AsyncSession, holder: CatalogueHolder, body: CreditRuleCreate, principal: Principal
) -> CreditRulePublic:
    """An institution's own conversion rule for a credit system; it wins over the shipped one for that institution."""
    institution_id = await _owning_institution(session, principal, body.institution_id)
    shipped = holder.current.shipped_rules.get(compact(body.system))
    if shipped is None and body.name is None:
        raise InvalidInput("A credit system that is not shipped needs a `name`.", code="name_required")
    system = shipped.system if shipped else body.system.upper()
    scope = str(institution_id)
    repository = RecognitionRepository(session)
    if await repository.credit_rule_for(system, scope) is not None:
        raise DuplicateCreditRule()
    aliases = list(dict.fromkeys([*(shipped.public.aliases if shipped else []), *body.aliases]))
    row = CreditRule(
        system=system,
        scope=scope,
        institution_id=institution_id,
        name=body.name or (shipped.public.name if shipped else system),
        aliases=aliases,
        from_units=body.from_units,
        ects=body.ects,
        hours_per_unit=body.hours_per_unit,
        basis="institution policy",
        note=body.note,
        source_url=body.source_url,
        as_of=utcnow().date(),
        status="institution policy",
        created_by=principal.id,
    )
    session.add(row)
    public = rule_public(row)
    _audit(
        session,
        principal,
        entity="credit_rule",
        entity_id=row.id,
        entity_key=f"{system} ({scope})",
        action="create",
        old={},
        new=jsonable_dict(public.model_dump(exclude={"id", "formula"})),
        reason=body.reason,
    )
    await holder.stage(session)
    return public


def jsonable_dict(values: dict[str, Any]) -> dict[str, Any]:
    return {name: jsonable(value) for name, value in values.items()}


_RULE_REQUIRED = frozenset({"name", "aliases", "from_units", "ects", "basis", "as_of", "status"})
_LEVEL_REQUIRED = frozenset({"eqf_levels", "aliases", "examples", "source_url", "as_of", "status"})


def _changes(body: LevelCorrection | CreditRuleCorrection, required: frozenset[str]) -> dict[str, Any]:
    changes = body.model_dump(exclude_unset=True, exclude={"reason"})
    if not changes:
        raise InvalidInput("Send at least one field to change besides `reason`.", code="empty_correction")
    nulls = sorted(name for name, value in changes.items() if value is None and name in required)
    if nulls:
        raise InvalidCorrection(f"These fields cannot be null: {', '.join(nulls)}.")
    return changes


def _apply(row: Any, changes: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Set the changed fields; the old and new values of each, for the audit trail."""
    old = {name: jsonable(getattr(row, name)) for name in changes}
    for name, value in changes.items():
        setattr(row, name, value)
    row.updated_at = utcnow()
    new = {name: jsonable(getattr(row, name)) for name in changes}
    return old, new


async def correct_credit_rule(
    session: AsyncSession, holder: CatalogueHolder, rule_id: uuid.UUID, body: CreditRuleCorrection, principal: Principal
) -> CreditRulePublic:
    """An administrator's correction of a shipped or institution rule, written to the audit trail with its reason."""
    row = await RecognitionRepository(session).credit_rule(rule_id)
    if row is None:
        raise CreditRuleNotFound()
    changes = _changes(body, _RULE_REQUIRED | ({"source_url"} if row.scope == SHIPPED_SCOPE else set()))
    key = f"{row.system} ({row.scope})"
    old, new = _apply(row, changes)
    _audit(
        session,
        principal,
        entity="credit_rule",
        entity_id=row.id,
        entity_key=key,
        action="update",
        old=old,
        new=new,
        reason=body.reason,
    )
    await holder.stage(session)
    return rule_public(row)


async def delete_credit_rule(
    session: AsyncSession, holder: CatalogueHolder, rule_id: uuid.UUID, principal: Principal
) -> None:
    """Remove an institution's own rule (its institution or an administrator); shipped rules are corrected instead."""
    repository = RecognitionRepository(session)
    if principal.role == Role.INSTITUTION:
        row = await repository.institution_rule(rule_id, principal.id)
    else:
        row = await repository.credit_rule(rule_id)
    if row is None or row.scope == SHIPPED_SCOPE:
        raise CreditRuleNotFound()
    old = jsonable_dict(rule_public(row).model_dump(exclude={"id", "formula"}))
    _audit(
        session,
        principal,
        entity="credit_rule",
        entity_id=row.id,
        entity_key=f"{row.system} ({row.scope})",
        action="delete",
        old=old,
        new={},
        reason=f"Deleted by {'its institution' if principal.role == Role.INSTITUTION else 'an administrator'}.",
    )
    await session.delete(row)
    await holder.stage(session)


# -------------------------------------------------------------------------------------------- level corrections


async def correct_level(
    session: AsyncSession, holder: CatalogueHolder, level_id: uuid.UUID, body: LevelCorrection, principal: Principal
) -> LevelPublic:
    """An administrator's correction of a framework level, written to the audit trail with its reason and served
    from the moment the request commits."""
    found = await RecognitionRepository(session).level(level_id)
    if found is None:
        raise LevelNotFound()
    level, framework = found
    changes = _changes(body, _LEVEL_REQUIRED)
    if "eqf_levels" in changes:
        if len(set(changes["eqf_levels"])) != len(changes["eqf_levels"]):
            raise InvalidCorrection("An EQF level is listed twice.")
        changes["eqf_levels"] = sorted(changes["eqf_levels"])
    eqf_levels = changes.get("eqf_levels", level.eqf_levels)
    if len(eqf_levels) > 1 and not changes.get("decided_by", level.decided_by):
        raise InvalidCorrection("A level read as several EQF levels needs `decided_by`: what decides between them.")
    key = f"{framework.key} {level.label}"
    old, new = _apply(level, changes)
    _audit(
        session,
        principal,
        entity="level",
        entity_id=level.id,
        entity_key=key,
        action="update",
        old=old,
        new=new,
        reason=body.reason,
    )
    await holder.stage(session)
    return level_entry(level, framework.key).public


async def list_changes(session: AsyncSession, *, limit: int, cursor: str | None) -> ChangePage:
    """The audit trail, newest first."""
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    rows = await RecognitionRepository(session).changes(
        limit=limit + 1, before=decode_cursor(cursor) if cursor else None
    )
    items = rows[:limit]
    return ChangePage(
        items=[ChangePublic.model_validate(row, from_attributes=True) for row in items],
        next_cursor=encode_cursor(items[-1].id) if len(rows) > limit else None,
    )


def table_public(row: GradingTable) -> GradingTablePublic:
    return GradingTablePublic(
        id=row.id,
        institution_id=row.institution_id,
        institution_name=row.institution_name,
        scale=row.scale,
        isced_f=row.isced_f,
        cycle=cast(Any, row.cycle),
        years=list(row.years),
        grades=list(row.grades),
        total=sum(int(grade["count"]) for grade in row.grades),
        source_note=row.source_note,
        created_at=row.created_at,
    )


async def create_grading_table(
    session: AsyncSession, body: GradingTableCreate, principal: Principal
) -> GradingTablePublic:
    """Store an institution's grade distribution for one reference group."""
    institution_id = await _owning_institution(session, principal, body.institution_id)
    pairs = [(grade.grade, grade.count) for grade in body.grades]
    grades.bands(pairs)  # refuses repeated grades and tables where nothing was awarded
    row = GradingTable(
        institution_id=institution_id,
        institution_name=body.institution_name,
        scale=body.scale,
        isced_f=body.isced_f,
        cycle=body.cycle,
        years=sorted(set(body.years)),
        grades=[{"grade": grade, "count": count} for grade, count in pairs],
        source_note=body.source_note,
        created_by=principal.id,
    )
    session.add(row)
    public = table_public(row)
    _audit(
        session,
        principal,
        entity="grading_table",
        entity_id=row.id,
        entity_key=f"{body.institution_name} {body.scale} {body.isced_f} {body.cycle}",
        action="create",
        old={},
        new=jsonable_dict(
            public.model_dump(include={"institution_id", "scale", "isced_f", "cycle", "years", "grades"})
        ),
        reason=body.source_note or "Grading table added.",
    )
    await session.flush()
    return public


async def delete_grading_table(session: AsyncSession, table_id: uuid.UUID, principal: Principal) -> None:
    """Remove a table: its institution, or an administrator."""
    repository = RecognitionRepository(session)
    row = await repository.grading_table(table_id)
    if row is None or (principal.role == Role.INSTITUTION and row.institution_id != principal.id):
        raise GradingTableNotFound()
    _audit(
        session,
        principal,
        entity="grading_table",
        entity_id=row.id,
        entity_key=f"{row.institution_name} {row.scale} {row.isced_f} {row.cycle}",
        action="delete",
        old=jsonable_dict(table_public(row).model_dump(include={"institution_id", "scale", "isced_f", "cycle"})),
        new={},
        reason="Grading table removed.",
    )
    await repository.delete_grading_table(table_id, None)
