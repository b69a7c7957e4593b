"""Building tokens the way an attacker (or another library) would: independent of core/jose.py."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from pathlib import Path
from typing import Any

import jwt as pyjwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def segment(value: dict[str, Any]) -> str:
    return b64url(json.dumps(value, separators=(",", ":")).encode())


def access_claims(subject: str, **overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": "http://test",
        "aud": "passerelle",
        "sub": subject,
        "iat": now,
        "nbf": now,
        "exp": now + 300,
        "jti": str(uuid.uuid4()),
        "client_id": "passerelle",
        "roles": ["learner"],
    }
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def service_private_key(data_dir: Path) -> tuple[str, bytes]:
    """The service's active key id and its PEM, read from the keys directory as an operator could."""
    ring = json.loads((data_dir / "keys" / "keyring.json").read_text())
    kid = ring["active"]
    return kid, (data_dir / "keys" / f"{kid}.pem").read_bytes()


def public_key_bytes(private_pem: bytes, encoding: serialization.Encoding) -> bytes:
    key = serialization.load_pem_private_key(private_pem, password=None)
    return key.public_key().public_bytes(encoding, serialization.PublicFormat.SubjectPublicKeyInfo)


def sign_es256(claims: dict[str, Any], private_pem: bytes, headers: dict[str, Any]) -> str:
    return pyjwt.encode(claims, private_pem, algorithm="ES256", headers=headers)


def sign_hs256(claims: dict[str, Any], secret: bytes, headers: dict[str, Any]) -> str:
    signing_input = f"{segment({'alg': 'HS256', **headers})}.{segment(claims)}"
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(signature)}"


def unsigned(claims: dict[str, Any], headers: dict[str, Any]) -> str:
    return f"{segment({'alg': 'none', **headers})}.{segment(claims)}."


def new_ec_key() -> bytes:
    return ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
