"""conftest mode (--namespace / --all-namespaces): policies written the way conftest's
documentation shows, evaluated per file against its raw document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iac_guard.cli import main
from iac_guard.policy.conftest import exception_name, exceptions
from tests.conftest import FIXTURES

BASE = FIXTURES / "policytools" / "conftest"
IAC = str(BASE / "iac")
POLICY = str(BASE / "policy")

EXPECTED = [
    ("main.violation", "approved/site.tf", 1, "aws_s3_bucket.site", "high", "deny", "S3 bucket `site` has no versioning block"),
    ("main.deny", "cfn/template.yaml", 3, "Plain", "high", "deny", "Bucket Plain is not encrypted"),
    ("main.deny", "main.tf", 1, "aws_security_group_rule.my-rule", "high", "deny", "ASG `my-rule` defines a fully open ingress"),
    ("main.deny", "main.tf", 6, "aws_alb_listener.my-alb-listener", "high", "deny", "ALB `my-alb-listener` is using HTTP rather than HTTPS"),
    ("main.deny", "main.tf", 11, "azurerm_managed_disk.source", "high", "deny", "Azure disk `source` is not encrypted"),
    ("main.deny_public_acl", "main.tf", 17, "aws_s3_bucket.logs", "high", "deny", 'S3 bucket "logs" has a public ACL'),
    ("main.warn_missing_owner", "main.tf", 17, "aws_s3_bucket.logs", "low", "warn", "aws_s3_bucket.logs has no owner tag"),
]


def _scan(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    code = main(["scan", IAC, "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def _findings(doc: dict) -> list[tuple]:
    return [(f["rule_id"], f["file"], f["line"], f["resource"], f["severity"], f["kind"], f["message"]) for f in doc["findings"]]


def test_conftest_policies_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = _scan(capsys, "--no-builtin-policies", "--policy-dir", POLICY, "--namespace", "main")
    assert code == 1
    assert _findings(doc) == EXPECTED
    assert doc["summary"]["errors"] == 0 and doc["summary"]["policies"] == 1


def test_exception_suppresses_the_named_rule_for_that_file_only(capsys: pytest.CaptureFixture[str]) -> None:
    _, doc = _scan(capsys, "--no-builtin-policies", "--policy-dir", POLICY, "--namespace", "main")
    assert [(s["rule_id"], s["file"], s["resource"], s["suppression"]) for s in doc["suppressed"]] == [
        (
            "main.deny_public_acl",
            "approved/site.tf",
            "aws_s3_bucket.site",
            {"kind": "exception", "justification": "exception rule names 'public_acl'", "origin": "data.main.exception"},
        )
    ]
    assert doc["summary"]["suppressed"] == 1


def test_builtin_library_runs_beside_a_conftest_namespace(capsys: pytest.CaptureFixture[str]) -> None:
    _, doc = _scan(capsys, "--policy-dir", POLICY, "--namespace", "main", "--only", "IAC-AWS-S3-001", "--only", "main.deny_*")
    assert [(f["rule_id"], f["file"], f["resource"]) for f in doc["findings"]] == [
        ("IAC-AWS-S3-001", "approved/site.tf", "aws_s3_bucket.site"),  # the exception is main's alone
        ("IAC-AWS-S3-001", "main.tf", "aws_s3_bucket.logs"),
        ("main.deny_public_acl", "main.tf", "aws_s3_bucket.logs"),
    ]


def test_without_namespace_conftest_policies_need_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", IAC, "--no-builtin-policies", "--policy-dir", POLICY]) == 2
    assert "has no custom.id in its METADATA" in capsys.readouterr().err


def test_unknown_namespace_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", IAC, "--no-builtin-policies", "--policy-dir", POLICY, "--namespace", "mian"]) == 2
    assert capsys.readouterr().err == "iac-guard: error: no deny/violation/warn rules in namespace mian (packages loaded: main)\n"


def test_all_namespaces_and_repeated_namespace(capsys: pytest.CaptureFixture[str]) -> None:
    other = str(BASE / "other")
    _, doc = _scan(capsys, "--no-builtin-policies", "--policy-dir", POLICY, "--policy-dir", other, "--all-namespaces")
    team = [(f["rule_id"], f["file"], f["line"]) for f in doc["findings"] if f["rule_id"].startswith("team.")]
    assert team == [
        ("team.rules.warn", "approved/site.tf", 1),
        ("team.rules.warn", "cfn/template.yaml", 1),
        ("team.rules.warn", "main.tf", 1),
    ]
    assert [f for f in _findings(doc) if not f[0].startswith("team.")] == EXPECTED
    _, again = _scan(capsys, "--no-builtin-policies", "--policy-dir", POLICY, "--policy-dir", other, "--namespace", "main", "--namespace", "team.rules")
    assert _findings(again) == _findings(doc)


def test_metadata_gives_id_and_severity(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.rego").write_text(
        "# METADATA\n# title: No HTTP listeners\n# custom:\n#   id: ACME-ALB-1\n#   severity: medium\n"
        "package main\n\nimport rego.v1\n\n"
        'deny contains sprintf("ALB `%s` uses HTTP", [name]) if {\n'
        '\tsome name, l in input.resource.aws_alb_listener\n\tl.protocol == "HTTP"\n}\n',
        encoding="utf-8",
    )
    _, doc = _scan(capsys, "--no-builtin-policies", "--policy-dir", str(tmp_path), "--namespace", "main")
    assert [(f["rule_id"], f["title"], f["severity"], f["file"], f["line"]) for f in doc["findings"]] == [
        ("ACME-ALB-1", "No HTTP listeners", "medium", "main.tf", 6)
    ]


def test_result_object_without_msg_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.rego").write_text('package main\n\nimport rego.v1\n\ndeny contains {"message": "no msg key"} if true\n', encoding="utf-8")
    code, doc = _scan(capsys, "--no-builtin-policies", "--policy-dir", str(tmp_path), "--namespace", "main")
    assert code == 2
    assert [(e["code"], e["message"], e["file"]) for e in doc["errors"]] == [
        ("policy-error", "main.deny: rule result has no string msg: {'message': 'no msg key'}", str(tmp_path / "p.rego"))
    ]


def test_exception_names() -> None:
    assert [exception_name(r) for r in ("deny", "deny_foo", "violation_foo_bar", "warn_x", "violation_deny_y")] == [
        "deny", "foo", "foo_bar", "x", "y"
    ]
    assert exceptions({"exception": [["a", "b"], ["a"], "junk", [3]]}) == {"a": 2, "b": 1}
