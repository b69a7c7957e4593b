"""Standard Webhooks signatures, symmetric scheme `v1` (HMAC-SHA256); pure functions, no I/O.

The signed content is `{webhook-id}.{webhook-timestamp}.{body}` with the body's exact bytes; the key is the
secret's bytes (the base64 after `whsec_`); a signature is `v1,<base64 HMAC>`, and the `webhook-signature` header
lists one per secret, space-separated, so a rotated secret keeps verifying while receivers move to the new one
(Standard Webhooks 1.0.0, "Signature scheme" and "Webhook headers"). `verify` is what a receiver does: it refuses a
timestamp more than five minutes away from now ("Verifying signatures") and compares in constant time.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping, Sequence

SECRET_PREFIX = "whsec_"  # noqa: S105 - the Standard Webhooks prefix, not a secret
SECRET_BYTES = 32
"""Standard Webhooks asks for 24 to 64 random bytes; we issue 32 (256 bits)."""
TOLERANCE_SECONDS = 5 * 60
VERSION = "v1"

_MESSAGE_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
_TIMESTAMP = re.compile(r"^[0-9]{1,12}$")


def new_secret() -> str:
    """A fresh `whsec_` secret: 32 bytes from the OS CSPRNG, base64."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii")


def secret_key(secret: str) -> bytes:
    """The HMAC key behind a `whsec_` secret; ValueError for anything that is not one."""
    if not secret.startswith(SECRET_PREFIX):
        raise ValueError("a webhook secret starts with whsec_")
    try:
        key = base64.b64decode(secret.removeprefix(SECRET_PREFIX), validate=True)
    except binascii.Error as exc:
        raise ValueError("a webhook secret is base64 after whsec_") from exc
    if not 24 <= len(key) <= 64:
        raise ValueError("a webhook secret holds 24 to 64 bytes")
    return key


def _mac(key: bytes, message_id: str, timestamp: int, body: bytes) -> bytes:
    return hmac.new(key, f"{message_id}.{timestamp}.".encode("ascii") + body, hashlib.sha256).digest()


def sign(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    """One `v1,<base64>` signature of the body, its id and its timestamp (unix seconds)."""
    # The id and timestamp must not hold a full stop, or the signed content could be split another way (spec,
    # "Signature scheme").
    if not _MESSAGE_ID.match(message_id):
        raise ValueError("a webhook id is 1 to 128 characters of A-Z a-z 0-9 _ -")
    if timestamp < 0:
        raise ValueError("a webhook timestamp is unix seconds")
    mac = _mac(secret_key(secret), message_id, timestamp, body)
    return f"{VERSION},{base64.b64encode(mac).decode('ascii')}"


def signature_header(signing_secrets: Sequence[str], message_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` value: one signature per secret, space-separated."""
    return " ".join(sign(secret, message_id, timestamp, body) for secret in signing_secrets)


def headers(signing_secrets: Sequence[str], message_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    """The three Standard Webhooks headers for one attempt."""
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature_header(signing_secrets, message_id, timestamp, body),
    }


def verify(
    secret: str, received: Mapping[str, str], body: bytes, *, now: int, tolerance: int = TOLERANCE_SECONDS
) -> bool:
    """Whether a request carries a valid `v1` signature by `secret` of these exact bytes, made within `tolerance`
    seconds of `now`. Header names are matched case-insensitively."""
    lowered = {name.lower(): value for name, value in received.items()}
    message_id = lowered.get("webhook-id", "")
    timestamp = lowered.get("webhook-timestamp", "")
    signatures = lowered.get("webhook-signature", "")
    if not (_MESSAGE_ID.match(message_id) and _TIMESTAMP.match(timestamp) and signatures):
        return False
    if abs(now - int(timestamp)) > tolerance:
        return False
    expected = _mac(secret_key(secret), message_id, int(timestamp), body)
    matched = False
    for entry in signatures.split(" "):
        version, _, encoded = entry.partition(",")
        if version != VERSION:
            continue
        try:
            candidate = base64.b64decode(encoded, validate=True)
        except binascii.Error:
            continue
        # Canonical base64 only: a lenient decoder would accept other spellings of the same bytes.
        if base64.b64encode(candidate).decode("ascii") != encoded:
            continue
        matched |= hmac.compare_digest(candidate, expected)
    return matched
