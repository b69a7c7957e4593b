"""Wallet errors.

CredentialNotFound (NotFound)        no such credential in *this learner's* wallet
DuplicateCredential (Conflict)       the same bytes are already in the wallet; `existing_id` names them
UnrecognisedCredential (InvalidInput, in wallet.formats)   not a format we read
"""

from __future__ import annotations

import uuid

from core.errors import Conflict, NotFound


class CredentialNotFound(NotFound):
    code = "credential_not_found"
    default_detail = "There is no such credential in your wallet."


class DuplicateCredential(Conflict):
    code = "duplicate_credential"
    default_detail = "This credential is already in your wallet."

    def __init__(self, existing_id: uuid.UUID) -> None:
        super().__init__(existing_id=str(existing_id))
