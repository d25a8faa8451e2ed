"""The pre-commit hook (.pre-commit-hooks.yaml) with the real pre-commit, before a push.

A temporary repository with a bare "remote": the remote already holds a public-read
bucket ACL (pushed without the hook); the hook, installed for the pre-push stage, blocks
a push that adds a second one (exit non-zero, the finding in the output) and lets through
a clean change, although the tree still holds the old finding (``--diff-base auto``
compares with the remote's commit, PRE_COMMIT_FROM_REF).

No network: the hook is a ``repo: local`` hook built from this repository's
.pre-commit-hooks.yaml entry (its id, entry, stages, pass_filenames, always_run), with
``language: system`` and the entry's ``iac-guard`` taken from this virtualenv, because a
``language: python`` hook would have pre-commit build a fresh environment with pip
(dagster and the rest from the package index)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

BIN = Path(sys.executable).parent
PUBLIC = 'resource "aws_s3_bucket_acl" "{name}" {{\n  bucket = "{name}"\n  acl    = "public-read"\n}}\n'
PRIVATE = 'resource "aws_s3_bucket_acl" "{name}" {{\n  bucket = "{name}"\n  acl    = "private"\n}}\n'

pytestmark = pytest.mark.skipif(not (BIN / "pre-commit").exists(), reason="pre-commit is not installed (the dev extra)")


def hook_manifest() -> dict[str, object]:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    return dict(hook)


def test_manifest_exposes_the_hook_for_pre_push_and_pre_commit() -> None:
    hook = hook_manifest()
    assert hook["id"] == "iac-guard" and hook["language"] == "python"
    assert hook["entry"] == "iac-guard scan --diff-base auto"
    assert hook["stages"] == ["pre-push", "pre-commit"]
    assert hook["pass_filenames"] is False and hook["always_run"] is True
    proc = subprocess.run([str(BIN / "pre-commit"), "validate-manifest", str(REPO / ".pre-commit-hooks.yaml")], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def git(cwd: Path, *args: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if check:
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def setup(tmp_path: Path, existing: bool) -> tuple[Path, dict[str, str]]:
    """A working copy whose ``main`` is pushed to a bare remote (with a public-read ACL in
    main.tf when ``existing``), then the hook installed for the pre-push stage."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "GIT_", "PRE_COMMIT", "DAGSTER_"))}
    env.update(
        PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        HOME=str(tmp_path),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com",
    )
    remote, work = tmp_path / "remote.git", tmp_path / "work"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote), env=env)
    git(tmp_path, "init", "-q", "-b", "main", str(work), env=env)
    hook = hook_manifest()
    local_hook = {
        key: hook[key] for key in ("id", "name", "pass_filenames", "always_run", "require_serial", "stages")
    } | {"entry": f"{BIN / 'iac-guard'} {str(hook['entry']).removeprefix('iac-guard ')} --no-cache", "language": "system"}
    (work / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local_hook]}]}))
    (work / "main.tf").write_text((PUBLIC if existing else PRIVATE).format(name="old"))
    git(work, "add", "-A", env=env)
    git(work, "commit", "-qm", "the first commit", env=env)
    git(work, "remote", "add", "origin", str(remote), env=env)
    git(work, "push", "-q", "-u", "origin", "main", env=env)  # before the hook is installed
    install = subprocess.run([str(BIN / "pre-commit"), "install", "--hook-type", "pre-push"], cwd=work, env=env, capture_output=True, text=True, check=False)
    assert install.returncode == 0, install.stdout + install.stderr
    assert (work / ".git" / "hooks" / "pre-push").exists()
    return work, env


def push_change(work: Path, env: dict[str, str], public: bool) -> subprocess.CompletedProcess[str]:
    (work / "new.tf").write_text((PUBLIC if public else PRIVATE).format(name="fresh"))
    git(work, "add", "-A", env=env)
    git(work, "commit", "-qm", "a new bucket", env=env)
    return git(work, "push", "origin", "main", env=env, check=False)


def test_push_with_a_violation_is_blocked_and_a_clean_change_allowed(tmp_path: Path) -> None:
    work, env = setup(tmp_path, existing=False)
    blocked = push_change(work, env, public=True)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "iac-guard" in output and "Failed" in output
    assert "IAC-AWS-S3-001  new.tf:3  aws_s3_bucket_acl.fresh" in output
    assert "FAILED: 1 finding(s) at or above high" in output
    assert git(work, "rev-parse", "origin/main", env=env).stdout == git(work, "rev-parse", "HEAD~1", env=env).stdout

    git(work, "reset", "-q", "--hard", "HEAD~1", env=env)
    allowed = push_change(work, env, public=False)
    output = allowed.stdout + allowed.stderr
    assert allowed.returncode == 0, output
    assert "iac-guard" in output and "Passed" in output
    assert git(work, "rev-parse", "origin/main", env=env).stdout == git(work, "rev-parse", "HEAD", env=env).stdout


def test_findings_the_remote_already_has_do_not_block(tmp_path: Path) -> None:
    """The remote already holds a public ACL (main.tf): a push adding a second one fails on
    the new one alone, and a clean change goes through (PRE_COMMIT_FROM_REF is the base)."""
    work, env = setup(tmp_path, existing=True)
    blocked = push_change(work, env, public=True)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "IAC-AWS-S3-001  new.tf:3  aws_s3_bucket_acl.fresh" in output
    assert "FAILED: 1 finding(s) at or above high" in output and "1 suppressed" in output

    git(work, "reset", "-q", "--hard", "HEAD~1", env=env)
    allowed = push_change(work, env, public=False)
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr


def test_push_base(tmp_path: Path) -> None:
    """``--diff-base auto``: the pushed-from commit, else the upstream, else a full scan."""
    from iac_guard.gitrev import push_base

    work, env = setup(tmp_path, existing=False)
    head = git(work, "rev-parse", "HEAD", env=env).stdout.strip()
    assert push_base(head, work) == head
    assert push_base("0" * 40, work) == head  # a new remote branch: the upstream
    assert push_base(None, work) == head
    assert push_base("not-a-commit", work) == head
    git(work, "branch", "-q", "--unset-upstream", env=env)
    assert push_base("0" * 40, work) is None  # no upstream: scan everything
    assert push_base(None, tmp_path) is None  # not a repository
