"""Credential status: the IETF vectors, both bit orders, decompression and size caps, real lists served by a real
HTTP server on loopback (a separate process), signatures, the cache, and the `status` check each case produces."""

from __future__ import annotations

import base64
import copy
import gzip
import hashlib
import hmac
import json
import random
import re
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from joserfc import jws
from joserfc.jwk import ECKey

from core import clock
from core.errors import ServiceUnavailable
from core.outbound import OutboundRefused, ResponseTooLarge, fetch_bytes
from tests.servers import free_port, wait_for_port
from wallet.status import (
    MIN_BITSTRING_ENTRIES,
    PublicKey,
    SignatureState,
    StatusChecker,
    StatusIndexOutOfRange,
    StatusListCache,
    StatusListInvalid,
    StatusListSignatureInvalid,
    StatusPolicy,
    bitstring_value,
    cache_lifetime,
    decode_bitstring,
    decode_token_status_list,
    encode_bitstring,
    encode_token_status_list,
    set_bitstring_value,
    set_token_status_value,
    token_status_value,
    verify_status_list_token,
)
from wallet.status.cache import CachedList
from wallet.status.lists import RevocationList
from wallet.verification.result import Check, CheckName, Outcome

DATA = Path(__file__).resolve().parents[1] / "data" / "status-list"
IETF = DATA / "ietf"
OB3 = DATA / "ob3"

NOW = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)
ISSUER = "https://university.example.eu/issuers/1"
KID = "status-key-1"
LOOPBACK = "127.0.0.1"
BITSTRING_BYTES = MIN_BITSTRING_ENTRIES // 8


# --- helpers -------------------------------------------------------------------------------------------------------


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _segment(value: dict[str, Any]) -> str:
    return _b64url(json.dumps(value).encode())


def _ietf_lst(name: str) -> tuple[int, str]:
    """`bits` and `lst` of one of the draft's `status_list_encoding*_json.md` examples (lst wrapped over lines)."""
    text = (IETF / name).read_text()
    bits = re.search(r'"bits":\s*(\d+)', text)
    lst = re.search(r'"lst":\s*"([^"]*)"', text, re.DOTALL)
    assert bits is not None and lst is not None
    return int(bits.group(1)), re.sub(r"\s", "", lst.group(1))


def _ietf_byte_array(name: str) -> bytes:
    text = (IETF / name).read_text()
    match = re.search(r"byte_array = \[([^\]]*)\]", text)
    assert match is not None
    return bytes(int(item, 16) for item in match.group(1).split(","))


def _draft_list(bits: int) -> bytes:
    """The 2^20-entry lists of the draft's test-vector appendix, built from its status listings."""
    statuses = bytearray((1 << 20) * bits // 8)
    if bits == 8:
        # The draft generates its 8-bit example with random.seed(42); its appendix lists the outcome.
        generator = random.Random(42)
        for value in range(256):
            set_token_status_value(statuses, generator.randint(0, (1 << 20) - 1), value, 8)
        return bytes(statuses)
    assignments = {
        1: {0: 1, 1993: 1, 25460: 1, 159495: 1, 495669: 1, 554353: 1, 645645: 1, 723232: 1, 854545: 1, 934534: 1,
            1000345: 1},
        2: {0: 1, 1993: 2, 25460: 1, 159495: 3, 495669: 1, 554353: 1, 645645: 2, 723232: 1, 854545: 1, 934534: 2,
            1000345: 3},
        4: {0: 1, 1993: 2, 35460: 3, 459495: 4, 595669: 5, 754353: 6, 845645: 7, 923232: 8, 924445: 9, 934534: 10,
            1004534: 11, 1000345: 12, 1030203: 13, 1030204: 14, 1030205: 15},
    }[bits]  # fmt: skip
    for index, value in assignments.items():
        set_token_status_value(statuses, index, value, bits)
    return bytes(statuses)


def _public(key: ECKey) -> ECKey:
    return ECKey.import_key(key.as_dict(private=False))


def _resolver(key: ECKey, *, issuer: str = ISSUER, kid: str = KID) -> Any:
    async def resolve(claimed_issuer: str | None, claimed_kid: str | None) -> PublicKey | None:
        return _public(key) if (claimed_issuer, claimed_kid) == (issuer, kid) else None

    return resolve


def _sign(claims: dict[str, Any], key: ECKey, *, typ: str, kid: str = KID) -> str:
    header = {"alg": "ES256", "kid": kid, "typ": typ}
    return jws.serialize_compact(header, json.dumps(claims).encode(), key, algorithms=["ES256"])


def _tampered(token: str, claims: dict[str, Any]) -> str:
    header, _, signature = token.split(".")
    return f"{header}.{_segment(claims)}.{signature}"


def _hs256(claims: dict[str, Any], *, typ: str) -> str:
    signing_input = f"{_segment({'alg': 'HS256', 'kid': KID, 'typ': typ})}.{_segment(claims)}"
    signature = hmac.new(b"k" * 32, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{_b64url(signature)}"


def _bitstring(*, revoked: dict[int, int] | None = None, status_size: int = 1, size: int = BITSTRING_BYTES) -> bytes:
    bitstring = bytearray(size * status_size)
    for index, value in (revoked or {}).items():
        set_bitstring_value(bitstring, index, value, status_size)
    return bytes(bitstring)


def _list_credential(
    url: str,
    bitstring: bytes,
    *,
    purpose: str | list[str] = "revocation",
    issuer: str = ISSUER,
    valid_until: datetime | None = None,
    ttl_milliseconds: int | None = None,
) -> dict[str, Any]:
    subject: dict[str, Any] = {
        "id": f"{url}#list",
        "type": "BitstringStatusList",
        "statusPurpose": purpose,
        "encodedList": encode_bitstring(bitstring),
    }
    if ttl_milliseconds is not None:
        subject["ttl"] = ttl_milliseconds
    document: dict[str, Any] = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": "2026-01-01T00:00:00Z",
        "credentialSubject": subject,
    }
    if valid_until is not None:
        document["validUntil"] = valid_until.strftime("%Y-%m-%dT%H:%M:%SZ")
    return document


def _list_jwt(key: ECKey, url: str, bitstring: bytes, **options: Any) -> bytes:
    return _sign(_list_credential(url, bitstring, **options), key, typ="vc+jwt").encode()


def _entry(url: str, index: int, *, purpose: str = "revocation", **extra: Any) -> dict[str, Any]:
    return {
        "id": f"{url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": str(index),
        "statusListCredential": url,
        **extra,
    }


def _credential(*status: dict[str, Any]) -> dict[str, Any]:
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "urn:uuid:6a4b3c2d-0000-4000-8000-000000000001",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": ISSUER, "type": ["Profile"], "name": "University"},
        "validFrom": "2026-02-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:learner"},
        "credentialStatus": list(status) if len(status) > 1 else status[0],
    }


def _status_list_token(key: ECKey, uri: str, statuses: bytes, *, bits: int = 2, **claims: Any) -> str:
    payload = {
        "iss": ISSUER,
        "sub": uri,
        "iat": int(NOW.timestamp()) - 600,
        "exp": int(NOW.timestamp()) + 86_400,
        "ttl": 3600,
        "status_list": {"bits": bits, "lst": encode_token_status_list(statuses)},
        **claims,
    }
    return _sign(payload, key, typ="statuslist+jwt")


def _referenced_token(uri: str, idx: int) -> dict[str, Any]:
    """The verified payload of an SD-JWT VC that points at a status list."""
    return {
        "iss": ISSUER,
        "vct": "https://credentials.example.eu/diploma",
        "status": {"status_list": {"idx": idx, "uri": uri}},
    }


# --- a real HTTP server on loopback --------------------------------------------------------------------------------

SERVER_SCRIPT = r"""
import json, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

root = Path(sys.argv[2])


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        routes = json.loads((root / "routes.json").read_text())
        route = routes.get(self.path)
        if route is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        time.sleep(route["delay"])
        body = (root / route["file"]).read_bytes()
        self.send_response(route["status"])
        for name, value in route["headers"].items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
"""


class StatusServer:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.port = free_port()
        self.routes: dict[str, Any] = {}
        self.process: subprocess.Popen[bytes] | None = None
        (directory / "routes.json").write_text("{}")

    def url(self, path: str) -> str:
        return f"http://{LOOPBACK}:{self.port}{path}"

    def publish(
        self,
        path: str,
        body: bytes,
        *,
        status: int = 200,
        content_type: str = "application/json",
        headers: dict[str, str] | None = None,
        delay: float = 0,
    ) -> str:
        name = f"body-{hashlib.sha256(path.encode()).hexdigest()[:16]}"
        (self.directory / name).write_bytes(body)
        self.routes[path] = {
            "file": name,
            "status": status,
            "headers": {"Content-Type": content_type, **(headers or {})},
            "delay": delay,
        }
        (self.directory / "routes.json").write_text(json.dumps(self.routes))
        return self.url(path)

    def start(self) -> None:
        script = self.directory / "server.py"
        script.write_text(SERVER_SCRIPT)
        self.process = subprocess.Popen(
            [sys.executable, str(script), str(self.port), str(self.directory)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=5)
            self.process = None


@pytest.fixture
def server(tmp_path: Path) -> Iterator[StatusServer]:
    status_server = StatusServer(tmp_path)
    status_server.start()
    try:
        yield status_server
    finally:
        status_server.stop()


@pytest.fixture(autouse=True)
def frozen_now() -> Iterator[datetime]:
    clock.freeze(NOW)
    try:
        yield NOW
    finally:
        clock.freeze(None)


@pytest.fixture
def key() -> ECKey:
    return ECKey.generate_key("P-256")


@pytest.fixture
def checker(key: ECKey) -> StatusChecker:
    return StatusChecker(StatusPolicy(allowed_hosts=(LOOPBACK,), timeout_seconds=3), key_resolver=_resolver(key))


def _assert_check(check: Check, outcome: Outcome, reason: str) -> None:
    assert check.name is CheckName.STATUS
    assert (check.outcome, check.reason) == (outcome, reason), check


# --- the IETF vectors ----------------------------------------------------------------------------------------------


class TestTokenStatusListVectors:
    @pytest.mark.parametrize(
        ("name", "bits"), [("status_list_encoding_json.md", 1), ("status_list_encoding2_json.md", 2)]
    )
    def test_byte_array_and_lst_match_exactly(self, name: str, bits: int) -> None:
        declared_bits, lst = _ietf_lst(name)
        byte_array = _ietf_byte_array(name)
        assert declared_bits == bits
        assert decode_token_status_list(lst) == byte_array
        assert encode_token_status_list(byte_array) == lst

    def test_one_bit_example_reads_least_significant_bit_first(self) -> None:
        statuses = _ietf_byte_array("status_list_encoding_json.md")
        # draft §4.1: status[0..15] = 1 0 0 1 1 1 0 1 1 1 0 0 0 1 0 1 (0xB9 0xA3)
        expected = [1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1]
        assert [token_status_value(statuses, index, 1) for index in range(16)] == expected

    def test_two_bit_example_reads_least_significant_pair_first(self) -> None:
        statuses = _ietf_byte_array("status_list_encoding2_json.md")
        expected = [1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3]
        assert [token_status_value(statuses, index, 2) for index in range(12)] == expected

    @pytest.mark.parametrize(
        ("name", "bits"),
        [
            ("status_list_encoding1_long_json.md", 1),
            ("status_list_encoding2_long_json.md", 2),
            ("status_list_encoding4_json.md", 4),
            ("status_list_encoding8_json.md", 8),
        ],
    )
    def test_long_lists_match_exactly(self, name: str, bits: int) -> None:
        declared_bits, lst = _ietf_lst(name)
        built = _draft_list(bits)
        assert declared_bits == bits
        assert encode_token_status_list(built) == lst
        assert decode_token_status_list(lst) == built

    def test_long_list_values_at_listed_indices(self) -> None:
        _, lst = _ietf_lst("status_list_encoding4_json.md")
        statuses = decode_token_status_list(lst)
        assert token_status_value(statuses, 1030205, 4) == 15
        assert token_status_value(statuses, 1000345, 4) == 12
        assert token_status_value(statuses, 1, 4) == 0
        _, lst8 = _ietf_lst("status_list_encoding8_json.md")
        # From the draft's listing: status[19535] = 0b11111111, status[1199] = 0b01111001.
        assert token_status_value(decode_token_status_list(lst8), 19535, 8) == 0xFF
        assert token_status_value(decode_token_status_list(lst8), 1199, 8) == 0x79

    async def test_example_status_list_jwt_verifies_with_the_example_key(self) -> None:
        token = re.sub(r"\s", "", (IETF / "status_list_jwt_raw.md").read_text())
        example_key = ECKey.import_key(json.loads((IETF / "example-public-key.json").read_text()))

        async def resolve(issuer: str | None, kid: str | None) -> PublicKey | None:
            return example_key if (issuer, kid) == ("https://example.com", "12") else None

        status_list = await verify_status_list_token(
            token, uri="https://example.com/statuslists/1", key_resolver=resolve
        )

        header_text, payload_text = (IETF / "status_list_jwt.md").read_text().split("\n.\n")
        published = json.loads(payload_text)
        assert dict(status_list.claims) == {**published, "iss": "https://example.com"}
        assert json.loads(header_text) == {"alg": "ES256", "kid": "12", "typ": "statuslist+jwt"}
        assert status_list.statuses == bytes([0xB9, 0xA3])
        assert (status_list.bits, status_list.ttl_seconds) == (1, 43200)
        assert status_list.issued_at == datetime.fromtimestamp(1686920170, UTC)
        assert status_list.signature is SignatureState.VERIFIED

    async def test_example_jwt_with_another_key_is_rejected(self, key: ECKey) -> None:
        token = re.sub(r"\s", "", (IETF / "status_list_jwt_raw.md").read_text())
        with pytest.raises(StatusListSignatureInvalid):
            await verify_status_list_token(
                token,
                uri="https://example.com/statuslists/1",
                key_resolver=_resolver(key, issuer="https://example.com", kid="12"),
            )

    async def test_example_jwt_for_another_uri_is_rejected(self) -> None:
        token = re.sub(r"\s", "", (IETF / "status_list_jwt_raw.md").read_text())
        example_key = ECKey.import_key(json.loads((IETF / "example-public-key.json").read_text()))

        async def resolve(issuer: str | None, kid: str | None) -> PublicKey | None:
            return example_key

        with pytest.raises(StatusListInvalid) as raised:
            await verify_status_list_token(token, uri="https://example.com/statuslists/2", key_resolver=resolve)
        assert raised.value.code == "status_list_subject_mismatch"


# --- bit order -----------------------------------------------------------------------------------------------------


class TestBitOrder:
    @pytest.mark.parametrize(
        ("index", "byte_index", "byte_value"),
        [(0, 0, 0x80), (7, 0, 0x01), (8, 1, 0x80), (MIN_BITSTRING_ENTRIES - 1, BITSTRING_BYTES - 1, 0x01)],
    )
    def test_bitstring_is_most_significant_bit_first(self, index: int, byte_index: int, byte_value: int) -> None:
        bitstring = _bitstring(revoked={index: 1})
        assert bitstring[byte_index] == byte_value
        assert sum(bitstring) == byte_value  # no other bit set
        decoded = decode_bitstring(encode_bitstring(bitstring))
        assert bitstring_value(decoded, index) == 1
        neighbours = {index - 1, index + 1, 0, 7, 8} - {index, -1, MIN_BITSTRING_ENTRIES}
        assert [bitstring_value(decoded, other) for other in neighbours] == [0] * len(neighbours)

    @pytest.mark.parametrize(
        ("index", "byte_index", "byte_value"), [(0, 0, 0x01), (7, 0, 0x80), (8, 1, 0x01), (8 * 64 - 1, 63, 0x80)]
    )
    def test_token_status_list_is_least_significant_bit_first(
        self, index: int, byte_index: int, byte_value: int
    ) -> None:
        statuses = bytearray(64)
        set_token_status_value(statuses, index, 1, 1)
        assert statuses[byte_index] == byte_value
        assert sum(statuses) == byte_value
        assert token_status_value(decode_token_status_list(encode_token_status_list(bytes(statuses))), index, 1) == 1

    def test_multi_bit_bitstring_entry_reads_left_to_right(self) -> None:
        bitstring = _bitstring(revoked={1: 0b10, 2: 0b01}, status_size=2)
        # entries 0..3 in byte 0: 00 10 01 00
        assert bitstring[0] == 0b00100100
        assert [bitstring_value(bitstring, index, 2) for index in range(4)] == [0, 2, 1, 0]

    def test_spec_example_encoded_list_is_all_valid(self) -> None:
        # W3C BSL §2.2 example 3: 131,072 entries, none set.
        decoded = decode_bitstring("uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA")
        assert decoded == bytes(BITSTRING_BYTES)

    def test_real_1edtech_list_sets_only_bit_23(self) -> None:
        subject = json.loads((OB3 / "testlist").read_text())["credentialSubject"]
        decoded = decode_bitstring(subject["encodedList"])
        assert len(decoded) * 8 == MIN_BITSTRING_ENTRIES
        assert [index for index in range(16, 40) if bitstring_value(decoded, index)] == [23]
        assert decoded[2] == 0x01 and sum(decoded) == 1

    def test_index_past_the_end_is_out_of_range(self) -> None:
        with pytest.raises(StatusIndexOutOfRange):
            bitstring_value(bytes(BITSTRING_BYTES), MIN_BITSTRING_ENTRIES)
        with pytest.raises(StatusIndexOutOfRange):
            token_status_value(bytes(2), 8, 2)


# --- decompression and encoding limits -----------------------------------------------------------------------------


class TestDecompressionLimits:
    def test_gzip_bomb_is_refused(self) -> None:
        bomb = "u" + _b64url(gzip.compress(bytes(17 * 1024 * 1024), mtime=0))
        assert len(bomb) < 40_000
        with pytest.raises(StatusListInvalid) as raised:
            decode_bitstring(bomb)
        assert raised.value.code == "status_list_decompression_refused"

    def test_zlib_bomb_is_refused(self) -> None:
        bomb = _b64url(zlib.compress(bytes(17 * 1024 * 1024), 9))
        with pytest.raises(StatusListInvalid) as raised:
            decode_token_status_list(bomb)
        assert raised.value.code == "status_list_decompression_refused"

    def test_cap_is_adjustable_and_exact(self) -> None:
        encoded = encode_bitstring(bytes(BITSTRING_BYTES))
        assert len(decode_bitstring(encoded, max_bytes=BITSTRING_BYTES)) == BITSTRING_BYTES
        with pytest.raises(StatusListInvalid):
            decode_bitstring(encoded, max_bytes=BITSTRING_BYTES - 1)

    @pytest.mark.parametrize(
        "encoded",
        [
            _b64url(gzip.compress(bytes(16), mtime=0)),  # no multibase prefix
            "u" + base64.urlsafe_b64encode(gzip.compress(bytes(16), mtime=0)).decode().rstrip("=") + "==",  # padding
            "u" + _b64url(zlib.compress(bytes(16))),  # ZLIB where GZIP is required
            "u" + _b64url(gzip.compress(bytes(16), mtime=0)[:-6]),  # truncated
        ],
    )
    def test_malformed_encoded_lists_are_refused(self, encoded: str) -> None:
        with pytest.raises(StatusListInvalid):
            decode_bitstring(encoded)

    async def test_bomb_served_as_a_list_is_a_warning(self, server: StatusServer, checker: StatusChecker) -> None:
        url = server.url("/lists/bomb")
        document = _list_credential(url, b"")
        document["credentialSubject"]["encodedList"] = "u" + _b64url(gzip.compress(bytes(17 * 1024 * 1024), mtime=0))
        server.publish("/lists/bomb", json.dumps(document).encode())
        check = await checker.check(_credential(_entry(url, 5)))
        _assert_check(check, Outcome.WARNING, "status_list_decompression_refused")


# --- the guarded fetch ---------------------------------------------------------------------------------------------


class TestGuardedFetch:
    async def test_loopback_is_refused_without_the_allow_list(self, server: StatusServer) -> None:
        url = server.publish("/plain", b"{}")
        with pytest.raises(OutboundRefused):
            await fetch_bytes(url, allowed_hosts=[], timeout=3, max_bytes=1024)

    async def test_gzip_content_encoding_is_decoded_under_the_cap(self, server: StatusServer) -> None:
        body = json.dumps({"revokedCredentials": []}).encode()
        url = server.publish(
            "/gz", gzip.compress(body), headers={"Content-Encoding": "gzip", "Cache-Control": "max-age=5"}
        )
        fetched = await fetch_bytes(url, allowed_hosts=[LOOPBACK], timeout=3, max_bytes=1024)
        assert fetched.content == body
        assert fetched.cache_control == "max-age=5"

    async def test_gzip_content_encoding_bomb_is_refused(self, server: StatusServer) -> None:
        url = server.publish("/gz-bomb", gzip.compress(bytes(8 * 1024 * 1024)), headers={"Content-Encoding": "gzip"})
        with pytest.raises(ResponseTooLarge):
            await fetch_bytes(url, allowed_hosts=[LOOPBACK], timeout=3, max_bytes=64 * 1024)

    async def test_redirect_to_another_allowed_path_is_followed(self, server: StatusServer) -> None:
        target = server.publish("/target", b"{}")
        url = server.publish("/moved", b"", status=302, headers={"Location": "/target"})
        fetched = await fetch_bytes(url, allowed_hosts=[LOOPBACK], timeout=3, max_bytes=1024, max_redirects=1)
        assert (fetched.url, fetched.content) == (target, b"{}")
        with pytest.raises(ServiceUnavailable):
            await fetch_bytes(url, allowed_hosts=[LOOPBACK], timeout=3, max_bytes=1024)

    async def test_slow_server_hits_the_overall_timeout(self, server: StatusServer) -> None:
        url = server.publish("/slow", b"{}", delay=2)
        started = time.monotonic()
        with pytest.raises(ServiceUnavailable):
            await fetch_bytes(url, allowed_hosts=[LOOPBACK], timeout=0.5, max_bytes=1024)
        assert time.monotonic() - started < 1.5


# --- unreachable lists ---------------------------------------------------------------------------------------------


class TestUnreachableList:
    async def test_nothing_listening_is_a_warning(self, checker: StatusChecker) -> None:
        url = f"http://{LOOPBACK}:{free_port()}/lists/1"
        check = await checker.check(_credential(_entry(url, 3)))
        _assert_check(check, Outcome.WARNING, "status_list_unreachable")
        assert check.evidence["status_list_url"] == url
        assert check.evidence["index"] == 3

    @pytest.mark.parametrize("status", [404, 500])
    async def test_http_error_is_a_warning(self, server: StatusServer, checker: StatusChecker, status: int) -> None:
        url = server.publish("/lists/err", b"{}", status=status)
        check = await checker.check(_credential(_entry(url, 3)))
        _assert_check(check, Outcome.WARNING, "status_list_unreachable")
        assert str(status) in check.evidence["detail"]

    async def test_loopback_without_allow_list_is_refused(self, server: StatusServer, key: ECKey) -> None:
        url = server.publish("/lists/1", _list_jwt(key, server.url("/lists/1"), _bitstring()))
        strict = StatusChecker(StatusPolicy(), key_resolver=_resolver(key))
        check = await strict.check(_credential(_entry(url, 3)))
        _assert_check(check, Outcome.WARNING, "status_list_address_refused")

    async def test_oversize_list_is_a_warning(self, server: StatusServer, key: ECKey) -> None:
        url = server.publish("/lists/big", b"{" + b" " * 4096 + b"}")
        small = StatusChecker(
            StatusPolicy(allowed_hosts=(LOOPBACK,), max_response_bytes=1024), key_resolver=_resolver(key)
        )
        check = await small.check(_credential(_entry(url, 3)))
        _assert_check(check, Outcome.WARNING, "status_list_too_large")


# --- W3C Bitstring Status List -------------------------------------------------------------------------------------


class TestBitstringStatusList:
    async def test_valid_entry_passes(self, server: StatusServer, checker: StatusChecker, key: ECKey) -> None:
        url = server.publish("/lists/1", _list_jwt(key, server.url("/lists/1"), _bitstring(revoked={9: 1})))
        check = await checker.check(_credential(_entry(url, 8)))
        _assert_check(check, Outcome.PASSED, "status_valid")
        assert check.evidence == {
            "method": "bitstring_status_list",
            "status_list_url": url,
            "index": 8,
            "purpose": "revocation",
            "status": "valid",
            "status_value": 0,
            "fetched_at": "2026-05-04T09:30:00Z",
            "from_cache": False,
            "list_issuer": ISSUER,
            "list_signature": "verified",
        }

    async def test_revoked_entry_fails(self, server: StatusServer, checker: StatusChecker, key: ECKey) -> None:
        url = server.publish("/lists/1", _list_jwt(key, server.url("/lists/1"), _bitstring(revoked={9: 1})))
        check = await checker.check(_credential(_entry(url, 9)))
        _assert_check(check, Outcome.FAILED, "revoked")
        assert check.evidence["purpose"] == "revocation"

    async def test_suspended_entry_fails_with_reason_suspended(
        self, server: StatusServer, checker: StatusChecker, key: ECKey
    ) -> None:
        url = server.url("/lists/s")
        server.publish("/lists/s", _list_jwt(key, url, _bitstring(revoked={0: 1}), purpose="suspension"))
        check = await checker.check(_credential(_entry(url, 0, purpose="suspension")))
        _assert_check(check, Outcome.FAILED, "suspended")
        assert check.evidence["purpose"] == "suspension"

    async def test_wrong_purpose_is_a_warning(self, server: StatusServer, checker: StatusChecker, key: ECKey) -> None:
        url = server.url("/lists/r")
        server.publish("/lists/r", _list_jwt(key, url, _bitstring(revoked={0: 1}), purpose="revocation"))
        check = await checker.check(_credential(_entry(url, 0, purpose="suspension")))
        _assert_check(check, Outcome.WARNING, "status_purpose_mismatch")

    async def test_list_serving_several_purposes(
        self, server: StatusServer, checker: StatusChecker, key: ECKey
    ) -> None:
        url = server.url("/lists/both")
        server.publish(
            "/lists/both", _list_jwt(key, url, _bitstring(revoked={4: 1}), purpose=["revocation", "suspension"])
        )
        check = await checker.check(_credential(_entry(url, 4, purpose="suspension")))
        _assert_check(check, Outcome.FAILED, "suspended")

    async def test_revocation_and_suspension_entries_together(
        self, server: StatusServer, checker: StatusChecker, key: ECKey
    ) -> None:
        revocation = server.url("/lists/rev")
        suspension = server.url("/lists/sus")
        server.publish("/lists/rev", _list_jwt(key, revocation, _bitstring()))
        server.publish("/lists/sus", _list_jwt(key, suspension, _bitstring(revoked={12: 1}), purpose="suspension"))
        check = await checker.check(_credential(_entry(revocation, 12), _entry(suspension, 12, purpose="suspension")))
        _assert_check(check, Outcome.FAILED, "suspended")
        assert [(entry["outcome"], entry["reason"]) for entry in check.evidence["entries"]] == [
            ("passed", "status_valid"),
            ("failed", "suspended"),
        ]

    async def test_list_shorter_than_131072_entries_is_refused(
        self, server: StatusServer, checker: StatusChecker, key: ECKey
    ) -> None:
        url = server.url("/lists/short")
        server.publish("/lists/short", _list_jwt(key, url, _bitstring(size=BITSTRING_BYTES // 2)))
        check = await checker.check(_credential(_entry(url, 1)))
        _assert_check(check, Outcome.WARNING, "status_list_too_short")

    async def test_index_beyond_the_list_is_a_warning(
        self, server: StatusServer, checker: StatusChecker, key: ECKey
    ) -> None:
        url = server.url("/lists/1")
        server.publish("/lists/1", _list_jwt(key, url, _bitstring()))
        check = await checker.check(_credential(_entry(url, MIN_BITSTRING_ENTRIES)))
        _assert_check(check, Outcome.WARNING, "status_index_out_of_range")

    async def test_expired_list_is_a_warning(self, server: StatusServer, checker: StatusChecker, key: ECKey) -> None:
        url = server.url("/lists/old")
        server.publish("/lists/old", _list_jwt(key, url, _bitstring(), valid_until=NOW - timedelta(days=1)))
        check = await checker.check(_credential(_entry(url, 1)))
        _assert_check(check, Outcome.WARNING, "status_list_expired")

    async def test_tampered_list_is_rejected(self, server: StatusServer, checker: StatusChecker, key: ECKey) -> None:
        url = server.url("/lists/t")
        genuine = _list_jwt(key, url, _bitstring(revoked={9: 1})).decode()
        forged = _tampered(genuine, _list_credential(url, _bitstring()))  # the revocation erased
        server.publish("/lists/t", forged.encode(), content_type="application/vc+jwt")
        check = await checker.check(_credential(_entry(url, 9)))
        _assert_check(check, Outcome.WARNING, "status_list_signature_invalid")

    async def test_hmac_signed_list_is_refused(self, server: StatusServer, checker: StatusChecker) -> None:
        url = server.url("/lists/hs")
        server.publish("/lists/hs", _hs256(_list_credential(url, _bitstring()), typ="vc+jwt").encode())
        check = await checker.check(_credential(_entry(url, 9)))
        _assert_check(check, Outcome.WARNING, "status_list_algorithm_refused")

    async def test_list_from_another_issuer_is_a_warning(self, server: StatusServer, key: ECKey) -> None:
        other = "https://elsewhere.example.org"
        url = server.url("/lists/other")
        server.publish("/lists/other", _list_jwt(key, url, _bitstring(revoked={9: 1}), issuer=other))
        lenient = StatusChecker(StatusPolicy(allowed_hosts=(LOOPBACK,)), key_resolver=_resolver(key, issuer=other))
        check = await lenient.check(_credential(_entry(url, 9)))
        _assert_check(check, Outcome.WARNING, "status_list_issuer_mismatch")

    async def test_message_purpose_with_two_bit_entries(
        self, server: StatusServer, checker: StatusChecker, key: ECKey
    ) -> None:
        url = server.url("/lists/msg")
        server.publish("/lists/msg", _list_jwt(key, url, _bitstring(revoked={7: 2}, status_size=2), purpose="message"))
        messages = [
            {"status": f"0x{value:x}", "message": text}
            for value, text in enumerate(["pending", "accepted", "rejected", "withdrawn"])
        ]
        pending = await checker.check(
            _credential(_entry(url, 6, purpose="message", statusSize=2, statusMessage=messages))
        )
        rejected = await checker.check(
            _credential(_entry(url, 7, purpose="message", statusSize=2, statusMessage=messages))
        )
        _assert_check(pending, Outcome.PASSED, "status_valid")
        _assert_check(rejected, Outcome.WARNING, "status_message")
        assert (rejected.evidence["status_value"], rejected.evidence["status_message"]) == (2, "rejected")

    async def test_real_1edtech_list_without_a_proof_verifier(
        self, server: StatusServer, checker: StatusChecker
    ) -> None:
        url = server.publish("/ob30/bit-string-list/testlist", (OB3 / "testlist").read_bytes())
        credential = json.loads((OB3 / "credential-status-revoked-bitstring.json").read_text())
        credential["credentialStatus"]["statusListCredential"] = url
        check = await checker.check(credential)
        _assert_check(check, Outcome.WARNING, "status_list_signature_unverified")
        assert (check.evidence["status"], check.evidence["index"]) == ("revoked", 23)
        assert check.evidence["list_issuer"] == "https://1edtech.edu/issuers/565049"
        assert check.evidence["list_signature"] == "not_verified_here"

    async def test_real_1edtech_list_with_a_proof_verifier(self, server: StatusServer) -> None:
        url = server.publish("/ob30/bit-string-list/testlist", (OB3 / "testlist").read_bytes())
        credential = json.loads((OB3 / "credential-status-revoked-bitstring.json").read_text())
        credential["credentialStatus"]["statusListCredential"] = url
        seen: list[str] = []

        async def verify(document: Any) -> bool:
            seen.append(document["proof"][0]["cryptosuite"])
            return True

        trusting = StatusChecker(StatusPolicy(allowed_hosts=(LOOPBACK,)), proof_verifier=verify)
        check = await trusting.check(credential)
        _assert_check(check, Outcome.FAILED, "revoked")
        assert seen == ["eddsa-rdfc-2022"]

        async def reject(document: Any) -> bool:
            return False

        distrusting = StatusChecker(StatusPolicy(allowed_hosts=(LOOPBACK,)), proof_verifier=reject)
        _assert_check(await distrusting.check(credential), Outcome.WARNING, "status_list_signature_invalid")

    async def test_unsigned_json_list_is_not_relied_on(self, server: StatusServer, checker: StatusChecker) -> None:
        url = server.url("/lists/plain")
        server.publish("/lists/plain", json.dumps(_list_credential(url, _bitstring())).encode())
        check = await checker.check(_credential(_entry(url, 2)))
        _assert_check(check, Outcome.WARNING, "status_list_unsigned")
        assert check.evidence["status"] == "valid"


# --- IETF Token Status List ----------------------------------------------------------------------------------------


class TestTokenStatusList:
    @pytest.mark.parametrize(
        ("idx", "outcome", "reason"),
        [
            (0, Outcome.PASSED, "status_valid"),
            (1, Outcome.FAILED, "revoked"),
            (2, Outcome.FAILED, "suspended"),
            (3, Outcome.WARNING, "status_application_specific"),
        ],
    )
    async def test_status_values(
        self, server: StatusServer, checker: StatusChecker, key: ECKey, idx: int, outcome: Outcome, reason: str
    ) -> None:
        uri = server.url("/statuslists/1")
        statuses = bytearray(1024)
        for index, value in [(1, 1), (2, 2), (3, 3)]:
            set_token_status_value(statuses, index, value, 2)
        server.publish(
            "/statuslists/1",
            _status_list_token(key, uri, bytes(statuses)).encode(),
            content_type="application/statuslist+jwt",
        )
        check = await checker.check(_referenced_token(uri, idx))
        _assert_check(check, outcome, reason)
        assert check.evidence["method"] == "token_status_list"
        assert (check.evidence["index"], check.evidence["status_value"]) == (idx, idx)

    async def test_tampered_token_is_rejected(self, server: StatusServer, checker: StatusChecker, key: ECKey) -> None:
        uri = server.url("/statuslists/t")
        statuses = bytearray(16)
        set_token_status_value(statuses, 5, 1, 1)
        genuine = _status_list_token(key, uri, bytes(statuses), bits=1)
        forged_claims = json.loads(base64.urlsafe_b64decode(genuine.split(".")[1] + "=="))
        forged_claims["status_list"]["lst"] = encode_token_status_list(bytes(16))
        server.publish("/statuslists/t", _tampered(genuine, forged_claims).encode())
        check = await checker.check(_referenced_token(uri, 5))
        _assert_check(check, Outcome.WARNING, "status_list_signature_invalid")

    async def test_wrong_typ_is_refused(self, server: StatusServer, checker: StatusChecker, key: ECKey) -> None:
        uri = server.url("/statuslists/typ")
        claims = {
            "iss": ISSUER,
            "sub": uri,
            "iat": int(NOW.timestamp()),
            "status_list": {"bits": 1, "lst": encode_token_status_list(bytes(4))},
        }
        server.publish("/statuslists/typ", _sign(claims, key, typ="JWT").encode())
        check = await checker.check(_referenced_token(uri, 0))
        _assert_check(check, Outcome.WARNING, "status_list_wrong_type")

    async def test_expired_token_is_a_warning(self, server: StatusServer, checker: StatusChecker, key: ECKey) -> None:
        uri = server.url("/statuslists/old")
        token = _status_list_token(key, uri, bytes(4), exp=int(NOW.timestamp()) - 3600)
        server.publish("/statuslists/old", token.encode())
        check = await checker.check(_referenced_token(uri, 0))
        _assert_check(check, Outcome.WARNING, "status_list_expired")

    async def test_unknown_key_leaves_the_status_unverified(self, server: StatusServer, key: ECKey) -> None:
        uri = server.url("/statuslists/k")
        server.publish("/statuslists/k", _status_list_token(key, uri, bytes(4)).encode())
        keyless = StatusChecker(StatusPolicy(allowed_hosts=(LOOPBACK,)))
        check = await keyless.check(_referenced_token(uri, 0))
        _assert_check(check, Outcome.WARNING, "status_list_signature_unverified")

    async def test_key_resolver_failure_is_a_warning(self, server: StatusServer, key: ECKey) -> None:
        uri = server.url("/statuslists/jwks-down")
        server.publish("/statuslists/jwks-down", _status_list_token(key, uri, bytes(4)).encode())

        async def unreachable_jwks(issuer: str | None, kid: str | None) -> PublicKey | None:
            raise ServiceUnavailable("The issuer's JWKS cannot be fetched.")

        failing = StatusChecker(StatusPolicy(allowed_hosts=(LOOPBACK,)), key_resolver=unreachable_jwks)
        check = await failing.check(_referenced_token(uri, 0))
        _assert_check(check, Outcome.WARNING, "status_list_signature_unverified")
        assert check.evidence["detail"] == "The issuer's JWKS cannot be fetched."

    async def test_unsigned_token_is_refused(self, server: StatusServer, checker: StatusChecker) -> None:
        uri = server.url("/statuslists/none")
        claims = {
            "sub": uri,
            "iat": int(NOW.timestamp()),
            "status_list": {"bits": 1, "lst": encode_token_status_list(bytes(4))},
        }
        token = f"{_segment({'alg': 'none', 'typ': 'statuslist+jwt'})}.{_segment(claims)}."
        server.publish("/statuslists/none", token.encode())
        check = await checker.check(_referenced_token(uri, 0))
        _assert_check(check, Outcome.WARNING, "status_list_invalid")


# --- 1EdTech revocation list ---------------------------------------------------------------------------------------


class TestRevocationList1EdTech:
    def _credential(self, url: str) -> dict[str, Any]:
        credential: dict[str, Any] = json.loads((OB3 / "credential-status-revoked-1edtech.json").read_text())
        assert credential["credentialStatus"]["type"] == "1EdTechRevocationList"
        credential["credentialStatus"]["id"] = url
        return credential

    def _list(self, issuer: str, *revoked: dict[str, str]) -> bytes:
        return json.dumps({"id": "urn:revocations:1", "issuer": issuer, "revokedCredentials": list(revoked)}).encode()

    async def test_listed_credential_is_revoked(self, server: StatusServer, checker: StatusChecker) -> None:
        url = server.url("/api/revocations/1")
        credential = self._credential(url)
        issuer = credential["issuer"]["id"]
        server.publish(
            "/api/revocations/1",
            self._list(
                issuer, {"id": "urn:uuid:other"}, {"id": credential["id"], "revocationReason": "Issued in error"}
            ),
        )
        check = await checker.check(credential)
        _assert_check(check, Outcome.FAILED, "revoked")
        assert check.evidence["status_message"] == "Issued in error"
        assert check.evidence["method"] == "1edtech_revocation_list"
        assert check.evidence["list_signature"] == "unsigned"

    async def test_unlisted_credential_is_valid(self, server: StatusServer, checker: StatusChecker) -> None:
        url = server.url("/api/revocations/2")
        credential = self._credential(url)
        server.publish("/api/revocations/2", self._list(credential["issuer"]["id"], {"id": "urn:uuid:other"}))
        _assert_check(await checker.check(credential), Outcome.PASSED, "status_valid")

    async def test_list_of_another_issuer_is_a_warning(self, server: StatusServer, checker: StatusChecker) -> None:
        url = server.url("/api/revocations/3")
        credential = self._credential(url)
        server.publish("/api/revocations/3", self._list("did:web:impostor.example", {"id": "urn:uuid:other"}))
        _assert_check(await checker.check(credential), Outcome.WARNING, "status_list_issuer_mismatch")


# --- cache -----------------------------------------------------------------------------------------------------------


class TestStatusListCache:
    async def test_served_from_cache_after_the_server_stops(
        self, server: StatusServer, checker: StatusChecker, key: ECKey
    ) -> None:
        url = server.url("/lists/c")
        server.publish(
            "/lists/c", _list_jwt(key, url, _bitstring(revoked={3: 1})), headers={"Cache-Control": "max-age=600"}
        )
        first = await checker.check(_credential(_entry(url, 3)))
        server.stop()
        clock.freeze(NOW + timedelta(seconds=599))
        again = await checker.check(_credential(_entry(url, 3)))
        _assert_check(again, Outcome.FAILED, "revoked")
        assert (first.evidence["from_cache"], again.evidence["from_cache"]) == (False, True)
        assert again.evidence["fetched_at"] == first.evidence["fetched_at"]
        clock.freeze(NOW + timedelta(seconds=601))
        _assert_check(await checker.check(_credential(_entry(url, 3))), Outcome.WARNING, "status_list_unreachable")

    async def test_refetched_after_the_list_ttl(self, server: StatusServer, checker: StatusChecker, key: ECKey) -> None:
        url = server.url("/lists/ttl")
        # The list's own ttl (60 s, in milliseconds) wins over the longer Cache-Control.
        server.publish(
            "/lists/ttl",
            _list_jwt(key, url, _bitstring(), ttl_milliseconds=60_000),
            headers={"Cache-Control": "max-age=3600"},
        )
        _assert_check(await checker.check(_credential(_entry(url, 3))), Outcome.PASSED, "status_valid")
        server.publish("/lists/ttl", _list_jwt(key, url, _bitstring(revoked={3: 1}), ttl_milliseconds=60_000))
        clock.freeze(NOW + timedelta(seconds=30))
        cached = await checker.check(_credential(_entry(url, 3)))
        _assert_check(cached, Outcome.PASSED, "status_valid")
        assert cached.evidence["from_cache"] is True
        clock.freeze(NOW + timedelta(seconds=61))
        fresh = await checker.check(_credential(_entry(url, 3)))
        _assert_check(fresh, Outcome.FAILED, "revoked")
        assert fresh.evidence["from_cache"] is False
        assert fresh.evidence["fetched_at"] == "2026-05-04T09:31:01Z"

    async def test_status_list_token_ttl_claim_is_respected(
        self, server: StatusServer, checker: StatusChecker, key: ECKey
    ) -> None:
        uri = server.url("/statuslists/ttl")
        server.publish(
            "/statuslists/ttl",
            _status_list_token(key, uri, bytes(4), ttl=120).encode(),
            headers={"Cache-Control": "no-store"},
        )
        await checker.check(_referenced_token(uri, 0))
        server.stop()
        clock.freeze(NOW + timedelta(seconds=119))
        assert (await checker.check(_referenced_token(uri, 0))).evidence["from_cache"] is True
        clock.freeze(NOW + timedelta(seconds=121))
        _assert_check(await checker.check(_referenced_token(uri, 0)), Outcome.WARNING, "status_list_unreachable")

    @pytest.mark.parametrize(
        ("ttl", "cache_control", "hard_expiry", "expected_seconds"),
        [
            (None, None, None, 300),
            (None, "public, max-age=90", None, 90),
            (None, "no-store", None, 0),
            (30.0, "no-cache", None, 30),
            (10**9, None, None, 86_400),
            (600.0, None, NOW + timedelta(seconds=45), 45),
        ],
    )
    def test_lifetime(
        self, ttl: float | None, cache_control: str | None, hard_expiry: datetime | None, expected_seconds: int
    ) -> None:
        expires = cache_lifetime(
            fetched_at=NOW,
            declared_ttl_seconds=ttl,
            cache_control=cache_control,
            hard_expiry=hard_expiry,
            default_seconds=300,
            max_seconds=86_400,
        )
        assert expires == NOW + timedelta(seconds=expected_seconds)

    def test_cache_is_bounded(self) -> None:
        cache = StatusListCache(max_entries=2)
        for number in range(3):
            entry = CachedList(
                RevocationList(url=str(number), issuer=None, revoked={}), NOW, NOW + timedelta(minutes=5)
            )
            cache.put("1edtech_revocation_list", str(number), entry)
        assert len(cache) == 2
        assert cache.get("1edtech_revocation_list", "0") is None
        assert cache.get("1edtech_revocation_list", "2") is not None


# --- what the credential says ---------------------------------------------------------------------------------------


class TestStatusInformation:
    async def test_no_status_is_skipped(self, checker: StatusChecker) -> None:
        credential = _credential(_entry("https://example.org/l", 1))
        del credential["credentialStatus"]
        _assert_check(await checker.check(credential), Outcome.SKIPPED, "no_status")

    async def test_unsupported_method_is_a_warning(self, checker: StatusChecker) -> None:
        entry = {"type": "StatusList2021Entry", "statusListIndex": "1", "statusListCredential": "https://example.org/l"}
        _assert_check(await checker.check(_credential(entry)), Outcome.WARNING, "status_type_unsupported")

    @pytest.mark.parametrize(
        "change",
        [
            {"statusListIndex": "-1"},
            {"statusListIndex": "1e3"},
            {"statusListCredential": "ftp://example.org/l"},
            {"statusSize": 2},  # no statusMessage
            {"statusPurpose": ""},
        ],
    )
    async def test_malformed_entry_is_a_warning(self, checker: StatusChecker, change: dict[str, Any]) -> None:
        entry = _entry("https://example.org/l", 1) | change
        _assert_check(await checker.check(_credential(entry)), Outcome.WARNING, "status_entry_invalid")

    async def test_vc_jwt_payload_is_read_through_vc(
        self, server: StatusServer, checker: StatusChecker, key: ECKey
    ) -> None:
        url = server.url("/lists/1")
        server.publish("/lists/1", _list_jwt(key, url, _bitstring(revoked={2: 1})))
        inner = copy.deepcopy(_credential(_entry(url, 2)))
        del inner["issuer"]
        payload = {"iss": ISSUER, "jti": inner.pop("id"), "vc": inner}
        _assert_check(await checker.check(payload), Outcome.FAILED, "revoked")

    def test_policy_refuses_symmetric_algorithms(self) -> None:
        with pytest.raises(ValueError, match="asymmetric"):
            StatusPolicy(algorithms=("ES256", "HS256"))
        with pytest.raises(ValueError, match="asymmetric"):
            StatusPolicy(algorithms=("none",))
