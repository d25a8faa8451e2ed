"""CloudFormation parsing through cfn-lint's decoder: logical ids, lines, long-form intrinsics."""

from __future__ import annotations

from pathlib import Path

from iac_guard.models import SourceFile
from iac_guard.parse.runner import build_kind_input


def _source(path: Path, rel: str) -> SourceFile:
    return SourceFile(path=path, relpath=rel, kind="cloudformation", size=path.stat().st_size)


def test_yaml_template_with_short_form_intrinsics(spine: Path) -> None:
    path = spine / "mixed" / "cloudformation" / "template.yaml"
    kind_input = build_kind_input("cloudformation", [_source(path, "template.yaml")], jobs=1)
    got = [(r.address, r.type, r.file, r.line, r.end_line) for r in kind_input.resources]
    assert got == [
        ("Bucket", "AWS::S3::Bucket", "template.yaml", 6, 14),
        ("Group", "AWS::EC2::SecurityGroup", "template.yaml", 15, 23),
    ]
    bucket, group = kind_input.resources
    assert bucket.values["BucketName"] == {"Fn::Sub": "${Env}-data"}
    assert bucket.values["AccessControl"] == "PublicReadWrite"
    assert group.values["GroupDescription"] == {"Ref": "Env"}
    assert bucket.line_of("AccessControl") == 10
    assert group.line_of("SecurityGroupIngress.0") == 20


def test_json_template(spine: Path) -> None:
    path = spine / "mixed" / "cloudformation" / "template.json"
    kind_input = build_kind_input("cloudformation", [_source(path, "template.json")], jobs=1)
    (volume,) = kind_input.resources
    assert (volume.address, volume.line, volume.end_line) == ("Volume", 3, 8)
    assert volume.values == {"Size": 10, "AvailabilityZone": {"Fn::Select": [0, {"Fn::GetAZs": ""}]}}


def test_broken_template_is_a_problem_with_line(spine: Path) -> None:
    path = spine / "broken" / "bad.yaml"
    kind_input = build_kind_input("cloudformation", [_source(path, "bad.yaml")], jobs=1)
    assert kind_input.resources == ()
    assert [(p.code, p.file, p.line) for p in kind_input.problems] == [("parse-error", "bad.yaml", 5)]


def test_resource_without_type_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A:\n    Properties: {}\n")
    kind_input = build_kind_input("cloudformation", [_source(path, "t.yaml")], jobs=1)
    assert [(p.file, p.line, p.message) for p in kind_input.problems] == [("t.yaml", 3, "resource A has no Type")]


def test_properties_given_by_an_intrinsic_are_unknown_and_never_flagged(tmp_path: Path) -> None:
    from iac_guard.policy.embedded import EmbeddedEngine
    from iac_guard.policy.evaluate import evaluate_inputs
    from iac_guard.policy.loader import load_policies

    path = tmp_path / "t.yaml"
    path.write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A:\n    Type: AWS::S3::Bucket\n"
        "    Properties: !If [IsProd, {AccessControl: Private}, {AccessControl: PublicRead}]\n"
    )
    kind_input = build_kind_input("cloudformation", [_source(path, "t.yaml")], jobs=1)
    (bucket,) = kind_input.resources
    assert (bucket.values, bucket.unknown) == ({"__unknown__": "Properties: Fn::If"}, ("",))
    policy_set = load_policies([])
    assert evaluate_inputs(policy_set, [kind_input], EmbeddedEngine(policy_set)).findings == ()
