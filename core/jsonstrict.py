"""Strict JSON: one parser for every JSON the service accepts (ASVS 5.0 1.5.3, parser differentials).

Refused: duplicate object keys, NaN/Infinity (the literals, and numbers too large for a double, which parsers
read as infinity), integers longer than Python converts (4,300 digits), containers nested deeper than `MAX_DEPTH`, strings with U+0000 or
lone surrogates, invalid UTF-8, and anything that is not a single JSON text.

Two parsers, one verdict. The fast path is jiter (`pydantic_core.from_json`, Rust): it already refuses NaN and
Infinity (with `allow_inf_nan=False`), lone surrogates, raw control characters, invalid UTF-8 and trailing data,
and parses several times faster than the standard library. It keeps the last of two equal keys instead of refusing
them, so one walk over the result checks the rest: the nesting depth and the number of members. Outside strings a
colon only separates a key from its value, so the colons of the text minus the colons inside the parsed strings is
the number of members the text wrote; fewer in the result means two keys were merged. Whenever the fast path
objects, the count differs, or the text holds an escape the count cannot see through (`\\u0000`, `\\u003a`), the
standard library parser with a duplicate-refusing hook (the exact path) decides, and names the problem.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic_core import from_json

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
        value = from_json(text, allow_inf_nan=False, cache_strings="keys")
    except ValueError:  # not acceptable JSON: the exact parser names the problem
        return _exact(data)
    # U+0000 can only come from the escape \u0000 (jiter refuses raw control characters in strings), and only an
    # escape \u003a can put a colon in a string that the text does not show: either sends the text to the exact
    # parser. Otherwise the colons count the members.
    if b"\\u00" in text and _SUSPECT_ESCAPE.search(text) is not None:
        return _exact(data)
    if b"{" not in text and text.count(b"[") <= MAX_DEPTH:
        # No object, so no key to repeat; too few brackets to nest too deep: only a number that reads as infinity
        # is left to refuse. An SD-JWT disclosure, usually.
        _refuse_infinity(value)
        return value
    colons = text.count(b":")
    members, colons_in_strings = _members(value)
    if colons - colons_in_strings != members:
        return _exact(data)  # two equal keys were merged into one: the exact parser names them
    return value


_SUSPECT_ESCAPE = re.compile(rb"\\u00(?:00|3[aA])")
"""`\\u0000` and `\\u003a`. An escaped backslash followed by those letters matches too: the exact parser is slower,
never wrong."""


def _refuse_infinity(value: Any) -> None:
    """Refuse a float that read as infinity (1e999) anywhere in a value made of arrays and scalars only."""
    pending: list[list[Any]] = [value if type(value) is list else [value]]
    while pending:
        for item in pending.pop():
            kind = type(item)
            if kind is list:
                pending.append(item)
            elif kind is float and item - item != 0.0:  # inf - inf is NaN
                raise _not_finite()


def _members(value: Any) -> tuple[int, int]:
    """The members of every object in a parsed value and the colons inside its keys and strings; refuses nesting
    deeper than `MAX_DEPTH`. One level at a time, without recursion; short strings are counted in two joins, which
    costs less than a call per string."""
    kind = type(value)
    if kind is str:
        return 0, value.count(":")
    members = colons = 0
    keys: list[str] = []
    strings: list[str] = []
    level: list[Any] = [value] if kind is dict or kind is list else [[value]]  # a scalar: checked as an item
    depth = 1
    while level:
        if depth > MAX_DEPTH:
            raise _too_deep()
        below: list[Any] = []
        for container in level:
            if type(container) is dict:
                members += len(container)
                keys.extend(container)
                items = container.values()
            else:
                items = container
            for item in items:
                kind = type(item)
                if kind is str:
                    if len(item) < _LONG_STRING:
                        strings.append(item)
                    else:  # counted where it is rather than copied into the join (a sealed payload: 100 KB)
                        colons += item.count(":")
                elif kind is dict or kind is list:
                    below.append(item)
                elif kind is float and item - item != 0.0:  # 1e999 reads as infinity; inf - inf is NaN
                    raise _not_finite()
        level = below
        depth += 1
    return members, colons + "".join(keys).count(":") + "".join(strings).count(":")


_LONG_STRING = 1024


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
