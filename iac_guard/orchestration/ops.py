"""Thin ops: each calls one stage of iac_guard.pipeline. No logic lives here.

The first op turns the typed run config into the one frozen ScanConfig every other op
takes as an input (built and validated once per run)."""

import dagster as dg

from iac_guard import diffbase, discover, pipeline, report
from iac_guard.gate import GateInput
from iac_guard.github.publish import Published, publish_all
from iac_guard.models import KindInput, PolicySet, ScanResult
from iac_guard.orchestration import metadata as meta
from iac_guard.orchestration.audit import record
from iac_guard.orchestration.config import ScanRunConfig, from_run_config
from iac_guard.orchestration.resources import (
    CommandLineVars,
    GitHubResource,
    HostResource,
    ParseCacheResource,
    PolicyEngineResource,
    services,
)
from iac_guard.policy.evaluate import Evaluation
from iac_guard.scanners import ScannerResult
from iac_guard.settings import ScanConfig
from iac_guard.suppress import SuppressionSet


@dg.op(description="The scan's settings, validated once (the run config is the command line's options).")
def settings_op(config: ScanRunConfig, cli_vars: dg.ResourceParam[CommandLineVars]) -> ScanConfig:
    return from_run_config(config, cli_vars.values)


@dg.op(description="Find the Terraform and CloudFormation files under the scan paths.")
def discover_op(settings: ScanConfig) -> dg.Output[discover.Discovery]:
    found = pipeline.find_files(settings)
    return dg.Output(found, metadata=meta.discovery(found))


def parse_op(kind: str) -> dg.OpDefinition:
    """One parse op per registered parser kind (``parse_terraform``, ...)."""

    @dg.op(name=f"parse_{kind}", description=f"Parse the {kind} files into the policy input.")
    def _parse(
        settings: ScanConfig, discovery: discover.Discovery, policy_engine: PolicyEngineResource, host: HostResource, parse_cache: ParseCacheResource
    ) -> dg.Output[KindInput]:
        parsed = pipeline.parse(kind, settings, discovery, services(settings, policy_engine, host, parse_cache))
        return dg.Output(parsed, metadata=meta.parsed(parsed))

    return _parse


@dg.op(description="Load the Rego policies (built-in library and --policy-dir).")
def load_policies_op(
    settings: ScanConfig, policy_engine: PolicyEngineResource, host: HostResource, parse_cache: ParseCacheResource
) -> dg.Output[PolicySet]:
    policy_set = pipeline.policies(settings, services(settings, policy_engine, host, parse_cache))
    return dg.Output(policy_set, metadata=meta.policies(policy_set))


@dg.op(description="Evaluate every policy over each IaC kind's input.")
def evaluate_op(
    settings: ScanConfig,
    discovery: discover.Discovery,
    policy_set: PolicySet,
    inputs: list[KindInput],
    policy_engine: PolicyEngineResource,
    host: HostResource,
    parse_cache: ParseCacheResource,
) -> dg.Output[Evaluation]:
    evaluation = pipeline.evaluate(settings, policy_set, inputs, services(settings, policy_engine, host, parse_cache), discovery)
    return dg.Output(evaluation, metadata=meta.evaluation(evaluation))


@dg.op(description="Run the extra scanners (cfn-lint, checkov).")
def scanners_op(settings: ScanConfig, discovery: discover.Discovery, policy_engine: PolicyEngineResource, host: HostResource, parse_cache: ParseCacheResource) -> ScannerResult:
    return pipeline.scanners(settings, discovery, services(settings, policy_engine, host, parse_cache))


@dg.op(description="PR mode: the findings already present at --diff-base.")
def diff_base_op(
    settings: ScanConfig, discovery: discover.Discovery, policy_set: PolicySet, policy_engine: PolicyEngineResource, host: HostResource, parse_cache: ParseCacheResource
) -> diffbase.BaseFindings:
    return diffbase.findings_at(settings, policy_set, services(settings, policy_engine, host, parse_cache), discovery.scope)


@dg.op(description="Merge the findings of every source and select them (--only/--skip).")
def merge_op(
    settings: ScanConfig,
    discovery: discover.Discovery,
    policy_set: PolicySet,
    inputs: list[KindInput],
    evaluation: Evaluation,
    extra: ScannerResult,
) -> GateInput:
    return pipeline.gate_input(settings, discovery, policy_set, inputs, evaluation, extra)


@dg.op(description="Collect the suppressions: inline ignores, waivers, baseline, diff base.")
def suppressions_op(settings: ScanConfig, judged: GateInput, base: diffbase.BaseFindings) -> SuppressionSet:
    return pipeline.suppressions(settings, judged, base.existing(judged.findings, judged.root), base.ref)


@dg.op(description="The gate decision (pure).")
def gate_op(judged: GateInput, suppressions: SuppressionSet) -> dg.Output[ScanResult]:
    result = pipeline.judge(judged, suppressions)
    return dg.Output(result, metadata=meta.gate(result))


@dg.op(description="The audit trail: verdict and policy-set tags on the run; on a persistent instance, the repository's inventory and findings materializations and the gate check.")
def record_op(
    context: dg.OpExecutionContext, settings: ScanConfig, policy_set: PolicySet, judged: GateInput, result: ScanResult, github: GitHubResource
) -> None:
    record(context, settings, policy_set, judged, result, github)


@dg.op(description="Write the file reports; return the report for standard output.")
def report_op(settings: ScanConfig, result: ScanResult, github: GitHubResource) -> str:
    return report.write_outputs(result, settings.report_settings(), github.context().links)


@dg.op(description="Annotations, step summary and outputs, the PR comment and line comments; never fails the scan.")
def publish_op(settings: ScanConfig, result: ScanResult, stdout: str, github: GitHubResource) -> Published:
    return publish_all(result, settings.report_settings(), github.context(), stdout, github.publisher())
