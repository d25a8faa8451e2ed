"""--diff-base: correct on every path form, and scanning only what the change can affect
(equal to the full double scan). Uses real git repositories made in the test."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from iac_guard import prscope
from iac_guard.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _git(repo: Path, *args: str) -> str:
    env_args = ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
    return subprocess.run(["git", *env_args, *args], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


def _commit(repo: Path, message: str) -> str:
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "--allow-empty", "-m", message)
    return _git(repo, "rev-parse", "HEAD")


def bucket(name: str) -> str:
    return f'resource "aws_s3_bucket" "{name}" {{\n  bucket = "acme-{name}"\n  acl    = "public-read"\n}}\n'


def volume(name: str) -> str:
    return f'resource "aws_ebs_volume" "{name}" {{\n  availability_zone = "eu-west-1a"\n  size              = 10\n}}\n'


def _repo(tmp_path: Path) -> tuple[Path, str]:
    """infra/prod (a root calling modules/store), infra/dev (a root of its own),
    modules/store (a module), cfn/stack.yaml (a template): each with findings."""
    repo = tmp_path / "repo"
    (repo / "infra" / "prod").mkdir(parents=True)
    (repo / "infra" / "dev").mkdir(parents=True)
    (repo / "modules" / "store").mkdir(parents=True)
    (repo / "cfn").mkdir()
    (repo / "infra" / "prod" / "main.tf").write_text(bucket("prod") + 'module "store" {\n  source = "../../modules/store"\n}\n')
    (repo / "infra" / "dev" / "main.tf").write_text(bucket("dev") + volume("scratch"))
    (repo / "modules" / "store" / "main.tf").write_text(volume("data"))
    shutil.copy(EXAMPLES / "cloudformation" / "stack.yaml", repo / "cfn" / "stack.yaml")
    (repo / "README.md").write_text("infra\n")
    _git(repo, "init", "-q", "-b", "main")
    return repo, _commit(repo, "base")


def _reorder(repo: Path) -> None:
    """A change that only moves code: resources reordered in their files, the dev volume
    moved to a file of its own, the template's resources untouched but shifted down."""
    (repo / "infra" / "prod" / "main.tf").write_text('module "store" {\n  source = "../../modules/store"\n}\n\n' + bucket("prod"))
    (repo / "infra" / "dev" / "main.tf").write_text("# the volume moved to volumes.tf\n" + bucket("dev"))
    (repo / "infra" / "dev" / "volumes.tf").write_text(volume("scratch"))
    (repo / "modules" / "store" / "main.tf").write_text("\n\n" + volume("data"))
    text = (repo / "cfn" / "stack.yaml").read_text()
    (repo / "cfn" / "stack.yaml").write_text("# comment\n# comment\n" + text)


def _scan(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    code = main(["scan", *args, "--format", "json", "--fail-on", "low", "--skip", "IAC-GEN-*"])
    return code, json.loads(capsys.readouterr().out)


def _keys(items: list[dict[str, Any]]) -> set[tuple[str, str, str]]:
    return {(f["rule_id"], f["resource"], f["file"]) for f in items}


# every path form, with the working directory each is given from (relative to the repository)
PATH_FORMS: list[tuple[str, list[str]]] = [
    ("", ["."]),
    ("", ["./"]),
    ("", ["infra"]),
    ("", ["./infra/"]),
    ("", ["infra/dev", "cfn"]),
    ("", ["infra/dev", "cfn", "new"]),  # "new" exists only in the PR
    ("", ["infra/dev/main.tf"]),
    ("", ["ABSOLUTE"]),
    ("infra", ["."]),  # a scan root below the git root
    ("infra", ["dev", "prod"]),
    ("infra/dev", ["."]),
]


@pytest.mark.parametrize("scope", ["changed", "all"])
@pytest.mark.parametrize(("workdir", "paths"), PATH_FORMS)
def test_code_that_only_moved_is_unchanged_on_every_path_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], workdir: str, paths: list[str], scope: str
) -> None:
    repo, base = _repo(tmp_path)
    _reorder(repo)
    (repo / "new").mkdir()
    (repo / "new" / "main.tf").write_text(volume("fresh"))
    _commit(repo, "only moves code, adds new/")
    monkeypatch.chdir(repo / workdir)
    args = [str(repo) if p == "ABSOLUTE" else p for p in paths]

    code, plain = _scan(args, capsys)  # without a diff base: the findings there are
    assert code == 1 and plain["findings"]
    code, report = _scan([*args, "--diff-base", base, "--diff-scope", scope], capsys)
    new = _keys(report["findings"])
    fresh_only = {("IAC-AWS-EBS-001", "aws_ebs_volume.fresh")} if any(p in ("new", ".", "./", "ABSOLUTE") for p in paths) and workdir == "" else set()
    assert {(rule, resource) for rule, resource, _ in new} == fresh_only
    assert code == (1 if fresh_only else 0)
    assert all(s["suppression"] == {"kind": "existing", "justification": f"already present at {base}", "origin": base} for s in report["suppressed"])
    assert _keys(report["suppressed"]) | new == _keys(plain["findings"]) if scope == "all" else _keys(report["suppressed"]) | new <= _keys(plain["findings"])


@pytest.mark.parametrize(("workdir", "paths"), PATH_FORMS)
def test_a_new_finding_is_new_on_every_path_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], workdir: str, paths: list[str]
) -> None:
    repo, base = _repo(tmp_path)
    (repo / "infra" / "dev" / "main.tf").write_text(bucket("dev") + volume("scratch") + volume("added"))  # uncommitted
    (repo / "new").mkdir()  # empty: no finding, only a path new in the PR
    monkeypatch.chdir(repo / workdir)
    args = [str(repo) if p == "ABSOLUTE" else p for p in paths]
    code, report = _scan([*args, "--diff-base", base], capsys)
    assert code == 1
    assert {(f["rule_id"], f["resource"]) for f in report["findings"]} == {("IAC-AWS-EBS-001", "aws_ebs_volume.added")}
    assert ("IAC-AWS-EBS-001", "aws_ebs_volume.scratch") in {(s["rule_id"], s["resource"]) for s in report["suppressed"]}


def _compare(args: list[str], base: str, capsys: pytest.CaptureFixture[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The scoped run and the full double scan of the same change: same exit code, same new
    findings (file, line and all), and every existing finding of the scoped run is one of
    the full run's."""
    code_scoped, scoped = _scan([*args, "--diff-base", base], capsys)
    code_full, full = _scan([*args, "--diff-base", base, "--diff-scope", "all"], capsys)
    assert code_scoped == code_full
    assert scoped["findings"] == full["findings"]
    assert scoped["errors"] == full["errors"]
    full_existing = {json.dumps(s, sort_keys=True) for s in full["suppressed"]}
    assert {json.dumps(s, sort_keys=True) for s in scoped["suppressed"]} <= full_existing
    return scoped, full


def _scanned_dirs(report: dict[str, Any]) -> set[str]:
    return {f["file"].rsplit("/", 1)[0] for f in report["findings"] + report["suppressed"]}


def test_scope_of_a_changed_module_is_its_callers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    repo, base = _repo(tmp_path)
    (repo / "modules" / "store" / "main.tf").write_text(volume("data") + volume("logs"))
    _commit(repo, "module change")
    monkeypatch.chdir(repo)
    scoped, full = _compare(["."], base, capsys)
    assert {(f["rule_id"], f["resource"], f["root"]) for f in scoped["findings"]} == {("IAC-AWS-EBS-001", "module.store.aws_ebs_volume.logs", "infra/prod")}
    assert _scanned_dirs(scoped) == {"infra/prod", "modules/store"}  # not infra/dev, not cfn
    assert _scanned_dirs(full) == {"infra/prod", "infra/dev", "modules/store", "cfn"}
    notices = [n for n in scoped["notices"] if n["code"] == "pr-scope"]
    assert len(notices) == 1 and notices[0]["message"].startswith("2 of 4 files not scanned")


def test_scope_of_a_changed_tfvars_and_template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    repo, base = _repo(tmp_path)
    (repo / "infra" / "dev" / "main.tf").write_text('variable "acl" {\n  default = "private"\n}\nresource "aws_s3_bucket" "dev" {\n  bucket = "acme-dev"\n  acl    = var.acl\n}\n')
    _commit(repo, "acl from a variable")
    (repo / "infra" / "dev" / "terraform.tfvars").write_text('acl = "public-read-write"\n')  # untracked
    text = (repo / "cfn" / "stack.yaml").read_text()
    (repo / "cfn" / "stack.yaml").write_text(text.replace("Resources:\n", "Resources:\n  Extra:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: eu-west-1a\n      Size: 5\n", 1))
    monkeypatch.chdir(repo)
    scoped, _ = _compare(["."], base, capsys)
    assert _scanned_dirs(scoped) == {"infra/dev", "cfn"}
    new = {(f["rule_id"], f["resource"]) for f in scoped["findings"]}
    assert ("IAC-AWS-EBS-001", "Extra") in new and ("IAC-AWS-S3-001", "aws_s3_bucket.dev") not in new  # public-read before too
    assert ("IAC-AWS-EBS-001", "aws_ebs_volume.scratch") not in {(s["rule_id"], s["resource"]) for s in scoped["suppressed"]}  # deleted


@pytest.mark.parametrize(
    "change",
    ["call added", "call removed", "module moved", "root deleted", "readme only", "config changed", "policy dir changed", "nothing"],
)
def test_scoped_run_equals_the_full_double_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], change: str
) -> None:
    repo, base = _repo(tmp_path)
    (repo / "policy").mkdir()
    (repo / "policy" / "README.md").write_text("policies\n")
    base = _commit(repo, "policy dir")
    if change == "call added":
        (repo / "infra" / "dev" / "store.tf").write_text('module "store" {\n  source = "../../modules/store"\n}\n')
    elif change == "call removed":
        (repo / "infra" / "prod" / "main.tf").write_text(bucket("prod"))
    elif change == "module moved":
        shutil.move(repo / "modules" / "store", repo / "modules" / "storage")
        (repo / "infra" / "prod" / "main.tf").write_text(bucket("prod") + 'module "store" {\n  source = "../../modules/storage"\n}\n')
    elif change == "root deleted":
        shutil.rmtree(repo / "infra" / "dev")
    elif change == "readme only":
        (repo / "README.md").write_text("changed\n")
    elif change == "config changed":
        (repo / ".iac-guard.yaml").write_text("fail-on: low\n")
    elif change == "policy dir changed":
        (repo / "policy" / "README.md").write_text("changed\n")
    _commit(repo, change)
    monkeypatch.chdir(repo)
    scoped, full = _compare([".", "--policy-dir", "policy"] if change == "policy dir changed" else ["."], base, capsys)
    if change in ("config changed", "policy dir changed"):
        assert scoped == full  # a change every root reads: everything is scanned
    if change == "module moved":
        assert scoped["findings"] == []  # the module's volume is the same finding in the same root
    if change in ("readme only", "nothing"):
        assert scoped["findings"] == [] and scoped["suppressed"] == []
    if change == "call added":
        assert {(f["resource"], f["root"]) for f in scoped["findings"]} == {("module.store.aws_ebs_volume.data", "infra/dev")}


def test_scope_calls_are_read_at_both_revisions(tmp_path: Path) -> None:
    repo, base = _repo(tmp_path)
    (repo / "infra" / "prod" / "main.tf").write_text(bucket("prod"))  # the call is gone in the working tree
    (repo / "modules" / "store" / "main.tf").write_text(volume("other"))
    scope = prscope.compute(base, repo)
    assert not scope.full
    assert scope.dirs == {"infra/prod", "modules/store"}
    assert scope.keeps("infra/prod/main.tf", "terraform") and not scope.keeps("infra/dev/main.tf", "terraform")
    assert not scope.keeps("cfn/stack.yaml", "cloudformation")
    assert prscope.compute(base, repo, ["modules"]).reason == "modules/store/main.tf changed"
    (repo / "scripts").mkdir()
    (repo / "scripts" / "deploy.sh").write_text("echo\n")
    assert prscope.compute(base, repo).reason == "scripts/deploy.sh changed outside a Terraform module"


def test_unknown_diff_base_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    repo, _ = _repo(tmp_path)
    monkeypatch.chdir(repo)
    assert main(["scan", ".", "--diff-base", "deadbeef"]) == 2
    assert "'deadbeef' is not a commit in this repository" in capsys.readouterr().err


def test_the_scope_is_computed_once_and_both_sides_keep_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The current tree's discovery computes the PR scope (git diff, module calls at both
    revisions) and the base revision's scan reads it from the discovery: one computation
    a run, the same root modules on both sides."""
    repo, base = _repo(tmp_path)
    (repo / "modules" / "store" / "main.tf").write_text(volume("data") + volume("logs"))
    _commit(repo, "module change")
    monkeypatch.chdir(repo)
    computed: list[str] = []
    real = prscope.compute

    def counting(ref: str, *args: Any, **kwargs: Any) -> prscope.Scope:
        computed.append(ref)
        return real(ref, *args, **kwargs)

    monkeypatch.setattr(prscope, "compute", counting)
    code, report = _scan([".", "--diff-base", base], capsys)
    assert computed == [base]
    assert code == 1 and _keys(report["findings"]) == {("IAC-AWS-EBS-001", "module.store.aws_ebs_volume.logs", "modules/store/main.tf")}
