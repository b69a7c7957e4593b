"""The recognition part of a learner's erasure (`wallet.erasure.ErasureStep`, wired by `api`).

The learner's recognition requests go with everything hanging from them: shares attached to the case, the learning
entries attached, the audit trail, and the decisions. Passerelle keeps no copy of a decision: a body that must keep
its decision under its own legal basis (a public authority's duty to keep records, an appeal still possible) keeps
it in its own records — the decision was mailed and issued to the learner as a signed credential. What Passerelle
could keep without naming anyone (an anonymous precedent) is not kept yet: see docs/data-lifecycle.md.
"""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from recognition.cases.models import RecognitionCase
from wallet.erasure import ErasedLearner


async def erase_cases(session: AsyncSession, learner: ErasedLearner) -> None:
    """Delete the learner's recognition requests (decisions, trail and attachments by ON DELETE CASCADE)."""
    await session.execute(delete(RecognitionCase).where(col(RecognitionCase.owner_id) == learner.id))
