"""Extra scanners: cfn-lint in process, checkov from its own environment."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from iac_guard.cli import main
from iac_guard.discover import discover
from iac_guard.models import Severity
from iac_guard.scanners import ScannerOptions, ScannerResult, run_scanners
from iac_guard.scanners.checkov import find_checkov


def test_cfn_lint_errors_and_warnings_become_findings(spine: Path) -> None:
    found = discover([spine / "mixed" / "cloudformation"])
    result = run_scanners(["cfn-lint"], found.root, found.files, ScannerOptions())
    got = sorted((f.rule_id, f.severity, f.resource, f.file, f.line, f.attribute) for f in result.findings)
    assert got == [
        ("cfn-lint:E3045", Severity.MEDIUM, "Bucket", "template.yaml", 8, ""),
        ("cfn-lint:W3045", Severity.LOW, "Bucket", "template.yaml", 10, "AccessControl"),
    ]
    assert all(f.source == "cfn-lint" for f in result.findings)
    assert result.problems == ()


def test_unknown_scanner_is_a_problem(spine: Path) -> None:
    found = discover([spine / "mixed"])
    result = run_scanners(["tfsec"], found.root, found.files, ScannerOptions())
    assert [p.code for p in result.problems] == ["usage-error"]


def _fake_checkov(tmp_path: Path, body: str) -> str:
    """A stand-in executable for the subprocess contract only (exit codes, timeouts,
    malformed output); the real checkov runs in test_real_checkov below."""
    script = tmp_path / "checkov"
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def test_missing_checkov_is_a_clear_problem(spine: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv("IAC_GUARD_CHECKOV", raising=False)
    found = discover([spine / "mixed" / "terraform"])
    result = run_scanners(["checkov"], found.root, found.files, ScannerOptions())
    assert len(result.problems) == 1 and result.problems[0].message.startswith("checkov not found")


def test_checkov_crash_and_timeout_are_problems(spine: Path, tmp_path: Path) -> None:
    found = discover([spine / "mixed" / "terraform"])
    crash = _fake_checkov(tmp_path, "echo 'Traceback: boom' >&2\nexit 2\n")
    result = run_scanners(["checkov"], found.root, found.files, ScannerOptions(checkov_path=crash))
    assert [p.message for p in result.problems] == ["checkov exited 2: Traceback: boom"]
    slow_dir = tmp_path / "slow"
    slow_dir.mkdir()
    slow = _fake_checkov(slow_dir, "sleep 5\n")
    result = run_scanners(["checkov"], found.root, found.files, ScannerOptions(checkov_path=slow, timeout=0.5))
    assert [p.message for p in result.problems] == ["checkov did not finish within 0.5 s"]


def test_real_checkov(spine: Path) -> None:
    """Runs the real checkov from its own environment (.ci/run installs it in .venv-checkov
    and sets IAC_GUARD_CHECKOV); skipped where it is not installed."""
    executable = find_checkov(os.environ.get("IAC_GUARD_CHECKOV"))  # what HostResource passes
    if executable is None:
        pytest.skip("checkov is not installed in its own environment here (set IAC_GUARD_CHECKOV)")
    found = discover([spine / "mixed"])
    result = run_scanners(["checkov"], found.root, found.files, ScannerOptions(checkov_path=executable))
    assert result.problems == ()
    found_checks = {(f.rule_id, f.resource, f.file, f.line, f.iac_kind) for f in result.findings}
    # CKV_AWS_20: S3 bucket ACL allows public READ; CKV_AWS_3: EBS volume not encrypted
    assert ("CKV_AWS_20", "aws_s3_bucket.public", "terraform/main.tf", 1, "terraform") in found_checks
    assert ("CKV_AWS_20", "Bucket", "cloudformation/template.yaml", 6, "cloudformation") in found_checks
    assert ("CKV_AWS_3", "Volume", "cloudformation/template.json", 3, "cloudformation") in found_checks
    assert all(f.source == "checkov" and f.severity is Severity.MEDIUM for f in result.findings)


def test_checkov_runs_without_github_or_actions_tokens(spine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_file = tmp_path / "env.txt"
    fake = _fake_checkov(tmp_path, f"env > {env_file}\necho '[]'\n")
    for name in ("GITHUB_TOKEN", "GH_TOKEN", "IAC_GUARD_GITHUB_TOKEN", "ACTIONS_RUNTIME_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"):
        monkeypatch.setenv(name, "s3cr3t")
    monkeypatch.setenv("GITHUB_REPOSITORY", "acme/infra")
    found = discover([spine / "mixed" / "terraform"])
    from iac_guard.orchestration.resources import (
        HostResource,
        ParseCacheResource,
        PolicyEngineResource,
        services,
    )
    from iac_guard.settings import ScanConfig

    options = services(ScanConfig(checkov_path=fake), PolicyEngineResource(), HostResource(), ParseCacheResource()).scanner_options
    result = run_scanners(["checkov"], found.root, found.files, options)
    assert result == ScannerResult()
    seen = dict(line.split("=", 1) for line in env_file.read_text().splitlines() if "=" in line)
    assert "s3cr3t" not in seen.values()
    assert seen["GITHUB_REPOSITORY"] == "acme/infra" and "PATH" in seen


def test_checkov_path_comes_only_from_the_command_line_or_the_environment(spine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A config file that names the checkov executable is refused before anything runs."""
    marker = tmp_path / "pwned"
    pwn = _fake_checkov(tmp_path, f"touch {marker}\necho '[]'\n")
    shutil.copy(spine / "mixed" / "terraform" / "main.tf", tmp_path / "main.tf")
    (tmp_path / ".iac-guard.yaml").write_text(f"scanners: [checkov]\ncheckov-path: {pwn}\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("IAC_GUARD_CHECKOV", raising=False)
    assert main(["scan", "."]) == 2
    assert capsys.readouterr().err == (
        "iac-guard: error: .iac-guard.yaml:2: checkov-path cannot be set in a config file: pass --checkov-path or set IAC_GUARD_CHECKOV\n"
    )
    assert not marker.exists()
    (tmp_path / ".iac-guard.yaml").write_text("scanners: [checkov]\n")
    monkeypatch.setenv("IAC_GUARD_CHECKOV", pwn)  # the environment is the operator's: it runs
    assert main(["scan", ".", "--format", "json"]) == 1
    capsys.readouterr()
    assert marker.exists()
    marker.unlink()
    monkeypatch.delenv("IAC_GUARD_CHECKOV")
    assert main(["scan", ".", "--format", "json", "--checkov-path", pwn]) == 1
    capsys.readouterr()
    assert marker.exists()
