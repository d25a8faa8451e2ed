"""The audit trail a command-line scan leaves on a persistent instance (a temporary
DAGSTER_HOME): one successful run with the revision, fail-on, version, verdict and
policy-set tags, the ops' metadata, the repository's inventory and findings
materializations and the gate check. No secret of the scan (the GitHub token, a TF_VAR_*
value, a --var value) is anywhere in the instance's storage."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.instance.ref import InstanceRef

from iac_guard import __version__
from iac_guard.cli import main
from iac_guard.orchestration import metadata as meta

MAIN_TF = """\
variable "acl" {
  default = "private"
}

variable "token" {
  type = string
}

variable "db_password" {
  type = string
}

resource "aws_s3_bucket_acl" "site" {
  bucket = var.token
  acl    = var.acl
}

resource "aws_db_instance" "db" {
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  password          = var.db_password
  storage_encrypted = true
}
"""

CANARIES = ("ghp_canaryGitHubToken0123456789", "canaryTfVarPassword0123", "canaryCliVarToken0123")


def _git(repo: Path, *args: str) -> str:
    config = ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
    return subprocess.run(["git", *config, *args], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def scanned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> tuple[dg.DagsterInstance, str, dict]:
    repo = tmp_path / "infra"
    repo.mkdir()
    (repo / "main.tf").write_text(MAIN_TF)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "init")
    home = tmp_path / "dagster_home"
    home.mkdir()
    monkeypatch.chdir(repo)
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    monkeypatch.setenv("GITHUB_TOKEN", CANARIES[0])
    monkeypatch.setenv("TF_VAR_db_password", CANARIES[1])
    code = main(["scan", ".", "--var", "acl=public-read", "--var", f"token={CANARIES[2]}", "--fail-on", "critical", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    instance = dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(home)))
    return instance, _git(repo, "rev-parse", "HEAD"), report


def test_the_run_carries_the_revision_the_verdict_and_the_policy_set(scanned: tuple[dg.DagsterInstance, str, dict]) -> None:
    instance, sha, report = scanned
    # the --var value reached Terraform: the ACL comes from --var acl=public-read
    assert [(f["rule_id"], f["resource"], f["file"], f["line"]) for f in report["findings"] if f["severity"] == "critical"] == [
        ("IAC-AWS-S3-001", "aws_s3_bucket_acl.site", "main.tf", 15)
    ]
    runs = instance.get_runs()
    assert len(runs) == 1
    run = runs[0]
    assert (run.job_name, run.status) == ("scan_job", dg.DagsterRunStatus.SUCCESS)
    tags = {k: v for k, v in run.tags.items() if k.startswith("iac_guard/")}
    policy_set = tags.pop("iac_guard/policy_set")
    assert re.fullmatch(r"[0-9a-f]{16}", policy_set)
    assert tags == {
        "iac_guard/repository": "infra",
        "iac_guard/ref": "main",
        "iac_guard/sha": sha,
        "iac_guard/fail_on": "critical",
        "iac_guard/version": __version__,
        "iac_guard/verdict": "fail",
    }
    recorded = run.run_config["ops"]["settings_op"]["config"]  # type: ignore[index]
    assert recorded["vars"] == [] and recorded["config_file"] == "" and recorded["fail_on"] == "critical"


def _op_metadata(instance: dg.DagsterInstance, run_id: str) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for event in instance.all_logs(run_id, of_type=dg.DagsterEventType.STEP_OUTPUT):
        data = event.dagster_event.event_specific_data  # type: ignore[union-attr]
        out[event.step_key or ""] = {k: getattr(v, "value", v) for k, v in data.metadata.items()}  # type: ignore[union-attr]
    return out


def test_each_op_attaches_its_metadata(scanned: tuple[dg.DagsterInstance, str, dict]) -> None:
    instance, _, report = scanned
    run = instance.get_runs()[0]
    metadata = _op_metadata(instance, run.run_id)
    assert metadata["discover_op"]["files"] == 1 and metadata["discover_op"]["files_by_kind"] == {"terraform": 1}
    assert {k: metadata["parse_terraform"][k] for k in ("files", "resources", "problems")} == {"files": 1, "resources": 2, "problems": 0}
    by_severity = metadata["evaluate_op"]["by_severity"]
    assert isinstance(by_severity, dict) and by_severity["critical"] == 1
    assert sum(by_severity.values()) == len(report["findings"]) == metadata["evaluate_op"]["findings"]
    assert metadata["gate_op"]["verdict"] == "fail" and metadata["gate_op"]["exit_code"] == 1 and metadata["gate_op"]["fail_on"] == "critical"
    assert metadata["load_policies_op"]["policy_set_hash"] == run.tags["iac_guard/policy_set"]


def test_the_repository_partition_has_its_materializations_and_gate_check(scanned: tuple[dg.DagsterInstance, str, dict]) -> None:
    instance, sha, report = scanned
    assert instance.get_dynamic_partitions(meta.REPOSITORIES) == ["infra"]
    inventory = instance.fetch_materializations(dg.AssetRecordsFilter(asset_key=meta.INVENTORY, asset_partitions=["infra"]), limit=5).records
    findings = instance.fetch_materializations(dg.AssetRecordsFilter(asset_key=meta.FINDINGS, asset_partitions=["infra"]), limit=5).records
    assert len(inventory) == len(findings) == 1
    inv = inventory[0].asset_materialization
    found = findings[0].asset_materialization
    assert inv is not None and found is not None
    assert inv.metadata["resources_by_type"].value == {"aws_db_instance": 1, "aws_s3_bucket_acl": 1}  # type: ignore[attr-defined]
    assert inv.metadata["commit"].value == sha  # type: ignore[attr-defined]
    assert found.metadata["verdict"].value == "fail" and found.metadata["failing"].value == 1  # type: ignore[attr-defined]
    assert found.metadata["commit"].value == sha  # type: ignore[attr-defined]
    assert found.metadata["new_critical"].value == 1  # type: ignore[attr-defined]
    assert sum(found.metadata["by_severity"].value.values()) == len(report["findings"])  # type: ignore[attr-defined]
    checks = instance.event_log_storage.get_asset_check_execution_history(dg.AssetCheckKey(meta.FINDINGS, meta.GATE_CHECK), limit=5)
    assert [c.status.value for c in checks] == ["FAILED"]
    assert checks[0].run_id == instance.get_runs()[0].run_id


def test_no_secret_reaches_the_instance_storage(scanned: tuple[dg.DagsterInstance, str, dict]) -> None:
    """Every file under DAGSTER_HOME (SQLite databases and their journals, compute logs,
    storage) is read as bytes: none holds a canary."""
    instance, _, _ = scanned
    home = Path(instance.root_directory)
    files = [p for p in home.rglob("*") if p.is_file()]
    assert any(p.name == "runs.db" for p in files)
    leaks = [(str(p.relative_to(home)), c) for p in files for c in CANARIES if c.encode() in p.read_bytes()]
    assert leaks == []


def test_in_github_actions_the_revision_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pull request run: repository, source branch, head commit and number from the
    Actions environment and event, not from the checkout (detached on the merge commit
    there); git is not asked at all."""
    from iac_guard.github.context import GitHubContext, PullRequest
    from iac_guard.orchestration import audit as orchestration_audit

    asked: list[Path] = []
    monkeypatch.setattr(orchestration_audit.audit, "git_revision", lambda cwd: asked.append(cwd))
    pr = PullRequest(number=7, head_sha="a" * 40, base_repo="acme/infra", head_repo="acme/infra")
    context = GitHubContext(actions=True, repository="acme/infra", sha="m" * 40, ref="feature/x", pull_request=pr)
    rev = orchestration_audit.revision(context, tmp_path)
    assert (rev.repository, rev.ref, rev.sha, rev.pull_request) == ("acme/infra", "feature/x", "a" * 40, 7)
    assert asked == []
    env = {"GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": "acme/infra", "GITHUB_SHA": "b" * 40, "GITHUB_REF_NAME": "main"}
    assert GitHubContext.from_environ(env).ref == "main"
    assert GitHubContext.from_environ({**env, "GITHUB_HEAD_REF": "feature/y"}).ref == "feature/y"


def test_in_github_actions_without_a_branch_name_git_fills_it_in(tmp_path: Path) -> None:
    from iac_guard.github.context import GitHubContext
    from iac_guard.orchestration.audit import revision

    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q", "-b", "trunk"], cwd=repo, check=True)
    (repo / "main.tf").write_text("\n")
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "one"], cwd=repo, check=True)
    rev = revision(GitHubContext(actions=True, repository="acme/infra", sha="c" * 40), repo)
    assert (rev.repository, rev.ref, rev.sha, rev.pull_request) == ("acme/infra", "trunk", "c" * 40, None)
