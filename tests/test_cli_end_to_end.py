"""End to end: the CLI runs the real Dagster job in process on fixture trees."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from iac_guard.cli import main
from tests.conftest import REPO


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    code = main(["scan", *args, "--format", "json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_mixed_tree_findings_exact(spine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = _json(capsys, str(spine / "mixed"))
    assert code == 1
    got = [(f["rule_id"], f["resource"], f["file"], f["line"], f["severity"]) for f in doc["findings"]]
    assert got == [
        ("IAC-AWS-S3-001", "Bucket", "cloudformation/template.yaml", 10, "critical"),
        ("IAC-AWS-S3-001", "aws_s3_bucket.public", "terraform/main.tf", 3, "critical"),
        ("IAC-AWS-IAM-001", "data.aws_iam_policy_document.admin", "terraform/main.tf", 20, "critical"),
        ("IAC-AWS-EBS-001", "Volume", "cloudformation/template.json", 3, "high"),
        ("IAC-AWS-S3-005", "Bucket", "cloudformation/template.yaml", 6, "high"),
        ("IAC-AWS-SG-002", "Group", "cloudformation/template.yaml", 20, "high"),
        ("IAC-AWS-S3-005", "aws_s3_bucket.public", "terraform/main.tf", 1, "high"),
        ("IAC-AWS-S3-005", "aws_s3_bucket.private", "terraform/main.tf", 6, "high"),
        ("IAC-AWS-EBS-001", "aws_ebs_volume.scratch", "terraform/volumes.tf.json", 7, "high"),
        ("IAC-GEN-TAG-001", "Volume", "cloudformation/template.json", 3, "low"),
        ("IAC-AWS-S3-003", "Bucket", "cloudformation/template.yaml", 6, "low"),
        ("IAC-AWS-S3-006", "Bucket", "cloudformation/template.yaml", 6, "low"),
        ("IAC-GEN-TAG-001", "Bucket", "cloudformation/template.yaml", 6, "low"),
        ("IAC-AWS-SG-005", "Group", "cloudformation/template.yaml", 20, "low"),
        ("IAC-AWS-S3-002", "aws_s3_bucket.public", "terraform/main.tf", 1, "low"),
        ("IAC-AWS-S3-003", "aws_s3_bucket.public", "terraform/main.tf", 1, "low"),
        ("IAC-AWS-S3-006", "aws_s3_bucket.public", "terraform/main.tf", 1, "low"),
        ("IAC-GEN-TAG-001", "aws_s3_bucket.public", "terraform/main.tf", 1, "low"),
        ("IAC-AWS-S3-003", "aws_s3_bucket.private", "terraform/main.tf", 6, "low"),
        ("IAC-AWS-S3-006", "aws_s3_bucket.private", "terraform/main.tf", 6, "low"),
        ("IAC-GEN-TAG-001", "aws_s3_bucket.private", "terraform/main.tf", 6, "low"),
        ("IAC-GEN-TAG-001", "aws_ebs_volume.scratch", "terraform/volumes.tf.json", 4, "low"),
    ]
    assert doc["summary"] == {
        "critical": 3, "high": 6, "medium": 0, "low": 13, "info": 0, "total": 22, "failing": 9,
        "files_scanned": 4, "resources": 8, "policies": doc["summary"]["policies"], "parse_errors": 0, "errors": 0,
        "suppressed": 0, "waiver_failures": 0,
    }
    assert doc["verdict"] == "fail" and doc["exit_code"] == 1 and doc["version"] == "1.0"


def test_fail_on_critical_still_fails_and_info_threshold(spine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = _json(capsys, str(spine / "mixed" / "cloudformation" / "template.json"), "--fail-on", "critical")
    assert (code, doc["summary"]["failing"], doc["verdict"]) == (0, 0, "pass")
    code, doc = _json(capsys, str(spine / "mixed" / "cloudformation" / "template.json"), "--fail-on", "high")
    assert (code, doc["summary"]["failing"]) == (1, 1)


def test_clean_tree_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["scan", str(REPO / "examples" / "clean")])
    out = capsys.readouterr().out
    assert code == 0
    assert out.strip().startswith("PASSED (fail-on high) - 0 findings in 1 file, 12 resources")


def test_parse_errors_fail_closed_after_reporting_everything(spine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = _json(capsys, str(spine / "broken"))
    assert code == 2
    assert [(f["rule_id"], f["file"], f["line"]) for f in doc["findings"]] == [("IAC-AWS-EBS-001", "good.tf", 1), ("IAC-GEN-TAG-001", "good.tf", 1)]
    assert [(e["code"], e["file"], e["line"]) for e in doc["errors"]] == [
        ("parse-error", "bad.tf", 6),
        ("parse-error", "bad.yaml", 5),
    ]
    assert doc["summary"]["parse_errors"] == 2 and doc["verdict"] == "error"


def test_broken_policy_is_exit_2_naming_file_and_line(spine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["scan", str(spine / "mixed"), "--policy-dir", str(spine / "policies_broken_syntax")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("iac-guard: error: tests/fixtures/spine/policies_broken_syntax/broken.rego:10: ")
    assert "Traceback" not in err and "backtrace" not in err


def test_custom_policy_dir_only(spine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = _json(capsys, str(spine / "mixed" / "terraform"), "--no-builtin-policies", "--policy-dir", str(spine / "policies_custom"), "--fail-on", "low")
    assert code == 1
    got = [(f["rule_id"], f["kind"], f["resource"], f["line"]) for f in doc["findings"]]
    assert got == [
        ("CUSTOM-001", "warn", "aws_s3_bucket.public", 1),
        ("CUSTOM-001", "deny", "aws_s3_bucket.public", 2),
        ("CUSTOM-001", "warn", "aws_s3_bucket.private", 6),
        ("CUSTOM-001", "deny", "aws_s3_bucket.private", 7),
    ]


def test_output_file_and_quiet(spine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "report.json"
    code = main(["scan", str(spine / "mixed"), "--format", "json", "--output", str(target)])
    assert code == 1 and capsys.readouterr().out == ""
    assert json.loads(target.read_text())["summary"]["total"] == 22
    code = main(["scan", str(spine / "mixed"), "--quiet"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert lines[0] == "cloudformation/template.yaml:10: critical: IAC-AWS-S3-001: S3 bucket Bucket has the public ACL PublicReadWrite"
    assert len(lines) == 10 and lines[-1].startswith("FAILED: 9 finding(s) at or above high")


def test_text_report_groups_by_file(spine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["scan", str(spine / "mixed" / "terraform"), "--color", "never"])
    out = capsys.readouterr().out
    assert code == 1
    assert "\033[" not in out
    first = out.splitlines()[:4]
    assert first == [
        "main.tf",
        "  CRITICAL  IAC-AWS-S3-001  main.tf:3  aws_s3_bucket.public",
        "            S3 bucket aws_s3_bucket.public has the public ACL \"public-read\"",
        "            fix: Terraform: set `acl = \"private\"` (on `aws_s3_bucket_acl` or the bucket) and remove `grant` entries whose `uri` is the AllUsers or AuthenticatedUsers group. CloudFormation: remove `AccessControl` or set it to `Private`. Grant access through bucket policies scoped to principals instead.",
    ]


def test_usage_errors_are_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["scan", "--fail-on", "severe"]) == 2
    assert "invalid choice" in capsys.readouterr().err
    assert main(["scan", str(tmp_path / "missing")]) == 2
    assert "path does not exist" in capsys.readouterr().err
    bad = tmp_path / "cfg.yaml"
    bad.write_text("fail-on: [\n")
    assert main(["scan", str(tmp_path), "--config", str(bad)]) == 2
    assert f"{bad}:2: invalid YAML" in capsys.readouterr().err


def test_config_file_sets_defaults_and_cli_wins(spine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "c.yaml"
    cfg.write_text("fail-on: critical\nseverity-overrides:\n  IAC-AWS-EBS-001: critical\n")
    target = str(spine / "mixed" / "cloudformation" / "template.json")
    code, doc = _json(capsys, target, "--config", str(cfg))
    assert (code, doc["findings"][0]["severity"], doc["fail_on"]) == (1, "critical", "critical")
    code, doc = _json(capsys, target, "--config", str(cfg), "--fail-on", "info")
    assert doc["fail_on"] == "info"


_CLI = "import sys\nfrom iac_guard.cli import main\nsys.exit(main(sys.argv[1:]))\n"


def _imported_modules(importtime: str) -> set[str]:
    """Module names from ``python -X importtime``'s report (``import time: self | cumulative | name``)."""
    return {line.rsplit("|", 1)[-1].strip() for line in importtime.splitlines() if line.startswith("import time:") and "|" in line}


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["scan", "--help"]])
def test_version_and_help_do_not_import_dagster(args: list[str]) -> None:
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", _CLI, *args], capture_output=True, text=True, cwd=REPO, check=False)
    assert result.returncode == 0
    imported = _imported_modules(result.stderr)
    assert "iac_guard.cli" in imported  # the report is read right
    assert sorted(m for m in imported if m.split(".")[0].startswith("dagster")) == []
    assert result.stdout.startswith("iac-guard " if args == ["--version"] else "usage: iac-guard")


def test_dagster_home_scan_prints_nothing_but_the_report(spine: Path, tmp_path: Path) -> None:
    """Dagster's telemetry banner and its note about a missing dagster.yaml stay hidden
    (--verbose shows them); the run is still recorded on the instance."""
    home = tmp_path / "dagster-home"
    home.mkdir()
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    target = str(spine / "mixed" / "terraform" / "volumes.tf.json")
    for _ in range(2):  # the first run on a new instance is the one with the banner
        result = subprocess.run([sys.executable, "-c", _CLI, "scan", target, "-q"], capture_output=True, text=True, cwd=tmp_path, env=env, check=False)
        assert (result.returncode, result.stderr) == (1, "")
        assert result.stdout.startswith("volumes.tf.json:7: high: IAC-AWS-EBS-001: ")
    assert len([db for db in (home / "history" / "runs").glob("*.db") if db.stem != "index"]) == 2  # one per run
    verbose = subprocess.run([sys.executable, "-c", _CLI, "scan", target, "-q", "-v"], capture_output=True, text=True, cwd=tmp_path, env=env, check=False)
    assert "No dagster instance configuration file (dagster.yaml) found" in verbose.stderr


@pytest.mark.parametrize("home", ["missing", "relative"])
def test_bad_dagster_home_is_a_config_error(spine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], home: str) -> None:
    value = str(tmp_path / "missing") if home == "missing" else "relative"
    if home == "relative":
        (tmp_path / "relative").mkdir()
        monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DAGSTER_HOME", value)
    assert main(["scan", str(spine / "mixed" / "terraform")]) == 2
    assert capsys.readouterr().err == (
        f"iac-guard: error: DAGSTER_HOME={value!r} must be an existing directory given by an absolute path "
        "(create it, or unset DAGSTER_HOME to run on an ephemeral instance)\n"
    )


def test_dagster_home_records_the_run(spine: Path, tmp_path: Path) -> None:
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path)}
    script = (
        "from iac_guard.settings import ScanConfig\nfrom iac_guard.orchestration.jobs import run_scan\n"
        "import dagster as dg\n"
        f"out = run_scan(ScanConfig(paths=({str(spine / 'mixed')!r},)))\n"
        "inst = dg.DagsterInstance.get()\n"
        "print(out.result.decision.exit_code, inst.get_run_by_id(out.run_id).status.value)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1", "SUCCESS"]


def _findings(capsys: pytest.CaptureFixture[str], path: Path, prefix: str = "") -> set[tuple[str, str, str, int]]:
    main(["scan", str(path), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    return {(f["rule_id"], f["resource"], prefix + f["file"], f["line"]) for f in doc["findings"]}


def test_scanning_a_tree_is_scanning_each_configuration_alone(capsys: pytest.CaptureFixture[str]) -> None:
    """examples/ holds three configurations; what one declares (a public access block,
    provider default tags) must not change what another is found to be. So the scan of
    the whole tree is exactly the union of the scans of each folder."""
    examples = REPO / "examples"
    whole = _findings(capsys, examples)
    parts = set().union(*(_findings(capsys, examples / sub, f"{sub}/") for sub in ("terraform", "cloudformation", "clean")))
    assert whole == parts
    assert ("IAC-AWS-S3-005", "aws_s3_bucket.logs", "terraform/main.tf", 6) in whole
