"""Status checking errors; each `code` is also the reason of the `status` check that reports it.

    StatusError (DomainError)                    base
    ├── StatusEntryInvalid (InvalidInput)        the credential's own status entry is malformed
    ├── StatusTypeUnsupported                    a `credentialStatus` type this module does not read
    ├── StatusListUnreachable (ServiceUnavailable)
    │                                            the list could not be fetched: `status_list_unreachable`,
    │                                            `status_list_address_refused` (SSRF guard), `status_list_too_large`
    ├── StatusListInvalid                        the list is not one we can read: `status_list_invalid`,
    │                                            `status_list_too_short`, `status_list_decompression_refused`, …
    ├── StatusListSignatureInvalid               the list's signature or proof does not verify
    ├── StatusListSignatureUnverified            no key or verifier here to check the list's signature
    ├── StatusListIssuerMismatch                 the list was issued by someone other than the credential's issuer
    ├── StatusListExpired                        the list is past `validUntil`/`exp` (or before `validFrom`)
    ├── StatusPurposeMismatch                    the list does not serve the entry's `statusPurpose`
    └── StatusIndexOutOfRange                    the entry's index lies beyond the list

None of these escapes `StatusChecker.check()`: each becomes a `warning` with its code as the reason.
"""

from __future__ import annotations

from core.errors import DomainError, InvalidInput, ServiceUnavailable


class StatusError(DomainError):
    code = "status_error"
    default_detail = "The credential's status could not be established."


class StatusEntryInvalid(StatusError, InvalidInput):
    code = "status_entry_invalid"
    default_detail = "The credential's status entry is malformed."


class StatusTypeUnsupported(StatusError):
    code = "status_type_unsupported"
    default_detail = "The credential uses a status method this service does not check."


class StatusListUnreachable(StatusError, ServiceUnavailable):
    code = "status_list_unreachable"
    default_detail = "The status list could not be fetched."


class StatusListInvalid(StatusError):
    code = "status_list_invalid"
    default_detail = "The status list is malformed."


class StatusListSignatureInvalid(StatusError):
    code = "status_list_signature_invalid"
    default_detail = "The status list's signature does not verify."


class StatusListSignatureUnverified(StatusError):
    code = "status_list_signature_unverified"
    default_detail = "The status list's signature could not be checked here."


class StatusListIssuerMismatch(StatusError):
    code = "status_list_issuer_mismatch"
    default_detail = "The status list was not issued by the credential's issuer."


class StatusListExpired(StatusError):
    code = "status_list_expired"
    default_detail = "The status list is outside its validity period."


class StatusPurposeMismatch(StatusError):
    code = "status_purpose_mismatch"
    default_detail = "The status list does not serve the purpose the credential names."


class StatusIndexOutOfRange(StatusError):
    code = "status_index_out_of_range"
    default_detail = "The credential's status index lies outside the status list."
