"""Every parse error names its file and line (exit 2): broken .tf.json, .tfvars.json and
plan files (cfn-lint's JSON decoder raises its own error types), recursive YAML anchors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iac_guard.cli import main

DUPLICATE = '{\n  "resource": {\n    "aws_s3_bucket": {\n      "a": {\n        "bucket": "x",\n        "bucket": "y"\n      }\n    }\n  }\n}\n'


@pytest.mark.parametrize(
    ("name", "text", "message", "line"),
    [
        ("dup.tf.json", DUPLICATE, 'invalid JSON: duplicate key "bucket" (first at line 5)', 6),
        ("comma.tf.json", '{\n  "resource": {\n    "aws_s3_bucket": {\n      "a": {"bucket": "x",}\n    }\n  }\n}\n', "invalid JSON: Expecting property name enclosed in double quotes", 4),
        ("empty_value.tf.json", '{\n  "locals": {\n    "a":\n  }\n}\n', "invalid JSON: Expecting value", 4),
        ("unterminated.tf.json", '{\n  "locals": {\n    "a": 1\n', "invalid JSON: Expecting ',' delimiter", 4),
        ("plan.json", '{\n  "format_version": "1.2",\n  "planned_values": {},\n  "planned_values": {}\n}\n', 'invalid JSON: duplicate key "planned_values" (first at line 3)', 4),
        (
            "recursive.yaml",
            'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: &a\n      Tags: *a\n',
            "invalid template: found unconstructable recursive node",
            5,
        ),
        (  # two YAML documents: the parser's whole sentence, at the second document's start
            "multi.yaml",
            'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n---\nResources:\n  C:\n    Type: AWS::S3::Bucket\n',
            "invalid template: expected a single document in the stream but found another document",
            5,
        ),
        (  # an unclosed flow sequence: the parser stops at the end of the stream, reported on the last line
            "unclosed.yaml",
            'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [\n',
            "invalid template: did not find expected node content",
            6,
        ),
    ],
)
def test_parse_error_names_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, message: str, line: int) -> None:
    (tmp_path / name).write_text(text)
    assert main(["scan", str(tmp_path), "--format", "json"]) == 2
    assert json.loads(capsys.readouterr().out)["errors"] == [{"code": "parse-error", "message": message, "file": name, "line": line}]


def test_tfvars_json_duplicate_names_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "main.tf").write_text('variable "size" {}\n')
    (tmp_path / "terraform.tfvars.json").write_text('{\n  "size": 1,\n  "size": 2\n}\n')
    assert main(["scan", str(tmp_path), "--format", "json"]) == 2
    assert json.loads(capsys.readouterr().out)["errors"] == [
        {"code": "parse-error", "message": 'invalid JSON: duplicate key "size" (first at line 2)', "file": "terraform.tfvars.json", "line": 3}
    ]
