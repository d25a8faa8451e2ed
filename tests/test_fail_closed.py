"""Fail closed: what used to pass silently (an IaC file padded past the size cap, ...)
is an error with exit 2 naming the file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from iac_guard.cli import main

PUBLIC_BUCKET = 'resource "aws_s3_bucket" "b" {\n  bucket = "acme"\n  acl    = "public-read"\n}\n'


def test_iac_file_padded_past_the_default_cap_fails_closed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    padded = tmp_path / "main.tf"
    padded.write_text(PUBLIC_BUCKET + ("#" * 1023 + "\n") * (5 * 1024 + 1))
    size = padded.stat().st_size
    (tmp_path / "package-lock.json").write_text('{"lockfileVersion": 3, "pad": "' + "x" * (6 * 1024 * 1024) + '"}\n')
    assert main(["scan", str(tmp_path), "--format", "json"]) == 2
    doc = json.loads(capsys.readouterr().out)
    assert doc["errors"] == [
        {
            "code": "input-error",
            "message": f"not scanned: {size} bytes is over the 5242880-byte limit (raise --max-file-bytes)",
            "file": "main.tf",
            "line": None,
        }
    ]
    assert doc["notices"] == [] and doc["summary"]["files_scanned"] == 0


def test_max_file_bytes_from_the_command_line_and_the_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "main.tf").write_text(PUBLIC_BUCKET)  # 76 bytes
    monkeypatch.chdir(tmp_path)
    assert main(["scan", ".", "--max-file-bytes", "50"]) == 2
    out = capsys.readouterr().out
    assert "  input-error  main.tf  not scanned: 76 bytes is over the 50-byte limit (raise --max-file-bytes)\n" in out
    assert main(["scan", ".", "--max-file-bytes", "76", "--format", "json"]) == 1  # at the cap: scanned
    assert json.loads(capsys.readouterr().out)["errors"] == []
    (tmp_path / ".iac-guard.yaml").write_text("max-file-bytes: 60\n")
    assert main(["scan", ".", "--format", "json"]) == 2
    assert json.loads(capsys.readouterr().out)["errors"][0]["message"] == "not scanned: 76 bytes is over the 60-byte limit (raise --max-file-bytes)"
    assert main(["scan", ".", "--max-file-bytes", "0"]) == 2
    assert "argument --max-file-bytes: must be a whole number of at least 1, got '0'" in capsys.readouterr().err


def test_only_glob_that_matches_nothing_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "main.tf").write_text(PUBLIC_BUCKET)
    assert main(["scan", str(tmp_path), "--only", "IAC-AWS-S3-001", "--only", "NOPE-*"]) == 2
    assert capsys.readouterr().err == (
        "iac-guard: error: --only 'NOPE-*' matches no policy id and no rule of an enabled scanner, so nothing would be checked\n"
    )
    # a scanner's ids count only when that scanner runs
    assert main(["scan", str(tmp_path), "--only", "cfn-lint:E*"]) == 2
    assert "--only 'cfn-lint:E*' matches no policy id" in capsys.readouterr().err
    assert main(["scan", str(tmp_path), "--only", "cfn-lint:E*", "--scanner", "cfn-lint", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []
    assert main(["scan", str(tmp_path), "--only", "IAC-AWS-S3-00[1]", "--format", "json"]) == 1
    assert [f["rule_id"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["IAC-AWS-S3-001"]


def test_only_globs_scanner_prefixes_and_conftest_namespaces() -> None:
    from iac_guard.errors import UsageError
    from iac_guard.models import Policy, PolicySet, Severity
    from iac_guard.selection import Selection

    policies = PolicySet((Policy("IAC-1", "a", "t", Severity.HIGH, "a.rego", 1), Policy("main", "main", "t", Severity.HIGH, "m.rego", 1, conftest=True)), {})
    for glob in ("main.deny_*", "IAC-?", "*", "ma*"):
        Selection(only=(glob,)).policies(policies)
    for glob in ("CKV_AWS_*", "CKV2_*", "CK*"):
        Selection(only=(glob,), scanners=("checkov",)).policies(policies)
    for glob, scanners in (("CKV_AWS_*", ()), ("CKV_AWS_*", ("cfn-lint",)), ("other.deny", ("checkov",))):
        with pytest.raises(UsageError, match=re.escape(f"--only '{glob}' matches no policy id")):
            Selection(only=(glob,), scanners=scanners).policies(policies)


def test_no_policies_at_all_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "main.tf").write_text(PUBLIC_BUCKET)
    empty = tmp_path / "policies"
    empty.mkdir()
    message = (
        "iac-guard: error: no policies to evaluate: the built-in library is off (--no-builtin-policies) "
        "and no --policy-dir holds a policy, and no --scanner is enabled\n"
    )
    assert main(["scan", str(tmp_path / "main.tf"), "--no-builtin-policies"]) == 2
    assert capsys.readouterr().err == message
    assert main(["scan", str(tmp_path / "main.tf"), "--no-builtin-policies", "--policy-dir", str(empty)]) == 2
    assert capsys.readouterr().err == message
    assert main(["scan", str(tmp_path / "main.tf"), "--no-builtin-policies", "--scanner", "cfn-lint", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["policies"] == 0


def test_a_path_without_iac_is_a_notice_in_every_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "README.md").write_text("# docs\n")
    (tmp_path / "docs" / "ci.yaml").write_text("on: push\n")
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "main.tf").write_text('resource "aws_ebs_volume" "v" {\n  encrypted = true\n}\n')
    monkeypatch.chdir(tmp_path)
    message = "no Terraform or CloudFormation files found under docs"
    assert main(["scan", "docs", "--format", "json", "--sarif", "out.sarif", "--markdown", "out.md"]) == 0
    assert json.loads(capsys.readouterr().out)["notices"] == [{"code": "no-iac", "message": message, "file": None, "line": None}]
    notifications = json.loads((tmp_path / "out.sarif").read_text())["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notifications == [{"level": "warning", "message": {"text": message}, "descriptor": {"id": "no-iac"}}]
    assert f"- no\\-iac \\-: {message}\n" in (tmp_path / "out.md").read_text()  # markdown-escaped
    assert main(["scan", "docs"]) == 0
    assert f"  no-iac  {message}\n" in capsys.readouterr().out
    # one path with IaC, one without: the notice names the empty one only
    assert main(["scan", "infra", "docs", "--format", "json"]) == 0
    assert [n["message"] for n in json.loads(capsys.readouterr().out)["notices"]] == [message]


def test_an_explicit_file_that_is_not_iac_gets_the_not_iac_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "README.md").write_text("# hello\n")
    (tmp_path / "ci.yaml").write_text("on: push\n")
    monkeypatch.chdir(tmp_path)
    assert main(["scan", "README.md", "ci.yaml", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["notices"] == [
        {"code": "not-iac", "message": "not recognised as Terraform or CloudFormation", "file": "README.md", "line": None},
        {"code": "not-iac", "message": "not recognised as Terraform or CloudFormation", "file": "ci.yaml", "line": None},
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [("-3", "argument --jobs: must be a whole number of at least 0, got '-3'"), ("two", "argument --jobs: must be a whole number of at least 0, got 'two'")],
)
def test_bad_jobs_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str, message: str) -> None:
    assert main(["scan", str(tmp_path), "--jobs", value]) == 2
    assert capsys.readouterr().err.startswith(f"iac-guard: error: {message}\nusage: iac-guard scan ")


def test_jobs_zero_is_one_per_core(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "main.tf").write_text(PUBLIC_BUCKET)
    assert main(["scan", str(tmp_path), "--jobs", "0", "--only", "IAC-AWS-S3-001", "--format", "json"]) == 1
    assert [f["rule_id"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["IAC-AWS-S3-001"]
