"""Crash test of the push endpoint (issue 8): idempotent pushes while PostgreSQL is killed and restarted, twice.

The run starts a private PostgreSQL 15 cluster (`initdb` into a temporary directory as the `postgres` OS user,
trust authentication, loopback only, on a free port: the machine's shared server on 5432 is never touched),
migrates it, starts the real service against it (`passerelle serve`, one worker), and onboards an institution
and a few learners the way an operator would (`passerelle user create` for an admin, then the API).

Then 20 concurrent clients send 2,000 pushes (`POST /v1/institutions/credentials:batch`), each one distinct
ES256-signed Open Badges 3.0 VC-JWT under its own `Idempotency-Key`, retrying the same key and body on 503 or a
connection error until the service acknowledges it (2xx). Meanwhile PostgreSQL is stopped with
`pg_ctl stop -m immediate` (a crash: no checkpoint, recovery from the WAL at the next start) after a third of the
pushes were acknowledged, started again ~3 s later, and the same again after two thirds.

Afterwards it checks: every acknowledged push is there (its delivery answers, its row is in `inbox_items`), none
is there twice, every key replayed answers the first acknowledgement byte for byte, the only error status seen was
503 and only while the database was down, and the service never dropped a connection. Exit status 0 when every
check passed, 1 when one failed, 2 when the set-up failed, 130 when interrupted. See bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import os
import random
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar

import httpx
from joserfc import jws
from joserfc.jwk import ECKey

from bench.cases import _cli as passerelle_cli
from bench.credential_read import (
    EXIT_INTERRUPTED,
    EXIT_SETUP_FAILED,
    HOST,
    Server,
    SetupFailed,
    clean_environment,
    free_port,
    start_service,
)

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_OS_USER = "postgres"
PG_START_TIMEOUT_SECONDS = 60
BATCH_PATH = "/v1/institutions/credentials:batch"
ISSUER = "https://issuer.crash.example/badges"
SIGNING_KID = "crash-issuer-1"
VC_JWT_TYPE = "vc+jwt"
LEARNERS = 5
REQUEST_TIMEOUT_SECONDS = 30.0
BACKOFF_FIRST_SECONDS = 0.05
BACKOFF_MAX_SECONDS = 0.5
RUN_DEADLINE_SECONDS = 900.0
"""Every push must be acknowledged within this; a service that never comes back fails the run, not hangs it."""
IN_OUTAGE_GRACE_SECONDS = 1.0
"""A 503 still counts as "while the database was down" if its request was in flight up to this long after
`pg_ctl start` returned (the pool learns that its connections died by using them)."""
EXIT_CHECK_FAILED = 1

Job = TypeVar("Job")


# --------------------------------------------------------------------------------------------- private cluster


@dataclass
class Cluster:
    """A throwaway PostgreSQL 15 cluster in `directory` (data, log, unix socket), owned by the postgres user."""

    directory: Path
    port: int
    running: bool = False

    @property
    def data(self) -> Path:
        return self.directory / "data"

    @property
    def log(self) -> Path:
        return self.directory / "postgresql.log"

    def url(self, database: str) -> str:
        return f"postgresql+asyncpg://{PG_OS_USER}@{HOST}:{self.port}/{database}"

    def command(self, program: str, *arguments: str) -> list[str]:
        """`program` from PG_BIN run as the postgres OS user (initdb and pg_ctl refuse to run as root)."""
        return ["runuser", "-u", PG_OS_USER, "--", str(PG_BIN / program), *arguments]

    def pg_ctl_start(self) -> list[str]:
        return self.command("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "start")

    def pg_ctl_crash(self) -> list[str]:
        # `-m immediate`: the postmaster SIGQUITs every backend and exits without a checkpoint, as after a crash.
        return self.command("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def run(self, command: list[str]) -> None:
        """Run a cluster command to completion (set-up and clean-up; the chaos task uses `run_async`)."""
        done = subprocess.run(
            command,
            cwd=self.directory,  # the postgres user may not read the caller's working directory
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=PG_START_TIMEOUT_SECONDS + 30,
            check=False,
            start_new_session=True,  # a Ctrl-C reaches the harness only; it stops the cluster itself
        )
        if done.returncode != 0:
            output = (done.stderr or done.stdout).decode(errors="replace").strip()
            raise SetupFailed(f"`{' '.join(command[4:])}` exited {done.returncode}: {output[-800:]}")

    async def run_async(self, command: list[str]) -> None:
        process = await asyncio.create_subprocess_exec(
            *command,
            cwd=self.directory,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        output, _ = await process.communicate()
        if process.returncode != 0:
            raise SetupFailed(f"`{' '.join(command[4:])}` exited {process.returncode}: {output.decode()[-800:]}")


@contextlib.contextmanager
def private_cluster(directory: Path) -> Iterator[Cluster]:
    """initdb, configure (loopback TCP on a free port, unix socket in `directory`), start; stopped on the way out."""
    if not (PG_BIN / "initdb").exists():
        raise SetupFailed(f"PostgreSQL 15 is not installed ({PG_BIN / 'initdb'} is missing)")
    shutil.chown(directory, user=PG_OS_USER, group=PG_OS_USER)
    cluster = Cluster(directory=directory, port=free_port())
    # --no-sync only skips flushing the fresh catalog to disk; the server itself runs with fsync on (the default).
    cluster.run(
        cluster.command(
            "initdb", "-D", str(cluster.data), "-U", PG_OS_USER, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"
        )
    )
    with (cluster.data / "postgresql.conf").open("a") as conf:
        conf.write(
            f"\n# bench/push_crash.py\nlisten_addresses = '{HOST}'\nport = {cluster.port}\n"
            f"unix_socket_directories = '{directory}'\n"
        )
    try:
        cluster.run(cluster.pg_ctl_start())
        cluster.running = True
        cluster.run(cluster.command("createdb", "-h", str(directory), "-p", str(cluster.port), "passerelle"))
        yield cluster
    finally:
        if cluster.running or (cluster.data / "postmaster.pid").exists():
            with contextlib.suppress(SetupFailed, subprocess.TimeoutExpired):
                cluster.run(cluster.pg_ctl_crash())


# ------------------------------------------------------------------------------------------------------ set-up


@dataclass(frozen=True)
class Fixture:
    institution_id: str
    authorization: str
    learner_ids: list[str]
    issuer_key: ECKey
    """The private key the pushed credentials are signed with; its public half is in the trust registry."""


@dataclass(frozen=True)
class Push:
    key: str
    body: bytes
    credential_sha256: str
    """What the service keys its natural-key dedupe on: SHA-256 of the credential's UTF-8 text."""


def ob3_credentials(key: ECKey, count: int) -> Iterator[str]:
    """`count` distinct Open Badges 3.0 credentials as VC-JWTs (VCDM 2.0 claims, ES256), signed with `key`, as
    tests/wallet/test_inbox.py signs them: the push checks each signature against the trust registry."""
    header = {"alg": "ES256", "typ": VC_JWT_TYPE, "kid": key.kid}
    for number in range(count):
        claims = {
            "@context": [
                "https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            ],
            "id": f"urn:uuid:{uuid.uuid4()}",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": {"id": ISSUER, "type": ["Profile"], "name": "Passerelle Crash Academy"},
            "validFrom": "2026-02-01T00:00:00Z",
            "name": f"Crash Recovery {number}",
            "credentialSubject": {
                "type": ["AchievementSubject"],
                "achievement": {
                    "id": f"https://issuer.crash.example/achievements/{number}",
                    "type": ["Achievement"],
                    "name": f"Crash Recovery {number}",
                    "criteria": {"narrative": "Survive two immediate shutdowns."},
                },
            },
        }
        yield jws.serialize_compact(header, json.dumps(claims).encode(), key, algorithms=["ES256"])


def make_pushes(count: int, fixture: Fixture) -> list[Push]:
    """One batch of one credential per push, to the learners in turn; the body's bytes are fixed now, so a retry
    and the replay send exactly what the first attempt sent (the idempotency digest covers the raw body)."""
    pushes = []
    for number, credential in enumerate(ob3_credentials(fixture.issuer_key, count)):
        item = {
            "recipient": {"learner_id": fixture.learner_ids[number % len(fixture.learner_ids)]},
            "credential": credential,
            "media_type": "application/vc+jwt",
            "external_id": f"crash-{number}",
        }
        body = json.dumps({"items": [item]}).encode()
        pushes.append(Push(str(uuid.uuid4()), body, hashlib.sha256(credential.encode()).hexdigest()))
    return pushes


def onboard(env: dict[str, str], service: Server) -> Fixture:
    """An admin (CLI); through the API, an institution with its client and client-credentials token, the issuer's
    key in the trust registry, and learners."""
    password = secrets.token_urlsafe(18)
    admin = f"admin-{secrets.token_hex(3)}@crash.example"
    passerelle_cli(env, "user", "create", "--email", admin, "--role", "admin", "--password-stdin", stdin=password)
    with httpx.Client(base_url=service.base_url, timeout=30.0, trust_env=False) as client:

        def expect(response: httpx.Response, status: int, what: str) -> dict[str, Any]:
            if response.status_code != status:
                raise SetupFailed(f"{what} answered {response.status_code}: {response.text[:300]}")
            found: dict[str, Any] = response.json()
            return found

        grant = {"grant_type": "password", "username": admin, "password": password}
        admin_token = expect(client.post("/v1/auth/token", data=grant), 200, "the admin's token")["access_token"]
        created = expect(
            client.post(
                "/v1/admin/institutions",
                json={"name": "Crash Test University", "country": "NL", "kind": "university"},
                headers={"Authorization": f"Bearer {admin_token}"},
            ),
            201,
            "onboarding the institution",
        )
        grant = {
            "grant_type": "client_credentials",
            "client_id": created["client_id"],
            "client_secret": created["client_secret"],
        }
        token = expect(client.post("/v1/auth/token", data=grant), 200, "the institution's token")["access_token"]
        issuer_key = ECKey.generate_key("P-256", parameters={"kid": SIGNING_KID})
        registered = client.post(
            "/v1/admin/trust/issuers",
            json={"issuer_id": ISSUER, "label": "Crash Academy", "keys": [dict(issuer_key.as_dict(private=False))]},
            headers={"Authorization": f"Bearer {admin_token}"},
        )
        expect(registered, 201, "registering the issuer's key")
        learner_ids = []
        for number in range(LEARNERS):
            account = {"email": f"learner-{number}-{secrets.token_hex(3)}@crash.example", "password": password}
            signed_up = client.post("/v1/auth/signup", json={**account, "display_name": f"Learner {number}"})
            learner_ids.append(str(expect(signed_up, 201, "sign-up")["id"]))
    return Fixture(str(created["id"]), f"Bearer {token}", learner_ids, issuer_key)


# -------------------------------------------------------------------------------------------------- the load


@dataclass
class Outage:
    """One crash, in seconds since the load began: `pg_ctl stop -m immediate` started (`stopping`) and returned
    (`stopped`), `pg_ctl start -w` started (`starting`) and returned (`ready`: the server accepts connections)."""

    stopping: float
    stopped: float = 0.0
    starting: float = 0.0
    ready: float = 0.0


@dataclass(frozen=True)
class Attempt:
    key: str
    sent: float
    answered: float
    outcome: str
    """The status code, or the transport error's class name."""


@dataclass
class Tally:
    """Everything the load saw: each attempt, each acknowledgement (the first 2xx answer per key), each outage."""

    began: float = field(default_factory=time.monotonic)
    attempts: list[Attempt] = field(default_factory=list)
    acknowledged: dict[str, httpx.Response] = field(default_factory=dict)
    outages: list[Outage] = field(default_factory=list)
    milestones: list[tuple[int, asyncio.Event]] = field(default_factory=list)
    finished: bool = False
    """Every client is done (the chaos task stops waiting for a milestone that will not come)."""

    def now(self) -> float:
        return time.monotonic() - self.began

    def acknowledge(self, key: str, response: httpx.Response) -> None:
        self.acknowledged[key] = response
        for count, event in self.milestones:
            if len(self.acknowledged) >= count:
                event.set()

    def finish(self) -> None:
        self.finished = True
        for _, event in self.milestones:
            event.set()

    async def reached(self, count: int) -> None:
        """Return once `count` pushes are acknowledged, or every client is done."""
        event = asyncio.Event()
        self.milestones.append((count, event))
        if len(self.acknowledged) >= count or self.finished:
            event.set()
        await event.wait()


async def push_until_acknowledged(client: httpx.AsyncClient, push: Push, tally: Tally, service: Server) -> None:
    """Send `push` until it is acknowledged; the same key and the same bytes every time."""
    backoff = BACKOFF_FIRST_SECONDS
    while True:
        sent = tally.now()
        response: httpx.Response | None = None
        try:
            response = await client.post(
                BATCH_PATH, content=push.body, headers={"Idempotency-Key": push.key, "Content-Type": "application/json"}
            )
            outcome = str(response.status_code)
        except httpx.TransportError as exc:
            outcome = type(exc).__name__
            if not service.alive():
                raise SetupFailed(f"the service died under the crash test:\n{service.log_tail()}") from exc
        tally.attempts.append(Attempt(push.key, sent, tally.now(), outcome))
        if response is not None and response.is_success:
            tally.acknowledge(push.key, response)
            return
        if response is not None and response.status_code != 503:
            return  # anything but 503 is a failure the checks report; retrying would not make it right
        # Short jittered backoff, not the answer's Retry-After: the test wants requests in flight during the outage.
        await asyncio.sleep(backoff * random.uniform(0.5, 1.0))
        backoff = min(backoff * 2, BACKOFF_MAX_SECONDS)


async def client_loop(
    base_url: str,
    authorization: str,
    queue: asyncio.Queue[Job],
    task: Callable[[httpx.AsyncClient, Job], Awaitable[None]],
) -> None:
    """One client: its own keep-alive connection, taking the next job from the shared queue until it is empty."""
    headers = {"Authorization": authorization}
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with httpx.AsyncClient(
        base_url=base_url, headers=headers, limits=limits, timeout=REQUEST_TIMEOUT_SECONDS, trust_env=False
    ) as client:
        while not queue.empty():
            await task(client, queue.get_nowait())


async def chaos(cluster: Cluster, tally: Tally, total: int, outage_seconds: float) -> None:
    """Crash PostgreSQL when a third, then two thirds, of the pushes are acknowledged; restart it each time."""
    for share in (1 / 3, 2 / 3):
        await tally.reached(round(total * share))
        if tally.finished:
            return  # the clients gave up early (an answer that was not 503): the checks will say why
        outage = Outage(stopping=tally.now())
        tally.outages.append(outage)
        cluster.running = False
        await cluster.run_async(cluster.pg_ctl_crash())
        outage.stopped = tally.now()
        await asyncio.sleep(outage_seconds)
        outage.starting = tally.now()
        await cluster.run_async(cluster.pg_ctl_start())
        cluster.running = True
        outage.ready = tally.now()


async def run_load(
    service: Server, cluster: Cluster, fixture: Fixture, pushes: list[Push], args: argparse.Namespace
) -> Tally:
    tally = Tally()
    queue: asyncio.Queue[Push] = asyncio.Queue()
    for push in pushes:
        queue.put_nowait(push)

    async def send(client: httpx.AsyncClient, push: Push) -> None:
        await push_until_acknowledged(client, push, tally, service)

    async def all_clients() -> None:
        await asyncio.gather(
            *(client_loop(service.base_url, fixture.authorization, queue, send) for _ in range(args.clients))
        )
        tally.finish()

    try:
        async with asyncio.timeout(RUN_DEADLINE_SECONDS):
            await asyncio.gather(chaos(cluster, tally, len(pushes), args.outage), all_clients())
    except TimeoutError as exc:
        raise SetupFailed(
            f"{len(tally.acknowledged)} of {len(pushes)} pushes acknowledged after {RUN_DEADLINE_SECONDS:.0f} s:\n"
            f"{service.log_tail()}"
        ) from exc
    return tally


# -------------------------------------------------------------------------------------------------- the checks


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    detail: str


async def replay_all(service: Server, fixture: Fixture, pushes: list[Push], clients: int) -> dict[str, httpx.Response]:
    """Every key once more with its body (no retries: the database is up, anything but the first answer fails)."""
    answers: dict[str, httpx.Response] = {}
    queue: asyncio.Queue[Push] = asyncio.Queue()
    for push in pushes:
        queue.put_nowait(push)

    async def send(client: httpx.AsyncClient, push: Push) -> None:
        headers = {"Idempotency-Key": push.key, "Content-Type": "application/json"}
        answers[push.key] = await client.post(BATCH_PATH, content=push.body, headers=headers)

    await asyncio.gather(*(client_loop(service.base_url, fixture.authorization, queue, send) for _ in range(clients)))
    return answers


async def deliveries_found(service: Server, fixture: Fixture, item_ids: list[str], clients: int) -> Counter[int]:
    """`GET /v1/institutions/deliveries/{id}` for every acknowledged item: status code → count."""
    statuses: Counter[int] = Counter()
    queue: asyncio.Queue[str] = asyncio.Queue()
    for item_id in item_ids:
        queue.put_nowait(item_id)

    async def read(client: httpx.AsyncClient, item_id: str) -> None:
        statuses[(await client.get(f"/v1/institutions/deliveries/{item_id}")).status_code] += 1

    await asyncio.gather(*(client_loop(service.base_url, fixture.authorization, queue, read) for _ in range(clients)))
    return statuses


async def database_rows(url: str, institution_id: str) -> tuple[Counter[str], int]:
    """Inbox rows per credential digest, and idempotency records, of the institution, read straight from the
    database through the service's own table definitions."""
    from sqlalchemy import func, select
    from sqlmodel import col

    from core.database import create_engine
    from core.idempotency import IdempotencyRecord
    from wallet.inbox.models import InboxItem

    engine = create_engine(url, pool=False)
    institution = uuid.UUID(institution_id)
    try:
        async with engine.connect() as connection:
            per_digest = select(col(InboxItem.sha256), func.count()).where(col(InboxItem.institution_id) == institution)
            found = await connection.execute(per_digest.group_by(InboxItem.sha256))
            rows: Counter[str] = Counter(dict(found.all()))
            records = select(func.count()).where(col(IdempotencyRecord.principal_id) == institution)
            return rows, (await connection.execute(records)).scalar_one()
    finally:
        await engine.dispose()


def in_outage(attempt: Attempt, outages: list[Outage]) -> bool:
    """Whether the request was in flight at some moment while the database was down (or just coming back)."""
    return any(attempt.sent <= o.ready + IN_OUTAGE_GRACE_SECONDS and attempt.answered >= o.stopping for o in outages)


async def check(
    service: Server, cluster: Cluster, fixture: Fixture, pushes: list[Push], tally: Tally, clients: int
) -> list[Check]:
    checks = []
    acknowledged = tally.acknowledged
    outcomes = Counter(a.outcome for a in tally.attempts)
    checks.append(
        Check("every push acknowledged", len(acknowledged) == len(pushes), f"{len(acknowledged)} of {len(pushes)}")
    )

    # Lost: each acknowledged push must name its delivery, and that delivery must exist, over the API and in the DB.
    item_ids: list[str] = []
    for response in acknowledged.values():
        items = response.json().get("items", [])
        if len(items) == 1 and items[0].get("status") == "delivered" and items[0].get("item_id"):
            item_ids.append(items[0]["item_id"])
    found = await deliveries_found(service, fixture, item_ids, clients)
    rows, records = await database_rows(cluster.url("passerelle"), fixture.institution_id)
    missing = sum(1 for push in pushes if push.key in acknowledged and rows[push.credential_sha256] == 0)
    checks.append(
        Check(
            "0 acknowledged pushes lost",
            len(item_ids) == len(acknowledged) and found == Counter({200: len(item_ids)}) and missing == 0,
            f"{len(item_ids)} acknowledged as delivered, deliveries answered {dict(found)}, {missing} rows missing",
        )
    )

    # Duplicates: one row per credential and one idempotency record per key, nothing else.
    twice = sum(1 for n in rows.values() if n > 1)
    total = sum(rows.values())
    checks.append(
        Check(
            "0 duplicates",
            twice == 0 and total == len(pushes) and records == len(pushes),
            f"{total} inbox rows for {len(pushes)} credentials, {twice} credentials stored more than once, "
            f"{records} idempotency records",
        )
    )

    # Replays: the same status and the same bytes as the first acknowledgement.
    replays = await replay_all(service, fixture, pushes, clients)
    different = [
        key
        for key, first in acknowledged.items()
        if replays[key].status_code != first.status_code or replays[key].content != first.content
    ]
    flagged = sum(1 for r in replays.values() if r.headers.get("Idempotent-Replayed") == "true")
    checks.append(
        Check(
            "every replay identical",
            not different and flagged == len(pushes),
            f"{len(replays) - len(different)} of {len(replays)} byte-identical, {flagged} marked Idempotent-Replayed",
        )
    )

    # Errors: 503 only, and only while the database was down.
    other = {o: n for o, n in outcomes.items() if o.isdigit() and not o.startswith("2") and o != "503"}
    late = [a for a in tally.attempts if a.outcome == "503" and not in_outage(a, tally.outages)]
    checks.append(
        Check(
            "only 503s, while the database is down",
            not other and not late,
            f"{outcomes['503']} × 503, other error statuses {other or 'none'}, {len(late)} 503s outside the outages",
        )
    )
    dropped = {o: n for o, n in outcomes.items() if not o.isdigit()}
    checks.append(
        Check(
            "service stayed up",
            not dropped and service.alive(),
            f"connection errors {dropped or 'none'}, process {'alive' if service.alive() else 'dead'}",
        )
    )
    return checks


def summarise(tally: Tally, pushes: list[Push], seconds: float, checks: list[Check]) -> None:
    outcomes = Counter(a.outcome for a in tally.attempts)
    retries = len(tally.attempts) - len(tally.acknowledged)
    by_replay = sum(1 for r in tally.acknowledged.values() if r.headers.get("Idempotent-Replayed") == "true")
    print(f"\npush crash test — {len(pushes):,} pushes, {len({a.key for a in tally.attempts}):,} keys sent")
    print(f"time {seconds:.1f} s, {len(tally.attempts):,} requests, {retries:,} retries")
    print(f"answers: {', '.join(f'{o} × {n:,}' for o, n in sorted(outcomes.items()))}")
    print(f"acknowledged by a replay of a commit whose first answer was lost: {by_replay}")
    for number, outage in enumerate(tally.outages, 1):
        unavailable = [a for a in tally.attempts if a.outcome == "503" and in_outage(a, [outage])]
        span = (
            f"503s from {min(a.answered for a in unavailable):.2f} to {max(a.answered for a in unavailable):.2f} s"
            if unavailable
            else "no 503"
        )
        print(
            f"outage {number}: stop at {outage.stopping:.2f} s (took {outage.stopped - outage.stopping:.2f} s), "
            f"start at {outage.starting:.2f} s, ready at {outage.ready:.2f} s: down "
            f"{outage.ready - outage.stopping:.2f} s; {len(unavailable)} × 503, {span}"
        )
    for result in checks:
        print(f"{'PASS' if result.passed else 'FAIL'}  {result.name}: {result.detail}")


# -------------------------------------------------------------------------------------------------------- main


def run(args: argparse.Namespace) -> bool:
    """The whole test; True when every check passed. The service, the cluster and the temporary directory are
    stopped and removed on the way out, also on errors and Ctrl-C."""
    workdir = Path(tempfile.mkdtemp(prefix="passerelle-crash-"))
    try:
        with contextlib.ExitStack() as stack:
            cluster = stack.enter_context(private_cluster(workdir))
            env = {
                **clean_environment(),
                "PASSERELLE_DATA_DIR": str(workdir / "service-data"),
                "PASSERELLE_DATABASE_URL": cluster.url("passerelle"),
            }
            service = start_service(env, workdir, stack)
            fixture = onboard(env, service)
            pushes = make_pushes(args.pushes, fixture)
            began = time.monotonic()
            tally = asyncio.run(run_load(service, cluster, fixture, pushes, args))
            seconds = time.monotonic() - began
            checks = asyncio.run(check(service, cluster, fixture, pushes, tally, args.clients))
            summarise(tally, pushes, seconds, checks)
            if not all(c.passed for c in checks):
                print(f"\nend of the service's log:\n{service.log_tail(40)}", file=sys.stderr)
            return all(c.passed for c in checks)
    finally:
        if args.keep_temp:
            print(f"kept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def _terminate(signum: int, _frame: FrameType | None) -> None:
    # A second signal (a repeated Ctrl-C, or `timeout` forwarding SIGTERM to a process group that got it too)
    # must not cut the clean-up short and leave the private cluster running.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.push_crash", description=__doc__.splitlines()[0])
    parser.add_argument("--pushes", type=int, default=2000, help="pushes in all, one credential each (default 2000)")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients (default 20)")
    parser.add_argument("--outage", type=float, default=3.0, help="seconds from the crash to the restart (default 3)")
    parser.add_argument("--keep-temp", action="store_true", help="keep the temp dir (service and PostgreSQL logs)")
    args = parser.parse_args(argv)
    if not 30 <= args.pushes <= 20_000 or not 1 <= args.clients <= 200 or not 0 <= args.outage <= 60:
        parser.error("--pushes 30..20000, --clients 1..200, --outage 0..60")
    if os.geteuid() != 0:
        parser.error("run as root: the private cluster runs as the postgres OS user (runuser)")
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, _terminate)
    try:
        passed = run(args)
    except (SetupFailed, httpx.HTTPError) as exc:
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_SETUP_FAILED
    except KeyboardInterrupt:
        print("interrupted; service and PostgreSQL stopped, temporary files removed", file=sys.stderr)
        return EXIT_INTERRUPTED
    return 0 if passed else EXIT_CHECK_FAILED


if __name__ == "__main__":
    sys.exit(main())
