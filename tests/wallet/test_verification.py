"""Verification verdicts on real credentials, check by check."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from joserfc import jws
from joserfc.jwk import ECKey

from core import clock
from core.errors import InvalidInput
from tests.servers import LOOPBACK, directory_server, free_port
from wallet import sdjwt
from wallet.formats import UnrecognisedCredential
from wallet.status import (
    MIN_BITSTRING_ENTRIES,
    StatusChecker,
    encode_bitstring,
    encode_token_status_list,
    set_bitstring_value,
    set_token_status_value,
)
from wallet.verification.context import OutboundPolicy, TrustStore, VerificationContext
from wallet.verification.engine import VerificationResult, verify_document
from wallet.verification.result import Check, CheckName, Outcome
from wallet.verification.status import status_check

DATA = Path(__file__).resolve().parents[1] / "data"
NOW = datetime(2026, 11, 23, tzinfo=UTC)
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

    @pytest.mark.parametrize("offset", [200, 5000, 60000])
    async def test_any_flipped_byte_is_never_a_valid_seal(self, offset: int) -> None:
        original = bytearray((DATA / "edc-ec-mc-annex1-signed.jsonld").read_bytes())
        original[offset] ^= 0x01
        try:
            result = await verify("", "application/json", content=bytes(original))
        except UnrecognisedCredential:
            return  # the flip broke the JSON itself: refused before any verdict
        assert check(result, CheckName.SIGNATURE)[0] != Outcome.PASSED or check(result, CheckName.FORMAT)[0] == (
            Outcome.FAILED
        )

    async def test_unsigned_edc_has_no_signature(self) -> None:
        result = await verify("edc-ec-mc-annex1-unsigned.jsonld", "application/ld+json")
        assert check(result, CheckName.SIGNATURE) == (Outcome.FAILED, "no_signature")


class TestOpenBadges:
    async def test_expired_badge(self) -> None:
        result = await verify("ob3-err-expired.json", "application/json")
        assert check(result, CheckName.VALIDITY_PERIOD) == (Outcome.FAILED, "expired")

    async def test_badge_issued_in_the_future(self) -> None:
        result = await verify("ob3-err-issued.json", "application/json")
        assert check(result, CheckName.VALIDITY_PERIOD)[0] == Outcome.FAILED

    async def test_terms_the_contexts_do_not_define_are_a_format_failure(self) -> None:
        result = await verify("ob3-err-credential-subject-type.json", "application/json")
        assert check(result, CheckName.FORMAT) == (Outcome.FAILED, "undefined_terms")
        assert check(result, CheckName.SIGNATURE)[0] == Outcome.FAILED

    async def test_vc_jwt_without_a_findable_key_is_a_warning_not_a_pass(self) -> None:
        result = await verify("ob3-simple.jwt", "application/jwt")
        assert check(result, CheckName.SIGNATURE) == (Outcome.WARNING, "issuer_key_unavailable")


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


def _badge_with_bitstring_entry(url: str, key: ECKey) -> bytes:
    """An Open Badge 3.0 as a VC-JWT (VCDM 2.0) whose `credentialStatus` points at position LIST_INDEX of `url`."""
    claims = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:8f1c2e4a-5b6d-4c7e-9f80-1a2b3c4d5e6f",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": STATUS_ISSUER, "type": ["Profile"], "name": "Université Exemple"},
        "validFrom": "2026-02-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:learner", "type": ["AchievementSubject"]},
        "credentialStatus": {
            "id": f"{url}#{LIST_INDEX}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(LIST_INDEX),
            "statusListCredential": url,
        },
    }
    return _jws(claims, key, typ="vc+jwt").encode()


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
