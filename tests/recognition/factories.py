"""Recognition factories: plain async functions with keyword-only arguments."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass

import httpx
from sqlalchemy.ext.asyncio import AsyncConnection

from core.accounts.service import create_client
from core.database import create_sessionmaker
from wallet.models import Credential
from wallet.repository import CredentialRepository
from wallet.summary.model import Summary
from wallet.verification.models import CredentialVerification, TrustEntry


@dataclass
class Institution:
    id: uuid.UUID
    access_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


async def create_institution(client: httpx.AsyncClient, connection: AsyncConnection, *, name: str) -> Institution:
    """An institution's system with a client-credentials token, as `passerelle client create` makes one."""
    async with create_sessionmaker(connection)() as session:
        row, secret = await create_client(session, name=name, created_by=None)
        await session.commit()
    response = await client.post(
        "/v1/auth/token",
        data={"grant_type": "client_credentials", "client_id": row.client_id, "client_secret": secret},
    )
    assert response.status_code == 200, response.text
    assert row.institution_id is not None
    return Institution(id=row.institution_id, access_token=response.json()["access_token"])


async def create_credential(
    connection: AsyncConnection,
    *,
    owner_id: str,
    summary: Summary,
    signature: str | None = None,
    label: str | None = None,
) -> uuid.UUID:
    """A credential whose summary is set through the model; `signature` stores a verification whose signature check
    has that outcome (`passed`, `failed`, …), none when not given."""
    content = summary.model_dump_json().encode()
    owner = uuid.UUID(owner_id)
    credential = Credential(
        owner_id=owner,
        format="edc",
        media_type="application/ld+json",
        sha256=hashlib.sha256(content + uuid.uuid4().bytes).hexdigest(),
        size_bytes=len(content),
        label=label,
        summary=summary.stored(),
    )
    async with create_sessionmaker(connection)() as session:
        await CredentialRepository(session).add(credential, content)
        if signature is not None:
            session.add(
                CredentialVerification(
                    credential_id=credential.id,
                    owner_id=owner,
                    result={"checks": [{"check": "signature", "outcome": signature, "reason": "test"}]},
                    receipt="not-a-receipt",
                )
            )
        await session.commit()
    return credential.id


async def trust_issuer(connection: AsyncConnection, *, issuer_id: str, accreditation: dict[str, object]) -> None:
    async with create_sessionmaker(connection)() as session:
        session.add(
            TrustEntry(kind="issuer", label="Accredited university", issuer_id=issuer_id, accreditation=accreditation)
        )
        await session.commit()
