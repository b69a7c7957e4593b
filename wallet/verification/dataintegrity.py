"""W3C Data Integrity proofs on JSON-LD credentials (Open Badges 3.0, CLR 2.0, VCDM 1.1 and 2.0).

Verified suites: `DataIntegrityProof` with the `eddsa-rdfc-2022` cryptosuite (W3C VC-DI-EdDSA §3.3; its draft name
`eddsa-2022` is the same algorithm) and the legacy `Ed25519Signature2020` (W3C CCG), which hashes the same way:
SHA-256 of the RDFC-1.0 canonical N-Quads of the proof options, then of the document without its proof, and an
Ed25519 signature over the 64 bytes. A proof in any other suite cannot be checked here, so it fails
(`unsupported_cryptosuite`): a credential this service cannot check must not look acceptable.

JSON-LD is expanded only against the contexts shipped in `wallet/contexts/` (see its SOURCES.md). Any other context
URL is refused, never fetched: a context fetched at verification time could change what a signed credential means,
and without it what was signed cannot be rebuilt, so the signature fails (`unknown_context`). RDFC-1.0 is
exponential on crafted blank-node graphs and pyld has no limit, so the input size, the number of quads and the
canonicalisation work are bounded here (`document_too_complex`).

The key, in order of trust: the trust registry; did:key; the controller document behind a did:web or https
verification method (fetched through the outbound guard), which must list the method under `assertionMethod`; and,
only when that document cannot be fetched, an Ed25519 key written as the method's fragment (`<issuer>#z6Mk…`, the
form 1EdTech's samples use), which ties the key to nothing (issuer trust says so; it fails when the method is not the
issuer's). A method that names no key this service can resolve (`methods.py`) or names key material that is not a
key (a did:key or fragment that does not decode) fails the signature: that key cannot have made any signature. Only
a key that could not be fetched leaves the signature unchecked (a warning).
"""

from __future__ import annotations

import copy
import functools
import hashlib
import threading
import time
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pyld import jsonld
from pyld.canon import URDNA2015
from pyld.context_resolver import ContextResolver

from core import jsonstrict
from core.errors import DomainError, InvalidInput
from core.outbound import fetch_json
from core.workers import cpu_workers
from wallet.verification import common, keys, methods, vcjwt
from wallet.verification.context import VerificationContext
from wallet.verification.result import Check, CheckName, failed, passed, skipped, warning
from wallet.verification.steps import KeyToFetch, Step, Verified, complete

CONTEXT_FILES = {
    "https://www.w3.org/ns/credentials/v2": "credentials-v2.jsonld",
    "https://www.w3.org/2018/credentials/v1": "2018-credentials-v1.jsonld",
    "https://w3id.org/security/data-integrity/v1": "data-integrity-v1.jsonld",
    "https://w3id.org/security/suites/ed25519-2020/v1": "security-suites-ed25519-2020-v1.jsonld",
    "https://purl.imsglobal.org/spec/ob/v3p0/context.json": "ob-v3p0.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld": "ob-v3p0.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json": "ob-v3p0-3.0.1.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json": "ob-v3p0-3.0.2.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob-v3p0-3.0.3.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json": "ob-v3p0-extensions.json",
    "https://purl.imsglobal.org/spec/clr/v2p0/context.json": "clr-v2p0.json",
    "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json": "clr-v2p0-2.0.1.json",
}
EDDSA_RDFC_SUITES = frozenset({"eddsa-rdfc-2022", "eddsa-2022"})
LEGACY_SUITE = "Ed25519Signature2020"
MAX_JSON_VALUES = 10_000
"""Objects, arrays and scalars in the document: bounds JSON-LD expansion, which runs before quads can be counted."""
MAX_QUADS = 10_000
MAX_NODE_MAP_COMPARISONS = 200_000
"""pyld de-duplicates each property's values pairwise (about 3 µs a comparison): a bound on that quadratic step."""
MAX_CANONICALIZATION_STEPS = 50_000
"""Blank-node lookups in RDFC-1.0's N-degree search, one per permutation tried (about 0.5 s of work). 1EdTech's
`complete.json` takes 100; six blank nodes all linked to each other take 79,000."""
CANONICALIZATION_SECONDS = 2.0
MAX_MULTIBASE_LENGTH = methods.MAX_MULTIBASE_LENGTH
TRUST_BY_SOURCE = {
    **vcjwt.TRUST_BY_SOURCE,
    "named_in_proof": (
        "warning",
        "key_named_in_proof",
        "The key is written into the proof itself and the issuer's own document could not be fetched to confirm "
        "it; nothing ties that key to the issuer.",
    ),
}
_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_UNSIGNED_PROOF_MEMBERS = {"DataIntegrityProof": frozenset({"proofValue"})}
_UNSIGNED_LEGACY_PROOF_MEMBERS = frozenset({"proofValue", "jws", "signatureValue"})  # jsonld-signatures canonizeProof
PYLD_INPUT_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError)
"""Besides its JsonLdError, what pyld raises on input it cannot process (e.g. `ValueError` for a context "URL" with
no scheme): the document is not valid JSON-LD, not a fault of the service."""
_EXPANSION_LOCK = threading.Lock()
"""pyld's caches of processed contexts are not thread-safe; expansion is CPU-bound under the GIL anyway."""


class UnknownContext(DomainError):
    code = "unknown_context"
    default_detail = "The credential names a JSON-LD context this service does not ship."


class DocumentTooComplex(DomainError):
    code = "document_too_complex"
    default_detail = "The credential is too large or too intricate to canonicalise."


class InvalidVerificationMethod(DomainError):
    """The proof's verification method names no key this service can resolve (`methods.problem`)."""

    code = "invalid_verification_method"


class InvalidKeyMaterial(DomainError):
    """The credential names its own key (did:key, a key fragment), and that is not a valid key."""

    code = "invalid_key"


class InvalidProofData(DomainError):
    """The document or proof cannot be turned into what was signed: the proof cannot hold."""

    code = "invalid_json_ld"


class _ShippedContextCache(dict[str, Any]):
    """pyld's shared cache of resolved contexts, keeping only the shipped ones (inline contexts stay per document)."""

    def __setitem__(self, key: str, value: Any) -> None:
        if key in CONTEXT_FILES:
            super().__setitem__(key, value)


_RESOLVED_CONTEXTS = _ShippedContextCache()


@functools.cache
def _context_document(filename: str) -> Any:
    return jsonstrict.loads((files("wallet") / "contexts" / filename).read_bytes())


def load_context(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """pyld document loader: the shipped copy of a known context, and a refusal for any other URL."""
    filename = CONTEXT_FILES.get(url)
    if filename is None:
        raise UnknownContext(
            f"The credential uses the JSON-LD context {url}, which this service does not ship; contexts are never "
            "fetched, so what was signed cannot be reconstructed.",
            context_url=url,
        )
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": copy.deepcopy(_context_document(filename)),  # pyld rewrites relative URLs in place
        "tag": "static",  # lets pyld keep the resolved context in `_RESOLVED_CONTEXTS`
    }


class _Budget:
    """Work and time allowed for one proof's canonicalisation; RDFC-1.0 §4.4 leaves the bound to implementations."""

    def __init__(self) -> None:
        self.steps_left = MAX_CANONICALIZATION_STEPS
        self.deadline = time.monotonic() + CANONICALIZATION_SECONDS

    def spend(self) -> None:
        self.steps_left -= 1
        if self.steps_left < 0 or (self.steps_left % 512 == 0 and time.monotonic() > self.deadline):
            raise DocumentTooComplex("Canonicalising the credential takes more work than this service allows.")

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise DocumentTooComplex("Canonicalising the credential takes longer than this service allows.")


class _CountingIssuer:
    """Wraps URDNA2015's canonical issuer, which the N-degree search consults once per permutation it tries."""

    def __init__(self, inner: Any, budget: _Budget) -> None:
        self._inner = inner
        self._budget = budget
        self.prefix = inner.prefix

    def has_id(self, old: str) -> bool:
        self._budget.spend()
        return bool(self._inner.has_id(old))

    def get_id(self, old: str | None = None) -> str:
        return str(self._inner.get_id(old))


def _within_value_limit(value: Any) -> bool:
    pending, seen = [value], 0
    while pending:
        item = pending.pop()
        seen += 1
        if seen > MAX_JSON_VALUES:
            return False
        if isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return True


def _unknown_context_behind(error: BaseException) -> UnknownContext | None:
    """pyld wraps what the document loader raised in its own errors, one `__cause__` per layer."""
    current: BaseException | None = error
    while current is not None:
        if isinstance(current, UnknownContext):
            return current
        current = current.__cause__ or current.__context__
    return None


def _node_map_comparisons(expanded: Any) -> int:
    """What pyld's node map will cost: each value added to a node's property is compared with those already there,
    so a property with n values (one array, or one `@id` repeated) costs n²/2 comparisons."""
    counts: dict[tuple[object, str], int] = {}
    pending = [expanded]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(item)
            continue
        if not isinstance(item, dict) or "@value" in item:
            continue
        node = item.get("@id") if isinstance(item.get("@id"), str) else id(item)
        for name, values in item.items():
            if isinstance(values, list) and name not in {"@graph", "@list"}:
                counts[node, name] = counts.get((node, name), 0) + len(values)
            pending.append(values)
    return sum(count * (count - 1) // 2 for count in counts.values())


def canonical_nquads(data: dict[str, Any], budget: _Budget) -> str:
    """RDFC-1.0 (URDNA2015) canonical N-Quads of a JSON-LD object, expanded with the shipped contexts only."""
    dropped: list[str | None] = []
    options = {
        "documentLoader": load_context,
        "contextResolver": ContextResolver(_RESOLVED_CONTEXTS, load_context),
        "produceGeneralizedRdf": False,
    }
    try:
        with _EXPANSION_LOCK:
            expanded = jsonld.JsonLdProcessor(on_property_dropped=dropped.append).expand(data, options)
    except jsonld.JsonLdError as exc:
        unknown = _unknown_context_behind(exc)
        if unknown is not None:
            raise unknown from None
        raise InvalidProofData(f"The credential is not valid JSON-LD: {exc.args[0] if exc.args else exc}") from exc
    except PYLD_INPUT_ERRORS as exc:  # pyld's own helpers raise these on malformed IRIs and values
        raise InvalidProofData(f"The credential is not valid JSON-LD: {exc}") from exc
    if dropped:
        # jsonld.js "safe mode" (VC Data Integrity §2.6 relies on it): a property the contexts do not define
        # vanishes from the RDF, so the proof would hold whatever it says.
        raise InvalidProofData(
            "The credential has properties its JSON-LD contexts do not define, which no proof can cover.",
            code="undefined_terms",
            undefined_terms=sorted({str(term) for term in dropped})[:10],
        )
    budget.check_time()
    if _node_map_comparisons(expanded) > MAX_NODE_MAP_COMPARISONS:
        raise DocumentTooComplex("The credential gives one property more values than this service canonicalises.")
    try:
        with _EXPANSION_LOCK:
            dataset = jsonld.JsonLdProcessor().to_rdf(expanded, options)
    except jsonld.JsonLdError as exc:
        raise InvalidProofData(f"The credential is not valid JSON-LD: {exc.args[0] if exc.args else exc}") from exc
    except PYLD_INPUT_ERRORS as exc:
        raise InvalidProofData(f"The credential is not valid JSON-LD: {exc}") from exc
    budget.check_time()
    if sum(len(triples) for triples in dataset.values()) > MAX_QUADS:
        raise DocumentTooComplex(f"The credential has more than {MAX_QUADS} statements.")
    canonicalizer = URDNA2015()
    canonicalizer.canonical_issuer = _CountingIssuer(canonicalizer.canonical_issuer, budget)
    return str(canonicalizer.main(dataset, {"format": "application/n-quads"}))


def hash_data(document: dict[str, Any], proof: dict[str, Any]) -> bytes:
    """What the Ed25519 signature covers (VC-DI-EdDSA §3.3.2-§3.3.4): SHA-256 of the canonical proof options, then
    SHA-256 of the canonical document without its proof."""
    if not _within_value_limit(document):
        raise DocumentTooComplex(f"The credential has more than {MAX_JSON_VALUES} JSON values.")
    unsecured = {name: value for name, value in document.items() if name != "proof"}
    unsigned = _UNSIGNED_PROOF_MEMBERS.get(str(proof.get("type")), _UNSIGNED_LEGACY_PROOF_MEMBERS)
    options = {name: value for name, value in proof.items() if name not in unsigned}
    if "@context" in options:
        unsecured["@context"] = options["@context"]  # §3.3.2 step 4, after the prefix check in `_proof_problem`
    else:
        options["@context"] = unsecured.get("@context")  # §3.3.5 step 5
    budget = _Budget()
    document_nquads = canonical_nquads(unsecured, budget)
    options_nquads = canonical_nquads(options, budget)
    return hashlib.sha256(options_nquads.encode()).digest() + hashlib.sha256(document_nquads.encode()).digest()


# --- the proof -----------------------------------------------------------------------------------------------------


def _suite(proof: Any) -> str | None:
    if not isinstance(proof, dict):
        return None
    if proof.get("type") == "DataIntegrityProof" and proof.get("cryptosuite") in EDDSA_RDFC_SUITES:
        return str(proof["cryptosuite"])
    if proof.get("type") == LEGACY_SUITE:
        return LEGACY_SUITE
    return None


def _base58btc(text: Any) -> bytes | None:
    """Multibase base58btc (`z…`) to bytes; None if it is not one or too long to be a key or signature."""
    if not isinstance(text, str) or not text.startswith("z") or len(text) > MAX_MULTIBASE_LENGTH:
        return None
    number = 0
    for character in text[1:]:
        index = _BASE58.find(character)
        if index < 0:
            return None
        number = number * 58 + index
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\x00" * (len(text) - 1 - len(text[1:].lstrip("1"))) + body


def _proof_problem(document: dict[str, Any], proof: dict[str, Any], context: VerificationContext) -> str | None:
    """Why the proof cannot hold whatever the key (VC Data Integrity §4.3, VC-DI-EdDSA §3.3.2), or None."""
    if proof.get("proofPurpose") != "assertionMethod":
        purpose = proof.get("proofPurpose")
        return f"The proof's purpose is {purpose!r}, not assertionMethod: it does not assert the credential."
    if not isinstance(proof.get("verificationMethod"), str):
        return "The proof names no verification method."
    created = common.parse_instant(proof.get("created"))
    if proof.get("created") is not None and created is None:
        return "The proof's creation time cannot be read."
    if created is not None and created > context.now:
        return "The proof says it was created in the future."
    expires = common.parse_instant(proof.get("expires"))
    if expires is not None and expires < context.now:
        return "The proof has expired."
    signature = _base58btc(proof.get("proofValue"))
    if signature is None or len(signature) != 64:
        return "The proof value is not a base58btc-encoded Ed25519 signature."
    if "@context" in proof:
        wanted = proof["@context"] if isinstance(proof["@context"], list) else [proof["@context"]]
        present = document.get("@context")
        present = present if isinstance(present, list) else [present]
        if present[: len(wanted)] != wanted:
            return "The proof's @context does not begin the credential's @context."
    return None


# --- the key -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProofKey:
    candidates: tuple[Ed25519PublicKey, ...]
    source: str
    """`registry`, `did:key`, `did:web`, `key_url` or `named_in_proof`."""
    controller: str | None


def _ed25519(jwk: dict[str, Any]) -> Ed25519PublicKey:
    public = keys.import_public_jwk(jwk).public_key
    if not isinstance(public, Ed25519PublicKey):
        raise keys.KeyUnavailable("The verification method is not an Ed25519 key.", code="wrong_key_type")
    return public


def _multikey(multibase: Any) -> Ed25519PublicKey:
    """An Ed25519 Multikey / Ed25519VerificationKey2020 `publicKeyMultibase` (multicodec 0xed01, base58btc)."""
    if not isinstance(multibase, str) or len(multibase) > MAX_MULTIBASE_LENGTH:
        raise keys.KeyUnavailable("The verification method has no readable public key.")
    try:
        return _ed25519(keys.did_key_jwk(multibase))
    except (InvalidInput, ValueError) as exc:
        raise keys.KeyUnavailable("The verification method has no readable Ed25519 public key.") from exc


def _registered(method: str, issuer: str | None, context: VerificationContext) -> tuple[Ed25519PublicKey, ...]:
    fragment = "#" + method.split("#", 1)[-1]
    return tuple(
        _ed25519(jwk)
        for jwk in context.trust.issuer_keys.get(issuer or "", ())
        if jwk.get("kty") == "OKP" and jwk.get("crv") == "Ed25519" and jwk.get("kid") in {None, method, fragment}
    )


def _listed(entries: Any, method: str, base: str) -> dict[str, Any] | str | None:
    """The entry of a controller document's list that is `method` (by absolute or relative id), if any."""
    for entry in entries if isinstance(entries, list) else []:
        entry_id = entry.get("id") if isinstance(entry, dict) else entry
        if isinstance(entry_id, str) and method in {entry_id, base + entry_id} and isinstance(entry, dict | str):
            return entry
    return None


def _from_controller_document(document: Any, method: str, source: str) -> ProofKey:
    """W3C Controlled Identifiers §2.2: the method must be in the document and authorised for assertions."""
    if not isinstance(document, dict):
        raise keys.KeyUnavailable("The issuer's controller document is not a JSON object.")
    base = str(document.get("id") or method.split("#", 1)[0])
    authorised = _listed(document.get("assertionMethod"), method, base)
    if authorised is None:
        raise keys.KeyUnavailable(
            f"The issuer's controller document does not authorise {method} to sign credentials (assertionMethod).",
            code="key_not_authorised",
        )
    entry = authorised if isinstance(authorised, dict) else _listed(document.get("verificationMethod"), method, base)
    if not isinstance(entry, dict):
        raise keys.KeyUnavailable(f"The issuer's controller document does not describe {method}.")
    if "publicKeyMultibase" in entry:
        public = _multikey(entry["publicKeyMultibase"])
    elif isinstance(entry.get("publicKeyJwk"), dict):
        public = _ed25519(entry["publicKeyJwk"])
    else:
        raise keys.KeyUnavailable(f"The issuer's controller document gives no public key for {method}.")
    controller = entry.get("controller") if isinstance(entry.get("controller"), str) else base
    return ProofKey((public,), source, controller)


def _named_in_fragment(method: str) -> Ed25519PublicKey | None:
    """The Ed25519 key written as the method's fragment, if the fragment is one (`methods.problem` has already
    refused a fragment written as a key that does not decode)."""
    fragment = methods.key_shaped_fragment(method)
    if fragment is None:
        return None
    try:
        return _multikey(fragment)
    except keys.KeyUnavailable as exc:
        message = f"The key written in the verification method is not an Ed25519 key: {exc.detail}"
        raise InvalidKeyMaterial(message) from exc


@dataclass(frozen=True)
class _ControllerDocument:
    """A verification method whose key is in a controller document that must be fetched first."""

    method: str
    issuer: str | None
    url: str
    source: str
    """`did:web` or `key_url`."""

    async def fetch(self, context: VerificationContext) -> Any:
        policy = context.outbound

        async def fetch() -> Any:
            return await fetch_json(
                self.url,
                allowed_hosts=list(policy.allowed_hosts),
                timeout=policy.timeout_seconds,
                max_bytes=policy.max_bytes,
            )

        return await context.fetch_key_document(self.url, fetch)

    def key(self, document: Any) -> ProofKey:
        """The key from the fetched document, or (`document` being why it could not be fetched) from the method's
        fragment when the method belongs to the issuer."""
        if not isinstance(document, DomainError):
            return _from_controller_document(document, self.method, self.source)
        named = _named_in_fragment(self.method)
        if named is not None:
            # The proof is checked with the key it names; whether that key is the issuer's is issuer trust's question.
            return ProofKey((named,), "named_in_proof", self.method.split("#", 1)[0])
        raise keys.KeyUnavailable(f"The issuer's controller document could not be fetched: {document.detail}")


def resolve_key_offline(
    method: str, issuer: str | None, context: VerificationContext
) -> ProofKey | _ControllerDocument:
    """The Ed25519 key behind a proof's verification method when nothing needs fetching, else the controller
    document to fetch; raises a DomainError when there is none."""
    registered = _registered(method, issuer, context)
    if registered:
        return ProofKey(registered, "registry", issuer)
    unresolvable = methods.problem(method)
    if unresolvable is not None:
        raise InvalidVerificationMethod(unresolvable, verification_method=method)
    controller = method.split("#", 1)[0]
    if method.startswith("did:key:"):
        try:
            return ProofKey((_multikey(controller.removeprefix("did:key:")),), "did:key", controller)
        except keys.KeyUnavailable as exc:
            raise InvalidKeyMaterial(f"The did:key is not an Ed25519 key: {exc.detail}") from exc
    if method.startswith("did:web:"):
        return _ControllerDocument(method, issuer, keys.did_web_url(method), "did:web")
    if method.startswith("https://"):
        return _ControllerDocument(method, issuer, controller, "key_url")
    named = _named_in_fragment(method)
    if named is not None:
        return ProofKey((named,), "named_in_proof", controller)
    raise keys.KeyUnavailable(f"The verification method {method} is not one this service can resolve.")


async def resolve_key(method: str, issuer: str | None, context: VerificationContext) -> ProofKey:
    """Find the Ed25519 key behind a proof's verification method; raises a DomainError when there is none."""
    found = resolve_key_offline(method, issuer, context)
    if isinstance(found, ProofKey):
        return found
    try:
        document = await found.fetch(context)
    except DomainError as exc:
        document = exc
    return found.key(document)


def _signature_holds(candidates: tuple[Ed25519PublicKey, ...], signature: bytes, digest: bytes) -> bool:
    for public in candidates:
        try:
            public.verify(signature, digest)
        except InvalidSignature:
            continue
        return True
    return False


def issuer_trust(key: ProofKey, issuer: str | None, evidence: dict[str, Any]) -> Check:
    """How far the key is tied to the issuer, in the same terms as `vcjwt.issuer_trust`."""
    if key.source in {"did:web", "key_url", "named_in_proof"} and key.controller != issuer:
        return failed(
            CheckName.ISSUER_TRUST,
            "key_not_controlled_by_issuer",
            f"The signing key belongs to {key.controller}, not to the credential's issuer.",
            **evidence,
            controller=key.controller,
        )
    outcome, reason, message = TRUST_BY_SOURCE[key.source]
    if outcome == "passed":
        return passed(CheckName.ISSUER_TRUST, reason, message, **evidence)
    return warning(CheckName.ISSUER_TRUST, reason, message, **evidence, controller=key.controller)


# --- the checks ----------------------------------------------------------------------------------------------------


def _not_verified(reason: str, message: str, evidence: dict[str, Any]) -> list[Check]:
    return [
        warning(CheckName.SIGNATURE, reason, message, **evidence),
        warning(
            CheckName.ISSUER_TRUST,
            "issuer_not_confirmed",
            "Without a verified signature, who issued this credential cannot be confirmed.",
            **evidence,
        ),
    ]


def _does_not_hold(reason: str, message: str, evidence: dict[str, Any]) -> list[Check]:
    return [
        failed(CheckName.SIGNATURE, reason, message, **evidence),
        skipped(CheckName.ISSUER_TRUST, "signature_failed", "Not checked: the signature does not hold.", **evidence),
    ]


def check_proof(document: dict[str, Any], context: VerificationContext) -> Step:
    """The signature and issuer-trust checks for a JSON-LD credential that carries a `proof` (`Verified.checks`;
    its `credential` is None). Synchronous: run it in a worker thread; canonicalisation is the costly part."""
    proofs = document["proof"] if isinstance(document.get("proof"), list) else [document.get("proof")]
    proof_types = sorted({str(p.get("cryptosuite") or p.get("type")) for p in proofs if isinstance(p, dict)})
    issuer = common.issuer_id_of(document)
    # The issuer's own proof is what counts; a proof set may carry others (VC Data Integrity §2.1.1).
    verifiable = [p for p in proofs if isinstance(p, dict) and _suite(p) is not None]
    proof = next((p for p in verifiable if p.get("proofPurpose") == "assertionMethod"), None)
    proof = proof or (verifiable[0] if verifiable else None)
    if proof is None:
        # A proof nobody here can evaluate (an unknown type or cryptosuite, or one misspelt) proves nothing: the
        # credential must not look as if only a minor point were open.
        return _checks(
            _does_not_hold(
                "unsupported_cryptosuite",
                "The credential's proof uses a suite this service cannot check "
                f"({', '.join(proof_types) or 'none named'}), so the credential cannot be trusted; eddsa-rdfc-2022 "
                "and Ed25519Signature2020 are checked.",
                {"proof_types": proof_types, "issuer": issuer},
            )
        )
    evidence: dict[str, Any] = {
        "proof_type": proof.get("type"),
        "cryptosuite": _suite(proof),
        "verification_method": proof.get("verificationMethod"),
        "created": proof.get("created"),
        "issuer": issuer,
    }
    problem = _proof_problem(document, proof, context)
    if problem is not None:
        return _checks(_does_not_hold("invalid_proof", problem, evidence))
    try:
        digest = hash_data(document, proof)
    except DocumentTooComplex as exc:
        return _checks(_not_verified(exc.code, exc.detail, {**evidence, **exc.extra}))
    except (UnknownContext, InvalidProofData) as exc:
        # Without the context, what was signed cannot be rebuilt: the proof cannot be checked, so it does not hold.
        return _checks(_does_not_hold(exc.code, exc.detail, {**evidence, **exc.extra}))
    signed = _Signed(_base58btc(proof["proofValue"]) or b"", digest, issuer, evidence)
    try:
        found = resolve_key_offline(proof["verificationMethod"], issuer, context)
    except DomainError as exc:
        return signed.with_key(exc)
    if isinstance(found, _ControllerDocument):
        controller_document = found
        return KeyToFetch(
            fetch=lambda: controller_document.fetch(context),
            finish=lambda document: signed.with_key(_key_or_error(controller_document, document)),
        )
    return signed.with_key(found)


def _key_or_error(controller_document: _ControllerDocument, document: Any) -> ProofKey | DomainError:
    try:
        return controller_document.key(document)
    except DomainError as exc:
        return exc


def _checks(checks: list[Check]) -> Verified:
    return Verified(checks, None)


@dataclass(frozen=True)
class _Signed:
    signature: bytes
    digest: bytes
    issuer: str | None
    evidence: dict[str, Any]

    def with_key(self, key: ProofKey | DomainError) -> Verified:
        evidence = self.evidence
        if isinstance(key, InvalidVerificationMethod | InvalidKeyMaterial):
            return _checks(_does_not_hold(key.code, key.detail, {**evidence, **key.extra}))
        if isinstance(key, DomainError):
            return _checks(vcjwt.key_unavailable(key, evidence))
        evidence = {**evidence, "key_source": key.source}
        if not _signature_holds(key.candidates, self.signature, self.digest):
            return _checks(
                _does_not_hold(
                    "bad_signature",
                    "The proof does not match: the credential was changed or not signed by this key.",
                    evidence,
                )
            )
        return _checks(
            [
                passed(CheckName.SIGNATURE, "signature_valid", "The proof is valid for the key it names.", **evidence),
                issuer_trust(key, self.issuer, evidence),
            ]
        )


async def verify_proof(document: dict[str, Any], context: VerificationContext) -> list[Check]:
    """`check_proof` from the event loop: canonicalisation and signature in worker threads, fetches on the loop."""
    step = await cpu_workers.run(check_proof, document, context)
    return (await complete(step)).checks
