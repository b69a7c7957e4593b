"""Sharing benchmark: a share's viewer routes on the real service against a bare FastAPI app.

For each database the run starts, as real processes on loopback ports chosen now:

- the service, `passerelle migrate` then `passerelle serve` (one uvicorn worker, default INFO logging sent to a
  log file, `PASSERELLE_SHARE_REQUESTS_PER_MINUTE` raised far above what one load generator can send, so the
  per-address limit on `/s/` routes never answers 429), on a fresh data directory and a fresh SQLite file or
  PostgreSQL database;
- for each case, the baseline (`bench/baseline.py`), one uvicorn worker answering the same method and path with
  the same bytes and media type;

sets up a learner, an Open Badges 3.0 credential and a share of three of its fields (no view limit, 30 days)
through the real API, then, case by case, loads the service and the case's baseline with the same load
generator (wrk if installed, else `bench/loadgen.py`), prints a table and the throughput ratios
service/baseline, and writes `bench/results/sharing-<database>.json`. See bench/README.md.

Cases: `landing-json` (`GET /s/{token}`, `Accept: application/json`), `landing-html` (the same page for a
browser), `reveal-json` (`POST /s/{token}/reveal`, `Accept: application/json`: every request counts one view and
logs one event).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import secrets
import shutil
import statistics
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from bench import baseline
from bench.credential_read import (
    REPO,
    RESULTS_DIR,
    Server,
    SetupFailed,
    _git,
    add_run_arguments,
    check_run_arguments,
    clean_environment,
    measure,
    postgres_database,
    run_benchmark,
    start_baseline,
    start_service,
)
from bench.loadgen import Measurement

CREDENTIAL = REPO / "tests" / "data" / "ob3-complete.json"
SHARED_FIELDS = ["title", "issuer", "awarded_on"]
NO_AUTHORIZATION = ""
DEFAULT_ROUNDS = 3
"""Service and baseline take turns: on a shared machine both then meet the same background load, which one run of
each, one after the other, does not (their ratio moved by 15 points between two runs)."""
"""Viewers are anonymous: no token is sent to the share routes or the baseline."""
SHARE_REQUESTS_PER_MINUTE = 1_000_000_000
"""The per-address limit on `/s/` routes, far above what the load generator sends from one address."""
JSON_ACCEPT = {"Accept": "application/json"}
HTML_ACCEPT = {"Accept": "text/html,application/xhtml+xml"}

EXIT_REQUEST_ERRORS = 1
EXIT_SETUP_FAILED = 2
EXIT_INTERRUPTED = 130


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    suffix: str
    """Appended to `/s/{token}`."""
    headers: dict[str, str]
    media_type: str
    target_ratio: float


CASES = {
    case.name: case
    for case in (
        Case("landing-json", "GET", "", JSON_ACCEPT, "application/json", 0.60),
        Case("landing-html", "GET", "", HTML_ACCEPT, "text/html", 0.60),
        Case("reveal-json", "POST", "/reveal", JSON_ACCEPT, "application/json", 0.40),
    )
}


@dataclass(frozen=True)
class Fixture:
    share_id: str
    share_path: str
    authorization: str
    """The learner's token: only to read the share's view count after the run, never sent to `/s/`."""
    bodies: dict[str, bytes]
    """Case name → the service's exact answer."""


@dataclass(frozen=True)
class Result:
    case: Case
    service_rounds: tuple[Measurement, ...]
    baseline_rounds: tuple[Measurement, ...]

    @property
    def service(self) -> Measurement:
        """All rounds together (`combined`)."""
        return combined(self.service_rounds)

    @property
    def baseline(self) -> Measurement:
        return combined(self.baseline_rounds)

    def round_ratios(self) -> list[float]:
        return [
            served.requests_per_second / bare.requests_per_second if bare.requests_per_second else 0.0
            for served, bare in zip(self.service_rounds, self.baseline_rounds, strict=True)
        ]

    @property
    def ratio(self) -> float:
        if not self.baseline.requests_per_second:
            return 0.0
        return self.service.requests_per_second / self.baseline.requests_per_second


def round_seconds(args: argparse.Namespace) -> int:
    """Each round's measured seconds: `--duration` split between the rounds, in whole seconds (what the load
    generators take)."""
    seconds: int = max(1, round(args.duration / args.rounds))
    return seconds


def combined(rounds: Sequence[Measurement]) -> Measurement:
    """The rounds of one server as one measurement: requests over seconds, errors summed, the median round's p50 and
    the worst round's tail latencies."""
    first = rounds[0]
    seconds = sum(m.seconds for m in rounds)
    requests = sum(m.requests for m in rounds)
    statuses: dict[str, int] = {}
    for m in rounds:
        for status, count in m.statuses.items():
            statuses[status] = statuses.get(status, 0) + count
    return Measurement(
        generator=first.generator,
        connections=first.connections,
        seconds=seconds,
        requests=requests,
        non_2xx=sum(m.non_2xx for m in rounds),
        transport_errors=sum(m.transport_errors for m in rounds),
        requests_per_second=requests / seconds if seconds else 0.0,
        p50_ms=statistics.median(m.p50_ms for m in rounds),
        p90_ms=max(m.p90_ms for m in rounds),
        p95_ms=max(m.p95_ms for m in rounds),
        p99_ms=max(m.p99_ms for m in rounds),
        max_ms=max(m.max_ms for m in rounds),
        statuses=statuses,
    )


# ------------------------------------------------------------------------------------------------------ set-up


def _answer(client: httpx.Client, case: Case, path: str) -> bytes:
    response = client.request(case.method, path, headers=case.headers)
    if response.status_code != 200 or not response.headers.get("content-type", "").startswith(case.media_type):
        raise SetupFailed(f"{case.name} answered {response.status_code}: {response.text[:500]}")
    return response.content


def set_up_share(service: Server, cases: list[Case]) -> Fixture:
    """Sign up, log in, import one credential and share three of its fields through the API; then ask each case
    twice, to learn its exact answer and check that it does not change from one request to the next."""
    email = f"bench-{secrets.token_hex(4)}@example.org"
    password = secrets.token_urlsafe(18)
    with httpx.Client(base_url=service.base_url, timeout=30.0, trust_env=False) as client:
        signup = client.post(
            "/v1/auth/signup", json={"email": email, "password": password, "display_name": "Bench Learner"}
        )
        if signup.status_code != 201:
            raise SetupFailed(f"sign-up answered {signup.status_code}: {signup.text[:500]}")
        token = client.post("/v1/auth/token", data={"grant_type": "password", "username": email, "password": password})
        if token.status_code != 200:
            raise SetupFailed(f"the token endpoint answered {token.status_code}: {token.text[:500]}")
        authorization = f"Bearer {token.json()['access_token']}"
        learner = {"Authorization": authorization}
        imported = client.post(
            "/v1/wallet/credentials",
            content=CREDENTIAL.read_bytes(),
            headers={**learner, "Content-Type": "application/ld+json"},
        )
        if imported.status_code != 201:
            raise SetupFailed(f"the import answered {imported.status_code}: {imported.text[:500]}")
        created = client.post(
            "/v1/wallet/shares",
            json={
                "items": [{"credential_id": imported.json()["id"], "fields": SHARED_FIELDS}],
                "purpose": "Admission to the MSc programme",
                "expires_in_days": 30,
            },
            headers=learner,
        )
        if created.status_code != 201:
            raise SetupFailed(f"the share answered {created.status_code}: {created.text[:500]}")
        share = created.json()
        if share.get("max_views") is not None:
            raise SetupFailed("the share has a view limit")
        share_path = "/s/" + share["url"].rsplit("/", 1)[1]
        bodies: dict[str, bytes] = {}
        for case in cases:
            first = _answer(client, case, share_path + case.suffix)
            if _answer(client, case, share_path + case.suffix) != first:
                raise SetupFailed(f"{case.name} answers different bytes each time; a fixed baseline cannot match it")
            bodies[case.name] = first
    return Fixture(share_id=share["id"], share_path=share_path, authorization=authorization, bodies=bodies)


def views_of(service: Server, fixture: Fixture) -> int | None:
    """The share's view count as its owner sees it (None if it cannot be read)."""
    with httpx.Client(base_url=service.base_url, timeout=30.0, trust_env=False) as client:
        answer = client.get(f"/v1/wallet/shares/{fixture.share_id}", headers={"Authorization": fixture.authorization})
    if answer.status_code != 200:
        return None
    views: int = answer.json()["views"]
    return views


# --------------------------------------------------------------------------------------------------- measuring


def run_database(database: str, args: argparse.Namespace, generator: str, cases: list[Case]) -> dict[str, Any]:
    """One database: fresh data, the service, then per case its measurement and its baseline's. Everything
    started is stopped and removed on the way out, also on errors and Ctrl-C."""
    workdir = Path(tempfile.mkdtemp(prefix=f"passerelle-bench-sharing-{database}-"))
    results: list[Result] = []
    try:
        with contextlib.ExitStack() as stack:
            env = {
                **clean_environment(),
                "PASSERELLE_DATA_DIR": str(workdir / "data"),
                "PASSERELLE_SHARE_REQUESTS_PER_MINUTE": str(SHARE_REQUESTS_PER_MINUTE),
            }
            if database == "postgres":
                env["PASSERELLE_DATABASE_URL"] = stack.enter_context(postgres_database(args.pg_admin_url))
            service = start_service(env, workdir, stack)
            fixture = set_up_share(service, cases)
            views_before = views_of(service, fixture)
            round_args = argparse.Namespace(**{**vars(args), "duration": round_seconds(args)})
            for case in cases:
                path = fixture.share_path + case.suffix
                # One baseline per case, stopped before the next case starts; service and baseline take turns.
                with contextlib.ExitStack() as case_stack:
                    base = start_baseline(
                        {**clean_environment(), baseline.PATH_ENV: path},
                        workdir,
                        fixture.bodies[case.name],
                        path,
                        case_stack,
                        method=case.method,
                        media_type=case.media_type,
                        name=f"baseline-{case.name}",
                    )
                    served: list[Measurement] = []
                    bare: list[Measurement] = []
                    for _ in range(args.rounds):
                        for server, runs in ((service, served), (base, bare)):
                            runs.append(
                                measure(
                                    generator,
                                    server.base_url + path,
                                    NO_AUTHORIZATION,
                                    round_args,
                                    workdir,
                                    method=case.method,
                                    headers=case.headers,
                                )
                            )
                            if not server.alive():
                                raise SetupFailed(f"{server.name} died under load:\n{server.log_tail()}")
                results.append(Result(case, tuple(served), tuple(bare)))
            views_after = views_of(service, fixture)
        return report(database, args, generator, fixture, results, views_before, views_after)
    finally:
        if args.keep_temp:
            print(f"kept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def report(
    database: str,
    args: argparse.Namespace,
    generator: str,
    fixture: Fixture,
    results: list[Result],
    views_before: int | None,
    views_after: int | None,
) -> dict[str, Any]:
    print()
    print(
        f"sharing — {database} — {generator}, {args.connections} connections, "
        f"{args.rounds} rounds of {round_seconds(args)} s after {args.warmup} s warm-up each"
    )
    print(f"{'case':<13} {'target':<9} {'bytes':>6} {'requests/s':>11} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for result in results:
        size = len(fixture.bodies[result.case.name])
        for name, m in (("service", result.service), ("baseline", result.baseline)):
            print(
                f"{result.case.name:<13} {name:<9} {size:>6} {m.requests_per_second:>11.1f} {m.p50_ms:>8.2f} "
                f"{m.p99_ms:>8.2f} {m.errors:>7}"
            )
    for result in results:
        verdict = "met" if result.ratio >= result.case.target_ratio else "NOT met"
        rounds = ", ".join(f"{ratio:.1%}" for ratio in result.round_ratios())
        print(
            f"throughput service/baseline, {result.case.name}: {result.ratio:.1%} "
            f"(target ≥ {result.case.target_ratio:.0%}: {verdict}; by round {rounds})"
        )
    if views_before is not None and views_after is not None:
        print(f"views counted on the share during the run (warm-ups included): {views_after - views_before}")
    outcome: dict[str, Any] = {
        "benchmark": "sharing",
        "database": database,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git("rev-parse", "HEAD"),
        "uncommitted_changes": bool(_git("status", "--porcelain", "--untracked-files=no")),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "load_generator": generator,
        "connections": args.connections,
        "warmup_seconds": args.warmup,
        "duration_seconds": args.duration,
        "rounds": args.rounds,
        "round_seconds": round_seconds(args),
        "share_requests_per_minute": SHARE_REQUESTS_PER_MINUTE,
        "views_counted": (views_after - views_before) if views_before is not None and views_after is not None else None,
        "cases": {
            result.case.name: {
                "method": result.case.method,
                "path": "/s/{token}" + result.case.suffix,
                "headers": result.case.headers,
                "response_bytes": len(fixture.bodies[result.case.name]),
                "targets": {
                    name: {**asdict(m), "errors": m.errors}
                    for name, m in (("service", result.service), ("baseline", result.baseline))
                },
                "throughput_ratio": round(result.ratio, 4),
                "rounds": [
                    {
                        "service_requests_per_second": served.requests_per_second,
                        "baseline_requests_per_second": bare.requests_per_second,
                        "throughput_ratio": round(ratio, 4),
                    }
                    for served, bare, ratio in zip(
                        result.service_rounds, result.baseline_rounds, result.round_ratios(), strict=True
                    )
                ],
                "target_ratio": result.case.target_ratio,
                "target_met": result.ratio >= result.case.target_ratio,
            }
            for result in results
        },
        "target_met": all(result.ratio >= result.case.target_ratio for result in results),
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"sharing-{database}.json"
    out.write_text(json.dumps(outcome, indent=2) + "\n")
    print(f"written {out.relative_to(REPO)}")
    return outcome


# -------------------------------------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.sharing",
        description="Throughput and latency of a share's landing and reveal against a bare FastAPI baseline.",
    )
    add_run_arguments(parser)
    parser.add_argument(
        "--case", action="append", choices=sorted(CASES), help="repeat to pick several (default: every case)"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=DEFAULT_ROUNDS,
        help=f"service and baseline take turns this many times per case, --duration split between them (whole seconds) "
        f"(default {DEFAULT_ROUNDS})",
    )
    args = parser.parse_args(argv)
    check_run_arguments(parser, args)
    if not 1 <= args.rounds <= 20 or args.duration / args.rounds < 1:
        parser.error("--rounds must be 1..20, with at least 1 s of --duration per round")
    # The owner's token (15 minutes) reads the view count after the last case.
    if len(args.case or CASES) * 2 * (args.duration + args.rounds * args.warmup) > 12 * 60:
        parser.error("the run would outlast the learner's 15-minute token: fewer cases or a shorter --duration")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    cases = [CASES[name] for name in dict.fromkeys(args.case or CASES)]

    def run_one(database: str, generator: str) -> int:
        outcome = run_database(database, args, generator, cases)
        return sum(target["errors"] for case in outcome["cases"].values() for target in case["targets"].values())

    return run_benchmark(args, run_one)


if __name__ == "__main__":
    sys.exit(main())
