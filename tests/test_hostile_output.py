"""Output that cannot be abused (issue 11): resource names and file names holding ANSI
sequences, C1 controls and bidi overrides, scanned for real through the CLI in a simulated
GitHub Actions step, reach no surface raw: not the terminal report, the annotations, the
step summary, the step outputs, the error line, the review comment; the JSON report keeps
the exact values as escapes; report files are written atomically."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from iac_guard.cli import main
from iac_guard.github import review
from iac_guard.models import Finding, Severity
from iac_guard.safeout import unsafe, write_atomic

EVIL_ID = "Logs\x1b[2J\x1b[32m\u202eX"  # clears the screen, turns green, reverses the line
EVIL_FILE = "evil\x1b]0;owned\x07\u2066.tf"  # sets the terminal title, opens an isolate


def raw(text: str) -> list[str]:
    return sorted({c for c in text if unsafe(c) and c not in "\n\t"})


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "stack.yaml").write_text(
        'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n'
        '  "Logs\\e[2J\\e[32m\\u202eX":\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n'
    )
    (root / EVIL_FILE).write_text('resource "aws_s3_bucket_acl" "b" {\n  bucket = "b"\n  acl    = "public-read"\n}\n')
    return root


def test_every_step_surface_shows_escapes_never_raw_controls(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    summary, outputs = tmp_path / "summary.md", tmp_path / "output.txt"
    for key in [k for k in os.environ if k.startswith("GITHUB_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("GITHUB_OUTPUT", str(outputs))
    report = tmp_path / "reports" / "r.json"
    junit = tmp_path / "reports" / "r.xml"
    code = main(["scan", str(tree), "--only", "IAC-AWS-S3-001", "--no-cache", "--json", str(report), "--junit", str(junit)])
    out, err = capsys.readouterr()
    assert code == 1
    for name, text in (("stdout", out), ("stderr", err), ("summary", summary.read_text()), ("outputs", outputs.read_text()), ("junit", junit.read_text())):
        assert raw(text) == [], name
    # the text report shows what was there
    assert "Logs\\x1b[2J\\x1b[32m\\u202eX" in out
    assert "evil\\x1b]0;owned\\x07\\u2066.tf:3" in out
    # the annotations: one per finding, the resource escaped in the message
    annotations = [line for line in out.splitlines() if line.startswith("::error ")]
    assert len(annotations) == 2
    assert any("Resource: Logs\\x1b[2J\\x1b[32m\\u202eX" in a for a in annotations)
    assert any("file=evil\\x1b]0;owned\\x07\\u2066.tf" in a for a in annotations)
    # the JSON report: faithful data, escaped bytes
    data = report.read_bytes()
    assert b"\x1b" not in data and b"\xe2\x80\xae" not in data and data.isascii()
    findings = json.loads(data)["findings"]
    assert sorted((f["file"], f["resource"]) for f in findings) == [
        (EVIL_FILE, "aws_s3_bucket_acl.b"),
        ("stack.yaml", EVIL_ID),
    ]
    assert sorted(p.name for p in report.parent.iterdir()) == ["r.json", "r.xml"]  # no temporary file left


def test_error_line_escapes_what_it_quotes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["scan", str(tmp_path), "--config", str(tmp_path / "c\x1b[31m\u202e.yaml")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("iac-guard: error: ") and err.count("\n") == 1
    assert raw(err) == [] and "c\\x1b[31m\\u202e.yaml" in err


def test_review_comment_body_escapes_controls() -> None:
    finding = Finding("IAC-AWS-S3-001", "t\u2067", Severity.HIGH, "m\x1b[31m\x9b2J", EVIL_ID, "main.tf", 3, "rego", remediation="fix\u200b")
    body = review.body(finding)
    assert raw(body.replace("\u200d", "")) == []
    assert "\\\\x1b\\[31m\\\\x9b2J" in body  # visible (markdown-escaped backslashes and brackets)


def test_write_atomic_never_leaves_a_half_written_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out" / "report.json"
    write_atomic(target, "old\n")
    assert target.read_text() == "old\n"

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new" * 100_000)
    assert target.read_text() == "old\n"
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]
    monkeypatch.undo()
    write_atomic(target, "new\n")
    assert target.read_text() == "new\n" and oct(target.stat().st_mode & 0o777) == oct(0o644 & ~_umask())


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def test_readme_states_the_exit_code_contract() -> None:
    from iac_guard.errors import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, EXIT_VIOLATIONS
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text()
    section = readme[readme.index("### Exit codes") : readme.index("### What is scanned")]
    for code in (EXIT_OK, EXIT_VIOLATIONS, EXIT_ERROR, EXIT_INTERRUPTED):
        assert f"\n| {code} | " in section
    for family in ("config (`config-error`)", "input (`input-error`", "policy (`policy-error`)", "engine (`engine-error`)", "usage (`usage-error`)", "interrupted (exit 130)"):
        assert f"\n| {family}" in section, family
