"""Recognition requests and cases, end to end through the API: the learner's request, the officer's queue and case
view, the advisor, decisions issued to the wallet, appeals (four-eyes), withdrawal, qualifications passports and the
audit trail."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import KeySet
from sqlalchemy import insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import col

from core import i18n
from core.accounts.models import Role
from core.outbox import OutboxMail
from recognition.cases.models import CaseEvent, RecognitionCase
from recognition.caveats import CAVEATS, LEVEL_EXPLANATION
from tests.factories import Account, create_body, create_staff, import_file
from wallet.sdjwt import open_sd_jwt
from wallet.status.codec import bitstring_value, decode_bitstring, decode_token_status_list, token_status_value
from wallet.verification.models import TrustEntry

REQUESTS = "/v1/recognition/requests"
CASES = "/v1/recognition/cases"
EC_SAMPLE = ("edc-ec-mc-annex1-signed.jsonld", "application/ld+json")
MYNEXTID_DEGREE = ("edc-mynextid-degree-signed.jsonld", "application/ld+json")
RELEASED = ["title", "issuer", "issued_on", "levels", "credits", "field_of_study", "learning_outcomes"]
DIGITAL_CONTENT = "http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a"


class Bodies:
    def __init__(self, home: uuid.UUID, other: uuid.UUID) -> None:
        self.home, self.other = home, other


@pytest.fixture
async def bodies(connection: AsyncConnection) -> Bodies:
    home = await create_body(connection, name="ENIC-NARIC Deutschland (ZAB)", country="DE", decision_days=90)
    other = await create_body(connection, name="ENIC-NARIC Polska", country="PL")
    return Bodies(home, other)


@pytest.fixture
async def officer(client: httpx.AsyncClient, connection: AsyncConnection, bodies: Bodies) -> Account:
    return await create_staff(client, connection, email="anna@zab.example", role=Role.OFFICER, body_id=bodies.home)


@pytest.fixture
async def second_officer(client: httpx.AsyncClient, connection: AsyncConnection, bodies: Bodies) -> Account:
    return await create_staff(client, connection, email="jonas@zab.example", role=Role.OFFICER, body_id=bodies.home)


@pytest.fixture
async def foreign_officer(client: httpx.AsyncClient, connection: AsyncConnection, bodies: Bodies) -> Account:
    return await create_staff(client, connection, email="ola@nawa.example", role=Role.OFFICER, body_id=bodies.other)


@pytest.fixture
async def target(client: httpx.AsyncClient, officer: Account, bodies: Bodies) -> dict[str, Any]:
    response = await client.post(
        f"/v1/bodies/{bodies.home}/qualifications",
        json={
            "title": "Zertifikat Digitale Bildung",
            "framework": "DE-DQR",
            "level": "6",
            "ects": 3,
            "field_of_study": "0031",
            "learning_outcomes": [
                {"text": "Developing digital content", "esco_uri": DIGITAL_CONTENT},
                {"text": "Communicate, collaborate and create with others in teams"},
                {"text": "Manage the budget of a public procurement procedure"},
            ],
        },
        headers=officer.headers,
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def imported(client: httpx.AsyncClient, account: Account, sample: tuple[str, str]) -> str:
    response = await import_file(client, account, *sample)
    assert response.status_code == 201, response.text
    credential_id: str = response.json()["id"]
    return credential_id


async def submit(
    client: httpx.AsyncClient, learner: Account, body_id: uuid.UUID, items: list[dict[str, Any]], **extra: Any
) -> dict[str, Any]:
    payload = {
        "body_id": str(body_id),
        "purpose": "credit_transfer",
        "statement": "I ask for my micro-credential to count towards the certificate.",
        "items": items,
        **extra,
    }
    response = await client.post(REQUESTS, json=payload, headers=learner.headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


@pytest.fixture
async def case(client: httpx.AsyncClient, learner: Account, bodies: Bodies, target: dict[str, Any]) -> dict[str, Any]:
    credential_id = await imported(client, learner, EC_SAMPLE)
    return await submit(
        client, learner, bodies.home, [{"credential_id": credential_id, "fields": RELEASED}], target_id=target["id"]
    )


async def decide(client: httpx.AsyncClient, officer: Account, case_id: str, **decision: Any) -> httpx.Response:
    payload = {"outcome": "full", "reasons": "No substantial difference was found for the purpose.", **decision}
    return await client.post(f"{CASES}/{case_id}/decision", json=payload, headers=officer.headers)


async def decision_statuses(
    client: httpx.AsyncClient, learner: Account, body_id: str, decision: dict[str, Any]
) -> list[int]:
    """For each of a decision's credentials in the learner's wallet, its revocation status as the body publishes it
    (signatures checked with the body's published keys): the SD-JWT VC's Token Status List entry (1 = invalid) and
    the VC-JWT's Bitstring revocation bit."""
    keys = KeySet.import_key_set((await client.get(f"/v1/bodies/{body_id}/jwks.json")).json())

    async def published(url: str) -> dict[str, Any]:
        listed = await client.get(url.removeprefix("http://test"))
        assert listed.status_code == 200, listed.text
        return dict(jwt.decode(listed.text, keys, algorithms=["ES256"]).claims)

    found = []
    for credential_id in decision["credential_ids"]:
        original = (await client.get(f"/v1/wallet/credentials/{credential_id}/original", headers=learner.headers)).text
        if "~" in original:
            reference = open_sd_jwt(original).claims["status"]["status_list"]
            lst = (await published(reference["uri"]))["status_list"]["lst"]
            found.append(token_status_value(decode_token_status_list(lst), reference["idx"], 2))
        else:
            statuses = jwt.decode(original, keys, algorithms=["ES256"]).claims["credentialStatus"]
            entry = next(e for e in statuses if e["statusPurpose"] == "revocation")
            encoded = (await published(entry["statusListCredential"]))["credentialSubject"]["encodedList"]
            found.append(bitstring_value(decode_bitstring(encoded), int(entry["statusListIndex"])))
    return found


class TestSubmitRequest:
    async def test_a_share_bound_to_the_body_releases_the_chosen_fields(
        self, client: httpx.AsyncClient, learner: Account, bodies: Bodies, case: dict[str, Any]
    ) -> None:
        assert case["status"] == "submitted"
        assert case["body"]["name"] == "ENIC-NARIC Deutschland (ZAB)"
        submitted = datetime.fromisoformat(case["submitted_at"])
        assert datetime.fromisoformat(case["due_at"]) - submitted == timedelta(days=90)
        assert len(case["share_ids"]) == 1
        shared = await client.get(f"/v1/wallet/shares/{case['share_ids'][0]}", headers=learner.headers)
        assert shared.status_code == 200
        assert shared.json()["recipient"] == {"email": None, "body_id": str(bodies.home)}
        assert shared.json()["items"][0]["fields"] == RELEASED

    async def test_another_learners_request_is_not_found(
        self, client: httpx.AsyncClient, other_learner: Account, case: dict[str, Any]
    ) -> None:
        response = await client.get(f"{REQUESTS}/{case['id']}", headers=other_learner.headers)
        assert response.status_code == 404
        assert response.json()["code"] == "case_not_found"
        listed = await client.get(REQUESTS, headers=other_learner.headers)
        assert listed.json()["items"] == []

    async def test_another_learners_credential_cannot_be_attached(
        self, client: httpx.AsyncClient, learner: Account, other_learner: Account, bodies: Bodies
    ) -> None:
        credential_id = await imported(client, learner, EC_SAMPLE)
        payload = {
            "body_id": str(bodies.home),
            "purpose": "employment",
            "statement": "Please assess.",
            "items": [{"credential_id": credential_id, "fields": ["title"]}],
        }
        response = await client.post(REQUESTS, json=payload, headers=other_learner.headers)
        assert response.status_code == 422
        assert response.json()["code"] == "unknown_credential"
        assert (await client.get(REQUESTS, headers=other_learner.headers)).json()["items"] == []

    @pytest.mark.parametrize(
        ("change", "code"),
        [
            ({"items": []}, "invalid_input"),
            ({"body_id": "00000000-0000-7000-8000-000000000000"}, "unknown_body"),
            ({"target_id": "00000000-0000-7000-8000-000000000000"}, "unknown_target"),
            ({"purpose": "tourism"}, "invalid_input"),
        ],
    )
    async def test_bad_requests_change_nothing(
        self, client: httpx.AsyncClient, learner: Account, bodies: Bodies, change: dict[str, Any], code: str
    ) -> None:
        credential_id = await imported(client, learner, EC_SAMPLE)
        payload = {
            "body_id": str(bodies.home),
            "purpose": "employment",
            "statement": "Please assess.",
            "items": [{"credential_id": credential_id, "fields": ["title"]}],
            **change,
        }
        response = await client.post(REQUESTS, json=payload, headers=learner.headers)
        assert response.status_code == 422, response.text
        assert response.json()["code"] == code
        assert (await client.get(REQUESTS, headers=learner.headers)).json()["items"] == []
        assert (await client.get("/v1/wallet/shares", headers=learner.headers)).json()["items"] == []


class TestQueue:
    async def test_officers_see_their_bodys_cases_only(
        self,
        client: httpx.AsyncClient,
        officer: Account,
        foreign_officer: Account,
        learner: Account,
        case: dict[str, Any],
    ) -> None:
        mine = (await client.get(CASES, headers=officer.headers)).json()["items"]
        assert [item["id"] for item in mine] == [case["id"]]
        assert mine[0]["learner"] == "Ada"
        assert mine[0]["target_title"] == "Zertifikat Digitale Bildung"
        assert (await client.get(CASES, headers=foreign_officer.headers)).json()["items"] == []
        for path in ("", "/advice", "/precedents", "/events"):
            response = await client.get(f"{CASES}/{case['id']}{path}", headers=foreign_officer.headers)
            assert response.status_code == 404, path
        response = await decide(client, foreign_officer, case["id"])
        assert response.status_code == 404
        assert (await client.get(f"{REQUESTS}/{case['id']}", headers=learner.headers)).json()["status"] == "submitted"

    async def test_learners_cannot_open_the_queue(self, client: httpx.AsyncClient, learner: Account) -> None:
        response = await client.get(CASES, headers=learner.headers)
        assert response.status_code == 401
        assert response.json()["code"] == "wrong_principal"

    async def test_filters_overdue_and_purpose_and_pages(
        self,
        client: httpx.AsyncClient,
        connection: AsyncConnection,
        officer: Account,
        learner: Account,
        bodies: Bodies,
    ) -> None:
        credential_id = await imported(client, learner, EC_SAMPLE)
        item = [{"credential_id": credential_id, "fields": ["title"]}]
        created = [
            await submit(client, learner, bodies.home, item, purpose=p)
            for p in ("employment", "further_study", "employment")
        ]
        late = created[1]["id"]
        await connection.execute(
            update(RecognitionCase)
            .where(col(RecognitionCase.id) == uuid.UUID(late))
            .values(due_at=datetime.now(UTC) - timedelta(days=1))
        )
        overdue = (await client.get(CASES, params={"overdue": "true"}, headers=officer.headers)).json()["items"]
        assert [c["id"] for c in overdue] == [late]
        assert overdue[0]["overdue"] is True
        employment = (await client.get(CASES, params={"purpose": "employment"}, headers=officer.headers)).json()
        assert {c["id"] for c in employment["items"]} == {created[0]["id"], created[2]["id"]}
        first = (await client.get(CASES, params={"limit": 2}, headers=officer.headers)).json()
        assert first["items"][0]["id"] == late  # earliest due first
        rest = (
            await client.get(CASES, params={"limit": 2, "cursor": first["next_cursor"]}, headers=officer.headers)
        ).json()
        seen = [c["id"] for c in first["items"] + rest["items"]]
        assert sorted(seen) == sorted(c["id"] for c in created) and rest["next_cursor"] is None
        bad = await client.get(CASES, params={"cursor": "nonsense"}, headers=officer.headers)
        assert bad.status_code == 422


class TestCaseView:
    async def test_only_released_fields_and_the_look_is_logged(
        self, client: httpx.AsyncClient, officer: Account, learner: Account, bodies: Bodies, case: dict[str, Any]
    ) -> None:
        response = await client.get(f"{CASES}/{case['id']}", headers=officer.headers)
        assert response.status_code == 200, response.text
        view = response.json()
        (document,) = view["documents"]
        fields = document["credential"]["fields"]
        assert set(fields) <= set(RELEASED)
        assert "learner" not in fields and "grade" not in fields
        assert "learner" in document["credential"]["withheld"]
        assert fields["title"] == "Digital micro-credential creation"
        assert document["credential"]["verification"]["checks"]
        events = (await client.get(f"/v1/wallet/shares/{case['share_ids'][0]}/events", headers=learner.headers)).json()
        officer_looks = [e for e in events["items"] if e["viewer_class"] == "officer"]
        assert officer_looks and officer_looks[0]["viewer_body_id"] == str(bodies.home)
        assert officer_looks[0]["fields"] == sorted(fields)

    async def test_the_wallet_itself_stays_closed_to_officers(
        self, client: httpx.AsyncClient, officer: Account, learner: Account, case: dict[str, Any]
    ) -> None:
        credential_id = (await client.get("/v1/wallet/credentials", headers=learner.headers)).json()["items"][0]["id"]
        for path in (f"/v1/wallet/credentials/{credential_id}", f"/v1/wallet/credentials/{credential_id}/original"):
            response = await client.get(path, headers=officer.headers)
            assert response.status_code == 401 and response.json()["code"] == "wrong_principal"
        share = await client.get(f"/v1/wallet/shares/{case['share_ids'][0]}", headers=officer.headers)
        assert share.status_code == 401

    async def test_revoking_the_share_hides_the_documents(
        self, client: httpx.AsyncClient, officer: Account, learner: Account, case: dict[str, Any]
    ) -> None:
        revoked = await client.post(f"/v1/wallet/shares/{case['share_ids'][0]}/revoke", headers=learner.headers)
        assert revoked.status_code == 200
        view = (await client.get(f"{CASES}/{case['id']}", headers=officer.headers)).json()
        assert view["documents"] == []


class TestAdvisorAcrossCountries:
    """A German body assesses an Irish micro-credential (the Commission's Annex I sample) and a Slovenian degree
    (MyNextID's sample) against its target qualification at DQR 6."""

    async def test_five_elements_field_by_field(
        self,
        client: httpx.AsyncClient,
        connection: AsyncConnection,
        officer: Account,
        learner: Account,
        bodies: Bodies,
        target: dict[str, Any],
    ) -> None:
        await connection.execute(
            insert(TrustEntry).values(
                id=uuid.uuid4(),
                kind="issuer",
                label="University of Zed",
                issuer_id="urn:epass:org:1",
                keys=[],
                accreditation={"agency": "QQI", "valid_from": "2020-01-01", "valid_until": "2027-12-31"},
                created_at=datetime.now(UTC),
            )
        )
        micro = await imported(client, learner, EC_SAMPLE)
        degree = await imported(client, learner, MYNEXTID_DEGREE)
        created = await submit(
            client,
            learner,
            bodies.home,
            [
                {"credential_id": micro, "fields": [*RELEASED, "awarded_on"]},
                {"credential_id": degree, "fields": ["title", "issuer", "issued_on"]},
            ],
            target_id=target["id"],
        )
        assert target["eqf_level"] == 6
        response = await client.get(f"{CASES}/{created['id']}/advice", headers=officer.headers)
        assert response.status_code == 200, response.text
        advice = response.json()
        assert advice["caveat_explanation"] == CAVEATS[advice["caveat"]]
        german = await client.get(
            f"{CASES}/{created['id']}/advice", headers={**officer.headers, "Accept-Language": "de"}
        )
        assert german.headers["content-language"] == "de"
        assert german.json()["caveat"].startswith("Diese Vorbewertung beruht nur auf den freigegebenen Daten.")
        assert german.json()["caveat_explanation"] == i18n.gettext("de", CAVEATS[advice["caveat"]])
        assert german.json()["caveat_explanation"] != advice["caveat_explanation"]
        viewed = await client.get(f"{CASES}/{created['id']}", headers={**officer.headers, "Accept-Language": "de"})
        assert viewed.status_code == 200 and viewed.headers["content-language"] == "de"
        packet = viewed.json()["documents"][0]["credential"]["recognition"]
        assert packet["caveat_explanation"] == i18n.gettext("de", LEVEL_EXPLANATION) != LEVEL_EXPLANATION
        assert advice["credentials"] == ["Digital micro-credential creation", "Title of Activity"]
        elements = {e["element"]: e for e in advice["elements"]}
        assert elements["quality"]["finding"] == "meets"
        assert "2023-09-27" in elements["quality"]["message"]
        assert elements["level"]["finding"] == "meets"
        assert elements["level"]["evidence"]["credential_eqf"] == 6
        assert elements["level"]["evidence"]["target_eqf"] == 6
        assert elements["level"]["evidence"]["credentials"][1]["eqf_levels"] == []  # the degree states no level
        assert elements["workload"]["finding"] == "gap"
        assert elements["workload"]["evidence"]["credential_ects"] == 2.0
        assert elements["workload"]["evidence"]["target_ects"] == 3.0
        assert elements["profile"]["finding"] == "meets"
        assert elements["profile"]["evidence"]["credential_fields"] == ["003"]
        assert elements["learning_outcomes"]["finding"] == "partly"
        coverage = advice["learning_outcomes"]
        assert {m["target"]: m["basis"] for m in coverage["covered"]} == {
            "Developing digital content": "esco_uri",
            "Communicate, collaborate and create with others in teams": "text",
        }
        assert [u["target"] for u in coverage["uncovered"]] == ["Manage the budget of a public procurement procedure"]
        assert advice["suggestion"]["outcome"] == "partial"
        assert {d["element"] for d in advice["suggestion"]["possible_differences"]} == {"workload", "learning_outcomes"}
        assert "comparable level" in advice["caveat"]

        decided = await decide(
            client,
            officer,
            created["id"],
            outcome="partial",
            ects_recognised=2,
            recognised_part="The digital content module of the certificate.",
            substantial_differences=[
                {"element": "workload", "description": "2 ECTS against the 3 ECTS of the certificate."},
                {"element": "learning_outcomes", "description": "Public procurement is not covered."},
            ],
            reasons="The micro-credential covers the digital content module; the rest is not covered.",
        )
        assert decided.status_code == 201, decided.text
        (decision,) = decided.json()["decisions"]
        assert decision["outcome"] == "partial" and decision["late"] is False
        assert decision["recognised_as"] == "Zertifikat Digitale Bildung"
        assert date.fromisoformat(decision["appeal_deadline"]) == datetime.now(UTC).date() + timedelta(days=30)
        assert len(decision["credential_ids"]) == 2
        for credential_id in decision["credential_ids"]:
            verified = await client.post(
                f"/v1/wallet/credentials/{credential_id}/verification", headers=learner.headers
            )
            assert verified.status_code == 201, verified.text
            checks = {c["check"]: c for c in verified.json()["checks"]}
            assert checks["format"]["outcome"] == "passed"
            assert checks["signature"]["outcome"] == "passed"
            assert checks["issuer_trust"]["outcome"] == "passed"
            assert checks["validity_period"]["outcome"] == "passed"
            stored = (await client.get(f"/v1/wallet/credentials/{credential_id}", headers=learner.headers)).json()
            assert "Partial recognition" in stored["summary"]["title"]
            # Anyone the learner hands the document to can check it at the anonymous endpoint.
            original = await client.get(f"/v1/wallet/credentials/{credential_id}/original", headers=learner.headers)
            anonymous = await client.post(
                "/v1/verify", content=original.content, headers={"Content-Type": stored["media_type"]}
            )
            assert anonymous.status_code == 200, anonymous.text
            assert {c["check"]: c["outcome"] for c in anonymous.json()["checks"]}["issuer_trust"] == "passed"
            assert stored["summary"]["issuer"]["name"] == "ENIC-NARIC Deutschland (ZAB)"
        keys = (await client.get(f"/v1/bodies/{bodies.home}/jwks.json")).json()["keys"]
        assert len(keys) == 1 and keys[0]["alg"] == "ES256"

        # A second learner's like case finds the first decision as a precedent.
        again = await submit(
            client, learner, bodies.home, [{"credential_id": micro, "fields": ["title", "issuer", "levels"]}]
        )
        found = (await client.get(f"{CASES}/{again['id']}/precedents", headers=officer.headers)).json()
        assert [p["decision_id"] for p in found["items"]] == [decision["id"]]
        assert found["items"][0]["match"] == "same_issuer_and_qualification"
        assert found["items"][0]["outcome"] == "partial"


class TestDecision:
    @pytest.mark.parametrize("outcome", ["denial", "partial", "conditional"])
    async def test_needs_substantial_differences(
        self, client: httpx.AsyncClient, officer: Account, learner: Account, case: dict[str, Any], outcome: str
    ) -> None:
        response = await decide(
            client, officer, case["id"], outcome=outcome, ects_recognised=1, conditions=["An exam in procurement."]
        )
        assert response.status_code == 422
        assert "substantial differences" in response.text
        after = (await client.get(f"{REQUESTS}/{case['id']}", headers=learner.headers)).json()
        assert after["status"] == "submitted" and after["decisions"] == []
        wallet = (await client.get("/v1/wallet/credentials", headers=learner.headers)).json()
        assert len(wallet["items"]) == 1

    async def test_after_the_time_limit_is_marked_late(
        self, client: httpx.AsyncClient, connection: AsyncConnection, officer: Account, case: dict[str, Any]
    ) -> None:
        await connection.execute(
            update(RecognitionCase)
            .where(col(RecognitionCase.id) == uuid.UUID(case["id"]))
            .values(due_at=datetime.now(UTC) - timedelta(hours=1))
        )
        response = await decide(client, officer, case["id"])
        assert response.status_code == 201
        assert response.json()["decisions"][0]["late"] is True

    async def test_the_notice_is_in_the_learners_language(
        self,
        client: httpx.AsyncClient,
        connection: AsyncConnection,
        officer: Account,
        learner: Account,
        case: dict[str, Any],
    ) -> None:
        assert (await client.patch("/v1/me", json={"language": "pl"}, headers=learner.headers)).status_code == 200
        decided = await decide(client, officer, case["id"])
        assert decided.status_code == 201, decided.text
        subject, body = (
            await connection.execute(
                select(col(OutboxMail.subject), col(OutboxMail.body)).where(col(OutboxMail.recipient) == learner.email)
            )
        ).one()
        assert subject == "ENIC-NARIC Deutschland (ZAB): decyzja w sprawie Twojego wniosku o uznanie"
        assert body == (
            "Instytucja ENIC-NARIC Deutschland (ZAB) wydała decyzję w sprawie Twojego wniosku o uznanie: "
            "Pełne uznanie.\nDecyzja wraz z uzasadnieniem i informacją o sposobie odwołania znajduje się w Twoim "
            "portfelu Passerelle.\n"
        )

    async def test_a_decided_case_takes_no_second_decision(
        self, client: httpx.AsyncClient, officer: Account, case: dict[str, Any]
    ) -> None:
        assert (await decide(client, officer, case["id"])).status_code == 201
        again = await decide(client, officer, case["id"])
        assert again.status_code == 409
        assert again.json()["code"] == "wrong_status"

    async def test_assessment_only_for_a_passport_case(
        self, client: httpx.AsyncClient, officer: Account, case: dict[str, Any]
    ) -> None:
        response = await decide(client, officer, case["id"], outcome="assessment")
        assert response.status_code == 422
        assert response.json()["code"] == "outcome_not_allowed"


class TestAppeal:
    async def test_reopens_for_another_officer_and_keeps_history(
        self,
        client: httpx.AsyncClient,
        officer: Account,
        second_officer: Account,
        learner: Account,
        case: dict[str, Any],
    ) -> None:
        first = await decide(
            client,
            officer,
            case["id"],
            outcome="denial",
            substantial_differences=[{"element": "workload", "description": "2 ECTS against 3."}],
            reasons="The workload differs substantially.",
        )
        assert first.status_code == 201
        appealed = await client.post(
            f"{REQUESTS}/{case['id']}/appeal", json={"grounds": "The workload is close."}, headers=learner.headers
        )
        assert appealed.status_code == 200, appealed.text
        assert appealed.json()["status"] == "appealed"
        claimed = await client.post(f"{CASES}/{case['id']}/claim", headers=officer.headers)
        assert claimed.status_code == 403 and claimed.json()["code"] == "four_eyes"
        same = await decide(client, officer, case["id"])
        assert same.status_code == 403 and same.json()["code"] == "four_eyes"
        assert (await client.post(f"{CASES}/{case['id']}/claim", headers=second_officer.headers)).status_code == 200
        second = await decide(
            client, second_officer, case["id"], reasons="On review the difference is not substantial."
        )
        assert second.status_code == 201, second.text
        decisions = second.json()["decisions"]
        assert [d["outcome"] for d in decisions] == ["denial", "full"]
        assert decisions[0]["superseded_at"] is not None and decisions[1]["on_appeal"] is True
        assert "further appeal" in decisions[1]["appeal_route"].lower()
        # The replaced decision's credentials are revoked in the body's status lists; the decision on appeal's stand.
        assert [await decision_statuses(client, learner, case["body"]["id"], d) for d in decisions] == [[1, 1], [0, 0]]
        final = await client.post(
            f"{REQUESTS}/{case['id']}/appeal", json={"grounds": "Again."}, headers=learner.headers
        )
        assert final.status_code == 409

    async def test_after_the_deadline_is_refused_with_the_date(
        self,
        client: httpx.AsyncClient,
        connection: AsyncConnection,
        officer: Account,
        learner: Account,
        case: dict[str, Any],
    ) -> None:
        assert (await decide(client, officer, case["id"])).status_code == 201
        deadline = date.today() - timedelta(days=1)
        await connection.execute(
            update(RecognitionCase)
            .where(col(RecognitionCase.id) == uuid.UUID(case["id"]))
            .values(appeal_deadline=deadline)
        )
        response = await client.post(
            f"{REQUESTS}/{case['id']}/appeal", json={"grounds": "Late."}, headers=learner.headers
        )
        assert response.status_code == 409
        assert response.json()["code"] == "appeal_deadline_passed"
        assert response.json()["deadline"] == deadline.isoformat()
        assert deadline.isoformat() in response.json()["detail"]


class TestWithdraw:
    async def test_revokes_the_shares_and_closes_the_case(
        self, client: httpx.AsyncClient, officer: Account, learner: Account, case: dict[str, Any]
    ) -> None:
        response = await client.post(f"{REQUESTS}/{case['id']}/withdraw", headers=learner.headers)
        assert response.status_code == 200
        assert response.json()["status"] == "withdrawn"
        share = (await client.get(f"/v1/wallet/shares/{case['share_ids'][0]}", headers=learner.headers)).json()
        assert share["state"] == "revoked"
        assert (await client.get(f"{CASES}/{case['id']}", headers=officer.headers)).json()["documents"] == []
        refused = await decide(client, officer, case["id"])
        assert refused.status_code == 409 and refused.json()["code"] == "case_closed"


class TestInformationRequest:
    async def test_the_learner_answers_with_documents(
        self, client: httpx.AsyncClient, officer: Account, learner: Account, case: dict[str, Any]
    ) -> None:
        asked = await client.post(
            f"{CASES}/{case['id']}/information-requests",
            json={"message": "Please add your degree certificate."},
            headers=officer.headers,
        )
        assert asked.status_code == 200 and asked.json()["status"] == "awaiting_learner"
        degree = await imported(client, learner, MYNEXTID_DEGREE)
        added = await client.post(
            f"{REQUESTS}/{case['id']}/documents",
            json={"items": [{"credential_id": degree, "fields": ["title", "issuer"]}], "message": "Here it is."},
            headers=learner.headers,
        )
        assert added.status_code == 200, added.text
        assert added.json()["status"] == "in_review" and len(added.json()["share_ids"]) == 2
        view = (await client.get(f"{CASES}/{case['id']}", headers=officer.headers)).json()
        assert [d["credential"]["fields"]["title"] for d in view["documents"]] == [
            "Digital micro-credential creation",
            "Title of Activity",
        ]


class TestQualificationsPassport:
    async def test_interview_based_assessment_valid_five_years(
        self, client: httpx.AsyncClient, officer: Account, learner: Account, bodies: Bodies
    ) -> None:
        response = await client.post(
            REQUESTS,
            json={
                "body_id": str(bodies.home),
                "purpose": "employment",
                "kind": "qualifications_passport",
                "statement": "My diploma stayed in Kharkiv; I can describe my studies.",
                "declared": [{"title": "Bachelor of Civil Engineering", "country": "UA", "year": 2019}],
            },
            headers=learner.headers,
        )
        assert response.status_code == 201, response.text
        case_id = response.json()["id"]
        assert response.json()["share_ids"] == []
        early = await decide(client, officer, case_id, outcome="assessment")
        assert early.status_code == 409 and early.json()["code"] == "interview_required"
        interview = await client.post(
            f"{CASES}/{case_id}/interview",
            json={"held_at": datetime.now(UTC).isoformat(), "summary": "Structured interview, 50 minutes."},
            headers=officer.headers,
        )
        assert interview.status_code == 200
        advice = (await client.get(f"{CASES}/{case_id}/advice", headers=officer.headers)).json()
        assert advice["suggestion"]["outcome"] == "assessment"
        decided = await decide(
            client, officer, case_id, outcome="assessment", recognised_as="Bachelor level (EQF 6), civil engineering"
        )
        assert decided.status_code == 201, decided.text
        decision = decided.json()["decisions"][0]
        assert decision["based_on_incomplete_evidence"] is True
        valid_until = datetime.fromisoformat(decision["valid_until"])
        assert timedelta(days=5 * 365) <= valid_until - datetime.now(UTC) <= timedelta(days=5 * 365 + 2)
        credential = (
            await client.get(f"/v1/wallet/credentials/{decision['credential_ids'][0]}", headers=learner.headers)
        ).json()
        assert credential["summary"]["valid_until"]


class TestAuditTrail:
    async def test_every_action_in_order_and_notes_stay_internal(
        self, client: httpx.AsyncClient, officer: Account, learner: Account, case: dict[str, Any]
    ) -> None:
        await client.post(f"{CASES}/{case['id']}/claim", headers=officer.headers)
        note = await client.post(
            f"{CASES}/{case['id']}/notes", json={"text": "Check the QQI listing."}, headers=officer.headers
        )
        assert note.status_code == 204
        assert (await decide(client, officer, case["id"])).status_code == 201
        body_view = (await client.get(f"{CASES}/{case['id']}/events", headers=officer.headers)).json()["items"]
        assert [e["action"] for e in body_view] == ["submitted", "assigned", "note", "decided"]
        assert body_view[2]["detail"] == {"text": "Check the QQI listing."}
        assert body_view[1]["actor_id"] == officer.id
        learner_view = (await client.get(f"{REQUESTS}/{case['id']}/events", headers=learner.headers)).json()["items"]
        assert [e["action"] for e in learner_view] == ["submitted", "assigned", "note", "decided"]
        assert learner_view[2]["internal"] is True and learner_view[2]["detail"] == {}
        assert learner_view[3]["detail"]["outcome"] == "full"

    async def test_the_database_refuses_to_change_the_trail(
        self, connection: AsyncConnection, case: dict[str, Any]
    ) -> None:
        with pytest.raises((DBAPIError, IntegrityError)):
            async with connection.begin_nested():
                await connection.execute(
                    update(CaseEvent).where(col(CaseEvent.case_id) == uuid.UUID(case["id"])).values(action="forged")
                )
