"""The growth check's data (`bench.growth`): a template learner made through the real API, then learners cloned
from its rows with COPY until the database holds the number of credentials asked for. See bench/README.md, `growth`.

Every cloned row takes the template's column values (so every value is one the service wrote) with its own ids
(UUIDv7 at its own time), owner, e-mail address, name, times and, for a share, token digest, expiry and state.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import random
import secrets
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from bench.credential_read import REPO, Server, SetupFailed

DATA = REPO / "tests" / "data"
TEMPLATE_CREDENTIALS = (
    ("ob3-simple.jwt", "application/jwt"),
    ("ob3-complete.json", "application/ld+json"),
    ("ob3-did-key-method.json", "application/ld+json"),
    ("ob3-eddsa-2022.json", "application/ld+json"),
    ("ob3-endorsement-valid.json", "application/ld+json"),
    ("ob3-multiple-proofs.json", "application/ld+json"),
    ("ob3-mynextid-mc.json", "application/ld+json"),
    ("clr2-simple.json", "application/ld+json"),
    ("ob3-simple.json", "application/ld+json"),
    ("ob3-simple-v1.json", "application/ld+json"),
    ("clr2-simple.jwt", "application/jwt"),
    ("sd-jwt-vc-openid4vci.txt", "application/dc+sd-jwt"),
)
SHARED_FIELDS = ["title", "issuer", "awarded_on"]
JSON_ACCEPT = {"Accept": "application/json"}
LEARNER_CHUNK = 5_000
"""Learners written per COPY transaction."""
HISTORY_DAYS = 730
SHARE_PROBABILITY = 0.3
"""Chance that a learner shared a given credential."""
REVOKED_PROBABILITY = 0.05
FIRST_NAMES = ("Ada", "Ali", "Anna", "Björn", "Chiara", "Dmitri", "Eva", "Fatima", "Jan", "Joana", "Lena", "Luca")
LAST_NAMES = ("Berg", "Costa", "Dubois", "García", "Jansen", "Kowalski", "Müller", "Novak", "Rossi", "Silva")


# ---------------------------------------------------------------------------------------------------- template


@dataclass(frozen=True)
class Template:
    learner_id: uuid.UUID
    email: str
    password: str


def set_up_template(service: Server) -> Template:
    """The template learner through the API: sign-up, the imports, a share of each, one landing and reveal each."""
    email = f"template-{secrets.token_hex(4)}@bench.example"
    password = secrets.token_urlsafe(18)
    with httpx.Client(base_url=service.base_url, timeout=60.0, trust_env=False) as client:

        def expect(response: httpx.Response, status: int, what: str) -> Any:
            if response.status_code != status:
                raise SetupFailed(f"{what} answered {response.status_code}: {response.text[:300]}")
            return response.json()

        signup = expect(
            client.post("/v1/auth/signup", json={"email": email, "password": password, "display_name": "Ada Berg"}),
            201,
            "sign-up",
        )
        token = client.post("/v1/auth/token", data={"grant_type": "password", "username": email, "password": password})
        learner = {"Authorization": f"Bearer {expect(token, 200, 'the token endpoint')['access_token']}"}
        for name, media_type in TEMPLATE_CREDENTIALS:
            imported = client.post(
                "/v1/wallet/credentials",
                content=(DATA / name).read_bytes(),
                headers={**learner, "Content-Type": media_type},
            )
            credential_id = expect(imported, 201, f"the import of {name}")["id"]
            share = client.post(
                "/v1/wallet/shares",
                json={
                    "items": [{"credential_id": credential_id, "fields": SHARED_FIELDS}],
                    "purpose": "Application for a job",
                    "expires_in_days": 30,
                },
                headers=learner,
            )
            path = "/s/" + expect(share, 201, f"the share of {name}")["url"].rsplit("/", 1)[1]
            expect(client.get(path, headers=JSON_ACCEPT), 200, "the landing")
            expect(client.post(path + "/reveal", headers=JSON_ACCEPT), 200, "the reveal")
    return Template(uuid.UUID(signup["id"]), email, password)


# ------------------------------------------------------------------------------------------------------ seeding


def _uuid7(moment: datetime, rng: random.Random) -> uuid.UUID:
    """A UUIDv7 (RFC 9562 §5.7) at `moment`, as `core.ids.new_id` makes them, from a seeded generator."""
    unix_ms = int(moment.timestamp() * 1000)
    rand = rng.getrandbits(74)
    value = (unix_ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | ((rand >> 62) & 0xFFF) << 64 | 0b10 << 62
    return uuid.UUID(int=value | rand & ((1 << 62) - 1))


def _between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    return start + (end - start) * rng.random() if end > start else start


@dataclass
class TemplateRows:
    """The template learner's rows, table by table, as read back from the database (column order kept)."""

    columns: dict[str, list[str]]
    rows: dict[str, list[dict[str, Any]]]

    def of(self, table: str, column: str, value: Any) -> list[dict[str, Any]]:
        return [row for row in self.rows[table] if row[column] == value]


async def _read_template(connection: Any, learner_id: uuid.UUID) -> TemplateRows:
    queries = {
        "users": "SELECT * FROM users WHERE id = $1",
        "credentials": "SELECT * FROM credentials WHERE owner_id = $1 ORDER BY id",
        "credential_documents": "SELECT d.* FROM credential_documents d JOIN credentials c ON c.id = d.credential_id "
        "WHERE c.owner_id = $1",
        "credential_verifications": "SELECT * FROM credential_verifications WHERE owner_id = $1 ORDER BY id",
        "consents": "SELECT * FROM consents WHERE learner_id = $1 ORDER BY id",
        "shares": "SELECT * FROM shares WHERE owner_id = $1 ORDER BY id",
        "share_items": "SELECT i.* FROM share_items i JOIN shares s ON s.id = i.share_id WHERE s.owner_id = $1",
        "share_events": "SELECT e.* FROM share_events e JOIN shares s ON s.id = e.share_id WHERE s.owner_id = $1 "
        "ORDER BY e.id",
    }
    columns: dict[str, list[str]] = {}
    rows: dict[str, list[dict[str, Any]]] = {}
    for table, query in queries.items():
        columns[table] = [
            record["attname"]
            for record in await connection.fetch(
                "SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped "
                "ORDER BY attnum",
                table,
            )
        ]
        rows[table] = [dict(record) for record in await connection.fetch(query, learner_id)]
    if len(rows["shares"]) != len(TEMPLATE_CREDENTIALS) or not rows["share_events"]:
        raise SetupFailed(f"the template has {len(rows['shares'])} shares and {len(rows['share_events'])} events")
    return TemplateRows(columns, rows)


@dataclass
class Sample:
    """What the measurement needs from the seeded rows: reservoir samples, so every learner and share is as likely."""

    size: int
    rng: random.Random
    seen: int = 0
    kept: list[Any] = field(default_factory=list)

    def offer(self, item: Any) -> None:
        self.seen += 1
        if len(self.kept) < self.size:
            self.kept.append(item)
        elif (slot := self.rng.randrange(self.seen)) < self.size:
            self.kept[slot] = item


@dataclass
class Seeded:
    credentials: int = 0
    learners: int = 0
    shares: int = 0
    open_shares: int = 0
    share_events: int = 0
    seconds: float = 0.0
    readers: list[tuple[str, list[str]]] = field(default_factory=list)
    """(e-mail, credential ids) of the learners whose credentials are read."""
    share_tokens: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Cloned:
    email: str
    credential_ids: list[str]
    open_share_tokens: list[str]
    shares: int
    events: int


class Cloner:
    """Builds one learner's rows from the template's: new ids and times, the same column values otherwise."""

    def __init__(self, template: TemplateRows, rng: random.Random, now: datetime) -> None:
        self.template = template
        self.rng = rng
        self.now = now
        # Containers before their parts, so a part takes its container's new id and time.
        template.rows["credentials"].sort(key=lambda row: (row["parent_id"] is not None, row["id"]))
        self.top_level = [row for row in template.rows["credentials"] if row["parent_id"] is None]

    def learner(self, number: int, created: datetime, out: dict[str, list[tuple[Any, ...]]]) -> Cloned:
        """Append one learner's rows to `out` (table → rows in column order)."""
        rng, template = self.rng, self.template
        user = dict(template.rows["users"][0])
        learner_id = _uuid7(created, rng)
        email = f"learner-{number:07d}@bench.example"
        user.update(
            id=learner_id,
            email=email,
            display_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            created_at=created,
            updated_at=created,
        )
        self._add(out, "users", user)
        chosen = rng.sample(self.top_level, rng.randint(1, len(self.top_level)))
        chosen_ids = {row["id"] for row in chosen}
        credentials = [
            row
            for row in template.rows["credentials"]
            if row["id"] in chosen_ids or row["parent_id"] in chosen_ids  # a CLR's parts go with it
        ]
        new_ids: dict[Any, uuid.UUID] = {}
        added: dict[Any, datetime] = {}
        for row in credentials:
            moment = added.get(row["parent_id"]) or _between(rng, created, self.now)
            added[row["id"]] = moment
            new_ids[row["id"]] = _uuid7(moment, rng)
            self._add(
                out,
                "credentials",
                {
                    **row,
                    "id": new_ids[row["id"]],
                    "owner_id": learner_id,
                    "parent_id": new_ids.get(row["parent_id"]),
                    "created_at": moment,
                    "updated_at": moment,
                },
            )
            for document in template.of("credential_documents", "credential_id", row["id"]):
                self._add(out, "credential_documents", {**document, "credential_id": new_ids[row["id"]]})
            for check in template.of("credential_verifications", "credential_id", row["id"]):
                self._add(
                    out,
                    "credential_verifications",
                    {
                        **check,
                        "id": _uuid7(moment, rng),
                        "credential_id": new_ids[row["id"]],
                        "owner_id": learner_id,
                        "created_at": moment,
                    },
                )
        tokens, shares, events = [], 0, 0
        for item in template.rows["share_items"]:
            if item["credential_id"] not in new_ids or rng.random() >= SHARE_PROBABILITY:
                continue
            token, opened, written = self._share(out, item, learner_id, new_ids, added)
            shares += 1
            events += written
            if opened:
                tokens.append(token)
        return Cloned(email, [str(value) for value in new_ids.values()], tokens, shares, events)

    def _share(
        self,
        out: dict[str, list[tuple[Any, ...]]],
        item: dict[str, Any],
        learner_id: uuid.UUID,
        new_ids: dict[Any, uuid.UUID],
        added: dict[Any, datetime],
    ) -> tuple[str, bool, int]:
        rng, template, now = self.rng, self.template, self.now
        share = next(row for row in template.rows["shares"] if row["id"] == item["share_id"])
        consent = next(row for row in template.rows["consents"] if row["id"] == share["consent_id"])
        created = _between(rng, max(added[item["credential_id"]], now - timedelta(days=180)), now)
        expires = created + timedelta(days=rng.randint(7, 365))
        revoked = created + (now - created) * rng.random() if rng.random() < REVOKED_PROBABILITY else None
        views = rng.choice((0, 0, 1, 1, 2, 3)) if revoked is None else 0
        token = base64.urlsafe_b64encode(rng.randbytes(32)).rstrip(b"=").decode("ascii")
        consent_id, share_id = _uuid7(created, rng), _uuid7(created, rng)
        self._add(
            out,
            "consents",
            {
                **consent,
                "id": consent_id,
                "learner_id": learner_id,
                "actor_id": learner_id,
                "granted_at": created,
                "expires_at": expires,
                "withdrawn_at": revoked,
                "withdrawn_by": learner_id if revoked else None,
            },
        )
        first_view = created + timedelta(hours=rng.randint(1, 72)) if views else None
        self._add(
            out,
            "shares",
            {
                **share,
                "id": share_id,
                "owner_id": learner_id,
                "token_digest": hashlib.sha256(token.encode()).hexdigest(),
                "consent_id": consent_id,
                "expires_at": expires,
                "views": views,
                "revoked_at": revoked,
                "first_revealed_at": first_view,
                "created_at": created,
                "updated_at": revoked or first_view or created,
            },
        )
        self._add(
            out,
            "share_items",
            {
                **item,
                "id": _uuid7(created, rng),
                "share_id": share_id,
                "credential_id": new_ids[item["credential_id"]],
                "presentation": None if revoked else item["presentation"],  # erased on revocation
            },
        )
        events = 0
        for _ in range(views):  # a landing, then a reveal, per view
            moment = first_view or created
            for event in template.of("share_events", "share_id", share["id"]):
                self._add(out, "share_events", {**event, "id": _uuid7(moment, rng), "share_id": share_id, "at": moment})
                events += 1
        opened = revoked is None and expires > now + timedelta(days=1) and share["max_views"] is None
        return token, opened, events

    def _add(self, out: dict[str, list[tuple[Any, ...]]], table: str, row: dict[str, Any]) -> None:
        out.setdefault(table, []).append(tuple(row[column] for column in self.template.columns[table]))


TABLE_ORDER = (
    "users",
    "credentials",
    "credential_documents",
    "credential_verifications",
    "consents",
    "shares",
    "share_items",
    "share_events",
)


def _asyncpg_url(url: str) -> str:
    from sqlalchemy import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class Population:
    """Learners cloned from the template one chunk at a time, arriving over the last two years in id order (as
    UUIDv7 ids are made), until the database holds `credentials` credentials; what was written is counted and
    sampled on the way."""

    def __init__(self, template: TemplateRows, credentials: int, args: argparse.Namespace) -> None:
        self.rng = random.Random(args.seed)
        self.now = datetime.now(UTC)
        self.cloner = Cloner(template, self.rng, self.now)
        self.target = credentials
        self.readers, self.shares = Sample(args.readers, self.rng), Sample(args.shares, self.rng)
        self.seeded = Seeded(
            credentials=len(template.rows["credentials"]), learners=1, shares=len(template.rows["shares"])
        )
        self.step = timedelta(days=HISTORY_DAYS) / max(1, credentials // 7)
        self.start = self.now - timedelta(days=HISTORY_DAYS)
        self.number = 0

    @property
    def complete(self) -> bool:
        return self.seeded.credentials >= self.target

    def chunk(self) -> dict[str, list[tuple[Any, ...]]]:
        """The rows of the next LEARNER_CHUNK learners (fewer at the end), table by table."""
        out: dict[str, list[tuple[Any, ...]]] = {}
        seeded = self.seeded
        for _ in range(LEARNER_CHUNK):
            if self.complete:
                break
            moment = self.start + self.step * (self.number + self.rng.random())
            cloned = self.cloner.learner(self.number, min(moment, self.now - timedelta(hours=1)), out)
            self.number += 1
            self.readers.offer((cloned.email, cloned.credential_ids))
            for token in cloned.open_share_tokens:
                self.shares.offer(token)
            seeded.learners += 1
            seeded.credentials += len(cloned.credential_ids)
            seeded.shares += cloned.shares
            seeded.open_shares += len(cloned.open_share_tokens)
            seeded.share_events += cloned.events
        return out


async def seed(url: str, template_learner: uuid.UUID, credentials: int, args: argparse.Namespace) -> Seeded:
    """Clone the template until the database holds `credentials` credentials: COPY per chunk, then VACUUM (ANALYZE)."""
    import asyncpg  # type: ignore[import-untyped]  # no stubs; COPY is its one use here

    began = time.perf_counter()
    connection = await asyncpg.connect(_asyncpg_url(url))
    try:
        # Commits of this loading session need not wait for the WAL flush (a crash would only lose the bench data).
        await connection.execute("SET synchronous_commit = off")
        template = await _read_template(connection, template_learner)
        population = Population(template, credentials, args)

        async def write(out: dict[str, list[tuple[Any, ...]]], written: int) -> None:
            async with connection.transaction():
                for table in TABLE_ORDER:
                    if out.get(table):
                        await connection.copy_records_to_table(
                            table, records=out[table], columns=template.columns[table]
                        )
            print(f"  {written:,} credentials …", file=sys.stderr, flush=True)

        # The next chunk is built (in a thread) while the database takes the previous one.
        writing: asyncio.Task[None] | None = None
        while not population.complete:
            out = await asyncio.to_thread(population.chunk)
            if writing is not None:
                await writing
            writing = asyncio.create_task(write(out, population.seeded.credentials))
        if writing is not None:
            await writing
        await connection.execute("VACUUM (ANALYZE)")
    finally:
        await connection.close()
    seeded = population.seeded
    seeded.readers, seeded.share_tokens = population.readers.kept, population.shares.kept
    seeded.seconds = time.perf_counter() - began
    return seeded
