"""--trusted-ref: a pull request cannot weaken the checks that grade it. Uses a real git
repository made in the test."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from iac_guard.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str) -> str:
    env_args = ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
    return subprocess.run(["git", *env_args, *args], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


def test_pr_cannot_weaken_policies_waivers_or_config(spine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "repo"
    (repo / "infra").mkdir(parents=True)
    shutil.copy(spine / "mixed" / "terraform" / "main.tf", repo / "infra" / "main.tf")
    shutil.copytree(spine / "policies_custom", repo / "policy")
    (repo / ".iac-guard.yaml").write_text("fail-on: low\npolicy-dirs: [policy]\n")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    base = _git(repo, "rev-parse", "HEAD")

    # The "PR": deletes the custom policy, raises fail-on, and waives everything.
    shutil.rmtree(repo / "policy" )
    (repo / "policy").mkdir()
    (repo / ".iac-guard.yaml").write_text("fail-on: critical\npolicy-dirs: [policy]\n")
    (repo / ".iac-guard-waivers.yaml").write_text("waivers:\n  - id: '*'\n    reason: trust me\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "pr")
    monkeypatch.chdir(repo)

    assert main(["scan", "infra", "--format", "json"]) == 0  # the PR's own settings pass it
    weakened = json.loads(capsys.readouterr().out)
    assert weakened["findings"] == [] and weakened["fail_on"] == "critical"

    assert main(["scan", "infra", "--format", "json", "--trusted-ref", base]) == 1
    graded = json.loads(capsys.readouterr().out)
    assert graded["fail_on"] == "low" and graded["suppressed"] == []
    assert ("CUSTOM-001", "aws_s3_bucket.public") in {(f["rule_id"], f["resource"]) for f in graded["findings"]}


def test_unknown_ref_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _git(tmp_path, "init", "-q")
    (tmp_path / "main.tf").write_text("")
    monkeypatch.chdir(tmp_path)
    assert main(["scan", ".", "--trusted-ref", "deadbeef"]) == 2
    assert "'deadbeef' is not a commit in this repository" in capsys.readouterr().err


def test_diff_base_grades_a_pr_on_what_it_introduces(spine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The base already has a public bucket; the PR moves it down two lines (same
    fingerprint, still old) and adds an unencrypted EBS volume (new): only the volume
    fails the gate; the bucket's findings are reported as existing."""
    repo = tmp_path / "repo"
    (repo / "infra").mkdir(parents=True)
    bucket = 'resource "aws_s3_bucket" "public" {\n  bucket = "acme-public"\n  acl    = "public-read"\n}\n'
    (repo / "infra" / "main.tf").write_text(bucket)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    base = _git(repo, "rev-parse", "HEAD")
    volume = 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 10\n}\n'
    (repo / "infra" / "main.tf").write_text("# moved\n\n" + bucket + volume)
    monkeypatch.chdir(repo)

    assert main(["scan", "infra", "--format", "json", "--diff-base", base]) == 1
    report = json.loads(capsys.readouterr().out)
    new = {(f["rule_id"], f["resource"], f["line"]) for f in report["findings"]}
    existing = {(s["rule_id"], s["resource"], s["line"], s["suppression"]["kind"], s["suppression"]["justification"]) for s in report["suppressed"]}
    assert ("IAC-AWS-EBS-001", "aws_ebs_volume.data", 7) in new
    assert {resource for _, resource, _ in new} == {"aws_ebs_volume.data"}
    assert ("IAC-AWS-S3-001", "aws_s3_bucket.public", 5, "existing", f"already present at {base}") in existing
    assert {resource for _, resource, *_ in existing} == {"aws_s3_bucket.public"}
    assert all(kind == "existing" for _, _, _, kind, _ in existing)

    # Without the volume, the PR introduces nothing: the gate passes.
    (repo / "infra" / "main.tf").write_text("# moved\n\n" + bucket)
    assert main(["scan", "infra", "--format", "json", "--diff-base", base]) == 0
    capsys.readouterr()


def test_diff_base_with_paths_new_in_the_pr(spine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "README").write_text("x")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "base")
    base = _git(tmp_path, "rev-parse", "HEAD")
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "main.tf").write_text('resource "aws_ebs_volume" "data" {\n  size = 10\n}\n')
    monkeypatch.chdir(tmp_path)
    assert main(["scan", "infra", "--format", "json", "--diff-base", base]) == 1
    report = json.loads(capsys.readouterr().out)
    assert ("IAC-AWS-EBS-001", 1) in [(f["rule_id"], f["line"]) for f in report["findings"]]
    assert report["suppressed"] == []


def _bucket(name: str, ignore: str = "") -> str:
    comment = f"# iac-guard:ignore {ignore}\n" if ignore else ""
    return f'{comment}resource "aws_s3_bucket" "{name}" {{\n  bucket = "acme-{name}"\n  acl    = "public-read"\n}}\n'


def test_trusted_ref_applies_only_inline_ignores_the_ref_already_had(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The base has one reviewed ignore. The PR moves it (still trusted), copies it above a
    second bucket (one copy only is trusted) and adds a new blanket ignore: with
    --trusted-ref the copy and the new ignore are reported and not applied."""
    repo = tmp_path / "repo"
    (repo / "infra").mkdir(parents=True)
    reviewed = "* static website, reviewed in SEC-1"
    (repo / "infra" / "main.tf").write_text(_bucket("old", reviewed))
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    base = _git(repo, "rev-parse", "HEAD")
    # line 1: new "fine" ignore above bucket "new" (lines 1-5); blank line 6;
    # the reviewed ignore moved to line 7 above "old"; its copy at line 13 above "copy"
    (repo / "infra" / "main.tf").write_text(_bucket("new", "* fine") + "\n" + _bucket("old", reviewed) + "\n" + _bucket("copy", reviewed))
    monkeypatch.chdir(repo)

    assert main(["scan", "infra", "--format", "json"]) == 0  # without a trusted ref, every ignore applies
    untrusting = json.loads(capsys.readouterr().out)
    assert untrusting["findings"] == []
    assert {s["resource"] for s in untrusting["suppressed"]} == {"aws_s3_bucket.new", "aws_s3_bucket.old", "aws_s3_bucket.copy"}

    assert main(["scan", "infra", "--format", "json", "--trusted-ref", base]) == 1
    graded = json.loads(capsys.readouterr().out)
    assert {f["resource"] for f in graded["findings"]} == {"aws_s3_bucket.new", "aws_s3_bucket.copy"}
    assert ("IAC-AWS-S3-001", "aws_s3_bucket.new", 4) in {(f["rule_id"], f["resource"], f["line"]) for f in graded["findings"]}
    assert {(s["resource"], s["suppression"]["kind"], s["suppression"]["origin"]) for s in graded["suppressed"]} == {
        ("aws_s3_bucket.old", "inline", "main.tf:7")
    }
    untrusted = [n for n in graded["notices"] if n["code"] == "untrusted-ignore"]
    message = f"inline ignore added after {base} is not trusted; not applied"
    assert untrusted == [
        {"code": "untrusted-ignore", "message": message, "file": "main.tf", "line": 1},
        {"code": "untrusted-ignore", "message": message, "file": "main.tf", "line": 13},
    ]


def test_trusted_ref_rejects_inline_ignores_in_a_file_new_since_the_ref(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "README").write_text("x")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "base")
    base = _git(tmp_path, "rev-parse", "HEAD")
    (tmp_path / "main.tf").write_text(_bucket("pr", "IAC-AWS-S3-001 fine"))
    monkeypatch.chdir(tmp_path)
    assert main(["scan", ".", "--format", "text", "--trusted-ref", base, "--only", "IAC-AWS-S3-001"]) == 1
    out = capsys.readouterr().out
    assert f"  untrusted-ignore  main.tf:1  inline ignore added after {base} is not trusted; not applied\n" in out
    assert "  CRITICAL  IAC-AWS-S3-001  main.tf:4  aws_s3_bucket.pr\n" in out


def test_trusted_ref_leaves_no_temporary_copy_of_the_config(spine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import tempfile

    from iac_guard.settings import settings_at

    repo = tmp_path / "repo"
    (repo / "infra").mkdir(parents=True)
    shutil.copy(spine / "mixed" / "terraform" / "main.tf", repo / "infra" / "main.tf")
    (repo / ".iac-guard.yaml").write_text("fail-on: low\n")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    monkeypatch.chdir(repo)
    scratch = Path(tempfile.gettempdir())
    before = set(scratch.glob("iac-guard-trusted-*"))
    settings = settings_at("HEAD", None, {}, repo)
    after = set(scratch.glob("iac-guard-trusted-*")) - before
    assert settings["fail_on"] == "low"
    assert len(after) == 1  # the policies/waivers copy the scan still reads; removed at exit
