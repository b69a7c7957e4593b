"""Strict JSON: one parser for every JSON the service accepts (ASVS 5.0 1.5.3, parser differentials).

Refused: duplicate object keys, NaN/Infinity, nesting deeper than `MAX_DEPTH`, strings with U+0000 or lone
surrogates, invalid UTF-8, and anything that is not a single JSON text.
"""

from __future__ import annotations

import json
from typing import Any

from core.errors import InvalidInput

MAX_DEPTH = 64


class InvalidJSON(InvalidInput):
    code = "invalid_json"
    default_detail = "The body is not acceptable JSON."


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


def _has_forbidden_character(text: str) -> bool:
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _check(value: Any, depth: int, strings: bool) -> None:
    """Depth everywhere; characters only when `strings` (the text had a `\\u` escape, the only way to spell them)."""
    if depth > MAX_DEPTH:
        raise InvalidJSON(f"The JSON is nested deeper than {MAX_DEPTH} levels.", code="json_too_deep")
    if isinstance(value, dict):
        for key, item in value.items():
            if strings and _has_forbidden_character(key):
                raise InvalidJSON("A key contains U+0000 or an unpaired surrogate.", code="invalid_json_string")
            if strings or isinstance(item, dict | list):
                _check(item, depth + 1, strings)
    elif isinstance(value, list):
        for item in value:
            if strings or isinstance(item, dict | list):
                _check(item, depth + 1, strings)
    elif strings and isinstance(value, str) and _has_forbidden_character(value):
        raise InvalidJSON("A string contains U+0000 or an unpaired surrogate.", code="invalid_json_string")


def loads(data: bytes | str) -> Any:
    """Parse one JSON text strictly, or raise `InvalidJSON` with a reason code."""
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
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except RecursionError as exc:
        raise InvalidJSON(f"The JSON is nested deeper than {MAX_DEPTH} levels.", code="json_too_deep") from exc
    except json.JSONDecodeError as exc:
        raise InvalidJSON(f"The body is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}.") from exc
    # Decoded UTF-8 holds no lone surrogate and the parser refuses raw control characters, so U+0000 or a lone
    # surrogate can only come from a backslash-u escape: without one in the text, only the depth needs walking.
    _check(value, 1, "\\u" in text)
    return value


def dumps_compact(value: Any) -> bytes:
    """Compact UTF-8 JSON; refuses NaN so what we write is what `loads()` accepts."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
