"""The skills profile: aggregated from the learning outcomes of a learner's credentials across formats (ESCO URIs
where documents carry them), the learner's own only, and shareable — built from what a share releases, nothing else."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from core.settings import Settings
from tests.factories import Account, Institution, import_file, onboard
from wallet.skills.profile import aggregate, normalise_text, skill_key
from wallet.summary.model import Achievement, LearningOutcome, Summary

SKILLS = "/v1/wallet/skills"
SHARES = "/v1/wallet/shares"
JSON = {"Accept": "application/json"}
EDC = ("edc-ec-mc-annex1-unsigned.jsonld", "application/ld+json")
OB3 = ("ob3-mynextid-mc.json", "application/ld+json")
EDC_TEXT_ONLY = ("edc-mynextid-mc-signed.jsonld", "application/ld+json")

# ESCO skills the sample documents carry: the EDC (Digital micro-credential creation) and the Open Badge (Data
# Science Fundamentals).
DIGITAL_CONTENT = "http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a"
COMMUNICATION = "http://data.europa.eu/esco/skill/ccdf3597-5c80-410f-896d-e1bdfa223de9"
ANALYSE_TEST_DATA = "http://data.europa.eu/esco/skill/81a2db2c-7e55-44d0-9cd9-74c25147d7cd"
TEST_PROCEDURES = "http://data.europa.eu/esco/skill/f10142ce-d522-49c3-9fd1-054fb63529d4"

# A micro-credential issued through Passerelle (SD-JWT VC) naming two of those skills in its own words, one of them
# written with `https://`.
ISSUED_MICRO_CREDENTIAL: dict[str, Any] = {
    "title": "Evidence-based community projects",
    "learning_outcomes": [
        {"text": "Analyse survey data of a neighbourhood", "esco_uri": ANALYSE_TEST_DATA},
        {"text": "Create digital content for residents", "esco_uri": DIGITAL_CONTENT.replace("http:", "https:")},
        {"text": "Chair a residents' meeting"},
    ],
    "ects": 3,
    "eqf_level": 5,
    "field_of_study": "0923",
    "assessment_type": "Project assessed by two tutors",
    "participation": "blended",
    "quality_assurance": {"type": "Internal quality assurance"},
}


@pytest.fixture
def app_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"share_requests_per_minute": 10_000})


async def imported(client: httpx.AsyncClient, account: Account, sample: tuple[str, str]) -> dict[str, Any]:
    response = await import_file(client, account, *sample)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def issued_and_accepted(client: httpx.AsyncClient, admin: Account, learner: Account) -> dict[str, Any]:
    """The micro-credential above, issued by an NGO as SD-JWT VC into the learner's inbox and accepted."""
    ngo: Institution = await onboard(client, admin, "Buurtacademie Leiden", kind="ngo")
    defined = await client.post("/v1/institutions/achievements", json=ISSUED_MICRO_CREDENTIAL, headers=ngo.headers())
    assert defined.status_code == 201, defined.text
    issued = await client.post(
        f"/v1/institutions/achievements/{defined.json()['id']}/issue",
        json={"items": [{"recipient": {"name": "Ada Lovelace", "email": learner.email}}], "formats": ["dc+sd-jwt"]},
        headers=ngo.headers(),
    )
    assert issued.status_code == 200, issued.text
    (item_id,) = issued.json()["items"][0]["inbox_item_ids"]
    accepted = await client.post(f"/v1/wallet/inbox/{item_id}/accept", headers=learner.headers)
    assert accepted.status_code == 200, accepted.text
    credential = await client.get(f"/v1/wallet/credentials/{accepted.json()['credential_id']}", headers=learner.headers)
    body: dict[str, Any] = credential.json()
    return body


async def profile(client: httpx.AsyncClient, account: Account) -> dict[str, Any]:
    response = await client.get(SKILLS, headers=account.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def by_key(found: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {skill["key"]: skill for skill in found["skills"]}


class TestSkillKeys:
    def test_esco_uri_keys_a_skill_whatever_its_wording_and_scheme(self) -> None:
        one = LearningOutcome(text="Analyse test data", esco_uri=ANALYSE_TEST_DATA)
        other = LearningOutcome(text="Datenanalyse", esco_uri=ANALYSE_TEST_DATA.replace("http:", "https:"))
        assert skill_key(one) == skill_key(other) == (ANALYSE_TEST_DATA, ANALYSE_TEST_DATA)

    def test_without_a_uri_the_normalised_wording_is_the_key(self) -> None:
        assert normalise_text("  Work   in a TEAM. ") == "work in a team"
        assert skill_key(LearningOutcome(text="Work in a team")) == ("text:work in a team", None)
        assert skill_key(LearningOutcome(text=" . ")) is None

    def test_outcomes_of_achievements_count_and_order_is_deterministic(self) -> None:
        first = Summary(learning_outcomes=[LearningOutcome(text="B skill"), LearningOutcome(text="a skill")])
        second = Summary(achievements=[Achievement(title="Unit", learning_outcomes=[LearningOutcome(text="b skill")])])
        skills = aggregate([("first", first), ("second", second)])
        assert [(s.key, s.sources) for s in skills] == [
            ("text:b skill", ["first", "second"]),
            ("text:a skill", ["first"]),
        ]
        again = aggregate([("second", second), ("first", first)])
        assert [(s.key, s.label) for s in again] == [(s.key, s.label) for s in skills]
        assert skills[0].label == "B skill"  # ties between wordings: the alphabetically first


class TestSkillsProfile:
    async def test_skills_meet_across_formats_by_esco_uri(
        self, client: httpx.AsyncClient, learner: Account, admin: Account
    ) -> None:
        edc = await imported(client, learner, EDC)
        badge = await imported(client, learner, OB3)
        sd_jwt = await issued_and_accepted(client, admin, learner)
        assert sd_jwt["format"] == "sd_jwt_vc"
        verified = await client.post(f"/v1/wallet/credentials/{edc['id']}/verification", headers=learner.headers)
        assert verified.status_code == 201, verified.text

        found = await profile(client, learner)
        skills = by_key(found)
        assert found["credentials_considered"] == 3
        assert found["credentials_with_outcomes"] == 3
        assert [c["id"] for c in skills[ANALYSE_TEST_DATA]["credentials"]] == [badge["id"], sd_jwt["id"]]
        assert [c["id"] for c in skills[DIGITAL_CONTENT]["credentials"]] == [edc["id"], sd_jwt["id"]]
        assert skills[DIGITAL_CONTENT]["esco_uri"] == DIGITAL_CONTENT
        assert [c["id"] for c in skills[COMMUNICATION]["credentials"]] == [edc["id"]]
        assert [c["id"] for c in skills[TEST_PROCEDURES]["credentials"]] == [badge["id"]]
        assert skills["text:chair a residents' meeting"]["esco_uri"] is None
        # Skills with most credentials first, then by label.
        assert [s["key"] for s in found["skills"][:2]] == [ANALYSE_TEST_DATA, DIGITAL_CONTENT]
        # The credential behind it: title, issuer, format, and the latest verification per check (none if never run).
        edc_card = skills[COMMUNICATION]["credentials"][0]
        assert edc_card["title"] == "Digital micro-credential creation"
        assert edc_card["issuer"]
        assert edc_card["format"] == "edc"
        assert set(edc_card["verification"]["checks"]) >= {"format", "signature", "status"}
        badge_card = skills[TEST_PROCEDURES]["credentials"][0]
        assert badge_card["title"] == "Data Science Fundamentals"
        assert badge_card["verification"] is None
        assert skills[ANALYSE_TEST_DATA]["credentials"][1]["issuer"] == "Buurtacademie Leiden"
        # The same answer every time.
        assert await profile(client, learner) == found

    async def test_outcomes_without_uris_are_kept_by_their_wording(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        credential = await imported(client, learner, EDC_TEXT_ONLY)
        skills = by_key(await profile(client, learner))
        assert skills["text:example of learning outcome"]["label"] == "Example of learning outcome"
        assert skills["text:example of learning outcome"]["credentials"][0]["id"] == credential["id"]

    async def test_another_learners_credentials_never_appear(
        self, client: httpx.AsyncClient, learner: Account, other_learner: Account
    ) -> None:
        await imported(client, other_learner, EDC)
        mine = await imported(client, learner, OB3)
        found = await profile(client, learner)
        assert set(by_key(found)) == {ANALYSE_TEST_DATA, TEST_PROCEDURES}
        assert {c["id"] for s in found["skills"] for c in s["credentials"]} == {mine["id"]}
        assert found["credentials_considered"] == 1
        theirs = await profile(client, other_learner)
        assert mine["id"] not in str(theirs)
        assert (await profile(client, learner))["skills"] != theirs["skills"]

    async def test_an_empty_wallet_has_an_empty_profile_and_the_profile_needs_a_learner(
        self, client: httpx.AsyncClient, learner: Account, admin: Account
    ) -> None:
        assert await profile(client, learner) == {
            "skills": [],
            "credentials_considered": 0,
            "credentials_with_outcomes": 0,
        }
        assert (await client.get(SKILLS)).status_code == 401
        assert (await client.get(SKILLS, headers=admin.headers)).status_code == 401


async def make_share(
    client: httpx.AsyncClient, account: Account, items: list[dict[str, Any]], **options: Any
) -> httpx.Response:
    return await client.post(
        SHARES, json={"items": items, "purpose": "Job application", **options}, headers=account.headers
    )


class TestSharedSkillsProfile:
    async def test_the_profile_comes_from_the_shared_credentials_only(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        edc = await imported(client, learner, EDC)
        await imported(client, learner, OB3)  # in the wallet, not in the share
        created = await make_share(
            client,
            learner,
            [{"credential_id": edc["id"], "fields": ["title", "learning_outcomes"]}],
            include_skills_profile=True,
        )
        assert created.status_code == 201, created.text
        share = created.json()
        assert share["include_skills_profile"] is True
        read = await client.get(f"{SHARES}/{share['id']}", headers=learner.headers)
        assert read.json()["include_skills_profile"] is True
        token = share["url"].rsplit("/", 1)[1]

        landing = await client.get(f"/s/{token}", headers=JSON)
        assert landing.json()["skills_profile"] is True
        page = await client.get(f"/s/{token}")
        assert "skills profile" in page.text

        revealed = await client.post(f"/s/{token}/reveal", headers=JSON)
        assert revealed.status_code == 200, revealed.text
        skills = revealed.json()["skills_profile"]
        assert {s["key"] for s in skills} == {COMMUNICATION, DIGITAL_CONTENT}
        assert all(s["credentials"] == [0] for s in skills)
        assert ANALYSE_TEST_DATA not in revealed.text and TEST_PROCEDURES not in revealed.text

        html = await client.post(f"/s/{token}/reveal")
        assert "Skills profile" in html.text
        assert "Developing digital content" in html.text
        assert "Analyse test data" not in html.text

        downloaded = await client.post(f"/s/{token}/download")
        assert {s["key"] for s in downloaded.json()["skills_profile"]} == {COMMUNICATION, DIGITAL_CONTENT}

    async def test_withheld_learning_outcomes_add_no_skill(self, client: httpx.AsyncClient, learner: Account) -> None:
        edc = await imported(client, learner, EDC)
        badge = await imported(client, learner, OB3)
        items = [
            {"credential_id": edc["id"], "fields": ["title"]},
            {"credential_id": badge["id"], "fields": ["title", "learning_outcomes"]},
        ]
        preview = await client.post(
            f"{SHARES}:preview",
            json={"items": items, "purpose": "Job application", "include_skills_profile": True},
            headers=learner.headers,
        )
        assert preview.status_code == 200, preview.text
        assert {s["key"] for s in preview.json()["skills_profile"]} == {ANALYSE_TEST_DATA, TEST_PROCEDURES}
        assert all(s["credentials"] == [1] for s in preview.json()["skills_profile"])
        created = await make_share(client, learner, items, include_skills_profile=True)
        token = created.json()["url"].rsplit("/", 1)[1]
        revealed = (await client.post(f"/s/{token}/reveal", headers=JSON)).json()
        assert {s["key"] for s in revealed["skills_profile"]} == {ANALYSE_TEST_DATA, TEST_PROCEDURES}
        assert COMMUNICATION not in str(revealed)

    async def test_without_the_option_no_profile_and_a_profile_needs_outcomes(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        edc = await imported(client, learner, EDC)
        plain = await make_share(
            client, learner, [{"credential_id": edc["id"], "fields": ["title", "learning_outcomes"]}]
        )
        assert plain.json()["include_skills_profile"] is False
        token = plain.json()["url"].rsplit("/", 1)[1]
        assert (await client.get(f"/s/{token}", headers=JSON)).json()["skills_profile"] is False
        assert "skills_profile" not in (await client.post(f"/s/{token}/reveal", headers=JSON)).json()

        refused = await make_share(
            client, learner, [{"credential_id": edc["id"], "fields": ["title"]}], include_skills_profile=True
        )
        assert refused.status_code == 422
        assert refused.json()["code"] == "no_learning_outcomes_released"
        listed = await client.get(SHARES, headers=learner.headers)
        assert len(listed.json()["items"]) == 1

    async def test_a_revoked_share_releases_no_profile(self, client: httpx.AsyncClient, learner: Account) -> None:
        edc = await imported(client, learner, EDC)
        created = (
            await make_share(
                client,
                learner,
                [{"credential_id": edc["id"], "fields": ["learning_outcomes"]}],
                include_skills_profile=True,
            )
        ).json()
        await client.post(f"{SHARES}/{created['id']}/revoke", headers=learner.headers)
        revealed = await client.post(f"/s/{created['url'].rsplit('/', 1)[1]}/reveal", headers=JSON)
        assert revealed.status_code == 410
        assert "skills_profile" not in revealed.text
