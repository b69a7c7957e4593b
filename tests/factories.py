"""Factories: plain async functions with keyword-only arguments."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncConnection

from core.accounts.models import Role
from core.accounts.schemas import BodyCreate
from core.accounts.service import create_body as create_recognition_body
from core.accounts.service import create_client, create_user
from core.database import create_sessionmaker
from wallet.consents.models import Consent, ConsentKind, CounterpartyType

DATA = Path(__file__).parent / "data"
PASSWORD = "correct horse battery staple"


def consent_for(owner_id: uuid.UUID, *, kind: ConsentKind = ConsentKind.SHARE, purpose: str = "test") -> Consent:
    """A consent record for a share or request a test writes as a row (add it, and flush, before the row)."""
    return Consent(
        learner_id=owner_id,
        kind=kind.value,
        purpose=purpose,
        counterparty_type=CounterpartyType.ANYONE_WITH_LINK.value,
        counterparty_name="Anyone with the link",
        notice_version="test",
        actor_id=owner_id,
    )


@dataclass
class Account:
    id: str
    email: str
    access_token: str
    refresh_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


async def login(client: httpx.AsyncClient, *, email: str, password: str = PASSWORD) -> dict[str, str]:
    response = await client.post(
        "/v1/auth/token", data={"grant_type": "password", "username": email, "password": password}
    )
    assert response.status_code == 200, response.text
    tokens: dict[str, str] = response.json()
    return tokens


async def create_account(
    client: httpx.AsyncClient, *, email: str, password: str = PASSWORD, display_name: str = "Ada"
) -> Account:
    """A learner signed up through the API, with tokens."""
    response = await client.post(
        "/v1/auth/signup", json={"email": email, "password": password, "display_name": display_name}
    )
    assert response.status_code == 201, response.text
    tokens = await login(client, email=email, password=password)
    return Account(
        id=response.json()["id"],
        email=email,
        access_token=tokens["access_token"],
        refresh_token=tokens["refresh_token"],
    )


async def create_body(
    connection: AsyncConnection, *, name: str = "ENIC-NARIC France", country: str = "FR", **settings: Any
) -> uuid.UUID:
    async with create_sessionmaker(connection)() as session:
        body = await create_recognition_body(session, BodyCreate(name=name, country=country, **settings))
        await session.commit()
    return body.id


async def create_staff(
    client: httpx.AsyncClient,
    connection: AsyncConnection,
    *,
    email: str,
    role: Role,
    password: str = PASSWORD,
    body_id: uuid.UUID | None = None,
) -> Account:
    """An officer (of `body_id`, or of a new body) or an admin, created the way the CLI does it."""
    if role == Role.OFFICER and body_id is None:
        body_id = await create_body(connection)
    async with create_sessionmaker(connection)() as session:
        user = await create_user(
            session, email=email, password=password, display_name=role.value, role=role, body_id=body_id
        )
        await session.commit()
    tokens = await login(client, email=email, password=password)
    return Account(
        id=str(user.id), email=email, access_token=tokens["access_token"], refresh_token=tokens["refresh_token"]
    )


async def create_institution_client(
    connection: AsyncConnection, *, name: str = "Université de Lyon"
) -> tuple[str, str]:
    async with create_sessionmaker(connection)() as session:
        client, secret = await create_client(session, name=name, created_by=None)
        await session.commit()
    return client.client_id, secret


async def import_file(client: httpx.AsyncClient, account: Account, name: str, media_type: str) -> httpx.Response:
    return await client.post(
        "/v1/wallet/credentials",
        content=(DATA / name).read_bytes(),
        headers={**account.headers, "Content-Type": media_type},
    )


class Institution:
    """An onboarded institution and its `client_credentials` access token."""

    def __init__(self, institution_id: str, token: str) -> None:
        self.id, self.token = institution_id, token

    def headers(self, key: str | None = None) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token}"}
        if key is not None:
            headers["Idempotency-Key"] = key
        return headers


async def onboard(client: httpx.AsyncClient, admin: Account, name: str, **fields: Any) -> Institution:
    """An institution onboarded by `admin` (`POST /v1/admin/institutions`, with `fields` added), with its client's
    token."""
    created = await client.post(
        "/v1/admin/institutions",
        json={
            "name": name,
            "country": "NL",
            "kind": "university",
            "erasmus_code": "NL LEIDEN01",
            "pic": "999984059",
            **fields,
        },
        headers=admin.headers,
    )
    assert created.status_code == 201, created.text
    body = created.json()
    token = await client.post(
        "/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": body["client_id"],
            "client_secret": body["client_secret"],
        },
    )
    assert token.status_code == 200, token.text
    return Institution(body["id"], token.json()["access_token"])
