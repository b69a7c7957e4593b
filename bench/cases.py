"""Officers' case queue benchmark: the first page of `GET /v1/recognition/cases` for a body with 1,000 cases and for
a body with 100,000, in the same run, on the same database.

For each database the run starts the real service (`passerelle migrate`, `passerelle serve`, one uvicorn worker) on a
fresh data directory and a fresh SQLite file or PostgreSQL database; creates two recognition bodies and an officer of
each with the CLI and a learner through the API; writes the cases straight into `recognition_cases` through the
service's own table definition (what `POST /v1/recognition/requests` would write, without the shares), then
`ANALYZE`; and reads the first page of each officer's queue in alternating rounds (small, large, small, …), one
keep-alive connection, sequential requests: latency, not throughput. It prints p50 and p95 per body and round, the
median ratios large/small, and one page fifty pages deep in the large queue; and writes
`bench/results/cases-<database>.json`. The issue's target: p95 ratio ≤ 1.5 on PostgreSQL. See bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from bench.credential_read import (
    BIN,
    DEFAULT_PG_ADMIN_URL,
    REPO,
    RESULTS_DIR,
    SetupFailed,
    clean_environment,
    postgres_database,
    run_benchmark,
    start_service,
)

TARGET_RATIO = 1.5
SMALL, LARGE = 1_000, 100_000
PAGE = "/v1/recognition/cases?limit=20"
STATUSES = ("submitted", "submitted", "in_review", "in_review", "awaiting_learner", "decided")
PURPOSES = ("further_study", "employment", "credit_transfer", "other")


def _cli(env: dict[str, str], *arguments: str, stdin: str | None = None) -> str:
    done = subprocess.run(
        [str(BIN / "passerelle"), *arguments],
        cwd=REPO,
        env=env,
        input=stdin.encode() if stdin is not None else None,
        capture_output=True,
        timeout=120,
        check=False,
    )
    if done.returncode != 0:
        raise SetupFailed(f"`passerelle {' '.join(arguments)}` exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return done.stdout.decode().strip().splitlines()[-1]


async def _seed(url: str, owner: uuid.UUID, counts: dict[uuid.UUID, int]) -> None:
    """Insert the cases in chunks through the service's table definition (so each database gets its own column
    representations), then refresh the planner's statistics."""
    from sqlalchemy import insert, text

    from core.database import create_engine
    from core.ids import new_id
    from recognition.cases.models import RecognitionCase

    table = RecognitionCase.__table__  # type: ignore[attr-defined]
    engine = create_engine(url, pool=False)
    # The foreign-key columns take their type from the referenced table; through a plain insert SQLite needs the
    # 32-digit hex form the Uuid type would write.
    sqlite = url.startswith("sqlite")

    def key(value: uuid.UUID) -> uuid.UUID | str:
        return value.hex if sqlite else value

    rng = random.Random(7)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    try:
        for body_id, count in counts.items():
            for offset in range(0, count, 5_000):
                rows: list[dict[str, Any]] = []
                for _ in range(min(5_000, count - offset)):
                    submitted = start + timedelta(minutes=rng.randrange(365 * 24 * 60))
                    rows.append(
                        {
                            "id": new_id(),
                            "owner_id": key(owner),
                            "body_id": key(body_id),
                            "kind": "standard",
                            "purpose": rng.choice(PURPOSES),
                            "target_id": None,
                            "statement": "Please assess my qualification.",
                            "declared": [],
                            "status": rng.choice(STATUSES),
                            "assigned_officer_id": None,
                            "submitted_at": submitted,
                            "due_at": submitted + timedelta(days=120),
                            "version": 1,
                            "created_at": submitted,
                            "updated_at": submitted,
                        }
                    )
                async with engine.begin() as connection:
                    await connection.execute(insert(table), rows)
        async with engine.begin() as connection:
            await connection.execute(text("ANALYZE"))
    finally:
        await engine.dispose()


def _token(client: httpx.Client, email: str, password: str) -> str:
    response = client.post("/v1/auth/token", data={"grant_type": "password", "username": email, "password": password})
    if response.status_code != 200:
        raise SetupFailed(f"the token endpoint answered {response.status_code}: {response.text[:300]}")
    return f"Bearer {response.json()['access_token']}"


def _latencies(client: httpx.Client, path: str, authorization: str, requests: int) -> list[float]:
    found = []
    for _ in range(requests):
        began = time.perf_counter()
        response = client.get(path, headers={"Authorization": authorization})
        found.append((time.perf_counter() - began) * 1000)
        if response.status_code != 200 or len(response.json()["items"]) != 20:
            raise SetupFailed(f"the queue answered {response.status_code}: {response.text[:300]}")
    return found


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run_database(database: str, args: argparse.Namespace) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix=f"passerelle-bench-cases-{database}-"))
    try:
        with contextlib.ExitStack() as stack:
            env = {**clean_environment(), "PASSERELLE_DATA_DIR": str(workdir / "data")}
            if database == "postgres":
                url = stack.enter_context(postgres_database(args.pg_admin_url))
                env["PASSERELLE_DATABASE_URL"] = url
            else:
                url = f"sqlite+aiosqlite:///{workdir / 'data' / 'passerelle.db'}"
            service = start_service(env, workdir, stack)
            password = secrets.token_urlsafe(18)
            officers: dict[str, str] = {}
            bodies: dict[str, uuid.UUID] = {}
            for name in ("small", "large"):
                bodies[name] = uuid.UUID(_cli(env, "body", "create", "--name", f"Bench {name}", "--country", "DE"))
                email = f"{name}-{secrets.token_hex(3)}@bench.example"
                _cli(
                    env,
                    "user",
                    "create",
                    "--email",
                    email,
                    "--role",
                    "officer",
                    "--body",
                    str(bodies[name]),
                    "--password-stdin",
                    stdin=password,
                )
                officers[name] = email
            with httpx.Client(base_url=service.base_url, timeout=30.0, trust_env=False) as client:
                learner = f"learner-{secrets.token_hex(3)}@bench.example"
                signup = client.post(
                    "/v1/auth/signup", json={"email": learner, "password": password, "display_name": "L"}
                )
                if signup.status_code != 201:
                    raise SetupFailed(f"sign-up answered {signup.status_code}")
                began = time.perf_counter()
                asyncio.run(
                    _seed(url, uuid.UUID(signup.json()["id"]), {bodies["small"]: SMALL, bodies["large"]: LARGE})
                )
                seeded = time.perf_counter() - began
                tokens = {name: _token(client, email, password) for name, email in officers.items()}
                for name in ("small", "large"):
                    _latencies(client, PAGE, tokens[name], args.warmup_requests)
                rounds = []
                for _ in range(args.rounds):
                    measured = {
                        name: _latencies(client, PAGE, tokens[name], args.requests) for name in ("small", "large")
                    }
                    rounds.append(
                        {
                            name: {"p50": statistics.median(v), "p95": _percentile(v, 0.95)}
                            for name, v in measured.items()
                        }
                    )
                cursor = None
                for _ in range(50):
                    page = client.get(
                        PAGE + (f"&cursor={cursor}" if cursor else ""), headers={"Authorization": tokens["large"]}
                    )
                    cursor = page.json()["next_cursor"]
                deep = _latencies(client, f"{PAGE}&cursor={cursor}", tokens["large"], args.requests)
        ratio_p50 = statistics.median(r["large"]["p50"] / r["small"]["p50"] for r in rounds)
        ratio_p95 = statistics.median(r["large"]["p95"] / r["small"]["p95"] for r in rounds)
        result = {
            "database": database,
            "cases": {"small": SMALL, "large": LARGE},
            "seed_seconds": round(seeded, 1),
            "requests_per_round": args.requests,
            "rounds": rounds,
            "ratio_p50": round(ratio_p50, 3),
            "ratio_p95": round(ratio_p95, 3),
            "deep_page_p50": statistics.median(deep),
            "deep_page_p95": _percentile(deep, 0.95),
            "target_ratio": TARGET_RATIO,
            "measured_at": datetime.now(UTC).isoformat(),
        }
        _print(result)
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        (RESULTS_DIR / f"cases-{database}.json").write_text(json.dumps(result, indent=2))
        return result
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _print(result: dict[str, Any]) -> None:
    print(
        f"\ncase queue, first page of 20 — {result['database']} ({SMALL:,} vs {LARGE:,} cases, seeded in "
        f"{result['seed_seconds']} s)"
    )
    print(f"{'round':>5}  {'small p50':>10} {'small p95':>10}  {'large p50':>10} {'large p95':>10}   (ms)")
    for number, row in enumerate(result["rounds"], 1):
        small, large = row["small"], row["large"]
        print(f"{number:>5}  {small['p50']:>10.2f} {small['p95']:>10.2f}  {large['p50']:>10.2f} {large['p95']:>10.2f}")
    met = "met" if result["ratio_p95"] <= TARGET_RATIO else "NOT met"
    print(
        f"median ratio large/small: p50 {result['ratio_p50']:.2f}, p95 {result['ratio_p95']:.2f} "
        f"(target ≤ {TARGET_RATIO}: {met})"
    )
    print(f"page 51 of the large queue: p50 {result['deep_page_p50']:.2f} ms, p95 {result['deep_page_p95']:.2f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.cases", description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgres", "both"), default="postgres")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=200, help="sequential requests per body and round")
    parser.add_argument("--warmup-requests", type=int, default=50)
    parser.add_argument("--pg-admin-url", default=DEFAULT_PG_ADMIN_URL)
    parser.add_argument("--load-generator", default="python", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not 1 <= args.rounds <= 20 or not 10 <= args.requests <= 5_000:
        parser.error("--rounds 1..20, --requests 10..5000")
    if not args.pg_admin_url.startswith("postgresql") or "@127.0.0.1" not in args.pg_admin_url:
        parser.error("--pg-admin-url must be a postgresql URL on 127.0.0.1")

    def run_one(database: str, _generator: str) -> int:
        run_database(database, args)
        return 0

    return run_benchmark(args, run_one)


if __name__ == "__main__":
    sys.exit(main())
