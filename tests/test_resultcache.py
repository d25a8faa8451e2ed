"""The results cache: an unchanged tree skips the build and the evaluation; every change
a build could see (a file of a root, a module, a .tfvars, a file() target, a new file,
the policies) gives the report a scan without the cache gives; a corrupt, foreign or
stale entry is never trusted."""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from iac_guard import pipeline, reads, report
from iac_guard.cli import main
from iac_guard.models import PolicySet, Severity
from iac_guard.parse.base import BuildOptions
from iac_guard.parse.cache import ParseCache
from iac_guard.parse.registry import PARSERS
from iac_guard.policy.engine import Engine
from iac_guard.policy.loader import load_policies
from iac_guard.resultcache import ResultCache
from iac_guard.settings import ScanConfig

S3_POLICY = """# METADATA
# title: bucket is public
# custom:
#   id: TEST-S3-001
#   severity: high
package test.s3.public

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_s3_bucket")
	r.values.acl == "public-read"
	result := lib.finding(r, sprintf("%s is public", [r.address]), "acl")
}
"""

USER_DATA_POLICY = """# METADATA
# title: user data holds a password
# custom:
#   id: TEST-EC2-001
#   severity: critical
package test.ec2.user_data

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_instance")
	contains(r.values.user_data, "password")
	result := lib.finding(r, sprintf("%s user data holds a password", [r.address]), "user_data")
}
"""

CFN_POLICY = """# METADATA
# title: template bucket is public
# custom:
#   id: TEST-CFN-001
#   severity: medium
package test.cfn.public

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::S3::Bucket")
	r.values.AccessControl == "PublicRead"
	result := lib.finding(r, sprintf("%s is public", [r.address]), "AccessControl")
}
"""


def make_tree(root: Path) -> Path:
    files = {
        "envs/prod/main.tf": (
            'variable "acl" {\n  type = string\n}\n\n'
            'module "app" {\n  source = "../../modules/app"\n  acl    = var.acl\n}\n\n'
            'resource "aws_instance" "web" {\n  ami       = "ami-1"\n  user_data = file("init.sh")\n}\n'
        ),
        "envs/prod/terraform.tfvars": 'acl = "public-read"\n',
        "envs/prod/init.sh": "#!/bin/sh\necho password=hunter2\n",
        "envs/dev/main.tf": (
            'module "app" {\n  source = "../../modules/app"\n  acl    = "private"\n}\n\n'
            '# iac-guard:ignore TEST-S3-001 a static site, reviewed\n'
            'resource "aws_s3_bucket" "site" {\n  acl = "public-read"\n}\n'
        ),
        "modules/app/main.tf": 'variable "acl" {\n  type = string\n}\n\nresource "aws_s3_bucket" "b" {\n  acl = var.acl\n}\n',
        "cfn/template.yaml": "Resources:\n  Open:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n",
        "policies/s3.rego": S3_POLICY,
        "policies/user_data.rego": USER_DATA_POLICY,
        "policies/cfn.rego": CFN_POLICY,
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


@dataclass
class Counting:
    """The engine factory, counting how often the scan had to evaluate."""

    calls: int = 0

    def __call__(self, config: ScanConfig, policy_set: PolicySet) -> Engine:
        self.calls += 1
        return pipeline.default_engine(config, policy_set)


def config_for(tree: Path, **changes: object) -> ScanConfig:
    base = ScanConfig(
        paths=tuple(str(tree / p) for p in ("envs", "modules", "cfn")),
        cwd=str(tree),
        policy_dirs=(str(tree / "policies"),),
        only=("TEST-*",),  # the library's lib package, none of its policies
        scanners=(),
    )
    return base.merged(**changes) if changes else base


def scan(tree: Path, cache_dir: Path | None, engine: Counting | None = None, **changes: object) -> tuple[str, list[bool]]:
    """The JSON report of a scan of ``tree`` through the pipeline stages (as the job runs
    them), with the caches in ``cache_dir`` (None: --no-cache); and, for each kind, whether
    its input came back from the results cache."""
    config = config_for(tree, cache=cache_dir is not None, **changes)
    services = pipeline.Services(
        engine=engine or Counting(),
        parse_cache=ParseCache(cache_dir) if cache_dir else None,
        result_cache=ResultCache(cache_dir) if cache_dir else None,
    )
    found = pipeline.find_files(config)
    inputs = [pipeline.parse(kind, config, found, services) for kind in PARSERS]
    policy_set = pipeline.policies(config, services)
    evaluation = pipeline.evaluate(config, policy_set, inputs, services, found)
    extra = pipeline.scanners(config, found, services)
    judged = pipeline.gate_input(config, found, policy_set, inputs, evaluation, extra)
    result = pipeline.judge(judged, pipeline.suppressions(config, judged))
    return report.render("json", result), [not i.complete for i in inputs]


def rule_ids(text: str) -> list[tuple[str, str]]:
    return sorted((f["rule_id"], f["resource"]) for f in json.loads(text)["findings"])


def test_cold_warm_and_every_change_equal_a_scan_without_the_cache(tmp_path: Path) -> None:
    tree = make_tree(tmp_path / "tree")
    cache = tmp_path / "cache"
    baseline, _ = scan(tree, None)
    assert rule_ids(baseline) == [
        ("TEST-CFN-001", "Open"),
        ("TEST-EC2-001", "aws_instance.web"),
        ("TEST-S3-001", "module.app.aws_s3_bucket.b"),
    ]
    (ignored,) = json.loads(baseline)["suppressed"]  # the inline ignore: it needs the resource's span
    assert (ignored["resource"], ignored["suppression"]["kind"]) == ("aws_s3_bucket.site", "inline")

    engine = Counting()
    cold, reused = scan(tree, cache, engine)
    assert cold == baseline and not any(reused) and engine.calls == 1
    warm, reused = scan(tree, cache, engine)
    assert warm == baseline
    assert reused == [True, True, True]  # terraform, plan (no file), cloudformation
    assert engine.calls == 1  # nothing evaluated

    changes: list[tuple[str, Callable[[], object]]] = [
        # a root's file: the dev bucket is public now
        ("root file", lambda: (tree / "envs/dev/main.tf").write_text('module "app" {\n  source = "../../modules/app"\n  acl    = "public-read"\n}\n')),
        # the shared module (read by both roots, discovered once)
        ("module file", lambda: (tree / "modules/app/main.tf").write_text('variable "acl" {\n  type = string\n}\n\nresource "aws_s3_bucket" "c" {\n  acl = var.acl\n}\n')),
        # a variables file, which discovery does not list
        ("tfvars", lambda: (tree / "envs/prod/terraform.tfvars").write_text('acl = "private"\n')),
        # a file() target
        ("file() target", lambda: (tree / "envs/prod/init.sh").write_text("#!/bin/sh\necho hello\n")),
        # a variables file where there was none: the root's directory changed
        ("new tfvars", lambda: (tree / "envs/prod/prod.auto.tfvars").write_text('acl = "public-read"\n')),
        # a new Terraform file in a root
        ("new .tf", lambda: (tree / "envs/prod/extra.tf").write_text('resource "aws_s3_bucket" "extra" {\n  acl = "public-read"\n}\n')),
        # the template
        ("template", lambda: (tree / "cfn/template.yaml").write_text("Resources:\n  Open:\n    Type: AWS::S3::Bucket\n")),
        # the policies: the S3 policy gone
        ("policy dir", lambda: (tree / "policies/s3.rego").unlink()),
    ]
    seen = {rule_ids(baseline).__repr__()}
    for name, change in changes:
        change()
        expected, _ = scan(tree, None)
        before = engine.calls
        got, _ = scan(tree, cache, engine)
        assert got == expected, name
        assert engine.calls == before + 1, name  # it evaluated again
        again, reused = scan(tree, cache, engine)
        assert again == expected and engine.calls == before + 1, name  # and then reused that
        seen.add(rule_ids(expected).__repr__())
    assert len(seen) >= 6  # the changes did change the findings


def test_a_file_changed_and_changed_back_is_reused(tmp_path: Path) -> None:
    tree = make_tree(tmp_path / "tree")
    cache = tmp_path / "cache"
    engine = Counting()
    first, _ = scan(tree, cache, engine)
    init = tree / "envs/prod/init.sh"
    original = init.read_text()
    init.write_text("changed\n")
    scan(tree, cache, engine)
    init.write_text(original)
    again, reused = scan(tree, cache, engine)
    # the input entry was overwritten by the changed build: built again, not a wrong hit;
    # built from the same files, its digest is the first one's, whose evaluation is kept
    assert again == first and reused == [False, True, True] and engine.calls == 2


def test_settings_that_change_results_are_part_of_the_key(tmp_path: Path) -> None:
    tree = make_tree(tmp_path / "tree")
    cache = tmp_path / "cache"
    engine = Counting()
    scan(tree, cache, engine)
    overrides, _ = scan(tree, cache, engine, severity_overrides={"TEST-S3-001": Severity.LOW})
    assert engine.calls == 2
    assert overrides == scan(tree, None, severity_overrides={"TEST-S3-001": Severity.LOW})[0]
    only, _ = scan(tree, cache, engine, only=("TEST-CFN-001",))
    assert only == scan(tree, None, only=("TEST-CFN-001",))[0]
    var_file = tmp_path / "other.tfvars"
    var_file.write_text('acl = "private"\n')
    with_file, _ = scan(tree, cache, engine, var_files=(str(var_file),))
    assert with_file == scan(tree, None, var_files=(str(var_file),))[0]
    var_file.write_text('acl = "public-read"\n')
    assert scan(tree, cache, engine, var_files=(str(var_file),))[0] == scan(tree, None, var_files=(str(var_file),))[0]


def test_variables_given_on_the_command_line_or_the_environment_are_not_cached(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache")
    assert cache.input_key("terraform", [], BuildOptions()) is not None
    assert cache.input_key("terraform", [], BuildOptions(vars=("acl=private",))) is None
    assert cache.input_key("terraform", [], BuildOptions(env={"TF_VAR_acl": "private"})) is None
    assert cache.input_key("terraform", [], BuildOptions(download_modules=True)) is None
    assert cache.input_key("terraform", [], BuildOptions(env={"TF_WORKSPACE": "a"})) != cache.input_key(
        "terraform", [], BuildOptions(env={"TF_WORKSPACE": "b"})
    )


def entries(cache: Path) -> list[Path]:
    return sorted((cache / "results-v1").glob("??/*"))


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "other pickle"])
def test_a_corrupt_entry_is_ignored_and_rewritten(tmp_path: Path, damage: str) -> None:
    tree = make_tree(tmp_path / "tree")
    cache = tmp_path / "cache"
    engine = Counting()
    first, _ = scan(tree, cache, engine)
    stored = entries(cache)
    assert len(stored) == 5  # the terraform, plan (no file) and cloudformation inputs, the policies, the evaluation
    for path in stored:
        data = path.read_bytes()
        path.write_bytes(
            {"truncated": data[: len(data) // 2], "garbage": b"\x80\x05not a pickle", "empty": b"", "other pickle": pickle.dumps({"x": 1})}[damage]
        )
    again, reused = scan(tree, cache, engine)
    assert again == first and reused == [False, False, False]
    assert engine.calls == 2
    assert [ResultCache(cache)._load(p.name) is not None for p in entries(cache)] == [True] * 5
    third, reused = scan(tree, cache, engine)  # rewritten: used again
    assert third == first and reused == [True, True, True] and engine.calls == 2


def test_an_entry_of_another_version_is_not_trusted(tmp_path: Path) -> None:
    tree = make_tree(tmp_path / "tree")
    cache = tmp_path / "cache"
    first, _ = scan(tree, cache)
    current = ResultCache(cache)
    foreign = ResultCache(cache)
    foreign.salt = current.salt.replace("iac-guard-results|1|", "iac-guard-results|1|0.0.0-other")
    for path in entries(cache):
        entry = pickle.loads(path.read_bytes())
        magic, fmt, _salt, key = entry["header"]
        path.write_bytes(pickle.dumps({**entry, "header": (magic, fmt, foreign.salt, key)}))
        assert current._load(key) is None
    engine = Counting()
    again, reused = scan(tree, cache, engine)
    assert again == first and not any(reused) and engine.calls == 1


def test_a_stale_entry_is_not_used(tmp_path: Path) -> None:
    tree = make_tree(tmp_path / "tree")
    cache_dir = tmp_path / "cache"
    config = config_for(tree)
    services = pipeline.Services(parse_cache=ParseCache(cache_dir), result_cache=ResultCache(cache_dir))
    found = pipeline.find_files(config)
    built = pipeline.parse("terraform", config, found, services)
    assert built.complete and built.digest
    results = ResultCache(cache_dir)
    key = results.input_key("terraform", [f for f in found.files if f.kind == "terraform"], BuildOptions())
    assert key is not None
    hit = results.get_input(key)
    assert hit is not None and not hit.complete and hit.digest == built.digest
    assert [r.address for r in hit.resources] == [r.address for r in built.resources]
    assert all(r.values == {} for r in hit.resources)  # no resolved values on disk
    (tree / "envs/prod/init.sh").write_text("changed\n")
    assert results.get_input(key) is None


def test_without_the_cache_nothing_is_stored(tmp_path: Path) -> None:
    tree = make_tree(tmp_path / "tree")
    cache = tmp_path / "cache"
    config = config_for(tree, cache=False)
    services = pipeline.Services(parse_cache=ParseCache(cache), result_cache=ResultCache(cache))
    found = pipeline.find_files(config)
    inputs = [pipeline.parse(kind, config, found, services) for kind in PARSERS]
    pipeline.evaluate(config, pipeline.policies(config), inputs, services, found)
    assert all(i.complete and not i.digest for i in inputs)
    assert not (cache / "results-v1").exists()


def test_the_recorder_sees_files_and_directories_change(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("one")
    with reads.recording() as recorder:
        reads.file(target)
        reads.file(tmp_path / "missing.txt")
        reads.directory(tmp_path)
    reads.file(target)  # outside recording(): nothing happens
    manifest = recorder.manifest()
    assert [(kind, Path(path).name) for kind, path, _ in manifest] == [("d", tmp_path.name), ("f", "a.txt"), ("f", "missing.txt")]
    assert reads.unchanged(manifest)
    (tmp_path / "missing.txt").write_text("")  # a file where there was none
    assert not reads.unchanged(manifest)
    (tmp_path / "missing.txt").unlink()
    assert reads.unchanged(manifest)
    target.write_text("two")
    assert not reads.unchanged(manifest)


def test_the_scan_job_gives_the_same_report_cold_and_warm(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = make_tree(tmp_path / "tree")
    monkeypatch.chdir(tree)
    args = ["scan", "envs", "modules", "cfn", "--policy-dir", "policies", "--only", "TEST-*", "--format", "json", "-q"]
    reports = []
    for extra in (["--no-cache"], [], []):
        assert main([*args, *extra]) == 1
        reports.append(capsys.readouterr().out)
    assert reports[0] == reports[1] == reports[2]
    assert rule_ids(reports[0]) == [
        ("TEST-CFN-001", "Open"),
        ("TEST-EC2-001", "aws_instance.web"),
        ("TEST-S3-001", "module.app.aws_s3_bucket.b"),
    ]
    assert len(entries(Path(os.environ["IAC_GUARD_CACHE_DIR"]))) == 5  # the job used the cache


def test_an_incomplete_input_is_rebuilt_when_it_must_be_evaluated(tmp_path: Path) -> None:
    tree = make_tree(tmp_path / "tree")
    cache = tmp_path / "cache"
    scan(tree, cache)
    (tree / "policies/extra.rego").write_text(S3_POLICY.replace("TEST-S3-001", "TEST-S3-002").replace("test.s3.public", "test.s3.again"))
    got, reused = scan(tree, cache)
    assert reused == [True, True, True]  # the inputs came back slim; the new policy evaluated the rebuilt ones
    assert got == scan(tree, None)[0]
    assert ("TEST-S3-002", "module.app.aws_s3_bucket.b") in rule_ids(got)
    config = config_for(tree)
    slim_inputs = [replace(pipeline.parse("terraform", config, pipeline.find_files(config), pipeline.Services()), complete=False)]
    with pytest.raises(ValueError):
        pipeline.evaluate(config, pipeline.policies(config), slim_inputs, pipeline.Services(result_cache=ResultCache(cache)))


def test_a_build_that_reached_outside_the_scan_root_is_not_cached(tmp_path: Path) -> None:
    tree = make_tree(tmp_path / "tree")
    (tmp_path / "secret.txt").write_text("password\n")
    (tree / "envs/prod/main.tf").write_text('resource "aws_instance" "web" {\n  user_data = file("../../../secret.txt")\n}\n')
    cache = tmp_path / "cache"
    engine = Counting()
    first, reused = scan(tree, cache, engine)
    assert first == scan(tree, None)[0]
    second, reused = scan(tree, cache, engine)
    assert second == first and reused == [False, True, True] and engine.calls == 2  # terraform built and evaluated again
    config = config_for(tree)
    built = pipeline.parse("terraform", config, pipeline.find_files(config), pipeline.Services(result_cache=ResultCache(cache)))
    assert built.complete and built.digest == ""  # nothing stored, no evaluation key


def test_the_policy_set_is_read_back_until_a_policy_file_or_directory_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = make_tree(tmp_path / "tree")
    cache = tmp_path / "cache"
    config = config_for(tree)
    services = pipeline.Services(result_cache=ResultCache(cache))
    first = pipeline.policies(config, services)
    assert sorted(p.id for p in first.policies) == ["TEST-CFN-001", "TEST-EC2-001", "TEST-S3-001"]
    loads: list[int] = []
    real = load_policies

    def counted(*args: Any, **kwargs: Any) -> PolicySet:
        loads.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr("iac_guard.pipeline.load_policies", counted)
    again = pipeline.policies(config, services)
    assert loads == [] and again == first and again.modules == first.modules
    # a policy in a new sub-directory
    (tree / "policies/more").mkdir()
    (tree / "policies/more/again.rego").write_text(S3_POLICY.replace("TEST-S3-001", "TEST-S3-002").replace("test.s3.public", "test.s3.again"))
    grown = pipeline.policies(config, services)
    assert loads == [1] and "TEST-S3-002" in [p.id for p in grown.policies]
    # a data file
    (tree / "policies/data.yaml").write_text("limits:\n  max: 3\n")
    assert pipeline.policies(config, services).data["limits"] == {"max": 3} and loads == [1, 1]
    (tree / "policies/data.yaml").write_text("limits:\n  max: 4\n")
    assert pipeline.policies(config, services).data["limits"] == {"max": 4} and loads == [1, 1, 1]
    # the options the set was loaded with
    overridden = pipeline.policies(config.merged(severity_overrides={"TEST-S3-001": Severity.LOW}), services)
    assert {p.id: p.severity for p in overridden.policies}["TEST-S3-001"] is Severity.LOW and loads == [1, 1, 1, 1]
    assert pipeline.policies(config, services).data["limits"] == {"max": 4} and loads == [1, 1, 1, 1]
    # without the cache: loaded every time
    pipeline.policies(config.merged(cache=False), services)
    assert loads == [1, 1, 1, 1, 1]
