"""The scan job: discover -> parse (one op per kind) -> load policies -> evaluate (+ extra
scanners) -> gate -> report -> publish. ``run_scan`` executes it in process."""

from __future__ import annotations

import contextlib
import io
import os
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dagster as dg

from iac_guard.audit import run_tags
from iac_guard.errors import ConfigError
from iac_guard.github.publish import Published, PublishOutcome
from iac_guard.models import ScanResult
from iac_guard.orchestration import ops
from iac_guard.orchestration.audit import revision
from iac_guard.orchestration.config import recorded_run_config
from iac_guard.orchestration.resources import RESOURCES, GitHubResource, cli_vars
from iac_guard.parse.registry import PARSERS
from iac_guard.settings import ScanConfig

PARSE_OPS = {kind: ops.parse_op(kind) for kind in PARSERS}


@dg.job(
    description="Policy-as-code gate over Terraform and CloudFormation.",
    # one process, values kept in memory: a run from the launchpad is as fast as the command
    # line, and nothing the scan read (parsed values, --var) is pickled into DAGSTER_HOME
    resource_defs={**RESOURCES, "io_manager": dg.mem_io_manager},
    executor_def=dg.in_process_executor,
)
def scan_job() -> None:
    settings = ops.settings_op()
    discovery = ops.discover_op(settings)
    inputs = [parse(settings, discovery) for parse in PARSE_OPS.values()]
    policy_set = ops.load_policies_op(settings)
    evaluation = ops.evaluate_op(settings, discovery, policy_set, inputs)
    extra = ops.scanners_op(settings, discovery)
    base = ops.diff_base_op(settings, discovery, policy_set)
    judged = ops.merge_op(settings, discovery, policy_set, inputs, evaluation, extra)
    result = ops.gate_op(judged, ops.suppressions_op(settings, judged, base))
    ops.record_op(settings, policy_set, judged, result)
    ops.publish_op(settings, result, ops.report_op(settings, result))


@contextlib.contextmanager
def _silenced(quiet: bool) -> Iterator[None]:
    """Standard output and error of the code inside (not of iac-guard's reports, which the
    job returns as values) go nowhere when ``quiet``."""
    if not quiet:
        yield
        return
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        yield


@dataclass(frozen=True)
class RunOutcome:
    result: ScanResult
    stdout: str
    run_id: str
    stderr: str = ""  # warnings: a step file not written, a PR comment not posted
    published: PublishOutcome | None = None


QUIET_LOGGING = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


def instance_home() -> str | None:
    """DAGSTER_HOME when set: an existing directory given by an absolute path (Dagster's own
    rule), else a ConfigError (exit 2) rather than Dagster's invariant violation."""
    home = os.environ.get("DAGSTER_HOME")
    if not home:
        return None
    if not os.path.isabs(home) or not os.path.isdir(home):
        raise ConfigError(
            f"DAGSTER_HOME={home!r} must be an existing directory given by an absolute path "
            "(create it, or unset DAGSTER_HOME to run on an ephemeral instance)"
        )
    return home


def persistent_instance(home: str) -> dg.DagsterInstance:
    """The instance at DAGSTER_HOME, with Dagster's telemetry off unless its dagster.yaml
    turns it on (``telemetry: enabled: true``), and no capture of the run's standard output
    and error unless it configures ``compute_logs``: the ops print nothing (the reports are
    values the command line prints after the run), and Dagster's default capture starts
    two ``tail -F`` processes and two Python watchers per run to record empty files."""
    import yaml
    from dagster._core.instance.ref import InstanceRef

    settings: object = None
    for name in ("dagster.yaml", "dagster.yml"):
        path = Path(home) / name
        if path.is_file():
            try:
                settings = yaml.safe_load(path.read_text(encoding="utf-8"))
            except (OSError, yaml.YAMLError) as exc:
                raise ConfigError(f"cannot read {path}: {exc}") from None
            break
    given = settings if isinstance(settings, dict) else {}
    telemetry = given.get("telemetry")
    overrides: dict[str, Any] = {}
    if not (isinstance(telemetry, dict) and "enabled" in telemetry):
        overrides["telemetry"] = {"enabled": False}
    if "compute_logs" not in given:
        overrides["compute_logs"] = {"module": "dagster._core.storage.noop_compute_log_manager", "class": "NoOpComputeLogManager"}
    return dg.DagsterInstance.from_ref(InstanceRef.from_dir(home, overrides=overrides or None))


def run_scan(
    config: ScanConfig,
    *,
    verbose: bool = False,
    resources: Mapping[str, Any] | None = None,
    ready: Callable[[], None] | None = None,
) -> RunOutcome:
    """Run the job in process: on the instance at DAGSTER_HOME when set (so the run shows
    in the Dagster UI), otherwise on an ephemeral instance. Stage errors propagate as
    the original IacGuardError; an interrupt (Ctrl-C) as KeyboardInterrupt. Unless ``verbose``, what Dagster itself prints (its
    telemetry banner, the note about a missing dagster.yaml, warnings) is discarded. ``ready``
    is called once the instance is made, just before the ops run (the command line's
    prefetch helper: ``iac_guard.prefetch``)."""
    home = instance_home()
    with warnings.catch_warnings(), _silenced(not verbose):
        if not verbose:
            warnings.simplefilter("ignore")
        instance = persistent_instance(home) if home else dg.DagsterInstance.ephemeral()
        github: GitHubResource = (resources or {}).get("github") or GitHubResource()
        rev = revision(github.context(), Path(config.cwd))
        if ready is not None:
            ready()
        try:
            run = scan_job.execute_in_process(
                instance=instance,
                resources={**(resources or {}), "cli_vars": cli_vars(config.vars)},
                run_config={"ops": {"settings_op": {"config": recorded_run_config(config)}}, **({} if verbose else QUIET_LOGGING)},
                tags=run_tags(rev, config.fail_on),
            )
        except dg.DagsterExecutionInterruptedError:
            # Dagster turns SIGINT inside an op into this BaseException: it is the user's
            # Ctrl-C, which the CLI reports in one line with exit 130
            raise KeyboardInterrupt from None
    published: Published = run.output_for_node("publish_op")
    return RunOutcome(
        result=run.output_for_node("gate_op"),
        stdout=published.step.stdout,
        run_id=run.run_id,
        stderr=published.step.stderr,
        published=published.pull_request,
    )
