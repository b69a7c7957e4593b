"""Sharing errors.

ShareNotFound (NotFound)             no such share for this learner, or an unknown / malformed link token
ShareUnavailable (Gone)              the link expired, was revoked or has used up its views: nothing is released
RecipientOnly (PermissionDenied)     the link is bound to a recipient and the viewer has not shown to be them
CodeRejected (PermissionDenied)      a wrong, expired or used-up one-time code
InvalidShare (InvalidInput)          a share request that breaks a rule (unknown field, foreign credential, …)
"""

from __future__ import annotations

from core.errors import Gone, InvalidInput, NotFound, PermissionDenied


class ShareNotFound(NotFound):
    code = "share_not_found"
    default_detail = "There is no such share."


class ShareUnavailable(Gone):
    code = "share_unavailable"
    default_detail = "This link is no longer active."


class RecipientOnly(PermissionDenied):
    code = "recipient_only"
    default_detail = "This link was shared with a named recipient only."


class CodeRejected(PermissionDenied):
    code = "code_rejected"
    default_detail = "The code is wrong or has expired; ask for a new one."


class InvalidShare(InvalidInput):
    code = "invalid_share"
