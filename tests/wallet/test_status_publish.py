"""Publishing status lists: lists built here are read back by the repository's own reader (`wallet.status.lists`,
the `StatusChecker`'s evaluation) and, independently, by joserfc, `gzip`/`zlib` and the IETF draft's vectors."""

from __future__ import annotations

import base64
import gzip
import itertools
import json
import re
import secrets
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from joserfc import jws
from joserfc.errors import BadSignatureError
from joserfc.jwk import ECKey

from core import clock
from core.keys import KeyRing, SigningKey
from wallet.status import (
    BitstringStatusListEntry,
    PublicKey,
    SignatureState,
    StatusChecker,
    StatusIndexOutOfRange,
    StatusListCache,
    StatusListSignatureInvalid,
    StatusMethod,
    TokenStatusListReference,
    bitstring_value,
    credential_status_info,
    parse_bitstring_status_list,
    parse_status_reference,
    token_status_value,
    verify_status_list_token,
)
from wallet.status.cache import CachedList
from wallet.status.lists import StatusList
from wallet.status.publish import (
    BITSTRING_LIST_MEDIA_TYPE,
    DEFAULT_ENTRIES,
    TOKEN_LIST_MEDIA_TYPE,
    StatusListFull,
    allocate_index,
    bitstring_entry,
    bitstring_status_list_credential,
    etag_of,
    new_list,
    set_status,
    set_token_status,
    token_status_claim,
    token_status_list_jwt,
)
from wallet.verification.result import Check, CheckName, Outcome

IETF = Path(__file__).resolve().parents[1] / "data" / "status-list" / "ietf"

NOW = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)
ISSUER = "https://university.example.eu/issuers/1"
BITSTRING_URL = "https://university.example.eu/status/revocation/3"
TOKEN_URL = "https://university.example.eu/statuslists/7"
W3C_SPEC_EMPTY_LIST = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"
"""W3C BSL v1.0 §2.2 example: the `encodedList` of 131,072 zero bits."""


# --- helpers -------------------------------------------------------------------------------------------------------


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _segments(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    header, payload, _ = token.split(".")
    return json.loads(_b64url_decode(header)), json.loads(_b64url_decode(payload))


def _public(key: SigningKey) -> ECKey:
    members: dict[str, str | list[str]] = {**key.jwk}
    return ECKey.import_key(members)


def _resolver(key: SigningKey, seen: list[tuple[str | None, str | None]] | None = None) -> Any:
    """What `lists` expects: `(issuer, kid) -> joserfc public key`, `None` for anyone else."""

    async def resolve(issuer: str | None, kid: str | None) -> PublicKey | None:
        if seen is not None:
            seen.append((issuer, kid))
        return _public(key) if (issuer, kid) == (ISSUER, key.kid) else None

    return resolve


def _ietf_lst(name: str) -> tuple[int, str]:
    """`bits` and `lst` of one of the draft's `status_list_encoding*_json.md` examples (lst wrapped over lines)."""
    text = (IETF / name).read_text()
    bits = re.search(r'"bits":\s*(\d+)', text)
    lst = re.search(r'"lst":\s*"([^"]*)"', text, re.DOTALL)
    assert bits is not None and lst is not None
    return int(bits.group(1)), re.sub(r"\s", "", lst.group(1))


def _revocation_list(key: SigningKey, *revoked: int) -> str:
    bitstring = new_list()
    for index in revoked:
        set_status(bitstring, index, 1)
    return bitstring_status_list_credential(
        bitstring=bytes(bitstring),
        list_url=BITSTRING_URL,
        issuer=ISSUER,
        purpose="revocation",
        key=key,
        valid_from=NOW - timedelta(hours=1),
        valid_until=NOW + timedelta(days=1),
    )


def _token_list(key: SigningKey, statuses: bytes, bits: int = 1) -> str:
    return token_status_list_jwt(
        statuses=statuses,
        bits=bits,
        list_url=TOKEN_URL,
        issuer=ISSUER,
        key=key,
        issued_at=NOW - timedelta(minutes=5),
        expires_at=NOW + timedelta(days=1),
    )


def _checker_with(method: StatusMethod, url: str, status_list: StatusList) -> StatusChecker:
    """A checker whose cache already holds the list, so its own evaluation runs without fetching."""
    cache = StatusListCache()
    cache.put(method, url, CachedList(status_list, NOW, NOW + timedelta(hours=1)))
    return StatusChecker(cache=cache)


def _assert_check(check: Check, outcome: Outcome, reason: str) -> None:
    assert check.name is CheckName.STATUS
    assert (check.outcome, check.reason) == (outcome, reason), check


class _ScriptedRandom(secrets.SystemRandom):
    """Draws the given candidates in order (to show which of them `allocate_index` keeps)."""

    def __init__(self, *candidates: int) -> None:
        super().__init__()
        self.candidates = list(candidates)

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        return self.candidates.pop(0)


@pytest.fixture(autouse=True)
def frozen_now() -> Iterator[datetime]:
    clock.freeze(NOW)
    try:
        yield NOW
    finally:
        clock.freeze(None)


@pytest.fixture
def key(tmp_path: Path) -> SigningKey:
    return KeyRing.open(tmp_path / "keys").active


@pytest.fixture
def other_key(tmp_path: Path) -> SigningKey:
    return KeyRing.open(tmp_path / "other").active


# --- new_list ------------------------------------------------------------------------------------------------------


class TestNewList:
    def test_default_is_the_w3c_minimum_all_valid(self) -> None:
        bitstring = new_list()
        assert DEFAULT_ENTRIES == 131_072
        assert len(bitstring) == 16 * 1024
        assert not any(bitstring)
        # The W3C example list of 131,072 zero bits expands to the same bytes.
        assert gzip.decompress(_b64url_decode(W3C_SPEC_EMPTY_LIST[1:])) == bitstring

    def test_larger_list(self) -> None:
        assert len(new_list(4 * DEFAULT_ENTRIES)) == 64 * 1024

    @pytest.mark.parametrize("entries", [0, 8, 131_064])
    def test_fewer_than_131072_entries_is_refused(self, entries: int) -> None:
        with pytest.raises(ValueError, match="at least 131072"):
            new_list(entries)

    def test_entries_that_do_not_fill_whole_bytes_are_refused(self) -> None:
        with pytest.raises(ValueError, match="multiple of 8"):
            new_list(DEFAULT_ENTRIES + 1)


# --- allocate_index ------------------------------------------------------------------------------------------------


class TestAllocateIndex:
    def test_thousand_allocations_are_distinct_random_and_skip_used(self) -> None:
        already_used = set(range(0, DEFAULT_ENTRIES, 13))
        used = set(already_used)
        allocated = []
        for _ in range(1000):
            index = allocate_index(used, DEFAULT_ENTRIES)
            allocated.append(index)
            used.add(index)
        assert len(set(allocated)) == 1000
        assert not already_used & set(allocated)
        assert all(0 <= index < DEFAULT_ENTRIES for index in allocated)
        # Not sequential: neither increasing nor clustered at the start of the list (W3C BSL §6.5).
        assert allocated != sorted(allocated)
        assert sum(1 for first, second in itertools.pairwise(allocated) if second == first + 1) < 10
        assert max(allocated) - min(allocated) > DEFAULT_ENTRIES // 2

    def test_predicate_over_a_bitmap(self) -> None:
        # A caller that keeps "allocated" as a bitmap: every even index is taken.
        taken = bytearray(b"\xaa" * (DEFAULT_ENTRIES // 8))  # W3C order: bit 0 of each pair set

        def is_used(index: int) -> bool:
            return bool(taken[index >> 3] & (0x80 >> (index & 7)))

        allocated = {allocate_index(is_used, DEFAULT_ENTRIES) for _ in range(200)}
        assert all(index % 2 == 1 for index in allocated)
        assert len(allocated) > 190

    def test_a_drawn_index_in_use_is_drawn_again(self) -> None:
        assert allocate_index({5, 9}, DEFAULT_ENTRIES, rng=_ScriptedRandom(5, 9, 5, 42)) == 42
        assert allocate_index(lambda index: index == 5, DEFAULT_ENTRIES, rng=_ScriptedRandom(5, 6)) == 6

    def test_list_at_ninety_percent_is_refused(self) -> None:
        capacity = DEFAULT_ENTRIES * 9 // 10  # 117,964
        with pytest.raises(StatusListFull, match="90% used") as caught:
            allocate_index(set(range(capacity)), DEFAULT_ENTRIES)
        assert (caught.value.entries, caught.value.used) == (DEFAULT_ENTRIES, capacity)

    def test_list_just_below_ninety_percent_still_allocates(self) -> None:
        used = set(range(DEFAULT_ENTRIES * 9 // 10 - 1))
        index = allocate_index(used, DEFAULT_ENTRIES)
        assert index not in used
        assert index < DEFAULT_ENTRIES

    def test_full_list_is_refused(self) -> None:
        with pytest.raises(StatusListFull, match="full"):
            allocate_index(set(range(DEFAULT_ENTRIES)), DEFAULT_ENTRIES)

    def test_predicate_that_finds_nothing_free_is_refused(self) -> None:
        with pytest.raises(StatusListFull, match="open a new list") as caught:
            allocate_index(lambda index: True, DEFAULT_ENTRIES)
        assert caught.value.used is None

    def test_empty_list_is_refused(self) -> None:
        with pytest.raises(ValueError, match="at least one entry"):
            allocate_index(set(), 0)


# --- set_status / set_token_status ---------------------------------------------------------------------------------


class TestSetStatus:
    def test_w3c_index_zero_is_the_most_significant_bit(self) -> None:
        bitstring = new_list()
        set_status(bitstring, 0, 1)
        set_status(bitstring, 9, 1)
        assert (bitstring[0], bitstring[1]) == (0x80, 0x40)

    def test_suspension_is_lifted_by_writing_zero(self) -> None:
        bitstring = new_list()
        set_status(bitstring, 1234, 1)
        set_status(bitstring, 1234, 0)
        assert not any(bitstring)

    def test_values_other_than_zero_and_one_are_refused(self) -> None:
        with pytest.raises(ValueError, match="0 or 1"):
            set_status(new_list(), 3, 2)

    def test_index_beyond_the_list_is_refused(self) -> None:
        with pytest.raises(StatusIndexOutOfRange):
            set_status(new_list(), DEFAULT_ENTRIES, 1)

    def test_token_index_zero_is_the_least_significant_bit(self) -> None:
        statuses = bytearray(2)
        set_token_status(statuses, 0, 1)
        set_token_status(statuses, 9, 1)
        assert bytes(statuses) == bytes([0x01, 0x02])

    def test_token_two_bit_entries(self) -> None:
        statuses = bytearray(1)
        set_token_status(statuses, 1, 2, bits=2)  # SUSPENDED in the second pair
        assert statuses[0] == 0b0000_1000


# --- the W3C list --------------------------------------------------------------------------------------------------


class TestBitstringStatusListCredential:
    async def test_reader_sees_the_revoked_index_and_not_its_neighbour(self, key: SigningKey) -> None:
        seen: list[tuple[str | None, str | None]] = []
        token = _revocation_list(key, 94_567)

        status_list = await parse_bitstring_status_list(
            token.encode(), url=BITSTRING_URL, key_resolver=_resolver(key, seen)
        )

        assert seen == [(ISSUER, key.kid)]
        assert status_list.signature is SignatureState.VERIFIED
        assert status_list.issuer == ISSUER
        assert status_list.purposes == ("revocation",)
        assert len(status_list.bitstring) * 8 == DEFAULT_ENTRIES
        assert status_list.valid_from == NOW - timedelta(hours=1)
        assert status_list.valid_until == NOW + timedelta(days=1)
        assert bitstring_value(status_list.bitstring, 94_567) == 1
        assert bitstring_value(status_list.bitstring, 94_566) == 0
        assert bitstring_value(status_list.bitstring, 94_568) == 0

    async def test_checker_reports_revoked_and_valid(self, key: SigningKey) -> None:
        status_list = await parse_bitstring_status_list(
            _revocation_list(key, 94_567).encode(), url=BITSTRING_URL, key_resolver=_resolver(key)
        )
        checker = _checker_with(StatusMethod.BITSTRING_STATUS_LIST, BITSTRING_URL, status_list)

        def credential(index: int) -> dict[str, Any]:
            return {"issuer": ISSUER, "credentialStatus": bitstring_entry(BITSTRING_URL, index, "revocation")}

        _assert_check(await checker.check(credential(94_567)), Outcome.FAILED, "revoked")
        _assert_check(await checker.check(credential(94_568)), Outcome.PASSED, "status_valid")

    async def test_suspension_list(self, key: SigningKey) -> None:
        bitstring = new_list()
        set_status(bitstring, 7, 1)
        token = bitstring_status_list_credential(
            bitstring=bytes(bitstring),
            list_url=BITSTRING_URL,
            issuer=ISSUER,
            purpose="suspension",
            key=key,
            valid_from=NOW,
        )
        status_list = await parse_bitstring_status_list(token.encode(), url=BITSTRING_URL, key_resolver=_resolver(key))
        assert status_list.purposes == ("suspension",)
        assert status_list.valid_until is None
        checker = _checker_with(StatusMethod.BITSTRING_STATUS_LIST, BITSTRING_URL, status_list)
        entry = bitstring_entry(BITSTRING_URL, 7, "suspension")
        _assert_check(await checker.check({"issuer": ISSUER, "credentialStatus": entry}), Outcome.FAILED, "suspended")

    async def test_another_key_does_not_verify(self, key: SigningKey, other_key: SigningKey) -> None:
        token = _revocation_list(key, 1)

        async def impostor(issuer: str | None, kid: str | None) -> PublicKey | None:
            return _public(other_key)

        with pytest.raises(StatusListSignatureInvalid):
            await parse_bitstring_status_list(token.encode(), url=BITSTRING_URL, key_resolver=impostor)

    def test_joserfc_verifies_and_the_bit_is_most_significant_first(self, key: SigningKey) -> None:
        token = _revocation_list(key, 0, 9, 131_071)

        verified = jws.deserialize_compact(token, _public(key), algorithms=["ES256"])
        header, payload = _segments(token)

        assert header == {"alg": "ES256", "typ": "vc+jwt", "kid": key.kid}
        assert json.loads(verified.payload) == payload
        encoded = payload["credentialSubject"]["encodedList"]
        assert encoded.startswith("u")
        bitstring = gzip.decompress(_b64url_decode(encoded[1:]))
        assert len(bitstring) == 16 * 1024
        assert (bitstring[0], bitstring[1], bitstring[-1]) == (0x80, 0x40, 0x01)
        assert sum(bin(byte).count("1") for byte in bitstring) == 3

    def test_joserfc_refuses_another_key(self, key: SigningKey, other_key: SigningKey) -> None:
        with pytest.raises(BadSignatureError):
            jws.deserialize_compact(_revocation_list(key, 1), _public(other_key), algorithms=["ES256"])

    def test_credential_shape(self, key: SigningKey) -> None:
        _, payload = _segments(_revocation_list(key))
        assert payload == {
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": BITSTRING_URL,
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": ISSUER,
            "validFrom": "2026-05-04T08:30:00Z",
            "validUntil": "2026-05-05T09:30:00Z",
            "credentialSubject": {
                "id": f"{BITSTRING_URL}#list",
                "type": "BitstringStatusList",
                "statusPurpose": "revocation",
                "encodedList": payload["credentialSubject"]["encodedList"],
            },
        }
        assert BITSTRING_LIST_MEDIA_TYPE == "application/vc+jwt"

    def test_short_bitstring_is_refused(self, key: SigningKey) -> None:
        with pytest.raises(ValueError, match="at least 131072"):
            bitstring_status_list_credential(
                bitstring=bytes(1024),
                list_url=BITSTRING_URL,
                issuer=ISSUER,
                purpose="revocation",
                key=key,
                valid_from=NOW,
            )

    def test_naive_or_inverted_validity_is_refused(self, key: SigningKey) -> None:
        arguments: dict[str, Any] = {
            "bitstring": bytes(new_list()),
            "list_url": BITSTRING_URL,
            "issuer": ISSUER,
            "purpose": "revocation",
            "key": key,
        }
        with pytest.raises(ValueError, match="timezone-aware"):
            bitstring_status_list_credential(**arguments, valid_from=datetime(2026, 5, 4, 9, 30))
        with pytest.raises(ValueError, match="later than"):
            bitstring_status_list_credential(**arguments, valid_from=NOW, valid_until=NOW)


# --- the IETF list -------------------------------------------------------------------------------------------------


class TestTokenStatusListJwt:
    async def test_reader_sees_the_invalid_index_and_not_its_neighbour(self, key: SigningKey) -> None:
        statuses = bytearray(DEFAULT_ENTRIES // 8)
        set_token_status(statuses, 4242, 1)
        seen: list[tuple[str | None, str | None]] = []

        status_list = await verify_status_list_token(
            _token_list(key, bytes(statuses)), uri=TOKEN_URL, key_resolver=_resolver(key, seen)
        )

        assert seen == [(ISSUER, key.kid)]
        assert status_list.issuer == ISSUER
        assert (status_list.bits, status_list.ttl_seconds) == (1, 3600)
        assert status_list.issued_at == NOW - timedelta(minutes=5)
        assert status_list.expires_at == NOW + timedelta(days=1)
        assert token_status_value(status_list.statuses, 4242, 1) == 1
        assert token_status_value(status_list.statuses, 4241, 1) == 0
        assert token_status_value(status_list.statuses, 4243, 1) == 0

    async def test_checker_reports_revoked_suspended_and_valid(self, key: SigningKey) -> None:
        statuses = bytearray(1024)
        set_token_status(statuses, 10, 1, bits=2)
        set_token_status(statuses, 11, 2, bits=2)
        status_list = await verify_status_list_token(
            _token_list(key, bytes(statuses), bits=2), uri=TOKEN_URL, key_resolver=_resolver(key)
        )
        checker = _checker_with(StatusMethod.TOKEN_STATUS_LIST, TOKEN_URL, status_list)

        def credential(index: int) -> dict[str, Any]:
            return {"iss": ISSUER, "status": token_status_claim(TOKEN_URL, index)}

        _assert_check(await checker.check(credential(10)), Outcome.FAILED, "revoked")
        _assert_check(await checker.check(credential(11)), Outcome.FAILED, "suspended")
        _assert_check(await checker.check(credential(12)), Outcome.PASSED, "status_valid")

    async def test_another_key_does_not_verify(self, key: SigningKey, other_key: SigningKey) -> None:
        async def impostor(issuer: str | None, kid: str | None) -> PublicKey | None:
            return _public(other_key)

        with pytest.raises(StatusListSignatureInvalid):
            await verify_status_list_token(_token_list(key, bytes(16)), uri=TOKEN_URL, key_resolver=impostor)

    def test_joserfc_verifies_and_the_bit_is_least_significant_first(self, key: SigningKey) -> None:
        statuses = bytearray(16)
        for index in (0, 9, 127):
            set_token_status(statuses, index, 1)
        token = _token_list(key, bytes(statuses))

        verified = jws.deserialize_compact(token, _public(key), algorithms=["ES256"])
        header, payload = _segments(token)

        assert header == {"alg": "ES256", "typ": "statuslist+jwt", "kid": key.kid}
        assert json.loads(verified.payload) == payload
        assert payload == {
            "sub": TOKEN_URL,
            "iss": ISSUER,
            "iat": int((NOW - timedelta(minutes=5)).timestamp()),
            "exp": int((NOW + timedelta(days=1)).timestamp()),
            "ttl": 3600,
            "status_list": {"bits": 1, "lst": payload["status_list"]["lst"]},
        }
        decoded = zlib.decompress(_b64url_decode(payload["status_list"]["lst"]))
        assert (decoded[0], decoded[1], decoded[15]) == (0x01, 0x02, 0x80)
        assert TOKEN_LIST_MEDIA_TYPE == "application/statuslist+jwt"

    def test_joserfc_refuses_another_key(self, key: SigningKey, other_key: SigningKey) -> None:
        with pytest.raises(BadSignatureError):
            jws.deserialize_compact(_token_list(key, bytes(16)), _public(other_key), algorithms=["ES256"])

    def test_draft_one_bit_example_encodes_identically(self, key: SigningKey) -> None:
        # draft §4.1: status[0..15] = 1 0 0 1 1 1 0 1 1 1 0 0 0 1 0 1 → bytes b9 a3 → lst eNrbuRgAAhcBXQ
        statuses = bytearray(2)
        for index, value in enumerate([1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1]):
            set_token_status(statuses, index, value)
        _, payload = _segments(_token_list(key, bytes(statuses)))
        assert bytes(statuses) == bytes([0xB9, 0xA3])
        assert payload["status_list"] == {"bits": 1, "lst": _ietf_lst("status_list_encoding_json.md")[1]}

    def test_draft_long_one_bit_example_encodes_identically(self, key: SigningKey) -> None:
        statuses = bytearray((1 << 20) // 8)
        for index in (0, 1993, 25460, 159495, 495669, 554353, 645645, 723232, 854545, 934534, 1000345):
            set_token_status(statuses, index, 1)
        _, payload = _segments(_token_list(key, bytes(statuses)))
        assert payload["status_list"] == {"bits": 1, "lst": _ietf_lst("status_list_encoding1_long_json.md")[1]}

    def test_ttl_and_expiry_are_optional(self, key: SigningKey) -> None:
        token = token_status_list_jwt(
            statuses=bytes(4), bits=1, list_url=TOKEN_URL, issuer=ISSUER, key=key, issued_at=NOW, ttl_seconds=None
        )
        _, payload = _segments(token)
        assert "exp" not in payload
        assert "ttl" not in payload

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"bits": 3}, "bits must be"),
            ({"statuses": b""}, "at least one byte"),
            ({"ttl_seconds": 0}, "positive"),
            ({"list_url": "ftp://example.eu/list"}, "http"),
            ({"expires_at": NOW - timedelta(minutes=5)}, "later than"),
        ],
    )
    def test_bad_arguments_are_refused(self, key: SigningKey, changes: dict[str, Any], message: str) -> None:
        arguments: dict[str, Any] = {
            "statuses": bytes(4),
            "bits": 1,
            "list_url": TOKEN_URL,
            "issuer": ISSUER,
            "key": key,
            "issued_at": NOW - timedelta(minutes=5),
        }
        with pytest.raises(ValueError, match=message):
            token_status_list_jwt(**(arguments | changes))


# --- what an issued credential carries -----------------------------------------------------------------------------


class TestBitstringEntry:
    def test_shape(self) -> None:
        assert bitstring_entry(BITSTRING_URL, 94_567, "revocation") == {
            "id": f"{BITSTRING_URL}#94567",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": "94567",
            "statusListCredential": BITSTRING_URL,
        }

    def test_reader_parses_it(self) -> None:
        credential = {"issuer": ISSUER, "credentialStatus": [bitstring_entry(BITSTRING_URL, 23_452, "suspension")]}
        info = credential_status_info(credential)
        assert parse_status_reference(info.items[0]) == BitstringStatusListEntry(
            status_purpose="suspension",
            status_list_index=23_452,
            status_list_credential=BITSTRING_URL,
            id=f"{BITSTRING_URL}#23452",
        )

    @pytest.mark.parametrize("index", [-1, True])
    def test_bad_index_is_refused(self, index: int) -> None:
        with pytest.raises(ValueError, match="non-negative integer"):
            bitstring_entry(BITSTRING_URL, index, "revocation")


class TestTokenStatusClaim:
    def test_shape(self) -> None:
        assert token_status_claim(TOKEN_URL, 0) == {"status_list": {"idx": 0, "uri": TOKEN_URL}}

    def test_reader_parses_it(self) -> None:
        info = credential_status_info({"iss": ISSUER, "status": token_status_claim(TOKEN_URL, 1993)})
        assert parse_status_reference(info.items[0]) == TokenStatusListReference(idx=1993, uri=TOKEN_URL)

    def test_non_http_uri_is_refused(self) -> None:
        with pytest.raises(ValueError, match="http"):
            token_status_claim("urn:example:list", 1)


# --- etag_of -------------------------------------------------------------------------------------------------------


class TestEtagOf:
    def test_strong_quoted_and_stable(self, key: SigningKey) -> None:
        document = _revocation_list(key, 1)
        etag = etag_of(document)
        assert re.fullmatch(r'"[0-9a-f]{32}"', etag)
        assert etag == etag_of(document.encode())

    def test_differs_for_another_document(self) -> None:
        assert etag_of('{"a":1}') != etag_of('{"a":2}')
        # The first 128 bits of SHA-256('{"a":1}') = 015abd7f5cc57a2dd94b7590f04ad808 4273905e…
        assert etag_of('{"a":1}') == '"015abd7f5cc57a2dd94b7590f04ad808"'
