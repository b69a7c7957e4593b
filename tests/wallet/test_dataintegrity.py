"""Data Integrity proofs on 1EdTech's Open Badges 3.0 and CLR 2.0 samples: what holds, what breaks, what stays offline."""

from __future__ import annotations

import copy
import json
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from wallet.verification import dataintegrity, keys
from wallet.verification.context import OutboundPolicy, TrustStore, VerificationContext
from wallet.verification.engine import VerificationResult, verify_document
from wallet.verification.result import Check, CheckName, Outcome

DATA = Path(__file__).resolve().parents[1] / "data"
NOW = datetime(2026, 11, 23, tzinfo=UTC)
EXAMPLE_ISSUER = "https://example.com/issuers/876543"
TEST_KEY = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"
"""The key pair the OB 3.0 specification publishes for its worked example; 1EdTech's samples are signed with it."""
ANOTHER_KEY = "z6MkoMGF38Ck9xkdqrbZt4h9eHb1qc3GhAAkoSWa4Vy3SHRN"
"""A well-formed Ed25519 key that signed none of the samples here (it signed 1EdTech's endorsement sample)."""
OWN_TERMS = {"@vocab": "https://example.org/terms#"}
"""A context that defines every other term, so that made-up properties stay in the signed RDF."""
WELLSPRING_DID = "did:web:dc.1edtech.org:wellspring2022:wellspring-portal:org:da1e96e9-afcc-4eed-b9a2-2ddf7353214c"


@dataclass
class Network:
    lookups: list[str] = field(default_factory=list)
    connections: list[Any] = field(default_factory=list)


@pytest.fixture(autouse=True)
def network(monkeypatch: pytest.MonkeyPatch) -> Network:
    """No test here reaches the network: name lookups and connections fail as if offline, and are recorded."""
    seen = Network()

    def lookup(host: str, *args: Any, **kwargs: Any) -> Any:
        seen.lookups.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "offline (test)")

    def connect(self: socket.socket, address: Any) -> None:
        seen.connections.append(address)
        raise OSError("offline (test)")

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    monkeypatch.setattr(socket.socket, "connect", connect)
    return seen


@dataclass
class ControllerDocuments:
    """Stands in for the outbound fetch: serves the documents given, records what was asked and under which policy."""

    documents: dict[str, Any] = field(default_factory=dict)
    requested: list[tuple[str, list[str]]] = field(default_factory=list)

    async def fetch_json(self, url: str, *, allowed_hosts: list[str], timeout: float, max_bytes: int) -> Any:
        self.requested.append((url, allowed_hosts))
        return copy.deepcopy(self.documents[url])


@pytest.fixture
def published(monkeypatch: pytest.MonkeyPatch) -> ControllerDocuments:
    served = ControllerDocuments()
    monkeypatch.setattr(dataintegrity, "fetch_json", served.fetch_json)
    return served


def controller_document(controller: str, method: str, public_key: str = TEST_KEY, **extra: Any) -> dict[str, Any]:
    """A W3C Controlled Identifiers document naming one Multikey authorised for assertions."""
    return {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": controller,
        "verificationMethod": [
            {"id": method, "type": "Multikey", "controller": controller, "publicKeyMultibase": public_key}
        ],
        "assertionMethod": [method],
        **extra,
    }


def registered(issuer: str, multibase: str = TEST_KEY) -> TrustStore:
    return TrustStore(issuer_keys={issuer: (keys.did_key_jwk(multibase),)})


async def verify(
    name: str,
    *,
    content: bytes | None = None,
    trust: TrustStore | None = None,
    now: datetime = NOW,
    outbound: OutboundPolicy | None = None,
) -> VerificationResult:
    document = content if content is not None else (DATA / name).read_bytes()
    context = VerificationContext(now=now, trust=trust or TrustStore(), outbound=outbound or OutboundPolicy())
    return await verify_document(document, "application/ld+json", context)


def edited(name: str, change: Callable[[dict[str, Any]], None]) -> bytes:
    document = json.loads((DATA / name).read_bytes())
    change(document)
    return json.dumps(document).encode()


def check(result: VerificationResult, name: CheckName) -> Check:
    return next(c for c in result.checks if c.name == name)


def outcome(result: VerificationResult, name: CheckName) -> tuple[Outcome, str]:
    found = check(result, name)
    return found.outcome, found.reason


class TestEddsaRdfc2022:
    async def test_simple_badge_holds_with_the_registered_key(self, network: Network) -> None:
        result = await verify("ob3-simple.json", trust=registered(EXAMPLE_ISSUER))
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")
        assert outcome(result, CheckName.ISSUER_TRUST) == (Outcome.PASSED, "issuer_key_registered")
        evidence = check(result, CheckName.SIGNATURE).evidence
        assert (evidence["cryptosuite"], evidence["key_source"]) == ("eddsa-rdfc-2022", "registry")
        assert network.lookups == []  # a registered key needs nothing from the issuer's domain

    @pytest.mark.parametrize(
        ("name", "issuer"),
        [
            ("ob3-complete.json", "https://1edtech.edu/issuers/565049"),
            ("ob3-endorsement-valid.json", "https://state.gov/issuers/565049"),
            ("clr2-simple.json", "https://example.edu/issuers/565049"),
            ("ob3-multiple-proofs.json", EXAMPLE_ISSUER),
        ],
    )
    async def test_samples_hold_with_the_key_their_proof_names(self, name: str, issuer: str) -> None:
        # complete.json and the CLR carry nested credentials with proofs of their own: the outer proof is checked.
        result = await verify(name)
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")
        assert check(result, CheckName.SIGNATURE).evidence["issuer"] == issuer

    async def test_key_named_in_the_proof_is_not_trusted(self, network: Network) -> None:
        result = await verify("ob3-simple.json")
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")
        assert outcome(result, CheckName.ISSUER_TRUST) == (Outcome.WARNING, "key_named_in_proof")
        assert network.lookups == ["example.com"]  # the issuer's document was asked for first, and was unreachable

    async def test_draft_cryptosuite_name_is_the_same_algorithm(self) -> None:
        result = await verify("ob3-eddsa-2022.json")
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")

    async def test_broken_proof_value_fails(self) -> None:
        result = await verify("ob3-err-proof-value.json")
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.FAILED, "bad_signature")
        assert check(result, CheckName.ISSUER_TRUST).outcome == Outcome.SKIPPED

    @pytest.mark.parametrize(
        ("original", "changed"),
        [
            ('"name": "Teamwork Badge"', '"name": "Teamwork Badgf"'),
            ('"name": "Teamwork"', '"name": "Teamwork!"'),
            ('"validFrom": "2010-01-01T00:00:00Z"', '"validFrom": "2010-01-01T00:00:01Z"'),
            ('"did:example:ebfeb1f712ebc6f1c276e12ec21"', '"did:example:ebfeb1f712ebc6f1c276e12ec22"'),
            ('"created": "2010-01-01T19:23:24Z"', '"created": "2010-01-01T19:23:25Z"'),
        ],
    )
    async def test_one_changed_character_breaks_the_proof(self, original: str, changed: str) -> None:
        text = (DATA / "ob3-simple.json").read_text()
        assert text.count(original) == 1
        result = await verify("", content=text.replace(original, changed).encode(), trust=registered(EXAMPLE_ISSUER))
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.FAILED, "bad_signature")

    async def test_registered_key_that_did_not_sign_fails(self) -> None:
        result = await verify("ob3-simple.json", trust=registered(EXAMPLE_ISSUER, ANOTHER_KEY))
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.FAILED, "bad_signature")

    async def test_did_key_is_self_certifying(self, network: Network) -> None:
        result = await verify("ob3-did-key-method.json")
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")
        assert outcome(result, CheckName.ISSUER_TRUST) == (Outcome.WARNING, "self_certifying_key")
        assert network.lookups == []

    async def test_unsupported_cryptosuite_fails(self) -> None:
        # A proof this service cannot evaluate proves nothing: the credential must not look acceptable.
        def to_ecdsa(document: dict[str, Any]) -> None:
            document["proof"][0]["cryptosuite"] = "ecdsa-rdfc-2019"

        result = await verify("", content=edited("ob3-simple.json", to_ecdsa))
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.FAILED, "unsupported_cryptosuite")
        assert "cannot be trusted" in check(result, CheckName.SIGNATURE).message
        assert check(result, CheckName.SIGNATURE).evidence["proof_types"] == ["ecdsa-rdfc-2019"]
        assert outcome(result, CheckName.ISSUER_TRUST) == (Outcome.SKIPPED, "signature_failed")

    @pytest.mark.parametrize(
        ("original", "flipped"),
        [('"DataIntegrityProof"', '"DataIntegrityPsoof"'), ('"eddsa-rdfc-2022"', '"eddsa-rdfc-2023"')],
    )
    async def test_one_flipped_byte_in_the_suite_fails(self, original: str, flipped: str) -> None:
        text = (DATA / "ob3-simple.json").read_text()
        result = await verify("", content=text.replace(original, flipped, 1).encode(), trust=registered(EXAMPLE_ISSUER))
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.FAILED, "unsupported_cryptosuite")

    async def test_proof_for_another_purpose_fails(self) -> None:
        def for_authentication(document: dict[str, Any]) -> None:
            document["proof"][0]["proofPurpose"] = "authentication"

        result = await verify("", content=edited("ob3-simple.json", for_authentication))
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.FAILED, "invalid_proof")

    async def test_proof_created_in_the_future_fails(self) -> None:
        result = await verify("ob3-simple.json", now=datetime(2010, 1, 1, 12, tzinfo=UTC))
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.FAILED, "invalid_proof")
        assert "future" in check(result, CheckName.SIGNATURE).message

    @pytest.mark.parametrize(
        "method",
        [
            f"did:example:{TEST_KEY}",  # a DID method nobody here resolves
            f"urn:example:{TEST_KEY}",  # a scheme no key can be resolved from
            f"{EXAMPLE_ISSUER}#{TEST_KEY[:-1]}0",  # a fragment written as a key that is none ("0" is not base58)
            f"{EXAMPLE_ISSUER}#{TEST_KEY}x",  # one character too many: not 32 bytes of key
        ],
    )
    async def test_unresolvable_verification_method_fails(self, method: str) -> None:
        def unresolvable(document: dict[str, Any]) -> None:
            document["proof"][0]["verificationMethod"] = method

        result = await verify("", content=edited("ob3-simple.json", unresolvable))
        assert outcome(result, CheckName.FORMAT) == (Outcome.FAILED, "invalid_verification_method")
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.FAILED, "invalid_verification_method")
        assert outcome(result, CheckName.ISSUER_TRUST) == (Outcome.SKIPPED, "signature_failed")

    async def test_did_key_that_is_no_key_fails(self, network: Network) -> None:
        # The credential names its own key, and that key cannot have made any signature.
        def broken_did_key(document: dict[str, Any]) -> None:
            document["proof"][0]["verificationMethod"] = f"did:key:{TEST_KEY[:-4]}#{TEST_KEY[:-4]}"

        result = await verify("", content=edited("ob3-did-key-method.json", broken_did_key))
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.FAILED, "invalid_key")
        assert network.lookups == []

    async def test_key_that_could_not_be_fetched_is_a_warning(self, network: Network) -> None:
        # A key URL naming no key of its own: only the unreachable document could say which key signed.
        def key_elsewhere(document: dict[str, Any]) -> None:
            document["proof"][0]["verificationMethod"] = f"{EXAMPLE_ISSUER}#key-1"

        result = await verify("", content=edited("ob3-simple.json", key_elsewhere))
        assert outcome(result, CheckName.FORMAT) == (Outcome.PASSED, "well_formed")
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.WARNING, "issuer_key_unavailable")
        assert network.lookups == ["example.com"]

    async def test_key_named_under_another_url_checks_the_signature_but_not_the_issuer(self) -> None:
        # One changed byte in the issuer: the proof's key is no longer the issuer's, and the proof no longer holds.
        text = (DATA / "ob3-simple.json").read_text()
        changed = text.replace(f'"id": "{EXAMPLE_ISSUER}"', '"id": "https://example.com/issuers/876544"', 1)
        assert changed != text
        result = await verify("", content=changed.encode())
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.FAILED, "bad_signature")


class TestMalformedJsonLd:
    async def test_context_url_without_a_scheme_is_a_broken_document_not_a_crash(self) -> None:
        # pyld raises a plain ValueError for an IRI it cannot resolve ("https;//…"): found by flipping one byte.
        def misspelt(document: dict[str, Any]) -> None:
            document["@context"][1] = document["@context"][1].replace("https:", "https;")

        result = await verify("", content=edited("ob3-simple.json", misspelt), trust=registered(EXAMPLE_ISSUER))
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.FAILED, "invalid_json_ld")
        assert check(result, CheckName.FORMAT).outcome == Outcome.FAILED


class TestEd25519Signature2020:
    async def test_legacy_suite_holds(self) -> None:
        result = await verify("ob3-simple-v1.json")
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")
        assert check(result, CheckName.SIGNATURE).evidence["proof_type"] == "Ed25519Signature2020"

    async def test_property_the_contexts_do_not_define_fails(self) -> None:
        # VCDM 1.1 has no @vocab: an undefined property vanishes from the RDF, so the proof alone would still hold.
        def smuggle(document: dict[str, Any]) -> None:
            document["grade"] = "A+"

        result = await verify("", content=edited("ob3-simple-v1.json", smuggle))
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.FAILED, "undefined_terms")
        assert check(result, CheckName.SIGNATURE).evidence["undefined_terms"] == ["grade"]


class TestControllerDocuments:
    async def test_did_web_document_authorises_the_key(self, published: ControllerDocuments) -> None:
        method = f"{WELLSPRING_DID}#{TEST_KEY}"
        url = (
            "https://dc.1edtech.org/wellspring2022/wellspring-portal/org/da1e96e9-afcc-4eed-b9a2-2ddf7353214c/did.json"
        )
        published.documents[url] = controller_document(WELLSPRING_DID, method)
        result = await verify(
            "status-list/ob3/credential-status-revoked-1edtech.json",
            outbound=OutboundPolicy(allowed_hosts=("dc.1edtech.org",)),
        )
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")
        assert outcome(result, CheckName.ISSUER_TRUST) == (Outcome.WARNING, "key_published_by_issuer_domain")
        assert published.requested == [(url, ["dc.1edtech.org"])]  # fetched under the context's outbound policy

    async def test_https_controller_document_authorises_the_key(self, published: ControllerDocuments) -> None:
        method = f"{EXAMPLE_ISSUER}#{TEST_KEY}"
        published.documents[EXAMPLE_ISSUER] = controller_document(EXAMPLE_ISSUER, method)
        result = await verify("ob3-simple.json")
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")
        assert outcome(result, CheckName.ISSUER_TRUST) == (Outcome.WARNING, "key_published_at_url")

    async def test_key_the_document_does_not_authorise_is_not_used(self, published: ControllerDocuments) -> None:
        method = f"{EXAMPLE_ISSUER}#{TEST_KEY}"
        published.documents[EXAMPLE_ISSUER] = controller_document(EXAMPLE_ISSUER, method, assertionMethod=[])
        result = await verify("ob3-simple.json")
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.WARNING, "key_not_authorised")

    async def test_document_publishing_another_key_fails(self, published: ControllerDocuments) -> None:
        method = f"{EXAMPLE_ISSUER}#{TEST_KEY}"
        published.documents[EXAMPLE_ISSUER] = controller_document(EXAMPLE_ISSUER, method, public_key=ANOTHER_KEY)
        result = await verify("ob3-simple.json")
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.FAILED, "bad_signature")

    async def test_key_controlled_by_someone_else_is_not_the_issuers(self, published: ControllerDocuments) -> None:
        method = f"{EXAMPLE_ISSUER}#{TEST_KEY}"
        document = controller_document(EXAMPLE_ISSUER, method)
        document["verificationMethod"][0]["controller"] = "https://elsewhere.example/"
        published.documents[EXAMPLE_ISSUER] = document
        result = await verify("ob3-simple.json")
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")
        assert outcome(result, CheckName.ISSUER_TRUST) == (Outcome.FAILED, "key_not_controlled_by_issuer")


class TestOfflineContexts:
    async def test_context_not_shipped_fails_and_is_never_fetched(self, network: Network) -> None:
        # Without the context what was signed cannot be rebuilt: a proof that cannot be checked does not hold.
        result = await verify("clr2-draft-context.json", outbound=OutboundPolicy(allowed_hosts=()))
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.FAILED, "unknown_context")
        signature = check(result, CheckName.SIGNATURE)
        assert signature.evidence["context_url"] == "https://dc.imsglobal.org/draft/clr/v2p0/context"
        assert (network.lookups, network.connections) == ([], [])

    def test_loader_refuses_every_other_url(self) -> None:
        with pytest.raises(dataintegrity.UnknownContext):
            dataintegrity.load_context("https://www.w3.org/ns/credentials/v3")

    @pytest.mark.parametrize("url", sorted(dataintegrity.CONTEXT_FILES))
    def test_every_mapped_url_has_its_file(self, url: str) -> None:
        assert isinstance(dataintegrity.load_context(url)["document"]["@context"], dict)

    def test_sources_list_every_shipped_context(self) -> None:
        sources = (Path(dataintegrity.__file__).parents[1] / "contexts" / "SOURCES.md").read_text()
        for url, filename in dataintegrity.CONTEXT_FILES.items():
            assert f"| `{url}` | `{filename}` |" in sources


class TestBounds:
    async def test_blank_node_tangle_is_refused(self) -> None:
        # Eight blank nodes all linked to each other: RDFC-1.0 would try every permutation of them.
        def tangle(document: dict[str, Any]) -> None:
            nodes = [{"@id": f"_:n{i}", "linked": [{"@id": f"_:n{j}"} for j in range(8) if j != i]} for i in range(8)]
            document["credentialSubject"]["related"] = nodes
            document["@context"].append(OWN_TERMS)

        result = await verify("", content=edited("ob3-simple.json", tangle), trust=registered(EXAMPLE_ISSUER))
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.WARNING, "document_too_complex")

    async def test_too_many_statements_are_refused(self, monkeypatch: pytest.MonkeyPatch) -> None:
        # An RDF list costs two statements per item: 6,000 values, 12,000 statements. The time bound is lifted: on a
        # loaded machine it stopped the work first, and this test is about the statement bound.
        monkeypatch.setattr(dataintegrity, "CANONICALIZATION_SECONDS", 600.0)

        def pad(document: dict[str, Any]) -> None:
            document["credentialSubject"]["sequence"] = list(range(6_000))
            document["@context"].append({**OWN_TERMS, "sequence": {"@id": "urn:sequence", "@container": "@list"}})

        result = await verify("", content=edited("ob3-simple.json", pad), trust=registered(EXAMPLE_ISSUER))
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.WARNING, "document_too_complex")
        assert "statements" in check(result, CheckName.SIGNATURE).message

    async def test_property_with_too_many_values_is_refused(self) -> None:
        # pyld de-duplicates a property's values pairwise: quadratic in their number.
        def pad(document: dict[str, Any]) -> None:
            document["credentialSubject"]["items"] = [{"@id": f"urn:item:{i}"} for i in range(1_000)]
            document["@context"].append(OWN_TERMS)

        result = await verify("", content=edited("ob3-simple.json", pad), trust=registered(EXAMPLE_ISSUER))
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.WARNING, "document_too_complex")
        assert "one property" in check(result, CheckName.SIGNATURE).message

    async def test_too_many_values_are_refused_before_expansion(self) -> None:
        def pad(document: dict[str, Any]) -> None:
            document["credentialSubject"]["values"] = list(range(dataintegrity.MAX_JSON_VALUES))

        result = await verify("", content=edited("ob3-simple.json", pad), trust=registered(EXAMPLE_ISSUER))
        assert outcome(result, CheckName.SIGNATURE) == (Outcome.WARNING, "document_too_complex")
        assert "JSON values" in check(result, CheckName.SIGNATURE).message
