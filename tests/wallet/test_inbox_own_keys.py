"""Institutions that sign their credentials themselves: the issuer identifier and the URL of its key set enter the
trust registry at onboarding; pushed credentials are checked against the keys published there (served over real
loopback HTTP), including a key rotated in after onboarding, and verify with `issuer_trust` passed."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from joserfc.jwk import ECKey

from core.settings import Settings
from tests.factories import Account, Institution, onboard
from tests.servers import LOOPBACK, directory_server
from tests.wallet.test_inbox import ISSUER, signed_badge, signed_diploma

BATCH = "/v1/institutions/credentials:batch"


@pytest.fixture
def app_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"outbound_allowed_hosts": [LOOPBACK]})


@pytest.fixture
def key_host(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    with directory_server(tmp_path) as base:
        yield tmp_path / "jwks.json", f"{base}/jwks.json"


def publish(path: Path, *keys: ECKey) -> None:
    path.write_text(json.dumps({"keys": [key.as_dict(private=False) for key in keys]}))


async def onboard_signing(client: httpx.AsyncClient, admin: Account, jwks_uri: str) -> Institution:
    return await onboard(client, admin, "Universiteit Leiden", issuer_id=ISSUER, issuer_jwks_uri=jwks_uri)


async def push(client: httpx.AsyncClient, institution: Institution, learner: Account, *items: tuple[str, str]) -> Any:
    response = await client.post(
        BATCH,
        json={
            "items": [
                {"recipient": {"learner_id": learner.id}, "credential": document, "media_type": media_type}
                for document, media_type in items
            ]
        },
        headers=institution.headers(str(uuid.uuid4())),
    )
    assert response.status_code == 200, response.text
    return [(item["status"], (item["problem"] or {}).get("code")) for item in response.json()["items"]]


async def test_pushes_are_checked_against_the_published_keys(
    client: httpx.AsyncClient, admin: Account, learner: Account, key_host: tuple[Path, str]
) -> None:
    path, url = key_host
    first = ECKey.generate_key("P-256", parameters={"kid": "leiden-2026"})
    publish(path, first)
    leiden = await onboard_signing(client, admin, url)
    registry = (await client.get("/v1/admin/trust", headers=admin.headers)).json()
    assert any(entry["issuer_id"] == ISSUER and entry["jwks_uri"] == url for entry in registry)

    impostor = ECKey.generate_key("P-256", parameters={"kid": "leiden-2026"})
    outcomes = await push(
        client,
        leiden,
        learner,
        (signed_badge(first), "application/vc+jwt"),
        (signed_badge(impostor, name="Forged"), "application/vc+jwt"),
        (signed_diploma(first), "application/dc+sd-jwt"),
    )
    assert outcomes == [("delivered", None), ("rejected", "bad_signature"), ("delivered", None)]

    # The institution rotates: it publishes a new key; credentials signed with it are checked against it at once.
    second = ECKey.generate_key("P-256", parameters={"kid": "leiden-2027"})
    publish(path, first, second)
    rotated = signed_badge(second, name="Rotated")
    assert await push(client, leiden, learner, (rotated, "application/vc+jwt")) == [("delivered", None)]
    verified = await client.post("/v1/verify", content=rotated, headers={"Content-Type": "application/vc+jwt"})
    checks = {check["check"]: check for check in verified.json()["checks"]}
    assert checks["signature"]["outcome"] == "passed"
    assert checks["issuer_trust"]["outcome"] == "passed" and checks["issuer_trust"]["reason"] == "issuer_key_registered"

    unknown = signed_badge(ECKey.generate_key("P-256", parameters={"kid": "leiden-2099"}), name="Unknown key")
    verified = await client.post("/v1/verify", content=unknown, headers={"Content-Type": "application/vc+jwt"})
    signature = next(check for check in verified.json()["checks"] if check["check"] == "signature")
    assert signature["outcome"] != "passed"


async def test_issuer_and_key_set_come_together(client: httpx.AsyncClient, admin: Account) -> None:
    for body in ({"issuer_id": ISSUER}, {"issuer_jwks_uri": "https://leiden.example/jwks.json"}):
        response = await client.post(
            "/v1/admin/institutions", json={"name": "Universiteit Leiden", **body}, headers=admin.headers
        )
        assert response.status_code == 422, body
