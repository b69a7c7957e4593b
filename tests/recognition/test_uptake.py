"""Uptake statistics: what is counted, by which dimension, small cells suppressed (complementary cells too), the
CSV and SVG renderings — and an attempt to re-identify a learner from them that fails."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest
from defusedxml import ElementTree
from sqlalchemy.ext.asyncio import AsyncConnection

from core.clock import utcnow
from core.database import create_sessionmaker
from recognition import uptake
from recognition.cases.models import CaseDecision, RecognitionCase
from recognition.offers.models import Offer
from tests.factories import Account, Institution, consent_for, create_body, onboard
from wallet.consents.models import ConsentKind

UPTAKE = "/v1/statistics/uptake"
CHART = "/v1/statistics/uptake.svg"
ACHIEVEMENTS = "/v1/institutions/achievements"
SVG = "{http://www.w3.org/2000/svg}"


def achievement(**changes: Any) -> dict[str, Any]:
    return {
        "title": "Caring for older people at home",
        "learning_outcomes": [{"text": "Support daily living activities"}],
        "ects": 4,
        "eqf_level": 4,
        "field_of_study": "0923",
        "assessment_type": "Practical assessment",
        "participation": "onsite",
        "quality_assurance": {"type": "Internal quality assurance"},
        **changes,
    }


async def define(client: httpx.AsyncClient, institution: Institution, **changes: Any) -> str:
    response = await client.post(ACHIEVEMENTS, json=achievement(**changes), headers=institution.headers())
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def issue_offers(client: httpx.AsyncClient, institution: Institution, achievement_id: str, count: int) -> None:
    """`count` credentials issued as OpenID4VCI offers (no learner account needed)."""
    items = [{"recipient": {"name": f"Learner {n}"}} for n in range(count)]
    response = await client.post(
        f"{ACHIEVEMENTS}/{achievement_id}/issue",
        json={"items": items, "delivery": "offer", "formats": ["vc+jwt"], "tx_code": False},
        headers=institution.headers(),
    )
    assert response.status_code == 200, response.text
    assert {item["status"] for item in response.json()["items"]} == {"offered"}


async def issue_accept_share(
    client: httpx.AsyncClient, institution: Institution, achievement_id: str, learner: Account
) -> str:
    """One credential issued into the learner's inbox, accepted and shared; answers the wallet credential's id."""
    response = await client.post(
        f"{ACHIEVEMENTS}/{achievement_id}/issue",
        json={"items": [{"recipient": {"name": "Rare Learner", "email": learner.email}}], "formats": ["dc+sd-jwt"]},
        headers=institution.headers(),
    )
    assert response.status_code == 200, response.text
    (item_id,) = response.json()["items"][0]["inbox_item_ids"]
    accepted = await client.post(f"/v1/wallet/inbox/{item_id}/accept", headers=learner.headers)
    assert accepted.status_code == 200, accepted.text
    credential_id = str(accepted.json()["credential_id"])
    shared = await client.post(
        "/v1/wallet/shares",
        json={"items": [{"credential_id": credential_id, "fields": ["title"]}], "purpose": "Job application"},
        headers=learner.headers,
    )
    assert shared.status_code == 201, shared.text
    return credential_id


async def statistics(client: httpx.AsyncClient) -> dict[str, Any]:
    response = await client.get(UPTAKE)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def raw(connection: AsyncConnection) -> dict[str, Any]:
    """The statistics with threshold 1 (nothing suppressed): the counts behind the published ones (tests only)."""
    async with create_sessionmaker(connection)() as session:
        counted = await uptake.uptake_statistics(session, threshold=1)
    return counted.model_dump(mode="json")


def measure(document: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(m for m in document["measures"] if m["measure"] == name)
    return found


def cells(document: dict[str, Any], name: str, dimension: str) -> dict[str, int | None]:
    return {cell["value"]: cell["count"] for cell in measure(document, name)["breakdowns"][dimension]}


def this_month() -> str:
    return utcnow().strftime("%Y-%m")


@pytest.fixture
async def carers(client: httpx.AsyncClient, admin: Account) -> Institution:
    return await onboard(client, admin, "Zorgacademie Utrecht", country="NL", kind="vet_school")


@pytest.fixture
async def village(client: httpx.AsyncClient, admin: Account) -> Institution:
    return await onboard(client, admin, "Kunsill Lokali Għarb", country="MT", kind="municipality")


class TestNormalising:
    def test_dimensions_read_what_is_stated_and_nothing_else(self) -> None:
        assert uptake.broad_field("0542") == "05"
        assert uptake.broad_field("054") == "05"
        assert uptake.broad_field("99") == uptake.UNKNOWN
        assert uptake.broad_field("Mathematics") == uptake.UNKNOWN
        assert uptake.eqf_level(6) == "6"
        assert uptake.eqf_of_levels([{"framework": "NQF", "value": "7"}, {"framework": "EQF", "value": "6"}]) == "6"
        assert uptake.eqf_of_levels([{"framework": "EQF", "value": "http://data.europa.eu/snb/eqf/4"}]) == "4"
        assert uptake.eqf_of_levels([{"framework": "EQF", "value": "9"}]) == uptake.UNKNOWN
        assert uptake.country_code("fr") == "FR"
        assert uptake.country_code("=HYPERLINK(1)") == uptake.UNKNOWN
        assert uptake.provider_kind("ngo") == "ngo"
        assert uptake.provider_kind(None) == uptake.UNKNOWN


class TestSuppression:
    def test_cells_under_the_threshold_and_their_complements(self) -> None:
        assert uptake.suppress([12, 3, 50], 10) == [True, True, False]
        assert uptake.suppress([0, 0, 50], 10) == [True, True, False]
        assert uptake.suppress([9, 1, 50], 10) == [True, True, False]
        assert uptake.suppress([4, 3, 2], 10) == [True, True, True]
        assert uptake.suppress([10, 11], 10) == [False, False]

    def test_nothing_can_be_recovered_by_subtraction(self) -> None:
        for counts in ([1, 10, 10, 10], [9, 0, 0, 12, 40], [1, 2, 3, 100], [5, 5, 10, 10]):
            hidden = uptake.suppress(counts, 10)
            left = sum(n for n, h in zip(counts, hidden, strict=True) if h)
            assert left == 0 or (left >= 10 and sum(hidden) >= 2), counts


class TestCounts:
    async def test_each_measure_counts_what_happened_by_each_dimension(
        self,
        client: httpx.AsyncClient,
        connection: AsyncConnection,
        carers: Institution,
        learner: Account,
    ) -> None:
        achievement_id = await define(client, carers)
        await issue_offers(client, carers, achievement_id, 2)
        await issue_accept_share(client, carers, achievement_id, learner)
        async with create_sessionmaker(connection)() as session:
            body_id = await create_body(connection, name="ENIC-NARIC Nederland", country="NL")
            now = utcnow()
            consent = consent_for(uuid.UUID(learner.id), kind=ConsentKind.RECOGNITION_REQUEST)
            session.add(consent)
            await session.flush()
            case = RecognitionCase(
                consent_id=consent.id,
                owner_id=uuid.UUID(learner.id),
                body_id=body_id,
                kind="standard",
                purpose="employment",
                statement="Please recognise my carer's certificate.",
                status="decided",
                submitted_at=now,
                due_at=now + timedelta(days=120),
            )
            session.add(case)
            await session.flush()
            common: dict[str, Any] = {
                "case_id": case.id,
                "body_id": body_id,
                "reasons": "Comparable level.",
                "appeal_route": "Write to the board.",
                "appeal_deadline": (now + timedelta(days=30)).date(),
                "eqf_level": 4,
                "field_of_study": "0923",
            }
            session.add_all(
                [
                    CaseDecision(outcome="full", **common),
                    CaseDecision(outcome="denial", **common),  # not a recognition
                    CaseDecision(outcome="partial", superseded_at=now, **common),  # replaced on appeal
                ]
            )
            await session.commit()

        counted = await raw(connection)
        month = this_month()
        issued = cells(counted, "credentials_issued", "month")
        assert measure(counted, "credentials_issued")["total"] == 3
        assert issued[month] == 3
        assert cells(counted, "credentials_issued", "field")["09"] == 3
        assert cells(counted, "credentials_issued", "eqf_level")["4"] == 3
        assert cells(counted, "credentials_issued", "country")["NL"] == 3
        assert cells(counted, "credentials_issued", "provider_kind")["vet_school"] == 3
        assert measure(counted, "credentials_accepted")["total"] == 1
        assert cells(counted, "credentials_accepted", "provider_kind")["vet_school"] == 1
        assert cells(counted, "credentials_accepted", "eqf_level")["4"] == 1
        assert measure(counted, "credentials_shared")["total"] == 1
        assert cells(counted, "credentials_shared", "provider_kind")["vet_school"] == 1
        assert cells(counted, "credentials_shared", "field")["09"] == 1
        assert measure(counted, "recognitions")["total"] == 1
        assert cells(counted, "recognitions", "country")["NL"] == 1
        assert cells(counted, "recognitions", "provider_kind")[uptake.UNKNOWN] == 1

        # Published: every one of these is under 10, so nothing but the fixed rows shows.
        published = await statistics(client)
        assert published["threshold"] == 10
        assert "under 10" in published["suppression"]
        for found in published["measures"]:
            assert found["total"] is None
            for table in found["breakdowns"].values():
                assert {cell["count"] for cell in table} == {None}

    async def test_cells_of_ten_or_more_are_published_and_the_rest_suppressed(
        self, client: httpx.AsyncClient, carers: Institution
    ) -> None:
        await issue_offers(client, carers, await define(client, carers), 12)
        await issue_offers(client, carers, await define(client, carers, eqf_level=5, field_of_study="0913"), 3)
        published = await statistics(client)
        issued = measure(published, "credentials_issued")
        assert issued["total"] == 15
        assert cells(published, "credentials_issued", "month")[this_month()] == 15
        assert cells(published, "credentials_issued", "country")["NL"] == 15
        # 12 at level 4, 3 at level 5: the 3 is suppressed, and so is the 12 — else 15 − 12 would give it away.
        levels = cells(published, "credentials_issued", "eqf_level")
        assert levels["4"] is None and levels["5"] is None
        assert set(levels.values()) == {None}
        # The same field (09) for all 15: published; every other row is empty and suppressed alike.
        fields = cells(published, "credentials_issued", "field")
        assert fields["09"] == 15
        assert {v for k, v in fields.items() if k != "09"} == {None}
        assert list(fields) == [*uptake.BROAD_FIELDS, uptake.UNKNOWN]
        assert cells(published, "credentials_accepted", "month")[this_month()] is None


class TestPaging:
    async def test_rows_are_read_page_by_page_and_each_counted_once(
        self,
        client: httpx.AsyncClient,
        connection: AsyncConnection,
        carers: Institution,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        await issue_offers(client, carers, await define(client, carers), 7)
        whole = await raw(connection)
        monkeypatch.setattr(uptake, "PAGE", 3)
        paged = await raw(connection)
        assert measure(paged, "credentials_issued")["total"] == 7
        assert paged["measures"] == whole["measures"]


class TestOffers:
    async def test_published_offers_count_by_their_provider_and_withdrawn_ones_do_not(
        self, client: httpx.AsyncClient, connection: AsyncConnection, carers: Institution, village: Institution
    ) -> None:
        async with create_sessionmaker(connection)() as session:
            for n in range(11):
                session.add(
                    Offer(
                        institution_id=uuid.UUID(carers.id),
                        title=f"Dementia care, group {n}",
                        eqf_level=4,
                        field_of_study="0923",
                        country="NL",
                        provider_kind="vet_school",
                        search_title="dementia care",
                        search_text="dementia care",
                    )
                )
            session.add(
                Offer(
                    institution_id=uuid.UUID(village.id),
                    title="Beekeeping",
                    status="withdrawn",
                    field_of_study="0811",
                    country="MT",
                    provider_kind="municipality",
                    search_title="beekeeping",
                    search_text="beekeeping",
                )
            )
            await session.commit()
        published = await statistics(client)
        offers = measure(published, "offers_published")
        assert offers["total"] == 11
        assert cells(published, "offers_published", "provider_kind")["vet_school"] == 11
        assert cells(published, "offers_published", "field")["09"] == 11
        assert cells(published, "offers_published", "eqf_level")["4"] == 11
        assert cells(published, "offers_published", "country")["NL"] == 11
        assert cells(published, "offers_published", "month")[this_month()] == 11
        counted = await raw(connection)
        assert measure(counted, "offers_published")["total"] == 11  # the withdrawn one is not counted
        assert cells(counted, "offers_published", "field")["08"] is None  # zero, suppressed like any count under 1


class TestReidentification:
    async def test_a_learner_with_a_rare_combination_cannot_be_singled_out(
        self,
        client: httpx.AsyncClient,
        connection: AsyncConnection,
        carers: Institution,
        village: Institution,
        learner: Account,
    ) -> None:
        await issue_offers(client, carers, await define(client, carers), 12)
        before = await statistics(client)
        # The one learner in the data with agriculture (08), EQF 3, from Malta, from a municipality, this month.
        rare = await define(client, village, eqf_level=3, field_of_study="0811", title="Beekeeping")
        credential_id = await issue_accept_share(client, village, rare, learner)
        after = await statistics(client)
        counted = await raw(connection)
        assert cells(counted, "credentials_issued", "field")["08"] == 1  # the data does hold them

        for found in after["measures"]:
            # Only one-way tables: no combination of field, country and month is ever a cell.
            assert set(found["breakdowns"]) == set(uptake.DIMENSIONS)
            for dimension, table in found["breakdowns"].items():
                published = [cell["count"] for cell in table if cell["count"] is not None]
                # Attack 1: read a small cell.
                assert all(count >= 10 for count in published), (found["measure"], dimension)
                # Attack 2: subtract the published cells from the total.
                if found["total"] is not None:
                    left = found["total"] - sum(published)
                    hidden = sum(1 for cell in table if cell["count"] is None)
                    assert left == 0 or (left >= 10 and hidden >= 2), (found["measure"], dimension, left)
                else:
                    assert published == []

        # Attack 3: look for the rare values. Malta is not even a row (under 10 over all measures): it is counted
        # with the other countries, and that cell is suppressed like the empty ones.
        for name in uptake.MEASURES:
            assert cells(after, name, "field")["08"] is None
            assert cells(after, name, "eqf_level")["3"] is None
            assert cells(after, name, "provider_kind")["municipality"] is None
            assert "MT" not in cells(after, name, "country")
            assert cells(after, name, "country")["other"] is None

        # Attack 4: compare before and after. What changed says one more credential was issued this month — not
        # in which field, at which level, where or by whom: those rows read the same as before.
        for name in uptake.MEASURES:
            for dimension in ("field", "eqf_level", "country", "provider_kind"):
                old, new = cells(before, name, dimension), cells(after, name, dimension)
                changed = {value for value in new if new[value] != old.get(value)}
                assert changed <= {"09", "4", "NL", "vet_school"}, (name, dimension, changed)
                assert all(new[value] is None for value in changed), (name, dimension)

        # Attack 5: look for the person. No identifier, name or address is in any rendering.
        for response in (await client.get(UPTAKE), await client.get(UPTAKE, params={"format": "csv"})):
            for secret in (learner.id, learner.email, credential_id, "Rare Learner", "Beekeeping", village.id):
                assert secret not in response.text


class TestRenderings:
    async def test_csv_by_parameter_or_accept_header(self, client: httpx.AsyncClient, carers: Institution) -> None:
        await issue_offers(client, carers, await define(client, carers), 11)
        response = await client.get(UPTAKE, params={"format": "csv"})
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert list(rows[0]) == list(uptake.CSV_COLUMNS)
        by_cell = {(r["measure"], r["dimension"], r["value"]): r["count"] for r in rows}
        assert by_cell[("credentials_issued", "total", "total")] == "11"
        assert by_cell[("credentials_issued", "month", this_month())] == "11"
        assert by_cell[("credentials_issued", "field", "08")] == "<10"
        assert by_cell[("recognitions", "total", "total")] == "<10"
        assert all(r["count"] == "<10" or int(r["count"]) >= 10 for r in rows)
        negotiated = await client.get(UPTAKE, headers={"Accept": "text/csv"})
        assert negotiated.text == response.text
        assert (await client.get(UPTAKE, params={"format": "xml"})).status_code == 422

    async def test_the_chart_is_accessible_svg(self, client: httpx.AsyncClient, carers: Institution) -> None:
        await issue_offers(client, carers, await define(client, carers), 10)
        response = await client.get(CHART)
        assert response.status_code == 200
        assert response.headers["content-type"] == "image/svg+xml"
        root = ElementTree.fromstring(response.content)
        assert root.tag == f"{SVG}svg"
        assert root.get("role") == "img"
        title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
        assert title is not None and desc is not None
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert desc.text is not None
        assert "Credentials issued — " in desc.text and f"{this_month()}: 10" in desc.text
        bars = [rect.find(f"{SVG}title") for rect in root.iter(f"{SVG}rect")]
        labels = [bar.text for bar in bars if bar is not None and bar.text]
        assert f"Credentials issued, {this_month()}: 10" in labels
        assert f"Recognitions, {this_month()}: <10" in labels
        assert (await client.get(CHART, params={"months": 0})).status_code == 422
