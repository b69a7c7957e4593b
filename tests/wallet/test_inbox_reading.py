"""Reading pushed batches in worker processes gives exactly what reading them in the serving process gives."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest
from joserfc import jwt
from joserfc.jwk import ECKey

from bench.verification import badge_claims
from core.clock import utcnow
from wallet.inbox.reading import Document, Read, ReadingPool, verified, verified_in_order
from wallet.verification.context import KeyDocuments, TrustStore, VerificationContext

DATA = Path(__file__).resolve().parent.parent / "data"
ISSUER = "https://issuer.reading.example/badges"


def signed_badges(key: ECKey, count: int) -> list[str]:
    return [
        jwt.encode(
            {"alg": "ES256", "typ": "vc+jwt", "kid": "reading-1"},
            badge_claims(
                issuer=ISSUER,
                subject=f"did:example:learner-{number}",
                credential_id=f"urn:uuid:{uuid.UUID(int=number)}",
                issued_at=utcnow(),
            ),
            key,
        )
        for number in range(count)
    ]


def tampered(token: str) -> str:
    header, payload, signature = token.split(".")
    return f"{header}.{payload}.{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"


@pytest.fixture(scope="module")
def key() -> ECKey:
    return ECKey.generate_key("P-256", parameters={"kid": "reading-1"})


@pytest.fixture
def context(key: ECKey) -> VerificationContext:
    public = dict(key.as_dict(private=False))
    return VerificationContext(
        now=utcnow(), trust=TrustStore(issuer_keys={ISSUER: (public,)}), key_documents=KeyDocuments()
    )


@pytest.fixture(scope="module")
async def pool() -> AsyncIterator[ReadingPool]:
    started = ReadingPool(2, min_batch=1)
    started.start()
    yield started
    await started.close()


def documents(key: ECKey) -> list[Document]:
    badges = signed_badges(key, 6)
    return [
        *((badge, "application/vc+jwt") for badge in badges[:4]),
        (tampered(badges[4]), "application/vc+jwt"),  # refused: the signature does not hold
        ((DATA / "ob3-simple.jwt").read_text("ascii").strip(), "application/vc+jwt"),  # key by URL: fetched here
        ((DATA / "sd-jwt-vc-openid4vci.txt").read_text("ascii").strip(), "application/dc+sd-jwt"),
        ((DATA / "edc-ec-mc-annex1-unsigned.jsonld").read_text("utf-8"), "application/ld+json"),
        ((DATA / "edc-ec-mc-annex1-signed.jsonld").read_text("utf-8"), "application/ld+json"),
        ((DATA / "ob3-eddsa-2022.json").read_text("utf-8"), "application/ld+json"),
        ((DATA / "ob3-err-proof-value.json").read_text("utf-8"), "application/ld+json"),
        ((DATA / "elmo-example.xml").read_text("utf-8"), "application/xml"),
        ("not a credential at all", "application/vc+jwt"),
        (badges[5], "application/vc+jwt"),
    ]


async def test_processes_read_what_the_serving_process_reads(
    key: ECKey, context: VerificationContext, pool: ReadingPool
) -> None:
    batch = documents(key)
    here = await verified(batch, context)
    there = await verified(batch, context, pool)
    assert there == here
    outcomes = [(read.format, read.problem.code if read.problem else None) for read in there]
    assert outcomes[0] == ("open_badges_3_jwt", None) and outcomes[-1] == ("open_badges_3_jwt", None)
    assert outcomes[4][1] == "bad_signature"
    assert outcomes[-2][0] is None and outcomes[-2][1] is not None  # unreadable: refused with its reason
    assert not any(read.awaiting_key or read.step is not None for read in there)


class CountingPool(ReadingPool):
    """Never started: counts the batches handed to it (which it then reads in a thread)."""

    calls = 0

    async def read(self, documents: Sequence[Document], context: VerificationContext) -> list[Read]:
        self.calls += 1
        return await super().read(documents, context)


async def test_a_small_batch_stays_in_the_serving_process(key: ECKey, context: VerificationContext) -> None:
    pool = CountingPool(2, min_batch=10)
    batch = documents(key)
    reads = await verified(batch[:3], context, pool)
    assert [read.problem for read in reads] == [None, None, None] and pool.calls == 0
    await verified(batch[:10], context, pool)
    assert pool.calls == 1


async def test_a_dead_process_costs_one_batch_its_parallelism_not_its_answer(
    key: ECKey, context: VerificationContext
) -> None:
    pool = ReadingPool(2, min_batch=1)
    pool.start()
    try:
        batch = documents(key)
        expected = await verified(batch, context)
        assert pool._executor is not None
        pool._executor.submit(os._exit, 1)  # a worker process dies: the pool is broken
        assert await verified(batch, context, pool) == expected  # read in a thread meanwhile
        assert await verified(batch, context, pool) == expected  # and by a new pool after that
    finally:
        await pool.close()


async def test_slices_come_in_document_order_with_what_a_whole_read_gives(
    key: ECKey, context: VerificationContext, pool: ReadingPool
) -> None:
    batch = documents(key) * 3  # more documents than slices: each process gets two
    whole = await verified(batch, context)
    handed: list[tuple[range, list[Read]]] = []

    async def handle(positions: range, reads: list[Read]) -> None:
        handed.append((positions, reads))

    await verified_in_order(batch, context, pool, handle)
    assert len(handed) == 2 * pool.processes
    assert [index for positions, _ in handed for index in positions] == list(range(len(batch)))
    assert [read for _, reads in handed for read in reads] == whole
