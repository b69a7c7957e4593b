"""The two bit-array encodings, with capped decompression; no network, no clock.

W3C Bitstring Status List v1.0 (§2.2 `encodedList`, §3.3–3.4): multibase `u` + base64url (no padding) of the GZIP
of the bitstring; index 0 is the left-most, most significant bit of byte 0; an entry of `statusSize` bits starts at
bit `index × statusSize` and reads left to right (most significant bit first).

IETF Token Status List (draft-ietf-oauth-status-list §4.1): base64url of the ZLIB/DEFLATE of a byte array; `bits`
is 1, 2, 4 or 8 and entries are packed from the least significant bit of each byte.

Compressed lists come from the network, so inflating is capped: a few kilobytes of DEFLATE can expand to
gigabytes. The W3C minimum is 16 KiB; we refuse more than 16 MiB unless told otherwise.
"""

from __future__ import annotations

import base64
import gzip
import re
import zlib
from typing import Literal

from wallet.status.errors import StatusEntryInvalid, StatusIndexOutOfRange, StatusListInvalid

MIN_BITSTRING_ENTRIES = 131_072
"""W3C BSL §2.2: the uncompressed bitstring is at least 16 KB, for group privacy."""
DEFAULT_MAX_DECOMPRESSED_BYTES = 16 * 1024 * 1024
TOKEN_STATUS_BITS = frozenset({1, 2, 4, 8})
MULTIBASE_BASE64URL = "u"

_BASE64URL = re.compile(r"[A-Za-z0-9_-]*")


def base64url_decode(text: str) -> bytes:
    """RFC 4648 §5 without padding, strictly: no padding characters, whitespace or other alphabets."""
    if not _BASE64URL.fullmatch(text) or len(text) % 4 == 1:
        raise StatusListInvalid("The status list is not valid base64url.", code="status_list_encoding_invalid")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def base64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def inflate(data: bytes, *, container: Literal["gzip", "zlib"], max_bytes: int) -> bytes:
    """Decompress one GZIP (RFC 1952) or ZLIB (RFC 1950) stream, refusing more than `max_bytes` of output."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS if container == "gzip" else zlib.MAX_WBITS)
    try:
        output = decompressor.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise StatusListInvalid(
            f"The status list is not {container.upper()}-compressed.", code="status_list_encoding_invalid"
        ) from exc
    if len(output) > max_bytes or decompressor.unconsumed_tail:
        raise StatusListInvalid(
            f"The status list expands to more than {max_bytes} bytes; it is refused.",
            code="status_list_decompression_refused",
        )
    if not decompressor.eof or decompressor.unused_data:
        raise StatusListInvalid(
            "The compressed status list is truncated or followed by other data.", code="status_list_encoding_invalid"
        )
    return output


# --- W3C Bitstring Status List -------------------------------------------------------------------------------------


def decode_bitstring(encoded_list: str, *, max_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES) -> bytes:
    """`encodedList` → the uncompressed bitstring (W3C BSL §3.4 Bitstring Expansion Algorithm)."""
    if not encoded_list.startswith(MULTIBASE_BASE64URL):
        raise StatusListInvalid(
            "encodedList must be multibase base64url (prefix 'u').", code="status_list_encoding_invalid"
        )
    return inflate(base64url_decode(encoded_list[1:]), container="gzip", max_bytes=max_bytes)


def encode_bitstring(bitstring: bytes) -> str:
    """The bitstring → `encodedList` (W3C BSL §3.3 step 3); `mtime=0` so equal lists encode equally."""
    return MULTIBASE_BASE64URL + base64url_encode(gzip.compress(bitstring, compresslevel=9, mtime=0))


def _bitstring_span(length_bytes: int, index: int, status_size: int) -> range:
    if status_size < 1:
        raise StatusEntryInvalid("statusSize must be a positive integer.")
    first = index * status_size
    if index < 0 or first + status_size > length_bytes * 8:
        raise StatusIndexOutOfRange(f"Index {index} is outside a list of {length_bytes * 8 // status_size} entries.")
    return range(first, first + status_size)


def bitstring_value(bitstring: bytes, index: int, status_size: int = 1) -> int:
    """The status at `index`: `status_size` bits from bit `index × status_size`, most significant bit first."""
    value = 0
    for position in _bitstring_span(len(bitstring), index, status_size):
        value = (value << 1) | ((bitstring[position >> 3] >> (7 - (position & 7))) & 1)
    return value


def set_bitstring_value(bitstring: bytearray, index: int, value: int, status_size: int = 1) -> None:
    """Write `value` at `index` (the issuer's side of `bitstring_value`)."""
    if not 0 <= value < 1 << status_size:
        raise ValueError(f"{value} does not fit in {status_size} bits")
    span = _bitstring_span(len(bitstring), index, status_size)
    for offset, position in enumerate(span):
        bit = (value >> (status_size - 1 - offset)) & 1
        mask = 0x80 >> (position & 7)
        bitstring[position >> 3] = (bitstring[position >> 3] | mask) if bit else (bitstring[position >> 3] & ~mask)


# --- IETF Token Status List ----------------------------------------------------------------------------------------


def decode_token_status_list(lst: str, *, max_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES) -> bytes:
    """`status_list.lst` → the byte array (draft-ietf-oauth-status-list §4.2)."""
    return inflate(base64url_decode(lst), container="zlib", max_bytes=max_bytes)


def encode_token_status_list(statuses: bytes) -> str:
    """The byte array → `lst`, at the highest compression level the draft recommends (§4.1 step 3)."""
    return base64url_encode(zlib.compress(statuses, 9))


def _token_slot(length_bytes: int, index: int, bits: int) -> tuple[int, int]:
    if bits not in TOKEN_STATUS_BITS:
        raise StatusListInvalid(f"bits must be 1, 2, 4 or 8, not {bits}.")
    byte_index, slot = divmod(index, 8 // bits)
    if index < 0 or byte_index >= length_bytes:
        raise StatusIndexOutOfRange(f"Index {index} is outside a list of {length_bytes * 8 // bits} entries.")
    return byte_index, slot * bits


def token_status_value(statuses: bytes, index: int, bits: int) -> int:
    """The status at `index`, entries packed from the least significant bit of each byte."""
    byte_index, shift = _token_slot(len(statuses), index, bits)
    return (statuses[byte_index] >> shift) & ((1 << bits) - 1)


def set_token_status_value(statuses: bytearray, index: int, value: int, bits: int) -> None:
    """Write `value` at `index` (the issuer's side of `token_status_value`)."""
    if not 0 <= value < 1 << bits:
        raise ValueError(f"{value} does not fit in {bits} bits")
    byte_index, shift = _token_slot(len(statuses), index, bits)
    mask = ((1 << bits) - 1) << shift
    statuses[byte_index] = (statuses[byte_index] & ~mask & 0xFF) | (value << shift)
