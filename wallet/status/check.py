"""A credential's status information → one `status` check.

`StatusChecker.check()` never raises for anything the outside world does: an unreachable, malformed, unsigned or
expired list is a `warning` with a reason; a revoked or suspended credential is `failed`; a valid one `passed`; a
credential without status information `skipped`. Lists are fetched through the SSRF guard (`core.outbound`) and
cached (`wallet.status.cache`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx

from core import clock
from core.errors import DomainError
from core.outbound import FetchedBody, OutboundRefused, ResponseTooLarge, fetch_bytes
from core.settings import Settings
from wallet.status.cache import CachedList, StatusListCache, cache_lifetime
from wallet.status.codec import (
    DEFAULT_MAX_DECOMPRESSED_BYTES,
    MIN_BITSTRING_ENTRIES,
    bitstring_value,
    token_status_value,
)
from wallet.status.entries import (
    BitstringStatusListEntry,
    CredentialStatusInfo,
    RevocationListReference,
    StatusReference,
    TokenStatusListReference,
    credential_status_info,
    parse_status_reference,
)
from wallet.status.errors import (
    StatusEntryInvalid,
    StatusError,
    StatusListExpired,
    StatusListInvalid,
    StatusListIssuerMismatch,
    StatusListUnreachable,
    StatusPurposeMismatch,
)
from wallet.status.lists import (
    ASYMMETRIC_ALGORITHMS,
    BitstringStatusList,
    KeyResolver,
    ProofVerifier,
    RevocationList,
    StatusList,
    TokenStatusList,
    parse_bitstring_status_list,
    parse_revocation_list,
    verify_status_list_token,
)
from wallet.status.outcome import (
    StatusMethod,
    StatusResult,
    StatusState,
    check_from_result,
    combine_checks,
    error_check,
    iso_utc,
    no_status,
    token_state,
)
from wallet.verification.result import Check

MIB = 1024 * 1024


@dataclass(frozen=True)
class StatusPolicy:
    """How status lists are fetched and judged; the defaults suit production, tests widen `allowed_hosts`."""

    allowed_hosts: tuple[str, ...] = ()
    """Hosts reachable although they resolve to loopback or private addresses (SSRF guard)."""
    timeout_seconds: float = 5.0
    max_response_bytes: int = 2 * MIB
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES
    max_redirects: int = 3
    algorithms: tuple[str, ...] = ASYMMETRIC_ALGORITHMS
    default_ttl_seconds: float = 300.0
    max_ttl_seconds: float = 86_400.0
    clock_skew_seconds: float = 60.0
    require_same_issuer: bool = True
    """Refuse a list whose (verified) issuer differs from the credential's: W3C BSL §2.2 allows it, but then the
    verifier must trust that other issuer, a decision this module does not make."""

    def __post_init__(self) -> None:
        refused = [name for name in self.algorithms if name not in ASYMMETRIC_ALGORITHMS]
        if not self.algorithms or refused:
            raise ValueError(f"status list algorithms must be asymmetric JWS algorithms, not {refused}")

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> StatusPolicy:
        """The service's outbound settings (allowed hosts, timeout) with optional overrides."""
        values: dict[str, Any] = {
            "allowed_hosts": tuple(settings.outbound_allowed_hosts),
            "timeout_seconds": settings.outbound_timeout_seconds,
        }
        return cls(**(values | overrides))


_ACCEPT = {
    StatusMethod.BITSTRING_STATUS_LIST: (
        "application/vc+jwt, application/vc, application/vc+ld+json, application/ld+json;q=0.9, application/json;q=0.8"
    ),
    StatusMethod.TOKEN_STATUS_LIST: "application/statuslist+jwt",
    StatusMethod.REVOCATION_LIST_1EDTECH: "application/json",
}


def _declared_lifetime(status_list: StatusList) -> tuple[float | None, datetime | None]:
    if isinstance(status_list, BitstringStatusList):
        return status_list.ttl_seconds, status_list.valid_until
    if isinstance(status_list, TokenStatusList):
        return status_list.ttl_seconds, status_list.expires_at
    return None, None


class StatusChecker:
    """Checks credentials' status lists; one instance per application, sharing its cache across requests.

    `key_resolver` supplies trusted keys for JWS-signed lists (VC-JWT bitstring lists, IETF status list tokens);
    `proof_verifier` checks the Data Integrity proof of JSON-LD bitstring lists. Without them such lists are not
    relied on and the check is a warning.
    """

    def __init__(
        self,
        policy: StatusPolicy | None = None,
        *,
        cache: StatusListCache | None = None,
        key_resolver: KeyResolver | None = None,
        proof_verifier: ProofVerifier | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        self.policy = policy or StatusPolicy()
        self.cache = cache if cache is not None else StatusListCache()
        self.key_resolver = key_resolver
        self.proof_verifier = proof_verifier
        self._http_client = http_client

    async def check(self, credential: Mapping[str, Any]) -> Check:
        """The `status` check of one credential (a JSON-LD VC, or the verified payload of a JWT / SD-JWT VC)."""
        info = credential_status_info(credential)
        if not info.items:
            return no_status()
        return combine_checks([await self._check_item(item, info) for item in info.items])

    async def resolve(self, reference: StatusReference, *, credential_issuer: str | None = None) -> StatusResult:
        """Fetch (or reuse) the list `reference` points at and read the credential's status; raises `StatusError`."""
        if isinstance(reference, BitstringStatusListEntry):
            return await self._bitstring(reference, credential_issuer)
        if isinstance(reference, TokenStatusListReference):
            return await self._token(reference, credential_issuer)
        return await self._revocation_list(reference, credential_issuer)

    async def _check_item(self, item: Any, info: CredentialStatusInfo) -> Check:
        reference: StatusReference | None = None
        try:
            reference = parse_status_reference(item, credential_id=info.credential_id)
            result = await self.resolve(reference, credential_issuer=info.issuer)
        except StatusError as error:
            return error_check(error.code, error.detail, reference)
        except DomainError as error:
            # Only the caller's key resolver or proof verifier raises other domain errors (a JWKS or DID document
            # out of reach): the list's signature could not be checked.
            return error_check("status_list_signature_unverified", error.detail, reference)
        return check_from_result(result)

    async def _load(
        self, method: StatusMethod, url: str, parse: Callable[[FetchedBody], Awaitable[StatusList]]
    ) -> tuple[StatusList, datetime, bool]:
        cached = self.cache.get(method, url)
        if cached is not None:
            return cached.value, cached.fetched_at, True
        try:
            fetched = await fetch_bytes(
                url,
                allowed_hosts=list(self.policy.allowed_hosts),
                timeout=self.policy.timeout_seconds,
                max_bytes=self.policy.max_response_bytes,
                accept=_ACCEPT[method],
                max_redirects=self.policy.max_redirects,
                client=self._http_client,
            )
        except OutboundRefused as exc:
            raise StatusListUnreachable(exc.detail, code="status_list_address_refused") from exc
        except ResponseTooLarge as exc:
            raise StatusListUnreachable(exc.detail, code="status_list_too_large") from exc
        except DomainError as exc:
            raise StatusListUnreachable(exc.detail) from exc
        fetched_at = clock.utcnow()
        status_list = await parse(fetched)
        declared_ttl, hard_expiry = _declared_lifetime(status_list)
        expires_at = cache_lifetime(
            fetched_at=fetched_at,
            declared_ttl_seconds=declared_ttl,
            cache_control=fetched.cache_control,
            hard_expiry=hard_expiry,
            default_seconds=self.policy.default_ttl_seconds,
            max_seconds=self.policy.max_ttl_seconds,
        )
        self.cache.put(method, url, CachedList(status_list, fetched_at, expires_at))
        return status_list, fetched_at, False

    def _check_issuer(self, list_issuer: str | None, credential_issuer: str | None) -> None:
        if self.policy.require_same_issuer and list_issuer and credential_issuer and list_issuer != credential_issuer:
            raise StatusListIssuerMismatch(
                f"The status list is issued by {list_issuer}, the credential by {credential_issuer}."
            )

    def _check_period(self, valid_from: datetime | None, valid_until: datetime | None) -> None:
        now, skew = clock.utcnow(), timedelta(seconds=self.policy.clock_skew_seconds)
        if valid_from is not None and now + skew < valid_from:
            raise StatusListExpired(
                f"The status list is valid from {iso_utc(valid_from)}.", code="status_list_not_yet_valid"
            )
        if valid_until is not None and now - skew > valid_until:
            raise StatusListExpired(f"The status list expired at {iso_utc(valid_until)}.")

    async def _bitstring(self, entry: BitstringStatusListEntry, credential_issuer: str | None) -> StatusResult:
        async def parse(fetched: FetchedBody) -> StatusList:
            return await parse_bitstring_status_list(
                fetched.content,
                url=entry.status_list_credential,
                key_resolver=self.key_resolver,
                proof_verifier=self.proof_verifier,
                algorithms=self.policy.algorithms,
                fallback_issuer=credential_issuer,
                max_decompressed_bytes=self.policy.max_decompressed_bytes,
            )

        method = StatusMethod.BITSTRING_STATUS_LIST
        status_list, fetched_at, from_cache = await self._load(method, entry.status_list_credential, parse)
        if not isinstance(status_list, BitstringStatusList):  # the cache key includes the method
            raise StatusListInvalid("The cached list is of another kind.")
        self._check_issuer(status_list.issuer, credential_issuer)
        self._check_period(status_list.valid_from, status_list.valid_until)
        # W3C BSL §3.2: the entry's purpose must be one the list states, else STATUS_VERIFICATION_ERROR.
        if entry.status_purpose not in status_list.purposes:
            raise StatusPurposeMismatch(
                f"The credential asks about {entry.status_purpose!r}; the list serves {list(status_list.purposes)}."
            )
        if status_list.status_size is not None and status_list.status_size != entry.status_size:
            raise StatusListInvalid("The list's statusSize differs from the entry's.", code="status_size_mismatch")
        # W3C BSL §3.2: fewer than 131,072 entries is a STATUS_LIST_LENGTH_ERROR (group privacy).
        if len(status_list.bitstring) * 8 // entry.status_size < MIN_BITSTRING_ENTRIES:
            raise StatusListInvalid(
                f"The status list holds fewer than {MIN_BITSTRING_ENTRIES} entries.", code="status_list_too_short"
            )
        value = bitstring_value(status_list.bitstring, entry.status_list_index, entry.status_size)
        states = {
            "revocation": StatusState.REVOKED,
            "suspension": StatusState.SUSPENDED,
            "refresh": StatusState.REFRESH,
        }
        return StatusResult(
            method=method,
            url=entry.status_list_credential,
            index=entry.status_list_index,
            purpose=entry.status_purpose,
            value=value,
            state=StatusState.VALID if value == 0 else states.get(entry.status_purpose, StatusState.MESSAGE),
            message=entry.status_messages.get(value),
            fetched_at=fetched_at,
            from_cache=from_cache,
            list_issuer=status_list.issuer,
            signature=status_list.signature,
            status_list=status_list,
        )

    async def _token(self, reference: TokenStatusListReference, credential_issuer: str | None) -> StatusResult:
        async def parse(fetched: FetchedBody) -> StatusList:
            try:
                token = fetched.content.decode("ascii")
            except UnicodeDecodeError as exc:
                raise StatusListInvalid("The status list token is not a compact JWS.") from exc
            return await verify_status_list_token(
                token,
                uri=reference.uri,
                key_resolver=self.key_resolver,
                algorithms=self.policy.algorithms,
                fallback_issuer=credential_issuer,
                max_decompressed_bytes=self.policy.max_decompressed_bytes,
            )

        method = StatusMethod.TOKEN_STATUS_LIST
        status_list, fetched_at, from_cache = await self._load(method, reference.uri, parse)
        if not isinstance(status_list, TokenStatusList):
            raise StatusListInvalid("The cached list is of another kind.")
        self._check_issuer(status_list.issuer, credential_issuer)
        if status_list.issued_at > clock.utcnow() + timedelta(seconds=self.policy.clock_skew_seconds):
            raise StatusListInvalid("The status list token is issued in the future.", code="status_list_not_yet_valid")
        self._check_period(None, status_list.expires_at)
        value = token_status_value(status_list.statuses, reference.idx, status_list.bits)
        return StatusResult(
            method=method,
            url=reference.uri,
            index=reference.idx,
            purpose=None,
            value=value,
            state=token_state(value),
            message=None,
            fetched_at=fetched_at,
            from_cache=from_cache,
            list_issuer=status_list.issuer,
            signature=status_list.signature,
            status_list=status_list,
        )

    async def _revocation_list(self, reference: RevocationListReference, credential_issuer: str | None) -> StatusResult:
        if reference.credential_id is None:
            raise StatusEntryInvalid("A 1EdTech revocation list is matched on the credential's id, and it has none.")

        async def parse(fetched: FetchedBody) -> StatusList:
            return parse_revocation_list(fetched.content, url=reference.url)

        method = StatusMethod.REVOCATION_LIST_1EDTECH
        status_list, fetched_at, from_cache = await self._load(method, reference.url, parse)
        if not isinstance(status_list, RevocationList):
            raise StatusListInvalid("The cached list is of another kind.")
        self._check_issuer(status_list.issuer, credential_issuer)
        revoked = reference.credential_id in status_list.revoked
        return StatusResult(
            method=method,
            url=reference.url,
            index=None,
            purpose="revocation",
            value=int(revoked),
            state=StatusState.REVOKED if revoked else StatusState.VALID,
            message=status_list.revoked.get(reference.credential_id),
            fetched_at=fetched_at,
            from_cache=from_cache,
            list_issuer=status_list.issuer,
            signature=status_list.signature,
            status_list=status_list,
        )
