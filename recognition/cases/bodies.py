"""What a recognition body holds: its target qualifications, and the key that signs its decisions.

Each body signs with its own ES256 key, kept like the service's keys (`core.keys`) under `keys/bodies/<body id>/`.
Its issuer identifier is `<public URL>/v1/bodies/<id>`; its public keys are published at
`/v1/bodies/<id>/jwks.json` and entered in the trust registry, so the service's own verification of a decision
credential finds the key there (issuer trust from the registry, not from the document).
"""

from __future__ import annotations

import functools
import uuid
from pathlib import Path

import anyio.to_thread
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from core.accounts.models import RecognitionBody
from core.keys import KeyRing, SigningKey
from recognition.cases.errors import BodyNotFound
from recognition.cases.models import CaseDecision, Outcome, RecognitionCase, TargetQualification
from recognition.cases.officer import IssueDecision
from recognition.cases.repository import CaseRepository
from recognition.cases.schemas import OUTCOME_LABELS, TargetQualificationCreate
from recognition.catalogue import Catalogue
from recognition.decision_credentials import DecisionClaims, issue_decision_credentials
from wallet.issuing import keys as signer_keys
from wallet.issuing import status
from wallet.service import import_credential

DECISION_VCT_PATH = "/vct/recognition-decision"


def issuer_id(public_url: str, body_id: uuid.UUID) -> str:
    return f"{public_url.rstrip('/')}/v1/bodies/{body_id}"


async def body_keyring(keys_dir: Path, body_id: uuid.UUID) -> KeyRing:
    """The body's keyring, made (with its first key) when the body first signs."""
    return await signer_keys.keyring(keys_dir, "bodies", body_id)


async def published_keys(keys_dir: Path, body_id: uuid.UUID) -> dict[str, list[dict[str, str]]]:
    """The body's JWK Set; empty until the body first signs (reading it makes no key)."""
    return await signer_keys.published_keys(keys_dir, "bodies", body_id)


async def create_target(
    session: AsyncSession, body_id: uuid.UUID, request: TargetQualificationCreate, catalogue: Catalogue
) -> TargetQualification:
    """Add a target qualification; a national level is read through the EQF from the frameworks data (the lowest
    EQF level when the level has two, and the framework names what decides)."""
    repository = CaseRepository(session)
    body = await repository.body(body_id)
    if body is None:
        raise BodyNotFound()
    country = request.country or body.country
    framework_key = None
    eqf_level = request.eqf_level
    if request.framework is not None and request.level is not None:
        framework = catalogue.resolve(country, request.framework)
        level = framework.find_level(request.level)
        framework_key = framework.key
        eqf_level = min(level.eqf_levels) if level.eqf_levels else None
    target = TargetQualification(
        body_id=body.id,
        title=request.title,
        country=country,
        framework=framework_key,
        level=request.level,
        eqf_level=eqf_level,
        ects=request.ects,
        field_of_study=request.field_of_study,
        learning_outcomes=[o.model_dump(exclude_none=True) for o in request.learning_outcomes],
    )
    await repository.add(target)
    return target


async def list_targets(session: AsyncSession, body_id: uuid.UUID) -> list[TargetQualification]:
    if await CaseRepository(session).body(body_id) is None:
        raise BodyNotFound()
    return await CaseRepository(session).targets(body_id)


def _target_level(target: TargetQualification | None) -> str | None:
    if target is None:
        return None
    if target.framework and target.level:
        return f"{target.framework} {target.level}"
    return f"EQF {target.eqf_level}" if target.eqf_level else None


async def _revoke_superseded(
    session: AsyncSession, case: RecognitionCase, *, key: SigningKey, issuer: str, public_url: str
) -> None:
    """The credentials of decisions a decision on appeal replaced are revoked in the body's status list: a verifier
    sees the superseded decision as no longer standing."""
    statement = select(CaseDecision).where(
        col(CaseDecision.case_id) == case.id,
        col(CaseDecision.superseded_at).is_not(None),
        col(CaseDecision.status_list_id).is_not(None),
    )
    for superseded in (await session.execute(statement)).scalars():
        assert superseded.status_list_id is not None and superseded.status_index is not None
        await status.change(
            session,
            superseded.status_list_id,
            superseded.status_index,
            "revoked",
            key=key,
            issuer=issuer,
            public_url=public_url,
        )


def decision_issuer(keys_dir: Path, public_url: str, session: AsyncSession) -> IssueDecision:
    """The function that signs a decision with the body's key and puts both credentials in the learner's wallet."""

    async def issue(
        case: RecognitionCase, body: RecognitionBody, decision: CaseDecision, learner_name: str
    ) -> list[uuid.UUID]:
        ring = await body_keyring(keys_dir, body.id)
        issuer = issuer_id(public_url, body.id)
        await signer_keys.register_issuer(session, f"{body.name} (recognition body)", ring, issuer)
        owner = status.Owner("bodies", body.id)
        await _revoke_superseded(session, case, key=ring.active, issuer=issuer, public_url=public_url)
        status_list, (index,) = await status.allocate(
            session, owner, 1, key=ring.active, issuer=issuer, public_url=public_url
        )
        decision.status_list_id, decision.status_index = status_list.id, index
        repository = CaseRepository(session)
        target = await repository.target(case.target_id) if case.target_id else None
        titles = []
        for _share, item in await repository.released_to_body(case, decision.decided_at):
            title = (item.presentation or {}).get("fields", {}).get("title")
            titles.append(str(title) if title else "(title not released)")
        titles.extend(str(d.get("title")) for d in case.declared)
        claims = DecisionClaims(
            decision_id=decision.id,
            case_id=case.id,
            outcome=decision.outcome,  # type: ignore[arg-type]
            outcome_label=OUTCOME_LABELS[Outcome(decision.outcome)],
            body_name=body.name,
            body_country=body.country,
            learner_name=learner_name,
            purpose=case.purpose,
            recognised_as=decision.recognised_as,
            target_level=_target_level(target),
            ects_recognised=decision.ects_recognised,
            recognised_part=decision.recognised_part,
            conditions=tuple(decision.conditions),
            substantial_differences=tuple((d["element"], d["description"]) for d in decision.substantial_differences),
            reasons=decision.reasons,
            appeal_route=decision.appeal_route,
            appeal_deadline=decision.appeal_deadline,
            assessed_credentials=tuple(titles),
            decided_at=decision.decided_at,
            late=decision.late,
            based_on_incomplete_evidence=decision.based_on_incomplete_evidence,
            valid_until=decision.valid_until,
            status=status.slot(public_url, owner, status_list.id, index),
        )
        vct = f"{public_url.rstrip('/')}{DECISION_VCT_PATH}"
        issued = await anyio.to_thread.run_sync(
            functools.partial(issue_decision_credentials, claims, key=ring.active, issuer=issuer, vct=vct)
        )
        label = f"{OUTCOME_LABELS[Outcome(decision.outcome)]} — {body.name}"
        ids = []
        for content, media_type in (
            (issued.sd_jwt_vc, "application/dc+sd-jwt"),
            (issued.vc_jwt, "application/vc+jwt"),
        ):
            credential = await import_credential(
                session, owner_id=case.owner_id, content=content.encode("ascii"), media_type=media_type, label=label
            )
            ids.append(credential.id)
        return ids

    return issue
