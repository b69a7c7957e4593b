"""Open Badges 3.0 structure, checked as JSON: the classes of the OB 3.0 data model (1EdTech Open Badges Specification
v3.0, Appendix B "Data Models"), their required properties and their `type` values.

1EdTech publishes these rules as a JSON Schema, but the copy in the public validator is written for VCDM 1.1
(`issuanceDate` required, no `validFrom`) and refuses valid VCDM 2.0 badges; the rules that do not depend on the data
model are written here instead, for both. Dates, `@context`, `issuer` and `credentialSubject` as such are the VCDM
check's (`vcdm.py`); which terms the contexts define is the JSON-LD expansion's (`dataintegrity.py`).

The rules apply to documents that use a published OB 3.0 context (`https://purl.imsglobal.org/spec/ob/v3p0/…`),
in either data model; documents written against the drafts' contexts are read as plain Verifiable Credentials.
Only what the model declares is checked: each class's required properties (multiplicity [1] or [1..*]) and that an
object in a property of that class says it is one (`type` containing the class name). Properties the model does not
declare are left alone: OB 3.0 is extended by adding them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    reason: str
    message: str
    where: str


@dataclass(frozen=True)
class _Class:
    name: str
    required: tuple[str, ...] = ()
    children: tuple[tuple[str, str], ...] = ()
    """(property, class) for the properties whose values are objects of another class of the model."""


_PROFILE = _Class(
    "Profile",
    ("id", "type"),
    (("parentOrg", "Profile"), ("otherIdentifier", "IdentifierEntry"), ("address", "Address"), ("image", "Image")),
)
CLASSES = {
    c.name: c
    for c in (
        _Class(
            "AchievementCredential",
            ("id", "name", "credentialSubject", "issuer"),
            (
                ("credentialSubject", "AchievementSubject"),
                ("issuer", "Profile"),
                ("evidence", "Evidence"),
                ("endorsement", "EndorsementCredential"),
                ("image", "Image"),
            ),
        ),
        _Class(
            "AchievementSubject",
            ("type", "achievement"),
            (
                ("achievement", "Achievement"),
                ("identifier", "IdentityObject"),
                ("result", "Result"),
                ("source", "Profile"),
                ("image", "Image"),
            ),
        ),
        _Class(
            "Achievement",
            ("id", "type", "criteria", "description", "name"),
            (
                ("alignment", "Alignment"),
                ("creator", "Profile"),
                ("otherIdentifier", "IdentifierEntry"),
                ("resultDescription", "ResultDescription"),
                ("endorsement", "EndorsementCredential"),
                ("image", "Image"),
            ),
        ),
        _PROFILE,
        _Class("Result", ("type",), (("alignment", "Alignment"),)),
        _Class(
            "ResultDescription",
            ("id", "type", "name", "resultType"),
            (("alignment", "Alignment"), ("rubricCriterionLevel", "RubricCriterionLevel")),
        ),
        _Class("RubricCriterionLevel", ("id", "type", "name"), (("alignment", "Alignment"),)),
        _Class("Alignment", ("type", "targetName", "targetUrl")),
        _Class("IdentityObject", ("type", "hashed", "identityHash", "identityType")),
        _Class("IdentifierEntry", ("type", "identifier", "identifierType")),
        _Class("Evidence", ("type",)),
        _Class("Image", ("id", "type")),
        _Class("Address", ("type",), (("geo", "GeoCoordinates"),)),
        _Class("GeoCoordinates", ("type", "latitude", "longitude")),
        _Class(
            "EndorsementCredential",
            ("id", "credentialSubject", "issuer"),
            (("credentialSubject", "EndorsementSubject"), ("issuer", "Profile")),
        ),
        _Class("EndorsementSubject", ("id", "type")),
    )
}
ACHIEVEMENT_CREDENTIAL_TYPES = frozenset({"AchievementCredential", "OpenBadgeCredential"})
"""`OpenBadgeCredential` is the alias OB 3.0 §B.1.1 gives `AchievementCredential`."""
PUBLISHED_CONTEXTS = "https://purl.imsglobal.org/spec/ob/v3p0/"
"""`context.json`, `context-3.0.1.json` … `context-3.0.3.json`: the contexts of the published specification."""
MAX_NESTING = 16
"""Endorsements hold credentials that hold endorsements: deep enough for any badge, bounded for any document."""


def _types(node: dict[str, Any]) -> list[Any]:
    value = node.get("type")
    return value if isinstance(value, list) else [value]


def problem(document: dict[str, Any]) -> Problem | None:
    """The first way `document` breaks the Open Badges 3.0 model, or None (also for credentials of other kinds, and
    for documents that do not use a published OB 3.0 context: drafts before it modelled badges differently)."""
    contexts = document.get("@context")
    contexts = contexts if isinstance(contexts, list) else [contexts]
    if not any(isinstance(c, str) and c.startswith(PUBLISHED_CONTEXTS) for c in contexts):
        return None
    types = set(_types(document))
    subject = document.get("credentialSubject")
    subject_types = set(_types(subject)) if isinstance(subject, dict) else set()
    if types & ACHIEVEMENT_CREDENTIAL_TYPES:
        return _object(document, CLASSES["AchievementCredential"], "", 0)
    if "EndorsementCredential" in types:
        return _object(document, CLASSES["EndorsementCredential"], "", 0)
    if "AchievementSubject" in subject_types:
        # OB 3.0 §B.1.2: an AchievementSubject is the subject of an AchievementCredential, and of nothing else.
        return Problem(
            "not_an_achievement_credential",
            "The credential's subject is an AchievementSubject, so the credential must be an AchievementCredential "
            f"(or OpenBadgeCredential); its types are {sorted(str(t) for t in types)}.",
            "type",
        )
    return None


def _object(node: dict[str, Any], cls: _Class, where: str, depth: int) -> Problem | None:
    if depth > MAX_NESTING:
        return Problem("open_badge_too_deep", "Open Badges objects are nested too deeply.", where or "credential")
    for name in cls.required:
        if name not in node or node[name] is None:
            path = f"{where}.{name}" if where else name
            message = f"An Open Badges 3.0 {cls.name} needs `{name}`; this one has none."
            return Problem("open_badge_property_missing", message, path)
    if depth > 0 and cls.name not in _types(node):  # the credential itself was recognised by its type
        path = f"{where}.type" if where else "type"
        message = f"`{where}` must be an Open Badges 3.0 {cls.name} (its `type` must include {cls.name})."
        return Problem("open_badge_wrong_type", message, path)
    for name, child_class in cls.children:
        if name not in node:
            continue
        value = node[name]
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            path = f"{where}.{name}" if where else name
            if isinstance(value, list):
                path += f"[{index}]"
            if not isinstance(item, dict):
                if child_class == "Profile" and isinstance(item, str):
                    continue  # an issuer (or creator) named by its URL: VCDM 2.0 §4.7 allows it, `vcdm` checks it
                message = f"`{path}` must be an Open Badges 3.0 {child_class} object."
                return Problem("open_badge_wrong_type", message, path)
            found = _object(item, CLASSES[child_class], path, depth + 1)
            if found is not None:
                return found
    return None
