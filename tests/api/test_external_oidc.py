"""Tokens from an external OpenID Connect provider, its JWKS served by a real HTTP server on loopback."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jwt as pyjwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from core.accounts import tokens as token_module
from core.settings import Settings
from tests.servers import directory_server, free_port

ISSUER = "https://idp.example.eu/realms/learners"
AUDIENCE = "passerelle-api"


def _rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _jwk(key: rsa.RSAPrivateKey, kid: str) -> dict[str, Any]:
    public = json.loads(pyjwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    return {**public, "kid": kid, "use": "sig", "alg": "RS256"}


def _pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _token(key: rsa.RSAPrivateKey, kid: str, **overrides: Any) -> str:
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": "kc-4711",
        "iat": now,
        "exp": now + 300,
        "azp": "wallet-app",
        "name": "Olena Kovalenko",
        "email": "olena@example.eu",
        "email_verified": True,
        **overrides,
    }
    return pyjwt.encode(claims, _pem(key), algorithm="RS256", headers={"kid": kid, "typ": "at+jwt"})


class JwksServer:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/jwks.json"

    def publish(self, *keys: dict[str, Any]) -> None:
        (self.directory / "jwks.json").write_text(json.dumps({"keys": list(keys)}))


@pytest.fixture
def jwks_server(tmp_path: Path) -> Iterator[JwksServer]:
    server = JwksServer(tmp_path)
    with directory_server(tmp_path, server.port):
        yield server


@pytest.fixture
def idp_key() -> rsa.RSAPrivateKey:
    return _rsa_key()


@pytest.fixture
def app_settings(settings: Settings, jwks_server: JwksServer, idp_key: rsa.RSAPrivateKey) -> Settings:
    jwks_server.publish(_jwk(idp_key, "idp-1"))
    return settings.model_copy(
        update={
            "oidc_issuer": ISSUER,
            "oidc_audience": AUDIENCE,
            "oidc_jwks_url": jwks_server.url,
            "oidc_algorithms": ["RS256"],
            "outbound_allowed_hosts": ["127.0.0.1"],
        }
    )


class TestExternalTokens:
    async def test_first_use_creates_a_learner_and_later_uses_find_it(
        self, client: httpx.AsyncClient, idp_key: rsa.RSAPrivateKey
    ) -> None:
        headers = {"Authorization": f"Bearer {_token(idp_key, 'idp-1')}"}
        first = await client.get("/v1/me", headers=headers)
        assert first.status_code == 200, first.text
        assert first.json()["role"] == "learner"
        assert first.json()["display_name"] == "Olena Kovalenko"
        again = await client.get("/v1/me", headers={"Authorization": f"Bearer {_token(idp_key, 'idp-1', jti='2')}"})
        assert again.json()["id"] == first.json()["id"]
        wallet = await client.get("/v1/wallet/credentials", headers=headers)
        assert wallet.status_code == 200

    async def test_key_not_in_the_providers_jwks(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/v1/me", headers={"Authorization": f"Bearer {_token(_rsa_key(), 'idp-1')}"})
        assert response.status_code == 401

    async def test_provider_key_rotation_is_picked_up(
        self,
        client: httpx.AsyncClient,
        jwks_server: JwksServer,
        idp_key: rsa.RSAPrivateKey,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.setattr(token_module, "JWKS_MIN_REFRESH_SECONDS", 0.0)
        assert (
            await client.get("/v1/me", headers={"Authorization": f"Bearer {_token(idp_key, 'idp-1')}"})
        ).status_code == 200
        new_key = _rsa_key()
        jwks_server.publish(_jwk(idp_key, "idp-1"), _jwk(new_key, "idp-2"))
        response = await client.get("/v1/me", headers={"Authorization": f"Bearer {_token(new_key, 'idp-2')}"})
        assert response.status_code == 200, response.text

    @pytest.mark.parametrize(
        "overrides", [{"aud": "someone-else"}, {"exp": int(time.time()) - 300}, {"iss": ISSUER + "/other"}]
    )
    async def test_bad_claims(
        self, client: httpx.AsyncClient, idp_key: rsa.RSAPrivateKey, overrides: dict[str, Any]
    ) -> None:
        response = await client.get(
            "/v1/me", headers={"Authorization": f"Bearer {_token(idp_key, 'idp-1', **overrides)}"}
        )
        assert response.status_code == 401

    async def test_hs256_signed_with_the_providers_public_key(
        self, client: httpx.AsyncClient, idp_key: rsa.RSAPrivateKey
    ) -> None:
        from tests.tokens import sign_hs256

        public_pem = idp_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        now = int(time.time())
        forged = sign_hs256(
            {"iss": ISSUER, "aud": AUDIENCE, "sub": str(uuid.uuid4()), "iat": now, "exp": now + 60},
            public_pem,
            {"kid": "idp-1", "typ": "at+jwt"},
        )
        response = await client.get("/v1/me", headers={"Authorization": f"Bearer {forged}"})
        assert response.status_code == 401


class TestOutboundGuard:
    @pytest.fixture
    def app_settings(self, settings: Settings, jwks_server: JwksServer, idp_key: rsa.RSAPrivateKey) -> Settings:
        jwks_server.publish(_jwk(idp_key, "idp-1"))
        # No allow-list: the JWKS URL points at loopback, which the SSRF guard refuses.
        return settings.model_copy(
            update={
                "oidc_issuer": ISSUER,
                "oidc_audience": AUDIENCE,
                "oidc_jwks_url": jwks_server.url,
                "oidc_algorithms": ["RS256"],
                "outbound_allowed_hosts": [],
            }
        )

    async def test_loopback_jwks_is_not_fetched(self, client: httpx.AsyncClient, idp_key: rsa.RSAPrivateKey) -> None:
        response = await client.get("/v1/me", headers={"Authorization": f"Bearer {_token(idp_key, 'idp-1')}"})
        assert response.status_code == 503
        assert response.json()["code"] == "service_unavailable"
