"""Which verification methods a Data Integrity proof may name here (VC Data Integrity §2.1: "a string that maps to a
URL"), decided from the string alone, before any key is looked for.

A method is one this service resolves: a `did:key` or `did:web` DID URL, an `https` URL (a controller document or a
key to fetch), or any URL whose fragment is the Ed25519 key itself (`<issuer>#z6Mk…`, the form 1EdTech's samples
use). Anything else — another scheme, another DID method, a fragment written as a base58btc key that is not one —
names no key anyone can find, so the proof cannot be checked: `format` and `signature` both fail with
`invalid_verification_method`. Used by the structure check (`vcdm.py`) and the proof check (`dataintegrity.py`).
"""

from __future__ import annotations

import functools
import re

from core.errors import InvalidInput
from wallet.verification import keys

RESOLVED_DID_METHODS = frozenset({"key", "web"})
MAX_MULTIBASE_LENGTH = 128
"""Longer than any Ed25519 key or signature in base58btc; base58 decoding is quadratic in the length."""
_KEY_SHAPED = re.compile(r"z6Mk.*|z.{39,127}", re.DOTALL)
"""A fragment read as key material, not as a name: what starts like an Ed25519 Multikey in base58btc (`z6Mk`, 48
characters in all), or any `z…` fragment as long as a multibase key. Whether it decodes is checked next."""


def multikey_problem(multibase: str) -> str | None:
    """Why `multibase` is not an Ed25519 Multikey (`publicKeyMultibase`, multicodec 0xed01, base58btc), or None."""
    if len(multibase) > MAX_MULTIBASE_LENGTH:
        return "The key is too long to be an Ed25519 key."
    try:
        jwk = keys.did_key_jwk(multibase)
    except (InvalidInput, ValueError):
        return f"{multibase} is not a base58btc-encoded Ed25519 or P-256 public key."
    if jwk.get("crv") != "Ed25519":
        return f"{multibase} is not an Ed25519 key."
    return None


def key_shaped_fragment(method: str) -> str | None:
    """The fragment of `method` when it is written as a base58btc key (`#z6Mk…`), else None."""
    fragment = method.split("#", 1)[1] if "#" in method else ""
    return fragment if _KEY_SHAPED.fullmatch(fragment) else None


@functools.lru_cache(maxsize=1024)
def problem(method: str) -> str | None:
    """Why a proof's `verificationMethod` names no key this service could resolve, or None."""
    scheme, _, rest = method.partition(":")
    scheme = scheme.lower()
    if scheme == "did":
        # A did:key whose key does not decode is a broken key, not a broken method: the signature check says so.
        did_method = rest.split(":", 1)[0]
        if did_method not in RESOLVED_DID_METHODS:
            return f"The verification method uses the DID method {did_method!r}, which this service does not resolve."
        if not rest.removeprefix(did_method).removeprefix(":").split("#", 1)[0]:
            return "The verification method is a DID with no method-specific identifier."
        return None
    fragment = key_shaped_fragment(method)
    if fragment is not None and multikey_problem(fragment) is not None:
        return f"The verification method's fragment is written as a key but is not an Ed25519 key: {fragment}."
    if scheme == "https" or fragment is not None:
        return None
    return f"The verification method uses the URL scheme {scheme!r}, from which no key can be resolved."
