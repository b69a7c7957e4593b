"""The offer catalogue: institutions publish offers with their Annex I data (refused with the list of what is
missing), manage only their own, and anyone searches the published ones by words and filters, page by page; the stack
view suggests offers that fill the gap to a target."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.factories import Account, Institution, onboard
from wallet.summary.model import Summary

OFFERS = "/v1/institutions/offers"
CATALOGUE = "/v1/offers"
STACK = "/v1/recognition/stack"
OFFER: dict[str, Any] = {
    "title": "Data literacy for community work",
    "description": "Reading, collecting and presenting data about a neighbourhood.",
    "learning_outcomes": [
        {
            "text": "Interpret descriptive statistics of a local survey",
            "esco_uri": "http://data.europa.eu/esco/skill/4bcd1b8d-9b1a-4d1c-8e5a-5c8b0a0f2e11",
        },
        {"text": "Present findings to residents in plain language"},
    ],
    "ects": 3,
    "eqf_level": 5,
    "field_of_study": "0542",
    "assessment_type": "Written project assessed by two tutors",
    "participation": "blended",
    "quality_assurance": {"type": "External quality assurance", "body": "NVAO"},
    "prerequisites": "None",
    "stackability": "stackable",
    "languages": ["nl", "en"],
    "cost": {"amount": 0},
    "starts_on": "2027-02-01",
    "ends_on": "2027-04-30",
    "place": {"country": "NL", "city": "Leiden"},
    "url": "https://buurtacademie.example/data",
    "awarded_credential": "Micro-credential (Open Badges 3.0)",
}
ANNEX_FIELDS = ("learning_outcomes", "ects", "eqf_level", "assessment_type", "participation", "quality_assurance")


@pytest.fixture
async def leiden(client: httpx.AsyncClient, admin: Account) -> Institution:
    return await onboard(client, admin, "Buurtacademie Leiden", kind="adult_education")


@pytest.fixture
async def lyon(client: httpx.AsyncClient, admin: Account) -> Institution:
    return await onboard(client, admin, "Université de Lyon", country="FR", kind="university")


async def publish(client: httpx.AsyncClient, institution: Institution, **changes: Any) -> dict[str, Any]:
    body = {key: value for key, value in {**OFFER, **changes}.items() if value is not None}
    response = await client.post(OFFERS, json=body, headers=institution.headers())
    assert response.status_code == 201, response.text
    return dict(response.json())


async def search(client: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    response = await client.get(CATALOGUE, params=params)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def titles(client: httpx.AsyncClient, **params: Any) -> list[str]:
    return [item["title"] for item in (await search(client, limit=50, **params))["items"]]


class TestPublishOffer:
    async def test_an_offer_with_its_annex_i_data_is_published(
        self, client: httpx.AsyncClient, leiden: Institution
    ) -> None:
        offer = await publish(client, leiden)
        assert offer["status"] == "published"
        assert offer["provider"] == {
            "id": leiden.id,
            "name": "Buurtacademie Leiden",
            "country": "NL",
            "kind": "adult_education",
        }
        assert (offer["ects_equivalent"], offer["ects_basis"], offer["free_of_charge"]) == (3.0, "stated", True)
        assert offer["learning_outcomes"][0]["esco_uri"].startswith("http://data.europa.eu/esco/skill/")
        assert offer["place"] == {"country": "NL", "city": "Leiden"}
        public = await client.get(f"{CATALOGUE}/{offer['id']}")
        assert public.status_code == 200
        assert public.json() == offer

    async def test_missing_annex_i_elements_are_listed_and_nothing_is_stored(
        self, client: httpx.AsyncClient, leiden: Institution
    ) -> None:
        body = {key: value for key, value in OFFER.items() if key not in ANNEX_FIELDS}
        response = await client.post(OFFERS, json=body, headers=leiden.headers())
        assert response.status_code == 422
        problem = response.json()
        assert problem["code"] == "annex_i_incomplete"
        assert [item["element"] for item in problem["missing"]] == [
            "learning_outcomes",
            "workload",
            "level",
            "assessment_type",
            "participation",
            "quality_assurance",
        ]
        assert "Learning outcomes" in problem["detail"]
        assert (await client.get(OFFERS, headers=leiden.headers())).json()["items"] == []

    async def test_the_providers_country_is_an_annex_i_element(self, client: httpx.AsyncClient, admin: Account) -> None:
        stateless = await onboard(client, admin, "Wandering academy", country=None, kind="ngo")
        response = await client.post(OFFERS, json=OFFER, headers=stateless.headers())
        assert response.status_code == 422
        assert [item["element"] for item in response.json()["missing"]] == ["issuer_country"]

    async def test_hours_alone_are_converted_to_ects(self, client: httpx.AsyncClient, leiden: Institution) -> None:
        offer = await publish(client, leiden, ects=None, hours=45)
        assert (offer["hours"], offer["ects"]) == (45.0, None)
        assert (offer["ects_equivalent"], offer["ects_basis"]) == (1.5, "ects_users_guide")

    async def test_a_national_level_is_checked_and_gives_the_eqf_level(
        self, client: httpx.AsyncClient, leiden: Institution
    ) -> None:
        offer = await publish(client, leiden, eqf_level=None, national_level={"framework": "NLQF", "level": "4+"})
        assert offer["eqf_level"] == 4
        assert offer["national_level"] == {"framework": "NLQF", "level": "4+"}
        unknown = await client.post(
            OFFERS, json={**OFFER, "national_level": {"framework": "NLQF", "level": "9"}}, headers=leiden.headers()
        )
        assert unknown.status_code == 422
        assert unknown.json()["code"] == "unknown_level"

    @pytest.mark.parametrize("code", ["0699", "12", "069"])
    async def test_an_unknown_isced_field_is_refused(
        self, client: httpx.AsyncClient, leiden: Institution, code: str
    ) -> None:
        response = await client.post(OFFERS, json={**OFFER, "field_of_study": code}, headers=leiden.headers())
        assert response.status_code == 422
        assert response.json()["code"] == "unknown_field_of_study"

    async def test_interdisciplinary_and_detailed_fields_are_taken(
        self, client: httpx.AsyncClient, leiden: Institution
    ) -> None:
        assert (await publish(client, leiden, field_of_study="0588"))["field_of_study"] == "0588"
        assert (await publish(client, leiden, field_of_study="06"))["field_of_study"] == "06"

    @pytest.mark.parametrize(
        "extra", [{"id": "0190b6a0-0000-7000-8000-000000000000"}, {"institution_id": "x"}, {"created_at": "2026-01-01"}]
    )
    async def test_protected_fields_are_refused(
        self, client: httpx.AsyncClient, leiden: Institution, lyon: Institution, extra: dict[str, str]
    ) -> None:
        response = await client.post(OFFERS, json={**OFFER, **extra}, headers=leiden.headers())
        assert response.status_code == 422
        assert response.json()["code"] == "invalid_input"
        offer = await publish(client, leiden)
        patched = await client.patch(f"{OFFERS}/{offer['id']}", json=extra, headers=leiden.headers())
        assert patched.status_code == 422
        assert (await client.get(f"{CATALOGUE}/{offer['id']}")).json() == offer

    async def test_the_achievement_issued_must_be_the_institutions_own(
        self, client: httpx.AsyncClient, leiden: Institution, lyon: Institution
    ) -> None:
        definition = {key: value for key, value in OFFER.items() if key in {"title", *ANNEX_FIELDS}}
        created = await client.post("/v1/institutions/achievements", json=definition, headers=lyon.headers())
        assert created.status_code == 201, created.text
        achievement_id = created.json()["id"]
        foreign = await client.post(OFFERS, json={**OFFER, "achievement_id": achievement_id}, headers=leiden.headers())
        assert foreign.status_code == 422
        assert foreign.json()["code"] == "unknown_achievement"
        own = await publish(client, lyon, achievement_id=achievement_id)
        assert own["achievement_id"] == achievement_id

    async def test_a_learner_cannot_publish(self, client: httpx.AsyncClient, learner: Account) -> None:
        response = await client.post(OFFERS, json=OFFER, headers=learner.headers)
        assert response.status_code == 401
        assert response.json()["code"] == "wrong_principal"


class TestOwnOffers:
    async def test_another_institutions_offer_is_not_found_and_stays_unchanged(
        self, client: httpx.AsyncClient, leiden: Institution, lyon: Institution
    ) -> None:
        offer = await publish(client, leiden)
        path = f"{OFFERS}/{offer['id']}"
        assert (await client.get(path, headers=lyon.headers())).status_code == 404
        patched = await client.patch(path, json={"title": "Taken over"}, headers=lyon.headers())
        assert patched.status_code == 404
        assert patched.json()["code"] == "offer_not_found"
        assert (await client.delete(path, headers=lyon.headers())).status_code == 404
        assert (await client.get(OFFERS, headers=lyon.headers())).json()["items"] == []
        assert (await client.get(path, headers=leiden.headers())).json() == offer

    async def test_own_offers_are_listed_newest_first_withdrawn_included(
        self, client: httpx.AsyncClient, leiden: Institution
    ) -> None:
        first = await publish(client, leiden, title="First")
        second = await publish(client, leiden, title="Second")
        await client.patch(f"{OFFERS}/{first['id']}", json={"status": "withdrawn"}, headers=leiden.headers())
        page = (await client.get(OFFERS, params={"limit": 1}, headers=leiden.headers())).json()
        assert [item["id"] for item in page["items"]] == [second["id"]]
        rest = await client.get(OFFERS, params={"cursor": page["next_cursor"]}, headers=leiden.headers())
        assert [(item["id"], item["status"]) for item in rest.json()["items"]] == [(first["id"], "withdrawn")]

    async def test_an_update_is_validated_in_full(self, client: httpx.AsyncClient, leiden: Institution) -> None:
        offer = await publish(client, leiden)
        path = f"{OFFERS}/{offer['id']}"
        removed = await client.patch(path, json={"assessment_type": None}, headers=leiden.headers())
        assert removed.status_code == 422
        assert [item["element"] for item in removed.json()["missing"]] == ["assessment_type"]
        backwards = await client.patch(path, json={"ends_on": "2026-01-01"}, headers=leiden.headers())
        assert backwards.status_code == 422
        assert (await client.patch(path, json={"title": None}, headers=leiden.headers())).status_code == 422
        assert (await client.get(path, headers=leiden.headers())).json() == offer
        changed = await client.patch(
            path, json={"title": "Statistics for neighbourhoods", "ects": 4}, headers=leiden.headers()
        )
        assert changed.status_code == 200, changed.text
        assert (changed.json()["title"], changed.json()["ects_equivalent"]) == ("Statistics for neighbourhoods", 4.0)
        assert changed.json()["description"] == OFFER["description"]
        assert await titles(client, q="neighbourhoods statistics") == ["Statistics for neighbourhoods"]
        assert await titles(client, q="community") == []

    async def test_withdrawn_and_deleted_offers_leave_the_catalogue(
        self, client: httpx.AsyncClient, leiden: Institution
    ) -> None:
        withdrawn = await publish(client, leiden, title="Withdrawn course")
        deleted = await publish(client, leiden, title="Deleted course")
        path = f"{OFFERS}/{withdrawn['id']}"
        assert (await client.patch(path, json={"status": "withdrawn"}, headers=leiden.headers())).status_code == 200
        assert (await client.get(f"{CATALOGUE}/{withdrawn['id']}")).status_code == 404
        assert (await client.delete(f"{OFFERS}/{deleted['id']}", headers=leiden.headers())).status_code == 204
        assert (await client.get(f"{CATALOGUE}/{deleted['id']}")).status_code == 404
        assert (await client.get(f"{OFFERS}/{deleted['id']}", headers=leiden.headers())).status_code == 404
        assert await titles(client, q="course") == []
        assert (await client.patch(path, json={"status": "published"}, headers=leiden.headers())).status_code == 200
        assert await titles(client, q="course") == ["Withdrawn course"]


@pytest.fixture
async def catalogue(client: httpx.AsyncClient, admin: Account) -> dict[str, dict[str, Any]]:
    """Offers of four providers of different kinds, different in every filtered property."""
    ngo = await onboard(client, admin, "Solidarität Köln", country="DE", kind="ngo")
    chamber = await onboard(client, admin, "IHK München", country="DE", kind="chamber")
    university = await onboard(client, admin, "Université de Lyon", country="FR", kind="university")
    employment = await onboard(client, admin, "Arbetsförmedlingen", country="SE", kind="public_employment_service")
    offers = {
        "welding": await publish(
            client,
            chamber,
            title="Welding basics",
            field_of_study="0715",
            eqf_level=4,
            ects=None,
            hours=120,
            participation="onsite",
            languages=["de"],
            cost={"amount": 450, "currency": "EUR"},
            place={"country": "DE", "city": "München"},
        ),
        "german": await publish(
            client,
            ngo,
            title="Deutsch für den Beruf",
            field_of_study="0231",
            eqf_level=3,
            ects=2,
            participation="online",
            languages=["de"],
            cost={"amount": 0},
            place=None,
            description="Sprachkurs für Geflüchtete, mit Bewerbungstraining.",
        ),
        "python": await publish(
            client,
            university,
            title="Programmation Python",
            field_of_study="0613",
            eqf_level=6,
            ects=6,
            participation="online",
            languages=["fr", "en"],
            cost={"amount": 120, "currency": "EUR"},
            place=None,
        ),
        "databases": await publish(
            client,
            university,
            title="Bases de données",
            field_of_study="0612",
            eqf_level=7,
            ects=10,
            participation="blended",
            languages=["fr"],
            cost={"amount": 0},
            place={"country": "FR", "city": "Lyon"},
            description="Modélisation relationnelle et SQL, exercices en Python.",
        ),
        "care": await publish(
            client,
            employment,
            title="Elderly care assistant",
            field_of_study="0913",
            eqf_level=4,
            ects=15,
            participation="onsite",
            languages=["sv", "en-GB"],
            cost=None,
            place={"country": "SE", "city": "Malmö"},
        ),
    }
    return offers


class TestSearchFilters:
    async def test_without_filters_every_published_offer_newest_first(
        self, client: httpx.AsyncClient, catalogue: dict[str, dict[str, Any]]
    ) -> None:
        assert await titles(client) == [
            "Elderly care assistant",
            "Bases de données",
            "Programmation Python",
            "Deutsch für den Beruf",
            "Welding basics",
        ]

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({"field": "06"}, {"python", "databases"}),
            ({"field": "061"}, {"python", "databases"}),
            ({"field": "0613"}, {"python"}),
            ({"field": "07"}, {"welding"}),
            ({"eqf_level": 4}, {"welding", "care"}),
            ({"ects_min": 6}, {"python", "databases", "care"}),
            ({"ects_max": 4}, {"welding", "german"}),
            ({"ects_min": 4, "ects_max": 10}, {"python", "databases", "welding"}),
            ({"language": "en"}, {"python", "care"}),
            ({"language": "en-gb"}, {"care"}),
            ({"language": "DE"}, {"welding", "german"}),
            ({"country": "de"}, {"welding", "german"}),
            ({"country": "FR"}, {"python", "databases"}),
            ({"online": "true"}, {"german", "python"}),
            ({"online": "false"}, {"welding", "databases", "care"}),
            ({"provider_kind": "university"}, {"python", "databases"}),
            ({"provider_kind": "public_employment_service"}, {"care"}),
            ({"free": "true"}, {"german", "databases"}),
            ({"free": "false"}, {"welding", "python", "care"}),
            ({"field": "06", "online": "true", "free": "false", "language": "fr"}, {"python"}),
            ({"eqf_level": 8}, set()),
        ],
    )
    async def test_each_filter(
        self,
        client: httpx.AsyncClient,
        catalogue: dict[str, dict[str, Any]],
        params: dict[str, Any],
        expected: set[str],
    ) -> None:
        by_title = {offer["title"]: name for name, offer in catalogue.items()}
        assert {by_title[title] for title in await titles(client, **params)} == expected

    async def test_hours_are_filtered_as_their_ects_equivalent(
        self, client: httpx.AsyncClient, catalogue: dict[str, dict[str, Any]]
    ) -> None:
        assert catalogue["welding"]["ects_equivalent"] == 4.0  # 120 hours at 30 hours per credit
        assert await titles(client, ects_min=4, ects_max=4) == ["Welding basics"]

    @pytest.mark.parametrize(
        "params",
        [
            {"field": "6"},
            {"eqf_level": 9},
            {"ects_min": 5, "ects_max": 1},
            {"provider_kind": "guild"},
            {"country": "DEU"},
            {"unknown": "1"},
            {"limit": 51},
            {"cursor": "not-a-cursor"},
            {"q": "x" * 201},
        ],
    )
    async def test_invalid_parameters_are_refused(self, client: httpx.AsyncClient, params: dict[str, Any]) -> None:
        response = await client.get(CATALOGUE, params=params)
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"


class TestFullText:
    async def test_words_match_in_any_text_case_and_accents_ignored(
        self, client: httpx.AsyncClient, catalogue: dict[str, dict[str, Any]]
    ) -> None:
        assert await titles(client, q="DONNEES") == ["Bases de données"]
        assert await titles(client, q="gefluchtete") == ["Deutsch für den Beruf"]
        assert await titles(client, q="malmö") == ["Elderly care assistant"]  # the city
        assert await titles(client, q="IHK") == ["Welding basics"]  # the provider
        # The shared description: every offer but the two that have their own.
        assert await titles(client, q="neighbourhood") == [
            "Elderly care assistant",
            "Programmation Python",
            "Welding basics",
        ]

    async def test_every_word_must_appear(
        self, client: httpx.AsyncClient, catalogue: dict[str, dict[str, Any]]
    ) -> None:
        assert await titles(client, q="python sql") == ["Bases de données"]
        assert await titles(client, q="python welding") == []

    async def test_title_matches_rank_first(
        self, client: httpx.AsyncClient, catalogue: dict[str, dict[str, Any]]
    ) -> None:
        # "Bases de données" is newer and mentions Python in its description only: it comes second.
        found = await search(client, q="python")
        assert [item["title"] for item in found["items"]] == ["Programmation Python", "Bases de données"]

    @pytest.mark.parametrize("q", ['"python', "python*", "NEAR(python sql)", "python OR sql", "{title}: python", "-"])
    async def test_query_syntax_is_plain_words(
        self, client: httpx.AsyncClient, catalogue: dict[str, dict[str, Any]], q: str
    ) -> None:
        response = await client.get(CATALOGUE, params={"q": q})
        assert response.status_code == 200, response.text


class TestPagination:
    async def _walk(self, client: httpx.AsyncClient, **params: Any) -> list[str]:
        seen: list[str] = []
        cursor = None
        for _ in range(20):
            page = await search(client, limit=2, **params, **({"cursor": cursor} if cursor else {}))
            assert len(page["items"]) <= 2
            seen.extend(item["id"] for item in page["items"])
            cursor = page["next_cursor"]
            if cursor is None:
                return seen
        raise AssertionError("the pages never ended")

    async def test_pages_have_no_duplicates_or_gaps(self, client: httpx.AsyncClient, leiden: Institution) -> None:
        published = [await publish(client, leiden, title=f"Module {number}") for number in range(7)]
        expected = [offer["id"] for offer in reversed(published)]
        assert await self._walk(client) == expected
        assert await self._walk(client, q="module") == expected

    async def test_pages_run_across_the_title_and_text_tiers(
        self, client: httpx.AsyncClient, leiden: Institution
    ) -> None:
        in_title = [await publish(client, leiden, title=f"Gardening {number}") for number in range(3)]
        in_text = [
            await publish(client, leiden, title=f"Course {number}", description="Urban gardening with residents.")
            for number in range(3)
        ]
        expected = [offer["id"] for offer in [*reversed(in_title), *reversed(in_text)]]
        assert await self._walk(client, q="gardening") == expected

    async def test_a_new_offer_does_not_shift_the_pages(self, client: httpx.AsyncClient, leiden: Institution) -> None:
        published = [await publish(client, leiden, title=f"Module {number}") for number in range(4)]
        first = await search(client, limit=2)
        await publish(client, leiden, title="Module late")
        second = await search(client, limit=2, cursor=first["next_cursor"])
        assert [item["id"] for item in first["items"] + second["items"]] == [o["id"] for o in reversed(published)]

    async def test_a_cursor_of_a_text_search_is_refused_without_words(
        self, client: httpx.AsyncClient, leiden: Institution
    ) -> None:
        for number in range(3):
            await publish(client, leiden, title=f"Module {number}")
        cursor = (await search(client, q="module", limit=1))["next_cursor"]
        response = await client.get(CATALOGUE, params={"cursor": cursor})
        assert response.status_code == 422
        assert response.json()["code"] == "invalid_cursor"


def _summary(title: str, ects: float, eqf: int, field: str) -> dict[str, Any]:
    return {
        "label": title,
        "summary": Summary.model_validate(
            {
                "title": title,
                "issuer": {"name": "Open University of Catalonia", "country": "ES"},
                "credits": [{"value": ects, "system": "ECTS"}],
                "levels": [{"framework": "EQF", "value": str(eqf)}],
                "field_of_study": field,
            }
        ).model_dump(mode="json"),
    }


class TestStackSuggestions:
    async def test_offers_that_fill_the_gap_are_suggested(
        self, client: httpx.AsyncClient, learner: Account, catalogue: dict[str, dict[str, Any]], lyon: Institution
    ) -> None:
        big = await publish(client, lyon, title="Machine learning", field_of_study="0613", eqf_level=7, ects=30)
        response = await client.post(
            STACK,
            json={
                "summaries": [_summary("Algorithms", 15, 6, "0613")],
                "target": {"ects": 30, "eqf_level": 6, "field": "06"},
            },
            headers=learner.headers,
        )
        assert response.status_code == 200, response.text
        result = response.json()
        assert result["ects_missing"] == 15
        suggested = [(item["title"], item["ects"]) for item in result["suggested_offers"]]
        # What fits in the 15 ECTS missing first, the largest first; then what is larger; nothing below EQF 6 or
        # outside field 06.
        assert suggested == [("Bases de données", 10.0), ("Programmation Python", 6.0), ("Machine learning", 30.0)]
        first = result["suggested_offers"][0]
        assert first["offer_id"] == catalogue["databases"]["id"]
        assert first["provider"]["kind"] == "university"
        assert first["reason"] == (
            "Would count: in field 0612, within the target's 06, at EQF 7, it covers 10 of the 15 ECTS missing."
        )
        assert result["suggested_offers"][2]["offer_id"] == big["id"]
        assert "the 15 ECTS missing (30 ECTS in all)" in result["suggested_offers"][2]["reason"]

    async def test_nothing_is_suggested_once_the_target_is_met(
        self, client: httpx.AsyncClient, learner: Account, catalogue: dict[str, dict[str, Any]]
    ) -> None:
        response = await client.post(
            STACK,
            json={"summaries": [_summary("Algorithms", 15, 6, "0613")], "target": {"ects": 15, "field": "06"}},
            headers=learner.headers,
        )
        assert response.json()["met"] is True
        assert response.json()["suggested_offers"] == []

    async def test_withdrawn_offers_are_not_suggested(
        self, client: httpx.AsyncClient, learner: Account, leiden: Institution
    ) -> None:
        offer = await publish(client, leiden, field_of_study="0542", eqf_level=5, ects=5)
        await client.patch(f"{OFFERS}/{offer['id']}", json={"status": "withdrawn"}, headers=leiden.headers())
        response = await client.post(
            STACK,
            json={"summaries": [_summary("Surveys", 5, 5, "0542")], "target": {"ects": 20, "field": "054"}},
            headers=learner.headers,
        )
        assert response.json()["suggested_offers"] == []
