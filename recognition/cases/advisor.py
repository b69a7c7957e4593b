"""The advisor: a pre-assessment of a case along the five elements the European Area of Recognition manual compares
— quality, level, workload, profile and learning outcomes — from the fields the learner released and the target.

It suggests; the officer decides. Each element answers `meets`, `partly`, `gap` or `unknown`, with the values it
compared and where they came from. `unknown` is never a difference: the burden of proof lies with the assessor
(Lisbon Recognition Convention, Art. III.3), so an element the documents are silent on is for the officer to
establish (ask the learner, or interview), not a reason to refuse. Provider type is never an input.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from recognition.cases.models import Outcome, Purpose, TargetQualification
from recognition.cases.schemas import (
    Advice,
    AdviceSuggestion,
    ElementAssessment,
    Finding,
    OutcomeStatement,
    SubstantialDifference,
    TargetQualificationPublic,
)
from recognition.catalogue import Catalogue
from recognition.outcomes import MAX_OUTCOMES, MAX_TEXT, OutcomeCoverage, OutcomeText, match_outcomes
from recognition.packet import convert_credits, field_code, read_levels, stated_credits
from wallet.summary.model import Summary

CAVEAT = (
    "This pre-assessment is computed from the released data only. It suggests; the officer decides, names any "
    "substantial difference and gives reasons. A level read through the EQF is a comparable level, not an equivalence."
)
WORKLOAD_TOLERANCE = 0.8
"""A workload within 80 % of the target's is reported as `partly`: a difference in workload alone is often not
substantial (EAR manual, chapter on substantial differences)."""


@dataclass(frozen=True)
class ReleasedCredential:
    """One credential as the body's officers see it: the released summary and the verification view."""

    summary: Summary
    verification: Mapping[str, Any] | None


@dataclass(frozen=True)
class PrecedentKeys:
    issuer_keys: tuple[str, ...]
    qualification_keys: tuple[str, ...]
    eqf_level: int | None
    field_of_study: str | None


def normalise_key(text: str | None) -> str | None:
    """A comparison key: accents stripped, case folded, punctuation and runs of spaces collapsed."""
    if not text:
        return None
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    key = re.sub(r"[^0-9a-z]+", " ", plain).strip()
    return key[:300] or None


def target_public(target: TargetQualification) -> TargetQualificationPublic:
    return TargetQualificationPublic(
        id=target.id,
        body_id=target.body_id,
        title=target.title,
        country=target.country,
        framework=target.framework,
        level=target.level,
        eqf_level=target.eqf_level,
        ects=target.ects,
        field_of_study=target.field_of_study,
        learning_outcomes=[OutcomeStatement.model_validate(o) for o in target.learning_outcomes],
        created_at=target.created_at,
    )


def _award_date(summary: Summary) -> date | None:
    for value in (summary.awarded_on, summary.issued_on):
        if value:
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def _record_dates(record: Mapping[str, Any]) -> tuple[date | None, date | None]:
    def read(*names: str) -> date | None:
        for name in names:
            value = record.get(name)
            if isinstance(value, str):
                try:
                    return date.fromisoformat(value[:10])
                except ValueError:
                    return None
        return None

    return read("valid_from", "validFrom"), read("valid_until", "valid_to", "validUntil")


def _quality_of(
    credential: ReleasedCredential, accreditations: Mapping[str, Mapping[str, Any]]
) -> tuple[Finding, str, dict[str, Any]]:
    summary = credential.summary
    issuer_id = summary.issuer.id if summary.issuer else None
    record = accreditations.get(issuer_id) if issuer_id else None
    awarded = _award_date(summary)
    evidence: dict[str, Any] = {"title": summary.title, "issuer": issuer_id, "award_date": awarded}
    if record:
        valid_from, valid_until = _record_dates(record)
        evidence["registry"] = dict(record)
        if valid_from is None and valid_until is None:
            return (
                "partly",
                "The trust registry holds an accreditation record for the issuer, without validity dates.",
                evidence,
            )
        if awarded is None:
            return (
                "partly",
                "The trust registry holds an accreditation record, but the award date was not released.",
                evidence,
            )
        if (valid_from is None or valid_from <= awarded) and (valid_until is None or awarded <= valid_until):
            return "meets", f"The issuer's accreditation on record covers the award date ({awarded}).", evidence
        return "gap", f"The issuer's accreditation on record does not cover the award date ({awarded}).", evidence
    stated = summary.quality_assurance
    if stated is not None:
        evidence["stated"] = stated.model_dump(exclude_none=True, exclude_defaults=True)
        return (
            "partly",
            "The credential states its quality assurance; the trust registry holds no record to confirm it.",
            evidence,
        )
    return (
        "unknown",
        "Neither the released fields nor the trust registry say how the issuer is quality-assured.",
        evidence,
    )


RANK: dict[Finding, int] = {"meets": 3, "partly": 2, "gap": 1, "unknown": 0}


def _quality(
    credentials: Sequence[ReleasedCredential], accreditations: Mapping[str, Mapping[str, Any]]
) -> ElementAssessment:
    per_credential = [_quality_of(credential, accreditations) for credential in credentials]
    if not per_credential:
        return ElementAssessment(
            element="quality", finding="unknown", message="No credential was released.", evidence={}
        )
    # The credential best placed on quality carries the element (one accredited degree among badges is enough).
    finding, message, _ = max(per_credential, key=lambda item: RANK[item[0]])
    evidence = {"credentials": [{**item[2], "finding": item[0]} for item in per_credential]}
    return ElementAssessment(element="quality", finding=finding, message=message, evidence=evidence)


def _eqf_levels(summary: Summary, catalogue: Catalogue) -> list[int]:
    return sorted({reading.eqf_level for reading in read_levels(summary, catalogue).eqf})


def _level(
    credentials: Sequence[ReleasedCredential], target: TargetQualification | None, catalogue: Catalogue
) -> tuple[ElementAssessment, int | None]:
    per_credential = [_eqf_levels(c.summary, catalogue) for c in credentials]
    readings = [
        {"title": c.summary.title, "eqf_levels": levels} for c, levels in zip(credentials, per_credential, strict=True)
    ]
    levels = [level for found in per_credential for level in found]
    highest = max(levels) if levels else None
    evidence: dict[str, Any] = {
        "credentials": readings,
        "credential_eqf": highest,
        "target_eqf": target.eqf_level if target else None,
    }
    if highest is None:
        return ElementAssessment(
            element="level",
            finding="unknown",
            message="The released fields state no level that reads through the EQF.",
            evidence=evidence,
        ), None
    if target is None or target.eqf_level is None:
        message = f"Comparable level EQF {highest}; there is no target level to compare it with."
        return ElementAssessment(element="level", finding="unknown", message=message, evidence=evidence), highest
    if highest >= target.eqf_level:
        message = f"Comparable level EQF {highest}, at or above the target's EQF {target.eqf_level}."
        return ElementAssessment(element="level", finding="meets", message=message, evidence=evidence), highest
    message = f"Comparable level EQF {highest}, below the target's EQF {target.eqf_level}."
    return ElementAssessment(element="level", finding="gap", message=message, evidence=evidence), highest


def _workload(
    credentials: Sequence[ReleasedCredential], target: TargetQualification | None, catalogue: Catalogue
) -> tuple[ElementAssessment, float | None]:
    readings = []
    total = 0.0
    known = False
    for credential in credentials:
        converted, ects = convert_credits(stated_credits(credential.summary), catalogue, None)
        readings.append(
            {"title": credential.summary.title, "ects": ects, "stated": [c.original.model_dump() for c in converted]}
        )
        if ects is not None:
            total += ects
            known = True
    credential_ects = round(total, 2) if known else None
    evidence: dict[str, Any] = {
        "credentials": readings,
        "credential_ects": credential_ects,
        "target_ects": target.ects if target else None,
    }
    if credential_ects is None:
        return ElementAssessment(
            element="workload",
            finding="unknown",
            message="The released fields state no workload that converts to ECTS.",
            evidence=evidence,
        ), None
    if target is None or target.ects is None:
        message = f"{credential_ects:g} ECTS in all; there is no target workload to compare it with."
        return ElementAssessment(
            element="workload", finding="unknown", message=message, evidence=evidence
        ), credential_ects
    if credential_ects >= target.ects:
        message = f"{credential_ects:g} ECTS, at least the target's {target.ects:g}."
        return ElementAssessment(
            element="workload", finding="meets", message=message, evidence=evidence
        ), credential_ects
    finding: Finding = "partly" if credential_ects >= WORKLOAD_TOLERANCE * target.ects else "gap"
    message = f"{credential_ects:g} ECTS, {target.ects - credential_ects:g} short of the target's {target.ects:g}."
    return ElementAssessment(element="workload", finding=finding, message=message, evidence=evidence), credential_ects


def _profile(
    credentials: Sequence[ReleasedCredential], target: TargetQualification | None
) -> tuple[ElementAssessment, str | None]:
    codes = [code for code in (field_code(c.summary) for c in credentials) if code and code.isdigit()]
    evidence: dict[str, Any] = {"credential_fields": codes, "target_field": target.field_of_study if target else None}
    first = codes[0] if codes else None
    if not codes:
        return ElementAssessment(
            element="profile",
            finding="unknown",
            message="The released fields state no ISCED-F field.",
            evidence=evidence,
        ), None
    if target is None or not target.field_of_study:
        return ElementAssessment(
            element="profile", finding="unknown", message="There is no target field to compare with.", evidence=evidence
        ), first
    wanted = target.field_of_study
    for code in codes:
        shorter = min(len(code), len(wanted))
        if code[:shorter] == wanted[:shorter]:
            message = f"ISCED-F field {code} matches the target's field {wanted}."
            return ElementAssessment(element="profile", finding="meets", message=message, evidence=evidence), code
    for code in codes:
        if code[:2] == wanted[:2]:
            message = (
                f"ISCED-F field {code} is in the same broad field as the target's {wanted}, not the same narrow field."
            )
            return ElementAssessment(element="profile", finding="partly", message=message, evidence=evidence), code
    message = f"ISCED-F field(s) {', '.join(codes)} differ from the target's field {wanted}."
    return ElementAssessment(element="profile", finding="gap", message=message, evidence=evidence), first


def _outcomes(
    credentials: Sequence[ReleasedCredential], target: TargetQualification | None
) -> tuple[ElementAssessment, OutcomeCoverage | None]:
    # A credential may state any number of outcomes of any length: the matcher takes at most MAX_OUTCOMES of at most
    # MAX_TEXT characters, so longer texts are cut and further outcomes left out (and the evidence says how many).
    stated = [
        OutcomeText(text=o.text[:MAX_TEXT], esco_uri=o.esco_uri, related=tuple(o.related), source=c.summary.title)
        for c in credentials
        for o in [*c.summary.learning_outcomes, *(x for a in c.summary.achievements for x in a.learning_outcomes)]
    ]
    offered = stated[:MAX_OUTCOMES]
    targets = [
        OutcomeText(text=str(o["text"]), esco_uri=o.get("esco_uri"))
        for o in (target.learning_outcomes if target else [])
    ]
    evidence: dict[str, Any] = {"offered": len(stated), "compared": len(offered), "targets": len(targets)}
    if not targets:
        return ElementAssessment(
            element="learning_outcomes",
            finding="unknown",
            message="There are no target learning outcomes to compare with.",
            evidence=evidence,
        ), None
    coverage = match_outcomes(targets, offered)
    evidence["coverage"] = coverage.coverage
    if not offered:
        return ElementAssessment(
            element="learning_outcomes",
            finding="unknown",
            message="The released fields state no learning outcomes.",
            evidence=evidence,
        ), coverage
    covered, total = len(coverage.covered), len(targets)
    finding: Finding = "meets" if covered == total else "partly" if covered * 2 >= total else "gap"
    message = f"{covered} of the target's {total} learning outcomes are covered (pairs listed under learning_outcomes)."
    return ElementAssessment(element="learning_outcomes", finding=finding, message=message, evidence=evidence), coverage


def _failed_checks(credentials: Sequence[ReleasedCredential]) -> list[str]:
    failed = []
    for credential in credentials:
        checks = (credential.verification or {}).get("checks") or []
        for check in checks:
            if check.get("outcome") == "failed" and check.get("name") in {"signature", "format", "status"}:
                failed.append(
                    f"{credential.summary.title or 'A credential'}: {check.get('name')} ({check.get('reason')})"
                )
    return failed


def _suggest(
    elements: list[ElementAssessment], *, failed: list[str], purpose: str, passport: bool, credential_ects: float | None
) -> AdviceSuggestion:
    if failed:
        return AdviceSuggestion(
            outcome=None,
            reasons=["Verification failed — establish authenticity before assessing: " + "; ".join(failed)],
            possible_differences=[],
        )
    differences = [
        SubstantialDifference(element=e.element, description=e.message)
        for e in elements
        if e.finding in {"gap", "partly"}
    ]
    gaps = {e.element for e in elements if e.finding == "gap"}
    unknown = [e.element for e in elements if e.finding == "unknown"]
    reasons = [f"{e.element.replace('_', ' ')}: {e.message}" for e in elements]
    if unknown:
        reasons.append(
            f"Not established from the data ({', '.join(unknown)}): for the officer to establish; not a difference."
        )
    if passport:
        return AdviceSuggestion(
            outcome=Outcome.ASSESSMENT,
            reasons=["An interview-based assessment of the declared qualifications.", *reasons],
            possible_differences=differences,
        )
    if len(unknown) == len(elements):
        return AdviceSuggestion(
            outcome=None,
            reasons=["The released data supports no suggestion: ask the learner for more.", *reasons],
            possible_differences=[],
        )
    if "quality" in gaps:
        outcome = Outcome.DENIAL
    elif "level" in gaps:
        outcome = Outcome.ALTERNATIVE
    elif gaps or differences:
        outcome = Outcome.PARTIAL if purpose == Purpose.CREDIT_TRANSFER and credential_ects else Outcome.CONDITIONAL
    else:
        outcome = Outcome.FULL
    return AdviceSuggestion(outcome=outcome, reasons=reasons, possible_differences=differences)


def advise(
    case_id: uuid.UUID,
    credentials: Sequence[ReleasedCredential],
    target: TargetQualification | None,
    catalogue: Catalogue,
    *,
    accreditations: Mapping[str, Mapping[str, Any]],
    purpose: str,
    passport: bool,
    now: datetime,
) -> tuple[Advice, PrecedentKeys]:
    """The pre-assessment of a case, and the keys its precedents are found by."""
    quality = _quality(credentials, accreditations)
    level, eqf = _level(credentials, target, catalogue)
    workload, ects = _workload(credentials, target, catalogue)
    profile, field = _profile(credentials, target)
    outcomes, coverage = _outcomes(credentials, target)
    elements = [quality, level, workload, profile, outcomes]
    advice = Advice(
        case_id=case_id,
        generated_at=now,
        target=target_public(target) if target else None,
        credentials=[c.summary.title or "(title not released)" for c in credentials],
        elements=elements,
        learning_outcomes=coverage,
        suggestion=_suggest(
            elements, failed=_failed_checks(credentials), purpose=purpose, passport=passport, credential_ects=ects
        ),
        caveat=CAVEAT,
    )
    keys = PrecedentKeys(
        issuer_keys=tuple(
            dict.fromkeys(
                key
                for c in credentials
                if c.summary.issuer
                for key in (normalise_key(c.summary.issuer.id), normalise_key(c.summary.issuer.name))
                if key
            )
        ),
        qualification_keys=tuple(dict.fromkeys(k for k in (normalise_key(c.summary.title) for c in credentials) if k)),
        eqf_level=eqf,
        field_of_study=(target.field_of_study if target and target.field_of_study else field),
    )
    return advice, keys
