"""Values nested deeper than the policy engine can read fail closed at the file and line
that hold them: no internal error, no engine backtrace, the other files still evaluated.

The policy engine reads its input as JSON with a recursion limit of 128 levels; before
this check, a template or a ``jsondecode(file(...))`` nested ~125 levels deep crashed the
whole evaluation ("internal error: RuntimeError: recursion limit exceeded")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iac_guard.cli import main
from iac_guard.parse.base import MAX_DEPTH, RAW_MAX_DEPTH, depth_exceeds


def nested_json(levels: int) -> str:
    inner = '"x"'
    for i in range(levels):
        inner = f'{{"k{i}": {inner}}}'
    return inner


def nested_hcl(levels: int) -> str:
    inner = '"x"'
    for i in range(levels):
        inner = f"{{ k{i} = {inner} }}"
    return inner


def template(tags: str = '"x"', output: str = '"x"') -> str:
    return (
        '{"AWSTemplateFormatVersion": "2010-09-09",\n"Resources": {\n"Open": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": "PublicRead"}},\n'
        f'"Deep": {{"Type": "AWS::S3::Bucket", "Properties": {{"Tags": {tags}}}}}\n}},\n"Outputs": {{"O": {{"Value": {output}}}}}}}\n'
    )


def scan(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object]]:
    code = main(["scan", str(root), "--only", "IAC-AWS-S3-001", "--format", "json", "--no-cache"])
    return code, json.loads(capsys.readouterr().out)


def errors(report: dict[str, object]) -> list[tuple[object, ...]]:
    return [(e["code"], e["file"], e["line"], e["message"]) for e in report["errors"]]  # type: ignore[attr-defined]


def rules(report: dict[str, object]) -> list[tuple[object, ...]]:
    return [(f["rule_id"], f["resource"]) for f in report["findings"]]  # type: ignore[attr-defined]


def test_a_template_resource_too_deep_is_an_error_at_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "t.json").write_text(template(tags=nested_json(300)))
    code, report = scan(tmp_path, capsys)
    assert code == 2
    assert errors(report) == [("parse-error", "t.json", 4, f"Deep: values nested deeper than {MAX_DEPTH} levels; policies cannot be evaluated on them")]
    assert rules(report) == [("IAC-AWS-S3-001", "Open")]  # the rest of the file is still judged


def test_terraform_values_too_deep_through_jsondecode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "deep.json").write_text(nested_json(200))
    (tmp_path / "main.tf").write_text(
        'resource "aws_s3_bucket_acl" "open" {\n  bucket = "a"\n  acl    = "public-read"\n}\n\n'
        'resource "aws_s3_bucket" "deep" {\n  bucket = "b"\n  tags   = jsondecode(file("${path.module}/deep.json"))\n}\n'
    )
    code, report = scan(tmp_path, capsys)
    assert code == 2
    assert errors(report) == [("parse-error", "main.tf", 6, f"aws_s3_bucket.deep: values nested deeper than {MAX_DEPTH} levels; policies cannot be evaluated on them")]
    assert rules(report) == [("IAC-AWS-S3-001", "aws_s3_bucket_acl.open")]


def test_terraform_literal_too_deep(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "main.tf").write_text(f'resource "aws_s3_bucket" "deep" {{\n  bucket = "b"\n  tags   = {nested_hcl(110)}\n}}\n')
    code, report = scan(tmp_path, capsys)
    assert code == 2
    assert errors(report) == [("parse-error", "main.tf", 1, f"aws_s3_bucket.deep: values nested deeper than {MAX_DEPTH} levels; policies cannot be evaluated on them")]


def test_a_deep_section_outside_the_resources_is_an_error_of_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "t.json").write_text(template(output=nested_json(150)))
    code, report = scan(tmp_path, capsys)
    assert code == 2
    assert errors(report) == [("parse-error", "t.json", None, f"the document nests deeper than {RAW_MAX_DEPTH} levels; policies cannot be evaluated on it")]
    assert rules(report) == [("IAC-AWS-S3-001", "Open")]  # its resources are still judged


def test_the_deepest_accepted_values_evaluate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Right at both limits the engine still reads the input: no error, the findings."""
    (tmp_path / "t.json").write_text(template(tags=nested_json(MAX_DEPTH - 1), output=nested_json(RAW_MAX_DEPTH - 3)))
    code, report = scan(tmp_path, capsys)
    assert errors(report) == []
    assert code == 1
    assert rules(report) == [("IAC-AWS-S3-001", "Open")]


@pytest.mark.parametrize(("value", "limit", "deeper"), [({}, 0, True), ({"a": 1}, 1, False), ([[1]], 2, False), ([[1]], 1, True), ("text", 0, False)])
def test_depth_exceeds(value: object, limit: int, deeper: bool) -> None:
    assert depth_exceeds(value, limit) is deeper


def test_depth_check_needs_no_recursion() -> None:
    value: object = "x"
    for _ in range(100_000):
        value = [value]
    assert depth_exceeds(value) is True


def test_an_input_the_engine_cannot_read_is_an_engine_error_without_backtrace() -> None:
    """Below the parse stage's cap nothing reaches this; if something does, it is one
    clean line (no Rust backtrace), which the evaluation turns into a reported error."""
    from iac_guard.errors import EngineError
    from iac_guard.policy.embedded import EmbeddedEngine
    from iac_guard.policy.loader import load_policies

    value: object = "x"
    for _ in range(200):
        value = {"a": value}
    engine = EmbeddedEngine(load_policies([]))
    with pytest.raises(EngineError) as raised:
        engine.evaluate_each(["x"], {"resources": [{"values": value}]})
    assert raised.value.message.startswith("the policy engine cannot read the input: recursion limit exceeded at line 1 column ")
    assert "\n" not in raised.value.message and "backtrace" not in raised.value.message.lower()
