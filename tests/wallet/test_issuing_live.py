"""Hosted issuing end to end over real loopback HTTP between real processes: `passerelle serve` issues a
micro-credential into a learner's wallet; `passerelle verify` (a process of its own, with a cold status-list cache)
fetches the institution's published status list from the server and sees the credential valid, then revoked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.servers import LOOPBACK, free_port, wait_for_port
from tests.wallet.test_issuing import MICRO_CREDENTIAL

PASSWORD = "correct horse battery staple"
PASSERELLE = [sys.executable, "-c", "from api.cli import main; main()"]


@dataclass(frozen=True)
class Live:
    url: str
    env: dict[str, str]
    directory: Path

    def run(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*PASSERELLE, *args], env=self.env, input=stdin, capture_output=True, text=True, timeout=120, check=False
        )


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """A migrated SQLite database of its own and `passerelle serve` on a free loopback port."""
    directory = tmp_path_factory.mktemp("live")
    port = free_port()
    env = {
        **os.environ,
        "PASSERELLE_DATA_DIR": str(directory),
        "PASSERELLE_PUBLIC_URL": f"http://{LOOPBACK}:{port}",
        "PASSERELLE_OUTBOUND_ALLOWED_HOSTS": json.dumps([LOOPBACK]),
        "PASSERELLE_LOG_LEVEL": "warning",
    }
    env.pop("PASSERELLE_DATABASE_URL", None)
    live = Live(f"http://{LOOPBACK}:{port}", env, directory)
    assert live.run("migrate").returncode == 0
    created = live.run(
        "user", "create", "--email", "admin@example.org", "--role", "admin", "--password-stdin", stdin=PASSWORD
    )
    assert created.returncode == 0, created.stderr
    server = subprocess.Popen(
        [*PASSERELLE, "serve", "--host", LOOPBACK, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, seconds=30)
        yield live
    finally:
        server.terminate()
        server.wait(timeout=10)


def _token(http: httpx.Client, **form: str) -> str:
    response = http.post("/v1/auth/token", data=form)
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


def _bearer(http: httpx.Client, **form: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {_token(http, **form)}"}


def _institution_and_learner(
    http: httpx.Client, institution: dict[str, str], email: str
) -> tuple[dict[str, str], dict[str, str]]:
    """An institution onboarded by the administrator and a learner signed up: their Authorization headers."""
    admin = _bearer(http, grant_type="password", username="admin@example.org", password=PASSWORD)
    onboarded = http.post("/v1/admin/institutions", json=institution, headers=admin)
    assert onboarded.status_code == 201, onboarded.text
    client = onboarded.json()
    institution_headers = _bearer(
        http, grant_type="client_credentials", client_id=client["client_id"], client_secret=client["client_secret"]
    )
    signup = http.post("/v1/auth/signup", json={"email": email, "password": PASSWORD, "display_name": "Learner"})
    assert signup.status_code == 201, signup.text
    return institution_headers, _bearer(http, grant_type="password", username=email, password=PASSWORD)


def _verify(live: Live, name: str, content: str) -> dict[str, Any]:
    path = live.directory / name
    path.write_text(content, "ascii")
    verified = live.run("verify", str(path))
    assert verified.returncode in (0, 1), verified.stderr
    result: dict[str, Any] = json.loads(verified.stdout)
    return {check["check"]: check for check in result["checks"]}


def test_issue_accept_verify_revoke_verify(live: Live) -> None:
    with httpx.Client(base_url=live.url, timeout=30) as http:
        institution, learner = _institution_and_learner(
            http, {"name": "Volkshochschule Wien", "country": "AT", "kind": "adult_education"}, "lea@example.org"
        )

        achievement = http.post("/v1/institutions/achievements", json=MICRO_CREDENTIAL, headers=institution)
        assert achievement.status_code == 201, achievement.text
        issued = http.post(
            f"/v1/institutions/achievements/{achievement.json()['id']}/issue",
            json={"items": [{"recipient": {"name": "Lea Gruber", "email": "lea@example.org"}, "grade": "Pass"}]},
            headers=institution,
        )
        assert issued.status_code == 200, issued.text
        result = issued.json()["items"][0]
        assert result["status"] == "delivered"
        originals = {}
        for item in http.get("/v1/wallet/inbox", headers=learner).json()["items"]:
            accepted = http.post(f"/v1/wallet/inbox/{item['id']}/accept", headers=learner)
            assert accepted.status_code == 200, accepted.text
            original = http.get(f"/v1/wallet/credentials/{accepted.json()['credential_id']}/original", headers=learner)
            assert original.status_code == 200
            originals[item["format"]] = original.text
        assert set(originals) == {"open_badges_3_jwt", "sd_jwt_vc"}

        for name, content in originals.items():
            checks = _verify(live, f"{name}.txt", content)
            assert checks["signature"]["outcome"] == "passed", checks["signature"]
            assert checks["issuer_trust"]["outcome"] == "passed", checks["issuer_trust"]
            assert checks["status"]["outcome"] == "passed", (name, checks["format"], checks["status"])

        revoked = http.post(f"/v1/institutions/issued/{result['issued']['id']}/revoke", headers=institution)
        assert revoked.status_code == 200, revoked.text
        for name, content in originals.items():
            checks = _verify(live, f"{name}.txt", content)
            assert checks["signature"]["outcome"] == "passed"
            assert checks["status"]["outcome"] == "failed", (name, checks["status"])


def test_a_wallet_collects_an_offer_from_the_issuer_over_openid4vci(live: Live) -> None:
    """Passerelle's wallet side (`POST /v1/wallet/inbox:collect`) against its own issuer side, over real HTTP:
    metadata, token with `tx_code`, nonce, proof, credential; then accepted and verified as bound to the learner."""
    with httpx.Client(base_url=live.url, timeout=30) as http:
        institution, learner = _institution_and_learner(
            http, {"name": "Stowarzyszenie Klanza", "country": "PL", "kind": "ngo"}, "ola@example.org"
        )
        achievement = http.post("/v1/institutions/achievements", json=MICRO_CREDENTIAL, headers=institution).json()
        offered = http.post(
            f"/v1/institutions/achievements/{achievement['id']}/issue",
            json={"items": [{"recipient": {"name": "Ola Nowak"}}], "delivery": "offer"},
            headers=institution,
        )
        assert offered.status_code == 200, offered.text
        offer = offered.json()["items"][0]["offer"]

        wrong = http.post(
            "/v1/wallet/inbox:collect",
            json={"offer": offer["offer_uri"], "tx_code": "000000" if offer["tx_code"] != "000000" else "111111"},
            headers=learner,
        )
        assert wrong.status_code == 422 and wrong.json()["code"] == "invalid_grant", wrong.text
        collected = http.post(
            "/v1/wallet/inbox:collect", json={"offer": offer["offer_uri"], "tx_code": offer["tx_code"]}, headers=learner
        )
        assert collected.status_code == 201, collected.text
        items = collected.json()["items"]
        assert {item["format"] for item in items} == {"sd_jwt_vc", "open_badges_3_jwt"}
        for item in items:
            accepted = http.post(f"/v1/wallet/inbox/{item['id']}/accept", headers=learner)
            assert accepted.status_code == 200, accepted.text
            verified = http.post(
                f"/v1/wallet/credentials/{accepted.json()['credential_id']}/verification", headers=learner
            )
            assert verified.status_code == 201, verified.text
            checks = {check["check"]: check for check in verified.json()["checks"]}
            assert checks["signature"]["outcome"] == "passed", (item["format"], checks["signature"])
            assert checks["issuer_trust"]["outcome"] == "passed", (item["format"], checks["issuer_trust"])
            assert checks["status"]["outcome"] == "passed", (item["format"], checks["status"])
            if item["format"] == "sd_jwt_vc":
                assert checks["holder_binding"]["outcome"] == "passed", checks["holder_binding"]
        again = http.post(
            "/v1/wallet/inbox:collect", json={"offer": offer["offer_uri"], "tx_code": offer["tx_code"]}, headers=learner
        )
        assert again.status_code == 422 and again.json()["code"] == "offer_unavailable", again.text  # redeemed
