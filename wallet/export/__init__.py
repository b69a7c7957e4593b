"""Whole-wallet export and import (GDPR Art. 20): a ZIP with a manifest of SHA-256 hashes, optionally encrypted.

`archive` writes and reads the ZIP (with zip-bomb and path-traversal limits), `container` the passphrase
encryption, `service` gathers a wallet and restores one. The format is described in docs/data-lifecycle.md.
"""
