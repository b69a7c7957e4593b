"""Offer catalogue benchmark: the public search `GET /v1/offers` over a catalogue of 1,000 offers and one of 100,000,
in the same run, on the same kind of database.

For each database the run starts two real services (`passerelle migrate`, `passerelle serve`, one uvicorn worker
each), one per catalogue, on fresh data directories and fresh SQLite files or PostgreSQL databases; writes 200
institutions of every provider kind and the offers straight into their tables through the service's own table
definitions, in bulk (the search text in the form the service gives it; SQLite's FTS5 triggers and PostgreSQL's
generated tsvector columns index it as they would any insert), then `ANALYZE`; and sends a mix of twelve realistic
searches — words alone, words with filters, filters alone — to each service in alternating rounds (small, large,
small, …), one keep-alive connection, sequential requests: latency, not throughput. It prints p50 and p95 per
catalogue and round, and the median ratios large/small; and writes `bench/results/offers-<database>.json`. The
issue's target: p95 large/small ≤ 1.5 on SQLite and on PostgreSQL. See bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from bench.credential_read import (
    DEFAULT_PG_ADMIN_URL,
    RESULTS_DIR,
    SetupFailed,
    clean_environment,
    postgres_database,
    run_benchmark,
    start_service,
)

TARGET_RATIO = 1.5
SMALL, LARGE = 1_000, 100_000
INSTITUTIONS = 200
KINDS = (
    "university",
    "vet_school",
    "adult_education",
    "ngo",
    "employer",
    "chamber",
    "public_employment_service",
    "municipality",
    "other",
)
COUNTRIES = ("DE", "FR", "NL", "IT", "ES", "PL", "SE", "IE", "AT", "PT", "FI", "MT")
LANGUAGES = ("en", "de", "fr", "nl", "it", "es", "pl", "sv", "pt", "fi")
# ISCED-F detailed field → words its offers are about.
TOPICS: dict[str, tuple[str, ...]] = {
    "0613": ("python", "programming", "software", "web", "development", "cloud", "javascript", "testing"),
    "0612": ("database", "sql", "data", "modelling", "administration", "analytics"),
    "0542": ("statistics", "data", "analysis", "survey", "visualisation", "research"),
    "0413": ("leadership", "management", "project", "team", "strategy", "agile"),
    "0416": ("sales", "retail", "customer", "marketing", "negotiation"),
    "0715": ("welding", "metal", "fabrication", "cnc", "machining", "safety"),
    "0713": ("solar", "energy", "electrical", "installation", "sustainable", "heat", "pump"),
    "0913": ("care", "nursing", "elderly", "health", "assistant", "dementia"),
    "0923": ("social", "community", "youth", "work", "counselling", "mediation"),
    "0231": ("english", "german", "french", "language", "conversation", "business", "writing"),
    "0111": ("teaching", "pedagogy", "digital", "classroom", "assessment", "trainer"),
    "0811": ("agriculture", "organic", "farming", "soil", "crop", "sustainable"),
    "1015": ("tourism", "hospitality", "travel", "guide", "events"),
    "0732": ("construction", "building", "renovation", "insulation", "carpentry"),
}
FILLER = [
    "practical",
    "skills",
    "learners",
    "apply",
    "at",
    "work",
    "with",
    "guided",
    "exercises",
    "case",
    "studies",
    "and",
    "a",
    "final",
    "project",
    "reviewed",
    "by",
    "tutors",
    "peers",
    "and",
    "employers",
    "in",
    "small",
    "groups",
    "online",
    "sessions",
    "workshops",
    "and",
    "self",
    "study",
]
OPENERS = ("Introduction to", "Advanced", "Foundations of", "Applied", "Certificate in", "Workshop:", "Essentials of")
QUERIES: tuple[str, ...] = (
    "/v1/offers?q=python",
    "/v1/offers?q=data+analysis&country=DE",
    "/v1/offers?field=06&eqf_level=6",
    "/v1/offers?online=true&free=true",
    "/v1/offers?q=welding&provider_kind=chamber",
    "/v1/offers?q=care&language=de",
    "/v1/offers?field=0913&ects_min=5&ects_max=15",
    "/v1/offers?q=leadership+management&online=true",
    "/v1/offers",
    "/v1/offers?provider_kind=ngo&country=FR",
    "/v1/offers?q=sustainable+energy&eqf_level=5",
    "/v1/offers?q=english&free=false",
)


def _offer(rng: random.Random, institution: tuple[uuid.UUID, str, str, str], created: datetime) -> dict[str, Any]:
    from recognition.offers.search import search_form

    institution_id, name, country, kind = institution
    field = rng.choice(list(TOPICS))
    words = TOPICS[field]
    title = f"{rng.choice(OPENERS)} {' '.join(rng.sample(words, 2))}"
    description = " ".join(rng.choice(words + tuple(FILLER)) for _ in range(30))
    outcomes = [" ".join(rng.sample(words, 2) + rng.sample(FILLER, 4)) for _ in range(3)]
    eqf = rng.randint(2, 8)
    hours = rng.random() < 0.3
    ects = rng.choice((1, 2, 3, 4, 5, 6, 10, 15, 30))
    participation = rng.choice(("online", "onsite", "blended"))
    languages = list(dict.fromkeys((rng.choice(LANGUAGES), rng.choice(LANGUAGES) if rng.random() < 0.3 else "en")))
    free = rng.random() < 0.25
    city = None if participation == "online" else f"City {rng.randrange(300)}"
    starts = date(2027, 1, 1) + timedelta(days=rng.randrange(365))
    details = {
        "description": description,
        "learning_outcomes": [{"text": text} for text in outcomes],
        **({"hours": ects * 30.0} if hours else {"ects": float(ects)}),
        "eqf_level": eqf,
        "field_of_study": field,
        "assessment_type": "Project assessed by two tutors",
        "participation": participation,
        "quality_assurance": {"type": "External quality assurance"},
        "languages": languages,
        "cost": {"amount": 0.0} if free else {"amount": float(rng.choice((90, 250, 600))), "currency": "EUR"},
        "starts_on": starts.isoformat(),
        **({"place": {"country": country, "city": city}} if city else {}),
    }
    return {
        "id": uuid.uuid4(),
        "institution_id": institution_id,
        "status": "published",
        "title": title,
        "details": details,
        "achievement_id": None,
        "eqf_level": eqf,
        "field_of_study": field,
        "field_broad": field[:2],
        "field_narrow": field[:3],
        "provider_kind": kind,
        "participation": participation,
        "ects_equivalent": float(ects),
        "ects_basis": "ects_users_guide" if hours else "stated",
        "country": country,
        "language_codes": "|" + "|".join(languages) + "|",
        "free_of_charge": free,
        "starts_on": starts,
        "ends_on": None,
        "search_title": search_form(title),
        "search_text": search_form(description, *outcomes, "Project assessed by two tutors", city, name),
        "created_at": created,
        "updated_at": created,
    }


async def _seed(url: str, count: int) -> float:
    """Institutions and offers in bulk through the service's table definitions, then `ANALYZE`; the seconds it took."""
    from sqlalchemy import insert, text

    from core.accounts.models import Institution
    from core.database import create_engine
    from recognition.offers.models import Offer

    began = time.perf_counter()
    engine = create_engine(url, pool=False)
    rng = random.Random(11)
    institutions = [
        (uuid.uuid4(), f"Provider {number}", rng.choice(COUNTRIES), rng.choice(KINDS)) for number in range(INSTITUTIONS)
    ]
    start = datetime(2026, 1, 1, tzinfo=UTC)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                insert(Institution.__table__),  # type: ignore[attr-defined]
                [
                    {"id": key, "name": name, "country": country, "kind": kind, "created_at": start}
                    for key, name, country, kind in institutions
                ],
            )
        for offset in range(0, count, 5_000):
            rows = []
            for number in range(offset, min(count, offset + 5_000)):
                rows.append(_offer(rng, rng.choice(institutions), start + timedelta(seconds=number)))
            async with engine.begin() as connection:
                await connection.execute(insert(Offer.__table__), rows)  # type: ignore[attr-defined]
        async with engine.begin() as connection:
            await connection.execute(text("ANALYZE"))
    finally:
        await engine.dispose()
    return time.perf_counter() - began


def _round(client: httpx.Client, requests: int) -> list[float]:
    found = []
    for number in range(requests):
        path = QUERIES[number % len(QUERIES)]
        began = time.perf_counter()
        response = client.get(path)
        found.append((time.perf_counter() - began) * 1000)
        if response.status_code != 200:
            raise SetupFailed(f"{path} answered {response.status_code}: {response.text[:300]}")
    return found


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _result_counts(client: httpx.Client) -> dict[str, int]:
    return {
        path: len(client.get(path + ("&" if "?" in path else "?") + "limit=50").json()["items"]) for path in QUERIES
    }


def run_database(database: str, args: argparse.Namespace) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix=f"passerelle-bench-offers-{database}-"))
    try:
        with contextlib.ExitStack() as stack:
            clients: dict[str, httpx.Client] = {}
            seeded: dict[str, float] = {}
            for name, count in (("small", SMALL), ("large", LARGE)):
                env = {**clean_environment(), "PASSERELLE_DATA_DIR": str(workdir / name / "data")}
                if database == "postgres":
                    url = stack.enter_context(postgres_database(args.pg_admin_url))
                    env["PASSERELLE_DATABASE_URL"] = url
                else:
                    url = f"sqlite+aiosqlite:///{workdir / name / 'data' / 'passerelle.db'}"
                (workdir / name).mkdir(parents=True, exist_ok=True)
                service = start_service(env, workdir / name, stack)
                seeded[name] = asyncio.run(_seed(url, count))
                clients[name] = stack.enter_context(
                    httpx.Client(base_url=service.base_url, timeout=30.0, trust_env=False)
                )
            counts = {name: _result_counts(client) for name, client in clients.items()}
            for client in clients.values():
                _round(client, args.warmup_requests)
            rounds = []
            for _ in range(args.rounds):
                measured = {name: _round(client, args.requests) for name, client in clients.items()}
                rounds.append(
                    {name: {"p50": statistics.median(v), "p95": _percentile(v, 0.95)} for name, v in measured.items()}
                )
        ratio_p50 = statistics.median(r["large"]["p50"] / r["small"]["p50"] for r in rounds)
        ratio_p95 = statistics.median(r["large"]["p95"] / r["small"]["p95"] for r in rounds)
        result = {
            "database": database,
            "offers": {"small": SMALL, "large": LARGE},
            "seed_seconds": {name: round(seconds, 1) for name, seconds in seeded.items()},
            "queries": list(QUERIES),
            "results_per_query_first_50": counts,
            "requests_per_round": args.requests,
            "rounds": rounds,
            "ratio_p50": round(ratio_p50, 3),
            "ratio_p95": round(ratio_p95, 3),
            "target_ratio": TARGET_RATIO,
            "measured_at": datetime.now(UTC).isoformat(),
        }
        _print(result)
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        (RESULTS_DIR / f"offers-{database}.json").write_text(json.dumps(result, indent=2))
        return result
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _print(result: dict[str, Any]) -> None:
    seeds = result["seed_seconds"]
    print(
        f"\noffer catalogue search, a mix of {len(QUERIES)} searches — {result['database']} ({SMALL:,} vs {LARGE:,} "
        f"offers, seeded in {seeds['small']} s and {seeds['large']} s)"
    )
    print(f"{'round':>5}  {'small p50':>10} {'small p95':>10}  {'large p50':>10} {'large p95':>10}   (ms)")
    for number, row in enumerate(result["rounds"], 1):
        small, large = row["small"], row["large"]
        print(f"{number:>5}  {small['p50']:>10.2f} {small['p95']:>10.2f}  {large['p50']:>10.2f} {large['p95']:>10.2f}")
    met = "met" if result["ratio_p95"] <= TARGET_RATIO else "NOT met"
    print(
        f"median ratio large/small: p50 {result['ratio_p50']:.2f}, p95 {result['ratio_p95']:.2f} "
        f"(target ≤ {TARGET_RATIO}: {met})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.offers", description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=240, help="sequential requests per catalogue and round")
    parser.add_argument("--warmup-requests", type=int, default=60)
    parser.add_argument("--pg-admin-url", default=DEFAULT_PG_ADMIN_URL)
    parser.add_argument("--load-generator", default="python", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not 1 <= args.rounds <= 20 or not 12 <= args.requests <= 5_000:
        parser.error("--rounds 1..20, --requests 12..5000")
    if not args.pg_admin_url.startswith("postgresql") or "@127.0.0.1" not in args.pg_admin_url:
        parser.error("--pg-admin-url must be a postgresql URL on 127.0.0.1")

    def run_one(database: str, _generator: str) -> int:
        run_database(database, args)
        return 0

    return run_benchmark(args, run_one)


if __name__ == "__main__":
    sys.exit(main())
