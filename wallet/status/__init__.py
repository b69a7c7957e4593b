"""Credential status: W3C Bitstring Status List v1.0, IETF Token Status List, 1EdTech revocation lists.

    checker = StatusChecker(StatusPolicy.from_settings(settings), key_resolver=..., proof_verifier=...)
    check = await checker.check(credential)        # a `Check` named `status`; never raises for remote failures

Modules: `entries` reads what a credential says, `lists` parses and verifies fetched lists, `codec` holds the bit
arrays, `cache` the TTL cache, `check` the checker and its policy, `outcome` turns a result into the `Check`;
`errors` lists the reasons a check can give as a warning.
"""

from wallet.status.cache import CachedList, StatusListCache, cache_lifetime
from wallet.status.check import StatusChecker, StatusPolicy
from wallet.status.codec import (
    MIN_BITSTRING_ENTRIES,
    bitstring_value,
    decode_bitstring,
    decode_token_status_list,
    encode_bitstring,
    encode_token_status_list,
    set_bitstring_value,
    set_token_status_value,
    token_status_value,
)
from wallet.status.entries import (
    BitstringStatusListEntry,
    RevocationListReference,
    StatusReference,
    TokenStatusListReference,
    credential_status_info,
    parse_status_reference,
)
from wallet.status.errors import (
    StatusEntryInvalid,
    StatusError,
    StatusIndexOutOfRange,
    StatusListExpired,
    StatusListInvalid,
    StatusListIssuerMismatch,
    StatusListSignatureInvalid,
    StatusListSignatureUnverified,
    StatusListUnreachable,
    StatusPurposeMismatch,
    StatusTypeUnsupported,
)
from wallet.status.lists import (
    ASYMMETRIC_ALGORITHMS,
    BitstringStatusList,
    KeyResolver,
    ProofVerifier,
    PublicKey,
    RevocationList,
    SignatureState,
    TokenStatusList,
    parse_bitstring_status_list,
    parse_revocation_list,
    verify_status_list_token,
)
from wallet.status.outcome import StatusMethod, StatusResult, StatusState

__all__ = [
    "ASYMMETRIC_ALGORITHMS",
    "MIN_BITSTRING_ENTRIES",
    "BitstringStatusList",
    "BitstringStatusListEntry",
    "CachedList",
    "KeyResolver",
    "ProofVerifier",
    "PublicKey",
    "RevocationList",
    "RevocationListReference",
    "SignatureState",
    "StatusChecker",
    "StatusEntryInvalid",
    "StatusError",
    "StatusIndexOutOfRange",
    "StatusListCache",
    "StatusListExpired",
    "StatusListInvalid",
    "StatusListIssuerMismatch",
    "StatusListSignatureInvalid",
    "StatusListSignatureUnverified",
    "StatusListUnreachable",
    "StatusMethod",
    "StatusPolicy",
    "StatusPurposeMismatch",
    "StatusReference",
    "StatusResult",
    "StatusState",
    "StatusTypeUnsupported",
    "TokenStatusList",
    "TokenStatusListReference",
    "bitstring_value",
    "cache_lifetime",
    "credential_status_info",
    "decode_bitstring",
    "decode_token_status_list",
    "encode_bitstring",
    "encode_token_status_list",
    "parse_bitstring_status_list",
    "parse_revocation_list",
    "parse_status_reference",
    "set_bitstring_value",
    "set_token_status_value",
    "token_status_value",
    "verify_status_list_token",
]
