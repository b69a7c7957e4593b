"""Self-recorded learning errors.

LearningEntryNotFound (NotFound)          no such entry for *this learner* (others' entries too)
EvidenceNotFound (NotFound)               no such evidence file on this learner's entry
EndorsementRequestNotFound (NotFound)     no such endorsement request on this learner's entry
EvidenceTooLarge (ContentTooLarge)        an evidence file over `learning_evidence_max_bytes` (→ 413)
EvidenceTypeRefused (UnsupportedMediaType)   not a PDF, PNG or JPEG, by declaration or by content (→ 415)
EvidenceMalformed (InvalidInput)          the content is not a well-formed file of its type, or not the declared type
TooMuchEvidence (Conflict)                the entry already carries `learning_evidence_per_entry` files
EndorsementRequestClosed (Conflict)       the request was already used: it cannot be withdrawn
EndorsementLinkNotFound (NotFound)        an unknown or malformed endorsement link token
EndorsementLinkUnavailable (Gone)         the link was used, withdrawn or has expired (`code` says which)
EntryChanged (Conflict)                   the learner edited the entry after the endorser opened the link
"""

from __future__ import annotations

from datetime import datetime

from core.errors import Conflict, ContentTooLarge, Gone, InvalidInput, NotFound, UnsupportedMediaType
from core.i18n import N_


class LearningEntryNotFound(NotFound):
    code = "learning_entry_not_found"
    default_detail = "There is no such learning entry in your wallet."


class EvidenceNotFound(NotFound):
    code = "evidence_not_found"
    default_detail = "There is no such evidence file."


class EndorsementRequestNotFound(NotFound):
    code = "endorsement_request_not_found"
    default_detail = "There is no such endorsement request."


class EvidenceTooLarge(ContentTooLarge):
    code = "evidence_too_large"


class EvidenceTypeRefused(UnsupportedMediaType):
    code = "evidence_type_refused"
    default_detail = "Evidence files are PDF, PNG or JPEG."


class EvidenceMalformed(InvalidInput):
    code = "evidence_malformed"
    default_detail = "The file is not a well-formed PDF, PNG or JPEG."


class TooMuchEvidence(Conflict):
    code = "too_much_evidence"
    default_detail = "This entry carries as many evidence files as it may; delete one first."


class EndorsementRequestClosed(Conflict):
    code = "endorsement_request_closed"
    default_detail = "The endorser has already confirmed through this link; it can no longer be withdrawn."


class EndorsementLinkNotFound(NotFound):
    code = "endorsement_link_not_found"
    default_detail = N_("There is no such endorsement link. Check that you copied all of it.")


class EndorsementLinkUnavailable(Gone):
    code = "endorsement_link_unavailable"
    default_detail = N_("This endorsement link is no longer active.")

    def __init__(
        self, detail: str | None = None, *, code: str | None = None, expired_on: datetime | None = None
    ) -> None:
        super().__init__(detail, code=code)
        self.expired_on = expired_on
        """When an expired link expired: the endorsement page writes the date in the endorser's language."""


class EntryChanged(Conflict):
    code = "entry_changed"
    default_detail = N_(
        "The learner changed this entry after you opened the link; read it again and confirm what you see."
    )
