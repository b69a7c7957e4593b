"""The shipped data and its seed: every row sourced, dated and graded; the seed idempotent."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import col

from core.database import create_sessionmaker
from recognition.catalogue import DATA_DIR
from recognition.models import Framework, FrameworkLevel, RecognitionChange
from recognition.seed import InvalidSeedData, read_data, seed

STATUSES = {"verified", "partly verified", "believed"}
# recognition-facts.md §3: the 18 countries and regions, plus Croatia and Slovenia with their status.
JURISDICTIONS = {
    "IE", "GB-SCT", "GB-ENG", "GB-NIR", "GB-WLS", "DE", "FR", "NL", "PL", "AT", "IT", "ES", "PT", "SE", "FI", "DK",
    "BE-VLG", "EE", "MT", "HR", "SI",
}  # fmt: skip


def _rows(document: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every object in a data file that is a row: it has a label, a key, a system or a code."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(document, dict):
        if {"label", "key", "system", "code"} & set(document):
            found.append((path, document))
        for name, value in document.items():
            found.extend(_rows(value, f"{path}.{name}"))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found.extend(_rows(value, f"{path}[{index}]"))
    return found


def _data_files() -> list[Path]:
    return sorted(DATA_DIR.rglob("*.json"))


class TestShippedData:
    def test_every_row_has_a_source_an_as_of_date_and_a_status(self) -> None:
        checked = 0
        for path in _data_files():
            for where, row in _rows(json.loads(path.read_text("utf-8"))):
                label = f"{path.name}{where}"
                assert str(row.get("source_url", "")).startswith(("https://", "http://")), label
                assert date.fromisoformat(row.get("as_of", "")) <= date.today(), label
                assert row.get("status") in STATUSES, label
                checked += 1
        assert checked > 250

    def test_the_researched_countries_and_regions_are_all_there(self) -> None:
        data = read_data()
        covered = {code for framework in data.frameworks for code in framework["jurisdictions"]}
        assert covered >= JURISDICTIONS

    def test_a_level_read_as_several_eqf_levels_says_what_decides(self) -> None:
        for framework in read_data().frameworks:
            for level in framework["levels"]:
                if len(level["eqf_levels"]) > 1:
                    assert level["decided_by"], (framework["key"], level["label"])

    def test_names_are_in_the_original_language_and_in_english(self) -> None:
        for framework in read_data().frameworks:
            assert framework["name_original"] and framework["name_english"], framework["key"]
        frameworks = {framework["key"]: framework for framework in read_data().frameworks}
        assert frameworks["DE-DQR"]["name_original"].startswith("Deutscher Qualifikationsrahmen")

    def test_the_seed_refuses_a_row_without_provenance(self, tmp_path: Path) -> None:
        for path in _data_files():
            target = tmp_path / path.relative_to(DATA_DIR)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
        broken = tmp_path / "frameworks" / "ie-nfq.json"
        document = json.loads(broken.read_text("utf-8"))
        del document["levels"][7]["as_of"]
        broken.write_text(json.dumps(document))
        with pytest.raises(InvalidSeedData, match="as_of"):
            read_data(tmp_path)


class TestSeed:
    async def test_seeding_twice_changes_nothing(self, connection: AsyncConnection) -> None:
        async with create_sessionmaker(connection)() as session:
            changes_before = (await session.execute(select(func.count()).select_from(RecognitionChange))).scalar_one()
            report = await seed(session)
            changes_after = (await session.execute(select(func.count()).select_from(RecognitionChange))).scalar_one()
        assert not report.changed
        assert report.unchanged["level"] > 200
        assert changes_after == changes_before

    async def test_a_changed_shipped_row_is_updated_and_audited(self, connection: AsyncConnection) -> None:
        data = read_data()
        ireland = next(framework for framework in data.frameworks if framework["key"] == "IE-NFQ")
        ireland["levels"][7]["examples"] = [*ireland["levels"][7]["examples"], "Honours Bachelor (test edition)"]
        async with create_sessionmaker(connection)() as session:
            report = await seed(session, data)
            level = (
                await session.execute(
                    select(FrameworkLevel)
                    .join(Framework, col(Framework.id) == col(FrameworkLevel.framework_id))
                    .where(col(Framework.key) == "IE-NFQ", col(FrameworkLevel.label) == "8")
                )
            ).scalar_one()
            audit = (
                await session.execute(select(RecognitionChange).order_by(col(RecognitionChange.id).desc()).limit(1))
            ).scalar_one()
        assert report.updated == {"level": 1}
        assert "Honours Bachelor (test edition)" in level.examples
        assert (audit.actor_role, audit.entity_key, audit.action) == ("seed", "IE-NFQ 8", "update")
        assert list(audit.new_values) == ["examples"]
