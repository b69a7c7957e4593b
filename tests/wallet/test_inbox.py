"""Institutions push credentials, learners accept or decline them: onboarding, idempotent batches, natural-key
dedupe, invitations, the change feed, and who may see what."""

from __future__ import annotations

import asyncio
import base64
import json
import re
import secrets
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from joserfc import jws
from joserfc.jwk import ECKey
from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlmodel import col

from core.accounts.models import Institution as InstitutionRow
from core.accounts.models import Role, User
from core.accounts.schemas import InstitutionCreate
from core.accounts.service import create_client, create_institution
from core.database import create_sessionmaker
from core.errors import InvalidInput
from core.idempotency import IdempotencyRecord
from core.outbox import OutboxMail
from tests.factories import DATA, Account, Institution, create_account, create_staff, onboard
from wallet import sdjwt
from wallet.inbox.models import InboxItem, InstitutionEvent
from wallet.verification import keys

BATCH = "/v1/institutions/credentials:batch"
INBOX = "/v1/wallet/inbox"
OB3_JWT = (DATA / "ob3-simple.jwt").read_text("ascii").strip()
SD_JWT = (DATA / "sd-jwt-vc-openid4vci.txt").read_text("ascii").strip()
EDC = (DATA / "edc-ec-mc-annex1-unsigned.jsonld").read_text("utf-8")
ELMO = (DATA / "elmo-example.xml").read_text("utf-8")
ISSUER = "https://www.universiteitleiden.nl/issuers/1"
KEY_ID = "leiden-2026"


@pytest.fixture
async def leiden(client: httpx.AsyncClient, admin: Account) -> Institution:
    return await onboard(client, admin, "Universiteit Leiden")


@pytest.fixture
async def lyon(client: httpx.AsyncClient, admin: Account) -> Institution:
    return await onboard(client, admin, "Université de Lyon")


def item(credential: str, media_type: str, **recipient: Any) -> dict[str, Any]:
    return {"recipient": recipient, "credential": credential, "media_type": media_type}


async def push(
    client: httpx.AsyncClient, institution: Institution, items: list[dict[str, Any]], key: str | None = None
) -> httpx.Response:
    return await client.post(BATCH, json={"items": items}, headers=institution.headers(key or str(uuid.uuid4())))


class TestPush:
    async def test_delivered_to_the_inbox_and_accepted_byte_for_byte(
        self, client: httpx.AsyncClient, leiden: Institution, learner: Account
    ) -> None:
        response = await push(
            client,
            leiden,
            [
                item(OB3_JWT, "application/jwt", email=learner.email),
                item(SD_JWT, "application/dc+sd-jwt", learner_id=learner.id),
            ],
        )
        assert response.status_code == 200, response.text
        result = response.json()
        assert [r["status"] for r in result["items"]] == ["delivered", "delivered"]
        assert result["counts"] == {"delivered": 2}
        inbox = (await client.get(INBOX, headers=learner.headers)).json()["items"]
        assert {i["institution"]["name"] for i in inbox} == {"Universiteit Leiden"}
        assert all(i["status"] == "pending" and i["credential_id"] is None for i in inbox)
        assert (await client.get("/v1/wallet/credentials", headers=learner.headers)).json()["items"] == []

        first = result["items"][0]["item_id"]
        accepted = await client.post(f"{INBOX}/{first}/accept", headers=learner.headers)
        assert accepted.status_code == 200, accepted.text
        credential_id = accepted.json()["credential_id"]
        original = await client.get(f"/v1/wallet/credentials/{credential_id}/original", headers=learner.headers)
        assert original.content == OB3_JWT.encode()
        delivery = (await client.get(f"/v1/institutions/deliveries/{first}", headers=leiden.headers())).json()
        assert delivery["status"] == "accepted" and "credential_id" not in delivery
        events = (await client.get("/v1/institutions/events", headers=leiden.headers())).json()
        assert [e["type"] for e in events["items"]] == ["delivered", "delivered", "accepted"]
        again = await client.post(f"{INBOX}/{first}/accept", headers=learner.headers)
        assert again.status_code == 409

    async def test_decline_erases_the_copy_and_tells_the_institution(
        self, client: httpx.AsyncClient, connection: AsyncConnection, leiden: Institution, learner: Account
    ) -> None:
        result = (await push(client, leiden, [item(EDC, "application/ld+json", learner_id=learner.id)])).json()
        item_id = result["items"][0]["item_id"]
        declined = await client.post(f"{INBOX}/{item_id}/decline", headers=learner.headers)
        assert declined.status_code == 200 and declined.json()["status"] == "declined"
        content = (
            await connection.execute(select(col(InboxItem.content)).where(col(InboxItem.id) == uuid.UUID(item_id)))
        ).scalar_one()
        assert content == b""
        events = (await client.get("/v1/institutions/events", headers=leiden.headers())).json()["items"]
        assert events[-1]["type"] == "declined"

    async def test_rejected_items_do_not_stop_the_others(
        self, client: httpx.AsyncClient, leiden: Institution, learner: Account
    ) -> None:
        response = await push(
            client,
            leiden,
            [
                item("not a credential", "application/jwt", learner_id=learner.id),
                item(OB3_JWT, "application/jwt", learner_id=str(uuid.uuid4())),
                item(OB3_JWT, "application/jwt", learner_id=learner.id),
            ],
        )
        statuses = [(r["status"], (r["problem"] or {}).get("code")) for r in response.json()["items"]]
        assert statuses[0][0] == "rejected" and statuses[0][1]
        assert statuses[1] == ("rejected", "unknown_learner")
        assert statuses[2] == ("delivered", None)

    async def test_over_a_thousand_items_is_refused(
        self, client: httpx.AsyncClient, leiden: Institution, learner: Account
    ) -> None:
        response = await push(client, leiden, [item(OB3_JWT, "application/jwt", learner_id=learner.id)] * 1001)
        assert response.status_code == 422


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def signed_badge(key: ECKey, *, name: str = "Applied Cryptography", kid: str | None = None) -> str:
    """An Open Badges 3.0 credential as a VC-JWT (VCDM 2.0 claims, ES256), signed with `key`."""
    claims = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": ISSUER, "type": ["Profile"], "name": "Universiteit Leiden"},
        "validFrom": "2026-02-01T00:00:00Z",
        "name": name,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://www.universiteitleiden.nl/achievements/1",
                "type": ["Achievement"],
                "name": name,
                "criteria": {"narrative": "Pass the final assessment."},
            },
        },
    }
    header = {"alg": "ES256", "typ": "vc+jwt", "kid": kid or key.kid}
    return jws.serialize_compact(header, json.dumps(claims).encode(), key, algorithms=["ES256"])


def tampered(token: str) -> str:
    """The same token with one byte of its payload changed and its signature kept."""
    header, payload, signature = token.split(".")
    claims = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    at = claims.index(b"Applied Cryptography") + len("Applied Cryptograph")
    changed = claims[:at] + b"Y" + claims[at + 1 :]
    return f"{header}.{b64url(changed)}.{signature}"


def signed_diploma(key: ECKey) -> str:
    issued = sdjwt.issue_vc(
        {"iss": ISSUER, "vct": "https://credentials.example.eu/diploma", "iat": 1767225600, "given_name": "Ada"},
        issuer_key=key,
        disclosable=[["given_name"]],
        header={"kid": key.kid},
    )
    return issued.serialized


@pytest.fixture
def issuer_key() -> ECKey:
    return ECKey.generate_key("P-256", parameters={"kid": KEY_ID})


@pytest.fixture
async def registered(client: httpx.AsyncClient, admin: Account, issuer_key: ECKey) -> None:
    """Leiden's issuer identifier and its key in the trust registry, as an administrator registers them."""
    response = await client.post(
        "/v1/admin/trust/issuers",
        json={"issuer_id": ISSUER, "label": "Universiteit Leiden", "keys": [dict(issuer_key.as_dict(private=False))]},
        headers=admin.headers,
    )
    assert response.status_code == 201, response.text


class PublishedKeys:
    """Stands in for the outbound fetch of `keys`: serves the documents given, records what was asked."""

    def __init__(self) -> None:
        self.documents: dict[str, Any] = {}
        self.requested: list[str] = []

    async def fetch_json(self, url: str, *, allowed_hosts: list[str], timeout: float, max_bytes: int) -> Any:
        self.requested.append(url)
        await asyncio.sleep(0)  # another verification of the batch may ask for the same key meanwhile
        if url not in self.documents:
            raise InvalidInput("Nothing is published at this address (test).", code="unreachable")
        return self.documents[url]


@pytest.fixture
def published(monkeypatch: pytest.MonkeyPatch) -> PublishedKeys:
    served = PublishedKeys()
    monkeypatch.setattr(keys, "fetch_json", served.fetch_json)
    return served


async def stored(connection: AsyncConnection) -> tuple[int, list[str]]:
    items = (await connection.execute(select(func.count()).select_from(InboxItem))).scalar_one()
    events = (await connection.execute(select(col(InstitutionEvent.type)))).scalars().all()
    return items, sorted(events)


class TestSignatures:
    async def test_a_signature_that_does_not_hold_is_rejected_and_the_rest_delivered(
        self,
        client: httpx.AsyncClient,
        connection: AsyncConnection,
        leiden: Institution,
        learner: Account,
        issuer_key: ECKey,
        registered: None,
    ) -> None:
        valid = signed_badge(issuer_key)
        wrong_key = ECKey.generate_key("P-256", parameters={"kid": KEY_ID})
        batch = [
            item(valid, "application/vc+jwt", learner_id=learner.id),
            item(tampered(valid), "application/vc+jwt", learner_id=learner.id),
            item(signed_diploma(wrong_key), "application/dc+sd-jwt", learner_id=learner.id),
        ]
        response = await push(client, leiden, batch, key="signed-batch-0001")
        assert response.status_code == 200, response.text
        result = response.json()
        outcomes = [(r["status"], (r["problem"] or {}).get("code")) for r in result["items"]]
        assert outcomes == [("delivered", None), ("rejected", "bad_signature"), ("rejected", "signature_invalid")]
        assert result["counts"] == {"delivered": 1, "rejected": 2}
        assert all(r["item_id"] is None and r["problem"]["detail"] for r in result["items"][1:])
        assert await stored(connection) == (1, ["delivered"])
        inbox = (await client.get(INBOX, headers=learner.headers)).json()["items"]
        assert [i["id"] for i in inbox] == [result["items"][0]["item_id"]]

        replay = await push(client, leiden, batch, key="signed-batch-0001")
        assert replay.status_code == 200
        assert replay.content == response.content
        assert replay.headers["idempotent-replayed"] == "true"
        assert await stored(connection) == (1, ["delivered"])

    async def test_the_rejected_one_is_what_verify_says_fails(
        self, client: httpx.AsyncClient, leiden: Institution, learner: Account, issuer_key: ECKey, registered: None
    ) -> None:
        forged = tampered(signed_badge(issuer_key))
        verified = await client.post("/v1/verify", content=forged, headers={"Content-Type": "application/vc+jwt"})
        signature = next(c for c in verified.json()["checks"] if c["check"] == "signature")
        result = (await push(client, leiden, [item(forged, "application/vc+jwt", learner_id=learner.id)])).json()
        assert result["items"][0]["problem"] == {"code": signature["reason"], "detail": signature["message"]}

    async def test_unsigned_documents_are_delivered_and_a_broken_transcript_signature_is_not(
        self, client: httpx.AsyncClient, leiden: Institution, learner: Account
    ) -> None:
        start = ELMO.index("<Signature xmlns=")
        unsigned_transcript = ELMO[:start] + ELMO[ELMO.index("</Signature>") + len("</Signature>") :]
        response = await push(
            client,
            leiden,
            [
                item(EDC, "application/ld+json", learner_id=learner.id),
                item(unsigned_transcript, "application/xml", learner_id=learner.id),
                # The EMREX example's own signature does not hold (see test_xmldsig.py).
                item(ELMO, "application/xml", learner_id=learner.id),
                # The issuer's key is nowhere to be found: not checked, so not refused (the learner sees why).
                item(OB3_JWT, "application/jwt", learner_id=learner.id),
            ],
        )
        outcomes = [(r["status"], (r["problem"] or {}).get("code")) for r in response.json()["items"]]
        assert outcomes == [
            ("delivered", None),
            ("delivered", None),
            ("rejected", "signature_invalid"),
            ("delivered", None),
        ]

    async def test_seals_and_data_integrity_proofs_are_checked_too(
        self, client: httpx.AsyncClient, leiden: Institution, learner: Account
    ) -> None:
        sealed = (DATA / "edc-ec-mc-annex1-signed.jsonld").read_text("utf-8")
        # One byte of the sealed payload changed (the credential's id), the seal kept.
        changed = sealed.replace("urn:credential:1018d05f", "urn:credential:1018d05e", 1)
        assert changed != sealed
        response = await push(
            client,
            leiden,
            [
                item(sealed, "application/jose+json", learner_id=learner.id),
                item(changed, "application/jose+json", learner_id=learner.id),
                # 1EdTech's samples, Data Integrity eddsa-rdfc-2022 with a did:key method: a valid one, and one whose
                # proof value was altered.
                item((DATA / "ob3-simple.json").read_text("utf-8"), "application/ld+json", learner_id=learner.id),
                item(
                    (DATA / "ob3-err-proof-value.json").read_text("utf-8"), "application/ld+json", learner_id=learner.id
                ),
            ],
        )
        outcomes = [(r["status"], (r["problem"] or {}).get("code")) for r in response.json()["items"]]
        assert outcomes == [
            ("delivered", None),
            ("rejected", "bad_signature"),
            ("delivered", None),
            ("rejected", "bad_signature"),
        ]

    async def test_each_published_key_is_fetched_once_per_batch(
        self,
        client: httpx.AsyncClient,
        connection: AsyncConnection,
        leiden: Institution,
        learner: Account,
        issuer_key: ECKey,
        published: PublishedKeys,
    ) -> None:
        key_url = "https://www.universiteitleiden.nl/keys/1"
        published.documents[key_url] = dict(issuer_key.as_dict(private=False))
        other = ECKey.generate_key("P-256")
        batch = [
            item(
                signed_badge(issuer_key, name=f"Applied Cryptography {n}", kid=key_url),
                "application/vc+jwt",
                learner_id=learner.id,
            )
            for n in range(5)
        ]
        batch.append(item(signed_badge(other, kid=key_url), "application/vc+jwt", learner_id=learner.id))
        batch.append(
            item(signed_badge(other, kid="https://keys.example.org/gone"), "application/vc+jwt", learner_id=learner.id)
        )
        batch.append(
            item(signed_badge(other, kid="https://keys.example.org/gone"), "application/vc+jwt", learner_id=learner.id)
        )
        result = (await push(client, leiden, batch)).json()
        outcomes = [(r["status"], (r["problem"] or {}).get("code")) for r in result["items"]]
        assert outcomes == [("delivered", None)] * 5 + [("rejected", "bad_signature")] + [("delivered", None)] * 2
        assert sorted(published.requested) == ["https://keys.example.org/gone", key_url]
        assert (await stored(connection))[0] == 7

        again = (
            await push(
                client,
                leiden,
                [item(signed_badge(issuer_key, kid=key_url), "application/vc+jwt", learner_id=learner.id)],
            )
        ).json()
        assert again["items"][0]["status"] == "delivered"
        assert published.requested.count(key_url) == 2  # a new batch fetches again: nothing is kept between batches


class TestIdempotency:
    async def test_a_replay_answers_the_same_bytes_and_creates_nothing(
        self, client: httpx.AsyncClient, connection: AsyncConnection, leiden: Institution, learner: Account
    ) -> None:
        batch = [item(OB3_JWT, "application/jwt", learner_id=learner.id)]
        first = await push(client, leiden, batch, key="batch-2026-11-23-0001")
        replay = await push(client, leiden, batch, key="batch-2026-11-23-0001")
        assert replay.status_code == first.status_code == 200
        assert replay.content == first.content
        assert replay.headers["idempotent-replayed"] == "true"
        count = (await connection.execute(select(func.count()).select_from(InboxItem))).scalar_one()
        assert count == 1

    async def test_the_same_key_with_another_body_is_refused(
        self, client: httpx.AsyncClient, leiden: Institution, learner: Account
    ) -> None:
        await push(client, leiden, [item(OB3_JWT, "application/jwt", learner_id=learner.id)], key="batch-0002-abcdef")
        other = await push(
            client, leiden, [item(SD_JWT, "application/dc+sd-jwt", learner_id=learner.id)], key="batch-0002-abcdef"
        )
        assert other.status_code == 422
        assert other.json()["code"] == "idempotency_key_reused"
        assert len((await client.get(INBOX, headers=learner.headers)).json()["items"]) == 1

    async def test_a_key_is_required(self, client: httpx.AsyncClient, leiden: Institution, learner: Account) -> None:
        response = await client.post(
            BATCH,
            json={"items": [item(OB3_JWT, "application/jwt", learner_id=learner.id)]},
            headers=leiden.headers(),
        )
        assert response.status_code == 400
        assert response.json()["code"] == "idempotency_key_required"

    async def test_keys_belong_to_one_institution(
        self, client: httpx.AsyncClient, leiden: Institution, lyon: Institution, learner: Account
    ) -> None:
        await push(client, leiden, [item(OB3_JWT, "application/jwt", learner_id=learner.id)], key="shared-key-0003")
        theirs = await push(
            client, lyon, [item(OB3_JWT, "application/jwt", learner_id=learner.id)], key="shared-key-0003"
        )
        assert theirs.json()["items"][0]["status"] == "delivered"

    async def test_the_same_credential_under_a_new_key_creates_nothing(
        self, client: httpx.AsyncClient, leiden: Institution, learner: Account
    ) -> None:
        first = (await push(client, leiden, [item(OB3_JWT, "application/jwt", learner_id=learner.id)])).json()
        second = (await push(client, leiden, [item(OB3_JWT, "application/jwt", learner_id=learner.id)])).json()
        assert second["items"][0]["status"] == "duplicate"
        assert second["items"][0]["item_id"] == first["items"][0]["item_id"]
        assert len((await client.get(INBOX, headers=learner.headers)).json()["items"]) == 1


class TestInvitations:
    async def test_an_unknown_address_gets_a_code_to_claim(
        self, client: httpx.AsyncClient, connection: AsyncConnection, leiden: Institution
    ) -> None:
        result = (await push(client, leiden, [item(OB3_JWT, "application/jwt", email="noor@example.org")])).json()
        assert result["items"][0]["status"] == "invited"
        item_id = result["items"][0]["item_id"]
        subject, body = (
            await connection.execute(
                select(col(OutboxMail.subject), col(OutboxMail.body)).where(
                    col(OutboxMail.recipient) == "noor@example.org"
                )
            )
        ).one()
        assert "Universiteit Leiden" in subject
        code = re.search(r"^([A-Za-z0-9_-]{43})$", body or "", re.MULTILINE)
        assert code is not None
        delivery = (await client.get(f"/v1/institutions/deliveries/{item_id}", headers=leiden.headers())).json()
        assert delivery["invited"] is True and delivery["status"] == "pending"

        noor = await create_account(client, email="noor@example.org", display_name="Noor")
        claimed = await client.post(f"{INBOX}:claim", json={"code": code.group(1)}, headers=noor.headers)
        assert claimed.status_code == 200, claimed.text
        assert claimed.json() == {"moved": 1}
        inbox = (await client.get(INBOX, headers=noor.headers)).json()["items"]
        assert [i["id"] for i in inbox] == [item_id]
        again = await client.post(f"{INBOX}:claim", json={"code": code.group(1)}, headers=noor.headers)
        assert again.status_code == 410

    async def test_the_invitation_is_in_the_language_the_institution_asks_for(
        self, client: httpx.AsyncClient, connection: AsyncConnection, leiden: Institution
    ) -> None:
        async def mail_to(email: str, language: str | None, credential: tuple[str, str]) -> tuple[str, str]:
            headers = leiden.headers(str(uuid.uuid4()))
            if language is not None:
                headers["Accept-Language"] = language
            pushed = await client.post(BATCH, json={"items": [item(*credential, email=email)]}, headers=headers)
            assert pushed.json()["items"][0]["status"] == "invited", pushed.text
            subject, body = (
                await connection.execute(
                    select(col(OutboxMail.subject), col(OutboxMail.body)).where(col(OutboxMail.recipient) == email)
                )
            ).one()
            return subject, body or ""

        subject, body = await mail_to("lena@example.org", "it-CH, de;q=0.5", (OB3_JWT, "application/jwt"))
        assert subject == "Universiteit Leiden ti ha inviato una credenziale"
        assert body.startswith(
            "Universiteit Leiden ti ha inviato una credenziale tramite Passerelle.\n"
            "Crea un account (o accedi) su http://test e riscattala con questo codice, valido fino al "
        )
        assert re.search(r"^[A-Za-z0-9_-]{43}$", body, re.MULTILINE)
        assert body.endswith("\n\nNulla viene aggiunto a un portafoglio finché non lo accetti.\n")

        # An address that is an officer's account (not a learner's): the account's own language wins.
        await create_staff(client, connection, email="officer@example.org", role=Role.OFFICER)
        await connection.execute(update(User).where(col(User.email) == "officer@example.org").values(language="pl"))
        subject, _ = await mail_to("officer@example.org", "it", (SD_JWT, "application/dc+sd-jwt"))
        assert subject == "Universiteit Leiden przesyła Ci poświadczenie"

        subject, body = await mail_to(
            "kim@example.org", None, (EDC, "application/ld+json")
        )  # English, as it always read
        assert subject == "Universiteit Leiden has sent you a credential"
        assert body.startswith(
            "Universiteit Leiden has sent you a credential through Passerelle.\n"
            "Create an account (or sign in) at http://test and claim it with this code, valid until 20"
        )

    async def test_one_invitation_per_address(
        self, client: httpx.AsyncClient, connection: AsyncConnection, leiden: Institution
    ) -> None:
        await push(client, leiden, [item(OB3_JWT, "application/jwt", email="sam@example.org")])
        await push(client, leiden, [item(SD_JWT, "application/dc+sd-jwt", email="sam@example.org")])
        # Counted for this address only: a committing test elsewhere may have left other mail in the outbox.
        sam = select(func.count()).select_from(OutboxMail).where(col(OutboxMail.recipient) == "sam@example.org")
        assert (await connection.execute(sam)).scalar_one() == 1


class TestIsolation:
    async def test_another_institution_sees_nothing(
        self, client: httpx.AsyncClient, leiden: Institution, lyon: Institution, learner: Account
    ) -> None:
        result = (await push(client, leiden, [item(OB3_JWT, "application/jwt", learner_id=learner.id)])).json()
        item_id = result["items"][0]["item_id"]
        assert (await client.get(f"/v1/institutions/deliveries/{item_id}", headers=lyon.headers())).status_code == 404
        assert (await client.get("/v1/institutions/events", headers=lyon.headers())).json()["items"] == []

    async def test_another_learner_cannot_touch_the_item(
        self, client: httpx.AsyncClient, leiden: Institution, learner: Account, other_learner: Account
    ) -> None:
        result = (await push(client, leiden, [item(OB3_JWT, "application/jwt", learner_id=learner.id)])).json()
        item_id = result["items"][0]["item_id"]
        for action in ("accept", "decline"):
            response = await client.post(f"{INBOX}/{item_id}/{action}", headers=other_learner.headers)
            assert response.status_code == 404
        assert (await client.get(f"{INBOX}/{item_id}", headers=learner.headers)).json()["status"] == "pending"

    async def test_learners_cannot_push(self, client: httpx.AsyncClient, learner: Account) -> None:
        response = await client.post(
            BATCH, json={"items": []}, headers={**learner.headers, "Idempotency-Key": "learner-key-0001"}
        )
        assert response.status_code == 401

    async def test_the_token_names_the_institution(self, client: httpx.AsyncClient, leiden: Institution) -> None:
        from jose import jwt

        assert jwt.get_unverified_claims(leiden.token)["sub"] == leiden.id


@dataclass(frozen=True)
class Committed:
    client: httpx.AsyncClient
    institution: Institution
    learner: Account


@pytest.fixture
async def committed(committing_client: httpx.AsyncClient, engine: AsyncEngine) -> AsyncIterator[Committed]:
    """An institution with its token and a learner, committed for requests that run concurrently for real (the
    app's own engines); removed afterwards with everything they wrote."""
    email = f"race-{secrets.token_hex(4)}@example.org"
    async with create_sessionmaker(engine)() as session:
        institution = await create_institution(session, InstitutionCreate(name=f"Race {email}"))
        row, secret = await create_client(
            session, name=institution.name, created_by=None, institution_id=institution.id
        )
        await session.commit()
    try:
        learner = await create_account(committing_client, email=email)
        token = await committing_client.post(
            "/v1/auth/token",
            data={"grant_type": "client_credentials", "client_id": row.client_id, "client_secret": secret},
        )
        yield Committed(committing_client, Institution(str(institution.id), token.json()["access_token"]), learner)
    finally:
        async with engine.begin() as connection:
            await connection.execute(
                delete(IdempotencyRecord).where(col(IdempotencyRecord.principal_id) == institution.id)
            )
            await connection.execute(delete(InstitutionRow).where(col(InstitutionRow.id) == institution.id))
            await connection.execute(delete(User).where(col(User.email) == email))


class TestFeedOrder:
    async def test_concurrent_pushes_and_decisions_number_the_feed_without_gaps(self, committed: Committed) -> None:
        """Twelve pushes and the learner's decisions at once, each in its own transaction: the feed numbers every
        event once, 1 … N in commit order, and a reader following the cursor page by page misses none."""
        client, pusher, learner = committed.client, committed.institution, committed.learner
        documents = [json.dumps({**json.loads(EDC), "id": f"urn:uuid:{uuid.uuid4()}"}) for _ in range(12)]
        pushed = await asyncio.gather(
            *(push(client, pusher, [item(d, "application/ld+json", learner_id=learner.id)]) for d in documents)
        )
        assert {r.status_code for r in pushed} == {200}, [r.text for r in pushed if r.status_code != 200]
        item_ids = [r.json()["items"][0]["item_id"] for r in pushed]
        decided = await asyncio.gather(
            *(
                client.post(f"{INBOX}/{item_id}/{'accept' if n % 2 else 'decline'}", headers=learner.headers)
                for n, item_id in enumerate(item_ids)
            )
        )
        assert {r.status_code for r in decided} == {200}
        seen: list[dict[str, Any]] = []
        cursor = None
        while True:
            params = {"limit": "5", **({"cursor": cursor} if cursor else {})}
            page = (await client.get("/v1/institutions/events", params=params, headers=pusher.headers())).json()
            if not page["items"]:
                break
            seen.extend(page["items"])
            cursor = page["next_cursor"]
        assert [event["seq"] for event in seen] == list(range(1, 25))
        assert sorted(event["type"] for event in seen) == ["accepted"] * 6 + ["declined"] * 6 + ["delivered"] * 12


class TestConcurrentDuplicates:
    async def test_one_execution_and_identical_answers(self, committed: Committed, engine: AsyncEngine) -> None:
        client, pusher, learner = committed.client, committed.institution, committed.learner
        batch = [item(OB3_JWT, "application/jwt", learner_id=learner.id)]
        responses = await asyncio.gather(*(push(client, pusher, batch, key="concurrent-0001") for _ in range(10)))
        assert {r.status_code for r in responses} == {200}
        assert len({r.content for r in responses}) == 1
        assert sum(r.headers.get("idempotent-replayed") == "true" for r in responses) == 9
        async with engine.connect() as connection:
            items = (
                await connection.execute(
                    select(func.count()).where(col(InboxItem.institution_id) == uuid.UUID(pusher.id))
                )
            ).scalar_one()
        assert items == 1
