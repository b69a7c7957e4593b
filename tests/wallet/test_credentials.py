"""The credential store, end to end through the API."""

from __future__ import annotations

import hashlib

import httpx
import pytest

from tests.factories import DATA, Account, import_file

SAMPLES = [
    ("edc-ec-mc-annex1-signed.jsonld", "application/jose+json", "edc_jades"),
    ("edc-ec-mc-annex1-unsigned.jsonld", "application/ld+json", "edc"),
    ("edc-mynextid-mc-signed.jsonld", "application/json", "edc_jades"),
    ("ob3-simple.json", "application/vc+ld+json", "open_badges_3"),
    ("ob3-simple.jwt", "application/jwt", "open_badges_3_jwt"),
    ("clr2-simple.json", "application/ld+json", "clr_2"),
    ("sd-jwt-vc-openid4vci.txt", "application/dc+sd-jwt", "sd_jwt_vc"),
    ("elmo-example.xml", "application/xml", "elmo"),
]


class TestImportCredential:
    @pytest.mark.parametrize(("name", "media_type", "expected_format"), SAMPLES)
    async def test_real_credentials_keep_their_bytes(
        self, client: httpx.AsyncClient, learner: Account, name: str, media_type: str, expected_format: str
    ) -> None:
        original = (DATA / name).read_bytes()
        response = await import_file(client, learner, name, media_type)
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["format"] == expected_format
        assert body["sha256"] == hashlib.sha256(original).hexdigest()
        assert body["size_bytes"] == len(original)
        assert response.headers["Location"] == f"/v1/wallet/credentials/{body['id']}"

        download = await client.get(f"/v1/wallet/credentials/{body['id']}/original", headers=learner.headers)
        assert download.status_code == 200
        assert download.content == original
        assert download.headers["content-type"].split(";")[0] == media_type

    async def test_summary_names_title_and_issuer(self, client: httpx.AsyncClient, learner: Account) -> None:
        response = await import_file(client, learner, "ob3-simple.json", "application/ld+json")
        summary = response.json()["summary"]
        assert summary["issuer"]["id"]
        assert "OpenBadgeCredential" in summary["types"]

    async def test_multipart_upload_with_label(self, client: httpx.AsyncClient, learner: Account) -> None:
        content = (DATA / "elmo-example.xml").read_bytes()
        response = await client.post(
            "/v1/wallet/credentials",
            files={"file": ("transcript.xml", content, "application/octet-stream")},
            data={"label": "My Erasmus transcript"},
            headers=learner.headers,
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["label"] == "My Erasmus transcript"
        assert body["format"] == "elmo"
        assert body["media_type"] == "application/xml"

    async def test_same_document_twice_is_one_credential(self, client: httpx.AsyncClient, learner: Account) -> None:
        first = await import_file(client, learner, "ob3-simple.jwt", "application/jwt")
        second = await import_file(client, learner, "ob3-simple.jwt", "application/jwt")
        assert second.status_code == 409
        assert second.headers["content-type"] == "application/problem+json"
        assert second.json()["existing_id"] == first.json()["id"]
        listing = await client.get("/v1/wallet/credentials", headers=learner.headers)
        assert len(listing.json()["items"]) == 1

    async def test_two_learners_may_hold_the_same_document(
        self, client: httpx.AsyncClient, learner: Account, other_learner: Account
    ) -> None:
        assert (await import_file(client, learner, "ob3-simple.jwt", "application/jwt")).status_code == 201
        assert (await import_file(client, other_learner, "ob3-simple.jwt", "application/jwt")).status_code == 201

    @pytest.mark.parametrize(
        ("content", "media_type", "status", "code"),
        [
            (b'{"hello": "world"}', "application/json", 422, "unrecognised_credential"),
            (  # a signed presentation is no credential (a signed credential whose type was damaged is checked)
                b'{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"], '
                b'"proof": {"type": "DataIntegrityProof"}}',
                "application/ld+json",
                422,
                "unrecognised_credential",
            ),
            (b"not a jwt", "application/jwt", 422, "unrecognised_credential"),
            (b"<html><body/></html>", "application/xml", 422, "unrecognised_credential"),
            (b"", "application/json", 422, "empty_document"),
            (b'{"type": ["VerifiableCredential"], "type": []}', "application/json", 422, "duplicate_json_key"),
            (b"GIF89a", "image/gif", 415, "unsupported_media_type"),
        ],
    )
    async def test_refused_documents_change_nothing(
        self, client: httpx.AsyncClient, learner: Account, content: bytes, media_type: str, status: int, code: str
    ) -> None:
        response = await client.post(
            "/v1/wallet/credentials", content=content, headers={**learner.headers, "Content-Type": media_type}
        )
        assert response.status_code == status, response.text
        assert response.json()["code"] == code
        listing = await client.get("/v1/wallet/credentials", headers=learner.headers)
        assert listing.json()["items"] == []

    async def test_xml_entity_expansion_is_refused(self, client: httpx.AsyncClient, learner: Account) -> None:
        bomb = (
            b'<?xml version="1.0"?><!DOCTYPE elmo [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">]>'
            b"<elmo>&b;</elmo>"
        )
        response = await client.post(
            "/v1/wallet/credentials", content=bomb, headers={**learner.headers, "Content-Type": "application/xml"}
        )
        assert response.status_code == 422
        assert response.json()["code"] == "unsafe_xml"

    async def test_oversized_upload_is_413(self, client: httpx.AsyncClient, learner: Account) -> None:
        response = await client.post(
            "/v1/wallet/credentials",
            content=b"{" + b" " * (10 * 1024 * 1024) + b"}",
            headers={**learner.headers, "Content-Type": "application/json"},
        )
        assert response.status_code == 413
        assert response.json()["code"] == "content_too_large"

    async def test_needs_a_learner_token(self, client: httpx.AsyncClient) -> None:
        response = await client.post(
            "/v1/wallet/credentials",
            content=(DATA / "ob3-simple.jwt").read_bytes(),
            headers={"Content-Type": "application/jwt"},
        )
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


class TestListCredentials:
    async def test_pages_newest_first_with_a_cursor(self, client: httpx.AsyncClient, learner: Account) -> None:
        ids = []
        for name, media_type, _ in SAMPLES[:5]:
            ids.append((await import_file(client, learner, name, media_type)).json()["id"])
        seen: list[str] = []
        cursor = None
        while True:
            params = {"limit": "2", **({"cursor": cursor} if cursor else {})}
            page = (await client.get("/v1/wallet/credentials", params=params, headers=learner.headers)).json()
            assert len(page["items"]) <= 2
            seen += [item["id"] for item in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == list(reversed(ids))

    async def test_filters_by_format_and_tag(self, client: httpx.AsyncClient, learner: Account) -> None:
        jwt_id = (await import_file(client, learner, "ob3-simple.jwt", "application/jwt")).json()["id"]
        await import_file(client, learner, "elmo-example.xml", "application/xml")
        etag = (await client.get(f"/v1/wallet/credentials/{jwt_id}", headers=learner.headers)).headers["ETag"]
        await client.patch(
            f"/v1/wallet/credentials/{jwt_id}",
            json={"tags": ["erasmus", "2024"]},
            headers={**learner.headers, "If-Match": etag},
        )

        by_format = await client.get("/v1/wallet/credentials", params={"format": "elmo"}, headers=learner.headers)
        assert [item["format"] for item in by_format.json()["items"]] == ["elmo"]
        by_tag = await client.get("/v1/wallet/credentials", params={"tag": "erasmus"}, headers=learner.headers)
        assert [item["id"] for item in by_tag.json()["items"]] == [jwt_id]
        none = await client.get("/v1/wallet/credentials", params={"tag": "erasm"}, headers=learner.headers)
        assert none.json()["items"] == []

    @pytest.mark.parametrize("params", [{"limit": "101"}, {"limit": "0"}, {"cursor": "!!"}, {"format": "pdf"}])
    async def test_bad_parameters_are_422(
        self, client: httpx.AsyncClient, learner: Account, params: dict[str, str]
    ) -> None:
        response = await client.get("/v1/wallet/credentials", params=params, headers=learner.headers)
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"

    async def test_forged_cursor_is_422(self, client: httpx.AsyncClient, learner: Account) -> None:
        response = await client.get("/v1/wallet/credentials", params={"cursor": "abc"}, headers=learner.headers)
        assert response.status_code == 422
        assert response.json()["code"] == "invalid_cursor"


class TestUpdateCredential:
    async def _imported(self, client: httpx.AsyncClient, learner: Account) -> tuple[str, str]:
        response = await import_file(client, learner, "ob3-simple.jwt", "application/jwt")
        return response.json()["id"], response.headers["ETag"]

    async def test_label_and_tags_with_current_etag(self, client: httpx.AsyncClient, learner: Account) -> None:
        credential_id, etag = await self._imported(client, learner)
        response = await client.patch(
            f"/v1/wallet/credentials/{credential_id}",
            json={"label": "Badge", "tags": ["b", "a", "b"]},
            headers={**learner.headers, "If-Match": etag},
        )
        assert response.status_code == 200, response.text
        assert response.json()["label"] == "Badge"
        assert response.json()["tags"] == ["a", "b"]
        assert response.headers["ETag"] != etag

    async def test_stale_etag_is_412_and_changes_nothing(self, client: httpx.AsyncClient, learner: Account) -> None:
        credential_id, etag = await self._imported(client, learner)
        first = await client.patch(
            f"/v1/wallet/credentials/{credential_id}",
            json={"label": "One"},
            headers={**learner.headers, "If-Match": etag},
        )
        assert first.status_code == 200
        stale = await client.patch(
            f"/v1/wallet/credentials/{credential_id}",
            json={"label": "Two"},
            headers={**learner.headers, "If-Match": etag},
        )
        assert stale.status_code == 412
        current = await client.get(f"/v1/wallet/credentials/{credential_id}", headers=learner.headers)
        assert current.json()["label"] == "One"

    async def test_missing_if_match_is_428(self, client: httpx.AsyncClient, learner: Account) -> None:
        credential_id, _ = await self._imported(client, learner)
        response = await client.patch(
            f"/v1/wallet/credentials/{credential_id}", json={"label": "x"}, headers=learner.headers
        )
        assert response.status_code == 428

    @pytest.mark.parametrize(
        "body",
        [
            {"owner_id": "00000000-0000-0000-0000-000000000000"},
            {"sha256": "0" * 64},
            {"format": "vc"},
            {"id": "x"},
            {"tags": ["with space"]},
            {"label": "a\u0000b"},
            {"tags": ["t"] * 33},
        ],
    )
    async def test_protected_or_invalid_fields_are_422(
        self, client: httpx.AsyncClient, learner: Account, body: dict[str, object]
    ) -> None:
        credential_id, etag = await self._imported(client, learner)
        response = await client.patch(
            f"/v1/wallet/credentials/{credential_id}", json=body, headers={**learner.headers, "If-Match": etag}
        )
        assert response.status_code == 422
        after = await client.get(f"/v1/wallet/credentials/{credential_id}", headers=learner.headers)
        assert after.headers["ETag"] == etag


class TestDeleteCredential:
    async def test_delete_removes_metadata_and_bytes(self, client: httpx.AsyncClient, learner: Account) -> None:
        credential_id = (await import_file(client, learner, "ob3-simple.jwt", "application/jwt")).json()["id"]
        assert (
            await client.delete(f"/v1/wallet/credentials/{credential_id}", headers=learner.headers)
        ).status_code == 204
        assert (await client.get(f"/v1/wallet/credentials/{credential_id}", headers=learner.headers)).status_code == 404
        original = await client.get(f"/v1/wallet/credentials/{credential_id}/original", headers=learner.headers)
        assert original.status_code == 404
        # Deleted means gone: the same document can be imported again as a new credential.
        again = await import_file(client, learner, "ob3-simple.jwt", "application/jwt")
        assert again.status_code == 201
        assert again.json()["id"] != credential_id


class TestOtherLearnersCredentials:
    """A learner never sees, changes or deletes another learner's credential: every attempt is 404."""

    async def test_every_route_answers_404_and_changes_nothing(
        self, client: httpx.AsyncClient, learner: Account, other_learner: Account
    ) -> None:
        created = await import_file(client, learner, "ob3-simple.jwt", "application/jwt")
        credential_id, etag = created.json()["id"], created.headers["ETag"]
        path = f"/v1/wallet/credentials/{credential_id}"
        intruder = other_learner.headers
        attempts = [
            await client.get(path, headers=intruder),
            await client.get(f"{path}/original", headers=intruder),
            await client.patch(path, json={"label": "mine now"}, headers={**intruder, "If-Match": etag}),
            await client.patch(path, json={"label": "mine now"}, headers={**intruder, "If-Match": "*"}),
            await client.delete(path, headers=intruder),
        ]
        for response in attempts:
            assert response.status_code == 404, response.text
            assert response.json()["code"] == "credential_not_found"
        listing = await client.get("/v1/wallet/credentials", headers=intruder)
        assert listing.json()["items"] == []
        owner_view = await client.get(path, headers=learner.headers)
        assert owner_view.status_code == 200
        assert owner_view.headers["ETag"] == etag
        assert owner_view.json()["label"] is None

    async def test_unknown_id_looks_the_same_as_a_foreign_one(
        self, client: httpx.AsyncClient, learner: Account, other_learner: Account
    ) -> None:
        credential_id = (await import_file(client, learner, "ob3-simple.jwt", "application/jwt")).json()["id"]
        foreign = await client.get(f"/v1/wallet/credentials/{credential_id}", headers=other_learner.headers)
        unknown = await client.get(
            "/v1/wallet/credentials/0190b5a0-0000-7000-8000-000000000000", headers=other_learner.headers
        )
        assert foreign.status_code == unknown.status_code == 404
        assert foreign.json()["detail"] == unknown.json()["detail"]


class TestLinkedCredentials:
    async def test_a_clr_bundle_brings_its_credentials_as_linked_credentials(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        response = await import_file(client, learner, "clr2-simple.json", "application/ld+json")
        assert response.status_code == 201, response.text
        bundle = response.json()
        parts = bundle["summary"]["parts"]
        assert parts and all(part["credential_id"] for part in parts)
        listed = await client.get(f"/v1/wallet/credentials?parent={bundle['id']}", headers=learner.headers)
        children = listed.json()["items"]
        assert sorted(c["id"] for c in children) == sorted(p["credential_id"] for p in parts)
        assert all(c["parent_id"] == bundle["id"] for c in children)
        assert {c["format"] for c in children} <= {"open_badges_3", "open_badges_3_jwt"}
        original = await client.get(f"/v1/wallet/credentials/{children[0]['id']}/original", headers=learner.headers)
        assert original.status_code == 200 and original.content

        deleted = await client.delete(f"/v1/wallet/credentials/{bundle['id']}", headers=learner.headers)
        assert deleted.status_code == 204
        for child in children:
            gone = await client.get(f"/v1/wallet/credentials/{child['id']}", headers=learner.headers)
            assert gone.status_code == 404

    async def test_an_elmo_transcript_brings_one_credential_per_learning_opportunity(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        response = await import_file(client, learner, "elmo-example.xml", "application/xml")
        transcript = response.json()
        listed = await client.get(
            f"/v1/wallet/credentials?parent={transcript['id']}&limit=100", headers=learner.headers
        )
        children = listed.json()["items"]
        assert len(children) == len(transcript["summary"]["parts"]) > 0
        assert {c["format"] for c in children} == {"elmo_learning_opportunity"}
        assert all(c["summary"]["title"] for c in children)

    async def test_another_learner_cannot_list_the_parts(
        self, client: httpx.AsyncClient, learner: Account, other_learner: Account
    ) -> None:
        bundle = (await import_file(client, learner, "clr2-simple.json", "application/ld+json")).json()
        listed = await client.get(f"/v1/wallet/credentials?parent={bundle['id']}", headers=other_learner.headers)
        assert listed.json()["items"] == []


class TestVerifyLinkedCredentials:
    async def test_a_learning_opportunity_is_verified_through_its_transcript(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        transcript = (await import_file(client, learner, "elmo-example.xml", "application/xml")).json()
        child_id = transcript["summary"]["parts"][0]["credential_id"]
        direct = await client.post(f"/v1/wallet/credentials/{transcript['id']}/verification", headers=learner.headers)
        through_child = await client.post(f"/v1/wallet/credentials/{child_id}/verification", headers=learner.headers)
        assert through_child.status_code == 201, through_child.text
        outcomes = {c["check"]: (c["outcome"], c["reason"]) for c in through_child.json()["checks"]}
        assert outcomes == {c["check"]: (c["outcome"], c["reason"]) for c in direct.json()["checks"]}
        assert outcomes["signature"][0] == "failed"  # the EMREX example was edited after it was signed
