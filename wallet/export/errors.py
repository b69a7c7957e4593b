"""Export and import errors.

InvalidInput (422)
├── ArchiveInvalid          not a wallet export this service can read (bad ZIP, bad JSON, unknown version)
├── ArchiveUnsafe           an entry name with `..`, an absolute path or a backslash; duplicate entries
├── ArchiveTampered         a file missing, extra, or not matching the manifest's SHA-256 or counts
├── PassphraseRequired      the archive is encrypted and no passphrase came with it
└── PassphraseWrong         the passphrase does not open it (or the ciphertext was changed)
ContentTooLarge (413)
└── ArchiveTooLarge         more entries or more uncompressed bytes than the import takes
Conflict (409)
└── WalletNotEmpty          imports go into an empty wallet only
"""

from __future__ import annotations

from core.errors import Conflict, ContentTooLarge, InvalidInput


class ArchiveInvalid(InvalidInput):
    code = "archive_invalid"
    default_detail = "This is not a Passerelle wallet export this service can read."


class ArchiveUnsafe(InvalidInput):
    code = "archive_unsafe"
    default_detail = "The archive has an entry name that is not a plain relative path."


class ArchiveTampered(InvalidInput):
    code = "archive_tampered"
    default_detail = "The archive does not match its manifest; nothing was imported."


class PassphraseRequired(InvalidInput):
    code = "passphrase_required"
    default_detail = "This export is encrypted: send its passphrase."


class PassphraseWrong(InvalidInput):
    code = "passphrase_wrong"
    default_detail = "The passphrase does not open this export, or the file was changed."


class ArchiveTooLarge(ContentTooLarge):
    code = "archive_too_large"
    default_detail = "The archive unpacks to more than this service imports."


class WalletNotEmpty(Conflict):
    code = "wallet_not_empty"
    default_detail = "An export can only be imported into an empty wallet."
