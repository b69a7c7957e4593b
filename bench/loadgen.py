"""Load generators: `wrk` when installed, else a Python one (httpx) run as its own process.

Both keep a fixed number of keep-alive connections busy for a fixed time against one loopback URL, send the
same `Authorization` header (read from `BENCH_AUTHORIZATION`, never from the command line; none when it is
empty), record every request's latency and count every non-2xx answer or transport error as an error. The
method is GET unless told otherwise (a POST sends an empty body, `Content-Length: 0`); `headers` adds fixed,
non-secret request headers (e.g. `Accept`).

Instead of one request sent again and again, both can cycle through a list of requests (`Request`: a method, a
path on the same server and its own `Authorization`), written to a file only the caller can read
(`write_requests`) and named in `requests_file`: a read spread over many rows, each with its owner's token.

`python -m bench.loadgen --url URL ...` runs the Python generator and prints one JSON `Measurement`.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Coroutine
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx

AUTHORIZATION_ENV = "BENCH_AUTHORIZATION"
REQUESTS_FILE_ENV = "BENCH_REQUESTS_FILE"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
REQUEST_TIMEOUT_SECONDS = 10.0
MAX_REQUESTS_PER_CONNECTION = 5_000_000
"""A bound on every request loop besides its deadline."""
MAX_SECONDS = 3600
WRK_RESULT_PREFIX = "BENCH_RESULT "

WRK_SCRIPT = r"""-- Written by bench/loadgen.py: the bearer token, a non-2xx count and a machine-readable summary.
wrk.method = "GET"
local authorization = os.getenv("BENCH_AUTHORIZATION")
if authorization ~= nil and authorization ~= "" then
  wrk.headers["Authorization"] = authorization
end

-- Cycle through the requests of BENCH_REQUESTS_FILE, when named: one "METHOD PATH [AUTHORIZATION]" per line. They
-- are formatted in init(), once wrk has set the Host header.
local requests_file = os.getenv("BENCH_REQUESTS_FILE")
local requests = {}
local next_request = 0

local function load_requests()
  for line in io.lines(requests_file) do
    local method, path, token = line:match("^(%u+) (%S+) ?(.*)$")
    local headers = {}
    for name, value in pairs(wrk.headers) do
      headers[name] = value
    end
    if token ~= "" then
      headers["Authorization"] = token
    end
    local body = nil
    if method == "POST" then
      body = ""
    end
    table.insert(requests, wrk.format(method, path, headers, body))
  end
end

if requests_file ~= nil and requests_file ~= "" then
  request = function()
    next_request = next_request % #requests + 1
    return requests[next_request]
  end
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  if requests_file ~= nil and requests_file ~= "" then
    load_requests()
  end
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH_RESULT {\"requests\": %d, \"duration_us\": %d, \"non_2xx\": %d, \"connect\": %d, \"read\": %d, " ..
    "\"write\": %d, \"timeout\": %d, \"p50_us\": %d, \"p90_us\": %d, \"p95_us\": %d, \"p99_us\": %d, " ..
    "\"max_us\": %d}\n",
    summary.requests, summary.duration, bad, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99), latency.max))
end
"""


_HEADER_NAME = re.compile(r"^[A-Za-z0-9-]{1,64}$")
_HEADER_VALUE = re.compile(r"^[\x20-\x7e]{0,512}$")
METHODS = ("GET", "POST")


def wrk_script(method: str = "GET", headers: dict[str, str] | None = None) -> str:
    """`WRK_SCRIPT` for `method` with `headers` added (a POST gets an empty body, hence `Content-Length: 0`)."""
    check_request(method, headers)
    lines = [f'wrk.method = "{method}"']
    if method == "POST":
        lines.append('wrk.body = ""')
    # check_request allowed printable ASCII only: escaping " and \ makes a valid Lua string literal.
    for name, value in (headers or {}).items():
        quoted = value.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'wrk.headers["{name}"] = "{quoted}"')
    return WRK_SCRIPT.replace('wrk.method = "GET"\n', "\n".join(lines) + "\n", 1)


class LoadError(RuntimeError):
    """The load generator could not run or gave no usable result."""


@dataclass(frozen=True)
class Measurement:
    generator: str
    connections: int
    seconds: float
    """Length of the measured window (warm-up excluded)."""
    requests: int
    """Requests answered in the measured window, whatever their status."""
    non_2xx: int
    transport_errors: int
    requests_per_second: float
    p50_ms: float
    p90_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    statuses: dict[str, int] = field(default_factory=dict)
    """Status code (or exception name) → count; the Python generator only."""

    @property
    def errors(self) -> int:
        return self.non_2xx + self.transport_errors


@dataclass(frozen=True)
class Request:
    """One request of a cycle: `path` on the loaded server, with its own `Authorization` (none when empty)."""

    method: str
    path: str
    authorization: str = ""


_PATH = re.compile(r"^/[\x21-\x7e]{0,2047}$")
_AUTHORIZATION = re.compile(r"^[\x20-\x7e]{0,8192}$")


def write_requests(path: Path, requests: list[Request]) -> Path:
    """Write a cycle of requests for `requests_file`, readable by this user only (the lines hold bearer tokens)."""
    if not requests:
        raise LoadError("a request cycle needs at least one request")
    lines = []
    for request in requests:
        check_request(request.method, None)
        if not _PATH.match(request.path) or not _AUTHORIZATION.match(request.authorization):
            raise LoadError(f"refusing request {request.method} {request.path[:80]!r}: printable ASCII only")
        lines.append(f"{request.method} {request.path} {request.authorization}".rstrip(" "))
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write("\n".join(lines) + "\n")
    return path


def read_requests(path: Path) -> list[Request]:
    """The cycle `write_requests` wrote."""
    found = []
    for line in path.read_text(encoding="ascii").splitlines():
        method, target, *authorization = line.split(" ", 2)
        found.append(Request(method, target, authorization[0] if authorization else ""))
    if not found:
        raise LoadError(f"{path} names no request")
    return found


def check_request(method: str, headers: dict[str, str] | None) -> None:
    if method not in METHODS:
        raise LoadError(f"unsupported method {method!r}")
    for name, value in (headers or {}).items():
        if not _HEADER_NAME.match(name) or not _HEADER_VALUE.match(value) or name.lower() == "authorization":
            raise LoadError(f"refusing header {name!r}: fixed ASCII headers only, the token goes through the env")


def check_loopback(url: str) -> None:
    host = httpx.URL(url).host
    if host not in LOOPBACK_HOSTS:
        raise LoadError(f"refusing to load {host!r}: only loopback targets are allowed")


def percentile(ordered: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    if not ordered:
        return 0.0
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
    return ordered[rank - 1]


# ---------------------------------------------------------------------------------------------------------- wrk


def wrk_path() -> str | None:
    return shutil.which("wrk")


def _run_wrk_once(wrk: str, url: str, script: Path, connections: int, seconds: int, env: dict[str, str]) -> str:
    command = [
        wrk,
        "--threads",
        "1",
        "--connections",
        str(connections),
        "--duration",
        f"{seconds}s",
        "--timeout",
        f"{int(REQUEST_TIMEOUT_SECONDS)}s",
        "--script",
        str(script),
        url,
    ]
    try:
        finished = subprocess.run(command, env=env, capture_output=True, text=True, timeout=seconds + 60, check=False)
    except subprocess.TimeoutExpired as exc:
        raise LoadError(f"wrk did not finish within {seconds + 60} s") from exc
    if finished.returncode != 0:
        raise LoadError(f"wrk exited {finished.returncode}: {finished.stderr.strip() or finished.stdout.strip()}")
    return finished.stdout


def run_wrk(
    url: str,
    authorization: str,
    *,
    connections: int,
    warmup: int,
    duration: int,
    workdir: Path,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    requests_file: Path | None = None,
) -> Measurement:
    """A warm-up run that is thrown away, then the measured run; one wrk thread, `connections` connections. With
    `requests_file` (`write_requests`), the requests cycle through its lines, on `url`'s server."""
    check_loopback(url)
    wrk = wrk_path()
    if wrk is None:
        raise LoadError("wrk is not installed")
    script = workdir / "bench-wrk.lua"
    script.write_text(wrk_script(method, headers))
    env = {**os.environ, AUTHORIZATION_ENV: authorization, REQUESTS_FILE_ENV: str(requests_file or "")}
    if warmup > 0:
        _run_wrk_once(wrk, url, script, connections, warmup, env)
    output = _run_wrk_once(wrk, url, script, connections, duration, env)
    lines = [line for line in output.splitlines() if line.startswith(WRK_RESULT_PREFIX)]
    if len(lines) != 1:
        raise LoadError(f"wrk printed no result line:\n{output}")
    raw: dict[str, int] = json.loads(lines[0].removeprefix(WRK_RESULT_PREFIX))
    seconds = raw["duration_us"] / 1e6
    return Measurement(
        generator="wrk",
        connections=connections,
        seconds=round(seconds, 3),
        requests=raw["requests"],
        non_2xx=raw["non_2xx"],
        transport_errors=raw["connect"] + raw["read"] + raw["write"] + raw["timeout"],
        requests_per_second=round(raw["requests"] / seconds, 1) if seconds > 0 else 0.0,
        p50_ms=raw["p50_us"] / 1000,
        p90_ms=raw["p90_us"] / 1000,
        p95_ms=raw["p95_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        max_ms=raw["max_us"] / 1000,
    )


# ------------------------------------------------------------------------------------------------------- Python


@dataclass
class _Recorder:
    measure_from: float
    stop_at: float
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    last_finish: float = 0.0


@dataclass
class _Cycle:
    """The requests every connection takes in turn: (method, URL, headers)."""

    requests: list[tuple[str, str, dict[str, str]]]
    position: int = 0

    def next(self) -> tuple[str, str, dict[str, str]]:
        self.position = (self.position + 1) % len(self.requests)
        return self.requests[self.position]


async def _connection(recorder: _Recorder, cycle: _Cycle) -> None:
    """One keep-alive connection: its own client, so connections never wait on a shared pool's bookkeeping."""
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with httpx.AsyncClient(limits=limits, timeout=REQUEST_TIMEOUT_SECONDS, trust_env=False) as client:
        for _ in range(MAX_REQUESTS_PER_CONNECTION):
            started = time.perf_counter()
            if started >= recorder.stop_at:
                return
            method, url, headers = cycle.next()
            try:
                response = await client.request(method, url, headers=headers)
                outcome = str(response.status_code)
            except httpx.HTTPError as exc:
                outcome = type(exc).__name__
            finished = time.perf_counter()
            if started >= recorder.measure_from:
                recorder.latencies.append(finished - started)
                recorder.statuses[outcome] += 1
                recorder.last_finish = max(recorder.last_finish, finished)


async def _run_python(
    url: str,
    authorization: str,
    connections: int,
    warmup: float,
    duration: float,
    method: str = "GET",
    extra_headers: dict[str, str] | None = None,
    requests: list[Request] | None = None,
) -> Measurement:
    headers = {**(extra_headers or {}), **({"Authorization": authorization} if authorization else {})}
    if requests:
        origin = httpx.URL(url).copy_with(path="/", query=None)
        cycle = _Cycle(
            [
                (
                    request.method,
                    str(origin.join(request.path)),
                    {
                        **(extra_headers or {}),
                        **({"Authorization": request.authorization} if request.authorization else {}),
                    },
                )
                for request in requests
            ]
        )
    else:
        cycle = _Cycle([(method, url, headers)])
    now = time.perf_counter()
    recorder = _Recorder(measure_from=now + warmup, stop_at=now + warmup + duration)
    await asyncio.gather(*(_connection(recorder, cycle) for _ in range(connections)))
    seconds = max(recorder.last_finish - recorder.measure_from, 1e-9)
    ordered = sorted(recorder.latencies)
    non_2xx = sum(n for outcome, n in recorder.statuses.items() if outcome.isdigit() and not outcome.startswith("2"))
    transport = sum(n for outcome, n in recorder.statuses.items() if not outcome.isdigit())
    return Measurement(
        generator="python-httpx",
        connections=connections,
        seconds=round(seconds, 3),
        requests=len(ordered),
        non_2xx=non_2xx,
        transport_errors=transport,
        requests_per_second=round(len(ordered) / seconds, 1),
        p50_ms=percentile(ordered, 0.50) * 1000,
        p90_ms=percentile(ordered, 0.90) * 1000,
        p95_ms=percentile(ordered, 0.95) * 1000,
        p99_ms=percentile(ordered, 0.99) * 1000,
        max_ms=(ordered[-1] if ordered else 0.0) * 1000,
        statuses=dict(recorder.statuses),
    )


def _skip_sniffio_lookup() -> None:
    """httpcore 1.0 runs `import sniffio` on every request; without sniffio installed, each failed import scans
    sys.path again and costs this generator most of its speed. A `None` entry makes that import fail at once,
    and httpcore then assumes asyncio, which is what runs here."""
    if importlib.util.find_spec("sniffio") is None:
        sys.modules["sniffio"] = None  # type: ignore[assignment]


def _event_loop_runner() -> Callable[[Coroutine[Any, Any, Measurement]], Measurement]:
    try:
        import uvloop
    except ImportError:  # pragma: no cover - uvicorn[standard] brings it
        return asyncio.run

    def run(coroutine: Coroutine[Any, Any, Measurement]) -> Measurement:
        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            return runner.run(coroutine)

    return run


def run_python(
    url: str,
    authorization: str,
    *,
    connections: int,
    warmup: int,
    duration: int,
    workdir: Path,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    requests_file: Path | None = None,
) -> Measurement:
    """Run the Python generator in its own process (`python -m bench.loadgen`), never in the caller's."""
    check_loopback(url)
    check_request(method, headers)
    command = [
        sys.executable,
        "-m",
        "bench.loadgen",
        "--url",
        url,
        "--connections",
        str(connections),
        "--warmup",
        str(warmup),
        "--duration",
        str(duration),
        "--method",
        method,
    ]
    for name, value in (headers or {}).items():
        command += ["--header", f"{name}: {value}"]
    if requests_file is not None:
        command += ["--requests-file", str(requests_file)]
    limit = warmup + duration + REQUEST_TIMEOUT_SECONDS + 60
    try:
        finished = subprocess.run(
            command,
            env={**os.environ, AUTHORIZATION_ENV: authorization},
            cwd=Path(__file__).resolve().parent.parent,
            capture_output=True,
            text=True,
            timeout=limit,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise LoadError(f"the Python load generator did not finish within {limit} s") from exc
    if finished.returncode != 0:
        raise LoadError(f"the Python load generator exited {finished.returncode}: {finished.stderr.strip()}")
    return Measurement(**json.loads(finished.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description="Python load generator (one process, asyncio, httpx).")
    parser.add_argument("--url", required=True)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--method", choices=METHODS, default="GET")
    parser.add_argument("--header", action="append", default=[], help="`Name: value`, repeatable")
    parser.add_argument(
        "--requests-file", type=Path, help="cycle through these requests (bench.loadgen.write_requests)"
    )
    args = parser.parse_args()
    if (
        not 1 <= args.connections <= 1024
        or not 0 <= args.warmup <= MAX_SECONDS
        or not 1 <= args.duration <= MAX_SECONDS
    ):
        parser.error("connections must be 1..1024, warmup 0..3600 and duration 1..3600")
    headers = {}
    for header in args.header:
        name, _, value = header.partition(":")
        headers[name.strip()] = value.strip()
    try:
        check_loopback(args.url)
        check_request(args.method, headers)
        requests = read_requests(args.requests_file) if args.requests_file else None
    except (LoadError, OSError, ValueError) as exc:
        parser.error(str(exc))
    authorization = os.environ.get(AUTHORIZATION_ENV, "")
    _skip_sniffio_lookup()
    measurement = _event_loop_runner()(
        _run_python(
            args.url,
            authorization,
            args.connections,
            float(args.warmup),
            float(args.duration),
            args.method,
            headers,
            requests,
        )
    )
    print(json.dumps(asdict(measurement)))


if __name__ == "__main__":
    main()
