"""Batch ingest benchmark: signed VC-JWTs pushed through `POST /v1/institutions/credentials:batch`, against the raw
ES256 signature check they each need.

For each database the run starts the real service (`passerelle migrate`, `passerelle serve`, one uvicorn worker unless
`--workers` says more, PostgreSQL only) on a fresh data directory and a fresh SQLite file or PostgreSQL database; creates an administrator with the CLI, and
through the API an institution (with its client), learners, and the issuer's public key in the trust registry. It
signs distinct Open Badges 3.0 credentials as VC-JWTs (VCDM 2.0, `vc+jwt`, ES256, one issuer key), 1,000 per
batch, and measures in alternating rounds, so both meet the same background load:

- **raw**: this process verifying the same tokens' ES256 signatures in a loop with `cryptography` (signing input,
  base64url signature, r‖s to DER, ECDSA P-256 SHA-256 verify): what one core does when it does nothing else;
- **ingest**: one client pushing the batches one after another over loopback HTTP (a new `Idempotency-Key` each;
  every item must come back `delivered`), credentials per second over the round's wall time. `--in-flight N` keeps
  N batches under way at once instead (with `--workers N`: the service then uses more than one core, which the
  report says).

The service reads a large batch in worker processes (`PASSERELLE_READING_PROCESSES`, by default one per core up to
four; `--reading-processes 0` reads in the serving process only): the report names how many, and its CPU figure
counts them (the service's processes and all their descendants).

It prints both rates and their ratio, and writes `bench/results/ingest-<database>.json`. The issue's target: ingest
≥ 25 % of the raw rate. See bench/README.md.
"""

from __future__ import annotations

import argparse
import base64
import concurrent.futures
import contextlib
import json
import os
import platform
import secrets
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from joserfc import jws
from joserfc.jwk import ECKey

from bench.cases import _cli
from bench.credential_read import (
    BIN,
    DEFAULT_PG_ADMIN_URL,
    HOST,
    REPO,
    RESULTS_DIR,
    Server,
    SetupFailed,
    _git,
    clean_environment,
    free_port,
    postgres_database,
    run_benchmark,
    start_server,
    wait_until_ready,
)
from bench.verification import badge_claims
from wallet.inbox.reading import default_processes

TARGET_RATIO = 0.25
BATCH_SIZE = 1000
BATCH_PATH = "/v1/institutions/credentials:batch"
JSON_BODY_LIMIT = 2 * 1024 * 1024
"""`PASSERELLE_JSON_BODY_LIMIT`'s default: a batch must fit in it."""
ISSUER = "https://issuer.bench.example/badges"
KEY_ID = "bench-badge-issuer-1"
LEARNERS = 20
REQUEST_TIMEOUT_SECONDS = 300.0
ES256 = ec.ECDSA(hashes.SHA256())


@dataclass(frozen=True)
class Round:
    raw_verifications: int
    raw_seconds: float
    ingested: int
    ingest_seconds: float
    batch_seconds: list[float]
    service_cpu_seconds: float | None
    """User + system CPU time of the service's processes during the round's pushes (Linux), else None."""

    @property
    def raw_per_second(self) -> float:
        return self.raw_verifications / self.raw_seconds if self.raw_seconds else 0.0

    @property
    def ingest_per_second(self) -> float:
        return self.ingested / self.ingest_seconds if self.ingest_seconds else 0.0


# ---------------------------------------------------------------------------------------------------- fixtures


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def signed_badges(key: ECKey, count: int) -> list[str]:
    """`count` distinct Open Badges 3.0 VC-JWTs (VCDM 2.0 claims, `vc+jwt`, ES256) signed with `key`."""
    issued = datetime.now(UTC).replace(microsecond=0)
    header = {"alg": "ES256", "typ": "vc+jwt", "kid": KEY_ID}
    tokens = []
    for number in range(count):
        credential_id = f"urn:uuid:{uuid.uuid4()}"
        subject = f"did:example:learner-{number}"
        claims = badge_claims(issuer=ISSUER, subject=subject, credential_id=credential_id, issued_at=issued)
        payload = json.dumps(claims, separators=(",", ":")).encode()
        tokens.append(jws.serialize_compact(header, payload, key, algorithms=["ES256"]))
    return tokens


# --------------------------------------------------------------------------------------------------------- raw


def raw_verify(public: ec.EllipticCurvePublicKey, token: str) -> None:
    """The ES256 check of a compact JWS and nothing else (RFC 7515 §5.2 step 8, RFC 7518 §3.4)."""
    signing_input, _, encoded = token.rpartition(".")
    signature = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    r, s = int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
    public.verify(encode_dss_signature(r, s), signing_input.encode("ascii"), ES256)


def time_raw(public: ec.EllipticCurvePublicKey, tokens: Sequence[str], seconds: float) -> tuple[int, float]:
    """Verify `tokens` in turn for `seconds` (the clock read every 16 verifications): (verifications, seconds)."""
    done = 0
    started = time.perf_counter()
    deadline = started + seconds
    now = started
    while now < deadline:
        for offset in range(16):
            raw_verify(public, tokens[(done + offset) % len(tokens)])
        done += 16
        now = time.perf_counter()
    return done, now - started


# ---------------------------------------------------------------------------------------------------- service


def _stat(pid: int) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process and of its descendants, live or reaped (Linux /proc), else None: with
    several workers, uvicorn's supervisor runs them as child processes."""
    own = _stat(pid)
    if own is None:
        return None
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(int(entry.name))) is not None:
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    ticks, total, waiting = os.sysconf("SC_CLK_TCK"), 0, [pid]
    while waiting:
        current = waiting.pop()
        fields = own if current == pid else _stat(current)
        if fields is not None:
            total += sum(int(value) for value in fields[11:15])  # utime, stime, cutime, cstime
        waiting.extend(children.get(current, []))
    return total / ticks


def start_service(env: dict[str, str], workdir: Path, stack: contextlib.ExitStack, workers: int) -> Server:
    """`passerelle migrate`, then `passerelle serve` with `workers` uvicorn workers; ready when `/readyz` answers."""
    _cli(env, "migrate")
    port = free_port()
    command = [str(BIN / "passerelle"), "serve", "--host", HOST, "--port", str(port), "--workers", str(workers)]
    server = start_server(
        "service", command, {**env, "PASSERELLE_PUBLIC_URL": f"http://{HOST}:{port}"}, port, workdir, stack
    )
    wait_until_ready(server, "/readyz")
    return server


@dataclass(frozen=True)
class Pusher:
    authorization: str
    learners: list[str]


def set_up(service: Server, env: dict[str, str], public_jwk: dict[str, Any]) -> Pusher:
    """An administrator (CLI), then through the API: the issuer's key in the trust registry, an institution and its
    token, and learners to push to."""
    password = secrets.token_urlsafe(18)
    admin_email = f"admin-{secrets.token_hex(3)}@bench.example"
    _cli(env, "user", "create", "--email", admin_email, "--role", "admin", "--password-stdin", stdin=password)
    with httpx.Client(base_url=service.base_url, timeout=30.0, trust_env=False) as client:

        def expect(response: httpx.Response, status: int, what: str) -> Any:
            if response.status_code != status:
                raise SetupFailed(f"{what} answered {response.status_code}: {response.text[:300]}")
            return response.json()

        token = client.post(
            "/v1/auth/token", data={"grant_type": "password", "username": admin_email, "password": password}
        )
        admin = {"Authorization": f"Bearer {expect(token, 200, 'the admin token')['access_token']}"}
        expect(
            client.post(
                "/v1/admin/trust/issuers",
                json={"issuer_id": ISSUER, "label": "Passerelle Bench Academy", "keys": [public_jwk]},
                headers=admin,
            ),
            201,
            "the trust registry",
        )
        created = expect(
            client.post("/v1/admin/institutions", json={"name": "Bench University", "country": "NL"}, headers=admin),
            201,
            "onboarding",
        )
        grant = client.post(
            "/v1/auth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": created["client_id"],
                "client_secret": created["client_secret"],
            },
        )
        authorization = f"Bearer {expect(grant, 200, 'the institution token')['access_token']}"
        learners = []
        for number in range(LEARNERS):
            signup = client.post(
                "/v1/auth/signup",
                json={"email": f"learner-{number}@bench.example", "password": password, "display_name": "Learner"},
            )
            learners.append(expect(signup, 201, "sign-up")["id"])
    return Pusher(authorization, learners)


def batch_body(tokens: Sequence[str], learners: Sequence[str]) -> bytes:
    items = [
        {
            "recipient": {"learner_id": learners[number % len(learners)]},
            "credential": token,
            "media_type": "application/vc+jwt",
        }
        for number, token in enumerate(tokens)
    ]
    body = json.dumps({"items": items}, separators=(",", ":")).encode()
    if len(body) > JSON_BODY_LIMIT:
        raise SetupFailed(f"a batch of {len(tokens)} is {len(body)} bytes, over the JSON body limit")
    return body


def push(client: httpx.Client, pusher: Pusher, body: bytes, expected: int) -> float:
    """One batch; its wall time. Every item must be delivered, or the run stops."""
    headers = {
        "Authorization": pusher.authorization,
        "Content-Type": "application/json",
        "Idempotency-Key": str(uuid.uuid4()),
    }
    started = time.perf_counter()
    response = client.post(BATCH_PATH, content=body, headers=headers)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise SetupFailed(f"the push answered {response.status_code}: {response.text[:500]}")
    counts = response.json()["counts"]
    if counts != {"delivered": expected}:
        raise SetupFailed(f"the push answered {counts}, not {expected} delivered")
    return elapsed


# --------------------------------------------------------------------------------------------------- measuring


def run_database(database: str, args: argparse.Namespace) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix=f"passerelle-bench-ingest-{database}-"))
    key = ECKey.generate_key("P-256", parameters={"kid": KEY_ID})
    public_jwk: dict[str, Any] = dict(key.as_dict(private=False))
    public = key.public_key
    if not isinstance(public, ec.EllipticCurvePublicKey):
        raise SetupFailed("the issuer key is not an EC key")
    batches = args.warmup_batches + args.rounds * args.batches
    print(f"signing {batches * BATCH_SIZE:,} credentials …", file=sys.stderr, flush=True)
    tokens = signed_badges(key, batches * BATCH_SIZE)
    for token in tokens[:16]:
        raw_verify(public, token)  # raises InvalidSignature if the fixture or the baseline is wrong
    try:
        with contextlib.ExitStack() as stack:
            env = {**clean_environment(), "PASSERELLE_DATA_DIR": str(workdir / "data")}
            if args.reading_processes is not None:
                env["PASSERELLE_READING_PROCESSES"] = str(args.reading_processes)
            if database == "postgres":
                env["PASSERELLE_DATABASE_URL"] = stack.enter_context(postgres_database(args.pg_admin_url))
            service = start_service(env, workdir, stack, args.workers)
            pusher = set_up(service, env, public_jwk)
            bodies = [
                batch_body(tokens[start : start + BATCH_SIZE], pusher.learners)
                for start in range(0, len(tokens), BATCH_SIZE)
            ]
            rounds: list[Round] = []
            limits = httpx.Limits(max_connections=args.in_flight, max_keepalive_connections=args.in_flight)
            with (
                httpx.Client(
                    base_url=service.base_url, timeout=REQUEST_TIMEOUT_SECONDS, trust_env=False, limits=limits
                ) as client,
                concurrent.futures.ThreadPoolExecutor(args.in_flight) as pool,
            ):

                def push_all(batch: Sequence[bytes]) -> tuple[list[float], float]:
                    started = time.perf_counter()
                    timings = list(pool.map(lambda body: push(client, pusher, body, BATCH_SIZE), batch))
                    return timings, time.perf_counter() - started

                push_all(bodies[: args.warmup_batches])
                time_raw(public, tokens, min(args.raw_seconds, 1.0))  # warm-up
                remaining = bodies[args.warmup_batches :]
                for number in range(args.rounds):
                    raw_done, raw_seconds = time_raw(public, tokens, args.raw_seconds)
                    cpu_before = _cpu_seconds(service.process.pid)
                    timings, wall = push_all(remaining[number * args.batches : (number + 1) * args.batches])
                    cpu_after = _cpu_seconds(service.process.pid)
                    if not service.alive():
                        raise SetupFailed(f"the service died under load:\n{service.log_tail()}")
                    cpu = cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else None
                    rounds.append(Round(raw_done, raw_seconds, len(timings) * BATCH_SIZE, wall, timings, cpu))
        return report(database, args, rounds, len(bodies[0]))
    finally:
        if args.keep_temp:
            print(f"kept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


# ------------------------------------------------------------------------------------------------------ report


def report(database: str, args: argparse.Namespace, rounds: list[Round], body_bytes: int) -> dict[str, Any]:
    raw = sum(r.raw_verifications for r in rounds) / sum(r.raw_seconds for r in rounds)
    ingest = sum(r.ingested for r in rounds) / sum(r.ingest_seconds for r in rounds)
    ratio = ingest / raw if raw else 0.0
    cpu = [r.service_cpu_seconds for r in rounds]
    cpu_per_credential = (
        sum(c for c in cpu if c is not None) / sum(r.ingested for r in rounds)
        if all(c is not None for c in cpu)
        else None
    )
    batch_seconds = [seconds for r in rounds for seconds in r.batch_seconds]
    print()
    workers = "one uvicorn worker" if args.workers == 1 else f"{args.workers} uvicorn workers"
    readers = (
        f"{args.reading_processes} reading processes"
        if args.reading_processes is not None
        else f"reading processes by default ({default_processes()} on this machine)"
    )
    workers = f"{workers} with {readers}"
    print(
        f"batch ingest — {database} — one client, {args.in_flight} batch(es) in flight, batches of {BATCH_SIZE:,} signed "
        f"VC-JWTs (ES256, {body_bytes:,}-byte body), service on {workers}; {args.rounds} rounds of {args.batches} "
        f"batches after {args.warmup_batches} warm-up"
    )
    print(f"{'round':>5} {'raw ES256 verify/s':>19} {'ingest credentials/s':>21} {'ratio':>7}")
    for number, row in enumerate(rounds, 1):
        share = row.ingest_per_second / row.raw_per_second if row.raw_per_second else 0.0
        print(f"{number:>5} {row.raw_per_second:>19,.0f} {row.ingest_per_second:>21,.0f} {share:>7.1%}")
    print(
        f"{'all':>5} {raw:>19,.0f} {ingest:>21,.0f} {ratio:>7.1%}   "
        f"(target ≥ {TARGET_RATIO:.0%}: {'met' if ratio >= TARGET_RATIO else 'NOT met'})"
    )
    print(
        f"batch wall time: median {statistics.median(batch_seconds) * 1000:,.0f} ms, max "
        f"{max(batch_seconds) * 1000:,.0f} ms"
        + (
            f"; service process CPU {cpu_per_credential * 1e6:,.0f} µs per credential (raw verify: {1e6 / raw:,.0f} µs)"
            if cpu_per_credential is not None
            else ""
        )
    )
    result: dict[str, Any] = {
        "benchmark": "ingest",
        "database": database,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git("rev-parse", "HEAD"),
        "uncommitted_changes": bool(_git("status", "--porcelain", "--untracked-files=no")),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "service_workers": args.workers,
        "reading_processes": default_processes() if args.reading_processes is None else args.reading_processes,
        "batches_in_flight": args.in_flight,
        "batch_size": BATCH_SIZE,
        "batch_body_bytes": body_bytes,
        "warmup_batches": args.warmup_batches,
        "rounds": [
            {**asdict(r), "raw_per_second": r.raw_per_second, "ingest_per_second": r.ingest_per_second} for r in rounds
        ],
        "raw_es256_verifications_per_second": round(raw, 1),
        "ingest_credentials_per_second": round(ingest, 1),
        "ratio": round(ratio, 4),
        "service_cpu_microseconds_per_credential": round(cpu_per_credential * 1e6, 1) if cpu_per_credential else None,
        "target_ratio": TARGET_RATIO,
        "target_met": ratio >= TARGET_RATIO,
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"ingest-{database}.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"written {out.relative_to(REPO)}")
    return result


# -------------------------------------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.ingest", description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgres", "both"), default="sqlite")
    parser.add_argument("--rounds", type=int, default=5, help="alternating raw/ingest rounds (default 5)")
    parser.add_argument("--batches", type=int, default=2, help="batches of 1,000 pushed per round (default 2)")
    parser.add_argument("--warmup-batches", type=int, default=1, help="batches pushed first, not counted (default 1)")
    parser.add_argument("--raw-seconds", type=float, default=1.0, help="raw verify loop per round (default 1 s)")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn workers (more than 1: PostgreSQL only)")
    parser.add_argument("--in-flight", type=int, default=1, help="batches under way at once (default 1)")
    parser.add_argument(
        "--reading-processes",
        type=int,
        default=None,
        help="worker processes reading large batches (the service's setting; default: one per core up to 4, 0: off)",
    )
    parser.add_argument("--pg-admin-url", default=DEFAULT_PG_ADMIN_URL)
    parser.add_argument("--keep-temp", action="store_true", help="keep the temp dir (server log) for inspection")
    parser.add_argument("--load-generator", default="python", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not 1 <= args.rounds <= 20 or not 1 <= args.batches <= 20 or not 0 <= args.warmup_batches <= 5:
        parser.error("--rounds 1..20, --batches 1..20, --warmup-batches 0..5")
    if not 0.1 <= args.raw_seconds <= 60:
        parser.error("--raw-seconds 0.1..60")
    if not 1 <= args.workers <= 8 or not 1 <= args.in_flight <= 8:
        parser.error("--workers 1..8, --in-flight 1..8")
    if args.workers > 1 and args.database != "postgres":
        parser.error("SQLite serves from one process: --workers above 1 needs --database postgres")
    if not args.pg_admin_url.startswith("postgresql") or "@127.0.0.1" not in args.pg_admin_url:
        parser.error("--pg-admin-url must be a postgresql URL on 127.0.0.1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)

    def run_one(database: str, _generator: str) -> int:
        run_database(database, args)
        return 0

    return run_benchmark(args, run_one)


if __name__ == "__main__":
    sys.exit(main())
