"""Credential read benchmark: `GET /v1/wallet/credentials/{id}` on the real service against a bare FastAPI app.

For each database the run starts, as real processes on loopback ports chosen now:

- the service, `passerelle migrate` then `passerelle serve` (one uvicorn worker, default INFO logging sent to a
  log file), on a fresh data directory and a fresh SQLite file or PostgreSQL database;
- the baseline (`bench/baseline.py`), one uvicorn worker answering the same path with the same bytes;

sets up a learner, a token and one credential through the real API, then loads each target in turn with the same
load generator (wrk if installed, else `bench/loadgen.py`), prints a table and the throughput ratio
service/baseline, and writes `bench/results/credential_read-<database>.json`. See bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import IO, Any

import httpx

from bench import baseline
from bench.loadgen import LoadError, Measurement, run_python, run_wrk, wrk_path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RESULTS_DIR = REPO / "bench" / "results"
CREDENTIAL = REPO / "tests" / "data" / "ob3-simple.jwt"
DEFAULT_PG_ADMIN_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
HOST = "127.0.0.1"
TARGET_RATIO = 0.5
START_TIMEOUT_SECONDS = 60.0
MIGRATE_TIMEOUT_SECONDS = 180.0
STOP_TIMEOUT_SECONDS = 15.0
MAX_DURATION_SECONDS = 600

EXIT_REQUEST_ERRORS = 1
EXIT_SETUP_FAILED = 2
EXIT_INTERRUPTED = 130


class SetupFailed(RuntimeError):
    """A server did not start, or the API set-up did not answer as expected."""


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    log_path: Path
    log_file: IO[bytes]
    base_url: str

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        """SIGTERM (uvicorn shuts down gracefully), SIGKILL if it is still there after a while."""
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=STOP_TIMEOUT_SECONDS)
        self.log_file.close()

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


@dataclass(frozen=True)
class Target:
    name: str
    measurement: Measurement


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def clean_environment() -> dict[str, str]:
    """This process's environment without any PASSERELLE_* setting, so the caller's shell changes nothing."""
    return {key: value for key, value in os.environ.items() if not key.startswith("PASSERELLE_")}


# ------------------------------------------------------------------------------------------------- PostgreSQL


async def _pg_execute(admin_url: str, statement: str) -> None:
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine
    from sqlalchemy.pool import NullPool

    engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


@contextlib.contextmanager
def postgres_database(admin_url: str) -> Iterator[str]:
    """A fresh `passerelle_bench_<random>` database next to `admin_url`, dropped WITH (FORCE) afterwards."""
    from sqlalchemy import make_url

    name = f"passerelle_bench_{secrets.token_hex(4)}"
    try:
        asyncio.run(_pg_execute(admin_url, f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        raise SetupFailed(f"cannot create the PostgreSQL database on {admin_url}: {exc}") from exc
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        try:
            asyncio.run(_pg_execute(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        except Exception as exc:  # noqa: BLE001 - report and go on cleaning up
            print(f"warning: could not drop PostgreSQL database {name}: {exc}", file=sys.stderr)


# ---------------------------------------------------------------------------------------------------- servers


def start_server(
    name: str, command: list[str], env: dict[str, str], port: int, workdir: Path, stack: contextlib.ExitStack
) -> Server:
    """Start a server process; `stack` stops it (whatever happens next) when it unwinds."""
    log_path = workdir / f"{name}.log"
    log_file = log_path.open("wb")
    try:
        process = subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a Ctrl-C reaches the harness only; it stops the servers itself
        )
    except OSError:
        log_file.close()
        raise
    server = Server(name=name, process=process, log_path=log_path, log_file=log_file, base_url=f"http://{HOST}:{port}")
    stack.callback(server.stop)
    return server


def wait_until_ready(
    server: Server, path: str, headers: dict[str, str] | None = None, method: str = "GET"
) -> httpx.Response:
    """Poll `path` (with `method`) until it answers 200, the process dies, or START_TIMEOUT_SECONDS pass."""
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    last = "no answer"
    with httpx.Client(base_url=server.base_url, timeout=2.0, trust_env=False) as client:
        for _ in range(int(START_TIMEOUT_SECONDS / 0.1) + 1):
            if not server.alive():
                raise SetupFailed(
                    f"{server.name} exited with {server.process.returncode} before it was ready:\n{server.log_tail()}"
                )
            try:
                response = client.request(method, path, headers=headers)
                if response.status_code == 200:
                    return response
                last = f"{response.status_code} {response.text[:200]}"
            except httpx.TransportError as exc:
                last = type(exc).__name__
            if time.monotonic() > deadline:
                break
            time.sleep(0.1)
    raise SetupFailed(f"{server.name} was not ready within {START_TIMEOUT_SECONDS} s ({last}):\n{server.log_tail()}")


def start_service(env: dict[str, str], workdir: Path, stack: contextlib.ExitStack) -> Server:
    migrate_log = workdir / "migrate.log"
    with migrate_log.open("wb") as log:
        try:
            migrated = subprocess.run(
                [str(BIN / "passerelle"), "migrate"],
                cwd=REPO,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                timeout=MIGRATE_TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise SetupFailed(f"`passerelle migrate` took more than {MIGRATE_TIMEOUT_SECONDS} s") from exc
    if migrated.returncode != 0:
        raise SetupFailed(f"`passerelle migrate` exited {migrated.returncode}:\n{migrate_log.read_text()[-3000:]}")
    port = free_port()
    command = [str(BIN / "passerelle"), "serve", "--host", HOST, "--port", str(port), "--workers", "1"]
    env = {**env, "PASSERELLE_PUBLIC_URL": f"http://{HOST}:{port}"}
    server = start_server("service", command, env, port, workdir, stack)
    wait_until_ready(server, "/readyz")
    return server


def start_baseline(
    env: dict[str, str],
    workdir: Path,
    body: bytes,
    read_path: str,
    stack: contextlib.ExitStack,
    *,
    method: str = "GET",
    media_type: str = "application/json",
    name: str = "baseline",
) -> Server:
    """The baseline answering `method` `read_path` with `body` as `media_type`; `name` names its log and body
    files (one baseline per case when a benchmark has several)."""
    body_file = workdir / f"{name}-body"
    body_file.write_bytes(body)
    port = free_port()
    # The options `passerelle serve` gives uvicorn.run: loop and http left on auto (uvloop, httptools), no
    # access log, no proxy headers, no Server header, one worker.
    command = [
        str(BIN / "uvicorn"),
        "bench.baseline:create_app",
        "--factory",
        "--host",
        HOST,
        "--port",
        str(port),
        "--workers",
        "1",
        "--loop",
        "auto",
        "--http",
        "auto",
        "--no-access-log",
        "--no-proxy-headers",
        "--no-server-header",
    ]
    baseline_env = {
        **env,
        baseline.BODY_FILE_ENV: str(body_file),
        baseline.METHOD_ENV: method,
        baseline.MEDIA_TYPE_ENV: media_type,
    }
    server = start_server(name, command, baseline_env, port, workdir, stack)
    answer = wait_until_ready(server, read_path, method=method)
    if answer.content != body:
        raise SetupFailed("the baseline does not answer the service's bytes")
    return server


# ------------------------------------------------------------------------------------------------------ set-up


@dataclass(frozen=True)
class Fixture:
    authorization: str
    read_path: str
    body: bytes


def set_up_learner(service: Server) -> Fixture:
    """Sign up, log in and import one credential through the API; read it once to learn the real answer."""
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
        imported = client.post(
            "/v1/wallet/credentials",
            content=CREDENTIAL.read_bytes(),
            headers={"Authorization": authorization, "Content-Type": "application/jwt"},
        )
        if imported.status_code != 201:
            raise SetupFailed(f"the import answered {imported.status_code}: {imported.text[:500]}")
        read_path = f"/v1/wallet/credentials/{imported.json()['id']}"
        read = client.get(read_path, headers={"Authorization": authorization})
        if read.status_code != 200 or not read.headers.get("content-type", "").startswith("application/json"):
            raise SetupFailed(f"the credential read answered {read.status_code}: {read.text[:500]}")
    return Fixture(authorization=authorization, read_path=read_path, body=read.content)


# --------------------------------------------------------------------------------------------------- measuring


def measure(
    generator: str,
    url: str,
    authorization: str,
    args: argparse.Namespace,
    workdir: Path,
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
) -> Measurement:
    run = run_wrk if generator == "wrk" else run_python
    return run(
        url,
        authorization,
        connections=args.connections,
        warmup=args.warmup,
        duration=args.duration,
        workdir=workdir,
        method=method,
        headers=headers,
    )


def run_database(database: str, args: argparse.Namespace, generator: str) -> dict[str, Any]:
    """One database: fresh data, both servers, both measurements, the report. Everything started is stopped and
    removed on the way out, also on errors and Ctrl-C (the stack unwinds: baseline, service, PG database)."""
    workdir = Path(tempfile.mkdtemp(prefix=f"passerelle-bench-{database}-"))
    targets: list[Target] = []
    try:
        with contextlib.ExitStack() as stack:
            env = {**clean_environment(), "PASSERELLE_DATA_DIR": str(workdir / "data")}
            if database == "postgres":
                env["PASSERELLE_DATABASE_URL"] = stack.enter_context(postgres_database(args.pg_admin_url))
            service = start_service(env, workdir, stack)
            fixture = set_up_learner(service)
            base = start_baseline(clean_environment(), workdir, fixture.body, fixture.read_path, stack)
            for server in (service, base):
                url = server.base_url + fixture.read_path
                measurement = measure(generator, url, fixture.authorization, args, workdir)
                if not server.alive():
                    raise SetupFailed(f"{server.name} died under load:\n{server.log_tail()}")
                targets.append(Target(server.name, measurement))
        return report(database, args, generator, fixture, targets, workdir)
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
    database: str, args: argparse.Namespace, generator: str, fixture: Fixture, targets: list[Target], workdir: Path
) -> dict[str, Any]:
    by_name = {target.name: target.measurement for target in targets}
    service, base = by_name["service"], by_name["baseline"]
    ratio = service.requests_per_second / base.requests_per_second if base.requests_per_second else 0.0
    log_size = (workdir / "service.log").stat().st_size if (workdir / "service.log").exists() else 0
    print()
    print(
        f"credential read — {database} — {generator}, {args.connections} connections, "
        f"{args.duration} s after {args.warmup} s warm-up, {len(fixture.body)}-byte response"
    )
    print(f"{'target':<10} {'requests/s':>11} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for target in targets:
        m = target.measurement
        print(f"{target.name:<10} {m.requests_per_second:>11.1f} {m.p50_ms:>8.2f} {m.p99_ms:>8.2f} {m.errors:>7}")
    verdict = "met" if ratio >= TARGET_RATIO else "NOT met"
    print(f"throughput service/baseline: {ratio:.1%} (target ≥ {TARGET_RATIO:.0%}: {verdict})")
    result: dict[str, Any] = {
        "benchmark": "credential_read",
        "database": database,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git("rev-parse", "HEAD"),
        "uncommitted_changes": bool(_git("status", "--porcelain", "--untracked-files=no")),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "load_generator": generator,
        "connections": args.connections,
        "warmup_seconds": args.warmup,
        "duration_seconds": args.duration,
        "response_bytes": len(fixture.body),
        "service_log_bytes": log_size,
        "targets": {
            target.name: {**asdict(target.measurement), "errors": target.measurement.errors} for target in targets
        },
        "throughput_ratio": round(ratio, 4),
        "target_ratio": TARGET_RATIO,
        "target_met": ratio >= TARGET_RATIO,
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"credential_read-{database}.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"written {out.relative_to(REPO)}")
    return result


# -------------------------------------------------------------------------------------------------------- main


def add_run_arguments(parser: argparse.ArgumentParser) -> None:
    """The options every service-against-baseline benchmark takes: window, connections, generator, databases."""
    parser.add_argument("--database", choices=("sqlite", "postgres", "both"), default="sqlite")
    parser.add_argument("--duration", type=int, default=10, help="measured seconds per target (default 10)")
    parser.add_argument("--warmup", type=int, default=2, help="warm-up seconds per target, not measured (default 2)")
    parser.add_argument("--connections", type=int, default=32, help="concurrent keep-alive connections (default 32)")
    parser.add_argument(
        "--load-generator",
        choices=("auto", "wrk", "python"),
        default="auto",
        help="auto: wrk if installed, else the Python generator (default auto)",
    )
    parser.add_argument(
        "--pg-admin-url",
        default=DEFAULT_PG_ADMIN_URL,
        help=f"where the bench database is created and dropped (default {DEFAULT_PG_ADMIN_URL})",
    )
    parser.add_argument("--keep-temp", action="store_true", help="keep the temp dir (server logs) for inspection")


def check_run_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Bounded runs only; PostgreSQL only on loopback."""
    if not 1 <= args.duration <= MAX_DURATION_SECONDS:
        parser.error("--duration must be 1..600 seconds")
    if not 0 <= args.warmup <= 60:
        parser.error("--warmup must be 0..60 seconds")
    if not 1 <= args.connections <= 1024:
        parser.error("--connections must be 1..1024")
    if not args.pg_admin_url.startswith("postgresql") or "@127.0.0.1" not in args.pg_admin_url:
        parser.error("--pg-admin-url must be a postgresql URL on 127.0.0.1")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.credential_read",
        description="Throughput and latency of GET /v1/wallet/credentials/{id} against a bare FastAPI baseline.",
    )
    add_run_arguments(parser)
    args = parser.parse_args(argv)
    # Bounded runs; the service is measured first, well within its access token's 15 minutes.
    check_run_arguments(parser, args)
    return args


def _terminate(signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def run_benchmark(args: argparse.Namespace, run_one: Callable[[str, str], int]) -> int:
    """Run `run_one(database, generator)` (which answers its failed-request count) for each database asked for,
    and map the outcome to the exit status every benchmark shares."""
    signal.signal(signal.SIGTERM, _terminate)
    generator: str = args.load_generator
    if generator == "auto":
        generator = "wrk" if wrk_path() else "python"
    if generator == "wrk" and not wrk_path():
        print("error: wrk is not installed", file=sys.stderr)
        return EXIT_SETUP_FAILED
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    errors = 0
    try:
        for database in databases:
            errors += run_one(database, generator)
    except (SetupFailed, LoadError, httpx.HTTPError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_SETUP_FAILED
    except KeyboardInterrupt:
        print("interrupted; servers stopped and temporary files removed", file=sys.stderr)
        return EXIT_INTERRUPTED
    if errors:
        print(f"error: {errors} request(s) failed", file=sys.stderr)
        return EXIT_REQUEST_ERRORS
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)

    def run_one(database: str, generator: str) -> int:
        result = run_database(database, args, generator)
        return sum(target["errors"] for target in result["targets"].values())

    return run_benchmark(args, run_one)


if __name__ == "__main__":
    sys.exit(main())
