"""Browser tests: every test under tests/a11y carries the `a11y` marker (added here, no need to write it), runs in
the SQLite pass of `make test` only, and needs what `make a11y-deps` installs. Without it the tests fail in CI
(`CI=true`) and are skipped elsewhere, with the command to run.

`live_server` is the real service in its own process, on its own SQLite database in a temporary data directory,
shared by the whole session: create what a test needs through its API (or with the `passerelle` command line and
`live_server_environment`), under names no other test uses.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from selenium.webdriver.chrome.webdriver import WebDriver

from tests.a11y.harness import chromium, missing_dependencies
from tests.servers import LOOPBACK, free_port

HERE = Path(__file__).parent
BIN = Path(sys.executable).parent


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "a11y: runs a real headless Chromium (make a11y-deps); SQLite pass only")


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects: `-m "not a11y"` must see the marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.a11y)


def _require_browser() -> None:
    missing = missing_dependencies()
    if missing:
        message = f"missing {', '.join(missing)}: run `make a11y-deps` (as root, for apt-get)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[WebDriver]:
    """One headless Chromium for the session; pass it as `driver=` to the harness functions."""
    _require_browser()
    with chromium() as driver:
        yield driver


@pytest.fixture(scope="session")
def live_server_environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment the live server runs with: run `passerelle` commands with it to act on the same data."""
    port = free_port()
    environment = {name: value for name, value in os.environ.items() if not name.startswith("PASSERELLE_")}
    environment.update(
        PASSERELLE_DATA_DIR=str(tmp_path_factory.mktemp("live-server") / "var"),
        PASSERELLE_HOST=LOOPBACK,
        PASSERELLE_PORT=str(port),
        PASSERELLE_PUBLIC_URL=f"http://{LOOPBACK}:{port}",
    )
    return environment


@pytest.fixture(scope="session")
def live_server(live_server_environment: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The service, migrated and serving over HTTP; yields its base URL (also its PASSERELLE_PUBLIC_URL)."""
    environment = live_server_environment
    passerelle = str(BIN / "passerelle")
    migrated = subprocess.run(
        [passerelle, "migrate"], env=environment, capture_output=True, text=True, timeout=120, check=False
    )
    assert migrated.returncode == 0, migrated.stderr
    log_path = tmp_path_factory.mktemp("live-server-log") / "server.log"
    base_url = environment["PASSERELLE_PUBLIC_URL"]
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [passerelle, "serve", "--host", LOOPBACK, "--port", environment["PASSERELLE_PORT"]],
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_until_ready(base_url, process, log_path)
            yield base_url
        finally:
            process.terminate()
            process.wait(timeout=10)


def _wait_until_ready(base_url: str, process: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{base_url}/readyz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    pytest.fail(f"the service did not become ready at {base_url}:\n{log_path.read_text()}")
