"""The learner's skills profile."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import CurrentLearner, ReadSessionDep
from api.errors import problem_responses
from wallet.skills import service
from wallet.skills.schemas import SkillsProfile

router = APIRouter(prefix="/v1/wallet", tags=["wallet"])


@router.get(
    "/skills",
    response_model=SkillsProfile,
    operation_id="getSkillsProfile",
    summary="Your skills profile",
    responses=problem_responses(401),
)
async def get_skills_profile(learner: CurrentLearner, session: ReadSessionDep) -> SkillsProfile:
    """Every skill the learning outcomes of your credentials name — keyed by its ESCO URI when a document gives
    one, otherwise by its wording — with the credentials behind it (title, issuer, latest verification per check).
    Most widely evidenced skills first. Only your own credentials are read; to show the profile to someone, share
    the credentials with `include_skills_profile`."""
    return await service.skills_profile(session, learner.id)
