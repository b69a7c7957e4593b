"""Grade conversion by percentile-band overlap (EGRACONS style), with two real-shaped tables.

The worked example, checked by hand. Both tables count passing grades of a first-cycle economics reference group
(ISCED-F 0311) over three years, best grade first; 1,000 grades each, so a count of 10 is one percentage point.

Dutch 10-point scale (foreign):   10: 2   9: 38   8: 160   7: 400   6: 400
    bands (cumulative %, best first): 10 = 0-0.2, 9 = 0.2-4, 8 = 4-20, 7 = 20-60, 6 = 60-100

German 1,0-4,0 scale (home):      1,0: 50  1,3: 100  1,7: 150  2,0: 200  2,3: 200  2,7: 150  3,0: 80  3,3: 40
                                  3,7: 20  4,0: 10
    bands: 1,0 = 0-5, 1,3 = 5-15, 1,7 = 15-30, 2,0 = 30-50, 2,3 = 50-70, 2,7 = 70-85, 3,0 = 85-93, 3,3 = 93-97,
           3,7 = 97-99, 4,0 = 99-100

Dutch 8 (4-20):   with 1,0 (4-5) = 1 point, with 1,3 (5-15) = 10, with 1,7 (15-20) = 5      → 1,3 (10/16 = 0.625)
Dutch 7 (20-60):  with 1,7 (20-30) = 10, with 2,0 (30-50) = 20, with 2,3 (50-60) = 10      → 2,0 (20/40 = 0.5)
Dutch 6 (60-100): 2,3 = 10, 2,7 = 15, 3,0 = 8, 3,3 = 4, 3,7 = 2, 4,0 = 1 (sum 40)          → 2,7 (15/40 = 0.375)
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from recognition import grades
from recognition.errors import GradeNotInTable, InvalidGradingTable
from tests.factories import Account
from tests.recognition.factories import Institution

DUTCH = [("10", 2), ("9", 38), ("8", 160), ("7", 400), ("6", 400)]
GERMAN = [
    ("1,0", 50), ("1,3", 100), ("1,7", 150), ("2,0", 200), ("2,3", 200), ("2,7", 150), ("3,0", 80), ("3,3", 40),
    ("3,7", 20), ("4,0", 10),
]  # fmt: skip
CONVERT = "/v1/recognition/grades:convert"
TABLES = "/v1/recognition/grading-tables"


def _table(name: str, scale: str, rows: list[tuple[str, int]]) -> dict[str, Any]:
    return {
        "institution_name": name,
        "scale": scale,
        "isced_f": "0311",
        "cycle": "first",
        "years": [2023, 2024, 2025],
        "grades": [{"grade": grade, "count": count} for grade, count in rows],
    }


class TestBands:
    def test_bands_stack_from_the_best_grade(self) -> None:
        bands = grades.bands(DUTCH)
        assert [(b.grade, b.public().from_percent, b.public().to_percent) for b in bands] == [
            ("10", 0.0, 0.2),
            ("9", 0.2, 4.0),
            ("8", 4.0, 20.0),
            ("7", 20.0, 60.0),
            ("6", 60.0, 100.0),
        ]

    def test_the_worked_conversion(self) -> None:
        eight = grades.convert("8", DUTCH, GERMAN)
        assert eight.suggested == ["1,3"]
        assert [(band.grade, band.overlap_percent, band.share_of_foreign_band) for band in eight.home] == [
            ("1,0", 1.0, 0.0625),
            ("1,3", 10.0, 0.625),
            ("1,7", 5.0, 0.3125),
        ]
        assert grades.convert("7", DUTCH, GERMAN).suggested == ["2,0"]
        six = grades.convert("6", DUTCH, GERMAN)
        assert six.suggested == ["2,7"]
        assert sum(band.overlap_percent for band in six.home) == 40.0

    def test_an_even_split_suggests_both(self) -> None:
        result = grades.convert("B", [("A", 1), ("B", 2), ("C", 1)], [("x", 1), ("y", 1)])
        assert result.suggested == ["x", "y"]

    def test_a_grade_never_awarded_takes_the_home_band_at_its_position(self) -> None:
        result = grades.convert("9", [("10", 10), ("9", 0), ("8", 90)], GERMAN)
        assert result.suggested == ["1,3"]

    def test_an_unknown_grade_names_the_table_grades(self) -> None:
        with pytest.raises(GradeNotInTable) as raised:
            grades.convert("5", DUTCH, GERMAN)
        assert raised.value.extra["valid_values"] == ["10", "9", "8", "7", "6"]

    def test_a_table_must_have_distinct_grades_and_some_awarded(self) -> None:
        with pytest.raises(InvalidGradingTable):
            grades.bands([("A", 0), ("B", 0)])
        with pytest.raises(InvalidGradingTable):
            grades.bands([("A", 3), ("A", 4)])


class TestGradeConversionAPI:
    async def test_converts_with_stored_tables(
        self, client: httpx.AsyncClient, institution: Institution, other_institution: Institution, learner: Account
    ) -> None:
        dutch = await client.post(
            TABLES, json=_table("Universiteit Leiden", "Dutch 1-10", DUTCH), headers=institution.headers
        )
        german = await client.post(
            TABLES, json=_table("Universität Köln", "German 1,0-4,0", GERMAN), headers=other_institution.headers
        )
        assert dutch.status_code == german.status_code == 201, dutch.text
        assert dutch.json()["total"] == 1000
        response = await client.post(
            CONVERT,
            json={"grade": "8", "foreign": {"table_id": dutch.json()["id"]}, "home": {"table_id": german.json()["id"]}},
            headers=learner.headers,
        )
        assert response.status_code == 200, response.text
        answer = response.json()
        assert answer["suggested"] == ["1,3"]
        assert answer["label"] == "suggested, not official"
        assert answer["foreign_band"] == {
            "grade": "8",
            "count": 160,
            "percent": 16.0,
            "from_percent": 4.0,
            "to_percent": 20.0,
        }
        assert answer["warnings"] == []

    async def test_converts_inline_distributions_and_warns_about_small_groups(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        response = await client.post(
            CONVERT,
            json={
                "grade": "7",
                "foreign": {"grades": [{"grade": g, "count": c // 100} for g, c in DUTCH]},
                "home": {"grades": [{"grade": g, "count": c} for g, c in GERMAN]},
            },
            headers=learner.headers,
        )
        assert response.status_code == 200, response.text
        assert response.json()["suggested"] == ["2,0"]
        assert any("only 9 grades" in warning for warning in response.json()["warnings"])

    async def test_a_grade_outside_the_table_names_the_valid_grades(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        response = await client.post(
            CONVERT,
            json={
                "grade": "5",
                "foreign": {"grades": [{"grade": g, "count": c} for g, c in DUTCH]},
                "home": {"grades": [{"grade": g, "count": c} for g, c in GERMAN]},
            },
            headers=learner.headers,
        )
        assert response.status_code == 422
        assert response.json()["code"] == "grade_not_in_table"
        assert response.json()["valid_values"] == ["10", "9", "8", "7", "6"]

    async def test_a_table_reference_is_one_thing(self, client: httpx.AsyncClient, learner: Account) -> None:
        response = await client.post(
            CONVERT,
            json={"grade": "8", "foreign": {}, "home": {"grades": [{"grade": "A", "count": 1}] * 2}},
            headers=learner.headers,
        )
        assert response.status_code == 422

    async def test_an_unknown_table_is_not_found(self, client: httpx.AsyncClient, learner: Account) -> None:
        missing = "00000000-0000-7000-8000-000000000000"
        response = await client.post(
            CONVERT,
            json={
                "grade": "8",
                "foreign": {"table_id": missing},
                "home": {"grades": [{"grade": g, "count": c} for g, c in GERMAN]},
            },
            headers=learner.headers,
        )
        assert response.status_code == 404
        assert response.json()["code"] == "grading_table_not_found"


class TestGradingTables:
    async def test_listed_by_reference_group_and_deleted_by_their_institution(
        self, client: httpx.AsyncClient, institution: Institution, other_institution: Institution, learner: Account
    ) -> None:
        created = await client.post(
            TABLES, json=_table("Universiteit Leiden", "Dutch 1-10", DUTCH), headers=institution.headers
        )
        table_id = created.json()["id"]
        listed = await client.get(TABLES, params={"isced_f": "03", "cycle": "first"}, headers=learner.headers)
        assert [row["id"] for row in listed.json()] == [table_id]
        assert (await client.get(TABLES, params={"isced_f": "06"}, headers=learner.headers)).json() == []
        assert (await client.delete(f"{TABLES}/{table_id}", headers=other_institution.headers)).status_code == 404
        assert (await client.delete(f"{TABLES}/{table_id}", headers=institution.headers)).status_code == 204
        assert (await client.get(f"{TABLES}/{table_id}", headers=learner.headers)).status_code == 404

    async def test_a_repeated_grade_is_refused(self, client: httpx.AsyncClient, institution: Institution) -> None:
        body = _table("Universiteit Leiden", "Dutch 1-10", [("8", 10), ("8", 20)])
        response = await client.post(TABLES, json=body, headers=institution.headers)
        assert response.status_code == 422
        assert response.json()["code"] == "invalid_grading_table"

    async def test_learners_cannot_add_tables(self, client: httpx.AsyncClient, learner: Account) -> None:
        response = await client.post(TABLES, json=_table("Mine", "Dutch 1-10", DUTCH), headers=learner.headers)
        assert response.status_code == 401
