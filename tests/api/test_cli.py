"""The command line and the served API as separate processes: migrate, create users, rotate keys, serve, verify."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from jose import jws as jose_jws

from core.keys import KeyRing
from tests.factories import DATA, PASSWORD
from tests.servers import free_port

BIN = Path(sys.executable).parent


def _run(args: list[str], env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "passerelle"), *args], env=env, input=stdin, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PASSERELLE_")}
    env.update(
        PASSERELLE_DATA_DIR=str(tmp_path / "var"),
        PASSERELLE_PORT=str(free_port()),
        PASSERELLE_PUBLIC_URL="http://127.0.0.1",
    )
    return env


@pytest.fixture
def server(environment: dict[str, str], tmp_path: Path) -> Iterator[str]:
    assert _run(["migrate"], environment).returncode == 0
    body = _run(["body", "create", "--name", "ENIC-NARIC France", "--country", "fr"], environment)
    assert body.returncode == 0, body.stderr
    created = _run(
        [
            "user",
            "create",
            "--email",
            "officer@enic-naric.example",
            "--role",
            "officer",
            "--body",
            body.stdout.strip().splitlines()[-1],
            "--password-stdin",
        ],
        environment,
        stdin=PASSWORD + "\n",
    )
    assert created.returncode == 0, created.stderr
    with _serving(environment, tmp_path) as base:
        yield base


@contextlib.contextmanager
def _serving(environment: dict[str, str], tmp_path: Path) -> Iterator[str]:
    """`passerelle serve` on the environment's port until the block ends; its base URL once it is ready."""
    log = (tmp_path / "server.log").open("w")
    process = subprocess.Popen(
        [str(BIN / "passerelle"), "serve"], env=environment, stdout=log, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{environment['PASSERELLE_PORT']}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail((tmp_path / "server.log").read_text())
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


class TestCommandLine:
    def test_serving_an_embedded_database_end_to_end(self, server: str, environment: dict[str, str]) -> None:
        data_dir = Path(environment["PASSERELLE_DATA_DIR"])
        assert oct((data_dir / "passerelle.db").stat().st_mode & 0o777) == "0o600"
        token = httpx.post(
            f"{server}/v1/auth/token",
            data={"grant_type": "password", "username": "officer@enic-naric.example", "password": PASSWORD},
        )
        assert token.status_code == 200, token.text
        me = httpx.get(f"{server}/v1/me", headers={"Authorization": f"Bearer {token.json()['access_token']}"})
        assert me.json()["role"] == "officer"

        # A rotation by the operator is picked up by the running server without a restart.
        before = httpx.get(f"{server}/.well-known/jwks.json").json()["keys"]
        rotated = _run(["keys", "rotate"], environment)
        assert rotated.returncode == 0, rotated.stderr
        time.sleep(1.2)
        after = httpx.get(f"{server}/.well-known/jwks.json").json()["keys"]
        assert len(after) == len(before) + 1
        still = httpx.get(f"{server}/v1/me", headers={"Authorization": f"Bearer {token.json()['access_token']}"})
        assert still.status_code == 200

    def test_forwarded_addresses_count_only_from_a_trusted_proxy(
        self, environment: dict[str, str], tmp_path: Path
    ) -> None:
        # Two share-page requests a minute per address. Without a trusted proxy, X-Forwarded-For is ignored: every
        # request is the TCP peer's (127.0.0.1). With 127.0.0.1 trusted as the proxy, each forwarded client counts
        # on its own, and a client cannot spend another's quota.
        assert _run(["migrate"], environment).returncode == 0
        clients = ["203.0.113.1", "203.0.113.1", "203.0.113.1", "203.0.113.2"]
        for trusted, expected in ((None, [404, 404, 429, 429]), ('["127.0.0.1"]', [404, 404, 429, 404])):
            env = {**environment, "PASSERELLE_SHARE_REQUESTS_PER_MINUTE": "2"}
            if trusted is not None:
                env["PASSERELLE_TRUSTED_PROXIES"] = trusted
            with _serving(env, tmp_path) as base:
                statuses = [
                    httpx.get(f"{base}/s/{'A' * 43}", headers={"X-Forwarded-For": client}).status_code
                    for client in clients
                ]
            assert statuses == expected, (trusted, statuses)
        refused = _run(["serve"], {**environment, "PASSERELLE_TRUSTED_PROXIES": '["*"]'})
        assert refused.returncode != 0 and "trusted_proxies" in refused.stdout + refused.stderr

    def test_user_create_refuses_bad_input(self, environment: dict[str, str]) -> None:
        assert _run(["migrate"], environment).returncode == 0
        weak = _run(["user", "create", "--email", "a@example.org", "--password-stdin"], environment, stdin="short\n")
        assert weak.returncode != 0
        role = _run(
            ["user", "create", "--email", "a@example.org", "--role", "institution", "--password-stdin"],
            environment,
            stdin=PASSWORD + "\n",
        )
        assert role.returncode != 0

    def test_serve_refuses_an_unmigrated_database(self, environment: dict[str, str]) -> None:
        result = subprocess.run(
            [str(BIN / "passerelle"), "serve"], env=environment, capture_output=True, text=True, timeout=60, check=False
        )
        assert result.returncode != 0
        assert "passerelle migrate" in result.stdout + result.stderr

    def test_verify_a_file(self, environment: dict[str, str], tmp_path: Path) -> None:
        assert _run(["migrate"], environment).returncode == 0
        sealed = _run(["verify", str(DATA / "edc-ec-mc-annex1-signed.jsonld")], environment)
        assert sealed.returncode == 1, sealed.stderr  # the seal holds, but its certificate is not trusted here
        checks = {check["check"]: check for check in json.loads(sealed.stdout)["checks"]}
        assert len(checks) == 7
        assert checks["signature"]["outcome"] == "passed"
        assert checks["issuer_trust"]["outcome"] == "failed"
        assert "issuer_trust" in sealed.stderr and "0 certificates" in sealed.stderr
        assert json.loads(sealed.stdout)["receipt"] is None and "no receipt" in sealed.stderr  # no service key yet

        # Once the service has a key, the output is what `POST /v1/verify` answers, receipt included: a JWS anyone
        # checks against the service's published keys (read here from the key directory, checked with python-jose).
        assert _run(["keys", "rotate"], environment).returncode == 0
        signed = _run(["verify", str(DATA / "edc-ec-mc-annex1-signed.jsonld")], environment)
        public = json.loads(signed.stdout)
        assert set(public) == {"id", "credential_id", "format", "checked_at", "checks", "receipt"}
        jwks = KeyRing.open(Path(environment["PASSERELLE_DATA_DIR"]) / "keys").jwks()
        header = jose_jws.get_unverified_header(public["receipt"])
        (key,) = [k for k in jwks["keys"] if k["kid"] == header["kid"]]
        claims = json.loads(jose_jws.verify(public["receipt"], key, algorithms=["ES256"]))
        assert header["typ"] == "verification-receipt+jwt"
        digest = hashlib.sha256((DATA / "edc-ec-mc-annex1-signed.jsonld").read_bytes()).hexdigest()
        assert claims["sub"] == f"sha-256:{digest}"
        assert [c["outcome"] for c in claims["verification"]["checks"]] == [c["outcome"] for c in public["checks"]]

        shopping_list = tmp_path / "shopping.json"
        shopping_list.write_text('{"items": ["bread"]}')
        refused = _run(["verify", str(shopping_list)], environment)
        assert refused.returncode == 2
        assert refused.stdout == ""
        assert json.loads(refused.stderr)["code"] == "unrecognised_credential"

    def test_verify_needs_no_database(self, environment: dict[str, str], tmp_path: Path) -> None:
        token = tmp_path / "badge.txt"
        token.write_bytes((DATA / "ob3-simple.jwt").read_bytes())
        result = _run(["verify", str(token)], environment)
        assert result.returncode == 0, result.stderr  # warnings (no key to check the signature with) fail nothing
        assert json.loads(result.stdout)["format"] == "open_badges_3_jwt"
        assert "trust registry: no database" in result.stderr
        assert not Path(environment["PASSERELLE_DATA_DIR"]).exists()
        missing = _run(["verify", str(tmp_path / "missing.jwt")], environment)
        assert missing.returncode == 2
        assert json.loads(missing.stderr)["code"] == "file_unreadable"
