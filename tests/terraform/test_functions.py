"""Every Terraform built-in function the static evaluator implements, case by case,
against the value Terraform gives.

``CASES`` lists, per registered function, expressions with the value ``terraform console``
(Terraform 1.11) gives for them, or ``ERROR`` where Terraform reports an error (the
evaluator then raises ``EvalError`` under ``try``/``can``, and yields an unknown value
elsewhere, never a guess). Values are compared as JSON: sets are lists in Terraform's
order, and a number equals a number whatever its Python type, never a bool.

``test_table_agrees_with_terraform`` feeds the whole table to one ``terraform console``
session when Terraform is installed, so the pinned values cannot drift from Terraform.
``UNKNOWN_CASES`` covers each function given an unknown argument: the call is unknown
(``UNKNOWN``), except where the evaluator documents otherwise (``length``, ``keys``,
``merge`` and ``concat`` need only the shape of their arguments; ``coalesce``, ``try``,
``can`` and ``jsonencode`` look inside).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from iac_guard.terraform.expressions import evaluate
from iac_guard.terraform.functions import FUNCTIONS
from iac_guard.terraform.native_syntax import parse_hcl
from iac_guard.terraform.values import EvalError, FileAccess, Scope, Unknown

ERROR = "<an error in Terraform>"
UNKNOWN = "<the call itself is unknown>"

# file(), fileexists() and templatefile() read these, beside the configuration.
FILES = {
    "hello.txt": "Hello, World!\n",
    "greet.tpl": "Hi ${name}!%{ for x in items } [${x}]%{ endfor }\n",
}

CASES: dict[str, list[tuple[str, Any]]] = {
    "merge": [
        ("merge({a = 1, b = 2}, {b = 3, c = 4})", {"a": 1, "b": 3, "c": 4}),
        ("merge()", {}),
        ("merge({a = 1}, null)", {"a": 1}),
        ("merge({a = {x = 1}}, {a = {y = 2}})", {"a": {"y": 2}}),
        ('merge({a = 1}, ["x"])', ERROR),
        ("merge({a = 1}, {b = null})", {"a": 1, "b": None}),
    ],
    "concat": [
        ('concat(["a"], ["b", "c"])', ["a", "b", "c"]),
        ("concat()", ERROR),
        ("concat([], [])", []),
        ('concat([["a"]], ["b"])', [["a"], "b"]),
        ('concat(["a"], "b")', ERROR),
    ],
    "lookup": [
        ('lookup({a = "x", b = "y"}, "a")', "x"),
        ('lookup({a = "x"}, "c", "d")', "d"),
        ('lookup({"1" = "one"}, 1)', "one"),
        ('lookup({}, "a", null)', None),
        ('lookup({a = "x"}, "c")', ERROR),
        ('lookup(["a"], "0")', ERROR),
    ],
    "coalesce": [
        ('coalesce("", "b", "c")', "b"),
        ("coalesce(null, 1, 2)", 1),
        ('coalesce(1, "x")', "1"),
        ('coalesce("", null)', ERROR),
        ("coalesce()", ERROR),
    ],
    "coalescelist": [
        ('coalescelist([], ["a"], ["b"])', ["a"]),
        ('coalescelist(["x"])', ["x"]),
        ("coalescelist([], [])", ERROR),
        ('coalescelist("a")', ERROR),
    ],
    "format": [
        ('format("Hello, %s!", "Ander")', "Hello, Ander!"),
        ('format("%d items", 3)', "3 items"),
        ('format("%05d", 42)', "00042"),
        ('format("%.2f", 3.14159)', "3.14"),
        ('format("%-5s|%5s|", "ab", "cd")', "ab   |   cd|"),
        ('format("%q", "a\\"b")', '"a\\"b"'),
        ('format("%t", true)', "true"),
        ('format("%x %X %o %b", 255, 255, 8, 5)', "ff FF 10 101"),
        ('format("100%%")', "100%"),
        ('format("%v", [1, "a"])', '[1,"a"]'),
        ('format("%e", 1234.5)', "1.234500e+03"),
        ('format("%s", 1.5)', "1.5"),
        ('format("%.3s", "abcdef")', "abc"),
        ('format("%d", "x")', ERROR),
        ('format("%s")', ERROR),
        ('format("%d", 1.5)', ERROR),
        ('format("%v", {a = 1})', '{"a":1}'),
        ('format("%s", true)', "true"),
        ('format("%[2]s %[1]s", "a", "b")', "b a"),
        ('format("%s %s", "a")', ERROR),
        ('format("%s", "a", "b")', ERROR),
        ('format("%+d|%-5d|%08.3f|%5.1f", 5, 42, 3.14159, 3.14159)', "+5|42   |0003.142|  3.1"),
        ('format("%d", "12")', "12"),
        ('format("%x", "hi")', ERROR),
        ('format("%c", 65)', ERROR),
        ('format("%#v", "x")', '"x"'),
        ('format("%v", 12345678901234567890)', "1.234567890123456789e+19"),
        ('format("%g|%g|%.3g", 123456789, 100000, 1234.5)', "1.23456789e+08|100000|1.23e+03"),
        ('format("%05s", "ab")', "000ab"),
        ('format("%q", "<é\\n>")', '"\\u003cé\\n\\u003e"'),
        ('format("%s", [1])', ERROR),
    ],
    "formatlist": [
        ('formatlist("Hello, %s!", ["A", "B"])', ["Hello, A!", "Hello, B!"]),
        ('formatlist("%s=%s", ["a", "b"], ["1", "2"])', ["a=1", "b=2"]),
        ('formatlist("%s-%s", "x", ["1", "2"])', ["x-1", "x-2"]),
        ('formatlist("%s", [])', []),
        ('formatlist("%s %s", ["a"], ["b", "c"])', ERROR),
    ],
    "join": [
        ('join(", ", ["a", "b", "c"])', "a, b, c"),
        ('join("-", [])', ""),
        ('join(",", ["a"], ["b"])', "a,b"),
        ('join(",", [1, true])', "1,true"),
        ('join(",", [["a"]])', ERROR),
        ('join(",", ["a", null])', ERROR),
    ],
    "split": [
        ('split(",", "a,b,c")', ["a", "b", "c"]),
        ('split(",", "")', [""]),
        ('split(",", "abc")', ["abc"]),
        ('split("", "abc")', ["a", "b", "c"]),
        ('split(",", ",a,")', ["", "a", ""]),
    ],
    "lower": [
        ('lower("HELLO")', "hello"),
        ('lower("ÀÉB")', "àéb"),
        ("lower(1)", "1"),
        ("lower([])", ERROR),
        ('lower("İ")', "i"),
    ],
    "upper": [
        ('upper("hello")', "HELLO"),
        ('upper("straße")', "STRAßE"),
        ('upper("àé")', "ÀÉ"),
        ("upper({})", ERROR),
        ('upper("ǆ")', "Ǆ"),
    ],
    "title": [
        ('title("hello world")', "Hello World"),
        ('title("hello-world foo_bar")', "Hello-World Foo_bar"),
        ('title("1st it\'s élan")', "1st It'S Élan"),
        ('title("")', ""),
        ('title(["a"])', ERROR),
        ('title("ßa")', "ßa"),
    ],
    "trimspace": [
        ('trimspace("  hi \\n")', "hi"),
        ('trimspace("")', ""),
        ('trimspace("\\u00a0x\\t")', "x"),
        ('trimspace(["a"])', ERROR),
    ],
    "trim": [
        ('trim("?!hello?!", "!?")', "hello"),
        ('trim("  a  ", " ")', "a"),
        ('trim("abc", "")', "abc"),
        ('trim("aXbXa", "a")', "XbX"),
        ('trim(["a"], "a")', ERROR),
    ],
    "trimprefix": [
        ('trimprefix("helloworld", "hello")', "world"),
        ('trimprefix("helloworld", "world")', "helloworld"),
        ('trimprefix("hellohello", "hello")', "hello"),
        ('trimprefix("a", "")', "a"),
        ('trimprefix(["a"], "a")', ERROR),
    ],
    "trimsuffix": [
        ('trimsuffix("helloworld", "world")', "hello"),
        ('trimsuffix("helloworld", "hello")', "helloworld"),
        ('trimsuffix("worldworld", "world")', "world"),
        ('trimsuffix(["a"], "a")', ERROR),
    ],
    "startswith": [
        ('startswith("hello world", "hello")', True),
        ('startswith("hello world", "world")', False),
        ('startswith("x", "")', True),
        ('startswith(["a"], "a")', ERROR),
    ],
    "endswith": [
        ('endswith("hello world", "world")', True),
        ('endswith("hello world", "hello")', False),
        ('endswith("x", "")', True),
        ('endswith(["a"], "a")', ERROR),
    ],
    "strcontains": [
        ('strcontains("hello world", "wor")', True),
        ('strcontains("hello world", "cat")', False),
        ('strcontains("a", "")', True),
        ('strcontains(["a"], "a")', ERROR),
    ],
    "substr": [
        ('substr("hello world", 1, 4)', "ello"),
        ('substr("hello", -3, -1)', "llo"),
        ('substr("hello", 0, 10)', "hello"),
        ('substr("hello", 10, 1)', ""),
        ('substr("héllo", 1, 1)', "é"),
        ('substr("hello", 1, -1)', "ello"),
        ('substr("hello", -10, 1)', "h"),
        ('substr("👍🏽ab", 0, 1)', "👍🏽"),
    ],
    "replace": [
        ('replace("1 + 2 + 3", "+", "-")', "1 - 2 - 3"),
        ('replace("hello world", "/w.*d/", "everybody")', "hello everybody"),
        ('replace("hello", "/(l+)/", "[$1]")', "he[ll]o"),
        ('replace("abc", "", "-")', "-a-b-c-"),
        ('replace("a.b.c", "/\\\\./", "-")', "a-b-c"),
        ('replace("key=val", "/(?P<k>\\\\w+)=(?P<v>\\\\w+)/", "$v=$k")', "val=key"),
        ('replace("abc", "/(/", "x")', ERROR),
        ('replace("aaa", "a", "$1")', "$1$1$1"),
        ('replace("ab", "/(a)(b)/", "$2$1${1}x")', "b"),
    ],
    "regex": [
        ('regex("[a-z]+", "53453453.345345aaabbbccc23454")', "aaabbbccc"),
        (
            'regex("(\\\\d\\\\d\\\\d\\\\d)-(\\\\d\\\\d)-(\\\\d\\\\d)", "2019-02-01")',
            ["2019", "02", "01"],
        ),
        (
            'regex("^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?", "https://terraform.io/docs/")',
            {"authority": "terraform.io", "scheme": "https"},
        ),
        ('regex("[a-z]+", "123")', ERROR),
        ('regex("(a)(b)?", "a")', ["a", None]),
        ('regex("(", "a")', ERROR),
        ('regex("(?P<a>x)(y)", "xy")', ERROR),
        ('regex("[[:alpha:]]+", "12ab3")', "ab"),
        ('regex("(?i)AB", "xab")', "ab"),
        ('regex("a\\\\z", "ba")', "a"),
    ],
    "regexall": [
        ('regexall("[a-z]+", "1234abcd5678efgh9")', ["abcd", "efgh"]),
        ('regexall("[a-z]+", "123")', []),
        ('regexall("(\\\\d)(\\\\w)", "1a2b")', [["1", "a"], ["2", "b"]]),
        ('regexall("(?P<d>\\\\d)", "1a2")', [{"d": "1"}, {"d": "2"}]),
        ('regexall("(", "a")', ERROR),
    ],
    "length": [
        ("length([])", 0),
        ('length(["a", "b"])', 2),
        ("length({a = 1, b = 2})", 2),
        ('length("héllo")', 5),
        ('length("👍🏽")', 1),
        ("length(5)", ERROR),
        ("length(null)", ERROR),
        ('length("e\\u0301")', 1),
        ('length("🇫🇷🇩🇪")', 2),
        ('length("👨\u200d👩\u200d👧")', 1),
    ],
    "keys": [
        ("keys({b = 1, a = 2})", ["a", "b"]),
        ("keys({})", []),
        ('keys(["a"])', ERROR),
    ],
    "values": [
        ("values({b = 1, a = 2})", [2, 1]),
        ("values({})", []),
        ('values(["a"])', ERROR),
    ],
    "contains": [
        ('contains(["a", "b"], "a")', True),
        ('contains(["a", "b"], "c")', False),
        ('contains([1, 2], "1")', False),
        ('contains([], "a")', False),
        ('contains("abc", "a")', ERROR),
    ],
    "element": [
        ('element(["a", "b", "c"], 1)', "b"),
        ('element(["a", "b", "c"], 3)', "a"),
        ("element([], 0)", ERROR),
        ('element(["a", "b"], -1)', ERROR),
        ('element(["a", "b"], 1.5)', ERROR),
    ],
    "index": [
        ('index(["a", "b", "c"], "b")', 1),
        ("index([1, 2], 2)", 1),
        ('index(["a"], "z")', ERROR),
        ('index("abc", "a")', ERROR),
    ],
    "flatten": [
        ('flatten([["a", "b"], [], ["c"]])', ["a", "b", "c"]),
        ('flatten([[["a"]], "b"])', ["a", "b"]),
        ("flatten([])", []),
        ('flatten("a")', ERROR),
    ],
    "distinct": [
        ('distinct(["a", "b", "a", "c"])', ["a", "b", "c"]),
        ("distinct([])", []),
        ("distinct([1, 1, 2])", [1, 2]),
        ('distinct("a")', ERROR),
    ],
    "compact": [
        ('compact(["a", "", "b", null, "c"])', ["a", "b", "c"]),
        ("compact([])", []),
        ('compact([1, ""])', ["1"]),
        ('compact("a")', ERROR),
    ],
    "reverse": [
        ("reverse([1, 2, 3])", [3, 2, 1]),
        ("reverse([])", []),
        ('reverse("abc")', ERROR),
    ],
    "sort": [
        ('sort(["e", "d", "a", "x"])', ["a", "d", "e", "x"]),
        ("sort([3, 10, 1])", ["1", "10", "3"]),
        ("sort([])", []),
        ('sort("a")', ERROR),
        ('sort([["a"]])', ERROR),
    ],
    "slice": [
        ('slice(["a", "b", "c", "d"], 1, 3)', ["b", "c"]),
        ("slice([], 0, 0)", []),
        ('slice(["a"], 1, 1)', []),
        ('slice(["a"], 0, 2)', ERROR),
        ('slice(["a", "b"], 1, 0)', ERROR),
        ('slice(["a", "b"], -1, 1)', ERROR),
    ],
    "range": [
        ("range(3)", [0, 1, 2]),
        ("range(1, 4)", [1, 2, 3]),
        ("range(1, 8, 2)", [1, 3, 5, 7]),
        ("range(4, 1)", [4, 3, 2]),
        ("range(0)", []),
        ("range(0, 1, 0.25)", [0, 0.25, 0.5, 0.75]),
        ("range(1, 4, 0)", ERROR),
        ("range(1, 0, 1)", ERROR),
        ("range(-3)", [0, -1, -2]),
        ("range(3, 1, -1)", [3, 2]),
        ("range(0.5, 2)", [0.5, 1.5]),
        ("range(1, 4, -1)", ERROR),
        ("range(1, 1)", []),
    ],
    "zipmap": [
        ('zipmap(["a", "b"], [1, 2])', {"a": 1, "b": 2}),
        ("zipmap([], [])", {}),
        ('zipmap(["a", "a"], [1, 2])', {"a": 2}),
        ('zipmap(["a"], [1, 2])', ERROR),
    ],
    "setproduct": [
        ('setproduct(["a", "b"], ["x", "y"])', [["a", "x"], ["a", "y"], ["b", "x"], ["b", "y"]]),
        ('setproduct(["a"], [])', []),
        ('setproduct(["a"])', ERROR),
        ('setproduct(["a"], [1, 2], ["z"])', [["a", 1, "z"], ["a", 2, "z"]]),
    ],
    "setunion": [
        ('setunion(["a", "b"], ["b", "c"], ["d"])', ["a", "b", "c", "d"]),
        ("setunion([], [])", []),
        ('setunion(["b"], ["a"])', ["a", "b"]),
        ("setunion([3, 1], [2])", [1, 2, 3]),
    ],
    "setintersection": [
        ('setintersection(["a", "b"], ["b", "c"], ["b", "d"])', ["b"]),
        ('setintersection(["a"], ["b"])', []),
        ('setintersection(["b", "a"])', ["a", "b"]),
        ("setintersection([2, 1], [1, 2])", [1, 2]),
    ],
    "setsubtract": [
        ('setsubtract(["a", "b", "c"], ["a", "c"])', ["b"]),
        ("setsubtract([1, 2, 3], [2])", [1, 3]),
        ('setsubtract([], ["a"])', []),
        ('setsubtract("a", ["a"])', ERROR),
    ],
    "chunklist": [
        ('chunklist(["a", "b", "c", "d", "e"], 2)', [["a", "b"], ["c", "d"], ["e"]]),
        ("chunklist([], 2)", []),
        ('chunklist(["a"], 0)', [["a"]]),
        ('chunklist(["a"], -1)', ERROR),
        ('chunklist(["a", "b"], 5)', [["a", "b"]]),
    ],
    "one": [
        ("one([])", None),
        ('one(["a"])', "a"),
        ('one(["a", "b"])', ERROR),
        ("one(toset([]))", None),
        ('one("a")', ERROR),
    ],
    "alltrue": [
        ("alltrue([true, true])", True),
        ("alltrue([])", True),
        ('alltrue(["true", true])', True),
        ("alltrue([true, false])", False),
        ('alltrue(["yes"])', ERROR),
        ("alltrue([null])", False),
    ],
    "anytrue": [
        ("anytrue([false, true])", True),
        ("anytrue([])", False),
        ('anytrue(["true"])', True),
        ("anytrue([false])", False),
        ('anytrue(["yes"])', ERROR),
        ("anytrue([null])", False),
    ],
    "sum": [
        ("sum([1, 2.5])", 3.5),
        ("sum([-1, 1])", 0),
        ('sum(["1", "2"])', 3),
        ("sum([])", ERROR),
        ('sum(["x"])', ERROR),
        ("sum([null])", ERROR),
    ],
    "min": [
        ("min(12, 54, 3)", 3),
        ("min(-1.5, 2)", -1.5),
        ('min("10", 9)', 9),
        ("min()", ERROR),
        ('min("x")', ERROR),
        ("min([1, 2]...)", 1),
    ],
    "max": [
        ("max(12, 54, 3)", 54),
        ("max(-1.5, 2)", 2),
        ('max("10", 9)', 10),
        ("max()", ERROR),
        ('max("x")', ERROR),
    ],
    "abs": [
        ("abs(-12.4)", 12.4),
        ("abs(0)", 0),
        ("abs(23)", 23),
        ('abs("-3")', 3),
        ('abs("x")', ERROR),
    ],
    "ceil": [
        ("ceil(5.1)", 6),
        ("ceil(5)", 5),
        ("ceil(-5.1)", -5),
        ('ceil("1.2")', 2),
        ('ceil("x")', ERROR),
    ],
    "floor": [
        ("floor(4.9)", 4),
        ("floor(-4.1)", -5),
        ("floor(5)", 5),
        ('floor("x")', ERROR),
    ],
    "parseint": [
        ('parseint("100", 10)', 100),
        ('parseint("FF", 16)', 255),
        ('parseint("-10", 16)', -16),
        ('parseint("1011", 2)', 11),
        ('parseint("zz", 36)', 1295),
        ('parseint("12", 2)', ERROR),
        ('parseint("0x10", 16)', ERROR),
        ('parseint("1_0", 10)', ERROR),
        ('parseint("10", 1)', ERROR),
        ('parseint("10", 63)', ERROR),
        ('parseint("+5", 10)', 5),
        ('parseint(" 5", 10)', ERROR),
    ],
    "tostring": [
        ('tostring("hello")', "hello"),
        ("tostring(1)", "1"),
        ("tostring(1.5)", "1.5"),
        ("tostring(true)", "true"),
        ("tostring(null)", None),
        ("tostring([])", ERROR),
    ],
    "tonumber": [
        ('tonumber("1")', 1),
        ('tonumber("1.5")', 1.5),
        ("tonumber(1)", 1),
        ('tonumber("1e3")', 1000),
        ("tonumber(null)", None),
        ('tonumber("no")', ERROR),
        ("tonumber(true)", ERROR),
        ('tonumber(" 1")', ERROR),
        ('tonumber("0x10")', ERROR),
        ('tonumber("Infinity")', ERROR),
        ('tonumber("nan")', ERROR),
        ('tonumber("+1")', 1),
        ('tonumber(".5")', 0.5),
        ('tonumber("1.")', 1),
        ('tonumber("007")', 7),
        ('tonumber("inf")', ERROR),
    ],
    "tobool": [
        ('tobool("true")', True),
        ("tobool(false)", False),
        ("tobool(null)", None),
        ('tobool("yes")', ERROR),
        ("tobool(1)", ERROR),
        ('tobool("True")', ERROR),
    ],
    "tolist": [
        ('tolist(["a", "b"])', ["a", "b"]),
        ('tolist(toset(["b", "a"]))', ["a", "b"]),
        ("tolist([])", []),
        ('tolist(["a", 1])', ["a", "1"]),
        ('tolist("a")', ERROR),
        ("tolist({a = 1})", ERROR),
    ],
    "toset": [
        ('toset(["c", "b", "b"])', ["b", "c"]),
        ("toset([3, 1, 1, 20])", [1, 3, 20]),
        ('toset(["a", 1])', ["1", "a"]),
        ("toset([])", []),
        ('toset("a")', ERROR),
    ],
    "tomap": [
        ("tomap({a = 1, b = 2})", {"a": 1, "b": 2}),
        ('tomap({a = "x", b = 1})', {"a": "x", "b": "1"}),
        ("tomap({})", {}),
        ('tomap(["a"])', ERROR),
    ],
    "jsonencode": [
        ("jsonencode({b = 1, a = [true, null]})", '{"a":[true,null],"b":1}'),
        ('jsonencode("a<b>&")', '"a\\u003cb\\u003e\\u0026"'),
        ('jsonencode("é")', '"é"'),
        ("jsonencode(1.5)", "1.5"),
        ("jsonencode([])", "[]"),
        ("jsonencode({})", "{}"),
        ('jsonencode("line\\nbreak")', '"line\\nbreak"'),
        ("jsonencode(1e21)", "1000000000000000000000"),
        ('jsonencode("\\u2028")', '"\\u2028"'),
        ('jsonencode({"b" = 1, "a" = 2, "B" = 3})', '{"B":3,"a":2,"b":1}'),
    ],
    "jsondecode": [
        ('jsondecode("{\\"hello\\": \\"world\\"}")', {"hello": "world"}),
        ('jsondecode("true")', True),
        ('jsondecode("[1, 2.5, null]")', [1, 2.5, None]),
        ('jsondecode("{")', ERROR),
        ('jsondecode("NaN")', ERROR),
        ('jsondecode("1 2")', ERROR),
        ('jsondecode("")', ERROR),
    ],
    "yamldecode": [
        ('yamldecode("hello: world")', {"hello": "world"}),
        ('yamldecode("- a\\n- 1\\n- true")', ["a", 1, True]),
        ('yamldecode("a: [")', ERROR),
        ('yamldecode("x: yes")', {"x": True}),
        ('yamldecode("")', ERROR),
        ('yamldecode("a: 010")', {"a": 10}),
        ('yamldecode("a: 1.0")', {"a": 1}),
        ('yamldecode("a: null")', {"a": None}),
        ('yamldecode("a: 0x10")', {"a": 16}),
        ('yamldecode("a: 0o10")', {"a": 8}),
        ('yamldecode("a: 1_000")', {"a": "1_000"}),
        ('yamldecode("a: y")', {"a": True}),
        ('yamldecode("a: 2001-12-14")', {"a": "2001-12-14T00:00:00Z"}),
        ('yamldecode("a: 1e3")', {"a": 1000}),
        ('yamldecode("---")', None),
        ('yamldecode("# only a comment")', ERROR),
        ('yamldecode("a: .inf")', ERROR),
        ('yamldecode("---\\na: 1\\n---\\nb: 2")', ERROR),
    ],
    "yamlencode": [
        ('yamlencode({a = "b", c = [1, 2]})', '"a": "b"\n"c":\n- 1\n- 2\n'),
        ('yamlencode("x")', '"x"\n'),
        ("yamlencode([])", "[]\n"),
        ("yamlencode({})", "{}\n"),
        ("yamlencode(null)", "null\n...\n"),
        (
            'yamlencode({a = true, b = 1.5, c = "multi\\nline"})',
            '"a": true\n"b": 1.5\n"c": |-\n  multi\n  line\n',
        ),
        ('yamlencode("yes")', '"yes"\n'),
        (
            'yamlencode({a = {b = [{c = 1}, "x"]}, d = []})',
            '"a":\n  "b":\n  - "c": 1\n  - "x"\n"d": []\n',
        ),
        (
            'yamlencode("aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss")',
            '"aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq\n  rrrr ssss"\n',
        ),
        ('yamlencode("a \\nb")', '"a \\nb"\n'),
        ('yamlencode(" x\\ny")', "|2-\n   x\n  y\n"),
        ('yamlencode("multi\\nline\\n\\n")', "|+\n  multi\n  line\n\n"),
        ("yamlencode(1e21)", "1000000000000000000000\n...\n"),
    ],
    "base64encode": [
        ('base64encode("Hello World")', "SGVsbG8gV29ybGQ="),
        ('base64encode("")', ""),
        ('base64encode("é")', "w6k="),
        ("base64encode([])", ERROR),
    ],
    "base64decode": [
        ('base64decode("SGVsbG8gV29ybGQ=")', "Hello World"),
        ('base64decode("")', ""),
        ('base64decode("not base64!")', ERROR),
        ('base64decode("/w==")', ERROR),
        ('base64decode("SGVsbG8")', ERROR),
    ],
    "try": [
        ('try(tonumber("x"), 5)', 5),
        ("try(1)", 1),
        ('try({a = 1}.b, "fallback")', "fallback"),
        ('try(tonumber("x"))', ERROR),
        ('try(tonumber("x"), tonumber("y"), "z")', "z"),
    ],
    "can": [
        ('can(tonumber("1"))', True),
        ('can(tonumber("x"))', False),
        ("can({a = 1}.b)", False),
        ("can({a = 1}.a)", True),
    ],
    "file": [
        ('file("hello.txt")', "Hello, World!\n"),
        ('file("missing.txt")', ERROR),
    ],
    "fileexists": [
        ('fileexists("hello.txt")', True),
        ('fileexists("missing.txt")', False),
    ],
    "templatefile": [
        ('templatefile("greet.tpl", {name = "x", items = [1, 2]})', "Hi x! [1] [2]\n"),
        ('templatefile("greet.tpl", {name = "x"})', ERROR),
        ('templatefile("missing.tpl", {})', ERROR),
    ],
    "cidrsubnet": [
        ('cidrsubnet("10.0.0.0/16", 8, 2)', "10.0.2.0/24"),
        ('cidrsubnet("172.16.0.0/12", 4, 2)', "172.18.0.0/16"),
        ('cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)', "fd00:fd12:3456:7800:a200::/72"),
        ('cidrsubnet("10.1.2.3/16", 8, 0)', "10.1.0.0/24"),
        ('cidrsubnet("10.0.0.0/8", 16, 65535)', "10.255.255.0/24"),
        ('cidrsubnet("10.0.0.0/24", 9, 0)', ERROR),
        ('cidrsubnet("10.0.0.0/16", 2, 4)', ERROR),
        ('cidrsubnet("10.0.0.0/16", 0, 0)', "10.0.0.0/16"),
        ('cidrsubnet("x", 1, 0)', ERROR),
    ],
    "cidrhost": [
        ('cidrhost("10.12.112.0/20", 16)', "10.12.112.16"),
        ('cidrhost("10.12.112.0/20", 268)', "10.12.113.12"),
        ('cidrhost("10.12.112.0/20", -1)', "10.12.127.255"),
        ('cidrhost("fd00:fd12:3456:7890::/56", 34)', "fd00:fd12:3456:7800::22"),
        ('cidrhost("10.0.0.0/30", 4)', ERROR),
        ('cidrhost("10.0.0.0/30", -5)', ERROR),
        ('cidrhost("10.0.0.5/30", 1)', "10.0.0.5"),
    ],
    "cidrnetmask": [
        ('cidrnetmask("172.16.0.0/12")', "255.240.0.0"),
        ('cidrnetmask("10.0.0.0/32")', "255.255.255.255"),
        ('cidrnetmask("10.0.0.0/0")', "0.0.0.0"),
        ('cidrnetmask("fd00::/56")', ERROR),
        ('cidrnetmask("x")', ERROR),
    ],
}


UNKNOWN_CASES: dict[str, list[tuple[str, Any]]] = {
    "merge": [
        ("merge({a = aws_x.y.id}, {b = 1})", {"a": {"__unknown__": "aws_x.y.id"}, "b": 1}),
        ("merge(aws_x.y.tags, {b = 1})", UNKNOWN),
    ],
    "concat": [
        ('concat([aws_x.y.id], ["b"])', [{"__unknown__": "aws_x.y.id"}, "b"]),
        ('concat(aws_x.y.list, ["b"])', UNKNOWN),
    ],
    "lookup": [
        ('lookup(aws_x.y.tags, "a", "d")', UNKNOWN),
        ('lookup({a = "x"}, aws_x.y.key, "d")', UNKNOWN),
    ],
    "coalesce": [
        ('coalesce(aws_x.y.id, "a")', {"__unknown__": "aws_x.y.id"}),
        ('coalesce("", aws_x.y.id)', {"__unknown__": "aws_x.y.id"}),
        ('coalesce("a", aws_x.y.id)', "a"),
    ],
    "coalescelist": [('coalescelist(aws_x.y.list, ["a"])', UNKNOWN)],
    "format": [('format("%s-%s", "a", aws_x.y.id)', UNKNOWN)],
    "formatlist": [('formatlist("%s", aws_x.y.list)', UNKNOWN)],
    "join": [('join(",", ["a", aws_x.y.id])', UNKNOWN)],
    "split": [('split(",", aws_x.y.csv)', UNKNOWN)],
    "lower": [("lower(aws_x.y.id)", UNKNOWN)],
    "upper": [("upper(aws_x.y.id)", UNKNOWN)],
    "title": [("title(aws_x.y.id)", UNKNOWN)],
    "trimspace": [("trimspace(aws_x.y.id)", UNKNOWN)],
    "trim": [('trim(aws_x.y.id, " ")', UNKNOWN)],
    "trimprefix": [('trimprefix(aws_x.y.id, "a")', UNKNOWN)],
    "trimsuffix": [('trimsuffix("abc", aws_x.y.id)', UNKNOWN)],
    "startswith": [('startswith(aws_x.y.arn, "arn:")', UNKNOWN)],
    "endswith": [('endswith(aws_x.y.arn, "/*")', UNKNOWN)],
    "strcontains": [('strcontains(aws_x.y.arn, ":")', UNKNOWN)],
    "substr": [("substr(aws_x.y.id, 0, 1)", UNKNOWN)],
    "replace": [('replace(aws_x.y.id, "a", "b")', UNKNOWN)],
    "regex": [('regex("a+", aws_x.y.id)', UNKNOWN)],
    "regexall": [('regexall(aws_x.y.pattern, "aa")', UNKNOWN)],
    "length": [("length([aws_x.y.id, 1])", 2), ("length(aws_x.y.list)", UNKNOWN)],
    "keys": [("keys({a = aws_x.y.id})", ["a"]), ("keys(aws_x.y.tags)", UNKNOWN)],
    "values": [("values({a = aws_x.y.id})", UNKNOWN)],
    "contains": [
        ('contains(["a", "b"], aws_x.y.id)', UNKNOWN),
        ('contains([aws_x.y.id], "a")', UNKNOWN),
    ],
    "element": [('element(["a", "b"], aws_x.y.count)', UNKNOWN)],
    "index": [('index(aws_x.y.list, "a")', UNKNOWN)],
    "flatten": [('flatten([["a"], [aws_x.y.id]])', UNKNOWN)],
    "distinct": [('distinct(["a", aws_x.y.id])', UNKNOWN)],
    "compact": [('compact(["a", aws_x.y.id])', UNKNOWN)],
    "reverse": [("reverse(aws_x.y.list)", UNKNOWN)],
    "sort": [('sort(["b", aws_x.y.id])', UNKNOWN)],
    "slice": [('slice(["a", "b"], 0, aws_x.y.count)', UNKNOWN)],
    "range": [("range(aws_x.y.count)", UNKNOWN)],
    "zipmap": [('zipmap(["a"], [aws_x.y.id])', UNKNOWN)],
    "setproduct": [('setproduct(["a"], aws_x.y.list)', UNKNOWN)],
    "setunion": [('setunion(["a"], aws_x.y.list)', UNKNOWN)],
    "setintersection": [('setintersection(["a"], aws_x.y.list)', UNKNOWN)],
    "setsubtract": [('setsubtract(["a"], aws_x.y.list)', UNKNOWN)],
    "chunklist": [("chunklist(aws_x.y.list, 2)", UNKNOWN)],
    "one": [("one(aws_x.y.list)", UNKNOWN)],
    "alltrue": [("alltrue([true, aws_x.y.enabled])", UNKNOWN)],
    "anytrue": [("anytrue([aws_x.y.enabled])", UNKNOWN)],
    "sum": [("sum([1, aws_x.y.count])", UNKNOWN)],
    "min": [("min(1, aws_x.y.count)", UNKNOWN)],
    "max": [("max(aws_x.y.count, 1)", UNKNOWN)],
    "abs": [("abs(aws_x.y.count)", UNKNOWN)],
    "ceil": [("ceil(aws_x.y.count)", UNKNOWN)],
    "floor": [("floor(aws_x.y.count)", UNKNOWN)],
    "parseint": [("parseint(aws_x.y.id, 16)", UNKNOWN)],
    "tostring": [("tostring(aws_x.y.count)", UNKNOWN)],
    "tonumber": [("tonumber(aws_x.y.id)", UNKNOWN)],
    "tobool": [("tobool(aws_x.y.enabled)", UNKNOWN)],
    "tolist": [("tolist(aws_x.y.set)", UNKNOWN)],
    "toset": [('toset(["a", aws_x.y.id])', UNKNOWN)],
    "tomap": [("tomap({a = aws_x.y.id})", UNKNOWN)],
    "jsonencode": [
        ("jsonencode(aws_x.y.policy)", {"__unknown__": "aws_x.y.policy"}),
        (
            'jsonencode({Resource = "${aws_x.y.arn}/*", Effect = "Allow"})',
            {"__unknown__": '{"Effect":"Allow","Resource":"${aws_x.y.arn}/*"}'},
        ),
    ],
    "jsondecode": [("jsondecode(aws_x.y.json)", UNKNOWN)],
    "yamldecode": [("yamldecode(aws_x.y.yaml)", UNKNOWN)],
    "yamlencode": [("yamlencode({a = aws_x.y.id})", UNKNOWN)],
    "base64encode": [("base64encode(aws_x.y.id)", UNKNOWN)],
    "base64decode": [("base64decode(aws_x.y.data)", UNKNOWN)],
    "try": [
        ('try(aws_x.y.id, "fallback")', {"__unknown__": "aws_x.y.id"}),
        ('try(tonumber("x"), aws_x.y.id)', {"__unknown__": "aws_x.y.id"}),
    ],
    "can": [("can(aws_x.y.id)", {"__unknown__": "aws_x.y.id"})],
    "file": [("file(aws_x.y.path)", UNKNOWN)],
    "fileexists": [("fileexists(aws_x.y.path)", UNKNOWN)],
    "templatefile": [
        ('templatefile("greet.tpl", {name = aws_x.y.id, items = []})', UNKNOWN),
        ("templatefile(aws_x.y.path, {})", UNKNOWN),
    ],
    "cidrsubnet": [("cidrsubnet(aws_vpc.main.cidr_block, 8, 1)", UNKNOWN)],
    "cidrhost": [('cidrhost("10.0.0.0/24", aws_x.y.count)', UNKNOWN)],
    "cidrnetmask": [("cidrnetmask(aws_vpc.main.cidr_block)", UNKNOWN)],
}


def _evaluate(source: str, base: Path, *, strict: bool) -> Any:
    """The value of the HCL expression ``source``, as a module's attribute would get it
    (policy-input JSON: unknown values as their ``{"__unknown__": ...}`` markers)."""
    body = parse_hcl(f"x = {source}\n", "t.tf")
    return _as_json(
        evaluate(body.attributes[0].expr, Scope({}, strict=strict, files=FileAccess(base, base)))
    )


def _as_json(value: Any) -> Any:
    if isinstance(value, Unknown):
        return {"__unknown__": value.src}
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value


def _same(a: Any, b: Any) -> bool:
    """JSON equality: 1 == 1.0, but a bool is never a number and a string never a number."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def _flat(table: dict[str, list[tuple[str, Any]]]) -> list[Any]:
    return [
        pytest.param(name, source, expected, id=source)
        for name, cases in table.items()
        for source, expected in cases
    ]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("functions")
    for name, text in FILES.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


def test_every_registered_function_has_cases() -> None:
    assert sorted(CASES) == sorted(FUNCTIONS)
    assert sorted(UNKNOWN_CASES) == sorted(FUNCTIONS)
    for name, cases in CASES.items():
        assert len(cases) >= 2, name
        assert any(expected is not ERROR for _, expected in cases), f"{name}: no value case"
        for source, _ in cases:
            assert source.startswith(f"{name}("), source
            assert "\n" not in source  # one console line each


@pytest.mark.parametrize(("name", "source", "expected"), _flat(CASES))
def test_function_gives_terraforms_result(
    name: str, source: str, expected: Any, base: Path
) -> None:
    if expected is ERROR:
        with pytest.raises(EvalError):
            _evaluate(source, base, strict=True)
        # outside try()/can() an error is an unknown value, never a guessed one
        assert _evaluate(source, base, strict=False) == {"__unknown__": source}
    else:
        got = _evaluate(source, base, strict=True)
        assert _same(got, expected), f"{source}: got {got!r}, Terraform gives {expected!r}"


@pytest.mark.parametrize(("name", "source", "expected"), _flat(UNKNOWN_CASES))
def test_unknown_argument(name: str, source: str, expected: Any, base: Path) -> None:
    assert source.startswith(f"{name}(")
    want = {"__unknown__": source} if expected is UNKNOWN else expected
    got = _evaluate(source, base, strict=False)
    assert _same(got, want), f"{source}: got {got!r}, want {want!r}"


def _console(sources: list[str], directory: Path) -> list[Any]:
    """Evaluate every expression in one ``terraform console`` session: one expression,
    a list of each case's JSON (``"!"`` where it fails), base64-encoded so the console's
    string quoting does not matter."""
    items = ", ".join(f'try(jsonencode({source}), "!")' for source in sources)
    env = dict(
        os.environ, CHECKPOINT_DISABLE="1", TF_IN_AUTOMATION="1", TF_CLI_CONFIG_FILE=os.devnull
    )
    result = subprocess.run(
        ["terraform", "console", "-no-color"],
        input=f"base64encode(jsonencode([{items}]))\n",
        capture_output=True,
        text=True,
        cwd=directory,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0 and result.stdout.strip(), result.stderr
    answers = json.loads(base64.b64decode(json.loads(result.stdout.strip())))
    assert len(answers) == len(sources)
    return [ERROR if answer == "!" else json.loads(answer) for answer in answers]


@pytest.mark.skipif(
    shutil.which("terraform") is None, reason="terraform is not on PATH: the table stays pinned"
)
def test_table_agrees_with_terraform(tmp_path: Path, base: Path) -> None:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    cases = [(source, expected) for entries in CASES.values() for source, expected in entries]
    terraform = _console([source for source, _ in cases], tmp_path)
    drift: list[str] = []
    for (source, expected), actual in zip(cases, terraform, strict=True):
        ours: Any = ERROR
        with contextlib.suppress(EvalError):
            ours = _evaluate(source, base, strict=True)
        for who, value in (("the table", expected), ("iac-guard", ours)):
            if not _agree(value, actual):
                drift.append(f"{source}: {who} has {value!r}, Terraform gives {actual!r}")
    assert drift == []


def _agree(value: Any, terraform: Any) -> bool:
    if value is ERROR or terraform is ERROR:
        return value is terraform
    return _same(value, terraform)
