"""Signing keys on disk and their rotation."""

from __future__ import annotations

import stat
from datetime import timedelta
from pathlib import Path

import httpx
import jwt as pyjwt
import pytest

from core import keys as keys_module
from core.keys import KeyRing
from core.settings import Settings
from tests.factories import create_account


def jwt_kid(token: str) -> str:
    kid: str = pyjwt.get_unverified_header(token)["kid"]
    return kid


@pytest.fixture
def app_settings(settings: Settings, tmp_path: Path) -> Settings:
    return settings.model_copy(update={"data_dir": tmp_path})


class TestKeyFiles:
    def test_first_open_generates_a_private_key_readable_only_by_the_owner(self, tmp_path: Path) -> None:
        ring = KeyRing.open(tmp_path / "keys")
        files = list((tmp_path / "keys").iterdir())
        assert {f.name for f in files} >= {"keyring.json", f"{ring.active.kid}.pem"}
        for file in files:
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
        assert stat.S_IMODE((tmp_path / "keys").stat().st_mode) == 0o700

    def test_reopening_keeps_the_same_key(self, tmp_path: Path) -> None:
        assert KeyRing.open(tmp_path).active.kid == KeyRing.open(tmp_path).active.kid


class TestRotation:
    async def test_old_tokens_verify_until_their_key_is_dropped(
        self, client: httpx.AsyncClient, app_settings: Settings, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(keys_module, "RELOAD_INTERVAL_SECONDS", 0.0)
        account = await create_account(client, email="rotate@example.org")
        state = client.app.state.passerelle  # type: ignore[attr-defined]
        old_kid = state.keyring.active.kid

        # What `passerelle keys rotate` does, from another process's keyring object.
        operator = KeyRing.open(app_settings.keys_dir)
        operator.rotate(keep_retired_for=timedelta(minutes=16))
        state.tokens.cache.clear()

        jwks = (await client.get("/.well-known/jwks.json")).json()
        assert {k["kid"] for k in jwks["keys"]} == {old_kid, operator.active.kid}
        assert (await client.get("/v1/me", headers=account.headers)).status_code == 200

        fresh = await create_account(client, email="fresh@example.org")
        assert jwt_kid(fresh.access_token) == operator.active.kid

        # Once the retired key is older than the grace period, the next rotation drops it.
        operator.rotate(keep_retired_for=timedelta(seconds=-1))
        state.tokens.cache.clear()
        jwks = (await client.get("/.well-known/jwks.json")).json()
        assert old_kid not in {k["kid"] for k in jwks["keys"]}
        rejected = await client.get("/v1/me", headers=account.headers)
        assert rejected.status_code == 401
