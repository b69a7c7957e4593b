"""One principal of every kind, two of each kind that owns objects, and one object of every type each owner has:
the world the authorization sweep and the schema fuzzing run against.

`seed_world` works through the API (and, for staff accounts, the way the CLI creates them), so every object is
made the way a client makes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncConnection

from core.accounts.models import Role
from tests.factories import DATA, Account, Institution, create_account, create_body, create_staff, import_file, onboard

WEBHOOK_HOST = "127.0.0.1"
"""Webhook endpoints point at a closed loopback port: the app's settings must allow-list this address literal."""

ENTRY: dict[str, Any] = {
    "kind": "informal",
    "title": "Coordinating the food bank's volunteers",
    "started_on": "2024-09-01",
    "ended_on": "2025-06-30",
    "hours": 320,
    "learning_outcomes": [{"text": "Coordinate a team of volunteers"}],
}
ACHIEVEMENT: dict[str, Any] = {
    "title": "Data literacy for neighbourhood projects",
    "description": "Reading, collecting and presenting data about a neighbourhood.",
    "learning_outcomes": [{"text": "Interpret descriptive statistics of a local survey"}],
    "ects": 3,
    "eqf_level": 5,
    "assessment_type": "Written project assessed by two tutors",
    "participation": "blended",
    "quality_assurance": {"type": "External quality assurance", "body": "NVAO"},
}
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@dataclass
class Learner:
    account: Account
    ids: dict[str, str] = field(default_factory=dict)


@dataclass
class Officer:
    account: Account
    body_id: str


@dataclass
class Issuer:
    institution: Institution
    ids: dict[str, str] = field(default_factory=dict)


@dataclass
class World:
    """`learner`, `officer` and `institution` own the objects; `other_*` are principals of the same kinds."""

    admin: Account
    learner: Learner
    other_learner: Learner
    officer: Officer
    other_officer: Officer
    institution: Issuer
    other_institution: Issuer

    def tokens(self) -> dict[str, str]:
        return {
            "learner": self.learner.account.access_token,
            "officer": self.officer.account.access_token,
            "institution": self.institution.institution.token,
            "admin": self.admin.access_token,
        }


async def _created(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code in (200, 201), (response.request.method, response.request.url, response.text)
    created: dict[str, Any] = response.json()
    return created


async def _learner_objects(
    client: httpx.AsyncClient, learner: Account, institution: Institution, body_id: str, key: str
) -> dict[str, str]:
    headers = learner.headers
    ids: dict[str, str] = {}
    credential = await _created(await import_file(client, learner, "ob3-simple.json", "application/ld+json"))
    ids["credential_id"] = credential["id"]
    item = {"credential_id": credential["id"], "fields": ["title"]}
    share = await _created(
        await client.post("/v1/wallet/shares", json={"items": [item], "purpose": "Job application"}, headers=headers)
    )
    ids["share_id"] = share["id"]
    ids["share_token"] = share["url"].rsplit("/", 1)[1]
    # A reveal writes the share's access log.
    await _created(await client.post(f"/s/{ids['share_token']}/reveal", headers={"Accept": "application/json"}))

    entry = await _created(await client.post("/v1/wallet/learning", json=ENTRY, headers=headers))
    ids["entry_id"] = entry["id"]
    evidence = await client.post(
        f"/v1/wallet/learning/{entry['id']}/evidence",
        files={"file": ("certificate.pdf", PDF, "application/pdf")},
        headers=headers,
    )
    ids["evidence_id"] = (await _created(evidence))["id"]
    endorsement = await client.post(
        f"/v1/wallet/learning/{entry['id']}/endorsement-requests",
        json={"endorser": {"name": "Claire Martin"}, "message": "Could you confirm my volunteering?"},
        headers=headers,
    )
    ids["request_id"] = (await _created(endorsement))["id"]

    document = (DATA / "ob3-simple.jwt").read_text().strip()
    pushed = await _created(
        await client.post(
            "/v1/institutions/credentials:batch",
            json={
                "items": [
                    {"recipient": {"email": learner.email}, "credential": document, "media_type": "application/vc+jwt"}
                ]
            },
            headers=institution.headers(key),
        )
    )
    ids["item_id"] = pushed["items"][0]["item_id"]

    case = await client.post(
        "/v1/recognition/requests",
        json={"body_id": body_id, "purpose": "employment", "statement": "Please recognise my badge.", "items": [item]},
        headers=headers,
    )
    ids["case_id"] = (await _created(case))["id"]
    return ids


async def _institution_objects(client: httpx.AsyncClient, institution: Institution, learner: Account) -> dict[str, str]:
    headers = institution.headers()
    ids: dict[str, str] = {"institution_id": institution.id}
    achievement = await _created(await client.post("/v1/institutions/achievements", json=ACHIEVEMENT, headers=headers))
    ids["achievement_id"] = achievement["id"]
    issued = await _created(
        await client.post(
            f"/v1/institutions/achievements/{achievement['id']}/issue",
            json={"items": [{"recipient": {"name": "Ada Lovelace", "email": learner.email}}]},
            headers=headers,
        )
    )
    ids["issued_id"] = issued["items"][0]["issued"]["id"]
    offer = {**ACHIEVEMENT, "title": "Data literacy, an evening course"}
    ids["offer_id"] = (await _created(await client.post("/v1/institutions/offers", json=offer, headers=headers)))["id"]
    endpoint = await client.post(
        "/v1/institutions/webhooks", json={"url": f"http://{WEBHOOK_HOST}:9/hooks"}, headers=headers
    )
    ids["endpoint_id"] = (await _created(endpoint))["id"]
    return ids


async def seed_world(client: httpx.AsyncClient, connection: AsyncConnection, *, admin: Account) -> World:
    """Two learners, two officers of two bodies, two institutions, and the objects of the first of each."""
    learner = await create_account(client, email="ada@example.org")
    other_learner = await create_account(client, email="grace@example.org", display_name="Grace")
    body_id = await create_body(connection, name="ENIC-NARIC France", country="FR")
    other_body_id = await create_body(connection, name="ENIC-NARIC Deutschland (ZAB)", country="DE")
    officer = await create_staff(client, connection, email="officer@enic.example", role=Role.OFFICER, body_id=body_id)
    other_officer = await create_staff(
        client, connection, email="officer@zab.example", role=Role.OFFICER, body_id=other_body_id
    )
    institution = await onboard(client, admin, "Universiteit Leiden")
    other_institution = await onboard(client, admin, "Universidade de Lisboa", country="PT", erasmus_code="P LISBOA109")

    world = World(
        admin=admin,
        learner=Learner(learner),
        other_learner=Learner(other_learner),
        officer=Officer(officer, str(body_id)),
        other_officer=Officer(other_officer, str(other_body_id)),
        institution=Issuer(institution),
        other_institution=Issuer(other_institution),
    )
    world.learner.ids = await _learner_objects(client, learner, institution, str(body_id), "world-push")
    world.institution.ids = await _institution_objects(client, institution, learner)
    # The officer decides a second case: a decision of the first body.
    item = {"credential_id": world.learner.ids["credential_id"], "fields": ["title"]}
    decided = await _created(
        await client.post(
            "/v1/recognition/requests",
            json={"body_id": str(body_id), "purpose": "further_study", "statement": "Admission.", "items": [item]},
            headers=learner.headers,
        )
    )
    await _created(await client.post(f"/v1/recognition/cases/{decided['id']}/claim", headers=officer.headers))
    decision = await client.post(
        f"/v1/recognition/cases/{decided['id']}/decision",
        json={"outcome": "full", "reasons": "No substantial difference was found for the purpose."},
        headers=officer.headers,
    )
    await _created(decision)
    world.learner.ids["decided_case_id"] = decided["id"]
    return world
