"""Any single flipped byte in a signed credential fails its signature: a property over every signed sample.

Each sample whose signature holds is changed one byte at a time, at offsets spread evenly over the file (every k-th
byte, k chosen for about 60 flips a file) plus the first and last byte of its signature and of what it signs. The
flip is one of the seven low bits (the eighth only ever makes invalid UTF-8, refused before anything is checked).
What must follow is `signature: failed`. Three outcomes are accepted instead, each for a stated reason:

- the flip broke the syntax the document is written in (JSON; a JAdES seal's payload, which is JSON text too; a
  compact JWT's base64url or the JSON inside it): the document is refused as unreadable (4xx) before any signature
  is looked at;
- the byte is in a JAdES seal's unprotected header (`signatures[].header`: `etsiU`, time-stamps and revocation
  data added after sealing), which the signature does not cover by design (ETSI TS 119 182-1 §5.3): not flipped;
- the byte is JSON white space outside strings in a Data Integrity document and stays white space: RDF
  canonicalisation removes it, so what was signed did not change.

Not flipped either: in a Data Integrity proof set, the proofs other than the one checked (1EdTech's
`SomeProofType`), which no proof in the set covers (VC Data Integrity §2.1.1: each proof signs the document without
its `proof`).
"""

from __future__ import annotations

import json
import socket
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from core.errors import DomainError
from wallet.verification.context import TrustStore, VerificationContext
from wallet.verification.engine import verify_document
from wallet.verification.result import CheckName, Outcome
from wallet.verification.signatures import strict_b64url

DATA = Path(__file__).resolve().parents[1] / "data"
NOW = datetime(2026, 11, 23, tzinfo=UTC)
FLIPS_PER_FILE = 60
JSON_WHITE_SPACE = frozenset(b" \t\r\n")
SD_JWT_ISSUER_KEY = {  # RFC 9901 Appendix A.5 / the official test cases' issuer key (public part)
    "kty": "EC",
    "crv": "P-256",
    "x": "b28d4MwZMjw8-00CG4xfnn9SLMVMM19SlqZpVb_uNtQ",
    "y": "Xv5zWwuoaTgdS6hV43yI6gBwTnjukmFQQnJ_kCxzqk8",
}


@dataclass(frozen=True)
class Sample:
    name: str
    media_type: str
    kind: str
    """`jades`, `data_integrity` or `compact` (VC-JWT, SD-JWT VC)."""
    trust: TrustStore = field(default_factory=TrustStore)


SAMPLES = [
    Sample("edc-ec-mc-annex1-signed.jsonld", "application/jose+json", "jades"),
    Sample("edc-mynextid-mc-signed.jsonld", "application/jose+json", "jades"),
    Sample("edc-mynextid-degree-signed.jsonld", "application/jose+json", "jades"),
    Sample("ob3-simple.json", "application/ld+json", "data_integrity"),
    Sample("ob3-complete.json", "application/ld+json", "data_integrity"),
    Sample("ob3-endorsement-valid.json", "application/ld+json", "data_integrity"),
    Sample("ob3-simple-v1.json", "application/ld+json", "data_integrity"),
    Sample("ob3-did-key-method.json", "application/ld+json", "data_integrity"),
    Sample("ob3-eddsa-2022.json", "application/ld+json", "data_integrity"),
    Sample("ob3-multiple-proofs.json", "application/ld+json", "data_integrity"),
    Sample("clr2-simple.json", "application/ld+json", "data_integrity"),
    Sample("clr2-complex.json", "application/ld+json", "data_integrity"),
    Sample("clr2-simple.jwt", "application/jwt", "compact"),
    Sample(
        "sd-jwt-vc-openid4vci.txt",
        "application/dc+sd-jwt",
        "compact",
        TrustStore(issuer_keys={"https://example.com/issuer": (SD_JWT_ISSUER_KEY,)}),
    ),
]


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """No key is fetched: the samples name example.com keys, and the verdict must not depend on the network."""

    def lookup(host: str, *args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "offline (test)")

    monkeypatch.setattr(socket, "getaddrinfo", lookup)


def _string_value(content: bytes, start: int) -> range:
    """The bytes of the JSON string that opens at `start` (its quotes excluded)."""
    end = start + 1
    while content[end] != ord('"'):
        end += 2 if content[end] == ord("\\") else 1
    return range(start + 1, end)


def _inside_strings(content: bytes) -> list[bool]:
    """For each byte of a JSON text, whether it is inside a string (quotes included)."""
    inside, in_string, escaped = [], False, False
    for byte in content:
        if in_string:
            inside.append(True)
            if escaped:
                escaped = False
            elif byte == ord("\\"):
                escaped = True
            elif byte == ord('"'):
                in_string = False
        else:
            in_string = byte == ord('"')
            inside.append(in_string)
    return inside


def _member_value(content: bytes, member: bytes, after: int = 0) -> range:
    """The string value of the first `"member":` after `after`."""
    key = content.index(b'"' + member + b'"', after)
    return _string_value(content, content.index(b'"', content.index(b":", key) + 1))


def _object_at(content: bytes, start: int) -> range:
    """The JSON object that opens at `start`."""
    depth, inside = 0, _inside_strings(content[start:])
    for offset, byte in enumerate(content[start:]):
        if not inside[offset]:
            depth += {ord("{"): 1, ord("}"): -1}.get(byte, 0)
            if depth == 0:
                return range(start, start + offset + 1)
    raise AssertionError("the object does not close")


def _not_covered(content: bytes, kind: str) -> set[int]:
    """Bytes no signature covers: a JAdES seal's unprotected header; the proofs of a proof set not checked."""
    if kind == "jades":
        return set(_object_at(content, content.index(b"{", content.index(b'"header"', content.index(b'"signatures"')))))
    if kind != "data_integrity" or not isinstance(proofs := json.loads(content).get("proof"), list):
        return set()
    uncovered: set[int] = set()
    start = content.index(b"[", content.rindex(b'"proof"'))
    for proof in proofs:
        start = content.index(b"{", start)
        span = _object_at(content, start)
        if proof.get("type") not in {"DataIntegrityProof", "Ed25519Signature2020"}:
            uncovered.update(span)
        start = span[-1] + 1
    return uncovered


def _boundaries(content: bytes, kind: str) -> list[int]:
    """The first and last byte of the signature and of what it signs."""
    if kind == "jades":
        spans = [_member_value(content, b"payload"), _member_value(content, b"signature", content.index(b"signatures"))]
    elif kind == "data_integrity":
        spans = [range(len(content)), _member_value(content, b"proofValue", content.rindex(b'"proof"'))]
    else:
        token = content.strip()
        jwt_end = token.index(b"~") if b"~" in token else len(token)
        signature_start = token.rindex(b".", 0, jwt_end) + 1
        spans = [range(0, signature_start - 1), range(signature_start, jwt_end)]
    return sorted({position for span in spans for position in (span[0], span[-1])})


def _offsets(content: bytes, kind: str) -> list[int]:
    step = max(1, len(content) // FLIPS_PER_FILE)
    return sorted({*range(0, len(content), step), *_boundaries(content, kind)})


def _json_broken(flipped: bytes, kind: str) -> bool:
    try:
        document = json.loads(flipped)
        if kind == "jades":
            json.loads(document["payload"])  # the sealed payload is JSON text in a string (RFC 7797)
    except (ValueError, KeyError, TypeError):
        return True
    return False


def _compact_broken(flipped: bytes) -> bool:
    """Whether a compact JWT (or SD-JWT) is no longer three base64url parts with JSON in the first two (and in each
    disclosure)."""
    try:
        text = flipped.decode("ascii").strip()
    except UnicodeDecodeError:
        return True
    issuer_jwt, *disclosures = text.split("~")
    parts = issuer_jwt.split(".")
    if len(parts) != 3:
        return True
    for segment in [*parts[:2], *(d for d in disclosures if d)]:
        decoded = strict_b64url(segment)
        try:
            json.loads(decoded if decoded is not None else b"")
        except ValueError:
            return True
    return False


def _syntax_broken(flipped: bytes, kind: str) -> bool:
    return _compact_broken(flipped) if kind == "compact" else _json_broken(flipped, kind)


class TestAnyFlippedByte:
    @pytest.mark.parametrize("sample", SAMPLES, ids=[sample.name for sample in SAMPLES])
    async def test_fails_the_signature(self, sample: Sample) -> None:
        content = (DATA / sample.name).read_bytes()
        context = VerificationContext(now=NOW, trust=sample.trust)
        original = await verify_document(content, sample.media_type, context)
        assert original.outcome(CheckName.SIGNATURE) == Outcome.PASSED  # else the property says nothing
        unsigned = _not_covered(content, sample.kind)
        in_string = _inside_strings(content) if sample.kind == "data_integrity" else []
        wrong: list[tuple[int, str, str]] = []
        flips = 0
        for position in _offsets(content, sample.kind):
            if position in unsigned:
                continue  # covered by no signature (see the module docstring)
            flipped = bytearray(content)
            flipped[position] ^= 1 << (position % 7)
            flips += 1
            white_space = {content[position], flipped[position]} <= JSON_WHITE_SPACE
            if in_string and not in_string[position] and white_space:
                continue  # canonicalisation removes it: what was signed is unchanged
            try:
                result = await verify_document(bytes(flipped), sample.media_type, context)
            except DomainError as exc:
                if not _syntax_broken(bytes(flipped), sample.kind):
                    wrong.append((position, "refused", exc.code))
                continue
            signature = next(c for c in result.checks if c.name == CheckName.SIGNATURE)
            if signature.outcome != Outcome.FAILED:
                wrong.append((position, signature.outcome.value, signature.reason))
        assert wrong == []
        assert flips >= 40
