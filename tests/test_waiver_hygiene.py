"""Waiver hygiene: a waiver or inline ignore that matches nothing is a stale-waiver notice
at its line; --strict-waivers (config strict-waivers) fails the gate on stale and expired
waivers; reports list every waiver's owner and days to expiry; the waivers file's keys
are checked. Fixtures: tests/fixtures/hostile/waivers/."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from iac_guard.cli import main
from tests.conftest import FIXTURES

WAIVED = FIXTURES / "hostile" / "waivers"
INLINE_STALE = ("stale-waiver", "main.tf", 11, "ignore comment for IAC-AWS-EBS-001 on aws_ebs_volume.safe matches no finding; remove it")


@pytest.fixture
def here(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(WAIVED)
    return WAIVED


def _scan(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    code = main(["scan", ".", "--only", "IAC-AWS-EBS-001", "--fail-on", "low", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_stale_and_expired_waivers_are_notices_with_file_and_line(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report = _scan(capsys, "--waivers", "waivers.yaml")
    assert code == 1  # the expired waiver no longer covers aws_ebs_volume.old
    assert [(f["rule_id"], f["resource"]) for f in report["findings"]] == [("IAC-AWS-EBS-001", "aws_ebs_volume.old")]
    assert [(n["code"], n["file"], n["line"], n["message"]) for n in report["notices"]] == [
        ("waiver-expired", "waivers.yaml", 11, "waiver for IAC-AWS-EBS-001 expired on 2020-01-01"),
        INLINE_STALE,
        ("stale-waiver", "waivers.yaml", 7, "waiver for IAC-AWS-EBS-001, resource aws_ebs_volume.deleted matches no finding; remove it"),
    ]
    today = dt.date.today()
    assert report["waivers"] == [
        {"id": "IAC-AWS-EBS-001", "resource": "aws_ebs_volume.data", "file": "*", "reason": "Data migration in progress (PLAT-7)",
         "owner": "team-storage", "expires": "2099-12-31", "days_left": (dt.date(2099, 12, 31) - today).days,
         "origin": "waivers.yaml:2", "matched": 1, "state": "active"},
        {"id": "IAC-AWS-EBS-001", "resource": "aws_ebs_volume.deleted", "file": "*", "reason": "Removed last quarter",
         "owner": "team-legacy", "expires": None, "days_left": None, "origin": "waivers.yaml:7", "matched": 0, "state": "stale"},
        {"id": "IAC-AWS-EBS-001", "resource": "aws_ebs_volume.old", "file": "*", "reason": "Expired exception",
         "owner": "", "expires": "2020-01-01", "days_left": (dt.date(2020, 1, 1) - today).days,
         "origin": "waivers.yaml:11", "matched": 1, "state": "expired"},
    ]
    assert report["summary"]["waiver_failures"] == 0


def test_strict_waivers_fail_the_gate(here: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, report = _scan(capsys, "--waivers", "stale-only.yaml")
    assert (code, report["verdict"], report["findings"]) == (0, "pass", [])
    assert [(n["code"], n["file"], n["line"]) for n in report["notices"]] == [INLINE_STALE[:3], ("stale-waiver", "stale-only.yaml", 10)]
    code, report = _scan(capsys, "--waivers", "stale-only.yaml", "--strict-waivers")
    assert (code, report["verdict"], report["exit_code"], report["summary"]["waiver_failures"]) == (1, "fail", 1, 2)
    config = tmp_path / "strict.yaml"
    config.write_text("strict-waivers: true\nwaivers: stale-only.yaml\n")
    assert main(["scan", ".", "--only", "IAC-AWS-EBS-001", "--fail-on", "low", "--config", str(config)]) == 1
    text = capsys.readouterr().out
    assert "  stale-waiver  stale-only.yaml:10  waiver for IAC-AWS-EBS-001, resource aws_ebs_volume.deleted matches no finding; remove it\n" in text
    assert "  IAC-AWS-EBS-001  stale-only.yaml:10  owner team-legacy  expires never  stale, matches 0 findings\n" in text
    assert "  IAC-AWS-EBS-001  stale-only.yaml:2  owner team-storage  expires never  active, matches 1 finding\n" in text
    assert text.splitlines()[-1] == "FAILED: 2 stale or expired waiver(s) (--strict-waivers) - 0 findings, 2 suppressed in 1 file, 3 resources, 1 policy"
    assert main(["scan", ".", "--only", "IAC-AWS-EBS-001", "--fail-on", "low", "--config", str(config), "--format", "markdown"]) == 1
    markdown = capsys.readouterr().out
    assert "## \u274c iac-guard: 2 stale or expired waivers fail the gate (--strict-waivers)" in markdown
    assert "| Rule | Resource | Declared at | Owner | Expires | State |\n" in markdown
    assert "| IAC\\-AWS\\-EBS\\-001 | aws\\_ebs\\_volume\\.deleted | stale\\-only\\.yaml\\:10 | team\\-legacy | never | stale |\n" in markdown


def test_strict_waivers_fail_on_an_expired_waiver_alone(here: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    waivers = tmp_path / "w.yaml"
    waivers.write_text(
        "waivers:\n  - id: IAC-AWS-EBS-001\n    reason: all volumes\n    owner: ops\n    expires: 2021-06-30\n"
    )
    (tmp_path / "main.tf").write_text('resource "aws_ebs_volume" "v" {\n  size = 1\n  encrypted = false\n}\n')
    args = ["scan", str(tmp_path / "main.tf"), "--only", "IAC-AWS-EBS-001", "--fail-on", "critical", "--waivers", str(waivers), "--format", "json"]
    assert main(args) == 0  # a high finding under fail-on critical, the waiver merely expired
    capsys.readouterr()
    assert main([*args, "--strict-waivers"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert (report["verdict"], report["summary"]["failing"], report["summary"]["waiver_failures"]) == ("fail", 0, 1)
    assert [(n["code"], n["line"]) for n in report["notices"]] == [("waiver-expired", 2)]
    assert [(w["owner"], w["expires"], w["state"], w["matched"]) for w in report["waivers"]] == [("ops", "2021-06-30", "expired", 1)]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("waivers:\n  - id: X\n    reason: ok\n    expire: 2027-01-01\n", 4, "unknown waiver key 'expire' (expected: id, resource, file, reason, expires, owner)"),
        ("waivers:\n  - id: X\n    reason: ok\n    expires: next week\n", 4, "`expires` must be a date (YYYY-MM-DD), not a string ('next week')"),
        ("waivers:\n  - id: X\n    reason: ok\n    expires: 2027-01-01T10:00:00Z\n", 4, "`expires` must be a date (YYYY-MM-DD), not a timestamp (2027-01-01T10:00:00+00:00)"),
        ("waivers:\n  - id: X\n    reason: ok\n    expires: [2027-01-01]\n", 4, "`expires` must be a date (YYYY-MM-DD), not a list"),
        ("waivers:\n  - id: X\n    reason: ok\n    owner: [a, b]\n", 4, "waiver `owner` must be a string, got a list"),
        ("waivers:\n  - id: 2027-01-01\n    reason: ok\n", 2, "waiver `id` must be a string, got a date (2027-01-01)"),
        ("waivers:\n  - id: X\n    reason: {why: legacy}\n", 3, "waiver `reason` must be a string, got a mapping"),
        ("waivers:\n  - id: X\n    resource: 5\n    reason: ok\n", 3, "waiver `resource` must be a string, got a number (5)"),
        ("waivers:\n  - id: X\n    file: null\n    reason: ok\n", 3, "waiver `file` must be a string, got null"),
        ("waivers:\n  - id: X\n    reason: ok\n    2027-01-01: x\n", 4, "unknown waiver key a date (2027-01-01) (expected: id, resource, file, reason, expires, owner)"),
        ("waivers:\n  - id: X\n    reason: '  '\n", 2, "waiver for X needs a `reason`"),
        ("waivers:\n  - just-a-string\n", 2, "each waiver needs an `id`"),
        ("waivers:\n  - id: X\n    reason: ok\n    reason: also ok\n", 4, "waiver 1: reason is given twice (first on line 3)"),
        ("version: 2\nwaivers: []\n", 1, "unknown key 'version' (a waivers file has one key, `waivers`)"),
        ("\nwaivers:\n  id: X\n", 2, "expected a top-level `waivers:` list"),
    ],
)
def test_waivers_file_keys_are_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], text: str, line: int, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "main.tf").write_text('resource "aws_ebs_volume" "v" {\n  size = 1\n}\n')
    (tmp_path / ".iac-guard-waivers.yaml").write_text(text)
    assert main(["scan", "."]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"iac-guard: error: .iac-guard-waivers.yaml:{line}: {message}\n"
    assert "internal error" not in captured.err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"findings": [{"fingerprint": "abc"}, {"fingerprint": 5}]}', "base.json: baseline finding 2 has no `fingerprint` string (regenerate the baseline with --format json)"),
        ('{"findings": [{"rule_id": "X"}]}', "base.json: baseline finding 1 has no `fingerprint` string (regenerate the baseline with --format json)"),
        ('{"findings": ["abc"]}', "base.json: baseline finding 1 has no `fingerprint` string (regenerate the baseline with --format json)"),
        ('[1, 2]', "base.json:1: baseline must be an iac-guard JSON report (no `findings` list)"),
    ],
)
def test_baseline_entries_are_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], text: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "main.tf").write_text('resource "aws_ebs_volume" "v" {\n  size = 1\n}\n')
    (tmp_path / "base.json").write_text(text)
    assert main(["scan", ".", "--baseline", "base.json"]) == 2
    assert capsys.readouterr().err == f"iac-guard: error: {message}\n"
