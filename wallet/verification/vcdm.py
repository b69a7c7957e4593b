"""The W3C Verifiable Credentials Data Model, checked as JSON: what every credential and presentation must look like.

Written for VCDM 2.0 (W3C Recommendation, 2025-05-15, §4 "Basic Concepts", §5.4-5.6, §5.12 "Securing
Mechanisms"), tolerant of VCDM 1.1 documents (`https://www.w3.org/2018/credentials/v1` context, `issuanceDate`,
`expirationDate`), which are accepted as 1.1 credentials.

This is a structural check on the compacted JSON a credential arrives in. It does no JSON-LD expansion and fetches
no contexts: the rules that JSON-LD processing would enforce are approximated for the parts we can see (inline
contexts redefining protected terms, types left unmapped by `"@vocab": null`, IRIs that are not URLs). Whether the
proof or the envelope is genuine is the signature check's business; whether the holder may present a credential,
the holder-binding check's. A credential that is an Open Badge is also held to the Open Badges 3.0 model
(`openbadges.py`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from wallet.verification import methods, openbadges
from wallet.verification.result import Check, CheckName, failed, passed

V2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
V1_CONTEXT = "https://www.w3.org/2018/credentials/v1"
DATA_MODELS = {V2_CONTEXT: "2.0", V1_CONTEXT: "1.1"}

# Top-level terms that the base contexts define with "@protected": true. Redefining one in a later context is a
# JSON-LD error unless the new definition is identical; the simple (IRI-only) definitions are kept for that test.
_V2_SIMPLE = {
    "id": "@id",
    "type": "@type",
    "description": "https://schema.org/description",
    "name": "https://schema.org/name",
    "EnvelopedVerifiableCredential": "https://www.w3.org/2018/credentials#EnvelopedVerifiableCredential",
    "EnvelopedVerifiablePresentation": "https://www.w3.org/2018/credentials#EnvelopedVerifiablePresentation",
    "JsonSchemaCredential": "https://www.w3.org/2018/credentials#JsonSchemaCredential",
    "BitstringStatusListCredential": "https://www.w3.org/ns/credentials/status#BitstringStatusListCredential",
}
_V2_SCOPED = {
    "digestMultibase", "digestSRI", "mediaType", "VerifiableCredential", "VerifiablePresentation", "JsonSchema",
    "BitstringStatusList", "BitstringStatusListEntry", "DataIntegrityProof", "...", "_sd", "_sd_alg", "aud", "cnf",
    "exp", "iat", "iss", "jku", "kid", "nbf", "sub", "x5u",
}  # fmt: skip
_V1_SIMPLE = {"id": "@id", "type": "@type"}
_V1_SCOPED = {
    "VerifiableCredential", "VerifiablePresentation", "EcdsaSecp256k1Signature2019", "EcdsaSecp256r1Signature2019",
    "Ed25519Signature2018", "RsaSignature2018", "proof",
}  # fmt: skip
_BASE_TERMS = {"2.0": (_V2_SIMPLE, _V2_SCOPED), "1.1": (_V1_SIMPLE, _V1_SCOPED)}
# What the base context protects and defines, by data model: built once, copied when an inline context adds to
# it. A scoped definition never equals an inline one, so any redefinition of these terms is refused.
_BASE_CONTEXTS: dict[str, tuple[dict[str, Any], set[str]]] = {
    model: (
        {term: {"@id": iri} for term, iri in simple.items()} | {term: {"@scoped": term} for term in scoped},
        set(simple) | scoped,
    )
    for model, (simple, scoped) in _BASE_TERMS.items()
}

# §4.5-§5.12: these properties hold one object or a set of objects, and each object MUST have a `type`.
_TYPED_OBJECTS = {
    "credentialStatus": "status_without_type",
    "credentialSchema": "schema_without_type",
    "evidence": "evidence_without_type",
    "termsOfUse": "terms_of_use_without_type",
    "refreshService": "refresh_service_without_type",
    "proof": "proof_without_type",
}

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_SPACE = re.compile(r"\s")  # str.isspace(): the same Unicode white space
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")
_HOST_SCHEMES = {"http", "https", "ws", "wss", "ftp"}
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
# XML Schema 1.1 Part 2 §3.3.7 dateTime (and §3.4.28 dateTimeStamp when the time zone is required).
_DATE_TIME = re.compile(
    r"(?P<year>-?(?:[1-9][0-9]{3,}|0[0-9]{3}))-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12][0-9]|3[01])"
    r"T(?P<hour>[01][0-9]|2[0-4]):(?P<minute>[0-5][0-9]):(?P<second>[0-5][0-9])(?P<fraction>\.[0-9]+)?"
    r"(?P<zone>Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"
)


class _Invalid(Exception):
    """One broken rule: a reason code, a sentence for people, and the property it is about."""

    def __init__(self, reason: str, message: str, where: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.where = where

    def inside(self, prefix: str) -> _Invalid:
        return _Invalid(self.reason, f"In {prefix}: {self.message}", f"{prefix}.{self.where}")


@dataclass
class _ActiveContext:
    """What the `@context` list tells us without fetching anything."""

    data_model: str
    protected: dict[str, Any] = field(default_factory=dict)
    defined: set[str] = field(default_factory=set)
    vocabulary: bool = True
    """Whether an `@vocab` maps terms nobody defined: the v2 context sets one, `"@vocab": null` removes it. (1.1 has
    none, but 1.1 documents are read tolerantly: their undefined types are not refused.)"""
    remote: bool = False
    """Whether a context we cannot read (any URL but the base context) might define more terms."""


def check_structure(document: dict[str, Any]) -> Check:
    """Check that a document is a well-formed Verifiable Credential (VCDM 2.0, or 1.1)."""
    return _check(_credential, document, "Verifiable Credential")


def check_presentation_structure(document: dict[str, Any]) -> Check:
    """Check that a document is a well-formed Verifiable Presentation, including every credential it carries."""
    return _check(_presentation, document, "Verifiable Presentation")


def _check(rules: Callable[[dict[str, Any]], str], document: dict[str, Any], what: str) -> Check:
    try:
        data_model = rules(document)
    except _Invalid as problem:
        return failed(CheckName.FORMAT, problem.reason, problem.message, property=problem.where)
    message = f"The document is a well-formed {what} (data model {data_model})."
    return passed(CheckName.FORMAT, "well_formed", message, data_model=data_model)


def _credential(document: dict[str, Any]) -> str:
    context = _contexts(document)
    types = _types(document, "credential", context)
    if "VerifiableCredential" not in types:
        found = f"the types {sorted(types)}" if types else "no type at all"
        if "EnvelopedVerifiableCredential" in types:
            found = "an enveloped credential"
        if "VerifiablePresentation" in types:
            found = "a Verifiable Presentation"
        raise _Invalid(
            "missing_verifiable_credential_type",
            f"The `type` property must include VerifiableCredential; this document has {found}.",
            "type",
        )
    _identifier(document, "id")
    _issuer(document.get("issuer"), "issuer" in document, context)
    _credential_subject(document)
    if context.data_model == "2.0":
        _language_values(document, "")
    _validity_period(document, context)
    for name, reason in _TYPED_OBJECTS.items():
        _typed_objects(document, name, reason, context)
    _schemas(document)
    badge = openbadges.problem(document)
    if badge is not None:
        raise _Invalid(badge.reason, badge.message, badge.where)
    return context.data_model


def _presentation(document: dict[str, Any]) -> str:
    context = _contexts(document)
    types = _types(document, "presentation", context)
    if "VerifiablePresentation" not in types:
        raise _Invalid(
            "missing_verifiable_presentation_type",
            f"The `type` property must include VerifiablePresentation; this document has {sorted(types) or 'none'}.",
            "type",
        )
    _identifier(document, "id")
    if "holder" in document:
        _holder(document["holder"])
    for name in ("termsOfUse", "proof"):
        _typed_objects(document, name, _TYPED_OBJECTS[name], context)
    credentials = document.get("verifiableCredential", [])
    for index, item in enumerate(credentials if isinstance(credentials, list) else [credentials]):
        where = f"verifiableCredential[{index}]"
        # §4.13: objects only; VC-JWT 1.1 presentations (§6.3.1 of 1.1) carry credentials as JWT strings.
        if isinstance(item, str) and context.data_model == "1.1":
            continue
        if not isinstance(item, dict):
            raise _Invalid(
                "invalid_verifiable_credential",
                f"`{where}` must be a credential object or an enveloped credential, not {_kind(item)}.",
                where,
            )
        try:
            _embedded_credential(item)
        except _Invalid as problem:
            raise problem.inside(where) from None
    return context.data_model


def _embedded_credential(item: dict[str, Any]) -> None:
    item_types = item.get("type")
    if item_types == "EnvelopedVerifiableCredential" or (
        isinstance(item_types, list) and "EnvelopedVerifiableCredential" in item_types
    ):
        _enveloped(item)
    else:
        _credential(item)


def _enveloped(item: dict[str, Any]) -> None:
    """§4.13.1: an enveloped credential is a `data:` URL; what it carries is the signature check's to open."""
    _contexts(item)
    identifier = item.get("id")
    if not (isinstance(identifier, str) and identifier.startswith("data:") and "," in identifier):
        raise _Invalid(
            "invalid_enveloped_credential",
            "An EnvelopedVerifiableCredential must carry its credential in `id` as a data: URL.",
            "id",
        )


# §4.3 Contexts -----------------------------------------------------------------------------------------------------


def _contexts(document: dict[str, Any]) -> _ActiveContext:
    if "@context" not in document:
        raise _Invalid("missing_context", "The document has no `@context` property.", "@context")
    value = document["@context"]
    items = value if isinstance(value, list) else [value]
    if not items:
        raise _Invalid("missing_context", "The `@context` property is empty.", "@context")
    data_model = DATA_MODELS.get(items[0]) if isinstance(items[0], str) else None
    if data_model is None:
        elsewhere = any(isinstance(item, str) and item in DATA_MODELS for item in items)
        raise _Invalid(
            "first_context_wrong",
            f"The first `@context` entry must be {V2_CONTEXT} (or {V1_CONTEXT} for a 1.1 credential)"
            + ("; it appears, but not first." if elsewhere else "; it is missing."),
            "@context[0]",
        )
    protected, defined = _BASE_CONTEXTS[data_model]
    if any(isinstance(item, dict) for item in items):  # inline contexts add to them: work on copies
        protected, defined = dict(protected), set(defined)
    context = _ActiveContext(data_model, protected, defined)
    for index, item in enumerate(items[1:], start=1):
        where = f"@context[{index}]"
        if isinstance(item, str) and item in DATA_MODELS:
            raise _Invalid("invalid_context", f"`{where}` repeats a base context; only the first entry may.", where)
        if isinstance(item, str) and _is_url(item):
            context.remote = True
        elif isinstance(item, dict):
            _inline_context(item, context, where)
        else:
            raise _Invalid("invalid_context", f"`{where}` must be a context URL or object, not {_kind(item)}.", where)
    return context


def _inline_context(definitions: dict[str, Any], context: _ActiveContext, where: str) -> None:
    protect_all = definitions.get("@protected") is True
    for term, definition in definitions.items():
        if term == "@vocab":
            context.vocabulary = definition is not None
        elif term == "@import":
            context.remote = True
        elif not term.startswith("@"):
            normalised = _term_definition(term, definition, f"{where}.{term}")
            if term in context.protected and context.protected[term] != normalised:
                raise _Invalid(
                    "protected_term_redefined",
                    f"`{where}` redefines the protected term {term!r}, which JSON-LD forbids.",
                    f"{where}.{term}",
                )
            context.defined.add(term)
            if protect_all or (isinstance(definition, dict) and definition.get("@protected") is True):
                context.protected[term] = normalised


def _term_definition(term: str, definition: Any, where: str) -> dict[str, Any] | None:
    if definition is None:
        return None
    if isinstance(definition, str):
        definition = {"@id": definition}
    if not isinstance(definition, dict):
        raise _Invalid("invalid_context", f"The context defines {term!r} as {_kind(definition)}.", where)
    iri = definition.get("@id", definition.get("@reverse"))
    if iri is not None and not (isinstance(iri, str) and (iri.startswith("@") or _is_iri_or_term(iri))):
        raise _Invalid("invalid_context", f"The context maps {term!r} to {iri!r}, which is not a URL.", where)
    return {key: value for key, value in definition.items() if key != "@protected"}


# §4.4 Identifiers, §4.5 Types ---------------------------------------------------------------------------------------


def _identifier(node: dict[str, Any], where: str) -> None:
    """§4.4: if present, `id` MUST be a single URL."""
    if "id" in node and not _is_url(node["id"]):
        raise _Invalid("invalid_id", f"`{where}` must be a single URL, not {_kind(node['id'])}.", where)


def _types(document: dict[str, Any], what: str, context: _ActiveContext, where: str = "type") -> set[str]:
    """§4.5: `type` is one term or URL, or a set of them; each term must map to a URL."""
    if "type" not in document:
        raise _Invalid("missing_type", f"The {what} has no `type` property.", where)
    value = document["type"]
    types = value if isinstance(value, list) else [value]
    for item in types:
        if not (isinstance(item, str) and _is_iri_or_term(item)):
            raise _Invalid("invalid_type", f"Each `{where}` value must be a term or a URL, not {_kind(item)}.", where)
        unmapped = ":" not in item and item not in context.defined and not context.vocabulary and not context.remote
        if unmapped:
            raise _Invalid(
                "unmapped_type", f"The type {item!r} in `{where}` is not defined by any context, so has no URL.", where
            )
    return set(types)


def _typed_objects(document: dict[str, Any], name: str, reason: str, context: _ActiveContext) -> None:
    if name not in document:
        return
    value = document[name]
    for index, item in enumerate(value if isinstance(value, list) else [value]):
        where = f"{name}[{index}]" if isinstance(value, list) else name
        if not isinstance(item, dict):
            raise _Invalid(f"invalid_{_snake(name)}", f"`{where}` must be an object, not {_kind(item)}.", where)
        if "type" not in item:
            raise _Invalid(reason, f"`{where}` has no `type` property; it needs one.", f"{where}.type")
        _types(item, name, context, f"{where}.type")
        _identifier(item, f"{where}.id")
        if name == "proof" and "verificationMethod" in item and not _is_url(item["verificationMethod"]):
            # VC Data Integrity §2.1: "a string that maps to a URL"; without one nothing says whose key signed.
            raise _Invalid(
                "invalid_verification_method",
                f"`{where}.verificationMethod` must be a URL, not {_kind(item['verificationMethod'])}.",
                f"{where}.verificationMethod",
            )
        if name == "proof" and isinstance(item.get("verificationMethod"), str):
            unresolvable = methods.problem(item["verificationMethod"])
            if unresolvable is not None:
                # An unknown scheme or DID method, or a fragment written as a key that is none: no key can be found.
                raise _Invalid("invalid_verification_method", unresolvable, f"{where}.verificationMethod")


def _schemas(document: dict[str, Any]) -> None:
    """§4.11: each `credentialSchema` object MUST have an `id` (a URL) and a `type`."""
    value = document.get("credentialSchema", [])
    for index, item in enumerate(value if isinstance(value, list) else [value]):
        if "id" not in item:
            where = f"credentialSchema[{index}]" if isinstance(value, list) else "credentialSchema"
            raise _Invalid("schema_without_id", f"`{where}` has no `id`: a schema must say where it is.", f"{where}.id")


# §4.6 Names and descriptions, §4.7 Issuer, §4.8 Credential subject, §4.13 holder ------------------------------------


def _language_values(node: dict[str, Any], prefix: str) -> None:
    """§4.6: `name` and `description` are strings or language value objects (`@value`, `@language`, `@direction`)."""
    for name in ("name", "description"):
        if name not in node:
            continue
        value = node[name]
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) or _is_language_value(item):
                continue
            where = f"{prefix}{name}"
            raise _Invalid(
                "invalid_language_value",
                f"`{where}` must be a string or a language value object with only @value, @language and @direction.",
                where,
            )


def _is_language_value(item: Any) -> bool:
    if not isinstance(item, dict) or not isinstance(item.get("@value"), str):
        return False
    if set(item) - {"@value", "@language", "@direction"}:
        return False
    if "@language" in item and not (isinstance(item["@language"], str) and _LANGUAGE_TAG.fullmatch(item["@language"])):
        return False
    return item.get("@direction", "ltr") in ("ltr", "rtl")


def _issuer(issuer: Any, present: bool, context: _ActiveContext) -> None:
    """§4.7: `issuer` MUST be present, a URL or an object whose `id` is a URL."""
    if not present:
        raise _Invalid("missing_issuer", "The credential has no `issuer` property.", "issuer")
    if isinstance(issuer, dict):
        if not _is_url(issuer.get("id")):
            raise _Invalid("invalid_issuer", "The `issuer` object needs an `id` that is a URL.", "issuer.id")
        if context.data_model == "2.0":
            _language_values(issuer, "issuer.")
    elif not _is_url(issuer):
        raise _Invalid("invalid_issuer", f"`issuer` must be a URL or an object, not {_kind(issuer)}.", "issuer")


def _holder(holder: Any) -> None:
    """§4.13: if present, `holder` is a URL or an object containing an `id` that is a URL."""
    identifier = holder.get("id") if isinstance(holder, dict) else holder
    if not _is_url(identifier):
        raise _Invalid("invalid_holder", "`holder` must be a URL or an object whose `id` is a URL.", "holder")


def _credential_subject(document: dict[str, Any]) -> None:
    """§4.8: one or more objects, each the subject of at least one claim; an `id`, if present, is one URL."""
    if "credentialSubject" not in document:
        raise _Invalid("missing_credential_subject", "The credential has no `credentialSubject`.", "credentialSubject")
    value = document["credentialSubject"]
    subjects = value if isinstance(value, list) else [value]
    if not subjects:
        raise _Invalid("missing_credential_subject", "`credentialSubject` is empty.", "credentialSubject")
    for index, subject in enumerate(subjects):
        where = f"credentialSubject[{index}]" if isinstance(value, list) else "credentialSubject"
        if not isinstance(subject, dict):
            raise _Invalid("invalid_credential_subject", f"`{where}` must be an object, not {_kind(subject)}.", where)
        if not subject:
            raise _Invalid("credential_subject_without_claims", f"`{where}` makes no claim.", where)
        _identifier(subject, f"{where}.id")


# §4.9 Validity period ----------------------------------------------------------------------------------------------


def _validity_period(document: dict[str, Any], context: _ActiveContext) -> None:
    # 2.0 requires dateTimeStamp (a time zone); 1.1's issuanceDate/expirationDate are dateTime, and 1.1-context
    # credentials that use validFrom (ELM 3 / EDC) are read the same tolerant way.
    zone_required = context.data_model == "2.0"
    names = ["validFrom", "validUntil"] + (["issuanceDate", "expirationDate"] if context.data_model == "1.1" else [])
    instants: dict[str, tuple[int, str]] = {}
    for name in names:
        if name not in document:
            continue
        instant = _instant(document[name], zone_required=zone_required)
        if instant is None:
            expected = "a date-time with a time zone" if zone_required else "a date-time"
            raise _Invalid(
                f"invalid_{_snake(name)}", f"`{name}` must be {expected} such as 2024-01-31T09:00:00Z.", name
            )
        instants[name] = instant
    if context.data_model == "1.1" and "issuanceDate" not in document and "validFrom" not in document:
        raise _Invalid("missing_issuance_date", "A 1.1 credential needs an `issuanceDate`.", "issuanceDate")
    if "validFrom" in instants and "validUntil" in instants and instants["validUntil"] < instants["validFrom"]:
        raise _Invalid("valid_until_before_valid_from", "`validUntil` is earlier than `validFrom`.", "validUntil")


def _instant(value: Any, *, zone_required: bool) -> tuple[int, str] | None:
    """Whole seconds since 1970-01-01T00:00:00Z and the decimal digits of the fraction (trailing zeros removed, so
    that tuples compare as the instants do); a value without a time zone is read as UTC (VCDM 2.0 §4.9)."""
    match = _DATE_TIME.fullmatch(value) if isinstance(value, str) else None
    if match is None or (zone_required and match["zone"] is None):
        return None
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    hour, minute, second = int(match["hour"]), int(match["minute"]), int(match["second"])
    fraction = (match["fraction"] or ".").removeprefix(".").rstrip("0")
    if day > _days_in_month(year, month) or (hour == 24 and (minute or second or fraction)):
        return None
    offset = 0
    if match["zone"] not in (None, "Z"):
        sign = -1 if match["zone"][0] == "-" else 1
        offset = sign * (int(match["zone"][1:3]) * 60 + int(match["zone"][4:6]))
    seconds = _days_from_civil(year, month, day) * 86400 + hour * 3600 + (minute - offset) * 60 + second
    return seconds, fraction


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 in the proleptic Gregorian calendar, any year (H. Hinnant's algorithm)."""
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


# Helpers -----------------------------------------------------------------------------------------------------------


def _is_url(value: Any) -> bool:
    """An absolute URL (RFC 3986 scheme, no white space); web schemes also need a host."""
    return isinstance(value, str) and _is_url_text(value)


@functools.lru_cache(maxsize=4096)
def _is_url_text(value: str) -> bool:
    # Remembered: the same contexts, types, issuer and key identifiers recur from credential to credential.
    if _SPACE_OR_CONTROL.search(value):
        return False
    scheme = _SCHEME.match(value)
    if scheme is None or len(value) == scheme.end():
        return False
    if scheme.group()[:-1].lower() in _HOST_SCHEMES:
        try:
            return bool(urlsplit(value).hostname)
        except ValueError:
            return False
    return True


def _is_iri_or_term(value: str) -> bool:
    """A term (`OpenBadgeCredential`), a compact IRI or a URL; white space belongs in none of them."""
    if not value or _SPACE.search(value):
        return False
    return ":" not in value or _is_url(value)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return f"{value[:60]!r}"
    return {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__
    )
