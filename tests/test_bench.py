"""The benchmarks' own arithmetic: the rows of `make bench`'s table, their ratios and verdicts, the growth check's
figure, and the request cycles of the load generator. The benchmarks themselves run with `make bench`."""

from __future__ import annotations

import stat
from dataclasses import asdict
from pathlib import Path

import pytest

from bench import all as bench_all
from bench import growth, verification
from bench.loadgen import LoadError, Measurement, Request, read_requests, write_requests, wrk_script

pytestmark = pytest.mark.database_independent


def measurement(requests_per_second: float, *, p95_ms: float = 10.0, non_2xx: int = 0) -> Measurement:
    return Measurement(
        generator="wrk",
        connections=32,
        seconds=5.0,
        requests=int(requests_per_second * 5),
        non_2xx=non_2xx,
        transport_errors=0,
        requests_per_second=requests_per_second,
        p50_ms=p95_ms / 2,
        p90_ms=p95_ms * 0.9,
        p95_ms=p95_ms,
        p99_ms=p95_ms * 1.5,
        max_ms=p95_ms * 3,
    )


def target(m: Measurement) -> dict[str, object]:
    """A measurement as the benchmarks write it into their JSON."""
    return {**asdict(m), "errors": m.errors}


class TestRows:
    def test_credential_read_keeps_its_ratio_target_and_errors(self) -> None:
        result = {
            "database": "postgres",
            "targets": {"service": target(measurement(2_600.0, non_2xx=3)), "baseline": target(measurement(5_200.0))},
            "throughput_ratio": 0.5,
            "target_ratio": 0.5,
        }
        (row,) = bench_all.credential_read_rows(result)
        assert (row.measure, row.database, row.service_per_second, row.baseline_per_second) == (
            "credential read",
            "postgres",
            2_600.0,
            5_200.0,
        )
        assert row.errors == 3
        assert row.met  # exactly at the target counts as met

    def test_sharing_gives_a_row_per_case_with_its_own_target(self) -> None:
        outcome = {
            "database": "sqlite",
            "cases": {
                "landing-json": {
                    "targets": {"service": target(measurement(1_000.0)), "baseline": target(measurement(3_000.0))},
                    "throughput_ratio": 0.3333,
                    "target_ratio": 0.6,
                },
                "reveal-json": {
                    "targets": {"service": target(measurement(1_300.0)), "baseline": target(measurement(3_000.0))},
                    "throughput_ratio": 0.4333,
                    "target_ratio": 0.4,
                },
            },
        }
        rows = bench_all.sharing_rows(outcome)
        assert [(row.measure, row.target, row.met) for row in rows] == [
            ("share landing (JSON)", 0.6, False),
            ("share reveal", 0.4, True),
        ]

    def test_level_compare_reports_the_median_of_its_rounds_ratios(self) -> None:
        rounds = [
            {"service": target(measurement(s)), "baseline": target(measurement(b)), "throughput_ratio": s / b}
            for s, b in ((900.0, 1_000.0), (2_000.0, 4_000.0), (1_600.0, 2_000.0))
        ]
        result = {"database": "sqlite", "rounds_measured": rounds, "throughput_ratio": 0.8, "target_ratio": 0.7}
        (row,) = bench_all.recognition_rows(result)
        assert row.ratio == 0.8  # the benchmark's median of ratios, not 1,600 / 2,000 of the medians
        assert (row.service_per_second, row.baseline_per_second) == (1_600.0, 2_000.0)
        assert "3 rounds" in row.baseline

    def test_verification_has_no_database(self) -> None:
        result = verification.CaseResult(
            case="sd-jwt-vc",
            description="",
            baseline="",
            document_bytes=900,
            pipeline_ops_per_second=1_200.0,
            pipeline_iterations=3_600,
            pipeline_seconds=3.0,
            baseline_ops_per_second=3_000.0,
            baseline_iterations=9_000,
            baseline_seconds=3.0,
            ratio=0.4,
            target_met=False,
        )
        (row,) = bench_all.verification_rows(result)
        assert row.database is None
        assert (row.ratio, row.target, row.met) == (0.4, 0.5, False)

    def test_ingest_compares_credentials_with_raw_verifications(self) -> None:
        result = {
            "database": "postgres",
            "ingest_credentials_per_second": 1_300.0,
            "raw_es256_verifications_per_second": 10_000.0,
            "ratio": 0.13,
            "target_ratio": 0.25,
        }
        (row,) = bench_all.ingest_rows(result)
        assert (row.unit, row.ratio, row.met) == ("credentials", 0.13, False)


class TestFormatTable:
    def test_a_line_per_row_and_the_count_of_targets_met(self) -> None:
        rows = [
            bench_all.Row("credential read", "sqlite", 3_143.1, 5_254.8, "requests", 0.598, 0.5, "bare app"),
            bench_all.Row("SD-JWT VC verify", None, 950.0, 3_100.0, "verifications", 0.306, 0.5, "jose"),
        ]
        lines = bench_all.format_table(rows).splitlines()
        assert len(lines) == 2 + len(rows) + 1
        assert "SQLite" in lines[2] and "59.8%" in lines[2] and "≥ 50%" in lines[2] and " met " in lines[2]
        assert " — " in lines[3] and "missed by 19.4 points" in lines[3]
        assert lines[-1] == "targets met: 1 of 2"

    def test_rows_are_grouped_by_measure_sqlite_first(self) -> None:
        def row(measure: str, database: str | None) -> bench_all.Row:
            return bench_all.Row(measure, database, 1.0, 1.0, "requests", 1.0, 0.5, "")

        rows = [
            row("batch ingest", "postgres"),
            row("credential read", "postgres"),
            row("SD-JWT VC verify", None),
            row("credential read", "sqlite"),
            row("share reveal", "sqlite"),
        ]
        assert [(r.measure, r.database) for r in bench_all.sort_rows(rows)] == [
            ("credential read", "sqlite"),
            ("credential read", "postgres"),
            ("share reveal", "sqlite"),
            ("SD-JWT VC verify", None),
            ("batch ingest", "postgres"),
        ]


class TestGrowthVerdict:
    def test_median_over_rounds_of_the_p95_ratio(self) -> None:
        pairs = [
            growth.Pair(measurement(1.0, p95_ms=10.0), measurement(1.0, p95_ms=p95))
            for p95 in (11.0, 30.0, 14.0)  # one noisy round does not decide
        ]
        assert growth.median_p95_ratio(pairs) == pytest.approx(1.4)
        assert growth.verdict(1.4) == "met"
        assert growth.verdict(1.5) == "met"
        assert growth.verdict(1.8).startswith("NOT met")


class TestRequestCycle:
    def test_written_for_the_owner_only_and_read_back(self, tmp_path: Path) -> None:
        requests = [
            Request("GET", "/v1/wallet/credentials/0193", "Bearer " + "a" * 900),
            Request("POST", "/s/token-1/reveal"),
        ]
        path = write_requests(tmp_path / "cycle.txt", requests)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert read_requests(path) == requests

    def test_refuses_what_would_break_a_line(self, tmp_path: Path) -> None:
        with pytest.raises(LoadError):
            write_requests(tmp_path / "cycle.txt", [Request("GET", "/s/a b")])
        with pytest.raises(LoadError):
            write_requests(tmp_path / "cycle.txt", [Request("GET", "/x", "Bearer a\nHost: evil")])
        with pytest.raises(LoadError):
            write_requests(tmp_path / "cycle.txt", [])

    def test_the_wrk_script_reports_p95(self) -> None:
        script = wrk_script("POST", {"Accept": "application/json"})
        assert "latency:percentile(95)" in script
        assert 'wrk.body = ""' in script
