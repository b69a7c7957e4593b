"""Verification verdicts on real credentials, check by check."""

from __future__ import annotations

import base64
import json
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from joserfc import jws
from joserfc.jwk import ECKey

from core import clock
from core.errors import InvalidInput
from tests.servers import LOOPBACK, directory_server, free_port
from wallet import sdjwt
from wallet.status import (
    MIN_BITSTRING_ENTRIES,
    StatusChecker,
    encode_bitstring,
    encode_token_status_list,
    set_bitstring_value,
    set_token_status_value,
)
from wallet.verification import keys, signatures
from wallet.verification.context import OutboundPolicy, TrustStore, VerificationContext
from wallet.verification.engine import VerificationResult, verify_document
from wallet.verification.result import Check, CheckName, Outcome
from wallet.verification.status import DataIntegrityProofs, status_check

DATA = Path(__file__).resolve().parents[1] / "data"
NOW = datetime(2026, 11, 23, tzinfo=UTC)
ONEEDTECH_ISSUER = "https://1edtech.edu/issuers/565049"
OB3_SPEC_KEY = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"
"""The key pair the OB 3.0 specification publishes for its worked example; 1EdTech's samples are signed with it."""
SD_JWT_ISSUER_KEY = {  # RFC 9901 Appendix A.5 / the official test cases' issuer key (public part)
    "kty": "EC",
    "crv": "P-256",
    "x": "b28d4MwZMjw8-00CG4xfnn9SLMVMM19SlqZpVb_uNtQ",
    "y": "Xv5zWwuoaTgdS6hV43yI6gBwTnjukmFQQnJ_kCxzqk8",
}


async def verify(
    name: str, media_type: str, *, now: datetime = NOW, trust: TrustStore | None = None, content: bytes | None = None
) -> VerificationResult:
    document = content if content is not None else (DATA / name).read_bytes()
    return await verify_document(document, media_type, VerificationContext(now=now, trust=trust or TrustStore()))


def check(result: VerificationResult, name: CheckName) -> tuple[Outcome, str]:
    found = next(c for c in result.checks if c.name == name)
    return found.outcome, found.reason


class TestEveryResult:
    async def test_has_each_of_the_seven_checks_once(self) -> None:
        result = await verify("ob3-simple.jwt", "application/jwt")
        assert [c.name for c in result.checks] == list(CheckName)
        assert all(c.message for c in result.checks)


class TestEuropeanDigitalCredentialSeals:
    async def test_commission_sample_seal_holds_but_certificate_is_expired_and_untrusted(self) -> None:
        result = await verify("edc-ec-mc-annex1-signed.jsonld", "application/jose+json")
        assert check(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")
        assert check(result, CheckName.ISSUER_TRUST) == (Outcome.FAILED, "certificate_expired_and_untrusted")
        signature = next(c for c in result.checks if c.name == CheckName.SIGNATURE)
        assert signature.evidence["certificate"]["not_after"].startswith("2025-05-10")
        assert signature.evidence["signing_time"].startswith("2023-09-27")

    async def test_mynextid_seal_holds(self) -> None:
        result = await verify("edc-mynextid-mc-signed.jsonld", "application/json")
        assert check(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")
        assert check(result, CheckName.ISSUER_TRUST) == (Outcome.FAILED, "certificate_untrusted")

    async def test_trusting_the_certificate_makes_the_issuer_trusted(self) -> None:
        container = json.loads((DATA / "edc-mynextid-mc-signed.jsonld").read_bytes())
        protected = container["signatures"][0]["protected"]
        header = json.loads(base64.urlsafe_b64decode(protected + "=" * (-len(protected) % 4)))
        leaf = x509.load_der_x509_certificate(base64.b64decode(header["x5c"][0]))
        result = await verify(
            "edc-mynextid-mc-signed.jsonld", "application/json", trust=TrustStore(certificates=(leaf,))
        )
        assert check(result, CheckName.ISSUER_TRUST) == (Outcome.PASSED, "trusted_chain")

    @pytest.mark.parametrize("name", ["edc-ec-mc-annex1-signed.jsonld", "edc-mynextid-mc-signed.jsonld"])
    async def test_one_changed_character_breaks_the_seal(self, name: str) -> None:
        container = json.loads((DATA / name).read_bytes())
        container["payload"] = container["payload"].replace('"Concept"', '"Concepts"', 1)
        assert container["payload"].count('"Concepts"') == 1
        result = await verify(name, "application/json", content=json.dumps(container).encode())
        assert check(result, CheckName.SIGNATURE) == (Outcome.FAILED, "bad_signature")

    @pytest.mark.parametrize(
        ("unprotected", "error"),
        [
            ({"crit": ["sigT"]}, "unprotected_critical_header"),  # RFC 7515 §4.1.11: crit must be protected
            ({"b64": False}, "unprotected_critical_header"),  # RFC 7797 §3: so must b64
            ({"sigT": "2023-09-27T11:54:17Z"}, "duplicate_header_parameter"),  # RFC 7515 §7.2.1: disjoint sets
            ({"sigX": "unknown"}, "unsupported_header"),  # a parameter nobody defined
        ],
    )
    async def test_unprotected_header_cannot_change_what_the_seal_means(
        self, unprotected: dict[str, Any], error: str
    ) -> None:
        # The unprotected header is not signed: whatever it says must not count as part of the seal.
        container = json.loads((DATA / "edc-ec-mc-annex1-signed.jsonld").read_bytes())
        container["signatures"][0]["header"].update(unprotected)
        result = await verify("", "application/jose+json", content=json.dumps(container).encode())
        signature = next(c for c in result.checks if c.name == CheckName.SIGNATURE)
        assert (signature.outcome, signature.reason, signature.evidence["error"]) == (
            Outcome.FAILED,
            "malformed_seal",
            error,
        )

    async def test_unsigned_edc_has_no_signature(self) -> None:
        result = await verify("edc-ec-mc-annex1-unsigned.jsonld", "application/ld+json")
        assert check(result, CheckName.SIGNATURE) == (Outcome.FAILED, "no_signature")


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Name lookups fail as if offline, and are recorded: the 1EdTech samples name example.com keys. Loopback (the
    test servers) still resolves."""
    lookups: list[str] = []
    resolve = socket.getaddrinfo

    def lookup(host: str, *args: Any, **kwargs: Any) -> Any:
        if host == LOOPBACK:
            return resolve(host, *args, **kwargs)
        lookups.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "offline (test)")

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    return lookups


class TestOpenBadges:
    """1EdTech's Open Badges 3.0 samples (inspector-vc's test resources), each with the verdict it was written for."""

    @pytest.mark.parametrize(
        "name", ["ob3-simple.json", "ob3-complete.json", "ob3-endorsement-valid.json", "ob3-simple-v1.json"]
    )
    async def test_valid_samples_hold(self, name: str, offline: list[str]) -> None:
        result = await verify(name, "application/json")
        assert check(result, CheckName.FORMAT) == (Outcome.PASSED, "well_formed")
        assert check(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")

    async def test_broken_proof_value(self, offline: list[str]) -> None:
        result = await verify("ob3-err-proof-value.json", "application/json")
        assert check(result, CheckName.FORMAT) == (Outcome.PASSED, "well_formed")
        assert check(result, CheckName.SIGNATURE) == (Outcome.FAILED, "bad_signature")

    async def test_expired_badge(self, offline: list[str]) -> None:
        result = await verify("ob3-err-expired.json", "application/json")
        assert check(result, CheckName.VALIDITY_PERIOD) == (Outcome.FAILED, "expired")
        assert check(result, CheckName.SIGNATURE)[0] == Outcome.PASSED

    async def test_badge_issued_in_the_future(self, offline: list[str]) -> None:
        # validFrom 2040: not yet issued. The sample also leaves out the achievement, which the model requires.
        result = await verify("ob3-err-issued.json", "application/json")
        assert check(result, CheckName.VALIDITY_PERIOD) == (Outcome.FAILED, "not_yet_valid")
        assert check(result, CheckName.FORMAT) == (Outcome.FAILED, "open_badge_property_missing")

    @pytest.mark.parametrize(
        ("name", "reason", "where"),
        [
            ("ob3-err-context.json", "first_context_wrong", "@context[0]"),
            ("ob3-err-type.json", "not_an_achievement_credential", "type"),
            ("ob3-err-issuer-type.json", "open_badge_wrong_type", "issuer.type"),
            ("ob3-err-issuer-parentorg-type.json", "open_badge_wrong_type", "issuer.parentOrg.type"),
            ("ob3-err-issuer-otheridentifier-type.json", "open_badge_wrong_type", "issuer.otherIdentifier[1].type"),
            ("ob3-err-evidence-type.json", "open_badge_wrong_type", "evidence[1].type"),
            ("ob3-err-credential-subject-type.json", "open_badge_wrong_type", "credentialSubject.type"),
            (
                "ob3-err-credential-subject-identifier-type.json",
                "open_badge_wrong_type",
                "credentialSubject.identifier[0].type",
            ),
            ("ob3-err-credential-subject-profile-type.json", "open_badge_wrong_type", "credentialSubject.source.type"),
            (
                "ob3-err-credential-subject-result-type.json",
                "open_badge_wrong_type",
                "credentialSubject.result[1].type",
            ),
            (
                "ob3-err-credential-subject-achievement-result-description-type.json",
                "open_badge_wrong_type",
                "credentialSubject.achievement.resultDescription[2].type",
            ),
            ("ob3-err-proof-method-no-scheme.json", "invalid_verification_method", "proof[0].verificationMethod"),
            ("ob3-err-proof-method.json", "invalid_verification_method", "proof.verificationMethod"),
            (
                "ob3-err-proof-method-unknown-scheme.json",
                "invalid_verification_method",
                "proof[0].verificationMethod",
            ),
            (
                "ob3-err-proof-method-unknown-did-method.json",
                "invalid_verification_method",
                "proof[0].verificationMethod",
            ),
        ],
    )
    async def test_samples_breaking_the_model_fail_format(
        self, name: str, reason: str, where: str, offline: list[str]
    ) -> None:
        result = await verify(name, "application/json")
        format_check = next(c for c in result.checks if c.name == CheckName.FORMAT)
        assert (format_check.outcome, format_check.reason) == (Outcome.FAILED, reason)
        assert format_check.evidence["property"] == where
        assert check(result, CheckName.SIGNATURE)[0] != Outcome.PASSED

    @pytest.mark.parametrize(
        "name",
        [
            "ob3-err-proof-method.json",  # a garbled key in the fragment of an https method
            "ob3-err-proof-method-unknown-scheme.json",
            "ob3-err-proof-method-unknown-did-method.json",
        ],
    )
    async def test_proof_naming_a_key_nobody_can_resolve_fails_its_signature(
        self, name: str, offline: list[str]
    ) -> None:
        # The proof cannot be checked at all: it must not look as if only a detail were open.
        result = await verify(name, "application/json")
        assert check(result, CheckName.SIGNATURE) == (Outcome.FAILED, "invalid_verification_method")
        assert offline == []  # nothing to fetch: the method alone says no key can be found

    async def test_badge_without_issuer_fails_format_and_issuer_trust(self, offline: list[str]) -> None:
        # The proof holds for the key it names, but that key belongs to nobody the credential calls its issuer.
        result = await verify("ob3-err-issuer.json", "application/json")
        assert check(result, CheckName.FORMAT) == (Outcome.FAILED, "missing_issuer")
        assert check(result, CheckName.ISSUER_TRUST) == (Outcome.FAILED, "key_not_controlled_by_issuer")

    async def test_terms_the_contexts_do_not_define_are_a_format_failure(self) -> None:
        # VCDM 1.1 has no @vocab: an undefined property vanishes from the RDF, so the proof alone would still hold.
        document = json.loads((DATA / "ob3-simple-v1.json").read_bytes())
        document["grade"] = "A+"
        result = await verify("", "application/json", content=json.dumps(document).encode())
        assert check(result, CheckName.FORMAT) == (Outcome.FAILED, "undefined_terms")
        assert check(result, CheckName.SIGNATURE) == (Outcome.FAILED, "undefined_terms")

    async def test_vc_jwt_without_a_findable_key_is_a_warning_not_a_pass(self) -> None:
        # 1EdTech's simple.jwt names no key at all: no `kid`, `jwk` or `x5c` (OB 3.0 §8.2.3 requires `kid` or
        # `jwk`), and its issuer is an example.edu URL. Only a key registered for the issuer can check it.
        result = await verify("ob3-simple.jwt", "application/jwt")
        assert check(result, CheckName.SIGNATURE) == (Outcome.WARNING, "issuer_key_unavailable")
        assert check(result, CheckName.FORMAT) == (Outcome.PASSED, "well_formed")

    @pytest.mark.parametrize("restriction", [{"use": "enc"}, {"alg": "ES384"}, {"key_ops": ["encrypt"]}])
    async def test_vc_jwt_key_registered_for_another_use_does_not_verify_it(self, restriction: dict[str, Any]) -> None:
        key = ECKey.generate_key("P-256", parameters={"kid": "issuer-key-1"})
        registered = {**key.as_dict(private=False), **restriction}
        trust = TrustStore(issuer_keys={STATUS_ISSUER: (registered,)})
        result = await verify("", "application/jwt", trust=trust, content=_badge(key))
        found = next(c for c in result.checks if c.name == CheckName.SIGNATURE)
        assert (found.outcome, found.evidence["error"]) == (Outcome.FAILED, "key_not_for_this_use")
        allowed = {**key.as_dict(private=False), "use": "sig", "alg": "ES256", "key_ops": ["verify"]}
        result = await verify(
            "", "application/jwt", trust=TrustStore(issuer_keys={STATUS_ISSUER: (allowed,)}), content=_badge(key)
        )
        assert check(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")

    async def test_vc_jwt_whose_embedded_key_is_no_key_fails(self) -> None:
        # One flipped byte in the header's `jwk`: the credential names its own key, and no such key exists.
        token = (DATA / "clr2-simple.jwt").read_text().strip()
        encoded_header, rest = token.split(".", 1)
        header = json.loads(base64.urlsafe_b64decode(encoded_header + "=" * (-len(encoded_header) % 4)))
        header["jwk"]["e"] = "AQAC"  # an even RSA exponent: not a key
        encoded = base64.urlsafe_b64encode(json.dumps(header).encode()).rstrip(b"=").decode()
        result = await verify("", "application/jwt", content=f"{encoded}.{rest}".encode())
        assert check(result, CheckName.SIGNATURE) == (Outcome.FAILED, "invalid_key")
        assert check(result, CheckName.ISSUER_TRUST) == (Outcome.SKIPPED, "signature_failed")

    async def test_vc_jwt_with_its_key_in_the_header_verifies_offline(self) -> None:
        # 1EdTech's CLR simple.jwt embeds its RSA key as `jwk`: a 700-byte header, and a self-asserted key.
        result = await verify("clr2-simple.jwt", "application/jwt")
        assert check(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")
        assert check(result, CheckName.ISSUER_TRUST) == (Outcome.WARNING, "self_asserted_key")
        assert next(c for c in result.checks if c.name == CheckName.SIGNATURE).evidence["key_source"] == "embedded_jwk"


class TestSdJwtVc:
    async def test_signature_holds_with_the_registered_issuer_key(self) -> None:
        trust = TrustStore(issuer_keys={"https://example.com/issuer": (SD_JWT_ISSUER_KEY,)})
        result = await verify("sd-jwt-vc-openid4vci.txt", "application/dc+sd-jwt", trust=trust)
        assert check(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")
        assert check(result, CheckName.ISSUER_TRUST) == (Outcome.PASSED, "issuer_key_registered")
        assert check(result, CheckName.HOLDER_BINDING) == (Outcome.SKIPPED, "no_presentation")

    async def test_tampered_disclosure_fails(self) -> None:
        text = (DATA / "sd-jwt-vc-openid4vci.txt").read_text()
        issuer_jwt, first, *rest = text.split("~")
        tampered = "~".join([issuer_jwt, first[:-2] + ("A" if first[-2] != "A" else "B") + first[-1], *rest])
        trust = TrustStore(issuer_keys={"https://example.com/issuer": (SD_JWT_ISSUER_KEY,)})
        result = await verify("", "application/dc+sd-jwt", trust=trust, content=tampered.encode())
        assert check(result, CheckName.SIGNATURE)[0] != Outcome.PASSED or check(result, CheckName.FORMAT)[0] == (
            Outcome.FAILED
        )
        assert check(result, CheckName.FORMAT)[0] == Outcome.FAILED


class TestHostileDocuments:
    @pytest.mark.parametrize(
        ("content", "media_type"),
        [
            (b"[" * 100000, "application/json"),
            (b"eyJ!!.e30.x", "application/jwt"),
            (b'<!DOCTYPE x [<!ENTITY a "a">]><elmo>&a;</elmo>', "application/xml"),
        ],
    )
    async def test_refused_not_verified(self, content: bytes, media_type: str) -> None:
        with pytest.raises(InvalidInput):
            await verify("", media_type, content=content)


# --- credential status: lists served by a real HTTP server on loopback (a separate process) ------------------------

STATUS_ISSUER = "https://university.example.eu/issuers/1"
LIST_INDEX = 94_567
_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


class ListServer:
    """`python -m http.server` over a directory: what is published at `/lists/x` is the file `lists/x`."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.port = free_port()
        (directory / "lists").mkdir()

    def publish(self, name: str, body: bytes) -> str:
        (self.directory / "lists" / name).write_bytes(body)
        return self.url(name)

    def url(self, name: str) -> str:
        return f"http://{LOOPBACK}:{self.port}/lists/{name}"


@pytest.fixture
def list_server(tmp_path: Path) -> Iterator[ListServer]:
    server = ListServer(tmp_path)
    with directory_server(tmp_path, server.port):
        yield server


@pytest.fixture
def issuer_key() -> ECKey:
    return ECKey.generate_key("P-256", parameters={"kid": "issuer-key-1"})


@pytest.fixture
def status_key() -> ECKey:
    return ECKey.generate_key("P-256", parameters={"kid": "status-key-1"})


@pytest.fixture
def trust(issuer_key: ECKey, status_key: ECKey) -> TrustStore:
    """The issuer registered with the key it signs credentials with and the key it signs status lists with."""
    public = tuple(dict(key.as_dict(private=False)) for key in (issuer_key, status_key))
    return TrustStore(issuer_keys={STATUS_ISSUER: public})


def _jws(claims: dict[str, Any], key: ECKey, *, typ: str, kid: str | None = None) -> str:
    header = {"alg": "ES256", "kid": kid or key.kid, "typ": typ}
    return jws.serialize_compact(header, json.dumps(claims).encode(), key, algorithms=["ES256"])


def _did_key(key: ECKey) -> str:
    """did:key for a P-256 key: multicodec 0x1200 + compressed point, base58btc (W3C CCG did:key)."""
    raw = b"\x80\x24" + key.public_key.public_bytes(Encoding.X962, PublicFormat.CompressedPoint)
    number, encoded = int.from_bytes(raw, "big"), ""
    while number:
        number, remainder = divmod(number, 58)
        encoded = _BASE58[remainder] + encoded
    return "did:key:z" + "1" * (len(raw) - len(raw.lstrip(b"\x00"))) + encoded


def _bitstring_list(url: str, key: ECKey, *, revoked: bool) -> bytes:
    """A W3C BitstringStatusListCredential as a VC-JWT, the credential's bit set when `revoked`."""
    bitstring = bytearray(MIN_BITSTRING_ENTRIES // 8)
    if revoked:
        set_bitstring_value(bitstring, LIST_INDEX, 1)
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": STATUS_ISSUER,
        "validFrom": "2026-01-01T00:00:00Z",
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode_bitstring(bytes(bitstring)),
        },
    }
    return _jws(document, key, typ="vc+jwt").encode()


def _badge(
    key: ECKey, *, issuer: str = STATUS_ISSUER, credential_status: dict[str, Any] | None = None, kid: str | None = None
) -> bytes:
    """An Open Badge 3.0 as a VC-JWT (VCDM 2.0, ES256), with a `credentialStatus` if given."""
    claims: dict[str, Any] = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:8f1c2e4a-5b6d-4c7e-9f80-1a2b3c4d5e6f",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Université Exemple"},
        "validFrom": "2026-02-01T00:00:00Z",
        "name": "Applied Cryptography",
        "credentialSubject": {
            "id": "did:example:learner",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://university.example.eu/achievements/1",
                "type": ["Achievement"],
                "name": "Applied Cryptography",
                "description": "Completed the applied cryptography module.",
                "criteria": {"narrative": "Pass the final assessment."},
            },
        },
    }
    if credential_status is not None:
        claims["credentialStatus"] = credential_status
    return _jws(claims, key, typ="vc+jwt", kid=kid).encode()


def _bitstring_entry(url: str, index: int = LIST_INDEX) -> dict[str, Any]:
    return {
        "id": f"{url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(index),
        "statusListCredential": url,
    }


def _badge_with_bitstring_entry(url: str, key: ECKey) -> bytes:
    """An Open Badge 3.0 as a VC-JWT whose `credentialStatus` points at position LIST_INDEX of `url`."""
    return _badge(key, credential_status=_bitstring_entry(url))


def _status_list_token(
    uri: str, key: ECKey, *, revoked: bool, issuer: str = STATUS_ISSUER, kid: str | None = None
) -> bytes:
    """An IETF Status List Token (1 bit per credential), the credential's status INVALID (0x01) when `revoked`."""
    statuses = bytearray(MIN_BITSTRING_ENTRIES // 8)
    if revoked:
        set_token_status_value(statuses, LIST_INDEX, 1, 1)
    claims = {
        "iss": issuer,
        "sub": uri,
        "iat": int(NOW.timestamp()) - 600,
        "exp": int(NOW.timestamp()) + 86_400,
        "status_list": {"bits": 1, "lst": encode_token_status_list(bytes(statuses))},
    }
    return _jws(claims, key, typ="statuslist+jwt", kid=kid).encode()


def _diploma_with_status_claim(uri: str, key: ECKey, *, issuer: str = STATUS_ISSUER, kid: str | None = None) -> bytes:
    """An SD-JWT VC whose `status.status_list` claim points at position LIST_INDEX of the token at `uri`."""
    issued = sdjwt.issue_vc(
        {
            "iss": issuer,
            "vct": "https://credentials.example.eu/diploma",
            "iat": int(NOW.timestamp()) - 86_400,
            "status": {"status_list": {"idx": LIST_INDEX, "uri": uri}},
            "given_name": "Ada",
        },
        issuer_key=key,
        disclosable=[["given_name"]],
        header={"kid": kid or key.kid},
    )
    return issued.serialized.encode()


def _did_key_kid(key: ECKey) -> tuple[str, str]:
    did = _did_key(key)
    return did, f"{did}#{did.removeprefix('did:key:')}"


async def _verify_with_status(
    content: bytes,
    media_type: str,
    trust: TrustStore,
    *,
    checker: StatusChecker | None = None,
    outbound: OutboundPolicy | None = None,
) -> Check:
    context = VerificationContext(
        now=NOW, trust=trust, outbound=outbound or OutboundPolicy(allowed_hosts=(LOOPBACK,), timeout_seconds=5)
    )
    check_status = status_check(checker or StatusChecker())
    result = await verify_document(content, media_type, context, status_check=check_status)
    return next(c for c in result.checks if c.name == CheckName.STATUS)


class TestCredentialStatus:
    @pytest.fixture(autouse=True)
    def frozen_clock(self) -> Iterator[None]:
        # The status checker judges lists by `core.clock`, the credentials by the context's `now`: the same moment.
        clock.freeze(NOW)
        try:
            yield
        finally:
            clock.freeze(None)

    async def test_bitstring_list_with_the_bit_clear(
        self, list_server: ListServer, issuer_key: ECKey, status_key: ECKey, trust: TrustStore
    ) -> None:
        url = list_server.publish("bitstring", _bitstring_list(list_server.url("bitstring"), status_key, revoked=False))
        check = await _verify_with_status(_badge_with_bitstring_entry(url, issuer_key), "application/vc+jwt", trust)
        assert (check.outcome, check.reason) == (Outcome.PASSED, "status_valid")
        assert check.evidence["status_list_url"] == url
        assert check.evidence["index"] == LIST_INDEX
        assert check.evidence["list_signature"] == "verified"

    async def test_bitstring_list_with_the_bit_set(
        self, list_server: ListServer, issuer_key: ECKey, status_key: ECKey, trust: TrustStore
    ) -> None:
        url = list_server.publish("bitstring", _bitstring_list(list_server.url("bitstring"), status_key, revoked=True))
        check = await _verify_with_status(_badge_with_bitstring_entry(url, issuer_key), "application/vc+jwt", trust)
        assert (check.outcome, check.reason) == (Outcome.FAILED, "revoked")

    async def test_token_status_list_with_the_status_valid(
        self, list_server: ListServer, issuer_key: ECKey, status_key: ECKey, trust: TrustStore
    ) -> None:
        url = list_server.publish("token", _status_list_token(list_server.url("token"), status_key, revoked=False))
        check = await _verify_with_status(_diploma_with_status_claim(url, issuer_key), "application/dc+sd-jwt", trust)
        assert (check.outcome, check.reason) == (Outcome.PASSED, "status_valid")
        assert check.evidence["method"] == "token_status_list"

    async def test_token_status_list_with_the_status_invalid(
        self, list_server: ListServer, issuer_key: ECKey, status_key: ECKey, trust: TrustStore
    ) -> None:
        url = list_server.publish("token", _status_list_token(list_server.url("token"), status_key, revoked=True))
        check = await _verify_with_status(_diploma_with_status_claim(url, issuer_key), "application/dc+sd-jwt", trust)
        assert (check.outcome, check.reason) == (Outcome.FAILED, "revoked")

    async def test_unreachable_list_is_a_warning(self, issuer_key: ECKey, trust: TrustStore) -> None:
        nobody_listens = f"http://{LOOPBACK}:{free_port()}/lists/token"
        check = await _verify_with_status(
            _diploma_with_status_claim(nobody_listens, issuer_key), "application/dc+sd-jwt", trust
        )
        assert (check.outcome, check.reason) == (Outcome.WARNING, "status_list_unreachable")
        assert check.evidence["status_list_url"] == nobody_listens

    async def test_the_contexts_outbound_policy_applies(
        self, list_server: ListServer, issuer_key: ECKey, status_key: ECKey, trust: TrustStore
    ) -> None:
        url = list_server.publish("token", _status_list_token(list_server.url("token"), status_key, revoked=True))
        check = await _verify_with_status(
            _diploma_with_status_claim(url, issuer_key), "application/dc+sd-jwt", trust, outbound=OutboundPolicy()
        )
        assert (check.outcome, check.reason) == (Outcome.WARNING, "status_list_address_refused")

    async def test_list_signed_with_a_key_the_issuer_does_not_control_is_not_relied_on(
        self, list_server: ListServer, issuer_key: ECKey, trust: TrustStore
    ) -> None:
        # The list claims the credential's issuer, but names a did:key of its own: that key resolves, yet proves
        # nothing about the issuer, so the list's "valid" must not be believed.
        forger = ECKey.generate_key("P-256")
        _, forger_kid = _did_key_kid(forger)
        token = _status_list_token(list_server.url("token"), forger, revoked=False, kid=forger_kid)
        url = list_server.publish("token", token)
        check = await _verify_with_status(_diploma_with_status_claim(url, issuer_key), "application/dc+sd-jwt", trust)
        assert (check.outcome, check.reason) == (Outcome.WARNING, "status_list_signature_unverified")

    async def test_issuer_named_by_did_key_signs_its_own_list(self, list_server: ListServer, issuer_key: ECKey) -> None:
        did, kid = _did_key_kid(issuer_key)
        token = _status_list_token(list_server.url("token"), issuer_key, revoked=True, issuer=did, kid=kid)
        url = list_server.publish("token", token)
        credential = _diploma_with_status_claim(url, issuer_key, issuer=did, kid=kid)
        check = await _verify_with_status(credential, "application/dc+sd-jwt", TrustStore())
        assert (check.outcome, check.reason) == (Outcome.FAILED, "revoked")

    async def test_one_checker_serves_later_verifications_from_its_cache(
        self, list_server: ListServer, issuer_key: ECKey, status_key: ECKey, trust: TrustStore
    ) -> None:
        url = list_server.publish("token", _status_list_token(list_server.url("token"), status_key, revoked=False))
        credential = _diploma_with_status_claim(url, issuer_key)
        checker = StatusChecker()
        first = await _verify_with_status(credential, "application/dc+sd-jwt", trust, checker=checker)
        second = await _verify_with_status(credential, "application/dc+sd-jwt", trust, checker=checker)
        assert (first.evidence["from_cache"], second.evidence["from_cache"]) == (False, True)
        assert second.outcome == Outcome.PASSED

    # --- JSON-LD lists with a Data Integrity proof: 1EdTech's `testlist` (bit 23 set), checked by `dataintegrity` ----

    @staticmethod
    def _list_trust(issuer_key: ECKey, *, with_list_key: bool = True) -> TrustStore:
        registered: list[dict[str, Any]] = [dict(issuer_key.as_dict(private=False))]
        if with_list_key:
            registered.append(keys.did_key_jwk(OB3_SPEC_KEY))
        return TrustStore(issuer_keys={ONEEDTECH_ISSUER: tuple(registered)})

    async def _badge_status(self, list_body: bytes, server: ListServer, issuer_key: ECKey, trust: TrustStore) -> Check:
        url = server.publish("testlist", list_body)
        badge = _badge(issuer_key, issuer=ONEEDTECH_ISSUER, credential_status=_bitstring_entry(url, index=23))
        checker = StatusChecker(proof_verifier=DataIntegrityProofs())
        return await _verify_with_status(badge, "application/vc+jwt", trust, checker=checker)

    async def test_data_integrity_list_whose_proof_holds(
        self, list_server: ListServer, issuer_key: ECKey, offline: list[str]
    ) -> None:
        body = (DATA / "status-list" / "ob3" / "testlist").read_bytes()
        check = await self._badge_status(body, list_server, issuer_key, self._list_trust(issuer_key))
        assert (check.outcome, check.reason) == (Outcome.FAILED, "revoked")
        assert check.evidence["list_signature"] == "verified"
        assert offline == []  # the registered key needs nothing from the issuer's domain

    async def test_tampered_data_integrity_list_is_not_relied_on(
        self, list_server: ListServer, issuer_key: ECKey, offline: list[str]
    ) -> None:
        original = (DATA / "status-list" / "ob3" / "testlist").read_bytes()
        tampered = original.replace(b'"validFrom": "2021-04-05T14:27:40Z"', b'"validFrom": "2021-04-06T14:27:40Z"')
        assert tampered != original
        check = await self._badge_status(tampered, list_server, issuer_key, self._list_trust(issuer_key))
        assert (check.outcome, check.reason) == (Outcome.WARNING, "status_list_signature_invalid")
        assert "proof does not verify" in check.evidence["detail"]

    async def test_data_integrity_list_signed_with_a_key_only_the_proof_names(
        self, list_server: ListServer, issuer_key: ECKey, offline: list[str]
    ) -> None:
        # The proof's method carries its key in the fragment and the issuer's document cannot be fetched: the proof
        # holds for that key, but nothing ties the key to the list's issuer.
        body = (DATA / "status-list" / "ob3" / "testlist").read_bytes()
        trust = self._list_trust(issuer_key, with_list_key=False)
        check = await self._badge_status(body, list_server, issuer_key, trust)
        assert (check.outcome, check.reason) == (Outcome.WARNING, "status_list_signature_unverified")
        assert offline == ["1edtech.edu"]

    async def test_data_integrity_list_without_a_proof_verifier(
        self, list_server: ListServer, issuer_key: ECKey
    ) -> None:
        url = list_server.publish("testlist", (DATA / "status-list" / "ob3" / "testlist").read_bytes())
        badge = _badge(issuer_key, issuer=ONEEDTECH_ISSUER, credential_status=_bitstring_entry(url, index=23))
        check = await _verify_with_status(badge, "application/vc+jwt", self._list_trust(issuer_key))
        assert (check.outcome, check.reason) == (Outcome.WARNING, "status_list_signature_unverified")
        assert check.evidence["list_signature"] == "not_verified_here"


# --- keys that only the network gives: fetched on the event loop between two worker-thread calls ---------------------


class PublishedKeys:
    """Stands in for the outbound fetch of `keys`: serves the documents given, records what was asked."""

    def __init__(self) -> None:
        self.documents: dict[str, Any] = {}
        self.requested: list[str] = []

    async def fetch_json(self, url: str, *, allowed_hosts: list[str], timeout: float, max_bytes: int) -> Any:
        self.requested.append(url)
        if url not in self.documents:
            raise InvalidInput("Nothing is published at this address (test).", code="unreachable")
        return self.documents[url]


@pytest.fixture
def published(monkeypatch: pytest.MonkeyPatch) -> PublishedKeys:
    served = PublishedKeys()
    monkeypatch.setattr(keys, "fetch_json", served.fetch_json)
    return served


class TestKeysFromTheNetwork:
    KEY_URL = "https://university.example.eu/keys/1"

    async def test_vc_jwt_key_published_at_its_kid(self, published: PublishedKeys, issuer_key: ECKey) -> None:
        published.documents[self.KEY_URL] = dict(issuer_key.as_dict(private=False))
        result = await verify("", "application/jwt", content=_badge(issuer_key, kid=self.KEY_URL))
        assert check(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")
        assert check(result, CheckName.ISSUER_TRUST) == (Outcome.WARNING, "key_published_at_url")
        assert check(result, CheckName.FORMAT) == (Outcome.PASSED, "well_formed")
        assert published.requested == [self.KEY_URL]

    async def test_vc_jwt_key_published_for_another_key(self, published: PublishedKeys, issuer_key: ECKey) -> None:
        published.documents[self.KEY_URL] = dict(ECKey.generate_key("P-256").as_dict(private=False))
        result = await verify("", "application/jwt", content=_badge(issuer_key, kid=self.KEY_URL))
        assert check(result, CheckName.SIGNATURE) == (Outcome.FAILED, "bad_signature")

    async def test_vc_jwt_key_out_of_reach(self, published: PublishedKeys, issuer_key: ECKey) -> None:
        result = await verify("", "application/jwt", content=_badge(issuer_key, kid=self.KEY_URL))
        assert check(result, CheckName.SIGNATURE) == (Outcome.WARNING, "unreachable")
        assert check(result, CheckName.VALIDITY_PERIOD)[0] == Outcome.PASSED

    async def test_sd_jwt_vc_key_published_at_its_kid(self, published: PublishedKeys, issuer_key: ECKey) -> None:
        published.documents[self.KEY_URL] = dict(issuer_key.as_dict(private=False))
        credential = _diploma_with_status_claim("https://university.example.eu/status/1", issuer_key, kid=self.KEY_URL)
        no_status = credential  # the status claim is not followed: no checker here
        result = await verify("", "application/dc+sd-jwt", content=no_status)
        assert check(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")
        assert check(result, CheckName.ISSUER_TRUST) == (Outcome.WARNING, "key_published_at_url")


# --- JWS signatures on `cryptography`: each algorithm bound to its key type and curve -----------------------------------


class TestJwsSignatures:
    MESSAGE = b"header.payload"

    @pytest.mark.parametrize(
        ("algorithm", "generate"),
        [
            ("ES256", lambda: ec.generate_private_key(ec.SECP256R1())),
            ("ES384", lambda: ec.generate_private_key(ec.SECP384R1())),
            ("ES512", lambda: ec.generate_private_key(ec.SECP521R1())),
            ("RS256", lambda: rsa.generate_private_key(65537, 2048)),
            ("PS256", lambda: rsa.generate_private_key(65537, 2048)),
            ("EdDSA", ed25519.Ed25519PrivateKey.generate),
            ("Ed25519", ed25519.Ed25519PrivateKey.generate),
        ],
    )
    def test_each_algorithm_verifies_and_refuses_a_changed_message(self, algorithm: str, generate: Any) -> None:
        private = generate()
        signature = _jws_signature(algorithm, private, self.MESSAGE)
        signatures.verify(algorithm, private.public_key(), self.MESSAGE, signature)
        with pytest.raises(signatures.SignatureInvalid) as refused:
            signatures.verify(algorithm, private.public_key(), self.MESSAGE + b".", signature)
        assert refused.value.error == "bad_signature"

    @pytest.mark.parametrize(
        ("algorithm", "public"),
        [
            ("ES256", ec.generate_private_key(ec.SECP384R1()).public_key()),  # the curve is the algorithm's
            ("RS256", ec.generate_private_key(ec.SECP256R1()).public_key()),
            ("ES256", ed25519.Ed25519PrivateKey.generate().public_key()),
            ("Ed25519", ed448.Ed448PrivateKey.generate().public_key()),  # RFC 9864: Ed25519 means Ed25519
            ("HS256", ec.generate_private_key(ec.SECP256R1()).public_key()),
            ("none", ec.generate_private_key(ec.SECP256R1()).public_key()),
        ],
    )
    def test_key_of_another_kind_is_refused(self, algorithm: str, public: Any) -> None:
        with pytest.raises(signatures.SignatureInvalid) as refused:
            signatures.verify(algorithm, public, self.MESSAGE, b"\x00" * 64)
        assert refused.value.error in {"wrong_key_type", "algorithm_not_allowed"}

    def test_ecdsa_signature_of_the_wrong_length_is_refused(self) -> None:
        private = ec.generate_private_key(ec.SECP256R1())
        signature = _jws_signature("ES256", private, self.MESSAGE)
        with pytest.raises(signatures.SignatureInvalid):
            signatures.verify("ES256", private.public_key(), self.MESSAGE, signature + b"\x00")

    @pytest.mark.parametrize("segment", ["A", "AQ=B", "AQ+B", "AQ B", "AR"])  # "AR": stray bits past the last byte
    def test_only_canonical_base64url_is_decoded(self, segment: str) -> None:
        with pytest.raises(signatures.SignatureInvalid):
            signatures.b64url_decode(segment)
        assert signatures.b64url_decode("AQ") == b"\x01"


def _jws_signature(algorithm: str, private: Any, message: bytes) -> bytes:
    if algorithm.startswith("ES"):
        digest = {"ES256": hashes.SHA256(), "ES384": hashes.SHA384(), "ES512": hashes.SHA512()}[algorithm]
        r, s = decode_dss_signature(private.sign(message, ec.ECDSA(digest)))
        size = (private.curve.key_size + 7) // 8
        return r.to_bytes(size, "big") + s.to_bytes(size, "big")
    if algorithm == "RS256":
        signed: bytes = private.sign(message, padding.PKCS1v15(), hashes.SHA256())
        return signed
    if algorithm == "PS256":
        pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
        signed = private.sign(message, pss, hashes.SHA256())
        return signed
    signed = private.sign(message)
    return signed
