"""The organisation scan end to end on a real Dagster instance (a temporary DAGSTER_HOME):
two real git repositories (a checkout, and a file:// URL cloned by the scan), the org
file, the partitioned assets, the gate asset check, the schedule and the sensors."""

from __future__ import annotations

import contextlib
import datetime
import json
import shutil
import subprocess
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.definitions.partitions.context import partition_loading_context

from iac_guard.definitions import build_defs
from iac_guard.errors import ConfigError
from iac_guard.orchestration import metadata as meta
from iac_guard.orchestration.assets import OrgResource
from iac_guard.orgscan import load_org_config
from tests.conftest import FIXTURES

PUBLIC = 'resource "aws_s3_bucket_acl" "site" {\n  bucket = "site"\n  acl    = "public-read"\n}\n'
PRIVATE = 'resource "aws_s3_bucket_acl" "site" {\n  bucket = "site"\n  acl    = "private"\n}\n'


def _git(repo: Path, *args: str) -> str:
    env_args = ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
    return subprocess.run(["git", *env_args, *args], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


def _repo(path: Path, content: str) -> str:
    path.mkdir(parents=True)
    (path / "main.tf").write_text(content)
    _git(path, "init", "-q", "-b", "main")
    _git(path, "add", "-A")
    _git(path, "commit", "-q", "-m", "init")
    return _git(path, "rev-parse", "HEAD")


@pytest.fixture
def org(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    shas = {"web": _repo(tmp_path / "checkouts" / "web", PUBLIC), "core": _repo(tmp_path / "remote" / "core", PRIVATE)}
    org_file = tmp_path / "org.yaml"
    org_file.write_text(
        "repositories:\n"
        f"  - name: web\n    path: {tmp_path / 'checkouts' / 'web'}\n"
        f"  - name: core\n    url: file://{tmp_path / 'remote' / 'core'}\n    ref: main\n"
        "settings:\n  fail-on: high\n  only: ['IAC-AWS-S3-001']\n"
    )
    return org_file, shas


@pytest.fixture
def instance(tmp_path: Path) -> dg.DagsterInstance:
    home = tmp_path / "dagster_home"
    home.mkdir()
    return dg.DagsterInstance.from_ref(dg._core.instance.ref.InstanceRef.from_dir(str(home)))  # type: ignore[attr-defined]


def test_org_scan_materializes_each_repository_with_its_gate(org: tuple[Path, dict[str, str]], instance: dg.DagsterInstance, tmp_path: Path) -> None:
    org_file, shas = org
    defs = build_defs()
    job = defs.resolve_job_def("org_scan_job")
    instance.add_dynamic_partitions(meta.REPOSITORIES, ["web", "core"])
    resources = {"org": OrgResource(config_file=str(org_file), workdir=str(tmp_path / "work"), reports_dir=str(tmp_path / "reports"))}
    for name in ("web", "core"):
        result = job.execute_in_process(partition_key=name, instance=instance, resources=resources)
        assert result.success
    records = {
        r.partition_key: r.asset_materialization
        for r in instance.fetch_materializations(dg.AssetRecordsFilter(asset_key=meta.FINDINGS), limit=10).records
    }
    assert set(records) == {"web", "core"}
    web, core = records["web"], records["core"]
    assert web is not None and core is not None
    assert web.metadata["verdict"].value == "fail" and web.metadata["failing"].value == 1  # type: ignore[attr-defined]
    assert web.metadata["commit"].value == shas["web"]  # type: ignore[attr-defined]
    assert core.metadata["verdict"].value == "pass" and core.metadata["commit"].value == shas["core"]  # type: ignore[attr-defined]
    report = json.loads((tmp_path / "reports" / "web.json").read_text())
    assert [(f["rule_id"], f["resource"], f["file"], f["line"]) for f in report["findings"]] == [
        ("IAC-AWS-S3-001", "aws_s3_bucket_acl.site", "main.tf", 3)
    ]
    checks = instance.event_log_storage.get_asset_check_execution_history(dg.AssetCheckKey(meta.FINDINGS, meta.GATE_CHECK), limit=10)
    by_partition = {instance.get_run_by_id(c.run_id).tags["dagster/partition"]: c.status.value for c in checks}  # type: ignore[union-attr]
    assert by_partition == {"web": "FAILED", "core": "SUCCEEDED"}
    inventory = instance.fetch_materializations(dg.AssetRecordsFilter(asset_key=meta.INVENTORY, asset_partitions=["web"]), limit=1).records[0]
    assert inventory.asset_materialization is not None
    assert inventory.asset_materialization.metadata["resources_by_type"].value == {"aws_s3_bucket_acl": 1}  # type: ignore[attr-defined]


def test_a_fix_is_recorded_as_fixed_and_a_new_finding_as_new(org: tuple[Path, dict[str, str]], instance: dg.DagsterInstance, tmp_path: Path) -> None:
    org_file, _ = org
    job = build_defs().resolve_job_def("org_scan_job")
    instance.add_dynamic_partitions(meta.REPOSITORIES, ["web"])
    resources = {"org": OrgResource(config_file=str(org_file), workdir=str(tmp_path / "work"), reports_dir=str(tmp_path / "reports"))}
    assert job.execute_in_process(partition_key="web", instance=instance, resources=resources).success
    web = tmp_path / "checkouts" / "web"
    (web / "main.tf").write_text(PRIVATE)
    _git(web, "commit", "-q", "-am", "fix")
    assert job.execute_in_process(partition_key="web", instance=instance, resources=resources).success
    latest = instance.fetch_materializations(dg.AssetRecordsFilter(asset_key=meta.FINDINGS, asset_partitions=["web"]), limit=1).records[0].asset_materialization
    assert latest is not None
    assert latest.metadata["fixed_since_previous"].value == 1 and latest.metadata["new_since_previous"].value == 0  # type: ignore[attr-defined]
    assert latest.metadata["commit"].value == _git(web, "rev-parse", "HEAD")  # type: ignore[attr-defined]


def test_schedule_requests_every_repository_and_registers_partitions(org: tuple[Path, dict[str, str]], instance: dg.DagsterInstance) -> None:
    org_file, _ = org
    defs = build_defs(cron="15 2 * * *")
    schedule = defs.schedules[0]
    assert schedule.cron_schedule == "15 2 * * *"  # type: ignore[union-attr]
    when = datetime.datetime(2026, 12, 2, 2, 15, tzinfo=datetime.timezone.utc)
    context = dg.build_schedule_context(instance=instance, resources={"org": OrgResource(config_file=str(org_file))}, scheduled_execution_time=when, repository_def=defs.get_repository_def())
    requests = list(schedule.evaluate_tick(context).run_requests or [])  # type: ignore[union-attr]
    assert sorted((r.partition_key, r.run_key) for r in requests) == [("core", f"core@{when.isoformat()}"), ("web", f"web@{when.isoformat()}")]
    assert sorted(instance.get_dynamic_partitions(meta.REPOSITORIES)) == ["core", "web"]


def test_checkout_sensor_scans_a_repository_when_its_head_moves(org: tuple[Path, dict[str, str]], instance: dg.DagsterInstance, tmp_path: Path) -> None:
    from iac_guard.orchestration.resources import HostResource

    org_file, shas = org
    defs = build_defs()
    sensor = next(s for s in defs.sensors if s.name == "checkout_sensor")
    resources = {"org": OrgResource(config_file=str(org_file)), "host": HostResource()}
    # what Dagster's sensor daemon sets up around an evaluation
    stack = contextlib.ExitStack()
    stack.enter_context(partition_loading_context(dynamic_partitions_store=instance))
    first = sensor.evaluate_tick(dg.build_sensor_context(instance=instance, resources=resources, repository_def=defs.get_repository_def()))  # type: ignore[union-attr]
    assert sorted((r.partition_key, r.tags["iac_guard/sha"]) for r in first.run_requests or []) == sorted(shas.items())
    assert sorted(instance.get_dynamic_partitions(meta.REPOSITORIES)) == ["core", "web"]
    again = sensor.evaluate_tick(dg.build_sensor_context(instance=instance, cursor=first.cursor, resources=resources, repository_def=defs.get_repository_def()))  # type: ignore[union-attr]
    assert again.run_requests == []
    web = tmp_path / "checkouts" / "web"
    (web / "extra.tf").write_text(PRIVATE.replace("site", "other"))
    _git(web, "add", "-A")
    _git(web, "commit", "-q", "-m", "more")
    moved = sensor.evaluate_tick(dg.build_sensor_context(instance=instance, cursor=first.cursor, resources=resources, repository_def=defs.get_repository_def()))  # type: ignore[union-attr]
    assert [(r.partition_key, r.run_key) for r in moved.run_requests or []] == [("web", f"web@{_git(web, 'rev-parse', 'HEAD')}")]


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("repositories: []\n", "`repositories` must be a non-empty list", 1),
        ("repositories:\n  - name: a\n    path: /x\n    url: file:///y\n", "a: give exactly one of `path` (a checkout) and `url` (a git URL)", 2),
        ("repositories:\n  - name: a\n    path: /x\n  - name: a\n    path: /y\n", "repository 'a' is listed twice", 4),
        ("repositories:\n  - name: a\n    url: '--upload-pack=touch /tmp/x'\n", "a: a url or ref cannot start with '-'", 2),
        ("repositories:\n  - name: a\n    path: /x\n    paths: ['../../etc']\n", "a: scan path '../../etc' must stay inside the repository", 2),
        ("repos: []\n", "unknown key 'repos' (expected repositories, settings)", 1),
    ],
)
def test_a_bad_org_file_is_an_error_at_its_line(tmp_path: Path, text: str, message: str, line: int) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_org_config(path)
    assert (caught.value.message, caught.value.line) == (message, line)


def test_org_settings_are_checked_like_a_config_file(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text("repositories:\n  - name: a\n    path: /x\nsettings:\n  checkov-path: /bin/sh\n")
    with pytest.raises(ConfigError, match="checkov-path cannot be set in a config file"):
        OrgResource(config_file=str(path)).load()


def test_fixture_tree_is_real_terraform() -> None:
    assert shutil.which("git")
    assert (FIXTURES / "spine").is_dir()
