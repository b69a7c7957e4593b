"""`private_key_jwt` client authentication (RFC 7523): institutions' systems with their own keys get tokens without a
shared secret; keys registered inline or at a URL served over real loopback HTTP."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import ECKey, OctKey, RSAKey

from core.settings import Settings
from tests.factories import Account
from tests.servers import LOOPBACK, directory_server

TOKEN = "/v1/auth/token"
AUDIENCE = "http://test/v1/auth/token"
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


@pytest.fixture
def app_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"outbound_allowed_hosts": [LOOPBACK]})


def key(kid: str) -> ECKey:
    return ECKey.generate_key("P-256", parameters={"kid": kid})


def public_set(*keys: ECKey) -> dict[str, Any]:
    return {"keys": [k.as_dict(private=False) for k in keys]}


def assertion(signer: Any, client_id: str, *, alg: str = "ES256", **changes: Any) -> str:
    now = int(time.time())
    claims = {"iss": client_id, "sub": client_id, "aud": AUDIENCE, "iat": now, "exp": now + 120}
    claims["jti"] = str(uuid.uuid4())
    claims.update(changes)
    claims = {name: value for name, value in claims.items() if value is not None}
    header = {"alg": alg, "typ": "JWT", "kid": signer.kid or "none"}
    return jwt.encode(header, claims, signer, algorithms=[alg])


async def onboard(client: httpx.AsyncClient, admin: Account, **keys: Any) -> dict[str, Any]:
    response = await client.post(
        "/v1/admin/institutions", json={"name": "Hochschule Kiel", "country": "DE", **keys}, headers=admin.headers
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def token(client: httpx.AsyncClient, client_assertion: str, **form: str) -> httpx.Response:
    data = {"grant_type": "client_credentials", "client_assertion_type": ASSERTION_TYPE}
    return await client.post(TOKEN, data={**data, "client_assertion": client_assertion, **form})


async def test_a_registered_key_gets_a_token_without_a_secret(client: httpx.AsyncClient, admin: Account) -> None:
    signer = key("kiel-1")
    created = await onboard(client, admin, client_jwks=public_set(signer))
    assert created["client_secret"] is None and created["auth_method"] == "private_key_jwt"
    response = await token(client, assertion(signer, created["client_id"]), client_id=created["client_id"])
    assert response.status_code == 200, response.text
    access = response.json()["access_token"]
    events = await client.get("/v1/institutions/events", headers={"Authorization": f"Bearer {access}"})
    assert events.status_code == 200


async def test_assertions_that_do_not_hold_are_refused(client: httpx.AsyncClient, admin: Account) -> None:
    signer = key("kiel-1")
    created = await onboard(client, admin, client_jwks=public_set(signer))
    client_id = created["client_id"]
    stranger = key("kiel-1")  # the same kid, another key
    now = int(time.time())
    refused = {
        "signed by another key": assertion(stranger, client_id),
        "unknown kid": assertion(key("kiel-9"), client_id),
        "wrong audience": assertion(signer, client_id, aud="https://elsewhere.example/token"),
        "wrong subject": assertion(signer, client_id, sub="someone-else"),
        "expired": assertion(signer, client_id, iat=now - 900, exp=now - 600),
        "lives too long": assertion(signer, client_id, exp=now + 3600),
        "no jti": assertion(signer, client_id, jti=None),
        "HS256 with the public key as secret": assertion(
            OctKey.import_key(json.dumps(signer.as_dict(private=False)).encode(), {"kid": "kiel-1"}),
            client_id,
            alg="HS256",
        ),
        "RS256": assertion(RSAKey.generate_key(2048, parameters={"kid": "kiel-1"}), client_id, alg="RS256"),
        "garbage": "not.a.jwt",
    }
    for case, presented in refused.items():
        response = await token(client, presented)
        assert response.status_code == 401, case
        assert response.json()["code"] == "invalid_client", case
    mismatched = await token(client, assertion(signer, client_id), client_id="inst_other")
    assert mismatched.status_code == 401
    secret = await client.post(
        TOKEN, data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": "x" * 43}
    )
    assert secret.status_code == 401


async def test_an_assertion_is_used_once(client: httpx.AsyncClient, admin: Account) -> None:
    signer = key("kiel-1")
    created = await onboard(client, admin, client_jwks=public_set(signer))
    presented = assertion(signer, created["client_id"])
    assert (await token(client, presented)).status_code == 200
    replay = await token(client, presented)
    assert replay.status_code == 401 and "already used" in replay.json()["detail"]


async def test_a_secret_client_cannot_use_an_assertion(client: httpx.AsyncClient, admin: Account) -> None:
    created = await onboard(client, admin)
    assert created["client_secret"] and created["auth_method"] == "client_secret"
    assert (await token(client, assertion(key("k"), created["client_id"]))).status_code == 401


async def test_private_keys_and_mixed_sources_are_refused_at_onboarding(
    client: httpx.AsyncClient, admin: Account
) -> None:
    signer = key("kiel-1")
    for body in (
        {"client_jwks": {"keys": [signer.as_dict(private=True)]}},
        {"client_jwks": {"keys": [{"kty": "EC", "crv": "P-256", "x": "a", "y": "b"}]}},
        {"client_jwks": public_set(signer), "client_jwks_uri": "https://kiel.example/jwks.json"},
    ):
        response = await client.post(
            "/v1/admin/institutions", json={"name": "Hochschule Kiel", **body}, headers=admin.headers
        )
        assert response.status_code == 422, body


@pytest.fixture
def published(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    with directory_server(tmp_path) as base:
        yield tmp_path, base


async def test_keys_published_at_a_url_and_rotated(
    client: httpx.AsyncClient, admin: Account, published: tuple[Path, str]
) -> None:
    directory, base = published
    first = key("kiel-2026")
    (directory / "jwks.json").write_text(json.dumps(public_set(first)))
    created = await onboard(client, admin, client_jwks_uri=f"{base}/jwks.json")
    assert (await token(client, assertion(first, created["client_id"]))).status_code == 200
    # The client rotates: the new key is published; the cached set does not have it, so it is fetched again.
    second = key("kiel-2027")
    (directory / "jwks.json").write_text(json.dumps(public_set(first, second)))
    assert (await token(client, assertion(second, created["client_id"]))).status_code == 200
    (directory / "jwks.json").unlink()
    unreachable = await token(client, assertion(key("kiel-2028"), created["client_id"]))
    assert unreachable.status_code == 401
