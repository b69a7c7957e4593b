"""Body and pagination limits (OWASP API4; issue 10; test plan items 16 and 17).

Oversized bodies are refused with a 413 problem before anything reads them whole, with or without a declared
length; arrays in request bodies are bounded (422 past the bound); every `limit` query parameter has a documented
maximum and a huge one is refused; and a real `passerelle serve` process gives back the memory of 100 oversized
requests.
"""

from __future__ import annotations

import gc
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from core.settings import Settings
from tests.api.test_mass_assignment import _callers, _json_operations, _url
from tests.factories import PASSWORD, Account, import_file
from tests.servers import LOOPBACK, free_port, wait_for_port

PAGE_SIZE_NAMES = frozenset({"limit", "page_size", "per_page", "size", "count", "max_results"})


async def _count(connection: AsyncConnection, table: str) -> int:
    value = await connection.scalar(text(f"SELECT count(*) FROM {table}"))  # noqa: S608 - fixed table names
    return int(value or 0)


def _assert_problem(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["code"] == code and body["type"] == f"/problems/{code}"


async def _chunks(total: int, size: int = 64 * 1024) -> AsyncIterator[bytes]:
    yield b'{"items": ["'
    sent = 0
    while sent < total:
        yield b"x" * size
        sent += size
    yield b'"]}'


class TestBodySize:
    async def test_an_oversized_json_body_is_413_and_creates_nothing(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account, settings: Settings
    ) -> None:
        before = await _count(connection, "shares")
        body = json.dumps({"items": [], "purpose": "x" * (settings.json_body_limit + 1)})
        response = await client.post(
            "/v1/wallet/shares", content=body, headers={**learner.headers, "Content-Type": "application/json"}
        )
        _assert_problem(response, 413, "content_too_large")
        assert await _count(connection, "shares") == before

    async def test_an_oversized_body_without_a_length_is_413_once_the_limit_is_passed(
        self, client: httpx.AsyncClient, learner: Account, settings: Settings
    ) -> None:
        response = await client.post(
            "/v1/wallet/shares",
            content=_chunks(settings.json_body_limit + 1),
            headers={**learner.headers, "Content-Type": "application/json"},
        )
        assert "content-length" not in response.request.headers
        _assert_problem(response, 413, "content_too_large")

    async def test_a_lying_or_malformed_content_length_is_refused(self, client: httpx.AsyncClient) -> None:
        for declared in ("99999999999", "-1", "1e3"):
            response = await client.post(
                "/v1/auth/signup",
                content=b"{}",
                headers={"Content-Type": "application/json", "Content-Length": declared},
            )
            _assert_problem(response, 413, "content_too_large")

    @pytest.mark.parametrize("path", ["/s/{token}/reveal", "/endorse/{token}"])
    async def test_a_413_on_a_link_does_not_echo_its_token(
        self, client: httpx.AsyncClient, settings: Settings, path: str
    ) -> None:
        token = "Tk" * 21 + "x"
        response = await client.post(
            path.format(token=token),
            content=b"x" * (settings.json_body_limit + 1),
            headers={"Content-Type": "application/json"},
        )
        _assert_problem(response, 413, "content_too_large")
        assert token not in response.text and response.json()["instance"] == path
        # Every answer under a link carries the link pages' privacy headers, whatever refused it.
        assert response.headers["x-robots-tag"] == "noindex, nofollow"
        assert response.headers["referrer-policy"] == "no-referrer" and response.headers["cache-control"] == "no-store"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]

    async def test_an_upload_over_the_upload_limit_is_413(
        self, client: httpx.AsyncClient, learner: Account, settings: Settings
    ) -> None:
        response = await client.post(
            "/v1/wallet/credentials",
            content=b" " * (settings.upload_body_limit + 1),
            headers={**learner.headers, "Content-Type": "application/ld+json"},
        )
        _assert_problem(response, 413, "content_too_large")


BOUNDED_BY_BYTES = {
    # The wallet's normalised credential summary, accepted inline by the completeness and stacking checks: its lists
    # mirror what a credential document holds (an ELMO transcript: up to 1,000 parts), so they are bounded by the
    # 2 MiB JSON body limit, not by an item count that a real document could exceed.
    "Summary",
}


def _unbounded_arrays(document: dict[str, Any], schema: Any, seen: set[str], trail: str) -> list[str]:
    if isinstance(schema, list):
        return [found for item in schema for found in _unbounded_arrays(document, item, seen, trail)]
    if not isinstance(schema, dict):
        return []
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name in seen or name in BOUNDED_BY_BYTES:
            return []
        seen.add(name)
        return _unbounded_arrays(document, document["components"]["schemas"][name], seen, f"{trail} → {name}")
    found = [trail] if schema.get("type") == "array" and "maxItems" not in schema else []
    for key, value in schema.items():
        if key == "properties":
            for prop, item in value.items():
                found.extend(_unbounded_arrays(document, item, seen, f"{trail}.{prop}"))
        elif isinstance(value, dict | list):
            found.extend(_unbounded_arrays(document, value, seen, trail))
    return found


class TestArrays:
    async def test_every_array_in_a_json_request_body_has_a_maximum(self, client: httpx.AsyncClient) -> None:
        document: dict[str, Any] = client.app.openapi()  # type: ignore[attr-defined]
        unbounded = {
            f"{method} {path}: {found}"
            for method, path, name, _, _ in _json_operations(document)
            for found in _unbounded_arrays(document, {"$ref": f"#/components/schemas/{name}"}, set(), name)
        }
        assert unbounded == set()

    async def test_an_over_long_array_is_422_and_creates_nothing(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account
    ) -> None:
        imported = await import_file(client, learner, "ob3-simple.json", "application/ld+json")
        item = {"credential_id": imported.json()["id"], "fields": ["title"]}
        before = await _count(connection, "shares")
        response = await client.post(
            "/v1/wallet/shares", json={"items": [item] * 51, "purpose": "Too many"}, headers=learner.headers
        )
        _assert_problem(response, 422, "invalid_input")
        assert any(error["type"] == "too_long" for error in response.json()["errors"])
        assert await _count(connection, "shares") == before

    async def test_a_million_element_array_under_the_byte_limit_is_422(
        self, client: httpx.AsyncClient, learner: Account, settings: Settings
    ) -> None:
        body = b'{"purpose": "x", "items": [' + b",".join([b"0"] * 1_000_000) + b"]}"
        assert len(body) < settings.json_body_limit
        started = time.perf_counter()
        response = await client.post(
            "/v1/wallet/shares", content=body, headers={**learner.headers, "Content-Type": "application/json"}
        )
        _assert_problem(response, 422, "invalid_input")
        assert len(response.content) < 64 * 1024  # not one error per element
        assert time.perf_counter() - started < 30  # generous: catches a quadratic path, not a slow machine


class TestPageSizes:
    async def test_every_page_size_parameter_has_a_documented_maximum(self, client: httpx.AsyncClient) -> None:
        document: dict[str, Any] = client.app.openapi()  # type: ignore[attr-defined]
        found, unbounded = 0, []
        for path, operations in document["paths"].items():
            for method, operation in operations.items():
                for parameter in operation.get("parameters", []):
                    if parameter["in"] == "query" and parameter["name"] in PAGE_SIZE_NAMES:
                        found += 1
                        schema = parameter["schema"]
                        options = schema.get("anyOf", [schema])
                        if not all("maximum" in option or option.get("type") == "null" for option in options):
                            unbounded.append(f"{method.upper()} {path} ?{parameter['name']}")
        assert found >= 5
        assert unbounded == []

    async def test_a_huge_limit_is_refused_everywhere(
        self, client: httpx.AsyncClient, connection: AsyncConnection, learner: Account, admin: Account
    ) -> None:
        callers = await _callers(client, connection, learner, admin)
        document: dict[str, Any] = client.app.openapi()  # type: ignore[attr-defined]
        tried = 0
        for path, operations in document["paths"].items():
            operation = operations.get("get")
            if operation is None:
                continue
            names = [
                p["name"]
                for p in operation.get("parameters", [])
                if p["in"] == "query" and p["name"] in PAGE_SIZE_NAMES
            ]
            if not names:
                continue
            url = _url(path, operation)
            for value in (10**9, 0, -1):
                answered = False
                for headers in callers.values():
                    response = await client.get(url, params=dict.fromkeys(names, value), headers=headers)
                    if response.status_code in (401, 403):
                        continue
                    assert response.status_code == 422, (path, value, response.status_code, response.text)
                    assert any(error["location"][:2] == ["query", names[0]] for error in response.json()["errors"])
                    answered = True
                    break
                assert answered, f"GET {path}: no caller got past authentication"
            tried += 1
        assert tried >= 5


# --- memory of a real server ----------------------------------------------------------------------------------------

MIB = 1024 * 1024
PASSERELLE = [sys.executable, "-c", "from api.cli import main; main()"]


def _rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def _raw_request(port: int, head: bytes, body: bytes, *, chunked: bool) -> int:
    """Send one request over a plain socket and return the status; the server may answer (and close) before the
    body is through, which is the point of a limit."""
    with socket.create_connection((LOOPBACK, port), timeout=30) as connection:
        connection.sendall(head)
        try:
            if chunked:
                for start in range(0, len(body), 256 * 1024):
                    piece = body[start : start + 256 * 1024]
                    connection.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
                connection.sendall(b"0\r\n\r\n")
            else:
                connection.sendall(body)
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = b""
        try:
            while b"\r\n" not in answer:
                chunk = connection.recv(4096)
                if not chunk:
                    break
                answer += chunk
        except ConnectionResetError:
            pass
    return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else 0


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, int]]:
    """`passerelle serve` on its own migrated SQLite database and a free loopback port: (pid, port)."""
    directory = tmp_path_factory.mktemp("limits-live")
    port = free_port()
    env = {
        **os.environ,
        "PASSERELLE_DATA_DIR": str(directory),
        "PASSERELLE_PUBLIC_URL": f"http://{LOOPBACK}:{port}",
        "PASSERELLE_LOG_LEVEL": "warning",
    }
    env.pop("PASSERELLE_DATABASE_URL", None)
    migrated = subprocess.run([*PASSERELLE, "migrate"], env=env, capture_output=True, timeout=120, check=False)
    assert migrated.returncode == 0, migrated.stderr
    server = subprocess.Popen(
        [*PASSERELLE, "serve", "--host", LOOPBACK, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, seconds=30)
        yield server.pid, port
    finally:
        server.terminate()
        server.wait(timeout=10)


class TestMemory:
    def test_memory_returns_to_baseline_after_100_oversized_requests(self, live_server: tuple[int, int]) -> None:
        pid, port = live_server
        base = f"http://{LOOPBACK}:{port}"
        with httpx.Client(base_url=base, timeout=30) as http:
            signed_up = http.post(
                "/v1/auth/signup", json={"email": "ada@example.org", "password": PASSWORD, "display_name": "Ada"}
            )
            assert signed_up.status_code == 201, signed_up.text
            tokens = http.post(
                "/v1/auth/token", data={"grant_type": "password", "username": "ada@example.org", "password": PASSWORD}
            ).json()
        bearer = f"Bearer {tokens['access_token']}".encode()
        five_mib = b'{"a": "' + b"x" * (5 * MIB - 10) + b'"}'
        requests = [
            # Declared too large: refused from the headers, the body never read.
            (
                b"POST /v1/wallet/shares HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Authorization: " + bearer + b"\r\nContent-Length: %d\r\n\r\n" % len(five_mib),
                False,
                413,
            ),
            # Undeclared length: read up to the 2 MiB JSON limit, then refused.
            (
                b"POST /v1/wallet/shares HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Authorization: " + bearer + b"\r\nTransfer-Encoding: chunked\r\n\r\n",
                True,
                413,
            ),
            # Under the 10 MiB upload limit: read whole, parsed strictly and refused as no credential.
            (
                b"POST /v1/wallet/credentials HTTP/1.1\r\nHost: x\r\nContent-Type: application/ld+json\r\n"
                b"Authorization: " + bearer + b"\r\nContent-Length: %d\r\n\r\n" % len(five_mib),
                False,
                422,
            ),
        ]
        for head, chunked, expected in requests * 2:  # warm-up: imports, pools and allocator arenas settle
            assert _raw_request(port, head, five_mib, chunked=chunked) == expected
        time.sleep(0.5)
        baseline = _rss(pid)
        statuses = [
            _raw_request(port, head, five_mib, chunked=chunked)
            for index in range(100)
            for head, chunked, _ in [requests[index % len(requests)]]
        ]
        expected_statuses = [requests[index % len(requests)][2] for index in range(100)]
        assert statuses == expected_statuses
        time.sleep(0.5)
        gc.collect()  # ours, harmless; the server's own allocator returns freed arenas by itself
        after = _rss(pid)
        growth = after - baseline
        assert growth < 16 * MIB, f"RSS grew {growth / MIB:.1f} MiB over 100 oversized requests"
