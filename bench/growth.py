"""Growth check: the p95 latency of a share's reveal and of a credential read with 10,000 and with 1,000,000 stored
credentials, on PostgreSQL, in the same run.

For each scale the run creates a fresh PostgreSQL database and data directory, runs `passerelle migrate` and
`passerelle serve` (one uvicorn worker), and through the real API signs up a **template learner** who imports twelve
credentials of `tests/data` (Open Badges 3.0 as JSON-LD and VC-JWT, a CLR 2.0 whose import stores its parts, an
SD-JWT VC, …) and shares each of them (a landing and a reveal each, so each share has its access log). The service
is stopped; the database then gets as many learners as the scale asks for, cloned from the template's rows with
COPY (asyncpg): each learner their own ids (UUIDv7 at their own creation time), e-mail address, name, a random
subset of the twelve credentials (with their stored documents and verification records), and shares of some of them
with their consents, items and events — created over two years, some expired, some revoked, some revealed. The
password hash is the template's, so the readers can log in. Indexes and foreign keys are those of the migrations and
are checked as in production; `VACUUM (ANALYZE)` follows. A fresh `passerelle serve` then answers the measurement. The
template and the cloning live in `bench/seeding.py`.

Measured through real HTTP with the same load generator as the other benchmarks (wrk if installed), at a modest
fixed concurrency, each request taking the next of a cycle so that many rows are read rather than one cached answer:

- **credential read**: `GET /v1/wallet/credentials/{id}` over every credential of `--readers` learners drawn at
  random, each with their own token;
- **share reveal**: `POST /s/{token}/reveal` (`Accept: application/json`) over `--shares` open shares drawn at random
  (no view limit, not expired, not revoked).

Rounds alternate the two scales (small, large) so load from elsewhere falls on both alike. The figure per route is
the median over rounds of p95 large ÷ p95 small. **Target: ≤ 1.5.** The table is printed and
`bench/results/growth.json` written. See bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from bench.credential_read import (
    REPO,
    RESULTS_DIR,
    Server,
    SetupFailed,
    _git,
    add_run_arguments,
    clean_environment,
    postgres_database,
    run_benchmark,
    start_service,
)
from bench.loadgen import Measurement, Request, run_python, run_wrk, write_requests
from bench.seeding import JSON_ACCEPT, Seeded, seed, set_up_template

TARGET_RATIO = 1.5
SHARE_REQUESTS_PER_MINUTE = 1_000_000_000
"""As in `bench.sharing`: every request comes from 127.0.0.1, so the per-address limit on `/s/` is lifted."""


# ------------------------------------------------------------------------------------------------- the verdict


@dataclass(frozen=True)
class Pair:
    """One round of one route: the small and the large database, measured one after the other."""

    small: Measurement
    large: Measurement

    @property
    def p95_ratio(self) -> float:
        return self.large.p95_ms / self.small.p95_ms if self.small.p95_ms else float("inf")


def median_p95_ratio(pairs: Sequence[Pair]) -> float:
    """The figure the target is about: the median over rounds of p95 large ÷ p95 small."""
    return statistics.median(pair.p95_ratio for pair in pairs)


def verdict(ratio: float, target: float = TARGET_RATIO) -> str:
    return "met" if ratio <= target else f"NOT met ({ratio / target:.2f}× the limit)"


# --------------------------------------------------------------------------------------------------- measuring


def log_in(service: Server, emails: Sequence[str], password: str) -> list[str]:
    """A password-grant token for each learner (Argon2 checks: a few at a time)."""

    def one(email: str) -> str:
        with httpx.Client(base_url=service.base_url, timeout=60.0, trust_env=False) as client:
            answer = client.post(
                "/v1/auth/token", data={"grant_type": "password", "username": email, "password": password}
            )
        if answer.status_code != 200:
            raise SetupFailed(f"the token endpoint answered {answer.status_code} for {email}: {answer.text[:200]}")
        return f"Bearer {answer.json()['access_token']}"

    with ThreadPoolExecutor(4) as pool:
        return list(pool.map(one, emails))


def check_cycle(service: Server, requests: Sequence[Request], headers: dict[str, str]) -> None:
    """A few requests of the cycle, once each, before the load: they must answer 200."""
    with httpx.Client(base_url=service.base_url, timeout=30.0, trust_env=False) as client:
        for request in requests[:: max(1, len(requests) // 20)]:
            sent = {**headers, **({"Authorization": request.authorization} if request.authorization else {})}
            answer = client.request(request.method, request.path, headers=sent)
            if answer.status_code != 200:
                raise SetupFailed(f"{request.method} {request.path[:40]}… answered {answer.status_code}")


@dataclass
class Scale:
    name: str
    credentials: int
    service: Server
    seeded: Seeded
    password: str
    """The template's password, which every seeded learner shares (their hash is the template's)."""
    directory: Path
    cycles: dict[str, Path] = field(default_factory=dict)


ROUTES = {
    "credential read": ("GET", {}),
    "share reveal": ("POST", JSON_ACCEPT),
}


def prepare_scale(
    name: str, credentials: int, args: argparse.Namespace, workdir: Path, stack: contextlib.ExitStack
) -> Scale:
    """A database holding `credentials` credentials, and its service."""
    directory = workdir / name
    directory.mkdir(parents=True)
    url = stack.enter_context(postgres_database(args.pg_admin_url))
    env = {
        **clean_environment(),
        "PASSERELLE_DATA_DIR": str(directory / "data"),
        "PASSERELLE_DATABASE_URL": url,
        "PASSERELLE_SHARE_REQUESTS_PER_MINUTE": str(SHARE_REQUESTS_PER_MINUTE),
    }
    with contextlib.ExitStack() as setup:
        template = set_up_template(start_service(env, directory, setup))
    print(f"seeding {name}: {credentials:,} credentials …", file=sys.stderr, flush=True)
    seeded = asyncio.run(seed(url, template.learner_id, credentials, args))
    # A fresh process: no plan or cache made while the tables were nearly empty.
    service = start_service(env, directory, stack)
    return Scale(name, credentials, service, seeded, template.password, directory)


def prepare_cycles(scale: Scale, args: argparse.Namespace) -> None:
    """The readers' tokens (taken once every database is seeded: they live 15 minutes) and both request cycles."""
    tokens = log_in(scale.service, [email for email, _ in scale.seeded.readers], scale.password)
    reads = [
        Request("GET", f"/v1/wallet/credentials/{credential_id}", token)
        for (_, ids), token in zip(scale.seeded.readers, tokens, strict=True)
        for credential_id in ids
    ]
    random.Random(args.seed).shuffle(reads)
    reveals = [Request("POST", f"/s/{token}/reveal") for token in scale.seeded.share_tokens]
    if not reveals:
        raise SetupFailed(f"the {scale.name} database has no open share to reveal")
    check_cycle(scale.service, reads, {})
    check_cycle(scale.service, reveals, JSON_ACCEPT)
    scale.cycles["credential read"] = write_requests(scale.directory / "reads.txt", reads)
    scale.cycles["share reveal"] = write_requests(scale.directory / "reveals.txt", reveals)


def measure_route(generator: str, scale: Scale, route: str, args: argparse.Namespace, workdir: Path) -> Measurement:
    method, headers = ROUTES[route]
    run = run_wrk if generator == "wrk" else run_python
    measurement = run(
        scale.service.base_url + "/readyz",  # the server; the paths come from the cycle
        "",
        connections=args.connections,
        warmup=args.warmup,
        duration=args.duration,
        workdir=workdir,
        method=method,
        headers=headers,
        requests_file=scale.cycles[route],
    )
    if not scale.service.alive():
        raise SetupFailed(f"the {scale.name} service died under load:\n{scale.service.log_tail()}")
    return measurement


def run_growth(args: argparse.Namespace, generator: str) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix="passerelle-bench-growth-"))
    try:
        with contextlib.ExitStack() as stack:
            scales = [
                prepare_scale("small", args.small, args, workdir, stack),
                prepare_scale("large", args.large, args, workdir, stack),
            ]
            for scale in scales:
                prepare_cycles(scale, args)
            load = [os.getloadavg()]
            pairs: dict[str, list[Pair]] = {route: [] for route in ROUTES}
            for number in range(1, args.rounds + 1):
                for route in ROUTES:
                    small, large = (measure_route(generator, scale, route, args, workdir) for scale in scales)
                    pairs[route].append(Pair(small, large))
                    print(
                        f"round {number}, {route}: p95 {small.p95_ms:.2f} / {large.p95_ms:.2f} ms",
                        file=sys.stderr,
                        flush=True,
                    )
            load.append(os.getloadavg())
        return report(args, generator, scales, pairs, load)
    finally:
        if args.keep_temp:
            print(f"kept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


# ------------------------------------------------------------------------------------------------------ report


def format_report(
    args: argparse.Namespace,
    generator: str,
    scales: Sequence[Scale],
    pairs: dict[str, list[Pair]],
    load: Sequence[tuple[float, float, float]],
) -> str:
    lines = [
        f"growth check — PostgreSQL — {generator}, {args.connections} connections, {args.rounds} rounds of "
        f"{args.duration} s after {args.warmup} s warm-up; load average {load[0][0]:.2f} → {load[-1][0]:.2f}",
        f"{'database':<9} {'credentials':>12} {'learners':>10} {'shares':>9} {'open':>8} {'seeded in':>10}",
    ]
    for scale in scales:
        seeded = scale.seeded
        lines.append(
            f"{scale.name:<9} {seeded.credentials:>12,} {seeded.learners:>10,} {seeded.shares:>9,} "
            f"{seeded.open_shares:>8,} {seeded.seconds:>9.1f}s"
        )
    lines.append(
        f"{'route':<16} {'round':>5} {'small p50':>10} {'small p95':>10} {'large p50':>10} {'large p95':>10} "
        f"{'errors':>7} {'p95 large/small':>16}"
    )
    for route, route_pairs in pairs.items():
        for number, pair in enumerate(route_pairs, 1):
            lines.append(
                f"{route:<16} {number:>5} {pair.small.p50_ms:>10.2f} {pair.small.p95_ms:>10.2f} "
                f"{pair.large.p50_ms:>10.2f} {pair.large.p95_ms:>10.2f} "
                f"{pair.small.errors + pair.large.errors:>7} {pair.p95_ratio:>16.2f}"
            )
    for route, route_pairs in pairs.items():
        ratio = median_p95_ratio(route_pairs)
        lines.append(f"{route}: median p95 large/small {ratio:.2f} (target ≤ {TARGET_RATIO}: {verdict(ratio)})")
    return "\n".join(lines)


def report(
    args: argparse.Namespace,
    generator: str,
    scales: Sequence[Scale],
    pairs: dict[str, list[Pair]],
    load: Sequence[tuple[float, float, float]],
) -> dict[str, Any]:
    print()
    print(format_report(args, generator, scales, pairs, load))
    result: dict[str, Any] = {
        "benchmark": "growth",
        "database": "postgres",
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git("rev-parse", "HEAD"),
        "uncommitted_changes": bool(_git("status", "--porcelain", "--untracked-files=no")),
        "machine": {"cpus": os.cpu_count(), "load_average": [list(values) for values in load]},
        "load_generator": generator,
        "connections": args.connections,
        "warmup_seconds": args.warmup,
        "duration_seconds": args.duration,
        "scales": {
            scale.name: {
                key: value for key, value in asdict(scale.seeded).items() if key not in {"readers", "share_tokens"}
            }
            | {
                "requested_credentials": scale.credentials,
                "credentials_read": sum(len(ids) for _, ids in scale.seeded.readers),
                "readers": len(scale.seeded.readers),
                "shares_revealed": len(scale.seeded.share_tokens),
            }
            for scale in scales
        },
        "routes": {
            route: {
                "rounds": [
                    {"small": asdict(pair.small), "large": asdict(pair.large), "p95_ratio": round(pair.p95_ratio, 3)}
                    for pair in route_pairs
                ],
                "median_p95_ratio": round(median_p95_ratio(route_pairs), 3),
                "target_ratio": TARGET_RATIO,
                "target_met": median_p95_ratio(route_pairs) <= TARGET_RATIO,
            }
            for route, route_pairs in pairs.items()
        },
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / "growth.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"written {out.relative_to(REPO)}")
    return result


# -------------------------------------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.growth", description=__doc__.splitlines()[0])
    add_run_arguments(parser)
    parser.set_defaults(duration=10, warmup=2, connections=8, database="postgres")
    parser.add_argument("--small", type=int, default=10_000, help="stored credentials, small database (10,000)")
    parser.add_argument("--large", type=int, default=1_000_000, help="stored credentials, large database (1,000,000)")
    parser.add_argument("--rounds", type=int, default=3, help="small/large pairs per route (default 3)")
    parser.add_argument("--readers", type=int, default=150, help="learners whose credentials are read (default 150)")
    parser.add_argument("--shares", type=int, default=1_000, help="open shares revealed (default 1,000)")
    parser.add_argument("--seed", type=int, default=10, help="random seed of the cloned data (default 10)")
    args = parser.parse_args(argv)
    if args.database != "postgres":
        parser.error("the growth check runs on PostgreSQL only")
    if not 100 <= args.small < args.large <= 20_000_000:
        parser.error("--small 100.. below --large ..20,000,000")
    if not 1 <= args.duration <= 120 or not 0 <= args.warmup <= 30 or not 1 <= args.connections <= 256:
        parser.error("--duration 1..120, --warmup 0..30, --connections 1..256")
    if not 1 <= args.rounds <= 10 or not 1 <= args.readers <= 1_000 or not 1 <= args.shares <= 100_000:
        parser.error("--rounds 1..10, --readers 1..1000, --shares 1..100000")
    if not args.pg_admin_url.startswith("postgresql") or "@127.0.0.1" not in args.pg_admin_url:
        parser.error("--pg-admin-url must be a postgresql URL on 127.0.0.1")
    # The readers' tokens (15 minutes) are taken after seeding and must outlast the measurement.
    if args.rounds * len(ROUTES) * 2 * (args.duration + args.warmup) > 10 * 60:
        parser.error("the measurement would outlast the readers' 15-minute tokens: fewer rounds or shorter windows")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)

    def run_one(_database: str, generator: str) -> int:
        result = run_growth(args, generator)
        return sum(
            pair[name]["non_2xx"] + pair[name]["transport_errors"]
            for route in result["routes"].values()
            for pair in route["rounds"]
            for name in ("small", "large")
        )

    return run_benchmark(args, run_one)


if __name__ == "__main__":
    sys.exit(main())
