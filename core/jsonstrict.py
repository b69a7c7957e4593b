"""Strict JSON: one parser for every JSON the service accepts (ASVS 5.0 1.5.3, parser differentials).

Refused: duplicate object keys, NaN/Infinity (the literals, and numbers too large for a double, which parsers
read as infinity), integers longer than Python converts (4,300 digits), containers nested deeper than
`MAX_DEPTH`, strings with U+0000 or lone surrogates, invalid UTF-8, and anything that is not a single JSON text.

Two parsers, one verdict. The fast path is jiter (Rust; the parser pydantic uses): with `catch_duplicate_keys` and
`allow_inf_nan=False` it refuses duplicate keys, the NaN and Infinity literals, lone surrogates, raw control
characters, invalid UTF-8 and trailing data, and parses several times faster than the standard library. What it
lets through, one walk over the parsed value checks: the nesting depth, and numbers too large for a double (jiter
reads 1e999 as infinity). U+0000 can only come from the escape `\\u0000` (raw control characters are refused), so
the text is searched for it. Whenever the fast path objects, the standard library parser with a duplicate-refusing
hook (the exact path) decides, and names the problem.
"""

from __future__ import annotations

import json
import re
from typing import Any

from jiter import from_json

from core.errors import InvalidInput

MAX_DEPTH = 64
"""Containers (objects and arrays) inside each other; scalars do not count."""


class InvalidJSON(InvalidInput):
    code = "invalid_json"
    default_detail = "The body is not acceptable JSON."


def loads(data: bytes | str) -> Any:
    """Parse one JSON text strictly, or raise `InvalidJSON` with a reason code."""
    if isinstance(data, str):
        # As UTF-8: what jiter reads anyway, and bytes are quicker to search than a str of wide characters.
        try:
            text = data.encode("utf-8")
        except UnicodeEncodeError:  # a str can hold what UTF-8 cannot: lone surrogates
            return _exact(data)
    else:
        text = data
    try:
        value = from_json(text, allow_inf_nan=False, catch_duplicate_keys=True, cache_mode="keys")
    except ValueError:  # not acceptable JSON: the exact parser names the problem
        return _exact(data)
    if _may_escape_nul(text):  # U+0000, or an escaped backslash before "u0000": the exact parser tells them apart
        return _exact(data)
    _walk(value)
    return value


def _may_escape_nul(text: bytes) -> bool:
    """Whether the text holds the escape of U+0000: no backslash at all is a memchr away (~1 µs for a 150 KB
    sealed credential); else the pattern (~50 µs, where `in` with six bytes takes ~70)."""
    return b"\\" in text and _NUL_ESCAPE.search(text) is not None


_NUL_ESCAPE = re.compile(rb"\\u0000")


def _walk(value: Any) -> None:
    """Refuse nesting deeper than `MAX_DEPTH` and numbers that read as infinity: one level at a time, without
    recursion (the types are local names: this loop visits every value of a 150 KB credential)."""
    dict_, list_, float_ = dict, list, float
    level: list[Any] = [value] if type(value) is dict_ or type(value) is list_ else [[value]]  # a scalar: an item
    depth = 1
    while level:
        if depth > MAX_DEPTH:
            raise _too_deep()
        below: list[Any] = []
        append = below.append
        for container in level:
            for item in container.values() if type(container) is dict_ else container:
                kind = type(item)
                if kind is dict_ or kind is list_:
                    append(item)
                elif kind is float_ and item - item != 0.0:  # 1e999 reads as infinity; inf - inf is NaN
                    raise _not_finite()
        level = below
        depth += 1


def _not_finite() -> InvalidJSON:
    return InvalidJSON(
        "A number is too large to be represented (it would read as infinity).", code="invalid_json_number"
    )


def _too_deep() -> InvalidJSON:
    return InvalidJSON(f"The JSON is nested deeper than {MAX_DEPTH} levels.", code="json_too_deep")


# --- the exact path: the standard library's parser, slower, with a reason for every refusal ---------------------


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):  # rare: find the key to name it
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise InvalidJSON(f"The key {key!r} appears twice in one object.", code="duplicate_json_key")
            seen.add(key)
    return result


def _no_constant(name: str) -> Any:
    raise InvalidJSON(f"{name} is not a JSON number.", code="invalid_json_number")


def _finite_float(text: str) -> float:
    value = float(text)
    if value - value != 0.0:
        raise _not_finite()
    return value


def _has_forbidden_character(text: str) -> bool:
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _check(value: Any, depth: int) -> None:
    """Depth of containers, and U+0000 or lone surrogates in every key and string."""
    if isinstance(value, dict):
        if depth > MAX_DEPTH:
            raise _too_deep()
        for key, item in value.items():
            if _has_forbidden_character(key):
                raise InvalidJSON("A key contains U+0000 or an unpaired surrogate.", code="invalid_json_string")
            _check(item, depth + 1)
    elif isinstance(value, list):
        if depth > MAX_DEPTH:
            raise _too_deep()
        for item in value:
            _check(item, depth + 1)
    elif isinstance(value, str) and _has_forbidden_character(value):
        raise InvalidJSON("A string contains U+0000 or an unpaired surrogate.", code="invalid_json_string")


def _exact(data: bytes | str) -> Any:
    if isinstance(data, str):
        if _has_forbidden_character(data):  # a str can hold what UTF-8 bytes cannot: lone surrogates
            raise InvalidJSON("The text contains U+0000 or an unpaired surrogate.", code="invalid_json_string")
        text = data
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InvalidJSON("The body is not valid UTF-8.", code="invalid_utf8") from exc
    try:
        value = json.loads(
            text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant, parse_float=_finite_float
        )
    except RecursionError as exc:
        raise _too_deep() from exc
    except json.JSONDecodeError as exc:
        raise InvalidJSON(f"The body is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}.") from exc
    except ValueError as exc:  # int(): more digits than `sys.get_int_max_str_digits()` allows (a CPU guard)
        raise InvalidJSON("A number has too many digits.", code="invalid_json_number") from exc
    _check(value, 1)
    return value


def dumps_compact(value: Any) -> bytes:
    """Compact UTF-8 JSON; refuses NaN so what we write is what `loads()` accepts."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
