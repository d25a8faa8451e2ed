"""SARIF 2.1.0: valid against the official schema (a copy in tests/fixtures/schemas), and
the fields GitHub code scanning reads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from iac_guard.cli import main
from iac_guard.models import FindingKind, Notice, Problem, Severity, Suppression
from iac_guard.report import sarif
from iac_guard.report.base import RenderOptions
from tests.conftest import FIXTURES
from tests.report.builders import finding, policy, result
from tests.starter import only_starter

SCHEMA = json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text())


def validate(doc: dict[str, Any]) -> None:
    jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER).validate(doc)


def _doc(**kwargs: Any) -> dict[str, Any]:
    scan = result(
        [
            finding(),
            finding("IAC-AWS-S3-003", Severity.LOW, resource="aws_s3_bucket.logs", line=1, end_line=None, attribute="", kind=FindingKind.WARN),
            finding("E3012", Severity.MEDIUM, resource="Bucket", file="cfn/stack.yaml", line=6, source="cfn-lint", docs_url="not a url"),
        ],
        problems=[Problem("parse-error", "unexpected token", "bad.tf", 4)],
        notices=[Notice("module-not-scanned", "module.net not scanned", "main.tf", 20)],
        suppressed=[
            Suppression(finding("IAC-AWS-EBS-001", Severity.HIGH, resource="aws_ebs_volume.a"), "inline", "scratch disk", "main.tf:12"),
            Suppression(finding("IAC-AWS-EBS-001", Severity.HIGH, resource="aws_ebs_volume.b"), "waiver", "PLAT-42", ".iac-guard-waivers.yaml:3"),
            Suppression(finding("IAC-AWS-EBS-001", Severity.HIGH, resource="aws_ebs_volume.c"), "existing", "already present at origin/main", "origin/main"),
        ],
        rules=[policy("IAC-AWS-S3-001", Severity.CRITICAL, "S3 public"), policy("IAC-AWS-S3-003", Severity.LOW), policy("IAC-AWS-EBS-001"), policy("IAC-AWS-KMS-001", Severity.INFO)],
    )
    return sarif.document(scan, RenderOptions(source_prefix="infra", repo_root="/work/repo", **kwargs))


def test_document_validates_against_the_sarif_schema() -> None:
    doc = _doc()
    validate(doc)
    assert doc["version"] == "2.1.0" and len(doc["runs"]) == 1


def test_schema_check_is_not_vacuous() -> None:
    doc = _doc()
    doc["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validate(doc)


def test_one_rule_per_policy_with_help_and_security_severity() -> None:
    rules = _doc()["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["E3012", "IAC-AWS-EBS-001", "IAC-AWS-KMS-001", "IAC-AWS-S3-001", "IAC-AWS-S3-003"]
    s3 = rules[3]
    assert s3["name"] == "S3Public"
    assert s3["shortDescription"] == {"text": "S3 public"}
    assert s3["fullDescription"] == {"text": "S3 public: description."}
    assert s3["help"] == {
        "text": "S3 public: description.\n\nRemediation: Fix it.\n\nMore: https://example.com/docs\n\nFrameworks: CIS-1.2",
        "markdown": "S3 public: description.\n\n**Remediation:** Fix it.\n\n[Documentation](https://example.com/docs)\n\nFrameworks: CIS-1.2",
    }
    assert s3["helpUri"] == "https://example.com/docs"
    assert s3["defaultConfiguration"] == {"level": "error"}
    assert s3["properties"]["security-severity"] == "9.5" and s3["properties"]["tags"] == ["security", "iac", "CIS-1.2"]
    scores = {r["id"]: r["properties"].get("security-severity") for r in rules}
    assert scores == {"E3012": "5.5", "IAC-AWS-EBS-001": "8.0", "IAC-AWS-KMS-001": None, "IAC-AWS-S3-001": "9.5", "IAC-AWS-S3-003": "3.0"}
    assert "helpUri" not in rules[0]  # "not a url" is no URI


def test_results_locations_fingerprints_and_levels() -> None:
    run = _doc()["runs"][0]
    first = run["results"][0]
    assert first["ruleId"] == "IAC-AWS-S3-001" and run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "IAC-AWS-S3-001"
    assert first["level"] == "error"
    assert first["locations"] == [
        {
            "physicalLocation": {"artifactLocation": {"uri": "infra/main.tf", "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 3, "endLine": 9}},
            "logicalLocations": [{"fullyQualifiedName": "aws_s3_bucket.logs", "name": "aws_s3_bucket.logs", "kind": "resource"}],
        }
    ]
    assert first["partialFingerprints"] == {"iacGuardFingerprint/v1": finding().fingerprint}
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///work/repo/"}}
    assert [(r["ruleId"], r["level"]) for r in run["results"][:3]] == [("IAC-AWS-S3-001", "error"), ("E3012", "warning"), ("IAC-AWS-S3-003", "note")]


def test_fingerprints_survive_line_moves() -> None:
    moved = finding(line=40, end_line=48)
    assert moved.fingerprint == finding().fingerprint
    doc = sarif.document(result([moved]), RenderOptions())
    assert doc["runs"][0]["results"][0]["partialFingerprints"]["iacGuardFingerprint/v1"] == finding().fingerprint
    other = finding(resource="aws_s3_bucket.other")
    assert other.fingerprint != finding().fingerprint


def test_suppressed_findings_carry_suppressions() -> None:
    results = _doc()["runs"][0]["results"]
    suppressed = [r for r in results if "suppressions" in r]
    assert [(r["properties"]["resource"], r["suppressions"][0]["kind"], r["suppressions"][0]["justification"]) for r in suppressed] == [
        ("aws_ebs_volume.a", "inSource", "scratch disk"),
        ("aws_ebs_volume.b", "external", "PLAT-42"),
    ]
    assert suppressed[1]["suppressions"][0]["properties"] == {"suppressedBy": "waiver", "origin": ".iac-guard-waivers.yaml:3"}
    existing = results[-1]
    assert existing["properties"]["resource"] == "aws_ebs_volume.c" and "suppressions" not in existing
    assert existing["baselineState"] == "unchanged" and existing["properties"]["existingAt"] == "origin/main"


def test_invocation_records_exit_code_and_tool_errors() -> None:
    (invocation,) = _doc()["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
    assert invocation["toolExecutionNotifications"] == [
        {
            "level": "error",
            "message": {"text": "unexpected token"},
            "descriptor": {"id": "parse-error"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": "infra/bad.tf", "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 4, "endLine": 4}}}],
        },
        {
            "level": "warning",
            "message": {"text": "module.net not scanned"},
            "descriptor": {"id": "module-not-scanned"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": "infra/main.tf", "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 20, "endLine": 20}}}],
        },
    ]


def test_cli_writes_valid_sarif_with_repository_relative_uris(spine: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.sarif"
    assert main(["scan", str(spine / "mixed"), *only_starter(), "--sarif", str(target), "-q"]) == 1
    doc = json.loads(target.read_text())
    validate(doc)
    run = doc["runs"][0]
    uris = sorted({r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]})
    assert uris == [
        "tests/fixtures/spine/mixed/cloudformation/template.json",
        "tests/fixtures/spine/mixed/cloudformation/template.yaml",
        "tests/fixtures/spine/mixed/terraform/main.tf",
        "tests/fixtures/spine/mixed/terraform/volumes.tf.json",
    ]
    assert len(run["results"]) == 10 and len(run["tool"]["driver"]["rules"]) == 13
    assert run["invocations"][0]["exitCode"] == 1 and run["invocations"][0]["executionSuccessful"] is True
