"""Replacing digests with disclosed claims (RFC 9901 §7.1 step 3), and finding the Disclosures behind a claim path.

The same walk serves the Verifier (the Processed SD-JWT Payload) and the Holder (which Disclosures reveal which
claim), so both apply every rejection rule of §7.1.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from wallet.sdjwt.encoding import Disclosure
from wallet.sdjwt.errors import SdJwtError

ClaimPath = tuple[str | int | None, ...]
"""A claim path as in SD-JWT VC (claim path pointers): a string selects an object property, a non-negative
integer an array element, `None` every element of an array. `()` is the whole payload."""

SD = "_sd"
SD_ALG = "_sd_alg"
ARRAY_DIGEST = "..."
MAX_NESTING = 64


@dataclass
class Node:
    """Where one processed value came from: the Disclosure that revealed it (if any) and its children's origins."""

    disclosure: str | None = None
    children: dict[str | int, Node] = field(default_factory=dict)
    """The origins of the children that are containers or were disclosed; a plain scalar has none."""

    def disclosures(self) -> Iterable[str]:
        if self.disclosure is not None:
            yield self.disclosure
        for child in self.children.values():
            yield from child.disclosures()

    def disclosed_paths(self, path: ClaimPath = ()) -> list[ClaimPath]:
        """Every path below (and at) this node that a Disclosure revealed, parents before children."""
        found: list[ClaimPath] = []
        pending: list[tuple[ClaimPath, Node]] = [(path, self)]
        while pending:  # depth first, without a generator per level
            at, node = pending.pop()
            if node.disclosure is not None:
                found.append(at)
            if node.children:
                pending.extend(((*at, key), child) for key, child in reversed(node.children.items()))
        return found


_LEAF = Node()
"""The origin of every plain scalar: shared, never changed (a disclosed value gets a node of its own)."""


@dataclass(frozen=True)
class Processed:
    claims: dict[str, Any]
    origin: Node


def _is_array_digest(element: Any) -> bool:
    # RFC 9901 §7.1 step 3.2.1: "array elements that are objects with one key, that key being `...` and referring
    # to a string"
    return isinstance(element, dict) and len(element) == 1 and isinstance(element.get(ARRAY_DIGEST), str)


class _Walk:
    def __init__(self, disclosures: Sequence[Disclosure], hash_algorithm: str) -> None:
        self.by_digest: dict[str, Disclosure] = {}
        for disclosure in disclosures:
            value = disclosure.digest(hash_algorithm)
            if value in self.by_digest:
                raise SdJwtError("The same Disclosure is presented twice.", code="duplicate_disclosure")
            self.by_digest[value] = disclosure
        self.seen: set[str] = set()
        self.used: set[str] = set()

    def _see(self, digest: str) -> Disclosure | None:
        # RFC 9901 §7.1 step 4: a digest encountered twice, directly or via Disclosures, is fatal.
        if digest in self.seen:
            raise SdJwtError("A digest appears more than once in the SD-JWT.", code="duplicate_digest")
        self.seen.add(digest)
        disclosure = self.by_digest.get(digest)
        if disclosure is not None:
            self.used.add(digest)
        return disclosure

    def value(self, value: Any, depth: int) -> tuple[Any, Node]:
        if depth > MAX_NESTING:
            raise SdJwtError(f"The SD-JWT nests deeper than {MAX_NESTING} levels.", code="malformed_sd_jwt")
        if isinstance(value, dict):
            return self.object(value, depth, reserved=frozenset())
        if isinstance(value, list):
            return self.array(value, depth)
        return value, _LEAF

    def object(self, value: dict[str, Any], depth: int, *, reserved: frozenset[str]) -> tuple[dict[str, Any], Node]:
        output: dict[str, Any] = {}
        origin = Node()
        for name, item in value.items():
            if name == SD or name in reserved:
                continue  # RFC 9901 §7.1 steps 3.4 and 3.5: `_sd` and the top-level `_sd_alg` are removed
            kind = type(item)
            if kind is dict or kind is list:
                output[name], origin.children[name] = self.value(item, depth + 1)
            else:  # a plain scalar: nothing to replace, and its origin is the leaf every scalar shares
                output[name] = item
        if SD not in value:
            return output, origin
        digests = value[SD]
        if not isinstance(digests, list) or not all(isinstance(item, str) for item in digests):
            raise SdJwtError("'_sd' must be an array of digest strings.", code="malformed_sd_jwt")
        for digest in digests:
            disclosure = self._see(digest)
            if disclosure is None:
                continue  # RFC 9901 §7.1 step 3.2.2.1: a decoy, or a claim the Holder did not disclose
            if disclosure.name is None:
                # §7.1 step 3.2.2.3.1: an object property needs a three-element Disclosure
                raise SdJwtError("An array-element Disclosure is referenced from '_sd'.", code="invalid_disclosure")
            if disclosure.name in output or disclosure.name in reserved:
                raise SdJwtError(
                    f"The disclosed claim {disclosure.name!r} already exists at its level.",
                    code="claim_name_collision",
                )
            output[disclosure.name], child = self.value(disclosure.value, depth + 1)
            origin.children[disclosure.name] = Node(disclosure.encoded, child.children)
        return output, origin

    def array(self, value: list[Any], depth: int) -> tuple[list[Any], Node]:
        output: list[Any] = []
        origin = Node()
        for element in value:
            if not _is_array_digest(element):
                kind = type(element)
                if kind is dict or kind is list:
                    item, origin.children[len(output)] = self.value(element, depth + 1)
                    output.append(item)
                else:
                    output.append(element)
                continue
            disclosure = self._see(element[ARRAY_DIGEST])
            if disclosure is None:
                continue  # RFC 9901 §7.1 step 3.3: undisclosed elements and decoys are removed
            if disclosure.name is not None:
                # §7.1 step 3.2.2.4.1: an array element needs a two-element Disclosure
                raise SdJwtError(
                    "An object-property Disclosure is referenced from an array.", code="invalid_disclosure"
                )
            item, child = self.value(disclosure.value, depth + 1)
            origin.children[len(output)] = Node(disclosure.encoded, child.children)
            output.append(item)
        return output, origin


def process(payload: dict[str, Any], disclosures: Sequence[Disclosure], hash_algorithm: str) -> Processed:
    """The Processed SD-JWT Payload (RFC 9901 §7.1 step 3 to 5)."""
    walk = _Walk(disclosures, hash_algorithm)
    claims, origin = walk.object(payload, 1, reserved=frozenset({SD_ALG}))
    if len(walk.used) != len(walk.by_digest):
        # RFC 9901 §7.1 step 5
        raise SdJwtError("A Disclosure is not referenced by any digest in the SD-JWT.", code="unreferenced_disclosure")
    return Processed(claims, origin)


def _invalid_path(path: Sequence[Any], detail: str) -> SdJwtError:
    return SdJwtError(f"The claim path {list(path)!r} {detail}.", code="invalid_claim_path")


def check_path(path: Sequence[Any]) -> ClaimPath:
    for element in path:
        if element is not None and (
            isinstance(element, bool)
            or not isinstance(element, str | int)
            or (isinstance(element, int) and element < 0)
        ):
            raise _invalid_path(path, "may only hold strings, non-negative integers and null")
    return tuple(path)


def disclosures_for(processed: Processed, path: Sequence[Any]) -> list[str]:
    """The Disclosures a Holder must present to reveal the claim at `path` and everything inside it: those of
    its recursive parents (RFC 9901 §7.2: each one must hang off the payload or another presented Disclosure)
    and those below it."""
    check_path(path)
    found: list[str] = []
    frontier: list[tuple[Any, Node]] = [(processed.claims, processed.origin)]
    for step in path:
        following: list[tuple[Any, Node]] = []
        for value, origin in frontier:
            if step is None:
                if not isinstance(value, list):
                    raise _invalid_path(path, "selects all elements of something that is not an array")
                keys: list[str | int] = list(range(len(value)))
            else:
                present = (isinstance(step, str) and isinstance(value, dict) and step in value) or (
                    isinstance(step, int) and isinstance(value, list) and step < len(value)
                )
                if not present:
                    raise _invalid_path(path, "does not point at a claim")
                keys = [step]
            for key in keys:
                child = origin.children.get(key, _LEAF)
                if child.disclosure is not None:
                    found.append(child.disclosure)
                following.append((value[key], child))
        frontier = following
    for _, origin in frontier:
        found.extend(child_disclosure for child in origin.children.values() for child_disclosure in child.disclosures())
    return found
