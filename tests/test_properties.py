"""Property-based tests (hypothesis), issue 11.

- Parsers: for arbitrary bytes (and for mutations of valid files), every parser returns a
  document; a failure is the project's ``parse-error`` problem naming the file (with a
  line wherever the failure is inside the text), never another exception; building the
  kind's resources from the documents raises nothing either.
- Reports: for arbitrary findings, problems, notices and suppressions (hostile strings
  included: controls, ANSI sequences, bidi overrides, zero-width characters, lone
  surrogates, huge strings, markdown/HTML injection, @mentions), the JSON report is valid
  against docs/report.schema.json and SARIF against the SARIF 2.1.0 schema, both parse
  back to the exact values, Markdown stays inside GitHub's 65,536-byte comment limit, and
  no control, bidi or invisible format character reaches any rendering raw.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft7Validator, Draft202012Validator

from iac_guard.models import (
    Finding,
    FindingKind,
    GateDecision,
    Notice,
    Problem,
    ScanResult,
    Severity,
    SourceFile,
    Suppression,
)
from iac_guard.parse.registry import parser_for
from iac_guard.report import FORMATTERS, render
from iac_guard.report.base import Links, RenderOptions
from iac_guard.report.markdown import COMMENT_LIMIT
from iac_guard.safeout import json_text, printable, unsafe
from tests.conftest import REPO
from tests.mutations import mutated

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# --- parsers ---------------------------------------------------------------------------

SEEDS = {
    ("terraform", "main.tf"): b'variable "n" {\n  default = 2\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "x-${var.n}"\n  acl    = "private"\n  tags   = { a = [1, 2.5, true, null] }\n}\n',
    ("terraform", "main.tf.json"): b'{"resource": {"aws_s3_bucket": {"b": {"bucket": "x", "acl": "${var.a}"}}}, "variable": {"a": {"default": "private"}}}',
    ("cloudformation", "stack.yaml"): b'AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  P: {Type: String}\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "${P}-x"\n      Tags: [{Key: a, Value: !Ref P}]\n',
    ("cloudformation", "stack.json"): b'{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Join": ["-", ["a", {"Ref": "AWS::Region"}]]}}}}}',
    ("tfplan", "plan.json"): b'{"format_version": "1.2", "terraform_version": "1.7.0", "planned_values": {"root_module": {"resources": [{"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b", "values": {"bucket": "x", "acl": "public-read"}}]}}, "configuration": {"root_module": {}}}',
}




def contents(seed: bytes) -> st.SearchStrategy[bytes]:
    return st.one_of(
        st.binary(max_size=400),
        st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
        mutated(seed),
    )


def parse_bytes(kind: str, name: str, data: bytes) -> None:
    parser = parser_for(kind)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        source = SourceFile(path, name, kind, len(data))
        document = parser.parse(source)  # never raises
        assert document.source == source
        lines = data.count(b"\n") + 1
        for problem in document.problems:
            assert problem.code == "parse-error" and problem.file == name and problem.message
            assert problem.line is None or 1 <= problem.line <= lines + 1
        if document.problems:
            # a file that decodes is text: its error is at a line (an undecodable or binary
            # file is an error about the whole file)
            decodes = b"\x00" not in data[:8192] and _utf8(data)
            if decodes:
                assert all(p.line is not None for p in document.problems), document.problems
        parser.build([document])  # resolving resources raises nothing either


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@pytest.mark.parametrize(("kind", "name"), list(SEEDS), ids=[name for _, name in SEEDS])
def test_parsers_never_raise(kind: str, name: str) -> None:
    @SETTINGS
    @given(data=contents(SEEDS[(kind, name)]))
    def check(data: bytes) -> None:
        parse_bytes(kind, name, data)

    check()


@pytest.mark.parametrize(("kind", "name"), list(SEEDS), ids=[name for _, name in SEEDS])
def test_seeds_parse_cleanly(kind: str, name: str) -> None:
    """The seeds themselves are valid: mutations start from real files."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(SEEDS[(kind, name)])
        document = parser_for(kind).parse(SourceFile(path, name, kind, path.stat().st_size))
        assert document.problems == ()


# --- reports ---------------------------------------------------------------------------

HOSTILE = [
    "\x1b[2J\x1b[31mPASSED\x1b[0m",
    "\x1b]0;pwned\x07",
    "\x9b31m",  # C1 CSI
    "line\nPASSED - 0 findings",
    "cr\roverwrite",
    "\u202eevil.tf\u202c",
    "\u2066isolate\u2069",
    "ad\u200bmin",
    "\ufeffbom",
    "\udc80lone",
    "\U000e0041tag",
    "@octocat #12 @org/team",
    "<img src=x onerror=alert(1)> <!-- iac-guard:summary -->",
    "| cell | break |\n| --- |",
    "[link](javascript:alert(1)) **bold** `code`",
    "::error file=x::forged\n::add-mask::secret",
    "%0A::warning::x",
    "x" * 70_000,
]



def _lone(text: str) -> str:
    """Only low surrogates, as ``os.listdir`` gives for a file name that is not UTF-8: a
    high one followed by a low one is a pair, which JSON (rightly) reads as one character."""
    return "".join("\ufffd" if "\ud800" <= c <= "\udbff" else c for c in text)


texts = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=80), st.text(alphabet=st.characters(categories=["Cc", "Cf", "Cs", "Zl", "Zp", "Lu", "Po", "Zs"]), max_size=30)).map(_lone)
short = st.one_of(st.sampled_from(["", "main.tf", "IAC-AWS-S3-001"]), st.sampled_from(HOSTILE), st.text(max_size=30)).map(_lone)
lines = st.integers(min_value=0, max_value=10_000)


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    return Finding(
        rule_id=draw(short) or "R",
        title=draw(texts),
        severity=draw(st.sampled_from(list(Severity))),
        message=draw(texts),
        resource=draw(short),
        file=draw(short),
        line=draw(lines),
        source=draw(st.sampled_from(["rego", "cfn-lint", "checkov"])),
        remediation=draw(texts),
        kind=draw(st.sampled_from(list(FindingKind))),
        end_line=draw(st.none() | lines),
        attribute=draw(short),
        resource_type=draw(short),
        docs_url=draw(st.sampled_from(["", "https://example.com/a b(c)", "javascript:alert(1)", "https://x/\x1b[31m"]) | texts),
        iac_kind=draw(st.sampled_from(["terraform", "cloudformation", ""])),
        provenance=tuple(draw(st.lists(texts, max_size=2))),
        root=draw(short),
        details=draw(texts),
    )


@st.composite
def results(draw: st.DrawFn) -> ScanResult:
    found = tuple(draw(st.lists(findings(), max_size=6)))
    problems = tuple(draw(st.lists(st.builds(Problem, st.sampled_from(["parse-error", "policy-error"]), texts, st.none() | short, st.none() | lines), max_size=2)))
    notices = tuple(draw(st.lists(st.builds(Notice, st.just("too-large"), texts, st.none() | short, st.none() | lines), max_size=2)))
    suppressed = tuple(
        draw(st.lists(st.builds(Suppression, findings(), st.sampled_from(["inline", "waiver", "baseline", "existing"]), texts, short), max_size=2))
    )
    fail_on = draw(st.sampled_from(list(Severity)))
    failing = tuple(f for f in found if f.kind is FindingKind.DENY and f.severity.at_least(fail_on))
    decision = GateDecision(fail_on, failing, len(problems))
    return ScanResult(found, problems, decision, files_scanned=len(found), resources=len(found), policies=3, notices=notices, suppressed=suppressed)


OPTIONS = st.builds(
    RenderOptions,
    color=st.booleans(),
    quiet=st.booleans(),
    links=st.sampled_from([Links(), Links("https://github.com", "o/r", "a" * 40, "https://github.com/o/r/actions/runs/1")]),
    source_prefix=st.sampled_from(["", "infra"]),
    repo_root=st.sampled_from(["", "/tmp/repo"]),
)

REPORT_SCHEMA = json.loads((REPO / "docs" / "report.schema.json").read_text())
SARIF_SCHEMA = json.loads((REPO / "tests" / "fixtures" / "schemas" / "sarif-schema-2.1.0.json").read_text())
JSON_VALIDATOR = Draft202012Validator(REPORT_SCHEMA)
SARIF_VALIDATOR = Draft7Validator(SARIF_SCHEMA)
OUR_ANSI = re.compile(r"\x1b\[[0-9;]*m")  # the text report's own colours (--color)
MENTION_BREAK = re.compile(r"(?<=[@#])\u200d")  # markdown's own zero-width joiner after @ / #


def raw_unsafe(text: str, allowed: str = "\n\t") -> list[str]:  # layout, never spoofing
    return sorted({c for c in text if unsafe(c) and c not in allowed})


@SETTINGS
@given(result=results(), options=OPTIONS)
def test_no_control_character_survives_any_rendering(result: ScanResult, options: RenderOptions) -> None:
    for name in FORMATTERS:
        out = render(name, result, options)
        out.encode("utf-8")  # no lone surrogate either
        if name == "text" and options.color:
            out = OUR_ANSI.sub("", out)
        if name == "markdown":
            out = MENTION_BREAK.sub("", out)
        assert raw_unsafe(out) == [], name


@SETTINGS
@given(result=results(), options=OPTIONS)
def test_json_and_sarif_are_schema_valid_and_faithful(result: ScanResult, options: RenderOptions) -> None:
    report = json.loads(render("json", result, options))
    JSON_VALIDATOR.validate(report)
    assert [f["message"] for f in report["findings"]] == [f.message for f in result.findings]
    assert [f["resource"] for f in report["findings"]] == [f.resource for f in result.findings]
    assert [f["details"] for f in report["findings"]] == [f.details for f in result.findings]
    sarif = json.loads(render("sarif", result, options))
    SARIF_VALIDATOR.validate(sarif)
    messages = [r["message"]["text"] for r in sarif["runs"][0]["results"]]
    assert messages[: len(result.findings)] == [f.message or f.title or f.rule_id for f in result.findings]


@SETTINGS
@given(result=results(), options=OPTIONS)
def test_markdown_fits_githubs_comment_limit(result: ScanResult, options: RenderOptions) -> None:
    body = render("markdown", result, options)
    assert len(body.encode("utf-8")) <= COMMENT_LIMIT
    assert "<img" not in body and "<!-- iac-guard:summary -->" in body.split("\n", 1)[0]
    assert re.search(r"(?<![\\])@octocat", body) is None  # no live mention


def test_huge_result_is_cut_to_the_limit() -> None:
    finding = Finding("R", "t", Severity.HIGH, "m" * 5000, "r", "main.tf", 1, "rego")
    many = tuple(Finding("R", "t", Severity.HIGH, "m" * 5000, f"r{i}", "main.tf", i + 1, "rego") for i in range(400))
    result = ScanResult(many, (), GateDecision(Severity.HIGH, many, 0))
    body = render("markdown", result, RenderOptions())
    assert len(body.encode("utf-8")) <= COMMENT_LIMIT and "Not shown here" in body
    assert finding.message[:10] in body


def test_printable_examples() -> None:
    assert printable("\x1b[31mred\x1b[0m") == "\\x1b[31mred\\x1b[0m"
    assert printable("a\u202eb\u2066c") == "a\\u202eb\\u2066c"
    assert printable("ad\u200bmin\U000e0041") == "ad\\u200bmin\\U000e0041"
    assert printable("two\nlines\ttab", keep="\n") == "two\nlines\\x09tab"
    assert printable("caf\u00e9 \u6771\u4eac \U0001f600") == "caf\u00e9 \u6771\u4eac \U0001f600"  # printable text untouched
    assert printable("\x9b\x7f\udc80") == "\\x9b\\x7f\\udc80"


def test_json_text_escapes_every_unsafe_character() -> None:
    value = "\x1b[31m\x7f\u202e\u200b\x9b\udc80"
    out = json_text({"v": value})
    assert out.isascii() and raw_unsafe(out) == []
    assert json.loads(out) == {"v": value}



JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**80), max_value=2**80), texts, st.text(max_size=40),
)
JSON_VALUES = st.recursive(
    st.one_of(JSON_SCALARS, st.floats(allow_nan=True, allow_infinity=True)),
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=12), inner, max_size=5)),
    max_leaves=30,
)
NO_FLOATS = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(st.one_of(texts, st.text(max_size=12)), inner, max_size=5)),
    max_leaves=30,
)


def _standard(value: object) -> str:
    """What ``json_text`` promises to write: the standard library's encoding."""
    return json.dumps(value, indent=2, ensure_ascii=True).replace("\x7f", "\\u007f")


@SETTINGS
@given(value=NO_FLOATS)
def test_json_text_is_the_standard_encoding_byte_for_byte(value: object) -> None:
    """The fast encoder (pydantic-core, then escaped to ASCII) writes exactly the bytes
    ``json.dumps(indent=2, ensure_ascii=True)`` writes: hostile strings, lone surrogates
    (the fallback), astral characters (surrogate pairs), big integers, nesting."""
    assert json_text(value) == _standard(value)


@SETTINGS
@given(value=JSON_VALUES)
def test_json_text_keeps_every_value_with_floats(value: object) -> None:
    """With floats the text may differ in an exponent's spelling (``1e-7``), never in the
    value; NaN and the infinities are written as Python writes them."""
    out = json_text(value)
    assert out.isascii() and raw_unsafe(out) == []
    assert json.dumps(json.loads(out), sort_keys=True) == json.dumps(json.loads(_standard(value)), sort_keys=True)


def test_json_text_examples() -> None:
    assert json_text({"a": ["\u00e9\U0001f600", 1, None], "b": {}, "c": []}) == '{\n  "a": [\n    "\\u00e9\\ud83d\\ude00",\n    1,\n    null\n  ],\n  "b": {},\n  "c": []\n}'
    assert json_text({"p": "x\udcff"}) == '{\n  "p": "x\\udcff"\n}'  # the standard encoder's fallback
    assert json_text([1, 2], indent=None) == "[1, 2]"
