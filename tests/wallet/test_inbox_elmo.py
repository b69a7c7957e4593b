"""An ELMO transcript pushed by an institution: one inbox item the learner accepts, which becomes the transcript and
one credential per learning opportunity, each listed under the transcript and verifiable on its own."""

from __future__ import annotations

import uuid

import httpx
import pytest

from tests.factories import DATA, Account, Institution, onboard

ELMO = (DATA / "elmo-example.xml").read_text("utf-8")
# The EMREX example's own XML signature does not hold (tests/wallet/test_xmldsig.py): push it unsigned, as an
# institution without a seal would.
UNSIGNED = ELMO[: ELMO.index("<Signature xmlns=")] + ELMO[ELMO.index("</Signature>") + len("</Signature>") :]
COURSES = ["Master of Science in Biology", "Compiler construction", "The importance of <br> in HTML"]


@pytest.fixture
async def university(client: httpx.AsyncClient, admin: Account) -> Institution:
    return await onboard(client, admin, "Universitetet i Oslo")


async def test_a_pushed_transcript_becomes_per_course_credentials(
    client: httpx.AsyncClient, university: Institution, learner: Account
) -> None:
    pushed = await client.post(
        "/v1/institutions/credentials:batch",
        json={
            "items": [
                {
                    "recipient": {"learner_id": learner.id},
                    "credential": UNSIGNED,
                    "media_type": "application/xml",
                    "external_id": "transcript-2024",
                }
            ]
        },
        headers=university.headers(str(uuid.uuid4())),
    )
    assert pushed.status_code == 200, pushed.text
    (result,) = pushed.json()["items"]
    assert result["status"] == "delivered"
    item = (await client.get(f"/v1/wallet/inbox/{result['item_id']}", headers=learner.headers)).json()
    assert item["format"] == "elmo"
    assert [part["title"] for part in item["summary"]["parts"]] == COURSES
    # Nothing is in the wallet before the learner accepts.
    assert (await client.get("/v1/wallet/credentials", headers=learner.headers)).json()["items"] == []

    accepted = await client.post(f"/v1/wallet/inbox/{result['item_id']}/accept", headers=learner.headers)
    assert accepted.status_code == 200, accepted.text
    transcript_id = accepted.json()["credential_id"]
    courses = (
        await client.get("/v1/wallet/credentials", params={"parent": transcript_id}, headers=learner.headers)
    ).json()["items"]
    assert sorted(course["summary"]["title"] for course in courses) == sorted(COURSES)
    assert {course["format"] for course in courses} == {"elmo_learning_opportunity"}
    assert all(course["parent_id"] == transcript_id for course in courses)
    compiler = next(course for course in courses if course["summary"]["title"] == "Compiler construction")
    assert [(c["value"], c["system"].upper()) for c in compiler["summary"]["credits"]] == [(6.0, "ECTS")]
    transcript = (await client.get(f"/v1/wallet/credentials/{transcript_id}", headers=learner.headers)).json()
    assert {part["credential_id"] for part in transcript["summary"]["parts"]} == {course["id"] for course in courses}
    verified = await client.post(f"/v1/wallet/credentials/{compiler['id']}/verification", headers=learner.headers)
    assert verified.status_code == 201
    assert {check["check"] for check in verified.json()["checks"]} >= {"format", "signature", "status"}

    events = (await client.get("/v1/institutions/events", headers=university.headers())).json()["items"]
    assert [(event["type"], event["data"].get("external_id")) for event in events] == [
        ("delivered", "transcript-2024"),
        ("accepted", "transcript-2024"),
    ]
