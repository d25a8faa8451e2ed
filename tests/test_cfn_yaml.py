"""CloudFormation templates decoded by iac_guard.parse.cfn_yaml: short forms in their long
form, marks on every mapping, sequence and string, errors with their line; the same values
and marks as cfn-lint's decoder on every template fixture (cfn-lint imported in the test
only: the decoder under test never imports it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from iac_guard.errors import ParseError
from iac_guard.marked import plain, start_line
from iac_guard.parse.cfn_yaml import (
    MAX_EXPANDED_NODES,
    PureTemplateLoader,
    TemplateError,
    TemplateLoader,
    decode_template,
    loads_template,
)
from iac_guard.parse.cloudformation import CloudFormationParser

ROOT = Path(__file__).resolve().parents[1]
HEAD = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n'
LOADERS = pytest.mark.parametrize("loader", [TemplateLoader, PureTemplateLoader], ids=["libyaml", "pure"])


def properties(body: str, loader: type[Any] = TemplateLoader) -> Any:
    return decode_template(HEAD + body, loader)["Resources"]["B"]["Properties"]


@LOADERS
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("!Ref Name", {"Ref": "Name"}),
        ("!Ref 123", {"Ref": "123"}),  # a short form's scalar is the text as written
        ("!Condition IsProd", {"Condition": "IsProd"}),
        ("!GetAtt Role.Arn", {"Fn::GetAtt": ["Role", "Arn"]}),
        ("!GetAtt Db.Endpoint.Address", {"Fn::GetAtt": ["Db", "Endpoint.Address"]}),
        ("!GetAtt [Role, Arn]", {"Fn::GetAtt": ["Role", "Arn"]}),
        ("!GetAtt [Role, !Ref Attr]", {"Fn::GetAtt": ["Role", {"Ref": "Attr"}]}),
        ("!Sub 'arn:${AWS::Partition}:s3:::b'", {"Fn::Sub": "arn:${AWS::Partition}:s3:::b"}),
        ("!Sub ['${A}-x', {A: !Ref P}]", {"Fn::Sub": ["${A}-x", {"A": {"Ref": "P"}}]}),
        ("!Join [',', [a, !Ref B]]", {"Fn::Join": [",", ["a", {"Ref": "B"}]]}),
        ("!Select [0, !GetAZs '']", {"Fn::Select": [0, {"Fn::GetAZs": ""}]}),
        ("!Split [',', !ImportValue Shared]", {"Fn::Split": [",", {"Fn::ImportValue": "Shared"}]}),
        ("!If [C, !Ref A, !Ref 'AWS::NoValue']", {"Fn::If": ["C", {"Ref": "A"}, {"Ref": "AWS::NoValue"}]}),
        ("!Not [!Equals [a, b]]", {"Fn::Not": [{"Fn::Equals": ["a", "b"]}]}),
        ("!And [!Condition A, !Or [!Condition B, !Condition C]]",
         {"Fn::And": [{"Condition": "A"}, {"Fn::Or": [{"Condition": "B"}, {"Condition": "C"}]}]}),
        ("!FindInMap [M, !Ref 'AWS::Region', K]", {"Fn::FindInMap": ["M", {"Ref": "AWS::Region"}, "K"]}),
        ("!Base64 text", {"Fn::Base64": "text"}),
        ("!Cidr [!GetAtt V.CidrBlock, 6, 8]", {"Fn::Cidr": [{"Fn::GetAtt": ["V", "CidrBlock"]}, 6, 8]}),
        ("!Transform {Name: 'AWS::Include', Parameters: {Location: 's3://b/k'}}",
         {"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": "s3://b/k"}}}),
        ("!Length [a, b]", {"Fn::Length": ["a", "b"]}),
        ("!ToJsonString {a: 1}", {"Fn::ToJsonString": {"a": 1}}),
        ("!ValueOf [P, Attr]", {"Fn::ValueOf": ["P", "Attr"]}),
        ("!Custom x", {"Fn::Custom": "x"}),  # any other short form: Fn:: and its name, as cfn-lint read it
    ],
)
def test_short_forms_in_long_form(loader: type[Any], body: str, expected: Any) -> None:
    assert plain(properties(f"      X: {body}\n", loader)["X"]) == expected


@LOADERS
def test_scalars_as_the_safe_loader_reads_them(loader: type[Any]) -> None:
    body = "      A: 2010-09-09\n      B: yes\n      C: 0x1F\n      D: 1.5\n      E: ~\n      F: '007'\n      G: |\n        two\n        lines\n"
    assert plain(properties(body, loader)) == {"A": "2010-09-09", "B": True, "C": 31, "D": 1.5, "E": None, "F": "007", "G": "two\nlines\n"}


@LOADERS
def test_marks_on_mappings_sequences_strings_and_short_forms(loader: type[Any]) -> None:
    props = properties("      Name: !Sub 'x'\n      Tags:\n        - Key: k\n          Value: v\n", loader)
    keys = {str(k): k for k in props}
    assert [start_line(keys["Name"]), start_line(keys["Tags"])] == [6, 7]
    assert start_line(props["Name"]) == 6  # the short form's mapping: where the tag is
    assert [start_line(props["Tags"]), start_line(props["Tags"][0]), start_line(props["Tags"][0]["Value"])] == [8, 8, 9]
    assert start_line(props) == 6
    template = decode_template(HEAD + "      A: 1\n", loader)
    assert [start_line(k) for k in template["Resources"]] == [3]


@LOADERS
def test_merge_keys_override_without_a_duplicate_error(loader: type[Any]) -> None:
    body = "      Base: &b {X: 1, Y: 2}\n      M:\n        <<: *b\n        X: 3\n"
    assert plain(properties(body, loader)["M"]) == {"X": 3, "Y": 2}


@pytest.mark.parametrize(
    ("body", "message", "line"),
    [
        ("      A: 1\n      A: 2\n", "Duplicate found 'A' (line 6)", 6),
        # the values of a mapping are read before its own duplicate is reported
        ("      A: 1\n      B:\n        X: 1\n        X: 2\n      A: 2\n", "Duplicate found 'X' (line 8)", 8),
        ("      X: !Transform {Name: a, Name: b}\n", "Duplicate found 'Name' (line 6)", 6),
        ("      ~: 1\n", "Null key '~' not supported (line 6)", 6),
        ("      [a]: 1\n", "Unhashable type \"['a']\" (line 6)", 6),
        ("      A: *nope\n", "found undefined alias", 6),
        ("      A: &a 1\n      B: &a 2\n", "found duplicate anchor; first occurrence (line 6), second occurrence", 7),
        ("      A: !!foo bar\n", "could not determine a constructor for the tag 'tag:yaml.org,2002:foo'", 6),
        ("      A: !!int abc\n", "Template could not be parsed: invalid literal for int() with base 10: 'abc'", 1),
        ("\tA: 1\n", "found character that cannot start any token", 6),
        ("      A: 'open\n", "found unexpected end of stream", 6),  # past the end: the last line
        ("      A: [1, 2\n", "did not find expected ',' or ']'", 6),
        ("      A: 1\n     B: 2\n", "did not find expected key", 7),
        ("      A: \"\\q\"\n", "found unknown escape character", 6),
        ("      A: 1\n---\nB: 1\n", "expected a single document in the stream but found another document", 7),
        ("      T: &a\n        - *a\n", "found unconstructable recursive node", 6),
    ],
)
def test_errors_name_the_problem_and_line(body: str, message: str, line: int) -> None:
    with pytest.raises(ParseError) as caught:
        loads_template(HEAD + body, "t.yaml")
    assert (caught.value.message, caught.value.file, caught.value.line) == (f"invalid template: {message}", "t.yaml", line)


def test_alias_amplification_is_refused() -> None:
    levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    levels += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 10) + "]" for i in range(5)]
    with pytest.raises(ParseError) as caught:
        loads_template("\n".join(levels) + "\n", "laughs.yaml")
    assert caught.value.message == (
        f"invalid template: Template resolves to more than {MAX_EXPANDED_NODES} nodes once YAML aliases are expanded; "
        "this is not supported and may indicate YAML alias amplification"
    )
    assert caught.value.line == 1
    assert len(plain(decode_template("\n".join(levels[:4]) + "\n"))["d"]) == 10  # 1,111 nodes: fine


def test_nesting_deeper_than_the_stack_is_a_parse_error_on_line_1() -> None:
    depth = 300
    value = plain(properties("      A: " + "[" * depth + "]" * depth + "\n")["A"])
    for _ in range(depth - 1):
        value = value[0]
    assert value == []
    with pytest.raises(ParseError) as caught:
        loads_template(HEAD + "      A: " + "[" * 900 + "]" * 900 + "\n", "deep.yaml")
    assert caught.value.message.startswith("invalid template: Template could not be parsed: maximum recursion depth exceeded")
    assert caught.value.line == 1


def test_empty_document_is_an_empty_mapping() -> None:
    for text in ("", "# nothing\n", "---\n...\n"):
        template = decode_template(text)
        assert template == {} and start_line(template) == 1


def test_json_templates_yaml_cannot_read_are_read_as_json() -> None:
    text = '{\n  "Resources": {\n    "B": {\n      "Type": "AWS::S3::Bucket",\n      "Properties": {"X": "a\\/b", "Y": "c\\qd"}\n    }\n  }\n}\n'
    with pytest.raises(ParseError) as caught:
        loads_template(text, "t.json")
    assert (caught.value.message, caught.value.line) == ("invalid template: Invalid \\escape: 'q'", 5)
    # a tab YAML's pure-Python scanner refuses: read as JSON, with JSON marks
    tabbed = '{\n\t"Resources": {\n\t\t"B": {"Type": "AWS::S3::Bucket"}\n\t}\n}\n'
    for loader in (TemplateLoader, PureTemplateLoader):
        template = decode_template(tabbed, loader)
        assert plain(template) == {"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}
        assert [start_line(k) for k in template["Resources"]] == [3]
    dup = '{\n\t"Resources": {\n\t\t"B": {"Type": "AWS::S3::Bucket"},\n\t\t"B": {"Type": "AWS::S3::Bucket"}\n\t}\n}\n'
    for loader in (TemplateLoader, PureTemplateLoader):  # read as YAML (libyaml) or as JSON: the same report
        with pytest.raises(TemplateError) as error:
            decode_template(dup, loader)
        assert (error.value.message, error.value.line) == ("Duplicate found 'B' (line 3)", 3)


def _marks(node: Any, path: str = "", out: dict[str, tuple[int, int]] | None = None) -> dict[str, tuple[int, int]]:
    """Every marked node's (start line, end line), keys as ``path#key``."""
    out = {} if out is None else out
    if getattr(node, "start_mark", None) is not None:
        out[f"{path}@{type(node).__mro__[1].__name__}"] = (node.start_mark.line, node.end_mark.line)
    if isinstance(node, dict):
        for key, value in node.items():
            if getattr(key, "start_mark", None) is not None:
                out[f"{path}/{key}#key"] = (key.start_mark.line, key.end_mark.line)
            _marks(value, f"{path}/{key}", out)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            _marks(value, f"{path}/{i}", out)
    return out


def _types(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k): _types(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_types(v) for v in node]
    return "str" if isinstance(node, str) else type(node).__name__


def _templates() -> list[Path]:
    parser = CloudFormationParser()
    found = []
    for root in (ROOT / "tests" / "fixtures", ROOT / "examples"):
        for path in sorted(root.rglob("*")):
            if path.is_file() and parser.claims(path, path.read_text(encoding="utf-8", errors="replace")[:65536]):
                found.append(path)
    return found


EDGE_TEMPLATES = [
    HEAD + "      A: !Ref X\n      B: !GetAtt R.Arn\n      C: !GetAtt [R, Arn]\n      D: !Sub ['${A}', {A: !Ref Y}]\n",
    HEAD + "      A: !Transform {Name: 'AWS::Include'}\n      B: !If [C, [1, 2], {a: b}]\n      C: !Select [0, !GetAZs '']\n",
    HEAD + "      Base: &b {X: 1, Y: [1, 2]}\n      M:\n        <<: *b\n        X: 3\n      L: *b\n",
    HEAD + "      A: 2010-09-09\n      B: 2001-12-14t21:59:43.10-05:00\n      C: yes\n      D: 0o17\n      E: !!binary aGk=\n      F: >-\n        folded\n        text\n",
    '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "B": {\n      "Type": "AWS::S3::Bucket",\n'
    '      "Properties": {"A": [1, {"b": null}], "C": {"Fn::GetAtt": ["R", "Arn"]}}\n    }\n  }\n}\n',
    '{\n\t"Resources": {\n\t\t"B": {"Type": "AWS::S3::Bucket", "Properties": {"X": "a\\/b", "Y": [1, 2]}}\n\t}\n}\n',
]


def test_same_values_and_marks_as_cfn_lints_decoder() -> None:
    # the reference only: iac-guard's parsing never imports it
    from cfnlint.decode import decode_str

    texts = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8-sig") for p in _templates()}
    texts.update({f"edge {i}": text for i, text in enumerate(EDGE_TEMPLATES)})
    assert len(texts) > 20
    for name, text in texts.items():
        theirs, matches = decode_str(text)
        if matches:  # a broken fixture: the same problem, where cfn-lint gave its line
            with pytest.raises(TemplateError) as error:
                decode_template(text)
            if matches[0].linenumber > 1:
                assert (error.value.message, error.value.line) == (matches[0].message, matches[0].linenumber), name
            continue
        ours = decode_template(text)
        assert plain(ours) == plain(theirs), name
        assert _types(ours) == _types(theirs), name
        assert _marks(ours) == _marks(theirs), name
        if not text.lstrip().startswith("{") or "\t" not in text:
            assert _marks(decode_template(text, PureTemplateLoader)) == _marks(ours), name
