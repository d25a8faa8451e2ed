"""Evaluation (engine results -> findings) and the gate decision."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from iac_guard.gate import decide
from iac_guard.models import Finding, FindingKind, KindInput, PolicySet, Problem, Resource, Severity
from iac_guard.policy.embedded import EmbeddedEngine
from iac_guard.policy.engine import EngineOptions
from iac_guard.policy.evaluate import evaluate_inputs
from iac_guard.policy.loader import load_policies


def _bucket(address: str, file: str, bucket: object, line: int = 1) -> Resource:
    return Resource(
        address=address,
        type="aws_s3_bucket",
        name=address.split(".")[-1],
        kind="terraform",
        file=file,
        line=line,
        end_line=line + 3,
        values={"bucket": bucket},
        lines={"bucket": line + 1},
    )


def test_findings_carry_resource_file_line_and_kind(spine: Path) -> None:
    policy_set = load_policies([spine / "policies_custom"], include_builtin=False)
    resources = (
        _bucket("aws_s3_bucket.a", "a.tf", "other-name", line=3),
        _bucket("aws_s3_bucket.b", "b.tf", "acme-ok", line=10),
        _bucket("aws_s3_bucket.c", "c.tf", {"__unknown__": "var.name"}, line=20),
    )
    result = evaluate_inputs(
        policy_set, [KindInput("terraform", (), resources)], EmbeddedEngine(policy_set)
    )
    got = [
        (f.rule_id, f.kind, f.severity, f.resource, f.file, f.line, f.attribute)
        for f in result.findings
    ]
    assert got == [
        ("CUSTOM-001", FindingKind.WARN, Severity.LOW, "aws_s3_bucket.a", "a.tf", 3, ""),
        ("CUSTOM-001", FindingKind.DENY, Severity.LOW, "aws_s3_bucket.a", "a.tf", 4, "bucket"),
        ("CUSTOM-001", FindingKind.WARN, Severity.LOW, "aws_s3_bucket.b", "b.tf", 10, ""),
        ("CUSTOM-001", FindingKind.WARN, Severity.LOW, "aws_s3_bucket.c", "c.tf", 20, ""),
    ]
    assert result.findings[1].message == "bucket aws_s3_bucket.a is not prefixed"
    assert result.findings[0].message == "aws_s3_bucket.a has no tags"
    assert result.problems == ()


def _only(policy_set: PolicySet, *ids: str) -> PolicySet:
    """The built-in library narrowed to the policies a test is about."""
    return replace(policy_set, policies=tuple(p for p in policy_set.policies if p.id in ids))


def test_same_address_in_two_root_modules_keeps_its_own_file() -> None:
    policy_set = _only(load_policies([], include_builtin=True), "IAC-AWS-EBS-001")
    a = Resource(
        "aws_ebs_volume.v",
        "aws_ebs_volume",
        "v",
        "terraform",
        "prod/main.tf",
        5,
        8,
        values={"encrypted": True},
    )
    b = Resource(
        "aws_ebs_volume.v", "aws_ebs_volume", "v", "terraform", "dev/main.tf", 7, 9, values={}
    )
    result = evaluate_inputs(
        policy_set, [KindInput("terraform", (), (a, b))], EmbeddedEngine(policy_set)
    )
    assert [(f.rule_id, f.file, f.line) for f in result.findings] == [
        ("IAC-AWS-EBS-001", "dev/main.tf", 7)
    ]


def test_unknown_values_never_raise_a_builtin_violation() -> None:
    policy_set = load_policies([], include_builtin=True)
    unknown = {"__unknown__": "var.x"}
    resources = (
        Resource(
            "aws_s3_bucket.u",
            "aws_s3_bucket",
            "u",
            "terraform",
            "m.tf",
            1,
            5,
            values={
                "acl": unknown,
                "server_side_encryption_configuration": unknown,
                "versioning": unknown,
            },
        ),
        Resource(
            "aws_ebs_volume.u",
            "aws_ebs_volume",
            "u",
            "terraform",
            "m.tf",
            6,
            9,
            values={"encrypted": unknown},
        ),
        Resource(
            "aws_db_instance.u",
            "aws_db_instance",
            "u",
            "terraform",
            "m.tf",
            10,
            14,
            values={"storage_encrypted": unknown, "publicly_accessible": unknown},
        ),
    )
    result = evaluate_inputs(
        policy_set, [KindInput("terraform", (), resources)], EmbeddedEngine(policy_set)
    )
    # Other policies may report what is missing (no public access block, no tags); none
    # may report an attribute whose value is unknown.
    unknown_attributes = {
        "acl",
        "server_side_encryption_configuration",
        "versioning",
        "encrypted",
        "storage_encrypted",
        "publicly_accessible",
    }
    assert [f for f in result.findings if f.attribute.split(".")[0] in unknown_attributes] == []
    assert result.problems == ()


def _finding(severity: Severity, kind: FindingKind = FindingKind.DENY) -> Finding:
    return Finding("R", "t", severity, "m", "r", "f.tf", 1, "rego", kind=kind)


def test_gate_threshold_and_warnings() -> None:
    findings = [_finding(Severity.MEDIUM), _finding(Severity.CRITICAL, FindingKind.WARN)]
    assert decide(findings, [], Severity.HIGH).exit_code == 0
    assert decide(findings, [], Severity.MEDIUM).exit_code == 1
    assert decide(findings, [], Severity.MEDIUM).failing == (findings[0],)


def test_gate_fails_closed_on_problems() -> None:
    decision = decide(
        [_finding(Severity.CRITICAL)], [Problem("parse-error", "bad", "x.tf", 2)], Severity.HIGH
    )
    assert (decision.verdict, decision.exit_code) == ("error", 2)


def test_a_policy_failing_at_runtime_is_a_problem_and_others_still_run(spine: Path) -> None:
    policy_set = _only(
        load_policies([spine / "policies_runtime_error"], include_builtin=True),
        "IAC-AWS-EBS-001",
        "RUNTIME-001",
    )
    volume = Resource(
        "aws_ebs_volume.v", "aws_ebs_volume", "v", "terraform", "m.tf", 1, 3, values={"size": 1}
    )
    result = evaluate_inputs(
        policy_set, [KindInput("terraform", (), (volume,))], EmbeddedEngine(policy_set)
    )
    assert [(f.rule_id, f.resource) for f in result.findings] == [
        ("IAC-AWS-EBS-001", "aws_ebs_volume.v")
    ]
    assert [(p.code, p.file, p.line) for p in result.problems] == [
        ("policy-error", "divide.rego", 12)
    ]
    assert result.problems[0].message == "custom.divide: divide by zero"


def test_all_packages_in_one_query_give_what_each_package_alone_gives(spine: Path) -> None:
    """The engine evaluates every package in one generated query; the per-package path
    (taken when that query fails) must agree with it value for value."""
    policy_set = load_policies([spine / "policies_custom"], include_builtin=True)
    resources = (
        _bucket("aws_s3_bucket.a", "a.tf", "other-name", line=3),
        Resource(
            "aws_ebs_volume.v", "aws_ebs_volume", "v", "terraform", "m.tf", 1, 3, values={"size": 1}
        ),
    )
    doc = KindInput("terraform", (), resources).policy_input()
    packages = [p.package for p in policy_set.policies]
    engine = EmbeddedEngine(policy_set)
    together, errors = engine.evaluate_each(packages, doc)
    per_package = EmbeddedEngine(policy_set, EngineOptions(policy_timeout=None), one_query=False)  # a query per package, in process
    alone, alone_errors = per_package.evaluate_each(packages, doc)
    assert errors == alone_errors == {}
    assert together == alone
    assert (
        together["custom.naming"]["deny"] and together["iac_guard.aws.ec2.ebs_encryption"]["deny"]
    )


def test_a_broken_policy_is_reported_once_for_every_kind(spine: Path) -> None:
    policy_set = _only(load_policies([spine / "policies_runtime_error"], include_builtin=True), "RUNTIME-001")
    tf = Resource("aws_ebs_volume.v", "aws_ebs_volume", "v", "terraform", "m.tf", 1, 3, values={"size": 1})
    cfn = Resource("Volume", "AWS::EC2::Volume", "Volume", "cloudformation", "t.yaml", 1, 3, values={"Size": 1})
    inputs = [KindInput("terraform", (), (tf,)), KindInput("cloudformation", (), (cfn,))]
    result = evaluate_inputs(policy_set, inputs, EmbeddedEngine(policy_set))
    assert [(p.code, p.file, p.line) for p in result.problems] == [("policy-error", "divide.rego", 12)]
