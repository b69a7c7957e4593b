"""Frameworks, levels and comparisons through the EQF, over HTTP. The facts pinned here are real (see
docs/data-sources.md); each assertion is one a recognition officer or a learner relies on."""

from __future__ import annotations

from typing import Any

import httpx

from core import i18n
from recognition.caveats import LEVEL_EXPLANATION
from recognition.schemas import CAVEAT

COMPARE = "/v1/recognition/compare"
PROBLEM = "application/problem+json"


async def _compare(client: httpx.AsyncClient, **params: str) -> dict[str, Any]:
    response = await client.get(COMPARE, params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _target_labels(body: dict[str, Any], framework_key: str, eqf_level: int) -> list[str]:
    reading = next(r for r in body["readings"] if r["eqf_level"] == eqf_level)
    target = next(t for t in reading["targets"] if t["framework"]["key"] == framework_key)
    return [level["label"] for level in target["levels"]]


class TestCompare:
    async def test_irish_level_8_reads_as_eqf_6_and_german_dqr_6(self, client: httpx.AsyncClient) -> None:
        body = await _compare(client, country="IE", framework="NFQ", level="8", target_country="DE")
        assert body["outcome"] == "comparable"
        assert body["source"]["level"]["eqf_levels"] == [6]
        assert body["source"]["level"]["status"] == "verified"
        assert body["source"]["level"]["source_url"].startswith("https://")
        assert _target_labels(body, "DE-DQR", 6) == ["6"]
        reading = body["readings"][0]
        assert reading["eqf"]["descriptors"]["knowledge"]
        assert reading["qf_ehea"]["label"] == "first cycle"
        assert reading["targets"][0]["relation"] == "comparable level"
        assert "comparable level is DQR 6" in body["explanation"]

    async def test_same_number_is_not_the_same_level(self, client: httpx.AsyncClient) -> None:
        scottish = await _compare(client, country="GB-SCT", level="6")
        irish = await _compare(client, country="IE", level="6")
        english = await _compare(client, country="GB", framework="RQF", level="6")
        assert scottish["source"]["level"]["eqf_levels"] == [4]
        assert irish["source"]["level"]["eqf_levels"] == [5]
        assert english["source"]["level"]["eqf_levels"] == [6]

    async def test_entry_level_has_no_eqf_level(self, client: httpx.AsyncClient) -> None:
        body = await _compare(client, country="GB", framework="RQF", level="Entry 1", target_country="FR")
        assert body["outcome"] == "no_eqf_level"
        assert body["source"]["level"]["eqf_levels"] == []
        assert body["readings"] == []
        assert "below EQF level 1" in body["explanation"]

    async def test_croatian_sub_levels_both_read_as_eqf_7(self, client: httpx.AsyncClient) -> None:
        for label in ("7.1", "7.2"):
            body = await _compare(client, country="HR", level=label)
            assert body["source"]["level"]["eqf_levels"] == [7], label
            assert body["source"]["level"]["status"] == "partly verified"

    async def test_french_legacy_level_i_answers_both_readings(self, client: httpx.AsyncClient) -> None:
        body = await _compare(client, country="FR", framework="1969", level="I", target_country="DE")
        assert body["outcome"] == "ambiguous"
        assert [reading["eqf_level"] for reading in body["readings"]] == [7, 8]
        assert _target_labels(body, "DE-DQR", 7) == ["7"]
        assert _target_labels(body, "DE-DQR", 8) == ["8"]
        assert "doctorate" in body["decided_by"]
        assert body["decided_by"] in body["explanation"]

    async def test_many_national_levels_at_one_eqf_level(self, client: httpx.AsyncClient) -> None:
        body = await _compare(client, country="DE", level="6", target_country="IE")
        assert _target_labels(body, "IE-NFQ", 6) == ["7", "8"]

    async def test_a_country_with_several_frameworks_answers_each(self, client: httpx.AsyncClient) -> None:
        body = await _compare(client, country="IE", level="9", target_country="GB")
        keys = {target["framework"]["key"]: target for target in body["readings"][0]["targets"]}
        assert set(keys) == {"GB-SCT-SCQF", "GB-ENI-RQF", "GB-WLS-CQFW"}
        assert [level["label"] for level in keys["GB-SCT-SCQF"]["levels"]] == ["11"]
        assert "historical" in body["explanation"]

    async def test_answers_carry_the_caveat_and_never_say_equivalent(self, client: httpx.AsyncClient) -> None:
        response = await client.get(COMPARE, params={"country": "NL", "level": "4+", "target_country": "AT"})
        assert response.status_code == 200
        assert response.json()["caveat"] == CAVEAT
        assert "equivalent" not in response.text.lower()
        assert _target_labels(response.json(), "AT-NQR", 4) == ["IV"]

    async def test_public_without_a_token(self, client: httpx.AsyncClient) -> None:
        response = await client.get(COMPARE, params={"country": "IE", "level": "8"})
        assert response.status_code == 200
        assert response.headers["cache-control"] == "public, max-age=300"

    async def test_aliases_and_case_are_accepted(self, client: httpx.AsyncClient) -> None:
        body = await _compare(client, country="uk", framework="rqf", level="e3")
        assert body["source"]["level"]["label"] == "Entry 3"
        assert body["source"]["level"]["eqf_levels"] == [1]

    async def test_unknown_country_names_the_valid_ones(self, client: httpx.AsyncClient) -> None:
        response = await client.get(COMPARE, params={"country": "XX", "level": "8"})
        assert response.status_code == 404
        assert response.headers["content-type"] == PROBLEM
        problem = response.json()
        assert problem["code"] == "unknown_country"
        assert "IE" in problem["valid_values"] and "GB-SCT" in problem["valid_values"]
        assert "IE" in problem["detail"]

    async def test_unknown_level_names_the_framework_levels(self, client: httpx.AsyncClient) -> None:
        response = await client.get(COMPARE, params={"country": "IE", "level": "11"})
        assert response.status_code == 404
        problem = response.json()
        assert problem["code"] == "unknown_level"
        assert problem["valid_values"] == [str(n) for n in range(1, 11)]

    async def test_unknown_framework_names_the_country_frameworks(self, client: httpx.AsyncClient) -> None:
        response = await client.get(COMPARE, params={"country": "ES", "framework": "LOMLOE", "level": "2"})
        assert response.status_code == 404
        problem = response.json()
        assert problem["code"] == "unknown_framework"
        assert set(problem["valid_values"]) == {"MECU (ES-MECU)", "MECES (ES-MECES)"}

    async def test_a_country_with_several_frameworks_needs_one_named(self, client: httpx.AsyncClient) -> None:
        response = await client.get(COMPARE, params={"country": "GB", "level": "6"})
        assert response.status_code == 422
        problem = response.json()
        assert problem["code"] == "framework_required"
        assert "SCQF (GB-SCT-SCQF)" in problem["valid_values"]

    async def test_unknown_target_country_is_not_found(self, client: httpx.AsyncClient) -> None:
        response = await client.get(COMPARE, params={"country": "IE", "level": "8", "target_country": "US"})
        assert response.status_code == 404
        assert response.json()["code"] == "unknown_country"

    async def test_malformed_country_is_invalid(self, client: httpx.AsyncClient) -> None:
        response = await client.get(COMPARE, params={"country": "Ireland", "level": "8"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["location"] == ["query", "country"]


class TestFrameworks:
    async def test_lists_every_framework_with_its_provenance(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/v1/recognition/frameworks")
        assert response.status_code == 200
        frameworks = {row["key"]: row for row in response.json()}
        assert {"EQF", "QF-EHEA", "IE-NFQ", "HR-CROQF", "SI-SQF", "FR-1969"} <= set(frameworks)
        assert frameworks["FR-1969"]["legacy"] is True
        assert frameworks["SI-SQF"]["status"] == "partly verified"

    async def test_filters_by_country(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/v1/recognition/frameworks", params={"country": "ES"})
        assert [row["key"] for row in response.json()] == ["ES-MECES", "ES-MECU"]

    async def test_unknown_country_filter_is_not_found(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/v1/recognition/frameworks", params={"country": "ZZ"})
        assert response.status_code == 404
        assert response.json()["code"] == "unknown_country"

    async def test_levels_in_order_with_labels_as_strings(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/v1/recognition/frameworks/NLQF/levels")
        assert response.status_code == 200
        labels = [level["label"] for level in response.json()["levels"]]
        assert labels == ["Entry level", "1", "2", "3", "4", "4+", "5", "6", "7", "8"]

    async def test_eqf_levels_carry_descriptors(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/v1/recognition/frameworks/EQF/levels")
        levels = response.json()["levels"]
        assert len(levels) == 8
        assert set(levels[4]["descriptors"]) == {"knowledge", "skills", "responsibility_autonomy"}

    async def test_an_ambiguous_code_needs_the_country(self, client: httpx.AsyncClient) -> None:
        ambiguous = await client.get("/v1/recognition/frameworks/QNQ/levels")
        assert ambiguous.status_code == 404
        assert set(ambiguous.json()["valid_values"]) == {"IT-QNQ", "PT-QNQ"}
        portuguese = await client.get("/v1/recognition/frameworks/QNQ/levels", params={"country": "PT"})
        assert portuguese.json()["framework"]["key"] == "PT-QNQ"


class TestCaveatLanguage:
    async def test_the_caveat_and_its_explanation_follow_accept_language(self, client: httpx.AsyncClient) -> None:
        params = {"country": "IE", "framework": "NFQ", "level": "8", "target_country": "DE"}
        english = await client.get(COMPARE, params=params)
        assert english.json()["caveat"] == CAVEAT and english.json()["caveat_explanation"] == LEVEL_EXPLANATION
        assert english.headers["content-language"] == "en"

        for _ in range(2):  # rendered once, then answered from the memo
            french = await client.get(COMPARE, params=params, headers={"Accept-Language": "fr-BE, en;q=0.5"})
            assert french.status_code == 200
            assert french.headers["content-language"] == "fr" and french.headers["vary"] == "Accept-Language"
            assert french.headers["cache-control"] == "public, max-age=300"
            body = french.json()
            assert body["caveat"] == i18n.gettext("fr", CAVEAT) != CAVEAT
            assert body["caveat_explanation"].startswith("Deux certifications de même niveau")
            # Everything else is the same answer: levels, sources and codes are data, not translated.
            rest = {k: v for k, v in body.items() if not k.startswith("caveat")}
            assert rest == {k: v for k, v in english.json().items() if not k.startswith("caveat")}

        again = await client.get(COMPARE, params=params)
        assert again.content == english.content  # the English answer is not mixed up with the French one
