"""Row ids: UUIDv7 from a pooled CSPRNG, distinct, time-ordered, never repeated across a fork."""

from __future__ import annotations

import os
import time
import uuid

import pytest

from core import ids


class TestNewId:
    def test_ids_are_version_7_rfc_9562_and_distinct(self) -> None:
        made = [ids.new_id() for _ in range(5000)]  # more than one pool's worth of random bytes
        assert len(set(made)) == len(made)
        assert {value.version for value in made} == {7}
        assert {value.variant for value in made} == {uuid.RFC_4122}

    def test_ids_sort_by_creation_time(self) -> None:
        before = ids.new_id()
        time.sleep(0.002)
        assert ids.new_id() > before
        assert abs((before.int >> 80) - time.time_ns() // 1_000_000) < 5_000

    @pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
    def test_a_forked_child_does_not_reuse_its_parents_random_bytes(self) -> None:
        ids.new_id()  # the pool now holds bytes a child must not use
        reader, writer = os.pipe()
        child = os.fork()
        if child == 0:  # pragma: no cover - runs in the child
            os.write(writer, ids.new_id().bytes)
            os._exit(0)
        os.close(writer)
        childs = uuid.UUID(bytes=os.read(reader, 16))
        os.close(reader)
        os.waitpid(child, 0)
        parents = ids.new_id()
        # The 74 random bits after the timestamp: equal only if both drew the same pool bytes.
        mask = (1 << 80) - 1
        assert childs.int & mask != parents.int & mask
