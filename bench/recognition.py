"""Recognition compare benchmark: `GET /v1/recognition/compare` on the real service against a bare FastAPI app.

For each database the run starts, as real processes on loopback ports chosen now:

- the service: `passerelle migrate`, `passerelle seed` (the shipped frameworks data), then `passerelle serve` (one
  uvicorn worker, default INFO logging sent to a log file), on a fresh data directory and a fresh SQLite file or
  PostgreSQL database;
- the baseline (`bench/baseline.py` with `BENCH_BASELINE_PATH=/v1/recognition/compare`), one uvicorn worker
  answering the same path with the same bytes;

reads the comparison once to learn the real answer, then loads the two in turn, `--rounds` times (service, baseline,
service, baseline, …) with the same load generator (wrk if installed, else `bench/loadgen.py`), prints a table with
each round's ratio service/baseline and their median, and writes `bench/results/recognition-<database>.json`. The
compare endpoint is public: no token is sent. See bench/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from bench import baseline
from bench.credential_read import (
    BIN,
    HOST,
    MIGRATE_TIMEOUT_SECONDS,
    REPO,
    RESULTS_DIR,
    Server,
    SetupFailed,
    Target,
    add_run_arguments,
    check_run_arguments,
    clean_environment,
    free_port,
    measure,
    postgres_database,
    run_benchmark,
    start_baseline,
    start_server,
    wait_until_ready,
)

COMPARE_PATH = "/v1/recognition/compare"
DEFAULT_QUERY = "country=IE&framework=NFQ&level=8&target_country=DE"
TARGET_RATIO = 0.70
NO_AUTHORIZATION = ""

EXIT_REQUEST_ERRORS = 1
EXIT_SETUP_FAILED = 2
EXIT_INTERRUPTED = 130


@dataclass(frozen=True)
class Fixture:
    read_path: str
    body: bytes


def _run_command(name: str, arguments: list[str], env: dict[str, str], workdir: Path) -> None:
    """`passerelle <arguments>` to completion, its output kept in `<name>.log`."""
    log_path = workdir / f"{name}.log"
    with log_path.open("wb") as log:
        try:
            finished = subprocess.run(
                [str(BIN / "passerelle"), *arguments],
                cwd=REPO,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                timeout=MIGRATE_TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise SetupFailed(f"`passerelle {' '.join(arguments)}` took more than {MIGRATE_TIMEOUT_SECONDS} s") from exc
    if finished.returncode != 0:
        raise SetupFailed(
            f"`passerelle {' '.join(arguments)}` exited {finished.returncode}:\n{log_path.read_text()[-3000:]}"
        )


def start_service(env: dict[str, str], workdir: Path, stack: contextlib.ExitStack) -> Server:
    """Migrate, seed the frameworks data, serve; ready when `/readyz` answers."""
    _run_command("migrate", ["migrate"], env, workdir)
    _run_command("seed", ["seed"], env, workdir)
    port = free_port()
    command = [str(BIN / "passerelle"), "serve", "--host", HOST, "--port", str(port), "--workers", "1"]
    server = start_server(
        "service", command, {**env, "PASSERELLE_PUBLIC_URL": f"http://{HOST}:{port}"}, port, workdir, stack
    )
    wait_until_ready(server, "/readyz")
    return server


def read_comparison(service: Server, query: str) -> Fixture:
    read_path = f"{COMPARE_PATH}?{query}"
    with httpx.Client(base_url=service.base_url, timeout=30.0, trust_env=False) as client:
        answer = client.get(read_path)
    if answer.status_code != 200 or not answer.headers.get("content-type", "").startswith("application/json"):
        raise SetupFailed(f"the comparison answered {answer.status_code}: {answer.text[:500]}")
    return Fixture(read_path=read_path, body=answer.content)


def run_database(database: str, args: argparse.Namespace, generator: str) -> dict[str, Any]:
    """One database: fresh data, both servers, both measurements, the report; everything started is stopped."""
    workdir = Path(tempfile.mkdtemp(prefix=f"passerelle-bench-recognition-{database}-"))
    targets: list[Target] = []
    try:
        with contextlib.ExitStack() as stack:
            env = {**clean_environment(), "PASSERELLE_DATA_DIR": str(workdir / "data")}
            if database == "postgres":
                env["PASSERELLE_DATABASE_URL"] = stack.enter_context(postgres_database(args.pg_admin_url))
            service = start_service(env, workdir, stack)
            fixture = read_comparison(service, args.query)
            base = start_baseline(
                {**clean_environment(), baseline.PATH_ENV: COMPARE_PATH},
                workdir,
                fixture.body,
                fixture.read_path,
                stack,
            )
            # Rounds alternate service and baseline, so load from elsewhere on the machine falls on both alike.
            for _ in range(args.rounds):
                for server in (service, base):
                    url = server.base_url + fixture.read_path
                    measurement = measure(generator, url, NO_AUTHORIZATION, args, workdir)
                    if not server.alive():
                        raise SetupFailed(f"{server.name} died under load:\n{server.log_tail()}")
                    targets.append(Target(server.name, measurement))
        return report(database, args, generator, fixture, targets)
    finally:
        if args.keep_temp:
            print(f"kept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def _git(*arguments: str) -> str | None:
    try:
        found = subprocess.run(["git", *arguments], cwd=REPO, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return found.stdout.strip() if found.returncode == 0 else None


def report(
    database: str, args: argparse.Namespace, generator: str, fixture: Fixture, targets: list[Target]
) -> dict[str, Any]:
    services = [t.measurement for t in targets if t.name == "service"]
    baselines = [t.measurement for t in targets if t.name == "baseline"]
    ratios = [
        s.requests_per_second / b.requests_per_second if b.requests_per_second else 0.0
        for s, b in zip(services, baselines, strict=True)
    ]
    ratio = statistics.median(ratios)
    print()
    print(
        f"recognition compare — {database} — {generator}, {args.connections} connections, "
        f"{args.duration} s after {args.warmup} s warm-up, {len(fixture.body)}-byte response"
    )
    print(f"  GET {fixture.read_path}")
    print(f"{'round':<6} {'target':<10} {'requests/s':>11} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}  ratio")
    for number, (service, base, round_ratio) in enumerate(zip(services, baselines, ratios, strict=True), start=1):
        for name, m in (("service", service), ("baseline", base)):
            shown = f"{round_ratio:.1%}" if name == "baseline" else ""
            print(
                f"{number:<6} {name:<10} {m.requests_per_second:>11.1f} {m.p50_ms:>8.2f} {m.p99_ms:>8.2f} "
                f"{m.errors:>7}  {shown}"
            )
    verdict = "met" if ratio >= TARGET_RATIO else "NOT met"
    spread = f"{min(ratios):.1%}-{max(ratios):.1%}"
    print(
        f"throughput service/baseline, median of {len(ratios)} rounds: {ratio:.1%} (rounds {spread}; target ≥ {TARGET_RATIO:.0%}: {verdict})"
    )
    result: dict[str, Any] = {
        "benchmark": "recognition_compare",
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
        "path": fixture.read_path,
        "response_bytes": len(fixture.body),
        "rounds_measured": [
            {
                "service": {**asdict(service), "errors": service.errors},
                "baseline": {**asdict(base), "errors": base.errors},
                "throughput_ratio": round(round_ratio, 4),
            }
            for service, base, round_ratio in zip(services, baselines, ratios, strict=True)
        ],
        "throughput_ratio": round(ratio, 4),
        "target_ratio": TARGET_RATIO,
        "target_met": ratio >= TARGET_RATIO,
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"recognition-{database}.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"written {out.relative_to(REPO)}")
    return result


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.recognition",
        description="Throughput and latency of GET /v1/recognition/compare against a bare FastAPI baseline.",
    )
    add_run_arguments(parser)
    parser.add_argument("--rounds", type=int, default=3, help="service/baseline pairs measured in turn (default 3)")
    parser.add_argument("--query", default=DEFAULT_QUERY, help=f"the comparison asked (default {DEFAULT_QUERY})")
    args = parser.parse_args(argv)
    check_run_arguments(parser, args)
    if not 1 <= args.rounds <= 20:
        parser.error("--rounds must be 1..20")
    if not all(part.count("=") == 1 for part in args.query.split("&")) or any(c in args.query for c in " #\n"):
        parser.error("--query must be name=value pairs joined by &")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)

    def run_one(database: str, generator: str) -> int:
        result = run_database(database, args, generator)
        return sum(pair[name]["errors"] for pair in result["rounds_measured"] for name in ("service", "baseline"))

    return run_benchmark(args, run_one)


if __name__ == "__main__":
    sys.exit(main())
