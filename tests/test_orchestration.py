"""The Dagster definitions: one op per stage, parse ops derived from the parser registry."""

from __future__ import annotations

from pathlib import Path

from iac_guard.parse.registry import PARSERS


def test_job_ops_follow_the_stages_and_the_registry() -> None:
    from iac_guard.definitions import defs

    job = defs.resolve_job_def("scan_job")
    names = [node.name for node in job.graph.node_defs]
    assert sorted(names) == sorted(
        ["settings_op", "discover_op", *(f"parse_{kind}" for kind in PARSERS), "load_policies_op", "evaluate_op", "scanners_op", "diff_base_op", "merge_op", "suppressions_op", "gate_op", "record_op", "report_op", "publish_op"]
    )
    assert set(job.required_resource_keys) - {"io_manager"} == {"github", "policy_engine", "host", "parse_cache", "cli_vars"}


def test_run_config_is_the_command_line() -> None:
    """Every ScanConfig field is a typed run-config field of the settings op, with the
    Option's help as its description and the same default; a round trip gives the same
    ScanConfig."""
    from iac_guard.orchestration.config import ScanRunConfig, from_run_config, to_run_config
    from iac_guard.settings import ScanConfig

    fields = ScanRunConfig.to_config_schema().as_field().config_type.fields  # type: ignore[attr-defined]
    options = ScanConfig.options()
    assert list(fields) == list(options)
    assert {name: f.description for name, f in fields.items()} == {name: o.help for name, o in options.items()}
    assert fields["fail_on"].default_value == "high" and fields["jobs"].default_value == 0
    config = ScanConfig.from_dict({"paths": ["a", "b"], "fail_on": "low", "severity_overrides": {"X-1": "info"}, "format": ["text", "sarif=o.sarif"], "vars": ["a=b"]})
    assert from_run_config(ScanRunConfig(**to_run_config(config))) == config


def test_a_dagster_home_is_used_as_its_dagster_yaml_says_with_iac_guard_defaults(tmp_path: Path) -> None:
    """Telemetry off and no capture of the run's output (iac-guard's ops print nothing)
    unless the instance's dagster.yaml asks for them; what it says is kept."""
    from dagster._core.storage.local_compute_log_manager import LocalComputeLogManager
    from dagster._core.storage.noop_compute_log_manager import NoOpComputeLogManager

    from iac_guard.orchestration.jobs import persistent_instance

    bare = tmp_path / "bare"
    bare.mkdir()
    instance = persistent_instance(str(bare))
    assert isinstance(instance.compute_log_manager, NoOpComputeLogManager)
    assert instance.telemetry_enabled is False

    configured = tmp_path / "configured"
    configured.mkdir()
    (configured / "dagster.yaml").write_text(
        "telemetry:\n  enabled: true\n"
        "compute_logs:\n  module: dagster._core.storage.local_compute_log_manager\n  class: LocalComputeLogManager\n"
        f"  config:\n    base_dir: {configured / 'logs'}\n"
    )
    instance = persistent_instance(str(configured))
    assert isinstance(instance.compute_log_manager, LocalComputeLogManager)
    assert instance.telemetry_enabled is True
