"""A recognition body's decision as two credentials for the learner's wallet, both signed with the body's ES256 key.

    SD-JWT VC (`dc+sd-jwt`)      the decision as flat claims; what only the learner should choose to show (name,
                                 reasons, conditions, differences, part, credits, credentials assessed, purpose)
                                 stands behind Disclosures, while outcome, body and dates stay in the clear
    Open Badges 3.0 VC-JWT       a VCDM 2.0 OpenBadgeCredential secured as a compact JWS (`vc+jwt`): the payload
                                 is the credential itself (VC-JOSE-COSE §3.1.1); the decision is the achievement

Pure and synchronous (signing is CPU-bound): callers run `issue_decision_credentials()` in a worker thread.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal

from joserfc.jwk import ECKey

from core.keys import ALGORITHM, SigningKey
from wallet.issuing.credentials import StatusSlot
from wallet.sdjwt import issue_vc, signing
from wallet.status.publish import bitstring_entry, token_status_claim

Outcome = Literal["full", "partial", "alternative", "conditional", "denial", "assessment"]

VCDM_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OPEN_BADGES_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
"""Shipped in `wallet/contexts/`, so the credential expands offline wherever this service reads it."""
VC_JWT_TYPE = "vc+jwt"  # VC-JOSE-COSE §3.1.1
# OB 3.0 Appendix B, AchievementType: an extensible enumeration; terms outside it take the `ext:` prefix. None of
# its values (Degree, Course, License, …) is a recognition decision or a qualification assessment.
ACHIEVEMENT_TYPES: dict[Outcome, str] = {
    "full": "ext:RecognitionDecision",
    "partial": "ext:RecognitionDecision",
    "alternative": "ext:RecognitionDecision",
    "conditional": "ext:RecognitionDecision",
    "denial": "ext:RecognitionDecision",
    "assessment": "ext:QualificationAssessment",
}
DIFFERENCE_LABELS = {
    "quality": "Quality",
    "level": "Level",
    "workload": "Workload",
    "profile": "Profile",
    "learning_outcomes": "Learning outcomes",
    "other": "Other",
}
# The SD-JWT VC claims the learner may withhold when presenting the decision (RFC 9901 §4.2). Whole claims only:
# showing some of the differences or conditions and hiding others would misstate the decision.
DISCLOSABLE_CLAIMS = (
    "learner",
    "purpose",
    "reasons",
    "conditions",
    "substantial_differences",
    "recognised_part",
    "ects_recognised",
    "assessed_credentials",
)
_EQF_LEVEL = re.compile(r"EQF ([1-8])")
# Outcomes whose credential places the learner at the target's level. A denial does not, and a partial recognition
# covers only a part: an EQF alignment there would read, in any wallet, as a level the learner holds.
LEVEL_GRANTED: frozenset[Outcome] = frozenset({"full", "alternative", "conditional", "assessment"})
EQF_LEVEL_URI = "http://data.europa.eu/snb/eqf/"


@dataclass(frozen=True)
class DecisionClaims:
    """What a decision credential states; `None` and empty values are left out of both credentials."""

    decision_id: uuid.UUID
    case_id: uuid.UUID
    outcome: Outcome
    outcome_label: str
    body_name: str
    body_country: str
    """ISO 3166-1 alpha-2."""
    learner_name: str
    purpose: str
    """further_study, employment, credit_transfer or other."""
    recognised_as: str | None
    """The target qualification's title, when there is one."""
    target_level: str | None
    """As the target states it: `EQF 6`, `DE DQR 6`."""
    ects_recognised: float | None
    recognised_part: str | None
    conditions: tuple[str, ...]
    substantial_differences: tuple[tuple[str, str], ...]
    """(element, description); element is quality, level, workload, profile, learning_outcomes or other."""
    reasons: str
    appeal_route: str
    appeal_deadline: date
    assessed_credentials: tuple[str, ...]
    """Titles of the credentials assessed."""
    decided_at: datetime
    late: bool
    based_on_incomplete_evidence: bool
    """Assessed without full documentary evidence (a European Qualifications Passport for Refugees assessment)."""
    valid_until: datetime | None
    """Set for assessment documents."""
    status: StatusSlot | None = None
    """Where the decision's status is published (the body's status lists): revoked when a decision on appeal
    replaces it. Both credentials name the same index."""

    def __post_init__(self) -> None:
        # A naive datetime would be read in the server's local time zone by `timestamp()`: a wrong `iat` or `exp`.
        for name in ("decided_at", "valid_until"):
            moment = getattr(self, name)
            if moment is not None and moment.utcoffset() is None:
                raise ValueError(f"{name} must be timezone-aware")
        if self.valid_until is not None and self.valid_until <= self.decided_at:
            raise ValueError("valid_until must be later than decided_at")


@dataclass(frozen=True)
class IssuedDecision:
    sd_jwt_vc: str
    """Compact SD-JWT with every Disclosure and the trailing `~` (RFC 9901 §4)."""
    vc_jwt: str
    """Compact JWS whose payload is the Open Badges 3.0 credential."""


def issue_decision_credentials(claims: DecisionClaims, *, key: SigningKey, issuer: str, vct: str) -> IssuedDecision:
    """Sign the decision as an SD-JWT VC and as an Open Badges 3.0 VC-JWT, both with `key` (named by its `kid`)."""
    # The keyring holds python-jose keys; SD-JWT and JWS signing here go through joserfc.
    private = ECKey.import_key(key.private.to_pem())
    header = {"kid": key.kid}
    sd_jwt_claims = _sd_jwt_claims(claims, issuer=issuer, vct=vct)
    sd_jwt = issue_vc(
        sd_jwt_claims,
        issuer_key=private,
        disclosable=[(name,) for name in DISCLOSABLE_CLAIMS if name in sd_jwt_claims],
        algorithm=ALGORITHM,
        header=header,
    )
    vc_jwt = signing.sign({**header, "typ": VC_JWT_TYPE}, _open_badge(claims, issuer=issuer), private, ALGORITHM)
    return IssuedDecision(sd_jwt_vc=sd_jwt.serialized, vc_jwt=vc_jwt)


def _title(claims: DecisionClaims) -> str:
    """`Recognition decision: Full recognition — Bachelor of Science in Physics`."""
    heading = (
        claims.outcome_label if claims.outcome == "assessment" else f"Recognition decision: {claims.outcome_label}"
    )
    return f"{heading} — {claims.recognised_as}" if claims.recognised_as else heading


def _instant(moment: datetime) -> str:
    """An XSD dateTimeStamp in UTC, to the second (VCDM 2.0 §4.9), the same second as the JWT's NumericDate."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _numeric_date(moment: datetime) -> int:
    return int(moment.timestamp())  # RFC 7519 §2: seconds since the epoch


def _present(values: dict[str, Any]) -> dict[str, Any]:
    # `late: false` and `ects_recognised: 0.0` are statements; an absent value or an empty list is not.
    return {name: value for name, value in values.items() if value is not None and value != []}


def _sd_jwt_claims(claims: DecisionClaims, *, issuer: str, vct: str) -> dict[str, Any]:
    # draft-ietf-oauth-sd-jwt-vc §3.2.2: no `sub`, the learner has no identifier of their own to bind to.
    return _present(
        {
            "iss": issuer,
            "iat": _numeric_date(claims.decided_at),
            "exp": _numeric_date(claims.valid_until) if claims.valid_until else None,
            "vct": vct,
            "status": token_status_claim(claims.status.token_url, claims.status.index) if claims.status else None,
            "name": _title(claims),
            # EUDI attestation rulebook names, which wallets (this one's summary too) read as the issuer's.
            "issuing_authority": claims.body_name,
            "issuing_country": claims.body_country,
            "decision_id": str(claims.decision_id),
            "case_id": str(claims.case_id),
            "outcome": claims.outcome,
            "outcome_label": claims.outcome_label,
            "recognition_body": {"name": claims.body_name, "country": claims.body_country},
            "learner": {"name": claims.learner_name},
            "purpose": claims.purpose,
            "recognised_as": claims.recognised_as,
            "target_level": claims.target_level,
            "ects_recognised": claims.ects_recognised,
            "recognised_part": claims.recognised_part,
            "conditions": list(claims.conditions),
            "substantial_differences": [
                {"element": element, "description": description}
                for element, description in claims.substantial_differences
            ],
            "reasons": claims.reasons,
            "appeal": {"route": claims.appeal_route, "deadline": claims.appeal_deadline.isoformat()},
            "assessed_credentials": list(claims.assessed_credentials),
            "decided_at": _instant(claims.decided_at),
            "late": claims.late,
            "based_on_incomplete_evidence": claims.based_on_incomplete_evidence,
        }
    )


def _description(claims: DecisionClaims) -> str:
    """The decision in plain words: outcome, what was recognised, then the reasons."""
    decided = f"{claims.body_name} ({claims.body_country}) decided on {claims.decided_at.astimezone(UTC):%Y-%m-%d}"
    outcome = claims.outcome_label
    if claims.recognised_as:
        outcome += f" as {claims.recognised_as}"
    if claims.target_level:
        outcome += f" (target level: {claims.target_level})"
    sentences = [f"{decided}: {outcome}."]
    if claims.recognised_part:
        sentences.append(f"Part recognised: {claims.recognised_part}.")
    if claims.ects_recognised is not None:
        sentences.append(f"ECTS credits recognised: {claims.ects_recognised:g}.")
    if claims.based_on_incomplete_evidence:
        sentences.append("The assessment was made without full documentary evidence.")
    if claims.late:
        sentences.append("The decision was made after the time limit for deciding.")
    sentences.append(f"Reasons: {claims.reasons}")
    return " ".join(sentences)


def _narrative(claims: DecisionClaims) -> str:
    """OB 3.0 Criteria `narrative` (Markdown): the differences found, the conditions set, and how to appeal."""
    sections = [f"**Outcome:** {claims.outcome_label}."]
    if claims.substantial_differences:
        items = [
            f"- {DIFFERENCE_LABELS.get(element, element)}: {description}"
            for element, description in claims.substantial_differences
        ]
        sections.append("**Substantial differences**\n\n" + "\n".join(items))
    if claims.conditions:
        sections.append("**Conditions**\n\n" + "\n".join(f"- {condition}" for condition in claims.conditions))
    sections.append(f"**Appeal:** {claims.appeal_route}")
    sections.append(f"**Appeal deadline:** {claims.appeal_deadline.isoformat()}")
    return "\n\n".join(sections)


def _alignment(claims: DecisionClaims) -> list[dict[str, Any]]:
    """An EQF level as an OB 3.0 Alignment to the EU's EQF vocabulary; national levels have no URL to align to."""
    level = claims.target_level.strip() if claims.target_level else None
    match = _EQF_LEVEL.fullmatch(level) if level and claims.outcome in LEVEL_GRANTED else None
    if match is None:
        return []
    return [
        {
            "type": ["Alignment"],
            "targetName": f"EQF level {match.group(1)}",
            "targetUrl": f"{EQF_LEVEL_URI}{match.group(1)}",
            "targetFramework": "European Qualifications Framework",
            "targetCode": match.group(1),
        }
    ]


def _open_badge(claims: DecisionClaims, *, issuer: str) -> dict[str, Any]:
    """The decision as an Open Badges 3.0 OpenBadgeCredential (VCDM 2.0), unsigned."""
    credential_id = f"urn:uuid:{claims.decision_id}"
    achievement = _present(
        {
            "id": f"{credential_id}#achievement",
            "type": ["Achievement"],
            "achievementType": ACHIEVEMENT_TYPES[claims.outcome],
            "name": _title(claims),
            "description": _description(claims),
            "criteria": {"narrative": _narrative(claims)},
            "creditsAvailable": claims.ects_recognised,
            "alignment": _alignment(claims),
        }
    )
    # OB 3.0 AchievementSubject `identifier`: with no DID for the learner, an IdentityObject names them, in plain
    # text, as the learner's own copy of the decision says who it is about.
    learner = {"type": "IdentityObject", "identityType": "name", "hashed": False, "identityHash": claims.learner_name}
    evidence = [{"type": ["Evidence"], "name": assessed} for assessed in claims.assessed_credentials]
    return _present(
        {
            "@context": [VCDM_CONTEXT, OPEN_BADGES_CONTEXT],
            "id": credential_id,
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": {
                "id": issuer,
                "type": ["Profile"],
                "name": claims.body_name,
                "address": {"type": ["Address"], "addressCountryCode": claims.body_country},
            },
            "validFrom": _instant(claims.decided_at),
            "validUntil": _instant(claims.valid_until) if claims.valid_until else None,
            "awardedDate": _instant(claims.decided_at),
            "name": _title(claims),
            "credentialSubject": {"type": ["AchievementSubject"], "identifier": [learner], "achievement": achievement},
            "evidence": evidence,
            "credentialStatus": [
                bitstring_entry(claims.status.revocation_url, claims.status.index, "revocation"),
                bitstring_entry(claims.status.suspension_url, claims.status.index, "suspension"),
            ]
            if claims.status
            else None,
        }
    )
