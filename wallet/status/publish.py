"""Publishing status lists: the issuer's side of `lists` and `entries`, for institutions that issue through Passerelle.

    bitstring = new_list()                                         # kept in the database, one list per purpose
    index = allocate_index(indexes_in_use, len(bitstring) * 8)     # StatusListFull: open a new list
    credential["credentialStatus"] = bitstring_entry(list_url, index, "revocation")
    ...
    set_status(bitstring, index, 1)                                # revoke
    document = bitstring_status_list_credential(bitstring=bytes(bitstring), list_url=list_url, ...)
    response headers: Content-Type BITSTRING_LIST_MEDIA_TYPE, ETag etag_of(document)

Two formats, two bit orders (the `codec` functions hold both; nothing here reimplements them):

- W3C Bitstring Status List v1.0: a `BitstringStatusListCredential` secured as a VC-JWT (VC-JOSE-COSE §3.1.1: the
  payload is the credential itself, header `typ` `vc+jwt`); index 0 is the most significant bit of byte 0. Write
  with `set_status`.
- IETF Token Status List (draft-ietf-oauth-status-list §5.1): a `statuslist+jwt` whose `status_list.lst` packs
  entries from the least significant bit. Write with `set_token_status`; never hand a W3C bitstring to
  `token_status_list_jwt` (or the reverse): every index would read from the wrong bit.

Both are signed ES256 with a keyring key, named by its `kid`, and are exactly what `lists.parse_bitstring_status_list`
and `lists.verify_status_list_token` accept. Pure and synchronous (signing and compression are CPU-bound): callers
run these functions in a worker thread.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from datetime import UTC, datetime
from typing import Any, Literal

from joserfc.jwk import ECKey

from core.keys import ALGORITHM, SigningKey
from wallet.sdjwt import signing
from wallet.status.codec import (
    MIN_BITSTRING_ENTRIES,
    TOKEN_STATUS_BITS,
    encode_bitstring,
    encode_token_status_list,
    set_bitstring_value,
    set_token_status_value,
)
from wallet.status.entries import BITSTRING_ENTRY
from wallet.status.lists import STATUS_LIST_TOKEN_TYPE

DEFAULT_ENTRIES = MIN_BITSTRING_ENTRIES
"""131,072 entries, 16 KiB: the W3C BSL minimum (§2.2, §6.1 group privacy)."""
MAX_FILL_RATIO = 0.9
"""A list takes no new index once 90% of its indexes are in use: random allocation slows as a list fills, and the
caller opens a new list instead."""
VCDM_CONTEXT = "https://www.w3.org/ns/credentials/v2"
"""VCDM 2.0; its context defines the Bitstring Status List terms, so no second context is needed."""
VC_JWT_TYPE = "vc+jwt"  # VC-JOSE-COSE §3.1.1
BITSTRING_LIST_MEDIA_TYPE = "application/vc+jwt"
TOKEN_LIST_MEDIA_TYPE = "application/statuslist+jwt"  # noqa: S105 - a media type (status-list draft §5.1, §8.1)
BitstringPurpose = Literal["revocation", "suspension"]

_PURPOSES: frozenset[str] = frozenset({"revocation", "suspension"})
_CALLABLE_DRAWS = 64
"""With a callable the fill level is unknown: 64 used indexes drawn in a row mean the list is (almost surely) more
than 90% used. The chance of that below 80% is 0.8^64 ≈ 6·10⁻⁷."""
_ETAG_HEX_DIGITS = 32


class StatusListFull(Exception):
    """The list has no room for another index (90% or more in use): the caller opens a new list.

    Not a `DomainError`: it never concerns the client, and escaping to a response would be a server fault.
    """

    def __init__(self, detail: str, *, entries: int, used: int | None) -> None:
        super().__init__(detail)
        self.entries = entries
        self.used = used
        """How many indexes are in use, when the caller's `used` says (a set); `None` for a callable."""


# --- the bit arrays ------------------------------------------------------------------------------------------------


def new_list(entries: int = DEFAULT_ENTRIES) -> bytearray:
    """An all-zero (all valid) list of `entries` one-bit entries."""
    if entries < MIN_BITSTRING_ENTRIES:
        # W3C BSL §2.2: at least 16 KB uncompressed; verifiers refuse shorter lists (§3.2 STATUS_LIST_LENGTH_ERROR).
        raise ValueError(f"a status list needs at least {MIN_BITSTRING_ENTRIES} entries, not {entries}")
    if entries % 8:
        raise ValueError(f"a status list's entries must fill whole bytes (a multiple of 8), not {entries}")
    return bytearray(entries // 8)


def allocate_index(
    used: Callable[[int], bool] | AbstractSet[int],
    entries: int,
    *,
    rng: secrets.SystemRandom | None = None,
) -> int:
    """A free index drawn at random from `range(entries)`; `StatusListFull` once 90% of the list is in use.

    W3C BSL §6.5 advises allocating indexes randomly: sequential indexes would tell a verifier roughly when a
    credential was issued and who else was issued alongside it. `used` is the set of indexes in use in this list
    (exact: refused from 90%) or a predicate (refused after 64 used draws in a row, i.e. past about 90%).
    """
    if entries < 1:
        raise ValueError(f"a status list needs at least one entry, not {entries}")
    draw = (rng or secrets.SystemRandom()).randrange
    capacity = int(entries * MAX_FILL_RATIO)
    if isinstance(used, AbstractSet):
        in_use = len(used)
        if in_use >= capacity:
            state = "full" if in_use >= entries else f"{in_use / entries:.0%} used"
            raise StatusListFull(
                f"The status list is {state} ({in_use} of {entries} indexes; at most {capacity} are allocated): "
                "open a new list.",
                entries=entries,
                used=in_use,
            )
        # At least 10% of the indexes are free, so each draw succeeds with probability 0.1 or more.
        while True:
            candidate = draw(entries)
            if candidate not in used:
                return candidate
    for _ in range(_CALLABLE_DRAWS):
        candidate = draw(entries)
        if not used(candidate):
            return candidate
    raise StatusListFull(
        f"{_CALLABLE_DRAWS} random indexes in a row are in use: the status list is full or more than "
        f"{MAX_FILL_RATIO:.0%} used; open a new list.",
        entries=entries,
        used=None,
    )


def set_status(bitstring: bytearray, index: int, value: int) -> None:
    """Set a W3C bitstring entry: 0 valid, 1 revoked or suspended (the list's one purpose); most significant bit
    first. A Token Status List is written with `set_token_status`."""
    if value not in (0, 1):
        raise ValueError(f"a one-bit status list holds 0 or 1, not {value}")
    set_bitstring_value(bitstring, index, value, 1)


def set_token_status(statuses: bytearray, index: int, value: int, bits: int = 1) -> None:
    """Set a Token Status List entry (0x00 valid, 0x01 invalid, 0x02 suspended; §7.1); least significant bit first."""
    set_token_status_value(statuses, index, value, bits)


# --- the signed lists ----------------------------------------------------------------------------------------------


def bitstring_status_list_credential(
    *,
    bitstring: bytes,
    list_url: str,
    issuer: str,
    purpose: BitstringPurpose,
    key: SigningKey,
    valid_from: datetime,
    valid_until: datetime | None = None,
) -> str:
    """The list as a `BitstringStatusListCredential` (W3C BSL §2.2), secured as a VC-JWT (compact JWS)."""
    _require_url(list_url, "list_url")
    if purpose not in _PURPOSES:
        raise ValueError(f"purpose must be 'revocation' or 'suspension', not {purpose!r}")
    if len(bitstring) * 8 < MIN_BITSTRING_ENTRIES:
        raise ValueError(f"a status list needs at least {MIN_BITSTRING_ENTRIES} entries, not {len(bitstring) * 8}")
    _require_aware(valid_from, "valid_from")
    if valid_until is not None:
        _require_aware(valid_until, "valid_until")
        if valid_until <= valid_from:
            raise ValueError("valid_until must be later than valid_from")
    credential: dict[str, Any] = {
        "@context": [VCDM_CONTEXT],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": _xsd_datetime(valid_from),
        "credentialSubject": {
            "id": f"{list_url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encode_bitstring(bytes(bitstring)),
        },
    }
    if valid_until is not None:
        credential["validUntil"] = _xsd_datetime(valid_until)
    # VC-JOSE-COSE §3.1.1: the payload is the credential; no `iss`, which the reader would have to match to `issuer`.
    return signing.sign({"typ": VC_JWT_TYPE, "kid": key.kid}, credential, _private_key(key), ALGORITHM)


def token_status_list_jwt(
    *,
    statuses: bytes,
    bits: int,
    list_url: str,
    issuer: str,
    key: SigningKey,
    issued_at: datetime,
    ttl_seconds: int | None = 3600,
    expires_at: datetime | None = None,
) -> str:
    """The list as a Status List Token (draft-ietf-oauth-status-list §5.1), `typ` `statuslist+jwt`."""
    _require_url(list_url, "list_url")
    if isinstance(bits, bool) or bits not in TOKEN_STATUS_BITS:
        raise ValueError(f"bits must be 1, 2, 4 or 8, not {bits}")
    if not statuses:
        raise ValueError("a status list needs at least one byte")
    if ttl_seconds is not None and (isinstance(ttl_seconds, bool) or ttl_seconds <= 0):
        raise ValueError("ttl_seconds must be a positive number of seconds")
    _require_aware(issued_at, "issued_at")
    claims: dict[str, Any] = {
        # §5.1: `sub` is the URI the Referenced Tokens' `status_list.uri` names (the verifier checks it, §8.3 4a).
        "sub": list_url,
        # Not required by §5.1; verifiers resolve the key and match the credential's issuer by it.
        "iss": issuer,
        "iat": _numeric_date(issued_at),
        "status_list": {"bits": bits, "lst": encode_token_status_list(bytes(statuses))},
    }
    if expires_at is not None:
        _require_aware(expires_at, "expires_at")
        if expires_at <= issued_at:
            raise ValueError("expires_at must be later than issued_at")
        claims["exp"] = _numeric_date(expires_at)
    if ttl_seconds is not None:
        claims["ttl"] = ttl_seconds
    return signing.sign({"typ": STATUS_LIST_TOKEN_TYPE, "kid": key.kid}, claims, _private_key(key), ALGORITHM)


# --- what an issued credential carries -----------------------------------------------------------------------------


def bitstring_entry(list_url: str, index: int, purpose: str) -> dict[str, Any]:
    """The `credentialStatus` entry of an OB 3.0 / VCDM 2.0 credential (W3C BSL §2.1)."""
    _require_url(list_url, "list_url")
    _require_index(index)
    if not purpose:
        raise ValueError("purpose must be a non-empty string")
    return {
        "id": f"{list_url}#{index}",
        "type": BITSTRING_ENTRY,
        "statusPurpose": purpose,
        "statusListIndex": str(index),  # §2.1: a base-10 integer as a string
        "statusListCredential": list_url,
    }


def token_status_claim(list_url: str, index: int) -> dict[str, Any]:
    """The `status` claim of an SD-JWT VC (draft-ietf-oauth-status-list §6.1); never selectively disclosable."""
    _require_url(list_url, "list_url")
    _require_index(index)
    return {"status_list": {"idx": index, "uri": list_url}}


def etag_of(document: str | bytes) -> str:
    """A strong ETag (RFC 9110 §8.8.3): the quoted first 128 bits of the document's SHA-256, in hex."""
    data = document.encode("utf-8") if isinstance(document, str) else document
    return f'"{hashlib.sha256(data).hexdigest()[:_ETAG_HEX_DIGITS]}"'


# --- helpers -------------------------------------------------------------------------------------------------------


def _private_key(key: SigningKey) -> ECKey:
    # The keyring holds python-jose keys; JWS signing here goes through joserfc.
    return ECKey.import_key(key.private.to_pem())


def _require_url(value: str, name: str) -> None:
    # The reader refuses any other scheme for `statusListCredential` and `status_list.uri` (entries._url).
    if not value.startswith(("https://", "http://")):
        raise ValueError(f"{name} must be an http(s) URL, not {value!r}")


def _require_index(index: int) -> None:
    if isinstance(index, bool) or not isinstance(index, int) or index < 0:
        raise ValueError(f"a status list index is a non-negative integer, not {index!r}")


def _require_aware(moment: datetime, name: str) -> None:
    # A naive datetime would be read in the server's local time zone by `timestamp()`.
    if moment.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


def _xsd_datetime(moment: datetime) -> str:
    """An XSD dateTimeStamp in UTC, to the second (VCDM 2.0 §4.9)."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _numeric_date(moment: datetime) -> int:
    return int(moment.timestamp())  # RFC 7519 §2: seconds since the epoch
