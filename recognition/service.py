"""Recognition rules: converting credits and grades, Annex I completeness, the recognition packet, stacking.

Reads answer from the in-memory `Catalogue` where they can (credit rules, levels); grading tables, credentials and
verifications are read through the repositories, always filtered by owner where they are a learner's.
"""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from core.accounts.models import Role
from core.accounts.tokens import Principal
from recognition import completeness as annex
from recognition import grades, packet, stacking
from recognition.catalogue import Catalogue
from recognition.changes import table_public
from recognition.errors import GradingTableNotFound, UnknownCreditSystem
from recognition.models import GradingTable
from recognition.offers import search as offer_search
from recognition.repository import RecognitionRepository
from recognition.schemas import (
    Completeness,
    CompletenessRequest,
    CreditConversion,
    CreditConversionRequest,
    CreditRulePublic,
    CreditValue,
    GradeConversion,
    GradeConversionRequest,
    GradingTablePublic,
    GradingTableRef,
    RecognitionPacket,
    StackRequest,
    StackResult,
)
from wallet.service import get_credential

MAX_PAGE_SIZE = 100
SUGGESTION_CANDIDATES = 200
"""The newest matching offers the stack view's suggestions are chosen from: a bounded read, whatever the catalogue's
size."""
SMALL_REFERENCE_GROUP = 50


def _institution_of(principal: Principal, requested: uuid.UUID | None) -> uuid.UUID | None:
    """Whose credit policy applies: the one asked for, else the calling institution's own."""
    if requested is not None:
        return requested
    return principal.id if principal.role == Role.INSTITUTION else None


def convert_credits(catalogue: Catalogue, request: CreditConversionRequest, principal: Principal) -> CreditConversion:
    """Credits to ECTS with the rule used; the original value is kept beside the converted one."""
    rule = catalogue.credit_rule(request.system, _institution_of(principal, request.institution_id))
    if rule is None:
        raise UnknownCreditSystem(request.system, catalogue.credit_systems())
    return CreditConversion(
        original=CreditValue(value=request.value, system=request.system),
        ects=rule.convert(request.value),
        rule=rule.public,
    )


def list_credit_rules(catalogue: Catalogue, principal: Principal) -> list[CreditRulePublic]:
    """The shipped rules, plus the caller's own (an institution) or every institution's (an administrator)."""
    shipped = {entry.id: entry.public for entry in catalogue.shipped_rules.values()}
    rules = sorted(shipped.values(), key=lambda rule: rule.system)
    if principal.role == Role.ADMIN:
        own = [entry.public for entry in catalogue.rules_by_id.values() if entry.institution_id is not None]
    elif principal.role == Role.INSTITUTION:
        own = [entry.public for entry in catalogue.rules_by_id.values() if entry.institution_id == principal.id]
    else:
        own = []
    return rules + sorted(own, key=lambda rule: (str(rule.institution_id), rule.system))


# ---------------------------------------------------------------------------------------------------- grades


async def list_grading_tables(
    session: AsyncSession, *, isced_f: str | None, cycle: str | None, institution_id: uuid.UUID | None
) -> list[GradingTablePublic]:
    rows = await RecognitionRepository(session).grading_tables(
        isced_f=isced_f, cycle=cycle, institution_id=institution_id, limit=MAX_PAGE_SIZE
    )
    return [table_public(row) for row in rows]


async def get_grading_table(session: AsyncSession, table_id: uuid.UUID) -> GradingTablePublic:
    row = await RecognitionRepository(session).grading_table(table_id)
    if row is None:
        raise GradingTableNotFound()
    return table_public(row)


async def _table(session: AsyncSession, ref: GradingTableRef) -> tuple[list[tuple[str, int]], GradingTable | None]:
    if ref.table_id is not None:
        row = await RecognitionRepository(session).grading_table(ref.table_id)
        if row is None:
            raise GradingTableNotFound()
        return [(str(g["grade"]), int(g["count"])) for g in row.grades], row
    return [(grade.grade, grade.count) for grade in ref.grades or []], None


async def convert_grade(session: AsyncSession, body: GradeConversionRequest) -> GradeConversion:
    """A foreign grade to the home scale by percentile-band overlap: suggested, not official."""
    foreign, foreign_row = await _table(session, body.foreign)
    home, home_row = await _table(session, body.home)
    result = grades.convert(body.grade, foreign, home)
    warnings: list[str] = []
    if foreign_row and home_row:
        if foreign_row.cycle != home_row.cycle or foreign_row.isced_f[:2] != home_row.isced_f[:2]:
            warnings.append(
                "The two tables describe different reference groups (ISCED-F field or cycle); EGRACONS compares "
                "tables of the same field and cycle."
            )
        if min(len(foreign_row.years), len(home_row.years)) < 2:
            warnings.append("A table covers a single year; EGRACONS builds tables over the last 2-3 years.")
    for name, table in (("foreign", foreign), ("home", home)):
        total = sum(count for _, count in table)
        if total < SMALL_REFERENCE_GROUP:
            warnings.append(f"The {name} table counts only {total} grades; bands from so few are unstable.")
    if result.foreign.width == 0:
        warnings.append(f"{result.foreign.grade} was never awarded in the foreign table; its position was used.")
    return GradeConversion(
        grade=result.foreign.grade,
        suggested=result.suggested,
        method=grades.METHOD,
        foreign_band=result.foreign.public(),
        home_bands=result.home,
        foreign_table_id=foreign_row.id if foreign_row else None,
        home_table_id=home_row.id if home_row else None,
        warnings=warnings,
    )


# ------------------------------------------------------------------------------ completeness, packet, stacking


async def completeness(session: AsyncSession, owner_id: uuid.UUID, body: CompletenessRequest) -> Completeness:
    """Annex I completeness of a credential of the caller's wallet, or of a summary given inline."""
    if body.summary is not None:
        return annex.assess(body.summary, annex.verification_basis(None, supplied=True), credential_id=None)
    assert body.credential_id is not None
    credential = await get_credential(session, owner_id, body.credential_id)
    verification = await RecognitionRepository(session).latest_verification(owner_id, credential.id)
    summary = annex.read_summary(credential.summary)
    return annex.assess(summary, annex.verification_basis(verification, supplied=False), credential_id=credential.id)


async def recognition_packet(
    session: AsyncSession, catalogue: Catalogue, owner_id: uuid.UUID, credential_id: uuid.UUID
) -> RecognitionPacket:
    """The recognition packet of one of the learner's credentials."""
    credential = await get_credential(session, owner_id, credential_id)
    summary = annex.read_summary(credential.summary)
    repository = RecognitionRepository(session)
    verification = await repository.latest_verification(owner_id, credential.id)
    issuer_id = summary.issuer.id if summary.issuer else None
    registry = await repository.issuer_accreditation(issuer_id) if issuer_id else None
    return packet.assemble(
        credential.id,
        summary,
        catalogue,
        registry=registry,
        completeness=annex.assess(
            summary, annex.verification_basis(verification, supplied=False), credential_id=credential.id
        ),
    )


async def stack(session: AsyncSession, catalogue: Catalogue, principal: Principal, body: StackRequest) -> StackResult:
    """Totals, levels and what is missing for a set of credentials against a target."""
    entries: list[stacking.Stackable] = []
    for credential_id in body.credential_ids:
        credential = await get_credential(session, principal.id, credential_id)
        entries.append(stacking.Stackable(credential.id, credential.label, annex.read_summary(credential.summary)))
    entries.extend(stacking.Stackable(None, item.label, item.summary) for item in body.summaries)
    result = stacking.stack(entries, body.target, catalogue, _institution_of(principal, body.institution_id))
    if not result.met:
        target = body.target
        candidates = await offer_search.candidates(
            session, field=target.field, eqf_level=target.eqf_level, limit=SUGGESTION_CANDIDATES
        )
        result.suggested_offers = stacking.suggest(candidates, target, result.ects_missing)
    return result
