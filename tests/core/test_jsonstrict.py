"""The one strict JSON parser."""

from __future__ import annotations

import pytest

from core import jsonstrict

REFUSED = {
    "duplicate key": (b'{"a": 1, "a": 2}', "duplicate_json_key"),
    "nested duplicate key": (b'{"x": [{"a": 1, "a": 2}]}', "duplicate_json_key"),
    "NaN": (b"[NaN]", "invalid_json_number"),
    "Infinity": (b'{"n": -Infinity}', "invalid_json_number"),
    "escaped NUL": (b'"a\\u0000b"', "invalid_json_string"),
    "escaped NUL in a key": (b'{"k\\u0000": 1}', "invalid_json_string"),
    "lone surrogate": (b'{"a": ["\\ud800"]}', "invalid_json_string"),
    "raw NUL": (b'"a\x00b"', "invalid_json"),
    "65 levels": (b"[" * 65 + b"]" * 65, "json_too_deep"),
    "100,000 levels": (b"[" * 100_000, "json_too_deep"),
    "invalid UTF-8": (b'"\xff"', "invalid_utf8"),
    "two documents": (b"{} {}", "invalid_json"),
}


class TestLoads:
    @pytest.mark.parametrize("case", sorted(REFUSED))
    def test_refused(self, case: str) -> None:
        data, code = REFUSED[case]
        with pytest.raises(jsonstrict.InvalidJSON) as raised:
            jsonstrict.loads(data)
        assert raised.value.code == code

    def test_a_str_with_a_raw_lone_surrogate(self) -> None:
        with pytest.raises(jsonstrict.InvalidJSON):
            jsonstrict.loads('"\ud800"')

    def test_accepted(self) -> None:
        text = b'{"a": [1, 2.5, true, null, {"b": "\\ud83d\\ude00 caf\xc3\xa9"}], "c": "\\u00e9"}'
        assert jsonstrict.loads(text) == {"a": [1, 2.5, True, None, {"b": "😀 café"}], "c": "é"}
        assert jsonstrict.loads(b"[" * 64 + b"]" * 64) is not None
