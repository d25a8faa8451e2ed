"""JSON with marks (iac_guard.marked.decode_json / loads_marked): the values json.loads
gives, a mark on every key, object and array with the lines cfn-lint's JSON decoder gave
(compared with it here; cfn-lint is imported in the test only), errors with their line."""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest

from iac_guard.errors import ParseError
from iac_guard.marked import decode_json, end_line, loads_marked, plain, start_line

NESTED = '{\n  "a": {\n    "b": [\n      1,\n      {"c": 2}\n    ],\n    "d": {}\n  },\n  "e": [1, 2], "f": "x"\n}\n'

SAMPLES = [
    NESTED,
    '{"one": "line", "n": [1, 2.5, -3e2, true, false, null], "o": {}}',
    '{\n"k": 1}',
    '[\n  {\n    "address": "aws_s3_bucket.b",\n    "values": {"tags": {"a": "b"}}\n  },\n  []\n]\n',
    '\n\n  {"late": {"start": [\n\n]}}  \n\n',
    '{"unicode": "\\u00e9\\ud83d\\ude00", "esc": "a\\"b\\\\c\\/d\\n"}',
    "[]",
    '"just a string"',
]


def _marks(node: Any, path: str = "", out: dict[str, tuple[int, int]] | None = None) -> dict[str, tuple[int, int]]:
    out = {} if out is None else out
    if getattr(node, "start_mark", None) is not None:
        out[f"{path}@{type(node).__mro__[1].__name__}"] = (node.start_mark.line, node.end_mark.line)
    if isinstance(node, dict):
        for key, value in node.items():
            assert key.start_mark is not None
            out[f"{path}/{key}#key"] = (key.start_mark.line, key.end_mark.line)
            _marks(value, f"{path}/{key}", out)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            _marks(value, f"{path}/{i}", out)
    return out


@pytest.mark.parametrize("text", SAMPLES)
def test_values_as_json_loads_and_marks_as_cfn_lint(text: str) -> None:
    from cfnlint.decode.cfn_json import CfnJSONDecoder  # the reference only

    ours = decode_json(text)
    assert plain(ours) == json.loads(text)
    assert _marks(ours) == _marks(json.loads(text, cls=CfnJSONDecoder))


def test_lines_read_by_the_callers() -> None:
    doc = decode_json(NESTED)
    keys = {str(k): k for k in doc}
    assert [start_line(keys["a"]), start_line(keys["e"]), start_line(keys["f"])] == [2, 9, 9]
    assert (start_line(doc["a"]), end_line(doc["a"])) == (3, 7)  # after its "{", the line before its "}"
    assert (start_line(doc["e"]), end_line(doc["e"])) == (9, 8)  # cfn-lint's end line, one short before a ","
    assert start_line(doc["f"]) == 0  # string values carry no mark
    assert isinstance(doc["a"]["b"][0], int) and not isinstance(doc["a"]["b"][0], bool)


def test_special_numbers_as_json_loads() -> None:
    doc = plain(decode_json('{"a": NaN, "b": Infinity, "c": -Infinity, "d": 10000000000000000000000}'))
    assert [doc["b"], doc["c"], doc["d"]] == [float("inf"), float("-inf"), 10**22]
    assert doc["a"] != doc["a"]


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ('{\n  "a": 1,\n  "b": {\n    "c": 1,\n    "c": 2\n  }\n}\n', 'invalid JSON: duplicate key "c" (first at line 4)', 5),
        # an inner object closes first: its duplicate is the one reported
        ('{\n  "a": 1,\n  "a": {\n    "c": 1,\n    "c": 2\n  }\n}\n', 'invalid JSON: duplicate key "c" (first at line 4)', 5),
        ('{\n  "a": 1,\n  "b": 2,\n  "a": 3\n}\n', 'invalid JSON: duplicate key "a" (first at line 2)', 4),
        ('{\n  "a": [1, 2,]\n}\n', "invalid JSON: Expecting value", 2),
        ('{\n  "a": 1\n  "b": 2\n}\n', "invalid JSON: Expecting ',' delimiter", 3),
        ('{\n  a: 1\n}\n', "invalid JSON: Expecting property name enclosed in double quotes", 2),
        ('{\n  "a" 1\n}\n', "invalid JSON: Expecting ':' delimiter", 2),
        ('{"a": 1}\n{"b": 2}\n', "invalid JSON: Extra data", 2),
        ('{\n  "a": "open\n}\n', "invalid JSON: Invalid control character '\\n' at", 2),
        ('{\n  "a": "x\\qy"\n}\n', "invalid JSON: Invalid \\escape: 'q'", 2),
        ('{\n  "a": "\\u12"\n}\n', "invalid JSON: Invalid \\uXXXX escape", 2),
        ('{\n  "a": "never closed', "invalid JSON: Unterminated string starting at", 2),
        ("", "invalid JSON: Expecting value", 1),
        ('\ufeff{"a": 1}', "invalid JSON: Unexpected UTF-8 BOM (decode using utf-8-sig)", 1),
    ],
)
def test_errors_name_the_problem_and_line(text: str, message: str, line: int) -> None:
    with pytest.raises(ParseError) as caught:
        loads_marked(text, "x.tf.json")
    assert (caught.value.message, caught.value.file, caught.value.line) == (message, "x.tf.json", line)


@pytest.mark.skipif(not hasattr(sys, "get_int_max_str_digits"), reason="no limit on integer digits in this Python")
def test_an_integer_too_long_to_convert_is_a_parse_error() -> None:
    with pytest.raises(ParseError) as caught:
        loads_marked('{"a": ' + "9" * 5000 + "}", "big.json")
    assert caught.value.message.startswith("invalid JSON: Exceeds the limit (4300 digits) for integer string conversion")
