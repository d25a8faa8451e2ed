"""A run launched from run config alone (what the launchpad sends) does what the command
line does: same findings and verdict on the bundled examples, the scanned directory's
config file read the same way, in one process. A blocked gate is a failed asset check and
a `verdict` tag on a successful run; a crash is a failed run carrying the error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import dagster as dg
import pytest
from dagster._core.instance.ref import InstanceRef

from iac_guard.cli import main
from iac_guard.errors import PolicyError
from iac_guard.orchestration import metadata as meta
from iac_guard.orchestration.jobs import run_scan, scan_job
from iac_guard.settings import ScanConfig
from tests.conftest import FIXTURES, REPO


def _launch(config: dict[str, Any], instance: dg.DagsterInstance | None = None) -> dg.ExecuteInProcessResult:
    return scan_job.execute_in_process(run_config={"ops": {"settings_op": {"config": config}}}, instance=instance)


def _findings(report: dict[str, Any]) -> list[tuple[str, str, str, int]]:
    return sorted((f["rule_id"], f["resource"], f["file"], f["line"]) for f in report["findings"])


def test_a_launchpad_run_gives_the_command_lines_findings_and_verdict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(REPO)
    code = main(["scan", "examples", "--format", "json"])
    cli = json.loads(capsys.readouterr().out)
    report = tmp_path / "launchpad.json"
    run = _launch({"paths": [str(REPO / "examples")], "cwd": str(REPO), "outputs": [{"format": "json", "path": str(report)}]})
    assert run.success
    launched = json.loads(report.read_text())
    assert len(cli["findings"]) > 10
    assert _findings(launched) == _findings(cli)
    result = run.output_for_node("gate_op")
    assert (result.decision.exit_code, result.decision.verdict) == (code, "fail") == (1, "fail")
    assert run.dagster_run.tags["iac_guard/verdict"] == "fail"


def test_the_scan_job_runs_in_one_process_with_values_in_memory() -> None:
    assert scan_job.executor_def is dg.in_process_executor
    assert scan_job.resource_defs["io_manager"] is dg.mem_io_manager


@pytest.fixture
def configured(tmp_path: Path) -> Path:
    (tmp_path / "main.tf").write_text((REPO / "examples" / "terraform" / "main.tf").read_text())
    (tmp_path / ".iac-guard.yaml").write_text("fail-on: critical\nonly: ['IAC-AWS-S3-*']\n")
    return tmp_path


def _rules(run: dg.ExecuteInProcessResult) -> tuple[str, list[str]]:
    result = run.output_for_node("gate_op")
    return result.decision.fail_on.value, sorted({f.rule_id for f in result.findings})


def test_a_launchpad_run_reads_the_scanned_directorys_config_file(configured: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    base = {"paths": [str(configured)], "cwd": str(configured), "outputs": [{"format": "json"}]}
    fail_on, rules = _rules(_launch(base))
    assert (fail_on, rules) == ("critical", ["IAC-AWS-S3-001", "IAC-AWS-S3-002", "IAC-AWS-S3-003", "IAC-AWS-S3-005", "IAC-AWS-S3-006"])
    monkeypatch.chdir(configured)
    main(["scan", ".", "--format", "json"])
    assert sorted({f["rule_id"] for f in json.loads(capsys.readouterr().out)["findings"]}) == rules  # the CLI agrees
    # a setting given in the run config wins over the file, as a flag does
    assert _rules(_launch({**base, "fail_on": "low"})) == ("low", rules)
    # an explicit file, relative to cwd; or none at all
    (configured / "other.yaml").write_text("only: ['IAC-AWS-EC2-*']\n")
    assert _rules(_launch({**base, "config_file": "other.yaml"}))[1] == ["IAC-AWS-EC2-001", "IAC-AWS-EC2-003"]
    none = _rules(_launch({**base, "config_file": ""}))
    assert none[0] == "high" and len(none[1]) > 2


def test_the_command_line_never_reads_a_config_file_twice(configured: Path) -> None:
    """run_scan gets complete settings: the run config it records reads no file, so a
    setting the caller gave stays as given."""
    outcome = run_scan(ScanConfig(paths=(str(configured),), cwd=str(configured), fail_on=ScanConfig().fail_on, outputs=()))
    assert outcome.result.decision.fail_on.value == "high"
    assert len({f.rule_id for f in outcome.result.findings}) > 2


def _instance(tmp_path: Path) -> dg.DagsterInstance:
    home = tmp_path / "home"
    home.mkdir()
    return dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(home)))


def test_a_blocked_gate_is_a_failed_check_and_a_verdict_tag(tmp_path: Path) -> None:
    instance = _instance(tmp_path)
    config: dict[str, Any] = {"paths": [str(REPO / "examples" / "terraform")], "cwd": str(REPO), "outputs": []}
    blocked = _launch(config, instance)
    passed = _launch({**config, "paths": [str(REPO / "examples" / "clean")]}, instance)
    assert blocked.success and passed.success  # the run worked; the gate said no
    assert (blocked.dagster_run.tags["iac_guard/verdict"], passed.dagster_run.tags["iac_guard/verdict"]) == ("fail", "pass")
    checks = instance.event_log_storage.get_asset_check_execution_history(dg.AssetCheckKey(meta.FINDINGS, meta.GATE_CHECK), limit=5)
    assert {c.run_id: c.status.value for c in checks} == {blocked.run_id: "FAILED", passed.run_id: "SUCCEEDED"}


def test_a_crash_is_a_failed_run_with_the_errors_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    monkeypatch.chdir(REPO)
    broken = FIXTURES / "spine" / "policies_broken_syntax"
    with pytest.raises(PolicyError) as caught:
        run_scan(ScanConfig(paths=(str(FIXTURES / "spine" / "mixed"),), policy_dirs=(str(broken),), cwd=str(REPO), outputs=()))
    instance = dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(home)))
    (run,) = instance.get_runs()
    assert run.status == dg.DagsterRunStatus.FAILURE
    failures = instance.all_logs(run.run_id, of_type=dg.DagsterEventType.STEP_FAILURE)
    assert [e.step_key for e in failures] == ["evaluate_op"]  # the Rego is compiled by the engine
    error = failures[0].dagster_event.step_failure_data.error  # type: ignore[union-attr]
    assert error is not None and error.cause is not None  # Dagster's step error, caused by ours
    assert error.cause.cls_name == "PolicyError"
    assert str(caught.value) in error.cause.message and "broken.rego:10" in error.cause.message


def test_a_launchpad_run_with_trusted_ref_reads_the_config_file_at_that_revision(configured: Path) -> None:
    from tests.orchestration.test_org_scan import _git

    _git(configured, "init", "-q", "-b", "main")
    _git(configured, "add", "-A")
    _git(configured, "commit", "-q", "-m", "base")
    (configured / ".iac-guard.yaml").write_text("fail-on: low\nonly: ['IAC-AWS-EC2-*']\n")  # the PR's own edit
    base = {"paths": [str(configured)], "cwd": str(configured), "outputs": []}
    assert _rules(_launch(base))[0] == "low"
    fail_on, rules = _rules(_launch({**base, "trusted_ref": "HEAD"}))
    assert (fail_on, rules) == ("critical", ["IAC-AWS-S3-001", "IAC-AWS-S3-002", "IAC-AWS-S3-003", "IAC-AWS-S3-005", "IAC-AWS-S3-006"])


def test_a_config_file_cannot_name_a_config_file(tmp_path: Path) -> None:
    from iac_guard.errors import ConfigError
    from iac_guard.settings import load_config_file

    (tmp_path / ".iac-guard.yaml").write_text("fail-on: low\nconfig-file: other.yaml\n")
    with pytest.raises(ConfigError) as caught:
        load_config_file(None, tmp_path)
    assert (caught.value.message, caught.value.file, caught.value.line) == ("unknown setting 'config-file'", ".iac-guard.yaml", 2)
