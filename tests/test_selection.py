"""--only / --skip on rule ids (globs) and severity-overrides, for every finding source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iac_guard.cli import main
from iac_guard.errors import ConfigError
from iac_guard.models import Finding, Policy, PolicySet, Severity
from iac_guard.selection import Selection
from iac_guard.settings import ScanConfig
from tests.conftest import FIXTURES

CFN = str(FIXTURES / "spine" / "mixed" / "cloudformation")


def _scan(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[tuple[str, str, str]]]:
    code = main(["scan", CFN, "--format", "json", *args])
    doc = json.loads(capsys.readouterr().out)
    return code, [(f["rule_id"], f["resource"], f["severity"]) for f in doc["findings"]]


def _finding(rule_id: str, severity: Severity = Severity.HIGH) -> Finding:
    return Finding(rule_id, "t", severity, "m", "r", "f.tf", 1, "rego")


def test_selection_globs_and_overrides() -> None:
    selection = Selection(only=("IAC-AWS-S3-*", "main.*"), skip=("IAC-AWS-S3-003",), severity_overrides={"main.deny": Severity.LOW})
    got = selection.findings([_finding(i) for i in ("IAC-AWS-S3-001", "IAC-AWS-S3-003", "IAC-AWS-EBS-001", "main.deny", "main.warn")])
    assert [(f.rule_id, f.severity) for f in got] == [
        ("IAC-AWS-S3-001", Severity.HIGH),
        ("main.deny", Severity.LOW),
        ("main.warn", Severity.HIGH),
    ]
    assert Selection().selects("anything") and not Selection(skip=("*",)).selects("x")


def test_pruned_policies_are_not_evaluated() -> None:
    policies = (
        Policy("IAC-1", "a", "t", Severity.HIGH, "a.rego", 1),
        Policy("IAC-2", "b", "t", Severity.HIGH, "b.rego", 1),
        Policy("main", "main", "t", Severity.HIGH, "m.rego", 1, conftest=True),
    )
    kept = Selection(skip=("IAC-2", "main.deny")).policies(PolicySet(policies, {}))
    assert [p.id for p in kept.policies] == ["IAC-1", "main"]  # main is named per rule


def test_only_and_skip_on_the_cli_cover_scanner_findings(capsys: pytest.CaptureFixture[str]) -> None:
    code, found = _scan(capsys, "--scanner", "cfn-lint")
    assert found == [
        ("IAC-AWS-S3-001", "Bucket", "critical"),
        ("IAC-AWS-EBS-001", "Volume", "high"),
        ("IAC-AWS-S3-005", "Bucket", "high"),
        ("IAC-AWS-SG-002", "Group", "high"),
        ("cfn-lint:E3045", "Bucket", "medium"),
        ("IAC-GEN-TAG-001", "Volume", "low"),
        ("IAC-AWS-S3-003", "Bucket", "low"),
        ("IAC-AWS-S3-006", "Bucket", "low"),
        ("IAC-GEN-TAG-001", "Bucket", "low"),
        ("cfn-lint:W3045", "Bucket", "low"),
        ("IAC-AWS-SG-005", "Group", "low"),
    ]
    code, found = _scan(capsys, "--scanner", "cfn-lint", "--only", "IAC-AWS-S3-*", "--only", "cfn-lint:*", "--skip", "cfn-lint:W*")
    assert (code, found) == (
        1,
        [
            ("IAC-AWS-S3-001", "Bucket", "critical"),
            ("IAC-AWS-S3-005", "Bucket", "high"),
            ("cfn-lint:E3045", "Bucket", "medium"),
            ("IAC-AWS-S3-003", "Bucket", "low"),
            ("IAC-AWS-S3-006", "Bucket", "low"),
        ],
    )
    code, found = _scan(capsys, "--scanner", "cfn-lint", "--skip", "IAC-AWS-*", "--skip", "IAC-GEN-*", "--skip", "cfn-lint:*")
    assert (code, found) == (0, [])
    assert main(["scan", CFN, "--skip", "IAC-*"]) == 2  # nothing left to check
    assert "--skip 'IAC-*' leaves no policy to evaluate" in capsys.readouterr().err


def test_policy_count_reflects_selection(capsys: pytest.CaptureFixture[str]) -> None:
    main(["scan", CFN, "--format", "json", "--only", "IAC-AWS-S3-00[12]"])
    assert json.loads(capsys.readouterr().out)["summary"]["policies"] == 2


def test_severity_overrides_from_config_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".iac-guard.yaml").write_text("severity-overrides:\n  IAC-AWS-S3-001: low\n  cfn-lint:E3045: critical\n", encoding="utf-8")
    code, found = _scan(capsys, "--scanner", "cfn-lint", "--only", "IAC-AWS-S3-001", "--only", "cfn-lint:E3045")
    assert (code, found) == (1, [("cfn-lint:E3045", "Bucket", "critical"), ("IAC-AWS-S3-001", "Bucket", "low")])
    (tmp_path / ".iac-guard.yaml").unlink()
    (tmp_path / "pyproject.toml").write_text('[tool.iac-guard]\nonly = ["IAC-AWS-S3-001"]\n[tool.iac-guard.severity-overrides]\n"IAC-AWS-S3-001" = "info"\n', encoding="utf-8")
    code, found = _scan(capsys)
    assert (code, found) == (0, [("IAC-AWS-S3-001", "Bucket", "info")])


def test_unknown_severity_override_is_a_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".iac-guard.yaml").write_text("severity-overrides:\n  IAC-AWS-S3-001: urgent\n", encoding="utf-8")
    assert main(["scan", CFN]) == 2
    assert capsys.readouterr().err == (
        "iac-guard: error: .iac-guard.yaml:2: severity-overrides: IAC-AWS-S3-001: unknown severity 'urgent' "
        "(expected one of: critical, high, medium, low, info)\n"
    )
    with pytest.raises(ConfigError):
        ScanConfig.from_dict({"severity-overrides": ["IAC-AWS-S3-001"]})


def test_selection_settings_round_trip_through_the_dagster_resource() -> None:
    config = ScanConfig.from_dict({"only": "IAC-*", "skip": ["IAC-AWS-S3-003"], "namespace": ["main"], "all-namespaces": True})
    assert (config.only, config.skip, config.namespaces, config.all_namespaces) == (("IAC-*",), ("IAC-AWS-S3-003",), ("main",), True)
    assert ScanConfig.from_dict(config.to_dict()) == config
