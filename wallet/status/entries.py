"""Reading a credential's status information: which list to fetch and where to look in it.

Three methods are read:

- W3C `BitstringStatusListEntry` in `credentialStatus` (one object or an array; W3C BSL §2.1);
- the IETF `status.status_list` {`idx`, `uri`} claim of a JWT or SD-JWT VC (draft-ietf-oauth-status-list §6.1);
- the 1EdTech `1EdTechRevocationList` in `credentialStatus` (1EdTech Revocation List Status Method 1.0), whose
  `id` is the URL of the list and which matches on the credential's own `id`.

A VCDM 1.1 VC-JWT payload carries the credential under `vc`; its `iss`/`jti` stand for `issuer`/`id`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wallet.status.errors import StatusEntryInvalid, StatusTypeUnsupported

BITSTRING_ENTRY = "BitstringStatusListEntry"
REVOCATION_LIST_ENTRY = "1EdTechRevocationList"
TOKEN_STATUS_LIST = "status_list"  # noqa: S105 - a claim name, not a secret

MAX_STATUS_SIZE = 16
"""statusSize is unbounded in the spec, but `statusMessage` must then hold 2^statusSize entries."""
_MAX_INDEX_DIGITS = 20


@dataclass(frozen=True)
class BitstringStatusListEntry:
    """W3C BSL §2.1; `status_messages` maps each value to its `statusMessage` text (only for statusSize > 1)."""

    status_purpose: str
    status_list_index: int
    status_list_credential: str
    status_size: int = 1
    status_messages: Mapping[int, str] = field(default_factory=dict)
    id: str | None = None


@dataclass(frozen=True)
class TokenStatusListReference:
    """draft-ietf-oauth-status-list §6.1: the index `idx` in the Status List Token at `uri`."""

    idx: int
    uri: str


@dataclass(frozen=True)
class RevocationListReference:
    """1EdTech Revocation List: the list at `url` names the ids of revoked credentials."""

    url: str
    credential_id: str | None


StatusReference = BitstringStatusListEntry | TokenStatusListReference | RevocationListReference


@dataclass(frozen=True)
class CredentialStatusInfo:
    """What a credential says about its status, before anything is fetched."""

    issuer: str | None
    credential_id: str | None
    items: tuple[Any, ...]
    """Raw status objects; `parse_status_reference` turns each into a `StatusReference`."""


def issuer_id(value: Any) -> str | None:
    """`issuer` as a URL string or an object with `id` (VCDM §4.7)."""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping) and isinstance(value.get("id"), str):
        return str(value["id"])
    return None


def credential_status_info(credential: Mapping[str, Any]) -> CredentialStatusInfo:
    """The status objects of a credential (a JSON-LD VC, or the verified payload of a JWT / SD-JWT VC)."""
    document: Mapping[str, Any] = credential
    issuer = issuer_id(credential.get("issuer")) or issuer_id(credential.get("iss"))
    credential_id = credential.get("id") if isinstance(credential.get("id"), str) else None
    embedded = credential.get("vc")
    if "credentialStatus" not in credential and isinstance(embedded, Mapping):
        document = embedded
        issuer = issuer_id(embedded.get("issuer")) or issuer
        credential_id = embedded.get("id") if isinstance(embedded.get("id"), str) else None
        credential_id = credential_id or (credential.get("jti") if isinstance(credential.get("jti"), str) else None)
    items: list[Any] = []
    status = document.get("credentialStatus")
    if isinstance(status, list):
        items.extend(status)
    elif status is not None:
        items.append(status)
    claim = credential.get("status")
    if isinstance(claim, Mapping) and TOKEN_STATUS_LIST in claim:
        # Other members of `status` name other mechanisms (draft-ietf-oauth-status-list §6.1); they are not read.
        items.append({TOKEN_STATUS_LIST: claim[TOKEN_STATUS_LIST]})
    return CredentialStatusInfo(issuer=issuer, credential_id=credential_id, items=tuple(items))


def _type_of(item: Mapping[str, Any]) -> str | None:
    value = item.get("type")
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    return value if isinstance(value, str) else None


def _non_negative_integer(value: Any, name: str) -> int:
    # W3C BSL §2.1: statusListIndex is a base-10 string; integers are common in the wild (the 1EdTech samples).
    if isinstance(value, bool):
        raise StatusEntryInvalid(f"{name} must be a non-negative integer.")
    if isinstance(value, int) and value >= 0:
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= _MAX_INDEX_DIGITS:
        return int(value)
    raise StatusEntryInvalid(f"{name} must be a non-negative integer.")


def _url(value: Any, name: str) -> str:
    if not isinstance(value, str) or not value.startswith(("https://", "http://")):
        raise StatusEntryInvalid(f"{name} must be an http(s) URL.")
    return value


def _status_messages(value: Any, status_size: int) -> dict[int, str]:
    if value is None:
        if status_size > 1:
            raise StatusEntryInvalid("statusMessage is required when statusSize is greater than 1.")
        return {}
    if not isinstance(value, list) or len(value) != 1 << status_size:
        raise StatusEntryInvalid(f"statusMessage must list {1 << status_size} messages for statusSize {status_size}.")
    messages: dict[int, str] = {}
    for item in value:
        status, message = (item.get("status"), item.get("message")) if isinstance(item, Mapping) else (None, None)
        if not isinstance(status, str) or not status.lower().startswith("0x") or not isinstance(message, str):
            raise StatusEntryInvalid("Each statusMessage needs a hexadecimal status ('0x…') and a message.")
        try:
            messages[int(status, 16)] = message
        except ValueError as exc:
            raise StatusEntryInvalid(f"statusMessage status {status!r} is not hexadecimal.") from exc
    return messages


def _bitstring_entry(item: Mapping[str, Any]) -> BitstringStatusListEntry:
    purpose = item.get("statusPurpose")
    if not isinstance(purpose, str) or not purpose:
        raise StatusEntryInvalid("statusPurpose must be a non-empty string.")
    size = item.get("statusSize", 1)
    if isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= MAX_STATUS_SIZE:
        raise StatusEntryInvalid(f"statusSize must be an integer from 1 to {MAX_STATUS_SIZE}.")
    return BitstringStatusListEntry(
        status_purpose=purpose,
        status_list_index=_non_negative_integer(item.get("statusListIndex"), "statusListIndex"),
        status_list_credential=_url(item.get("statusListCredential"), "statusListCredential"),
        status_size=size,
        status_messages=_status_messages(item.get("statusMessage"), size),
        id=item.get("id") if isinstance(item.get("id"), str) else None,
    )


def parse_status_reference(item: Any, *, credential_id: str | None = None) -> StatusReference:
    """One status object → the reference to check, or `StatusEntryInvalid` / `StatusTypeUnsupported`."""
    if not isinstance(item, Mapping):
        raise StatusEntryInvalid("A status entry must be a JSON object.")
    if TOKEN_STATUS_LIST in item and "type" not in item:
        reference = item[TOKEN_STATUS_LIST]
        if not isinstance(reference, Mapping):
            raise StatusEntryInvalid("status.status_list must be an object with idx and uri.")
        idx = reference.get("idx")
        # draft-ietf-oauth-status-list §6.1: idx is a non-negative JSON integer (a string is refused).
        if isinstance(idx, bool) or not isinstance(idx, int) or idx < 0:
            raise StatusEntryInvalid("status_list.idx must be a non-negative integer.")
        return TokenStatusListReference(idx=idx, uri=_url(reference.get("uri"), "status_list.uri"))
    kind = _type_of(item)
    if kind == BITSTRING_ENTRY:
        return _bitstring_entry(item)
    if kind == REVOCATION_LIST_ENTRY:
        return RevocationListReference(url=_url(item.get("id"), "credentialStatus.id"), credential_id=credential_id)
    raise StatusTypeUnsupported(f"The status method {kind or 'without a type'!r} is not checked here.", type=kind)
