"""Thin ops: each calls one stage module. No logic lives here."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

from iac_guard import diffbase, discover, gate, report, waivers
from iac_guard.evaluate import Evaluation, evaluate_inputs
from iac_guard.github.context import GitHubContext
from iac_guard.github.publish import Published, publish_all
from iac_guard.models import KindInput, PolicySet, ScanResult
from iac_guard.orchestration.resources import ScanSettings
from iac_guard.parse.registry import BuildOptions
from iac_guard.parse.runner import build_kind_input
from iac_guard.policy.engines import EngineOptions, create_engine
from iac_guard.policy.loader import load_policies
from iac_guard.scanners import ScannerOptions, ScannerResult, run_scanners


@dg.op
def discover_op(settings: ScanSettings) -> discover.Discovery:
    config = settings.scan_config()
    return discover.discover(
        [Path(p) for p in config.paths], exclude=config.exclude, max_file_bytes=config.max_file_bytes
    )


def parse_op(kind: str) -> dg.OpDefinition:
    """One parse op per registered parser kind (``parse_terraform``, ...)."""

    @dg.op(name=f"parse_{kind}")
    def _parse(settings: ScanSettings, discovery: discover.Discovery) -> KindInput:
        config = settings.scan_config()
        options = BuildOptions(var_files=config.var_files, vars=config.vars)
        return build_kind_input(kind, discovery.files, jobs=config.jobs, cache=config.cache, options=options)

    return _parse


@dg.op
def load_policies_op(settings: ScanSettings) -> PolicySet:
    config = settings.scan_config()
    policy_set = load_policies(
        [Path(p) for p in config.policy_dirs],
        include_builtin=config.builtin_policies,
        severity_overrides=config.severity_overrides,
        namespaces=config.namespaces,
        all_namespaces=config.all_namespaces,
    )
    return config.selection().policies(policy_set)


@dg.op
def evaluate_op(settings: ScanSettings, policy_set: PolicySet, inputs: list[KindInput]) -> Evaluation:
    config = settings.scan_config()
    engine = create_engine(config.engine, policy_set, EngineOptions(opa_url=config.opa_url))
    return evaluate_inputs(policy_set, inputs, engine)


@dg.op
def scanners_op(settings: ScanSettings, discovery: discover.Discovery) -> ScannerResult:
    config = settings.scan_config()
    return run_scanners(config.scanners, discovery.root, discovery.files, ScannerOptions(checkov_path=config.checkov_path))


@dg.op
def diff_base_op(settings: ScanSettings, policy_set: PolicySet) -> diffbase.BaseFindings:
    config = settings.scan_config()
    if not config.diff_base:
        return diffbase.BaseFindings()
    return diffbase.findings_at(config.diff_base, config, policy_set, Path.cwd())


@dg.op
def gate_op(
    settings: ScanSettings,
    discovery: discover.Discovery,
    policy_set: PolicySet,
    inputs: list[KindInput],
    evaluation: Evaluation,
    extra: ScannerResult,
    base: diffbase.BaseFindings,
) -> ScanResult:
    config = settings.scan_config()
    findings = config.selection().findings(evaluation.findings + extra.findings)
    suppressions = waivers.collect(
        discovery.root,
        findings,
        waivers.resource_spans(r for i in inputs for r in i.resources),
        waivers_path=config.waivers,
        baseline_path=config.baseline,
        cwd=Path.cwd(),
        existing=base.fingerprints,
        existing_ref=base.ref,
    )
    return gate.assemble(
        inputs,
        findings,
        evaluation.problems + extra.problems,
        fail_on=config.fail_on,
        policies=len(policy_set.policies),
        files_scanned=len(discovery.files),
        notices=discovery.notices,
        root=str(discovery.root),
        suppressions=suppressions,
        suppressed=config.selection().suppressed(evaluation.suppressed),
        rules=policy_set.policies,
    )


@dg.op
def report_op(settings: ScanSettings, result: ScanResult) -> str:
    """Writes the file reports; returns the report for standard output."""
    return report.write_outputs(result, settings.scan_config(), GitHubContext.from_environ(os.environ).links)


@dg.op
def publish_op(settings: ScanSettings, result: ScanResult, stdout: str) -> Published:
    """The step's annotations, summary and outputs, the PR comment and line comments;
    never raises, never changes the exit code."""
    return publish_all(result, settings.scan_config(), GitHubContext.from_environ(os.environ), stdout)
