"""Thin ops: each calls one stage module. No logic lives here."""

from __future__ import annotations

import os

import dagster as dg

from iac_guard import diffbase, discover, pipeline, report
from iac_guard.github.context import GitHubContext
from iac_guard.github.publish import Published, publish_all
from iac_guard.models import KindInput, PolicySet, ScanResult
from iac_guard.orchestration.resources import ScanSettings
from iac_guard.policy.evaluate import Evaluation
from iac_guard.scanners import ScannerResult


@dg.op
def discover_op(settings: ScanSettings) -> discover.Discovery:
    return pipeline.find_files(settings.scan_config())


def parse_op(kind: str) -> dg.OpDefinition:
    """One parse op per registered parser kind (``parse_terraform``, ...)."""

    @dg.op(name=f"parse_{kind}")
    def _parse(settings: ScanSettings, discovery: discover.Discovery) -> KindInput:
        return pipeline.parse(kind, settings.scan_config(), discovery)

    return _parse


@dg.op
def load_policies_op(settings: ScanSettings) -> PolicySet:
    return pipeline.policies(settings.scan_config())


@dg.op
def evaluate_op(settings: ScanSettings, policy_set: PolicySet, inputs: list[KindInput]) -> Evaluation:
    return pipeline.evaluate(settings.scan_config(), policy_set, inputs)


@dg.op
def scanners_op(settings: ScanSettings, discovery: discover.Discovery) -> ScannerResult:
    return pipeline.scanners(settings.scan_config(), discovery)


@dg.op
def diff_base_op(settings: ScanSettings, policy_set: PolicySet) -> diffbase.BaseFindings:
    return diffbase.findings_at(settings.scan_config(), policy_set)


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
    return pipeline.judge(config, discovery, policy_set, inputs, evaluation, extra, base.fingerprints, base.ref)


@dg.op
def report_op(settings: ScanSettings, result: ScanResult) -> str:
    """Writes the file reports; returns the report for standard output."""
    return report.write_outputs(result, settings.scan_config(), GitHubContext.from_environ(os.environ).links)


@dg.op
def publish_op(settings: ScanSettings, result: ScanResult, stdout: str) -> Published:
    """The step's annotations, summary and outputs, the PR comment and line comments;
    never raises, never changes the exit code."""
    return publish_all(result, settings.scan_config(), GitHubContext.from_environ(os.environ), stdout)
