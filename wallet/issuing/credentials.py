"""An issued achievement as the two documents a learner receives, both signed with the institution's ES256 key.

    Open Badges 3.0 VC-JWT    a VCDM 2.0 `OpenBadgeCredential` secured as a compact JWS (`vc+jwt`, the payload is
                              the credential, VC-JOSE-COSE §3.1.1), with a revocation and a suspension
                              `BitstringStatusListEntry`
    SD-JWT VC (`dc+sd-jwt`)   flat claims named after the Annex I elements, each behind a Disclosure except the
                              registered claims, the issuer's name and country and the status; an IETF Token Status
                              List reference; `cnf` when the learner's wallet proved a key (OpenID4VCI)

Open Badges 3.0 has slots for the title, description, criteria, learning outcomes (alignments), EQF level
(alignment to the EU's EQF vocabulary), credits, field of study and grade. Annex I elements without an OB 3.0 slot
(workload system, type of assessment, form of participation, quality assurance, prerequisites, supervision,
stackability, further information) are extension properties of the Achievement, under the issuer-dependent
vocabulary of the VCDM 2.0 context (`@vocab`); `docs/issuing.md` lists them and `wallet.summary` reads them back.

Pure and synchronous (signing is CPU-bound): callers run `sign()` in a worker thread.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from joserfc.jwk import ECKey

from core.keys import ALGORITHM, SigningKey
from wallet.issuing.schemas import (
    PARTICIPATION_LABELS,
    STACKABILITY_LABELS,
    SUPERVISION_LABELS,
    AchievementDetails,
    AnnexElements,
    CredentialFormat,
)
from wallet.sdjwt import issue_vc, signing
from wallet.status.publish import bitstring_entry, token_status_claim
from wallet.summary.model import ANNEX_I_LABELS, AnnexElement

VCDM_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OPEN_BADGES_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
VC_JWT_TYPE = "vc+jwt"
EQF_LEVEL_URI = "http://data.europa.eu/snb/eqf/"
ESCO_PREFIX = "http://data.europa.eu/esco/"
MICRO_CREDENTIAL_VCT_PATH = "/vct/micro-credential"
# SD-JWT VC claims kept in the clear: who issued it and what it is are what a verifier needs to look anything up.
CLEAR_CLAIMS = frozenset({"iss", "iat", "nbf", "exp", "vct", "status", "cnf", "issuing_authority", "issuing_country"})


@dataclass(frozen=True)
class Issuer:
    id: str
    """`<public URL>/v1/institutions/<id>`: the issuer identifier in both documents and in the trust registry."""
    name: str
    country: str | None
    identifiers: tuple[tuple[str, str], ...] = ()
    """(scheme, value): `erasmus`, `schac`, `pic`."""


@dataclass(frozen=True)
class StatusSlot:
    revocation_url: str
    suspension_url: str
    token_url: str
    index: int


@dataclass(frozen=True)
class Issuance:
    credential_id: uuid.UUID
    issuer: Issuer
    achievement_id: uuid.UUID
    kind: str
    title: str
    details: AchievementDetails
    learner_name: str
    grade: str | None
    awarded_on: date
    issued_at: datetime
    valid_until: datetime | None
    status: StatusSlot
    vct: str
    holder_jwk: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        for name in ("issued_at", "valid_until"):
            moment = getattr(self, name)
            if moment is not None and moment.utcoffset() is None:
                raise ValueError(f"{name} must be timezone-aware")


def missing_elements(kind: str, title: str, details: AnnexElements, country: str | None) -> list[AnnexElement]:
    """The Annex I mandatory elements a micro-credential definition (or a catalogue offer) leaves empty. The learner
    and the date of issuing come with each issuance (the learner's name is required there); the awarding body is the
    institution."""
    if kind != "micro_credential":
        return []
    quality = details.quality_assurance
    present: dict[AnnexElement, bool] = {
        "title": bool(title.strip()),
        "issuer_country": bool(country),
        "learning_outcomes": bool(details.learning_outcomes),
        "workload": details.ects is not None or details.hours is not None,
        "level": details.eqf_level is not None or details.national_level is not None,
        "assessment_type": bool(details.assessment_type),
        "participation": details.participation is not None,
        "quality_assurance": quality is not None and bool(quality.type or quality.body or quality.accreditations),
    }
    return [element for element, given in present.items() if not given]


def missing_with_labels(missing: Sequence[AnnexElement]) -> list[dict[str, str]]:
    return [{"element": element, "label": ANNEX_I_LABELS[element]} for element in missing]


def did_jwk(public: dict[str, Any]) -> str:
    """The holder's key as a `did:jwk` (the subject of a `jwt_vc_json` credential collected through OpenID4VCI)."""
    data = json.dumps(public, separators=(",", ":"), sort_keys=True).encode()
    return "did:jwk:" + base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _instant(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _numeric_date(moment: datetime) -> int:
    return int(moment.timestamp())


def _present(values: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if value is not None and value not in ([], {})}


def _stackability(details: AchievementDetails) -> str | None:
    if details.stackability is None:
        return None
    label = STACKABILITY_LABELS[details.stackability]
    return f"{label}: {details.stackable_towards}" if details.stackable_towards else label


def _quality_assurance(details: AchievementDetails) -> dict[str, Any] | None:
    quality = details.quality_assurance
    if quality is None:
        return None
    return _present({"type": quality.type, "body": quality.body, "accreditations": list(quality.accreditations)})


def _national_level(details: AchievementDetails, country: str | None) -> dict[str, Any] | None:
    level = details.national_level
    if level is None:
        return None
    return _present({"framework": level.framework, "level": level.level, "country": country})


# --- Open Badges 3.0 -----------------------------------------------------------------------------------------------


def _alignments(details: AchievementDetails, achievement_uri: str) -> list[dict[str, Any]]:
    alignments: list[dict[str, Any]] = []
    if details.eqf_level is not None:
        alignments.append(
            {
                "type": ["Alignment"],
                "targetName": f"EQF level {details.eqf_level}",
                "targetUrl": f"{EQF_LEVEL_URI}{details.eqf_level}",
                "targetFramework": "European Qualifications Framework",
                "targetCode": str(details.eqf_level),
                "targetType": "ext:EQFLevel",
            }
        )
    for number, outcome in enumerate(details.learning_outcomes, start=1):
        # OB 3.0 requires a `targetUrl`: an outcome without a framework URI is named inside the achievement.
        alignment: dict[str, Any] = {
            "type": ["Alignment"],
            "targetName": outcome.text,
            "targetUrl": outcome.esco_uri or f"{achievement_uri}#learning-outcome-{number}",
            "targetType": "ext:LearningOutcome",
        }
        if outcome.esco_uri and outcome.esco_uri.startswith(ESCO_PREFIX):
            alignment["targetFramework"] = "ESCO"
        alignments.append(alignment)
    return alignments


def open_badge(issuance: Issuance) -> dict[str, Any]:
    """The issuance as an Open Badges 3.0 `OpenBadgeCredential` (VCDM 2.0), unsigned."""
    details = issuance.details
    issuer = issuance.issuer
    achievement_uri = f"{issuer.id}/achievements/{issuance.achievement_id}"
    result_description_id = f"{achievement_uri}#grade"
    achievement = _present(
        {
            "id": achievement_uri,
            "type": ["Achievement"],
            "achievementType": "MicroCredential" if issuance.kind == "micro_credential" else "Achievement",
            "name": issuance.title,
            "description": details.description or issuance.title,
            "criteria": {"narrative": details.criteria or details.description or issuance.title},
            "creditsAvailable": details.ects,
            "fieldOfStudy": details.field_of_study,
            "inLanguage": details.language,
            "alignment": _alignments(details, achievement_uri),
            "resultDescription": [
                {
                    "id": result_description_id,
                    "type": ["ResultDescription"],
                    "name": details.grading_scheme or "Grade",
                    "resultType": "LetterGrade",
                }
            ]
            if issuance.grade
            else None,
            # Extension properties (issuer-dependent terms of the VCDM 2.0 context): see the module docstring.
            "creditSystem": "ECTS" if details.ects is not None else None,
            "workloadHours": details.hours,
            "nationalLevel": _national_level(details, issuer.country),
            "assessmentType": details.assessment_type,
            "participationForm": PARTICIPATION_LABELS[details.participation] if details.participation else None,
            "qualityAssurance": _quality_assurance(details),
            "prerequisites": details.prerequisites,
            "supervisionAndIdentityVerification": SUPERVISION_LABELS[details.supervision]
            if details.supervision
            else None,
            "integrationStackability": _stackability(details),
            "furtherInformation": details.further_information,
        }
    )
    learner = {"type": "IdentityObject", "identityType": "name", "hashed": False, "identityHash": issuance.learner_name}
    subject: dict[str, Any] = {"type": ["AchievementSubject"], "identifier": [learner], "achievement": achievement}
    if issuance.holder_jwk:
        subject = {"id": did_jwk(issuance.holder_jwk), **subject}
    if issuance.grade:
        subject["result"] = [{"type": ["Result"], "resultDescription": result_description_id, "value": issuance.grade}]
    identifiers = [
        {"type": ["IdentifierEntry"], "identifierType": scheme, "identifier": value}
        for scheme, value in issuer.identifiers
    ]
    profile = _present(
        {
            "id": issuer.id,
            "type": ["Profile"],
            "name": issuer.name,
            "address": {"type": ["Address"], "addressCountryCode": issuer.country} if issuer.country else None,
            "otherIdentifier": identifiers,
        }
    )
    slot = issuance.status
    return _present(
        {
            "@context": [VCDM_CONTEXT, OPEN_BADGES_CONTEXT],
            "id": f"urn:uuid:{issuance.credential_id}",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": profile,
            "validFrom": _instant(issuance.issued_at),
            "validUntil": _instant(issuance.valid_until) if issuance.valid_until else None,
            "awardedDate": issuance.awarded_on.isoformat(),
            "name": issuance.title,
            "credentialSubject": subject,
            "credentialStatus": [
                bitstring_entry(slot.revocation_url, slot.index, "revocation"),
                bitstring_entry(slot.suspension_url, slot.index, "suspension"),
            ],
        }
    )


# --- SD-JWT VC -----------------------------------------------------------------------------------------------------


def sd_jwt_claims(issuance: Issuance) -> dict[str, Any]:
    """The issuance as SD-JWT VC claims, before any is concealed."""
    details = issuance.details
    return _present(
        {
            "iss": issuance.issuer.id,
            "iat": _numeric_date(issuance.issued_at),
            "exp": _numeric_date(issuance.valid_until) if issuance.valid_until else None,
            "vct": issuance.vct,
            "status": token_status_claim(issuance.status.token_url, issuance.status.index),
            "cnf": {"jwk": issuance.holder_jwk} if issuance.holder_jwk else None,
            "issuing_authority": issuance.issuer.name,
            "issuing_country": issuance.issuer.country,
            "name": issuance.title,
            "description": details.description,
            "learner": {"name": issuance.learner_name},
            "awarded_on": issuance.awarded_on.isoformat(),
            "achievement_type": "micro-credential" if issuance.kind == "micro_credential" else None,
            "learning_outcomes": [
                _present({"text": outcome.text, "esco_uri": outcome.esco_uri}) for outcome in details.learning_outcomes
            ],
            "ects": details.ects,
            "workload_hours": details.hours,
            "eqf_level": details.eqf_level,
            "national_level": _national_level(details, issuance.issuer.country),
            "field_of_study": details.field_of_study,
            "assessment_type": details.assessment_type,
            "participation": PARTICIPATION_LABELS[details.participation] if details.participation else None,
            "quality_assurance": _quality_assurance(details),
            "prerequisites": details.prerequisites,
            "supervision": SUPERVISION_LABELS[details.supervision] if details.supervision else None,
            "stackability": _stackability(details),
            "further_information": details.further_information,
            "language": details.language,
            "grade": _present({"value": issuance.grade, "scheme": details.grading_scheme}) if issuance.grade else None,
        }
    )


def sign(issuance: Issuance, key: SigningKey, formats: Sequence[CredentialFormat]) -> dict[CredentialFormat, str]:
    """Sign the issuance in each format with `key` (named by its `kid`)."""
    private = ECKey.import_key(key.private.to_pem())
    header = {"kid": key.kid}
    signed: dict[CredentialFormat, str] = {}
    for wanted in formats:
        if wanted == "vc+jwt":
            signed[wanted] = signing.sign({**header, "typ": VC_JWT_TYPE}, open_badge(issuance), private, ALGORITHM)
        else:
            claims = sd_jwt_claims(issuance)
            disclosable = [(name,) for name in claims if name not in CLEAR_CLAIMS]
            issued = issue_vc(claims, issuer_key=private, disclosable=disclosable, algorithm=ALGORITHM, header=header)
            signed[wanted] = issued.serialized
    return signed
