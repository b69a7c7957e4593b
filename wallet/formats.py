"""Recognising what a learner uploads: which credential format.

`detect()` looks at the exact bytes received and answers one `CredentialFormat` or refuses the document. It
never verifies anything (that is `wallet.verification`) and summarises nothing (that is `wallet.summary`, from
what detection parsed: nothing is parsed twice).
"""

from __future__ import annotations

import binascii
import enum
from dataclasses import dataclass, field
from typing import Any

import defusedxml.ElementTree as SafeXML
from defusedxml import DefusedXmlException

from core import jsonstrict
from core.errors import InvalidInput, UnsupportedMediaType


class CredentialFormat(enum.StrEnum):
    EDC = "edc"  # European Digital Credential, ELM v3 JSON-LD, unsigned
    EDC_JADES = "edc_jades"  # EDC sealed with JAdES (JWS JSON serialization, RFC 7797 unencoded payload)
    OPEN_BADGE_3 = "open_badges_3"  # OB 3.0 JSON-LD, Data Integrity proof or none
    OPEN_BADGE_3_JWT = "open_badges_3_jwt"  # OB 3.0 as VC-JWT (VCDM 1.1 `vc` claim or VCDM 2.0)
    CLR_2 = "clr_2"  # Comprehensive Learner Record 2.0 JSON-LD
    CLR_2_JWT = "clr_2_jwt"
    VC = "vc"  # another W3C Verifiable Credential, JSON-LD
    VC_JWT = "vc_jwt"  # another W3C Verifiable Credential as a JWT
    SD_JWT_VC = "sd_jwt_vc"  # IETF SD-JWT VC (`dc+sd-jwt`)
    ELMO = "elmo"  # EMREX / EWP ELMO XML transcript of records
    # One learning opportunity of an ELMO transcript, stored as a linked credential; never uploaded on its own.
    ELMO_OPPORTUNITY = "elmo_learning_opportunity"


class UnrecognisedCredential(InvalidInput):
    code = "unrecognised_credential"
    default_detail = "The document is not a credential in a format Passerelle understands."


JSON_MEDIA_TYPES = frozenset(
    {
        "application/json",
        "application/ld+json",
        "application/vc+ld+json",
        "application/vc",
        "application/jose+json",
        "application/vc+json",
    }
)
TEXT_MEDIA_TYPES = frozenset(
    {
        "application/jwt",
        "application/vc+jwt",
        "application/vc+sd-jwt",
        "application/dc+sd-jwt",
        "application/sd-jwt",
        "application/jose",
        "text/plain",
    }
)
XML_MEDIA_TYPES = frozenset({"application/xml", "text/xml"})
ACCEPTED_MEDIA_TYPES = JSON_MEDIA_TYPES | TEXT_MEDIA_TYPES | XML_MEDIA_TYPES

MEDIA_TYPE_BY_FORMAT = {
    CredentialFormat.EDC: "application/ld+json",
    CredentialFormat.EDC_JADES: "application/jose+json",
    CredentialFormat.OPEN_BADGE_3: "application/ld+json",
    CredentialFormat.CLR_2: "application/ld+json",
    CredentialFormat.VC: "application/ld+json",
    CredentialFormat.OPEN_BADGE_3_JWT: "application/jwt",
    CredentialFormat.CLR_2_JWT: "application/jwt",
    CredentialFormat.VC_JWT: "application/vc+jwt",
    CredentialFormat.SD_JWT_VC: "application/dc+sd-jwt",
    CredentialFormat.ELMO: "application/xml",
    CredentialFormat.ELMO_OPPORTUNITY: "application/xml",
}


@dataclass(frozen=True)
class Detected:
    format: CredentialFormat
    # What detection parsed, handed to the summary parsers so they need not parse again: the credential object
    # (JSON-LD, the JWS JSON payload, the JWT's `vc` claim or VCDM 2.0 claims, the SD-JWT's issuer claims) or
    # the ELMO root element.
    document: Any = field(default=None, compare=False, repr=False)
    # The JWT claims around a VC-JWT's credential (`iss`, `sub`, `nbf`, `exp` stand in for VCDM 1.1 properties).
    jwt_claims: dict[str, Any] | None = field(default=None, compare=False, repr=False)
    # Handed to the verifiers for the same reason: the protected header of a compact JWS (VC-JWT, SD-JWT), and the
    # JWS JSON object around a sealed EDC whose payload is the JSON text itself (`document` is that payload parsed).
    header: dict[str, Any] | None = field(default=None, compare=False, repr=False)
    envelope: dict[str, Any] | None = field(default=None, compare=False, repr=False)
    # That payload as the octets its signature covers (RFC 7797 §3: the UTF-8 of the `payload` member).
    payload: bytes | None = field(default=None, compare=False, repr=False)


def _types(document: dict[str, Any]) -> list[str]:
    value = document.get("type", document.get("@type", []))
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, str)]


def _classify_vc(document: dict[str, Any], *, jwt: bool) -> CredentialFormat:
    types = set(_types(document))
    if "EuropeanDigitalCredential" in types and not jwt:
        return CredentialFormat.EDC
    if "ClrCredential" in types:
        return CredentialFormat.CLR_2_JWT if jwt else CredentialFormat.CLR_2
    if types & {"OpenBadgeCredential", "AchievementCredential"}:
        return CredentialFormat.OPEN_BADGE_3_JWT if jwt else CredentialFormat.OPEN_BADGE_3
    if "VerifiableCredential" in types:
        return CredentialFormat.VC_JWT if jwt else CredentialFormat.VC
    if not jwt and "@context" in document and "proof" in document and "credentialSubject" in document:
        # A signed credential whose `type` was damaged is still checked: its proof, not detection, says it was
        # changed (and the structure check what is wrong). Without a credentialSubject (a presentation, a DID
        # document) it is no credential, and is refused as before.
        return CredentialFormat.VC
    raise UnrecognisedCredential("The JSON document is not a Verifiable Credential (no VerifiableCredential type).")


_TO_STANDARD = bytes.maketrans(b"-_", b"+/")


def _b64url_json(segment: str) -> Any:
    try:  # what `base64.urlsafe_b64decode` does, without its wrappers
        raw = binascii.a2b_base64(segment.encode("ascii").translate(_TO_STANDARD) + b"=" * (-len(segment) % 4))
    except (binascii.Error, ValueError) as exc:
        raise UnrecognisedCredential("A JWT segment is not base64url.") from exc
    return jsonstrict.loads(raw)


def _detect_jws_json(document: dict[str, Any]) -> Detected:
    payload = document.get("payload")
    if not isinstance(payload, str):
        raise UnrecognisedCredential("The JWS has no embedded payload; detached seals are not accepted.")
    # RFC 7797: with b64=false the payload member is the JSON text itself; otherwise it is base64url.
    unencoded = payload.encode("utf-8")  # the container was parsed strictly: it holds no lone surrogates
    envelope: dict[str, Any] | None = document
    octets: bytes | None = unencoded
    try:
        inner = jsonstrict.loads(unencoded)
    except InvalidInput:
        inner, envelope, octets = _b64url_json(payload), None, None
    if not isinstance(inner, dict) or "EuropeanDigitalCredential" not in _types(inner):
        raise UnrecognisedCredential("Only sealed European Digital Credentials are accepted as JWS JSON.")
    return Detected(CredentialFormat.EDC_JADES, inner, envelope=envelope, payload=octets)


def _detect_json(content: bytes) -> Detected:
    document = jsonstrict.loads(content)
    if not isinstance(document, dict):
        raise UnrecognisedCredential("A JSON credential must be a JSON object.")
    if "signatures" in document or ("protected" in document and "signature" in document):
        return _detect_jws_json(document)
    credential_format = _classify_vc(document, jwt=False)
    return Detected(credential_format, document)


def _detect_compact(content: bytes) -> Detected:
    try:
        text = content.decode("ascii").strip()
    except UnicodeDecodeError as exc:
        raise UnrecognisedCredential("A compact JWT must be ASCII.") from exc
    jws = text.partition("~")[0]
    parts = jws.split(".")
    if len(parts) != 3 or not all(parts[:2]):
        raise UnrecognisedCredential("The text is not a compact JWS (three base64url parts).")
    header, claims = _b64url_json(parts[0]), _b64url_json(parts[1])
    if not isinstance(header, dict) or not isinstance(claims, dict):
        raise UnrecognisedCredential("The JWT header and payload must be JSON objects.")
    token_type = str(header.get("typ", "")).lower().removeprefix("application/")
    if "~" in text or token_type in {"dc+sd-jwt", "vc+sd-jwt"}:
        if token_type not in {"dc+sd-jwt", "vc+sd-jwt", "sd-jwt", "jwt", "example+sd-jwt", ""}:
            raise UnrecognisedCredential(f"An SD-JWT with typ {token_type!r} is not an SD-JWT VC.")
        return Detected(CredentialFormat.SD_JWT_VC, claims, header=header)
    vc = claims.get("vc") if isinstance(claims.get("vc"), dict) else claims  # VCDM 1.1 `vc` claim or VCDM 2.0
    if not isinstance(vc, dict) or not _types(vc):
        raise UnrecognisedCredential("The JWT does not carry a Verifiable Credential.")
    credential_format = _classify_vc(vc, jwt=True)
    return Detected(credential_format, vc, claims, header=header)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _detect_xml(content: bytes) -> Detected:
    try:
        root = SafeXML.fromstring(content, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise UnrecognisedCredential("XML with DTDs or entities is refused.", code="unsafe_xml") from exc
    except SafeXML.ParseError as exc:
        raise UnrecognisedCredential(f"The XML is not well-formed: {exc}.") from exc
    if _local(root.tag) != "elmo":
        raise UnrecognisedCredential("Only ELMO transcripts (root element <elmo>) are accepted as XML.")
    return Detected(CredentialFormat.ELMO, root)


def detect(content: bytes, media_type: str) -> Detected:
    """Identify the credential format of `content` sent as `media_type`."""
    if not content.strip():
        raise UnrecognisedCredential("The document is empty.", code="empty_document")
    if media_type in JSON_MEDIA_TYPES:
        return _detect_json(content)
    if media_type in XML_MEDIA_TYPES:
        return _detect_xml(content)
    if media_type in TEXT_MEDIA_TYPES:
        return _detect_compact(content)
    if media_type == "application/octet-stream":
        # A file upload without a useful type: decide by the first significant byte.
        first = content.lstrip()[:1]
        if first == b"{":
            return _detect_json(content)
        if first == b"<":
            return _detect_xml(content)
        return _detect_compact(content)
    raise UnsupportedMediaType(
        f"Credentials are accepted as {', '.join(sorted(ACCEPTED_MEDIA_TYPES))} or multipart/form-data."
    )
