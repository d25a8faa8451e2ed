"""The scan job: discover -> parse (one op per kind) -> load policies -> evaluate (+ extra
scanners) -> gate -> report -> publish. ``run_scan`` executes it in process."""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass

import dagster as dg

from iac_guard.config import ScanConfig
from iac_guard.github.publish import Published, PublishOutcome
from iac_guard.models import ScanResult
from iac_guard.orchestration import ops
from iac_guard.orchestration.resources import ScanSettings
from iac_guard.parse.registry import PARSERS

PARSE_OPS = {kind: ops.parse_op(kind) for kind in PARSERS}


@dg.job(description="Policy-as-code gate over Terraform and CloudFormation.")
def scan_job() -> None:
    discovery = ops.discover_op()
    inputs = [parse(discovery) for parse in PARSE_OPS.values()]
    policy_set = ops.load_policies_op()
    evaluation = ops.evaluate_op(policy_set, inputs)
    extra = ops.scanners_op(discovery)
    base = ops.diff_base_op(policy_set)
    result = ops.gate_op(discovery, policy_set, inputs, evaluation, extra, base)
    ops.publish_op(result, ops.report_op(result))


@dataclass(frozen=True)
class RunOutcome:
    result: ScanResult
    stdout: str
    run_id: str
    stderr: str = ""  # warnings: a step file not written, a PR comment not posted
    published: PublishOutcome | None = None


QUIET_LOGGING = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


def run_scan(config: ScanConfig, *, verbose: bool = False) -> RunOutcome:
    """Run the job in process: on the instance at DAGSTER_HOME when set (so the run shows
    in the Dagster UI), otherwise on an ephemeral instance. Stage errors propagate as
    the original IacGuardError."""
    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    with warnings.catch_warnings():
        if not verbose:
            warnings.simplefilter("ignore")
        run = scan_job.execute_in_process(
            instance=instance,
            resources={"settings": ScanSettings.from_config(config)},
            run_config={} if verbose else QUIET_LOGGING,
        )
    published: Published = run.output_for_node("publish_op")
    return RunOutcome(
        result=run.output_for_node("gate_op"),
        stdout=published.step.stdout,
        run_id=run.run_id,
        stderr=published.step.stderr,
        published=published.pull_request,
    )
