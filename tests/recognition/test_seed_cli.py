"""`passerelle seed` as a separate process, and what the service answers before the data is there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.errors import ServiceUnavailable
from recognition.catalogue import Catalogue
from recognition.compare import compare

BIN = Path(sys.executable).parent


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "passerelle"), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PASSERELLE_")}
    env["PASSERELLE_DATA_DIR"] = str(tmp_path / "var")
    return env


class TestSeedCommand:
    def test_loads_once_then_changes_nothing(self, environment: dict[str, str]) -> None:
        assert _run(["migrate"], environment).returncode == 0
        pending = _run(["seed", "--check"], environment)
        assert (pending.returncode, pending.stdout.splitlines()[-1]) == (1, "changes pending")
        first = _run(["seed"], environment)
        assert first.returncode == 0, first.stderr
        assert "level: 202 created" in first.stdout
        again = _run(["seed"], environment)
        assert "level: 0 created, 0 updated, 0 deleted, 202 unchanged" in again.stdout
        assert again.stdout.splitlines()[-1] == "recognition data already up to date"
        assert _run(["seed", "--check"], environment).returncode == 0

    def test_refuses_an_unmigrated_database(self, environment: dict[str, str]) -> None:
        result = _run(["seed"], environment)
        assert result.returncode == 2
        assert "passerelle migrate" in result.stderr


class TestWithoutData:
    def test_comparisons_wait_for_the_seed(self) -> None:
        with pytest.raises(ServiceUnavailable, match="passerelle seed"):
            compare(
                Catalogue([], [], [], version=None),
                level="8",
                country="IE",
                framework=None,
                target_country=None,
                target_framework=None,
            )
