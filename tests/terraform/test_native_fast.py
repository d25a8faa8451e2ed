"""The fast reader of common HCL shapes (``terraform.native_fast``) against python-hcl2's
parser: a text it reads must be one python-hcl2 reads to the same tree (node types,
values, source texts, lines), on every fixture, on generated texts and on mutated
fixtures; everything else it leaves to python-hcl2 (None), errors included."""

from __future__ import annotations

import functools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iac_guard.errors import ParseError
from iac_guard.terraform import native_fast
from iac_guard.terraform.hcl import Body
from iac_guard.terraform.native_syntax import heredoc, parse_hcl, parse_hcl_lark
from tests.conftest import REPO
from tests.mutations import mutated

TF_FILES = sorted(p for root in ("tests/fixtures", "examples") for p in (REPO / root).rglob("*.tf"))


def fast(text: str) -> Body | None:
    return native_fast.parse(text, functools.partial(heredoc, filename="t.tf"))


def lark(text: str) -> Body | ParseError:
    try:
        return parse_hcl_lark(text, "t.tf")
    except ParseError as exc:
        return exc


def agrees(text: str) -> bool:
    """Whether the fast reader left ``text`` alone or read it as python-hcl2 does."""
    body = fast(text)
    return body is None or body == lark(text)


def test_every_fixture_reads_the_same() -> None:
    taken = 0
    for path in TF_FILES:
        text = path.read_text(encoding="utf-8", errors="replace")
        body = fast(text)
        if body is not None:
            taken += 1
            assert body == lark(text), path
    # the common shapes are the common case: most fixtures (written to test everything
    # else: operators, for expressions, splats, directives...) still take the fast path
    assert taken >= len(TF_FILES) * 0.7, (taken, len(TF_FILES))


TAKEN = [
    "",
    "a = f(a,\n)\nb = f(a\n, b)\n",
    "a = x" + ".a" * 30 + "[0]" * 30 + "\n",
    "a = " + "[" * 60 + "]" * 60 + "\n",
    "# only a comment",
    'resource "aws_s3_bucket" "b" {\n  bucket = "x-${var.n}"\n  acl    = "private"\n  tags   = { a = 1, "b c" = 2.5, d = [true, null] }\n}\n',
    'a = f(x, [1, 2,], {\n  k = "v" # note\n  // more\n  m = local.y[0].z\n},\n)\nb = var.list.0\n',
    "x = <<-EOT\n    hello ${name}\n      world\n  EOT\ny = 2\n",
    'module "m" {\n  source = "./m"\n  for_each = toset(["a", "b"])\n}\n\nempty {}\n',
    'a = "multi\nline ${x} \\"q\\" \\u00e9"\n',
    "a = 1\r\nb = \"crlf\"\r\n",
    "b = one.two[\"three\"][four]\n",
]

LEFT = [
    "a = 1 + 2\n",
    "a = var.x ? 1 : 0\n",
    "a = [for x in y : x]\n",
    "a = { for k, v in m : k => v }\n",
    "a = aws_instance.x[*].id\n",
    "a = aws_instance.x.*.id\n",
    'a = "%{ if x }y%{ endif }"\n',
    'a = "${~ x ~}"\n',
    'a = "$${literal}"\n',
    "/* block */\na = 1\n",
    "a = -1\n",
    "a = 1e5\n",
    "a = (b)\n",
    "a = !b\n",
    "x { a = 1 }\n",
    "a = 1\na = 2\n",
    "a = 1 b = 2\n",
    "a =\n1\n",
    'a = "${\nx}"\n',
    "a = provider::p::f(1)\n",
    "a = f(x...)\n",
    "a = { in = 1 }\n",
    "a = {b: 1}\n",
    'a = "unterminated\n',
    "a = [1 2]\n",
    "a = b .c\n",
    "true = 1\n",
    "a = x == y\n",
    "a = f(a\n,)\n",  # python-hcl2: no line break before a call's trailing comma
    "a = f(a # c\n,)\n",
    "a = x" + ".a" * 250 + "\n",  # deeper than python-hcl2's path goes: its error
    "a = x" + "[0]" * 70 + "\n",
    "a = " + "[" * 70 + "]" * 70 + "\n",
    "a = " + "{a = " * 70 + "1" + "}" * 70 + "\n",
    "a = " + '"${' * 70 + "x" + '}"' * 70 + "\n",
    "a = " + "f(" * 70 + ")" * 70 + "\n",
]


@pytest.mark.parametrize("text", TAKEN)
def test_common_shapes_are_read_as_python_hcl2_reads_them(text: str) -> None:
    body = fast(text)
    assert body is not None
    assert body == lark(text)


@pytest.mark.parametrize("text", LEFT)
def test_other_shapes_are_left_to_python_hcl2(text: str) -> None:
    assert fast(text) is None


def test_an_error_is_python_hcl2s_error_at_its_line() -> None:
    text = 'a = 1\nb = "x"\nc = [1 2]\n'
    with pytest.raises(ParseError) as caught:
        parse_hcl(text, "t.tf")
    expected = lark(text)
    assert isinstance(expected, ParseError)
    assert (caught.value.message, caught.value.line) == (expected.message, expected.line) and caught.value.line == 3


def test_a_heredoc_error_is_reported_as_python_hcl2s_path_reports_it() -> None:
    text = "a = <<EOT\n${\nEOT\nb = [1 2]\n"
    expected = lark(text)
    assert isinstance(expected, ParseError)
    with pytest.raises(ParseError) as caught:
        parse_hcl(text, "t.tf")
    assert (caught.value.message, caught.value.line) == (expected.message, expected.line)


# --- generated and mutated texts ---------------------------------------------------

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

FRAGMENTS = [
    "a", "b_2", "for_each", "in", "for", "true", "null", "var.x", "x.0", "x[0]", "f(", ")", "[", "]", "{", "}",
    "=", "==", "=>", ":", ",", ".", "...", "?", "+", "-", "!", "*", "1", "2.5", "-3", "1e3", "007", " ", "  ", "\t",
    "\n", "\r\n", "# c\n", "// c\n", "/* c */", '"', '"s"', '"${x}"', '"a ${ b.c } d"', "${", "%{", "~", "$${", "\\",
    '"\\n\\"\\u00e9"', "<<EOT\nbody ${x}\nEOT\n", "<<-EOT\n  in\n  EOT\n", "é", "::",
]

texts = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)


def _pick(draw: st.DrawFn, clean: bool, common: list[str], odd: list[str]) -> str:
    """One of ``common`` (the shapes the fast reader takes), or now and then, unless
    ``clean``, one of ``odd`` (its near misses: other valid HCL, or none)."""
    if clean or draw(st.integers(0, 9)):
        return draw(st.sampled_from(common))
    return draw(st.sampled_from(odd))


SEPARATORS = ([", ", ",", ",\n", " , ", ",\n  # c\n", ",\n  // c\n"], ["\n", " ", "\n,", "/* c */,"])
SCALARS = (
    ["a", "b_2", "e-f", "var.x", "local.y", "each.value", "count.index", "true", "null", "1", "2.5", "007", "0", '"s"', '""',
     '"a ${x} b"', '"${var.x}"', '"\\n\\"q"', '"é ${ f(1) }"', '"two\nlines"', "<<EOT\nline ${x}\nEOT\n",
     "<<-EOT\n    a\n      b\n    EOT\n", "<<EOT\nEOT\n"],
    ["for_each", "in", "-1", "1e3", '"%{ if a }b%{ endif }"', '"$${x}"', '"${ ~x}"', "(a)", "!a", "1.", "x::y"],
)
TRAVERSALS = ([".a", "[0]", ".0", '["k"]', "[ x ]", "[f(1)]"], ["[*].a", ".*", " .a", ".true", "[\n0]", ".0.1"])


def _collection(draw: st.DrawFn, inner: st.SearchStrategy[str], kind: str, clean: bool) -> str:
    items = draw(st.lists(inner, max_size=4))
    parts = [_pick(draw, clean, *SEPARATORS) if i else "" for i in range(len(items))]
    if kind == "tuple":
        body = "".join(p + item for p, item in zip(parts, items, strict=True))
        return "[" + _pick(draw, clean, ["", "\n", " ", "\n# c\n"], ["/* c */"]) + body + _pick(draw, clean, ["", ",", "\n", ",\n"] if items else ["", "\n"], [",,", "..."]) + "]"
    if kind == "object":
        keys = [_pick(draw, clean, ["k", '"k 2"', "x", "k_3"], ["for_each", "in", "a.b", "true", "(k)"]) for _ in items]
        eq = _pick(draw, clean, [" = ", "=", "  =  "], [" : ", " == ", " => "])
        seps = [_pick(draw, clean, [", ", ",\n", "\n", "\n\n", " # c\n"], [" ", "\n,"]) if i else "" for i in range(len(items))]
        body = "".join(p + k + eq + v for p, k, v in zip(seps, keys, items, strict=True))
        return "{" + _pick(draw, clean, ["", "\n", " "], ["/* */"]) + body + _pick(draw, clean, ["", "\n", " ", ",", ",\n"] if items else ["", "\n", " "], [",,"]) + "}"
    name = _pick(draw, clean, ["f", "merge", "lookup"], ["provider::p::f", "for"])
    tail = _pick(draw, clean, ["", ",", "\n", ",\n"] if items else ["", "\n"], ["...", ",,"])
    return name + _pick(draw, clean, ["(", " ("], ["\n("]) + "".join(p + item for p, item in zip(parts, items, strict=True)) + tail + ")"


@st.composite
def _compound(draw: st.DrawFn, inner: st.SearchStrategy[str], clean: bool) -> str:
    kind = draw(st.sampled_from(["tuple", "object", "call", "traversal", "operator"]))
    if kind == "traversal":
        base = draw(st.sampled_from(["var.x", "a", "f(1)", "[1]", '{k = "v"}'])) if clean else draw(inner)
        return base + _pick(draw, clean, *TRAVERSALS)
    if kind == "operator" and not clean:
        return draw(inner) + draw(st.sampled_from([" + ", " ? ", " == ", " && ", " - "])) + draw(inner)
    return _collection(draw, inner, "tuple" if kind == "operator" else kind, clean)


def expressions(clean: bool) -> st.SearchStrategy[str]:
    scalars = st.builds(lambda x: x, st.sampled_from(SCALARS[0])) if clean else st.one_of(st.sampled_from(SCALARS[0]), st.sampled_from(SCALARS[1]))
    return st.recursive(scalars, lambda inner: _compound(inner, clean), max_leaves=10)


@st.composite
def hcl_files(draw: st.DrawFn, clean: bool) -> str:
    """Bodies of attributes and blocks. ``clean``: only the shapes the fast reader takes
    (it must take them, and read them as python-hcl2 does); else with near misses now and
    then (operators, splats, keywords, line breaks where the grammar has none), so both
    sides of its boundary are tried."""
    exprs = expressions(clean)
    out = []
    for _ in range(draw(st.integers(0, 5))):
        if draw(st.booleans()):
            name = _pick(draw, clean, ["a", "b", "for_each", "c-d"], ["in", "true", "a"])
            eq = _pick(draw, clean, [" = ", "=", "  =  "], [" =\n", " == ", "\n="])
            end = _pick(draw, clean, ["\n", " # c\n", " // c\n", "\r\n", "\n\n"], [" ", "/* c */\n"])
            out.append(name + eq + draw(exprs) + end)
        else:
            header = _pick(draw, clean, ['resource "t" "n"', "locals", "x y", 'dynamic "d"'], ['r "${x}"', "for", "x\n", '"q"'])
            inner = "".join(f"  k{i} = {draw(exprs)}\n" for i in range(draw(st.integers(0, 3))))
            opening = _pick(draw, clean, [" {\n", "{\n", " { # c\n"], [" {", " { a = 1"])
            out.append(header + opening + inner + "}\n" if inner or opening != " {}" else header + " {}\n")
    text = "".join(out)
    names = [line.split("=")[0].strip() for line in text.splitlines() if not line.startswith(" ") and "=" in line]
    if clean and len(names) != len(set(names)):
        return ""  # a repeated attribute is python-hcl2's error to report
    return text


@SETTINGS
@given(text=hcl_files(clean=True))
def test_generated_common_shapes_are_taken_and_read_the_same(text: str) -> None:
    body = fast(text)
    assert body is not None, text
    assert body == lark(text)


@SETTINGS
@given(text=st.one_of(hcl_files(clean=False), texts))
def test_generated_texts_agree(text: str) -> None:
    assert agrees(text)


def mutated_fixture() -> st.SearchStrategy[str]:
    """A fixture with slices deleted, duplicated or replaced by HCL fragments."""
    fragments = st.sampled_from(FRAGMENTS).map(lambda f: f.encode("utf-8"))
    return st.sampled_from(TF_FILES).flatmap(
        lambda path: mutated(path.read_bytes(), replacements=fragments, max_span=12, max_edits=3).map(lambda b: b.decode("utf-8", "replace"))
    )


@SETTINGS
@given(text=mutated_fixture())
def test_mutated_fixtures_agree(text: str) -> None:
    assert agrees(text)
