"""The learner's skills profile: every skill their credentials' learning outcomes name, with the credentials behind
it. Reads only the learner's own credentials (owner filter in every query)."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from wallet.formats import CredentialFormat
from wallet.skills.profile import aggregate, outcomes_of
from wallet.skills.repository import SkillsRepository
from wallet.skills.schemas import SkillCredential, SkillPublic, SkillsProfile, VerificationBrief
from wallet.summary.model import Summary


def _brief(result: dict[str, Any] | None) -> VerificationBrief | None:
    if not result or not result.get("checked_at"):
        return None
    checks = {str(check["check"]): str(check["outcome"]) for check in result.get("checks", []) if "check" in check}
    return VerificationBrief(verified_at=result["checked_at"], checks=checks)


async def skills_profile(session: AsyncSession, owner_id: uuid.UUID) -> SkillsProfile:
    """The owner's skills, most widely evidenced first, each with its credentials (oldest first)."""
    repository = SkillsRepository(session)
    rows = await repository.credentials(owner_id)
    summaries: list[tuple[uuid.UUID, Summary]] = []
    described: dict[uuid.UUID, tuple[str, str | None, Summary]] = {}
    for credential_id, credential_format, label, stored in rows:
        try:
            summary = Summary.model_validate(stored)
        except ValidationError:  # a summary of an older schema: it names no skill we can read
            continue
        described[credential_id] = (credential_format, label, summary)
        if outcomes_of(summary):
            summaries.append((credential_id, summary))
    skills = aggregate(summaries)
    behind = sorted({credential_id for skill in skills for credential_id in skill.sources})
    verifications = await repository.latest_verifications(owner_id, behind)
    cards: dict[uuid.UUID, SkillCredential] = {}
    for credential_id in behind:
        credential_format, label, summary = described[credential_id]
        cards[credential_id] = SkillCredential(
            id=credential_id,
            title=summary.title or label,
            issuer=summary.issuer.name if summary.issuer else None,
            format=CredentialFormat(credential_format),
            verification=_brief(verifications.get(credential_id)),
        )
    return SkillsProfile(
        skills=[
            SkillPublic(
                key=skill.key,
                esco_uri=skill.esco_uri,
                label=skill.label,
                credentials=[cards[credential_id] for credential_id in skill.sources],
            )
            for skill in skills
        ],
        credentials_considered=len(rows),
        credentials_with_outcomes=len(summaries),
    )
