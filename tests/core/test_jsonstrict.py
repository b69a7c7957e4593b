"""The one strict JSON parser."""

from __future__ import annotations

import json
import random
from pathlib import Path

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
    "a number that reads as infinity, in a list": (b'["salt", "n", 1e999]', "invalid_json_number"),
    "the same, spelled with a capital E": (b"[2.5E400]", "invalid_json_number"),
    "a long fraction that reads as infinity": (b"[" + b"9" * 400 + b".0]", "invalid_json_number"),
    "64 levels of lists with a 65th": (b"[" * 64 + b"[1]" + b"]" * 64, "json_too_deep"),
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


class TestShape:
    """Depth and infinities: brackets and numbers inside strings are text, not structure."""

    @pytest.mark.parametrize(
        "data",
        [
            b'{"a": "' + b"[" * 100 + b'"}',  # brackets inside a string are not nesting
            b'{"a": "\\"' + b"{" * 100 + b'", "b": 1}',  # nor after an escaped quote
            b'["1e999", "' + b"9" * 400 + b'"]',  # numbers inside strings are text
            b"[" + b"[], " * 5000 + b"[]]",  # many brackets, two levels
            b'[1.5e3, 2E-7, {"x": 0e0}]',  # exponents that stay finite
        ],
    )
    def test_accepted(self, data: bytes) -> None:
        assert jsonstrict.loads(data) == json.loads(data)

    @pytest.mark.parametrize(
        ("data", "code"),
        [
            (b'{"q": "a\\"b", "n": ' + b"[" * 65 + b"]" * 65 + b"}", "json_too_deep"),
            (b'{"q": "a\\"b", "n": 1e999}', "invalid_json_number"),
            (b"[" + b"[], " * 5000 + b"[" * 64 + b"]" * 64 + b"]", "json_too_deep"),
            (b'{"a": "]]]]", "b": ' + b'{"c": ' * 64 + b"1" + b"}" * 64 + b"}", "json_too_deep"),
        ],
    )
    def test_refused(self, data: bytes, code: str) -> None:
        with pytest.raises(jsonstrict.InvalidJSON) as raised:
            jsonstrict.loads(data)
        assert raised.value.code == code


class TestFastPathAgreesWithTheExactParser:
    """Duplicate keys in the places an earlier fast path (a count of members) could have missed them."""

    @pytest.mark.parametrize(
        "data",
        [
            b'{"a": "x:y", "a": "z"}',  # the dropped value had a colon
            b'{"a:": 1, "a:": 2}',  # so had the keys
            b'{"a": 1, "a": 2, "b": "\\u003a"}',  # an escaped colon would make up for the merged member
            b'{"a": 1, "a": 2, "b": "\\u003A"}',
            '{"é": 1, "é": 2, "c": "\\u003a"}'.encode(),
            '{"é:": "ü:", "é:": 1}',  # a str, not bytes
            b'[{"x": 1}, {"y": {"x": 1, "x": 1}}]',  # equal values: still two members
            b'{"long": "' + b"a:" * 2000 + b'", "long": "' + b"b:" * 2000 + b'"}',  # long strings are counted apart
        ],
    )
    def test_duplicate_key_hidden_from_a_naive_count(self, data: bytes | str) -> None:
        with pytest.raises(jsonstrict.InvalidJSON) as raised:
            jsonstrict.loads(data)
        assert raised.value.code == "duplicate_json_key"

    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            (b'{"url": "https://example.org/a:b", "k:k": ":"}', {"url": "https://example.org/a:b", "k:k": ":"}),
            (b'{"colon": "\\u003a"}', {"colon": ":"}),  # an escaped colon, no duplicate: the exact parser agrees
            (b'"\\\\u0000"', "\\u0000"),  # an escaped backslash, then the letters u0000: not U+0000
            ('{"a": "caf\u00e9 :"}', {"a": "café :"}),
            (b"[" * 64 + b"1" + b"]" * 64, None),  # 64 containers, a scalar in the innermost one
        ],
    )
    def test_accepted(self, data: bytes | str, expected: object) -> None:
        value = jsonstrict.loads(data)
        if expected is not None:
            assert value == expected

    def test_real_documents_parse_as_the_standard_library_does(self) -> None:
        data = Path(__file__).resolve().parents[1] / "data"
        documents = [*data.glob("*.json"), *data.glob("*.jsonld"), *data.glob("vcdm2/*.json")]
        assert len(documents) > 100
        for path in documents:
            content = path.read_bytes()
            assert jsonstrict.loads(content) == json.loads(content), path.name
            sealed = json.loads(content).get("payload") if content.lstrip().startswith(b"{") else None
            if isinstance(sealed, str):  # a JAdES seal: its payload is JSON text inside a JSON string
                assert jsonstrict.loads(sealed) == json.loads(sealed), path.name

    def test_random_documents_agree(self) -> None:
        generator = random.Random("jsonstrict")
        for _ in range(300):
            value = _random_value(generator, 0)
            text = json.dumps(value, ensure_ascii=generator.random() < 0.5)
            assert jsonstrict.loads(text.encode()) == value
            assert jsonstrict.loads(text) == value
            duplicated = _with_duplicate(text)
            if duplicated is not None:
                with pytest.raises(jsonstrict.InvalidJSON):
                    jsonstrict.loads(duplicated.encode())


def _random_value(generator: random.Random, depth: int) -> object:
    kind = generator.randrange(7 if depth < 5 else 4)
    if kind == 0:
        return generator.randrange(-(10**20), 10**20)
    if kind == 1:
        return generator.choice(["", ":", "a:b", "é", "\u2028", "x\\y", '"q"', "🙂", "urn:uuid:1"])
    if kind == 2:
        return generator.choice([True, False, None, 1.5, -0.0])
    if kind == 3:
        return generator.random()
    if kind == 4:
        return [_random_value(generator, depth + 1) for _ in range(generator.randrange(4))]
    keys = generator.sample(["a", "b:c", "é", ":", "id", "type", "@context"], generator.randrange(5))
    return {key: _random_value(generator, depth + 1) for key in keys}


def _with_duplicate(text: str) -> str | None:
    """The same JSON text with its first member repeated in its object, if it has one."""
    start = text.find('{"')
    if start < 0 or text[start + 1 :].startswith('"}'):
        return None
    return text[: start + 1] + '"dup": 1, "dup": 2, ' + text[start + 1 :]
