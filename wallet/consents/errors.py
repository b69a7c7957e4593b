"""Consent errors.

ConsentNotFound (NotFound)          no such consent in this learner's records (another learner's too)
ConsentNotWithdrawable (Conflict)   an acceptance is done once: delete the credential instead
FeedConsentWithdrawn (Conflict)     the learner withdrew the institution's feed consent (a push is refused)
"""

from __future__ import annotations

from core.errors import Conflict, NotFound


class ConsentNotFound(NotFound):
    code = "consent_not_found"
    default_detail = "There is no such consent in your records."


class ConsentNotWithdrawable(Conflict):
    code = "consent_not_withdrawable"
    default_detail = (
        "Accepting a credential is done once and cannot be withdrawn: delete the credential to remove it, or "
        "withdraw the institution's feed consent to stop it pushing more."
    )


class FeedConsentWithdrawn(Conflict):
    code = "learner_withdrew_consent"
    default_detail = "The learner withdrew their consent to receive credentials from this institution."
