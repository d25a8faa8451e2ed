"""Suppressions: inline ignores, the waivers file (with expiry) and a baseline report."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from iac_guard.cli import main
from iac_guard.errors import ConfigError
from iac_guard.suppress import load_waivers_file


def _scan(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    code = main(["scan", *args, "--format", "json", "--fail-on", "low"])
    return code, json.loads(capsys.readouterr().out)


def test_inline_and_file_waivers(spine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = spine / "waived"
    code, doc = _scan(capsys, str(root / "main.tf"), "--waivers", str(root / "waivers.yaml"))
    kept = [(f["rule_id"], f["resource"]) for f in doc["findings"]]
    assert kept == [
        ("IAC-AWS-S3-005", "aws_s3_bucket.site"),
        ("IAC-AWS-EBS-001", "aws_ebs_volume.scratch"),
        ("IAC-AWS-EBS-001", "aws_ebs_volume.old"),
        ("IAC-AWS-S3-006", "aws_s3_bucket.site"),
        ("IAC-GEN-TAG-001", "aws_s3_bucket.site"),
        ("IAC-GEN-TAG-001", "aws_ebs_volume.scratch"),
        ("IAC-GEN-TAG-001", "aws_ebs_volume.legacy"),
        ("IAC-GEN-TAG-001", "aws_ebs_volume.old"),
    ]
    suppressed = [(s["rule_id"], s["resource"], s["suppression"]["kind"], s["suppression"]["origin"]) for s in doc["suppressed"]]
    waivers = str(root / "waivers.yaml")
    assert suppressed == [
        ("IAC-AWS-S3-001", "aws_s3_bucket.site", "inline", "main.tf:4"),
        ("IAC-AWS-EBS-001", "aws_ebs_volume.legacy", "waiver", f"{waivers}:2"),
        ("IAC-AWS-S3-002", "aws_s3_bucket.site", "waiver", f"{waivers}:10"),
        ("IAC-AWS-S3-003", "aws_s3_bucket.site", "inline", "main.tf:1"),
    ]
    notices = sorted((n["code"], n["file"], n["line"]) for n in doc["notices"])
    assert notices == [("ignore-without-reason", "main.tf", 10), ("waiver-expired", waivers, 6)]
    assert code == 1 and doc["summary"]["suppressed"] == 4


def test_baseline_suppresses_known_findings_only(spine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = spine / "mixed" / "terraform"
    baseline = tmp_path / "baseline.json"
    assert main(["scan", str(target), "--format", "json", "--output", str(baseline)]) == 1
    code, doc = _scan(capsys, str(target), "--baseline", str(baseline))
    assert (code, doc["findings"], doc["summary"]["suppressed"]) == (0, [], 13)
    assert {s["suppression"]["kind"] for s in doc["suppressed"]} == {"baseline"}


def test_bad_waivers_file_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    path.write_text("waivers:\n  - id: X-1\n    reason: ok\n  - id: X-2\n")
    with pytest.raises(ConfigError) as info:
        load_waivers_file(path, "w.yaml")
    assert (info.value.file, info.value.line, info.value.message) == ("w.yaml", 4, "waiver for X-2 needs a `reason`")
    path.write_text("waivers:\n  - id: X-1\n    reason: ok\n    expires: soon\n")
    with pytest.raises(ConfigError, match="must be a date"):
        load_waivers_file(path, "w.yaml")


def test_waiver_dates_parse(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    path.write_text("waivers:\n  - id: X-1\n    reason: ok\n    expires: '2030-05-01'\n")
    (waiver,) = load_waivers_file(path, "w.yaml")
    assert waiver.expires == dt.date(2030, 5, 1) and waiver.origin == "w.yaml:2"
