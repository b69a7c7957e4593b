"""Every throughput benchmark in one run and one table: what `make bench` prints.

It runs the existing benchmarks through their own functions, with shorter windows than their own defaults (so the
whole run takes about ten minutes on a 2-core machine), and reads their results into rows:

| row | module | service | baseline | database |
| --- | --- | --- | --- | --- |
| credential read | `bench.credential_read` | `GET /v1/wallet/credentials/{id}` | bare FastAPI app | each |
| share landing (JSON, HTML) | `bench.sharing` | `GET /s/{token}` | bare FastAPI app | each |
| share reveal | `bench.sharing` | `POST /s/{token}/reveal` | bare FastAPI app | each |
| level compare | `bench.recognition` | `GET /v1/recognition/compare` (median of rounds) | bare FastAPI app | each |
| SD-JWT VC verify | `bench.verification` | `verify_document()` in process | python-jose ES256 check | none: "—" |
| batch ingest | `bench.ingest` | `POST /v1/institutions/credentials:batch` | raw ES256 verify loop | each |

Every service is `passerelle serve` with one uvicorn worker on a fresh database, every baseline runs in the same
run. The verification runs first, in this process, pinned to one CPU for its duration only (its module's method);
the rest runs once per database asked for. Each module still prints its own table (on stderr here) and writes its
own JSON; this one prints the summary on stdout and writes `bench/results/all.json`. See bench/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from bench import credential_read, ingest, recognition, sharing, verification
from bench.credential_read import REPO, RESULTS_DIR, _git, run_benchmark

NOT_APPLICABLE = "—"
DATABASE_NAMES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
SHARING_ROWS = {
    "landing-json": "share landing (JSON)",
    "landing-html": "share landing (HTML)",
    "reveal-json": "share reveal",
}
VERIFICATION_CASE = "sd-jwt-vc"
MEASURE_ORDER = ("credential read", *SHARING_ROWS.values(), "level compare", "SD-JWT VC verify", "batch ingest")


@dataclass(frozen=True)
class Row:
    """One line of the table: a rate of the service's against its baseline's, as its benchmark computed it."""

    measure: str
    database: str | None
    """None when the measure does not touch a database (shown as "—")."""
    service_per_second: float
    baseline_per_second: float
    unit: str
    ratio: float
    """The benchmark's own ratio (for the level compare: the median of its rounds, not the ratio of the medians)."""
    target: float
    baseline: str
    errors: int = 0

    @property
    def met(self) -> bool:
        return self.ratio >= self.target


def _rate(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:,.1f}"


def verdict(row: Row) -> str:
    if row.met:
        return "met"
    return f"missed by {(row.target - row.ratio) * 100:.1f} points"


def format_table(rows: Sequence[Row]) -> str:
    """The one table: a line per row, then how many targets were met."""
    header = (
        f"{'measure':<21} {'database':<10} {'service':>9} {'baseline':>9} {'per second of':<14} {'ratio':>6} "
        f"{'target':>7}  {'result':<22} {'errors':>6}  baseline is"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        database = DATABASE_NAMES.get(row.database, row.database) if row.database else NOT_APPLICABLE
        lines.append(
            f"{row.measure:<21} {database:<10} {_rate(row.service_per_second):>9} "
            f"{_rate(row.baseline_per_second):>9} {row.unit:<14} {row.ratio:>6.1%} {'≥ ' + format(row.target, '.0%'):>7}"
            f"  {verdict(row):<22} {row.errors:>6}  {row.baseline}"
        )
    met = sum(row.met for row in rows)
    lines.append(f"targets met: {met} of {len(rows)}")
    return "\n".join(lines)


def sort_rows(rows: Sequence[Row]) -> list[Row]:
    """Each measure's rows together, in the order of the module docstring's table; SQLite before PostgreSQL."""
    databases = {None: 0, "sqlite": 1, "postgres": 2}
    return sorted(
        rows,
        key=lambda row: (
            MEASURE_ORDER.index(row.measure) if row.measure in MEASURE_ORDER else len(MEASURE_ORDER),
            row.measure,
            databases.get(row.database, len(databases)),
        ),
    )


# ------------------------------------------------------------------------------------ rows from each benchmark


def credential_read_rows(result: dict[str, Any]) -> list[Row]:
    targets = result["targets"]
    return [
        Row(
            measure="credential read",
            database=result["database"],
            service_per_second=targets["service"]["requests_per_second"],
            baseline_per_second=targets["baseline"]["requests_per_second"],
            unit="requests",
            ratio=result["throughput_ratio"],
            target=result["target_ratio"],
            baseline="bare FastAPI app, same bytes",
            errors=sum(target["errors"] for target in targets.values()),
        )
    ]


def sharing_rows(outcome: dict[str, Any]) -> list[Row]:
    return [
        Row(
            measure=SHARING_ROWS.get(name, name),
            database=outcome["database"],
            service_per_second=case["targets"]["service"]["requests_per_second"],
            baseline_per_second=case["targets"]["baseline"]["requests_per_second"],
            unit="requests",
            ratio=case["throughput_ratio"],
            target=case["target_ratio"],
            baseline="bare FastAPI app, same bytes",
            errors=sum(target["errors"] for target in case["targets"].values()),
        )
        for name, case in outcome["cases"].items()
    ]


def recognition_rows(result: dict[str, Any]) -> list[Row]:
    rounds = result["rounds_measured"]
    return [
        Row(
            measure="level compare",
            database=result["database"],
            service_per_second=statistics.median(pair["service"]["requests_per_second"] for pair in rounds),
            baseline_per_second=statistics.median(pair["baseline"]["requests_per_second"] for pair in rounds),
            unit="requests",
            ratio=result["throughput_ratio"],
            target=result["target_ratio"],
            baseline=f"bare FastAPI app, median of {len(rounds)} rounds",
            errors=sum(pair[name]["errors"] for pair in rounds for name in ("service", "baseline")),
        )
    ]


def verification_rows(result: verification.CaseResult) -> list[Row]:
    return [
        Row(
            measure="SD-JWT VC verify",
            database=None,
            service_per_second=result.pipeline_ops_per_second,
            baseline_per_second=result.baseline_ops_per_second,
            unit="verifications",
            ratio=result.ratio,
            target=verification.TARGET_RATIO,
            baseline="python-jose ES256 check, in process",
        )
    ]


def ingest_rows(result: dict[str, Any]) -> list[Row]:
    return [
        Row(
            measure="batch ingest",
            database=result["database"],
            service_per_second=result["ingest_credentials_per_second"],
            baseline_per_second=result["raw_es256_verifications_per_second"],
            unit="credentials",
            ratio=result["ratio"],
            target=result["target_ratio"],
            baseline="raw ES256 verify loop, one core",
        )
    ]


# ---------------------------------------------------------------------------------------------------- running


@contextlib.contextmanager
def one_cpu() -> Iterator[int | None]:
    """`bench.verification`'s pinning for the time of the block; the process's CPUs are given back afterwards, so
    the servers and load generators started later are not pinned."""
    getaffinity = getattr(os, "sched_getaffinity", None)
    setaffinity = getattr(os, "sched_setaffinity", None)
    before = getaffinity(0) if getaffinity is not None else None
    try:
        yield verification.pin_to_one_cpu()
    finally:
        if before is not None and setaffinity is not None:
            setaffinity(0, before)


def run_verification(args: argparse.Namespace) -> verification.CaseResult:
    with one_cpu(), contextlib.redirect_stdout(sys.stderr):
        _, runner = verification.event_loop_runner("auto")
        case = verification.CASES[VERIFICATION_CASE]()
        print(f"measuring {case.name} …", flush=True)
        return verification.measure_case(case, runner, args.verification_warmup, args.verification_duration)


def module_arguments(args: argparse.Namespace) -> dict[str, argparse.Namespace]:
    """Each module's own options, parsed by its own parser (so its bounds hold), from this run's."""
    common = [
        "--duration",
        str(args.duration),
        "--warmup",
        str(args.warmup),
        "--connections",
        str(args.connections),
        "--load-generator",
        args.load_generator,
        "--pg-admin-url",
        args.pg_admin_url,
        *(["--keep-temp"] if args.keep_temp else []),
    ]
    return {
        "credential_read": credential_read.parse_args(common),
        "sharing": sharing.parse_args([*common, "--rounds", str(args.rounds)]),
        "recognition": recognition.parse_args([*common, "--rounds", str(args.rounds)]),
        "ingest": ingest.parse_args(
            [
                "--rounds",
                str(args.ingest_rounds),
                "--batches",
                str(args.ingest_batches),
                "--pg-admin-url",
                args.pg_admin_url,
                *(["--keep-temp"] if args.keep_temp else []),
            ]
        ),
    }


def run_database(
    database: str, generator: str, arguments: dict[str, argparse.Namespace], details: dict[str, Any]
) -> list[Row]:
    """Every per-database benchmark on `database`, one after the other (each with its own fresh service)."""
    rows: list[Row] = []
    steps: list[tuple[str, Callable[[], dict[str, Any]], Callable[[dict[str, Any]], list[Row]]]] = [
        (
            "credential_read",
            lambda: credential_read.run_database(database, arguments["credential_read"], generator),
            credential_read_rows,
        ),
        (
            "sharing",
            lambda: sharing.run_database(database, arguments["sharing"], generator, list(sharing.CASES.values())),
            sharing_rows,
        ),
        (
            "recognition",
            lambda: recognition.run_database(database, arguments["recognition"], generator),
            recognition_rows,
        ),
        ("ingest", lambda: ingest.run_database(database, arguments["ingest"]), ingest_rows),
    ]
    for name, run, to_rows in steps:
        print(f"\n=== {name} — {database}", file=sys.stderr, flush=True)
        with contextlib.redirect_stdout(sys.stderr):
            result = run()
        details.setdefault(name, {})[database] = result
        rows.extend(to_rows(result))
    return rows


def write_results(
    args: argparse.Namespace, rows: Sequence[Row], details: dict[str, Any], load: Sequence[Sequence[float]], status: int
) -> None:
    document: dict[str, Any] = {
        "benchmark": "all",
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git("rev-parse", "HEAD"),
        "uncommitted_changes": bool(_git("status", "--porcelain", "--untracked-files=no")),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "load_average": [list(values) for values in load],
        "settings": {key: value for key, value in vars(args).items() if key != "pg_admin_url"},
        "complete": status == 0,
        "rows": [{**asdict(row), "target_met": row.met} for row in rows],
        "targets_met": sum(row.met for row in rows),
        "details": details,
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / "all.json"
    out.write_text(json.dumps(document, indent=2, default=str) + "\n")
    print(f"written {out.relative_to(REPO)}")


# -------------------------------------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.all", description=__doc__.splitlines()[0])
    credential_read.add_run_arguments(parser)
    parser.set_defaults(database="both", duration=5, warmup=2)
    parser.add_argument(
        "--rounds", type=int, default=3, help="level compare, sharing: service/baseline rounds (default 3)"
    )
    parser.add_argument("--verification-duration", type=float, default=3.0, help="SD-JWT VC: seconds per loop (3)")
    parser.add_argument("--verification-warmup", type=float, default=1.0, help="SD-JWT VC: warm-up seconds (1)")
    parser.add_argument("--ingest-rounds", type=int, default=3, help="batch ingest: raw/ingest rounds (default 3)")
    parser.add_argument("--ingest-batches", type=int, default=2, help="batch ingest: batches per round (default 2)")
    args = parser.parse_args(argv)
    credential_read.check_run_arguments(parser, args)
    if not 0.1 <= args.verification_duration <= 600 or not 0 <= args.verification_warmup <= 60:
        parser.error("--verification-duration 0.1..600, --verification-warmup 0..60")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    arguments = module_arguments(args)  # refused options stop the run here, before anything starts
    began = time.monotonic()
    load = [os.getloadavg()]
    rows: list[Row] = []
    details: dict[str, Any] = {}
    try:
        measured = run_verification(args)
    except verification.SetupFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return credential_read.EXIT_SETUP_FAILED
    details["verification"] = asdict(measured)
    rows.extend(verification_rows(measured))

    def run_one(database: str, generator: str) -> int:
        found = run_database(database, generator, arguments, details)
        rows.extend(found)
        return sum(row.errors for row in found)

    status = run_benchmark(args, run_one)
    load.append(os.getloadavg())
    minutes = (time.monotonic() - began) / 60
    print()
    print(
        f"all benchmarks — one uvicorn worker per service, {args.connections} connections, {args.duration} s after "
        f"{args.warmup} s warm-up per target; {minutes:.1f} min; load average {load[0][0]:.2f} → {load[-1][0]:.2f}"
        + ("" if status == 0 else f"; INCOMPLETE (exit status {status})")
    )
    print(format_table(sort_rows(rows)))
    write_results(args, rows, details, load, status)
    return status


if __name__ == "__main__":
    sys.exit(main())
