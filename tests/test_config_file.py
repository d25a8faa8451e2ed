"""Config file errors name the file and the line of the setting at fault (exit 2)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from iac_guard.cli import main


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "main.tf").write_text('resource "aws_ebs_volume" "v" {\n  size = 1\n}\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("fail-on: high\nfial-on: low\n", ".iac-guard.yaml:2: unknown setting 'fial-on'"),
        ("fail-on: severe\n", ".iac-guard.yaml:1: fail-on: unknown severity 'severe' (expected one of: critical, high, medium, low, info)"),
        (
            "exclude: [a]\nseverity-overrides:\n  IAC-AWS-S3-001: low\n  IAC-AWS-S3-002: severe\n",
            ".iac-guard.yaml:4: severity-overrides: IAC-AWS-S3-002: unknown severity 'severe' (expected one of: critical, high, medium, low, info)",
        ),
        ("format:\n  - text\n  - nope=out.txt\n", ".iac-guard.yaml:3: unknown format 'nope' (expected one of: text, json, sarif, junit, markdown, annotations)"),
        ("jobs: -3\n", ".iac-guard.yaml:1: jobs must be a whole number of at least 0, got -3"),
        ("\n\nexclude: 5\n", ".iac-guard.yaml:3: exclude must be a string or a list of strings, got a number (5)"),
        ("trusted-ref: main\n", ".iac-guard.yaml:1: trusted-ref cannot be set in a config file: pass --trusted-ref"),
    ],
)
def test_yaml_config_errors_name_file_and_line(repo: Path, capsys: pytest.CaptureFixture[str], text: str, error: str) -> None:
    (repo / ".iac-guard.yaml").write_text(text)
    assert main(["scan", "."]) == 2
    assert capsys.readouterr().err == f"iac-guard: error: {error}\n"


def test_explicit_config_is_named_as_given(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "conf").mkdir()
    (repo / "conf" / "gate.yaml").write_text("quiet: yes-please\n")
    assert main(["scan", ".", "--config", "conf/gate.yaml"]) == 2
    assert capsys.readouterr().err == "iac-guard: error: conf/gate.yaml:1: quiet must be true or false, got a string ('yes-please')\n"


def test_pyproject_errors_name_file_and_key_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.iac-guard]\nfail-on = "high"\nfial-on = "low"\n')
    assert main(["scan", "."]) == 2
    assert capsys.readouterr().err == "iac-guard: error: pyproject.toml:6: unknown setting 'fial-on'\n"
    (repo / "pyproject.toml").write_text('[tool.iac-guard]\nfail-on = "high"\n\n[tool.iac-guard.severity-overrides]\nX = "bad"\n')
    assert main(["scan", "."]) == 2
    assert capsys.readouterr().err == (
        "iac-guard: error: pyproject.toml:5: severity-overrides: X: unknown severity 'bad' (expected one of: critical, high, medium, low, info)\n"
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_config_at_the_trusted_ref_is_named_with_the_ref(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".iac-guard.yaml").write_text("fail-on: high\nfial-on: low\n")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "base"]):
        subprocess.run([*git, *args], cwd=repo, check=True, capture_output=True)
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()
    (repo / ".iac-guard.yaml").write_text("fail-on: high\n")  # the PR's fix does not count: the ref's file does
    assert main(["scan", ".", "--trusted-ref", base]) == 2
    assert capsys.readouterr().err == f"iac-guard: error: {base}:.iac-guard.yaml:2: unknown setting 'fial-on'\n"


def test_every_setting_is_documented_once_in_readme() -> None:
    """One source: each ScanConfig Option with a flag is a row of README's option table,
    and every setting a config file may carry is named there by its flag."""
    from iac_guard.settings import ScanConfig

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| `")]
    missing = [
        option.flag
        for option in ScanConfig.options().values()
        if option.flag and option.flag.startswith("--") and not any(f"`{option.flag}" in row for row in rows)
    ]
    assert missing == []
