"""The service's signing keys: ES256 keys on disk (mode 0600), a keyring file, rotation.

Layout of `data_dir/keys/`:

    keyring.json      {"active": kid, "keys": [{"kid", "created_at", "retired_at"}]}
    <kid>.pem         PKCS#8 private key of each key still published

The active key signs; retired keys stay in the JWKS until every token they signed has expired, then the next
rotation removes them. Running processes reload the keyring when `keyring.json` changes, so `passerelle keys
rotate` needs no restart.
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from core.clock import utcnow
from core.jose import Key, construct_key

ALGORITHM = "ES256"
KEYRING_FILE = "keyring.json"
RELOAD_INTERVAL_SECONDS = 1.0


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def public_jwk(private_key: ec.EllipticCurvePrivateKey) -> dict[str, str]:
    numbers = private_key.public_key().public_numbers()
    return {
        "kty": "EC",
        "crv": "P-256",
        "x": _b64url(numbers.x.to_bytes(32, "big")),
        "y": _b64url(numbers.y.to_bytes(32, "big")),
    }


def jwk_thumbprint(public: dict[str, str]) -> str:
    """RFC 7638 thumbprint: SHA-256 over the required members in lexicographic order, no whitespace."""
    required = {name: public[name] for name in ("crv", "kty", "x", "y")}
    canonical = json.dumps(required, separators=(",", ":"), sort_keys=True).encode("ascii")
    return _b64url(hashlib.sha256(canonical).digest())


@dataclass(frozen=True)
class SigningKey:
    kid: str
    created_at: datetime
    retired_at: datetime | None
    private: Key
    public: Key
    jwk: dict[str, str]

    @property
    def published_jwk(self) -> dict[str, str]:
        return {**self.jwk, "kid": self.kid, "use": "sig", "alg": ALGORITHM}


def _write_private(path: Path, pem: bytes) -> None:
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    os.replace(tmp, path)


def _load_key(directory: Path, entry: dict[str, Any]) -> SigningKey:
    pem = (directory / f"{entry['kid']}.pem").read_bytes()
    private_key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(private_key, ec.EllipticCurvePrivateKey) or private_key.curve.name != "secp256r1":
        raise ValueError(f"key {entry['kid']} is not a P-256 key")
    public_pem = private_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    retired = entry.get("retired_at")
    return SigningKey(
        kid=entry["kid"],
        created_at=datetime.fromisoformat(entry["created_at"]),
        retired_at=datetime.fromisoformat(retired) if retired else None,
        private=construct_key(pem.decode("ascii"), ALGORITHM),
        public=construct_key(public_pem.decode("ascii"), ALGORITHM),
        jwk=public_jwk(private_key),
    )


class KeyRing:
    """The service's ES256 keys, loaded from `directory` and reloaded when the keyring file changes."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._keys: dict[str, SigningKey] = {}
        self._active: str = ""
        self._mtime_ns = -1
        self._checked_at = 0.0

    # -- loading -------------------------------------------------------------------------------------------
    @classmethod
    def open(cls, directory: Path) -> KeyRing:
        """Open the keyring, generating the first key when there is none."""
        ring = cls(directory)
        with ring._locked():
            if not (directory / KEYRING_FILE).exists():
                ring._write_keyring({"active": "", "keys": []}, add_new=True)
        ring.reload()
        return ring

    def reload(self) -> None:
        path = self.directory / KEYRING_FILE
        mtime = path.stat().st_mtime_ns
        document = json.loads(path.read_text("utf-8"))
        keys = {entry["kid"]: _load_key(self.directory, entry) for entry in document["keys"]}
        if document["active"] not in keys:
            raise ValueError("keyring names an active key that is missing")
        self._keys, self._active, self._mtime_ns = keys, document["active"], mtime
        self._checked_at = time.monotonic()

    def refresh_if_changed(self) -> None:
        now = time.monotonic()
        if now - self._checked_at < RELOAD_INTERVAL_SECONDS:
            return
        self._checked_at = now
        try:
            changed = (self.directory / KEYRING_FILE).stat().st_mtime_ns != self._mtime_ns
        except FileNotFoundError:
            return
        if changed:
            self.reload()

    # -- use -----------------------------------------------------------------------------------------------
    @property
    def active(self) -> SigningKey:
        self.refresh_if_changed()
        return self._keys[self._active]

    def verification_key(self, kid: str) -> Key | None:
        self.refresh_if_changed()
        key = self._keys.get(kid)
        if key is None:
            # Another instance may already sign with a key rotated in less than a second ago: look again now.
            self._checked_at = 0.0
            self.refresh_if_changed()
            key = self._keys.get(kid)
        return key.public if key else None

    def jwks(self) -> dict[str, list[dict[str, str]]]:
        self.refresh_if_changed()
        return {"keys": [key.published_jwk for key in self._keys.values()]}

    # -- rotation ------------------------------------------------------------------------------------------
    def rotate(self, *, keep_retired_for: timedelta) -> SigningKey:
        """Make a new key active; retire the old one; drop keys retired longer than `keep_retired_for` ago."""
        with self._locked():
            document = json.loads((self.directory / KEYRING_FILE).read_text("utf-8"))
            now = utcnow()
            kept: list[dict[str, Any]] = []
            for entry in document["keys"]:
                if entry["kid"] == document["active"]:
                    entry["retired_at"] = now.isoformat()
                retired = entry.get("retired_at")
                if retired and datetime.fromisoformat(retired) + keep_retired_for < now:
                    (self.directory / f"{entry['kid']}.pem").unlink(missing_ok=True)
                    continue
                kept.append(entry)
            document["keys"] = kept
            self._write_keyring(document, add_new=True)
        self.reload()
        return self.active

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(self.directory, 0o700)
        fd = os.open(self.directory / ".lock", os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def _write_keyring(self, document: dict[str, Any], *, add_new: bool) -> None:
        if add_new:
            private_key = ec.generate_private_key(ec.SECP256R1())
            kid = jwk_thumbprint(public_jwk(private_key))
            pem = private_key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
            _write_private(self.directory / f"{kid}.pem", pem)
            document["keys"].append({"kid": kid, "created_at": utcnow().isoformat(), "retired_at": None})
            document["active"] = kid
        path = self.directory / KEYRING_FILE
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(document, handle, indent=2)
        os.replace(tmp, path)
