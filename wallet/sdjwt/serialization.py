"""The two SD-JWT serializations: compact `<JWT>~<D1>~…~<DN>~[<KB-JWT>]` (RFC 9901 §4) and JWS JSON (§8).

Parsing is strict: nothing is guessed, trimmed or reordered. What is parsed here is *unverified*.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from core import jsonstrict
from wallet.sdjwt.encoding import b64url_decode
from wallet.sdjwt.errors import SdJwtError
from wallet.verification.signatures import canonical_tail, is_b64url

Serialization = Literal["compact", "flattened", "general"]

MAX_LENGTH = 4 * 1024 * 1024
SEPARATOR = "~"
_COMPACT_ALPHABET = re.compile(r"[A-Za-z0-9_\-.~]+")
# RFC 9901 §8.1: the two unprotected header parameters SD-JWT adds to the JWS JSON Serialization.
DISCLOSURES = "disclosures"
KB_JWT = "kb_jwt"


def _malformed(detail: str) -> SdJwtError:
    return SdJwtError(detail, code="malformed_sd_jwt")


def split_jwt(token: str, what: str, *, alphabet_checked: bool = False) -> tuple[str, str, str]:
    """The three base64url segments of a compact JWS, each checked (not decoded: the verifier decodes what it
    reads). `alphabet_checked`: the caller already knows `token` holds only base64url characters and dots."""
    segments = token.split(".")
    if len(segments) != 3 or not all(segments[:2]):
        raise _malformed(f"{what} is not a compact JWS (three base64url segments).")
    for segment in segments:
        valid = len(segment) % 4 != 1 and canonical_tail(segment) if alphabet_checked else is_b64url(segment)
        if not valid:
            b64url_decode(segment, code="malformed_sd_jwt", what=f"A segment of {what}")  # raises, with the reason
    return segments[0], segments[1], segments[2]


@dataclass(frozen=True)
class Signature:
    """One signature over the payload: its protected header segment, signature segment and unprotected header
    (without `disclosures` / `kb_jwt`). Compact serialization has exactly one, with no unprotected header."""

    protected: str
    signature: str
    header: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SdJwtParts:
    serialization: Serialization
    payload: str
    signatures: tuple[Signature, ...]
    disclosures: tuple[str, ...]
    kb_jwt: str | None

    @property
    def issuer_jwt(self) -> str:
        """The Issuer-signed JWT; for JSON, built from the first signature (RFC 9901 §8.1, §8.3)."""
        first = self.signatures[0]
        return f"{first.protected}.{self.payload}.{first.signature}"

    @property
    def sd_jwt(self) -> str:
        """`<Issuer-signed JWT>~<D1>~…~<DN>~`: the input of `sd_hash` (RFC 9901 §4.3.1, §8.1)."""
        return self.issuer_jwt + SEPARATOR + "".join(disclosure + SEPARATOR for disclosure in self.disclosures)

    def with_disclosures(self, disclosures: Sequence[str], kb_jwt: str | None) -> SdJwtParts:
        return replace(self, disclosures=tuple(disclosures), kb_jwt=kb_jwt)

    def serialize(self) -> str:
        if self.serialization == "compact":
            return self.sd_jwt + (self.kb_jwt or "")
        first_header: dict[str, Any] = {**self.signatures[0].header, DISCLOSURES: list(self.disclosures)}
        if self.kb_jwt is not None:
            first_header[KB_JWT] = self.kb_jwt
        members = [
            {"protected": signature.protected, "header": header, "signature": signature.signature}
            for signature, header in zip(
                self.signatures, [first_header, *(s.header for s in self.signatures[1:])], strict=True
            )
        ]
        if self.serialization == "flattened":
            return json.dumps({"payload": self.payload, **members[0]}, separators=(",", ":"))
        return json.dumps({"payload": self.payload, "signatures": members}, separators=(",", ":"))


def parse(text: str) -> SdJwtParts:
    """Split an SD-JWT or SD-JWT+KB in either serialization; JSON is recognised by its leading `{`."""
    if not isinstance(text, str):
        raise TypeError("an SD-JWT is text")
    if len(text) > MAX_LENGTH:
        raise _malformed("The SD-JWT is too large.")
    if text.startswith("{"):
        return _parse_json(text)
    return _parse_compact(text)


def _parse_compact(text: str) -> SdJwtParts:
    # RFC 9901 §4: `<Issuer-signed JWT>~<Disclosure 1>~…~<Disclosure N>~<optional KB-JWT>`
    if not _COMPACT_ALPHABET.fullmatch(text):
        raise _malformed("The SD-JWT contains characters outside base64url, '.' and '~'.")
    parts = text.split(SEPARATOR)
    if len(parts) < 2:
        raise _malformed("An SD-JWT must end with '~' or a Key Binding JWT.")
    issuer_jwt, *disclosures, last = parts
    if "." not in issuer_jwt:
        raise _malformed("The SD-JWT must start with the Issuer-signed JWT.")
    protected, payload, signature = split_jwt(issuer_jwt, "The Issuer-signed JWT", alphabet_checked=True)
    for disclosure in disclosures:
        if not disclosure:
            raise _malformed("An SD-JWT has an empty part between two '~'.")
        if "." in disclosure:
            raise _malformed("A JWT appears where a Disclosure is expected; the parts are out of order.")
    kb_jwt: str | None = None
    if last:
        if "." not in last:
            raise _malformed("The last part is neither empty nor a Key Binding JWT; an SD-JWT ends with '~'.")
        split_jwt(last, "The Key Binding JWT", alphabet_checked=True)
        kb_jwt = last
    return SdJwtParts("compact", payload, (Signature(protected, signature),), tuple(disclosures), kb_jwt)


def _string(container: dict[str, Any], name: str, what: str) -> str:
    value = container.get(name)
    if not isinstance(value, str) or not value:
        raise _malformed(f"{what} needs a string {name!r}.")
    return value


def _member(raw: Any, *, first: bool) -> tuple[Signature, tuple[str, ...], str | None]:
    if not isinstance(raw, dict):
        raise _malformed("A JWS JSON signature must be an object.")
    protected = _string(raw, "protected", "A JWS JSON signature")
    signature = _string(raw, "signature", "A JWS JSON signature")
    b64url_decode(protected, code="malformed_sd_jwt", what="A protected header")
    b64url_decode(signature, code="malformed_sd_jwt", what="A signature")
    header = raw.get("header", {})
    if not isinstance(header, dict):
        raise _malformed("A JWS JSON unprotected header must be an object.")
    header = dict(header)
    disclosures = header.pop(DISCLOSURES, None)
    kb_jwt = header.pop(KB_JWT, None)
    if not first and (disclosures is not None or kb_jwt is not None):
        # RFC 9901 §8.3: only the first unprotected header may carry them.
        raise _malformed("'disclosures' and 'kb_jwt' may only appear in the first signature's header.")
    if disclosures is None:
        disclosures = []
    if not isinstance(disclosures, list) or not all(isinstance(item, str) and item for item in disclosures):
        raise _malformed("'disclosures' must be an array of Disclosure strings.")
    if kb_jwt is not None:
        if not isinstance(kb_jwt, str):
            raise _malformed("'kb_jwt' must be a compact JWT.")
        split_jwt(kb_jwt, "The Key Binding JWT")
    return Signature(protected, signature, header), tuple(disclosures), kb_jwt


def _parse_json(text: str) -> SdJwtParts:
    # RFC 9901 §8.2 (flattened) and §8.3 (general), on RFC 7515 §7.2.
    try:
        document = jsonstrict.loads(text)
    except jsonstrict.InvalidJSON as exc:
        raise _malformed(f"The JWS JSON Serialization is not acceptable JSON: {exc.detail}") from exc
    if not isinstance(document, dict):
        raise _malformed("The JWS JSON Serialization must be an object.")
    if {DISCLOSURES, KB_JWT} & set(document):
        # Drafts before RFC 9901 put them at the top level; ignoring them would silently drop the Disclosures.
        raise _malformed("'disclosures' and 'kb_jwt' belong in the unprotected header (RFC 9901 §8.1).")
    payload = _string(document, "payload", "The JWS JSON Serialization")
    b64url_decode(payload, code="malformed_sd_jwt", what="The payload")
    if "signatures" in document:
        if {"protected", "signature", "header"} & set(document):
            raise _malformed("A general JWS JSON Serialization cannot also carry a flattened signature.")
        raw_signatures = document["signatures"]
        if not isinstance(raw_signatures, list) or not raw_signatures:
            raise _malformed("'signatures' must be a non-empty array.")
        members = [_member(raw, first=index == 0) for index, raw in enumerate(raw_signatures)]
        serialization: Serialization = "general"
    else:
        members = [_member(document, first=True)]
        serialization = "flattened"
    _, disclosures, kb_jwt = members[0]
    return SdJwtParts(serialization, payload, tuple(member[0] for member in members), disclosures, kb_jwt)
