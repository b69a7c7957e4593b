"""Domain errors shared by every package.

Hierarchy (each maps to one HTTP status and problem type in `api/errors.py`):

    DomainError                     base; `code` is a stable machine-readable string
    ├── BadRequest                  a request the service cannot read as meant (a required header missing)
    ├── NotFound                    the object does not exist *for this principal* (others' objects too)
    ├── Conflict                    the request clashes with existing state (duplicate import, …)
    ├── Gone                        it existed and is no longer available (an expired or revoked share link)
    ├── PreconditionFailed          a stale `If-Match` validator
    ├── PreconditionRequired        a write that needs `If-Match` came without it
    ├── InvalidInput                payload that parsed but breaks a rule (→ 422)
    ├── UnsupportedMediaType        a body whose type we cannot take
    ├── ContentTooLarge             a body or file larger than the limit for it (→ 413)
    ├── AuthenticationFailed        missing, malformed, expired or untrusted credentials (→ 401)
    │   └── InvalidGrant            OAuth2 `invalid_grant` at the token endpoint (→ 400)
    ├── PermissionDenied            authenticated but the role does not allow the operation (→ 403)
    ├── TooManyRequests             a rate limit was reached; `retry_after` seconds (→ 429)
    └── ServiceUnavailable          a dependency (database, JWKS) cannot be reached (→ 503)

Domain code raises these and never builds HTTP responses.
"""

from __future__ import annotations

from typing import Any

from core.i18n import N_


class DomainError(Exception):
    code: str = "error"
    default_detail: str = "The request could not be completed."

    keeps_changes: bool = False
    """When true the request transaction is committed before the error is answered (e.g. revoking a refresh-token
    family on reuse must stick although the request fails)."""

    def __init__(
        self, detail: str | None = None, *, code: str | None = None, keeps_changes: bool = False, **extra: Any
    ) -> None:
        self.detail = detail or self.default_detail
        self.keeps_changes = keeps_changes
        if code is not None:
            self.code = code
        self.extra = extra
        super().__init__(self.detail)


class BadRequest(DomainError):
    code = "bad_request"
    default_detail = "The request cannot be processed as sent."


class NotFound(DomainError):
    code = "not_found"
    default_detail = "The resource does not exist."


class Conflict(DomainError):
    code = "conflict"
    default_detail = "The request conflicts with the current state of the resource."


class Gone(DomainError):
    code = "gone"
    default_detail = "The resource existed but is no longer available."


class PreconditionFailed(DomainError):
    code = "precondition_failed"
    default_detail = "The resource has changed since you read it; fetch it again and retry."


class PreconditionRequired(DomainError):
    code = "precondition_required"
    default_detail = "This update needs an If-Match header with the resource's ETag."


class InvalidInput(DomainError):
    code = "invalid_input"
    default_detail = "The request content is not valid."


class UnsupportedMediaType(DomainError):
    code = "unsupported_media_type"
    default_detail = "The request body's media type is not supported here."


class ContentTooLarge(DomainError):
    code = "content_too_large"
    default_detail = "The content is larger than this service accepts here."


class AuthenticationFailed(DomainError):
    code = "authentication_failed"
    default_detail = "Authentication is required and has failed or has not been provided."


class InvalidGrant(AuthenticationFailed):
    code = "invalid_grant"
    default_detail = "The credentials or the grant are invalid, expired or revoked."


class PermissionDenied(DomainError):
    code = "permission_denied"
    default_detail = "Your role does not allow this operation."


class TooManyRequests(DomainError):
    code = "too_many_requests"
    default_detail = N_("Too many requests; wait before trying again.")


class ServiceUnavailable(DomainError):
    code = "service_unavailable"
    default_detail = "A dependency of the service is unavailable; retry later."
