"""Hosted issuing: achievement definitions (Annex I enforced), issuance into learners' inboxes, the institution's keys
and status lists (suspend, reinstate, revoke flip the published bits), OpenID4VCI issuer side, and who sees what."""

from __future__ import annotations

import time
import uuid
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from joserfc import jws, jwt
from joserfc.jwk import ECKey, KeySet
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import col

from tests.factories import Account, Institution, onboard
from wallet import sdjwt
from wallet.inbox.models import InboxItem
from wallet.status.codec import bitstring_value, decode_bitstring, decode_token_status_list, token_status_value
from wallet.summary.model import ANNEX_I_MANDATORY

ACHIEVEMENTS = "/v1/institutions/achievements"
MICRO_CREDENTIAL: dict[str, Any] = {
    "title": "Data literacy for community work",
    "description": "Reading, collecting and presenting data about a neighbourhood.",
    "criteria": "A survey project assessed by two tutors.",
    "learning_outcomes": [
        {
            "text": "Interpret descriptive statistics of a local survey",
            "esco_uri": "http://data.europa.eu/esco/skill/4bcd1b8d-9b1a-4d1c-8e5a-5c8b0a0f2e11",
        },
        {"text": "Present findings to residents in plain language"},
    ],
    "ects": 3,
    "hours": 75,
    "eqf_level": 5,
    "field_of_study": "0542",
    "assessment_type": "Written project assessed by two tutors",
    "participation": "blended",
    "quality_assurance": {"type": "External quality assurance", "body": "Quality and Qualifications Ireland"},
    "prerequisites": "None",
    "supervision": "supervised_with_id_check",
    "stackability": "stackable",
    "stackable_towards": "Certificate in Community Development",
    "further_information": "Offered with three neighbourhood associations.",
    "language": "en",
    "grading_scheme": "Pass, Merit, Distinction",
}
MANDATORY = set(ANNEX_I_MANDATORY)


@pytest.fixture
async def leiden(client: httpx.AsyncClient, admin: Account) -> Institution:
    return await onboard(client, admin, "Buurtacademie Leiden")


@pytest.fixture
async def lyon(client: httpx.AsyncClient, admin: Account) -> Institution:
    return await onboard(client, admin, "Université de Lyon")


async def define(client: httpx.AsyncClient, institution: Institution, **changes: Any) -> dict[str, Any]:
    response = await client.post(ACHIEVEMENTS, json={**MICRO_CREDENTIAL, **changes}, headers=institution.headers())
    assert response.status_code == 201, response.text
    return dict(response.json())


async def issue(
    client: httpx.AsyncClient,
    institution: Institution,
    achievement_id: str,
    items: list[dict[str, Any]],
    **options: Any,
) -> httpx.Response:
    return await client.post(
        f"{ACHIEVEMENTS}/{achievement_id}/issue", json={"items": items, **options}, headers=institution.headers()
    )


async def issued_to(
    client: httpx.AsyncClient, institution: Institution, learner: Account, **item: Any
) -> dict[str, Any]:
    achievement = await define(client, institution)
    response = await issue(
        client,
        institution,
        achievement["id"],
        [{"recipient": {"name": "Amira Haddad", "email": learner.email}, "grade": "Merit", **item}],
    )
    assert response.status_code == 200, response.text
    result = response.json()["items"][0]
    assert result["status"] == "delivered", result
    return dict(result)


async def documents(connection: AsyncConnection, item_ids: list[str]) -> dict[str, str]:
    """The signed documents delivered, by media type, as the learner's inbox holds them."""
    rows = await connection.execute(
        select(col(InboxItem.media_type), col(InboxItem.content)).where(
            col(InboxItem.id).in_([uuid.UUID(i) for i in item_ids])
        )
    )
    return {media_type: bytes(content).decode("ascii") for media_type, content in rows.all()}


async def institution_keys(client: httpx.AsyncClient, institution: Institution) -> KeySet:
    response = await client.get(f"/v1/institutions/{institution.id}/jwks.json")
    assert response.status_code == 200
    return KeySet.import_key_set(response.json())


class TestDefinitions:
    async def test_a_micro_credential_without_its_annex_i_elements_is_refused_with_the_list(
        self, client: httpx.AsyncClient, leiden: Institution
    ) -> None:
        response = await client.post(ACHIEVEMENTS, json={"title": "First aid"}, headers=leiden.headers())
        assert response.status_code == 422
        problem = response.json()
        assert problem["code"] == "annex_i_incomplete"
        assert {m["element"] for m in problem["missing"]} == {
            "learning_outcomes",
            "workload",
            "level",
            "assessment_type",
            "participation",
            "quality_assurance",
        }
        assert "Type of assessment" in problem["detail"]
        listed = await client.get(ACHIEVEMENTS, headers=leiden.headers())
        assert listed.json()["items"] == []

    async def test_other_achievements_need_a_title_only(self, client: httpx.AsyncClient, leiden: Institution) -> None:
        response = await client.post(
            ACHIEVEMENTS, json={"kind": "other", "title": "Volunteer of the year"}, headers=leiden.headers()
        )
        assert response.status_code == 201, response.text
        assert response.json()["kind"] == "other"

    async def test_a_national_level_is_checked_against_the_frameworks_data(
        self, client: httpx.AsyncClient, leiden: Institution
    ) -> None:
        changes = {"eqf_level": None, "national_level": {"framework": "NOPE", "level": "5"}}
        response = await client.post(ACHIEVEMENTS, json={**MICRO_CREDENTIAL, **changes}, headers=leiden.headers())
        assert response.status_code == 422
        assert response.json()["code"] == "unknown_framework"

    async def test_bad_values_are_refused(self, client: httpx.AsyncClient, leiden: Institution) -> None:
        for changes in (
            {"participation": "by carrier pigeon"},
            {"eqf_level": 9},
            {"ects": -1},
            {"field_of_study": "physics"},
            {"learning_outcomes": [{"text": "x", "esco_uri": "javascript:alert(1)"}]},
            {"unexpected": True},
        ):
            response = await client.post(ACHIEVEMENTS, json={**MICRO_CREDENTIAL, **changes}, headers=leiden.headers())
            assert response.status_code == 422, changes

    async def test_archived_achievements_are_not_issued(
        self, client: httpx.AsyncClient, leiden: Institution, learner: Account
    ) -> None:
        achievement = await define(client, leiden)
        archived = await client.post(f"{ACHIEVEMENTS}/{achievement['id']}/archive", headers=leiden.headers())
        assert archived.status_code == 200 and archived.json()["archived_at"]
        response = await issue(
            client, leiden, achievement["id"], [{"recipient": {"name": "A", "email": learner.email}}]
        )
        assert response.status_code == 409
        assert response.json()["code"] == "achievement_archived"


class TestIssuance:
    async def test_issued_into_the_inbox_accepted_and_complete_by_annex_i(
        self, client: httpx.AsyncClient, connection: AsyncConnection, leiden: Institution, learner: Account
    ) -> None:
        result = await issued_to(client, leiden, learner)
        assert len(result["inbox_item_ids"]) == 2
        inbox = (await client.get("/v1/wallet/inbox", headers=learner.headers)).json()["items"]
        assert sorted(item["format"] for item in inbox) == ["open_badges_3_jwt", "sd_jwt_vc"]
        for item in inbox:
            accepted = await client.post(f"/v1/wallet/inbox/{item['id']}/accept", headers=learner.headers)
            assert accepted.status_code == 200, accepted.text
            credential = (
                await client.get(f"/v1/wallet/credentials/{accepted.json()['credential_id']}", headers=learner.headers)
            ).json()
            summary = credential["summary"]
            assert MANDATORY.isdisjoint(summary["missing"]), (credential["format"], summary["missing"])
            assert summary["title"] == MICRO_CREDENTIAL["title"]
            assert summary["assessment_type"] == MICRO_CREDENTIAL["assessment_type"]
            assert summary["participation"] == "Blended"
            assert summary["grade"]["value"] == "Merit"
            assert summary["issuer"]["country"] == "NL"
            assert {"framework": "EQF", "value": "5"}.items() <= summary["levels"][0].items()
            assert summary["credits"][0]["system"] == "ECTS" and summary["credits"][0]["value"] == 3
            assert summary["learning_outcomes"][0]["esco_uri"].startswith("http://data.europa.eu/esco/skill/")
            verified = await client.post(
                f"/v1/wallet/credentials/{credential['id']}/verification", headers=learner.headers
            )
            checks = {check["check"]: check for check in verified.json()["checks"]}
            assert checks["format"]["outcome"] == "passed", checks["format"]
            assert checks["signature"]["outcome"] == "passed", checks["signature"]
            assert checks["issuer_trust"]["outcome"] == "passed", checks["issuer_trust"]

    async def test_both_documents_verify_with_independent_libraries(
        self, client: httpx.AsyncClient, connection: AsyncConnection, leiden: Institution, learner: Account
    ) -> None:
        result = await issued_to(client, leiden, learner)
        signed = await documents(connection, result["inbox_item_ids"])
        keys = await institution_keys(client, leiden)
        issuer = f"http://test/v1/institutions/{leiden.id}"
        # Open Badges 3.0 VC-JWT: joserfc alone, the key found by `kid` in the published JWK Set.
        token = jwt.decode(signed["application/vc+jwt"], keys, algorithms=["ES256"])
        assert token.header["typ"] == "vc+jwt"
        credential = token.claims
        assert credential["issuer"]["id"] == issuer
        assert "OpenBadgeCredential" in credential["type"]
        achievement = credential["credentialSubject"]["achievement"]
        assert achievement["achievementType"] == "MicroCredential"
        assert achievement["alignment"][0]["targetUrl"] == "http://data.europa.eu/snb/eqf/5"
        statuses = {entry["statusPurpose"]: entry for entry in credential["credentialStatus"]}
        assert set(statuses) == {"revocation", "suspension"}
        assert statuses["revocation"]["statusListIndex"] == str(result["issued"]["status_list"]["index"])
        # SD-JWT VC: the issuer-signed JWT with joserfc, the Disclosures with the SD-JWT processing rules.
        compact = signed["application/dc+sd-jwt"]
        issuer_jwt = compact.split("~", 1)[0]
        header = jws.extract_compact(issuer_jwt.encode()).protected
        assert header["typ"] == "dc+sd-jwt" and header["alg"] == "ES256"
        payload = jwt.decode(issuer_jwt, keys, algorithms=["ES256"]).claims
        assert payload["iss"] == issuer and "_sd" in payload
        assert {"iss", "vct", "status", "issuing_authority", "issuing_country"} <= payload.keys()
        assert "learner" not in payload and "grade" not in payload  # behind Disclosures
        claims = sdjwt.open_sd_jwt(compact).claims
        assert claims["learner"] == {"name": "Amira Haddad"}
        assert claims["grade"] == {"value": "Merit", "scheme": "Pass, Merit, Distinction"}
        assert claims["status"]["status_list"]["idx"] == result["issued"]["status_list"]["index"]

    async def test_recipients_by_unknown_email_are_invited(
        self, client: httpx.AsyncClient, leiden: Institution
    ) -> None:
        achievement = await define(client, leiden)
        response = await issue(
            client,
            leiden,
            achievement["id"],
            [{"recipient": {"name": "Noor", "email": "noor@example.net"}, "external_id": "n-1"}],
            formats=["vc+jwt"],
        )
        assert response.status_code == 200, response.text
        (item,) = response.json()["items"]
        assert item["status"] == "invited" and len(item["inbox_item_ids"]) == 1
        assert item["issued"]["external_id"] == "n-1"

    async def test_an_idempotency_key_makes_a_retry_issue_nothing(
        self, client: httpx.AsyncClient, leiden: Institution, learner: Account
    ) -> None:
        achievement = await define(client, leiden)
        body = {"items": [{"recipient": {"name": "Amira Haddad", "email": learner.email}}], "formats": ["vc+jwt"]}
        path = f"{ACHIEVEMENTS}/{achievement['id']}/issue"
        key = str(uuid.uuid4())
        first = await client.post(path, json=body, headers=leiden.headers(key))
        assert first.status_code == 200, first.text
        again = await client.post(path, json=body, headers=leiden.headers(key))
        assert again.status_code == 200 and again.content == first.content
        assert again.headers["idempotent-replayed"] == "true"
        inbox = (await client.get("/v1/wallet/inbox", headers=learner.headers)).json()["items"]
        assert len(inbox) == 1
        other = await client.post(path, json={**body, "formats": ["dc+sd-jwt"]}, headers=leiden.headers(key))
        assert other.status_code == 422
        offer = await client.post(path, json={**body, "delivery": "offer"}, headers=leiden.headers(str(uuid.uuid4())))
        assert offer.status_code == 422 and offer.json()["code"] == "idempotency_not_supported"

    async def test_an_inbox_delivery_names_its_learner(self, client: httpx.AsyncClient, leiden: Institution) -> None:
        achievement = await define(client, leiden)
        response = await issue(client, leiden, achievement["id"], [{"recipient": {"name": "Noor"}}])
        assert response.status_code == 422


class TestStatusLists:
    async def test_published_lists_are_cacheable_and_flip_when_revoked(
        self, client: httpx.AsyncClient, leiden: Institution, learner: Account
    ) -> None:
        result = await issued_to(client, leiden, learner)
        issued = result["issued"]
        index = issued["status_list"]["index"]
        keys = await institution_keys(client, leiden)
        urls = {name: issued["status_list"][name].removeprefix("http://test") for name in ("revocation", "token")}

        async def read(name: str) -> tuple[httpx.Response, dict[str, Any]]:
            response = await client.get(urls[name])
            assert response.status_code == 200
            return response, jwt.decode(response.text, keys, algorithms=["ES256"]).claims

        token_response, token = await read("token")
        assert token_response.headers["content-type"].startswith("application/statuslist+jwt")
        assert token_response.headers["cache-control"] == "public, max-age=300"
        statuses = decode_token_status_list(token["status_list"]["lst"])
        assert token["status_list"]["bits"] == 2 and len(statuses) * 4 >= 131_072
        assert token_status_value(statuses, index, 2) == 0
        revocation_response, revocation = await read("revocation")
        assert revocation_response.headers["content-type"].startswith("application/vc+jwt")
        bits = decode_bitstring(revocation["credentialSubject"]["encodedList"])
        assert len(bits) * 8 >= 131_072 and bitstring_value(bits, index) == 0
        etag = revocation_response.headers["etag"]
        unchanged = await client.get(urls["revocation"], headers={"If-None-Match": etag})
        assert unchanged.status_code == 304 and unchanged.content == b""

        revoked = await client.post(
            f"/v1/institutions/issued/{issued['id']}/revoke",
            json={"reason": "Awarded in error"},
            headers=leiden.headers(),
        )
        assert revoked.status_code == 200, revoked.text
        assert revoked.json()["state"] == "revoked"
        changed, revocation = await read("revocation")
        assert changed.headers["etag"] != etag
        assert (await client.get(urls["revocation"], headers={"If-None-Match": etag})).status_code == 200
        bits = decode_bitstring(revocation["credentialSubject"]["encodedList"])
        assert bitstring_value(bits, index) == 1
        assert sum(bin(byte).count("1") for byte in bits) == 1  # no other credential changed
        _, token = await read("token")
        assert token_status_value(decode_token_status_list(token["status_list"]["lst"]), index, 2) == 1
        again = await client.post(f"/v1/institutions/issued/{issued['id']}/revoke", headers=leiden.headers())
        assert again.status_code == 409
        events = (await client.get("/v1/institutions/events", headers=leiden.headers())).json()["items"]
        assert events[-1]["type"] == "revoked" and events[-1]["data"]["issued_id"] == issued["id"]
        assert "Awarded in error" not in revocation_response.text + str(events)

    async def test_suspension_and_reinstatement(
        self, client: httpx.AsyncClient, leiden: Institution, learner: Account
    ) -> None:
        issued = (await issued_to(client, leiden, learner))["issued"]
        index = issued["status_list"]["index"]
        suspension_url = issued["status_list"]["suspension"].removeprefix("http://test")
        token_url = issued["status_list"]["token"].removeprefix("http://test")
        keys = await institution_keys(client, leiden)

        async def state() -> tuple[int, int]:
            suspension = jwt.decode((await client.get(suspension_url)).text, keys, algorithms=["ES256"]).claims
            token = jwt.decode((await client.get(token_url)).text, keys, algorithms=["ES256"]).claims
            return (
                bitstring_value(decode_bitstring(suspension["credentialSubject"]["encodedList"]), index),
                token_status_value(decode_token_status_list(token["status_list"]["lst"]), index, 2),
            )

        base = f"/v1/institutions/issued/{issued['id']}"
        assert (await client.post(f"{base}/reinstate", headers=leiden.headers())).status_code == 409
        assert (await client.post(f"{base}/suspend", headers=leiden.headers())).json()["state"] == "suspended"
        assert await state() == (1, 2)
        assert (await client.post(f"{base}/reinstate", headers=leiden.headers())).json()["state"] == "active"
        assert await state() == (0, 0)

    async def test_indexes_are_distinct_and_spread(
        self, client: httpx.AsyncClient, leiden: Institution, learner: Account
    ) -> None:
        achievement = await define(client, leiden)
        items = [{"recipient": {"name": f"L{n}", "email": learner.email}, "external_id": f"x{n}"} for n in range(40)]
        response = await issue(client, leiden, achievement["id"], items, formats=["vc+jwt"])
        assert response.status_code == 200, response.text
        indexes = [item["issued"]["status_list"]["index"] for item in response.json()["items"]]
        assert len(set(indexes)) == 40
        assert indexes != sorted(indexes) and max(indexes) - min(indexes) > 10_000  # random, not sequential

    async def test_key_rotation_keeps_old_credentials_verifiable(
        self, client: httpx.AsyncClient, connection: AsyncConnection, leiden: Institution, learner: Account
    ) -> None:
        result = await issued_to(client, leiden, learner)
        old_kid = jws.extract_compact(
            (await documents(connection, result["inbox_item_ids"]))["application/vc+jwt"].encode()
        ).protected["kid"]
        rotated = await client.post("/v1/institutions/keys:rotate", headers=leiden.headers())
        assert rotated.status_code == 200
        kids = {key["kid"] for key in rotated.json()["keys"]}
        assert old_kid in kids and len(kids) == 2
        later = await issued_to(client, leiden, learner)
        new_kid = jws.extract_compact(
            (await documents(connection, later["inbox_item_ids"]))["application/vc+jwt"].encode()
        ).protected["kid"]
        assert new_kid != old_kid and new_kid in kids


class TestIsolation:
    async def test_another_institution_sees_nothing(
        self, client: httpx.AsyncClient, leiden: Institution, lyon: Institution, learner: Account
    ) -> None:
        result = await issued_to(client, leiden, learner)
        issued = result["issued"]
        achievement_id = issued["achievement_id"]
        for method, path in (
            ("GET", f"{ACHIEVEMENTS}/{achievement_id}"),
            ("POST", f"{ACHIEVEMENTS}/{achievement_id}/archive"),
            ("GET", f"/v1/institutions/issued/{issued['id']}"),
            ("POST", f"/v1/institutions/issued/{issued['id']}/revoke"),
            ("POST", f"/v1/institutions/issued/{issued['id']}/suspend"),
        ):
            response = await client.request(method, path, headers=lyon.headers())
            assert response.status_code == 404, (method, path)
        response = await issue(client, lyon, achievement_id, [{"recipient": {"name": "X", "email": learner.email}}])
        assert response.status_code == 404
        assert (await client.get(ACHIEVEMENTS, headers=lyon.headers())).json()["items"] == []
        foreign = issued["status_list"]["token"].replace(leiden.id, lyon.id).removeprefix("http://test")
        assert (await client.get(foreign)).status_code == 404
        events = (await client.get("/v1/institutions/events", headers=lyon.headers())).json()["items"]
        assert events == []

    async def test_learners_and_anonymous_callers_cannot_issue(
        self, client: httpx.AsyncClient, leiden: Institution, learner: Account
    ) -> None:
        achievement = await define(client, leiden)
        for headers in (learner.headers, {}):
            response = await client.post(
                f"{ACHIEVEMENTS}/{achievement['id']}/issue",
                json={"items": [{"recipient": {"name": "X", "email": learner.email}}]},
                headers=headers,
            )
            assert response.status_code in (401, 403)


# --- OpenID4VCI, issuer side ---------------------------------------------------------------------------------------


def proof(holder: ECKey, audience: str, nonce: str | None, **changes: Any) -> str:
    claims: dict[str, Any] = {"aud": audience, "iat": int(time.time())}
    if nonce is not None:
        claims["nonce"] = nonce
    claims.update(changes)
    header = {"typ": "openid4vci-proof+jwt", "alg": "ES256", "jwk": holder.as_dict(private=False)}
    return jwt.encode(header, claims, holder)


class TestOpenID4VCI:
    async def offered(self, client: httpx.AsyncClient, leiden: Institution) -> tuple[dict[str, Any], str, str]:
        achievement = await define(client, leiden)
        response = await issue(
            client, leiden, achievement["id"], [{"recipient": {"name": "Amira Haddad"}}], delivery="offer"
        )
        assert response.status_code == 200, response.text
        (item,) = response.json()["items"]
        assert item["status"] == "offered" and item["inbox_item_ids"] == []
        offer_uri = item["offer"]["offer_uri"]
        assert offer_uri.startswith("openid-credential-offer://?credential_offer_uri=")
        reference = parse_qs(urlsplit(offer_uri).query)["credential_offer_uri"][0]
        offer = await client.get(reference.removeprefix("http://test"))
        assert offer.status_code == 200, offer.text
        return offer.json(), item["offer"]["tx_code"], item["issued"]["id"]

    async def test_metadata(self, client: httpx.AsyncClient, leiden: Institution) -> None:
        issuer = f"http://test/v1/institutions/{leiden.id}"
        path = f"/v1/institutions/{leiden.id}"
        metadata = (await client.get(f"/.well-known/openid-credential-issuer{path}")).json()
        assert metadata["credential_issuer"] == issuer
        assert metadata["credential_endpoint"] == f"{issuer}/oid4vci/credential"
        configurations = metadata["credential_configurations_supported"]
        assert {c["format"] for c in configurations.values()} == {"dc+sd-jwt", "jwt_vc_json"}
        server = (await client.get(f"/.well-known/oauth-authorization-server{path}")).json()
        assert server["issuer"] == issuer and server["pre-authorized_grant_anonymous_access_supported"] is True
        vc_issuer = (await client.get(f"/.well-known/jwt-vc-issuer{path}")).json()
        assert vc_issuer == {"issuer": issuer, "jwks_uri": f"{issuer}/jwks.json"}
        assert (
            await client.get(f"/.well-known/openid-credential-issuer/v1/institutions/{uuid.uuid4()}")
        ).status_code == 404

    async def test_collect_with_tx_code_and_proof(self, client: httpx.AsyncClient, leiden: Institution) -> None:
        offer, tx_code, issued_id = await self.offered(client, leiden)
        issuer = offer["credential_issuer"]
        base = issuer.removeprefix("http://test")
        grant = offer["grants"]["urn:ietf:params:oauth:grant-type:pre-authorized_code"]
        assert grant["tx_code"]["length"] == 6 and tx_code and len(tx_code) == 6
        form = {"grant_type": "urn:ietf:params:oauth:grant-type:pre-authorized_code"}
        form["pre-authorized_code"] = grant["pre-authorized_code"]
        wrong = await client.post(
            f"{base}/oid4vci/token", data={**form, "tx_code": "000000" if tx_code != "000000" else "1"}
        )
        assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_grant"
        token = await client.post(f"{base}/oid4vci/token", data={**form, "tx_code": tx_code})
        assert token.status_code == 200, token.text
        assert token.headers["cache-control"] == "no-store"
        access = token.json()["access_token"]
        replay = await client.post(f"{base}/oid4vci/token", data={**form, "tx_code": tx_code})
        assert replay.json()["error"] == "invalid_grant"

        holder = ECKey.generate_key("P-256")
        auth = {"Authorization": f"Bearer {access}"}

        async def nonce() -> str:
            return str((await client.post(f"{base}/oid4vci/nonce")).json()["c_nonce"])

        async def collect(configuration: str, proof_jwt: str, headers: dict[str, str] = auth) -> httpx.Response:
            body = {"credential_configuration_id": configuration, "proofs": {"jwt": [proof_jwt]}}
            return await client.post(f"{base}/oid4vci/credential", json=body, headers=headers)

        refused = {
            "wrong audience": proof(holder, "https://elsewhere.example", await nonce()),
            "no nonce": proof(holder, issuer, None),
            "unknown nonce": proof(holder, issuer, "made-up"),
            "old": proof(holder, issuer, await nonce(), iat=int(time.time()) - 3600),
        }
        for case, proof_jwt in refused.items():
            response = await collect("micro_credential_sd_jwt", proof_jwt)
            assert response.status_code == 400, case
            assert response.json()["error"] in {"invalid_proof", "invalid_nonce"}, case
        assert (await collect("micro_credential_sd_jwt", proof(holder, issuer, await nonce()), {})).status_code == 401

        fresh = await nonce()
        response = await collect("micro_credential_sd_jwt", proof(holder, issuer, fresh))
        assert response.status_code == 200, response.text
        credential = response.json()["credentials"][0]["credential"]
        claims = sdjwt.open_sd_jwt(credential).claims
        assert claims["cnf"]["jwk"]["x"] == holder.as_dict()["x"]
        assert claims["learner"] == {"name": "Amira Haddad"}
        keys = await institution_keys(client, leiden)
        jwt.decode(credential.split("~", 1)[0], keys, algorithms=["ES256"])
        again = await collect("micro_credential_sd_jwt", proof(holder, issuer, await nonce()))
        assert again.status_code == 400  # each configuration once
        reused = await collect("micro_credential_jwt_vc", proof(holder, issuer, fresh))
        assert reused.json()["error"] == "invalid_nonce"
        vc = await collect("micro_credential_jwt_vc", proof(holder, issuer, await nonce()))
        assert vc.status_code == 200, vc.text
        badge = jwt.decode(vc.json()["credentials"][0]["credential"], keys, algorithms=["ES256"]).claims
        assert badge["credentialSubject"]["id"].startswith("did:jwk:")
        events = (await client.get("/v1/institutions/events", headers=leiden.headers())).json()["items"]
        assert [e["type"] for e in events if e["data"].get("issued_id") == issued_id] == ["collected", "collected"]

    async def test_five_wrong_codes_end_the_offer(self, client: httpx.AsyncClient, leiden: Institution) -> None:
        offer, tx_code, _ = await self.offered(client, leiden)
        base = offer["credential_issuer"].removeprefix("http://test")
        code = offer["grants"]["urn:ietf:params:oauth:grant-type:pre-authorized_code"]["pre-authorized_code"]
        form = {"grant_type": "urn:ietf:params:oauth:grant-type:pre-authorized_code", "pre-authorized_code": code}
        wrong = "000000" if tx_code != "000000" else "111111"
        for _ in range(5):
            assert (await client.post(f"{base}/oid4vci/token", data={**form, "tx_code": wrong})).status_code == 400
        final = await client.post(f"{base}/oid4vci/token", data={**form, "tx_code": tx_code})
        assert final.status_code == 400 and final.json()["error"] == "invalid_grant"

    async def test_a_revoked_offer_cannot_be_collected(self, client: httpx.AsyncClient, leiden: Institution) -> None:
        offer, tx_code, issued_id = await self.offered(client, leiden)
        revoked = await client.post(f"/v1/institutions/issued/{issued_id}/revoke", headers=leiden.headers())
        assert revoked.status_code == 200
        base = offer["credential_issuer"].removeprefix("http://test")
        code = offer["grants"]["urn:ietf:params:oauth:grant-type:pre-authorized_code"]["pre-authorized_code"]
        form = {"grant_type": "urn:ietf:params:oauth:grant-type:pre-authorized_code", "pre-authorized_code": code}
        token = await client.post(f"{base}/oid4vci/token", data={**form, "tx_code": tx_code})
        assert token.status_code == 400 and token.json()["error"] == "invalid_grant"

    async def test_an_offer_is_read_only_with_its_code(self, client: httpx.AsyncClient, leiden: Institution) -> None:
        achievement = await define(client, leiden)
        response = await issue(client, leiden, achievement["id"], [{"recipient": {"name": "A"}}], delivery="offer")
        reference = parse_qs(urlsplit(response.json()["items"][0]["offer"]["offer_uri"]).query)["credential_offer_uri"][
            0
        ]
        path, _, _ = reference.removeprefix("http://test").partition("?")
        assert (await client.get(path, params={"code": "x" * 43})).status_code == 404
