"""The encrypted container of a wallet export: Argon2id (RFC 9106) derives a key from the passphrase, AES-256-GCM
(NIST SP 800-38D) encrypts the ZIP.

Layout (integers big-endian), 47 header bytes then the ciphertext:

    offset  size  field
    0       8     magic  b"PSLWALLT"
    8       1     container version (1)
    9       1     KDF (1 = Argon2id, version 0x13)
    10      4     Argon2 time cost (iterations)
    14      4     Argon2 memory cost, KiB
    18      1     Argon2 parallelism (lanes)
    19      16    salt (random)
    35      12    GCM nonce (random)
    47      …     ciphertext of the ZIP followed by the 16-byte GCM tag

The whole header is the GCM associated data: changing a parameter, the salt or the nonce fails the tag, as does
changing one ciphertext byte. Defaults: RFC 9106 §4's second recommended option (t=3, m=64 MiB, p=4), 32-byte key.
On decryption the parameters are bounded (`MAX_*`) so a crafted header cannot make the server spend gigabytes.
"""

from __future__ import annotations

import secrets
import struct
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from wallet.export.errors import ArchiveInvalid, PassphraseWrong

MAGIC = b"PSLWALLT"
VERSION = 1
KDF_ARGON2ID = 1
_HEADER = struct.Struct(">8sBBIIB16s12s")
HEADER_SIZE = _HEADER.size  # 47
KEY_BYTES = 32


@dataclass(frozen=True)
class KdfParameters:
    time_cost: int = 3
    memory_cost_kib: int = 64 * 1024
    parallelism: int = 4


DEFAULT_PARAMETERS = KdfParameters()
MAX_TIME_COST = 10
MAX_MEMORY_KIB = 256 * 1024
MAX_PARALLELISM = 8


def is_encrypted(data: bytes) -> bool:
    return data[: len(MAGIC)] == MAGIC


def _key(passphrase: str, salt: bytes, parameters: KdfParameters) -> bytes:
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=parameters.time_cost,
        memory_cost=parameters.memory_cost_kib,
        parallelism=parameters.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def encrypt(plaintext: bytes, passphrase: str, parameters: KdfParameters = DEFAULT_PARAMETERS) -> bytes:
    """CPU-bound (Argon2): call it in a worker thread."""
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    header = _HEADER.pack(
        MAGIC,
        VERSION,
        KDF_ARGON2ID,
        parameters.time_cost,
        parameters.memory_cost_kib,
        parameters.parallelism,
        salt,
        nonce,
    )
    return header + AESGCM(_key(passphrase, salt, parameters)).encrypt(nonce, plaintext, header)


def decrypt(data: bytes, passphrase: str) -> bytes:
    """The ZIP inside; `PassphraseWrong` when the tag does not verify. CPU-bound: call it in a worker thread."""
    if len(data) < HEADER_SIZE + 16:
        raise ArchiveInvalid("The encrypted export is truncated.")
    magic, version, kdf, time_cost, memory_kib, parallelism, salt, nonce = _HEADER.unpack_from(data)
    if magic != MAGIC or version != VERSION or kdf != KDF_ARGON2ID:
        raise ArchiveInvalid("This encrypted export has a container version this service cannot read.")
    if not (1 <= time_cost <= MAX_TIME_COST and 1 <= parallelism <= MAX_PARALLELISM):
        raise ArchiveInvalid("The export's key-derivation parameters are out of range.")
    if not (8 * parallelism <= memory_kib <= MAX_MEMORY_KIB):
        raise ArchiveInvalid("The export's key-derivation parameters are out of range.")
    header = data[:HEADER_SIZE]
    key = _key(passphrase, salt, KdfParameters(time_cost, memory_kib, parallelism))
    try:
        return AESGCM(key).decrypt(nonce, data[HEADER_SIZE:], header)
    except InvalidTag:
        raise PassphraseWrong() from None
