"""The verification API: stored verifications with signed receipts, anonymous verification of an upload, and the
trust registry that decides which seals are trusted."""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

import httpx
import jwt
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from joserfc.jwk import ECKey
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from core.accounts.models import Role
from core.settings import Settings
from tests.factories import DATA, Account, create_staff, import_file
from wallet import sdjwt
from wallet.verification.models import CredentialVerification
from wallet.verification.result import CheckName

COMMISSION_SAMPLE = "edc-ec-mc-annex1-signed.jsonld"
MYNEXTID_SAMPLE = "edc-mynextid-mc-signed.jsonld"
PROBLEM = "application/problem+json"
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<elmo>&lol4;</elmo>
"""


def _checks(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {check["check"]: check for check in body["checks"]}


def _outcome(body: dict[str, Any], name: CheckName) -> tuple[str, str]:
    check = _checks(body)[name.value]
    return check["outcome"], check["reason"]


def _assert_problem(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["code"] == code


def _mynextid_leaf_pem() -> str:
    """The MyNextID seal's own certificate, from the `x5c` of its JAdES signature, as PEM."""
    container = json.loads((DATA / MYNEXTID_SAMPLE).read_bytes())
    protected = container["signatures"][0]["protected"]
    header = json.loads(base64.urlsafe_b64decode(protected + "=" * (-len(protected) % 4)))
    leaf = x509.load_der_x509_certificate(base64.b64decode(header["x5c"][0]))
    return leaf.public_bytes(Encoding.PEM).decode("ascii")


def _diploma_with_unreachable_status() -> bytes:
    """An SD-JWT VC carrying its own key (so its signature checks) and a status list on loopback, which the
    outbound guard refuses unless told otherwise."""
    key = ECKey.generate_key("P-256")
    issued = sdjwt.issue_vc(
        {
            "iss": "https://university.example.eu/issuers/1",
            "vct": "https://credentials.example.eu/diploma",
            "status": {"status_list": {"idx": 3, "uri": "http://127.0.0.1:9/lists/1"}},
        },
        issuer_key=key,
        header={"jwk": dict(key.as_dict(private=False))},
    )
    return issued.serialized.encode()


async def _verification_count(connection: AsyncConnection) -> int:
    return int((await connection.execute(select(func.count()).select_from(CredentialVerification))).scalar_one())


async def _verify_upload(client: httpx.AsyncClient, name: str, media_type: str = "application/json") -> httpx.Response:
    return await client.post("/v1/verify", content=(DATA / name).read_bytes(), headers={"Content-Type": media_type})


class TestVerifyStoredCredential:
    async def test_seven_checks_kept_with_a_signed_receipt(self, client: httpx.AsyncClient, learner: Account) -> None:
        imported = await import_file(client, learner, COMMISSION_SAMPLE, "application/json")
        assert imported.status_code == 201, imported.text
        credential = imported.json()
        path = f"/v1/wallet/credentials/{credential['id']}/verification"

        response = await client.post(path, headers=learner.headers)
        assert response.status_code == 201, response.text
        body = response.json()
        assert [check["check"] for check in body["checks"]] == [name.value for name in CheckName]
        for check in body["checks"]:
            assert check["outcome"] in {"passed", "failed", "warning", "skipped"}
            assert check["reason"] and check["message"]
            assert isinstance(check["evidence"], dict)
        assert _outcome(body, CheckName.SIGNATURE) == ("passed", "signature_valid")
        assert _outcome(body, CheckName.ISSUER_TRUST)[0] == "failed"
        assert body["credential_id"] == credential["id"]

        stored = await client.get(path, headers=learner.headers)
        assert stored.status_code == 200, stored.text
        assert stored.json() == body

        receipt = body["receipt"]
        header = jwt.get_unverified_header(receipt)
        assert (header["typ"], header["alg"]) == ("verification-receipt+jwt", "ES256")
        published = (await client.get("/.well-known/jwks.json")).json()["keys"]
        key = jwt.PyJWK(next(k for k in published if k["kid"] == header["kid"]))
        claims = jwt.decode(receipt, key, algorithms=["ES256"])
        assert claims["verification"]["checks"] == body["checks"]
        assert claims["sub"] == f"sha-256:{credential['sha256']}"
        assert credential["sha256"] == hashlib.sha256((DATA / COMMISSION_SAMPLE).read_bytes()).hexdigest()
        assert claims["credential_id"] == credential["id"]

    async def test_not_verified_yet(self, client: httpx.AsyncClient, learner: Account) -> None:
        credential_id = (await import_file(client, learner, COMMISSION_SAMPLE, "application/json")).json()["id"]
        response = await client.get(f"/v1/wallet/credentials/{credential_id}/verification", headers=learner.headers)
        _assert_problem(response, 404, "verification_not_found")

    async def test_other_learner(
        self, client: httpx.AsyncClient, learner: Account, other_learner: Account, connection: AsyncConnection
    ) -> None:
        credential_id = (await import_file(client, learner, COMMISSION_SAMPLE, "application/json")).json()["id"]
        path = f"/v1/wallet/credentials/{credential_id}/verification"
        _assert_problem(await client.post(path, headers=other_learner.headers), 404, "credential_not_found")
        _assert_problem(await client.get(path, headers=other_learner.headers), 404, "credential_not_found")
        assert await _verification_count(connection) == 0
        _assert_problem(await client.get(path, headers=learner.headers), 404, "verification_not_found")

    async def test_status_is_checked(self, client: httpx.AsyncClient, learner: Account) -> None:
        imported = await client.post(
            "/v1/wallet/credentials",
            content=_diploma_with_unreachable_status(),
            headers={**learner.headers, "Content-Type": "application/dc+sd-jwt"},
        )
        assert imported.status_code == 201, imported.text
        response = await client.post(
            f"/v1/wallet/credentials/{imported.json()['id']}/verification", headers=learner.headers
        )
        assert response.status_code == 201, response.text
        assert _outcome(response.json(), CheckName.STATUS) == ("warning", "status_list_address_refused")


class TestVerifyUpload:
    async def test_raw_body_is_verified_and_kept_nowhere(
        self, client: httpx.AsyncClient, learner: Account, connection: AsyncConnection
    ) -> None:
        before = (await client.get("/v1/wallet/credentials", headers=learner.headers)).json()
        response = await _verify_upload(client, COMMISSION_SAMPLE)
        assert response.status_code == 200, response.text
        body = response.json()
        assert (body["id"], body["credential_id"]) == (None, None)
        assert _outcome(body, CheckName.SIGNATURE) == ("passed", "signature_valid")
        claims = jwt.decode(body["receipt"], options={"verify_signature": False})
        assert claims["sub"] == "sha-256:" + hashlib.sha256((DATA / COMMISSION_SAMPLE).read_bytes()).hexdigest()
        assert (await client.get("/v1/wallet/credentials", headers=learner.headers)).json() == before
        assert await _verification_count(connection) == 0

    async def test_multipart_file(self, client: httpx.AsyncClient) -> None:
        content = (DATA / COMMISSION_SAMPLE).read_bytes()
        response = await client.post("/v1/verify", files={"file": (COMMISSION_SAMPLE, content, "application/json")})
        assert response.status_code == 200, response.text
        assert _outcome(response.json(), CheckName.SIGNATURE) == ("passed", "signature_valid")

    async def test_not_a_credential(self, client: httpx.AsyncClient) -> None:
        response = await client.post(
            "/v1/verify", content=b'{"name": "a shopping list"}', headers={"Content-Type": "application/json"}
        )
        _assert_problem(response, 422, "unrecognised_credential")

    async def test_xml_bomb(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/v1/verify", content=BILLION_LAUGHS, headers={"Content-Type": "application/xml"})
        _assert_problem(response, 422, "unsafe_xml")

    async def test_larger_than_the_upload_limit(self, client: httpx.AsyncClient, app_settings: Settings) -> None:
        content = b"{" + b" " * app_settings.upload_body_limit + b"}"
        response = await client.post("/v1/verify", content=content, headers={"Content-Type": "application/json"})
        _assert_problem(response, 413, "content_too_large")

    async def test_status_is_checked_by_one_checker_per_application(self, client: httpx.AsyncClient) -> None:
        content = _diploma_with_unreachable_status()
        checkers = []
        for _ in range(2):
            response = await client.post(
                "/v1/verify", content=content, headers={"Content-Type": "application/dc+sd-jwt"}
            )
            assert response.status_code == 200, response.text
            assert _outcome(response.json(), CheckName.STATUS) == ("warning", "status_list_address_refused")
            checkers.append(client.app.state.passerelle.status_checker)  # type: ignore[attr-defined]
        assert checkers[0] is checkers[1]


class TestVerifyUploadRateLimit:
    @pytest.fixture
    def app_settings(self, settings: Settings) -> Settings:
        return settings.model_copy(update={"anonymous_verifications_per_minute": 2})

    async def test_third_request_in_a_minute(self, client: httpx.AsyncClient) -> None:
        for _ in range(2):
            assert (await _verify_upload(client, COMMISSION_SAMPLE)).status_code == 200
        response = await _verify_upload(client, COMMISSION_SAMPLE)
        _assert_problem(response, 429, "too_many_requests")
        assert 1 <= int(response.headers["Retry-After"]) <= 60


class TestTrustRegistry:
    @pytest.fixture
    async def admin(self, client: httpx.AsyncClient, connection: AsyncConnection) -> Account:
        return await create_staff(client, connection, email="admin@passerelle.example", role=Role.ADMIN)

    async def test_trusted_certificate_until_removed(self, client: httpx.AsyncClient, admin: Account) -> None:
        before = await _verify_upload(client, MYNEXTID_SAMPLE)
        assert _outcome(before.json(), CheckName.ISSUER_TRUST) == ("failed", "certificate_untrusted")

        added = await client.post(
            "/v1/admin/trust/certificates",
            json={"certificate_pem": _mynextid_leaf_pem(), "label": "MyNextID seal"},
            headers=admin.headers,
        )
        assert added.status_code == 201, added.text
        assert added.json()["kind"] == "certificate"
        listed = (await client.get("/v1/admin/trust", headers=admin.headers)).json()
        assert [entry["id"] for entry in listed] == [added.json()["id"]]
        trusted = await _verify_upload(client, MYNEXTID_SAMPLE)
        assert _outcome(trusted.json(), CheckName.ISSUER_TRUST) == ("passed", "trusted_chain")

        removed = await client.delete(f"/v1/admin/trust/{added.json()['id']}", headers=admin.headers)
        assert removed.status_code == 204, removed.text
        after = await _verify_upload(client, MYNEXTID_SAMPLE)
        assert _outcome(after.json(), CheckName.ISSUER_TRUST) == ("failed", "certificate_untrusted")

    async def test_issuer_key_with_private_members(self, client: httpx.AsyncClient, admin: Account) -> None:
        private = dict(ECKey.generate_key("P-256").as_dict(private=True))
        assert "d" in private
        response = await client.post(
            "/v1/admin/trust/issuers",
            json={"issuer_id": "https://university.example.eu/issuers/1", "label": "University", "keys": [private]},
            headers=admin.headers,
        )
        _assert_problem(response, 422, "private_key_published")
        assert (await client.get("/v1/admin/trust", headers=admin.headers)).json() == []

    async def test_bad_pem(self, client: httpx.AsyncClient, admin: Account) -> None:
        not_a_certificate = "-----BEGIN CERTIFICATE-----\n" + "QUJD" * 40 + "\n-----END CERTIFICATE-----\n"
        response = await client.post(
            "/v1/admin/trust/certificates",
            json={"certificate_pem": not_a_certificate, "label": "Broken"},
            headers=admin.headers,
        )
        _assert_problem(response, 422, "invalid_certificate")

    async def test_learner(self, client: httpx.AsyncClient, learner: Account) -> None:
        calls: list[tuple[str, str, dict[str, Any] | None]] = [
            ("POST", "/v1/admin/trust/certificates", {"certificate_pem": _mynextid_leaf_pem(), "label": "MyNextID"}),
            ("POST", "/v1/admin/trust/issuers", {"issuer_id": "https://university.example.eu/1", "label": "U"}),
            ("GET", "/v1/admin/trust", None),
            ("DELETE", "/v1/admin/trust/00000000-0000-4000-8000-000000000000", None),
        ]
        for method, path, body in calls:
            response = await client.request(method, path, json=body, headers=learner.headers)
            _assert_problem(response, 401, "wrong_principal")
