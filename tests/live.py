"""`passerelle serve` as real processes on loopback, for tests that need HTTP between processes: one migrated SQLite
database of its own (in a temporary directory) served by one or more instances."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.servers import LOOPBACK, free_port, wait_for_port

PASSERELLE = [sys.executable, "-c", "from api.cli import main; main()"]
ADMIN_EMAIL = "admin@example.org"
ADMIN_PASSWORD = "correct horse battery staple"


@dataclass(frozen=True)
class Deployment:
    urls: list[str]
    env: dict[str, str]

    def run(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*PASSERELLE, *args], env=self.env, input=stdin, capture_output=True, text=True, timeout=120, check=False
        )


@contextmanager
def deployment(directory: Path, *, instances: int = 1, settings: dict[str, str] | None = None) -> Iterator[Deployment]:
    """Migrate a database in `directory`, create the administrator, serve it from `instances` processes."""
    ports = [free_port() for _ in range(instances)]
    env = {
        **os.environ,
        "PASSERELLE_DATA_DIR": str(directory),
        "PASSERELLE_PUBLIC_URL": f"http://{LOOPBACK}:{ports[0]}",
        "PASSERELLE_OUTBOUND_ALLOWED_HOSTS": json.dumps([LOOPBACK]),
        "PASSERELLE_LOG_LEVEL": "warning",
        **(settings or {}),
    }
    env.pop("PASSERELLE_DATABASE_URL", None)
    live = Deployment([f"http://{LOOPBACK}:{port}" for port in ports], env)
    migrated = live.run("migrate")
    assert migrated.returncode == 0, migrated.stderr
    created = live.run(
        "user", "create", "--email", ADMIN_EMAIL, "--role", "admin", "--password-stdin", stdin=ADMIN_PASSWORD
    )
    assert created.returncode == 0, created.stderr
    with ExitStack() as stack:
        for port in ports:
            server = subprocess.Popen(
                [*PASSERELLE, "serve", "--host", LOOPBACK, "--port", str(port)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            stack.callback(_stop, server)
        for port in ports:
            wait_for_port(port, seconds=30)
        yield live


def _stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    server.wait(timeout=10)
