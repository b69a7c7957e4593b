"""Every query of recognition requests and cases. Each filters by the learner who owns the case or by the body
whose officer asks (read from the officer's account in the same statement): another principal's case is not found."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ScalarSelect, and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from core.accounts.models import RecognitionBody, User
from recognition.cases.models import CaseDecision, CaseEvent, CaseShare, RecognitionCase, TargetQualification
from wallet.sharing.models import Share, ShareItem


def body_of(officer_id: uuid.UUID) -> ScalarSelect[Any]:
    """The recognition body an officer acts for, as a subquery (NULL for anyone else)."""
    return select(col(User.body_id)).where(col(User.id) == officer_id).scalar_subquery()


@dataclass(frozen=True)
class QueueRow:
    case: RecognitionCase
    learner: str
    target_title: str | None


@dataclass(frozen=True)
class QueueFilter:
    statuses: Sequence[str]
    purpose: str | None
    due_before: datetime | None
    overdue_at: datetime | None
    """Only cases still open whose due date is before this instant."""


class CaseRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, *rows: Any) -> None:
        self.session.add_all(rows)
        await self.session.flush()

    # -- bodies and targets --------------------------------------------------------------------------------------
    async def body(self, body_id: uuid.UUID) -> RecognitionBody | None:
        return await self.session.get(RecognitionBody, body_id)

    async def officer_body(self, officer_id: uuid.UUID) -> RecognitionBody | None:
        statement = select(RecognitionBody).where(col(RecognitionBody.id) == body_of(officer_id))
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def target(self, target_id: uuid.UUID) -> TargetQualification | None:
        return await self.session.get(TargetQualification, target_id)

    async def targets(self, body_id: uuid.UUID) -> list[TargetQualification]:
        statement = (
            select(TargetQualification)
            .where(col(TargetQualification.body_id) == body_id)
            .order_by(col(TargetQualification.title), col(TargetQualification.id))
        )
        return list((await self.session.execute(statement)).scalars())

    # -- the learner's side --------------------------------------------------------------------------------------
    async def owned(
        self, owner_id: uuid.UUID, case_id: uuid.UUID, *, for_update: bool = False
    ) -> RecognitionCase | None:
        statement = select(RecognitionCase).where(
            col(RecognitionCase.id) == case_id, col(RecognitionCase.owner_id) == owner_id
        )
        if for_update:
            statement = statement.with_for_update()
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def owned_page(self, owner_id: uuid.UUID, *, limit: int, before: uuid.UUID | None) -> list[RecognitionCase]:
        statement = select(RecognitionCase).where(col(RecognitionCase.owner_id) == owner_id)
        if before is not None:
            statement = statement.where(col(RecognitionCase.id) < before)
        statement = statement.order_by(col(RecognitionCase.id).desc()).limit(limit)
        return list((await self.session.execute(statement)).scalars())

    # -- the officers' side --------------------------------------------------------------------------------------
    async def of_body(
        self, officer_id: uuid.UUID, case_id: uuid.UUID, *, for_update: bool = False
    ) -> RecognitionCase | None:
        statement = select(RecognitionCase).where(
            col(RecognitionCase.id) == case_id, col(RecognitionCase.body_id) == body_of(officer_id)
        )
        if for_update:
            statement = statement.with_for_update()
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def queue(
        self, officer_id: uuid.UUID, filters: QueueFilter, *, limit: int, after: tuple[datetime, uuid.UUID] | None
    ) -> list[QueueRow]:
        """One page of the body's cases, earliest due first (keyset on `due_at`, `id`: the page costs the same at
        any depth and any number of cases)."""
        case = RecognitionCase
        statement = (
            select(case, col(User.display_name), col(TargetQualification.title))
            .join(User, col(User.id) == col(case.owner_id))
            .outerjoin(TargetQualification, col(TargetQualification.id) == col(case.target_id))
            .where(col(case.body_id) == body_of(officer_id), col(case.status).in_(list(filters.statuses)))
        )
        if filters.purpose is not None:
            statement = statement.where(col(case.purpose) == filters.purpose)
        if filters.due_before is not None:
            statement = statement.where(col(case.due_at) < filters.due_before)
        if filters.overdue_at is not None:
            statement = statement.where(col(case.due_at) < filters.overdue_at)
        if after is not None:
            due_at, case_id = after
            statement = statement.where(
                or_(col(case.due_at) > due_at, and_(col(case.due_at) == due_at, col(case.id) > case_id))
            )
        statement = statement.order_by(col(case.due_at), col(case.id)).limit(limit)
        rows = (await self.session.execute(statement)).all()
        return [QueueRow(row[0], row[1], row[2]) for row in rows]

    # -- what belongs to a case ----------------------------------------------------------------------------------
    async def learner_name(self, owner_id: uuid.UUID) -> str:
        name = (await self.session.execute(select(col(User.display_name)).where(col(User.id) == owner_id))).scalar()
        return name or ""

    async def learner_email(self, owner_id: uuid.UUID) -> str | None:
        return (await self.session.execute(select(col(User.email)).where(col(User.id) == owner_id))).scalar()

    async def share_ids(self, case_id: uuid.UUID) -> list[uuid.UUID]:
        statement = (
            select(col(CaseShare.share_id)).where(col(CaseShare.case_id) == case_id).order_by(col(CaseShare.added_at))
        )
        return list((await self.session.execute(statement)).scalars())

    async def shares(self, case_id: uuid.UUID) -> list[Share]:
        statement = (
            select(Share)
            .join(CaseShare, col(CaseShare.share_id) == col(Share.id))
            .where(col(CaseShare.case_id) == case_id)
            .order_by(col(CaseShare.added_at), col(Share.id))
        )
        return list((await self.session.execute(statement)).scalars())

    async def released_to_body(self, case: RecognitionCase, now: datetime) -> list[tuple[Share, ShareItem]]:
        """The items of the case's shares that are bound to the case's body and still active, in order."""
        statement = (
            select(Share, ShareItem)
            .join(CaseShare, col(CaseShare.share_id) == col(Share.id))
            .join(ShareItem, col(ShareItem.share_id) == col(Share.id))
            .where(
                col(CaseShare.case_id) == case.id,
                col(Share.recipient_body_id) == case.body_id,
                col(Share.revoked_at).is_(None),
                col(Share.expires_at) > now,
                col(ShareItem.presentation).is_not(None),
            )
            .order_by(col(CaseShare.added_at), col(Share.id), col(ShareItem.position))
        )
        return [(row[0], row[1]) for row in (await self.session.execute(statement)).all()]

    async def extend_shares(self, case_id: uuid.UUID, until: datetime) -> None:
        shares = select(col(CaseShare.share_id)).where(col(CaseShare.case_id) == case_id)
        await self.session.execute(
            update(Share)
            .where(col(Share.id).in_(shares), col(Share.revoked_at).is_(None), col(Share.expires_at) < until)
            .values(expires_at=until, version=col(Share.version) + 1)
            .execution_options(synchronize_session=False)
        )

    async def decisions(self, case_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[CaseDecision]]:
        found: dict[uuid.UUID, list[CaseDecision]] = {case_id: [] for case_id in case_ids}
        if case_ids:
            statement = (
                select(CaseDecision)
                .where(col(CaseDecision.case_id).in_(list(case_ids)))
                .order_by(col(CaseDecision.decided_at), col(CaseDecision.id))
            )
            for decision in (await self.session.execute(statement)).scalars():
                found[decision.case_id].append(decision)
        return found

    async def events(self, case_id: uuid.UUID, *, limit: int, after: uuid.UUID | None) -> list[CaseEvent]:
        statement = select(CaseEvent).where(col(CaseEvent.case_id) == case_id)
        if after is not None:
            statement = statement.where(col(CaseEvent.id) > after)
        statement = statement.order_by(col(CaseEvent.id)).limit(limit)
        return list((await self.session.execute(statement)).scalars())

    async def deciders(self, case_id: uuid.UUID) -> set[uuid.UUID]:
        statement = select(col(CaseDecision.officer_id)).where(col(CaseDecision.case_id) == case_id)
        return {officer for officer in (await self.session.execute(statement)).scalars() if officer is not None}

    async def supersede(self, case_id: uuid.UUID, now: datetime) -> None:
        await self.session.execute(
            update(CaseDecision)
            .where(col(CaseDecision.case_id) == case_id, col(CaseDecision.superseded_at).is_(None))
            .values(superseded_at=now)
            .execution_options(synchronize_session=False)
        )

    async def precedents(
        self,
        body_id: uuid.UUID,
        *,
        exclude_case: uuid.UUID,
        issuer_keys: Sequence[str],
        qualification_keys: Sequence[str],
        levels_and_fields: Sequence[tuple[int, str | None]],
        limit: int,
    ) -> list[CaseDecision]:
        """The body's standing decisions (not superseded) on the same issuer and qualification, or on the same EQF
        level and field, newest first."""
        matches = []
        if issuer_keys and qualification_keys:
            matches.append(
                and_(
                    col(CaseDecision.issuer_key).in_(list(issuer_keys)),
                    col(CaseDecision.qualification_key).in_(list(qualification_keys)),
                )
            )
        for level, field in levels_and_fields:
            same_field = (
                col(CaseDecision.field_of_study) == field if field else col(CaseDecision.field_of_study).is_(None)
            )
            matches.append(and_(col(CaseDecision.eqf_level) == level, same_field))
        if not matches:
            return []
        statement = (
            select(CaseDecision)
            .where(
                col(CaseDecision.body_id) == body_id,
                col(CaseDecision.case_id) != exclude_case,
                col(CaseDecision.superseded_at).is_(None),
                or_(*matches),
            )
            .order_by(col(CaseDecision.decided_at).desc(), col(CaseDecision.id).desc())
            .limit(limit)
        )
        return list((await self.session.execute(statement)).scalars())
