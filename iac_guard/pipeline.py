"""The scan's stages as plain functions of the ScanConfig: what each Dagster op calls,
and what the ``--diff-base`` scan of the base revision calls too, so the two can never
drift apart. Each function is one stage; none reads the process environment."""

from __future__ import annotations

import os
from pathlib import Path

from iac_guard import discover, gate, waivers
from iac_guard.config import ScanConfig
from iac_guard.evaluate import Evaluation, evaluate_inputs
from iac_guard.models import Finding, KindInput, PolicySet, ScanResult
from iac_guard.parse.base import BuildOptions
from iac_guard.parse.cache import ParseCache
from iac_guard.parse.registry import PARSERS
from iac_guard.parse.runner import build_kind_input
from iac_guard.policy.engines import EngineOptions, create_engine
from iac_guard.policy.loader import load_policies
from iac_guard.scanners import ScannerOptions, ScannerResult, run_scanners


def find_files(config: ScanConfig, paths: list[Path] | None = None) -> discover.Discovery:
    targets = paths if paths is not None else [Path(p) for p in config.paths]
    return discover.discover(targets, exclude=config.exclude, max_file_bytes=config.max_file_bytes)


def parse(kind: str, config: ScanConfig, found: discover.Discovery) -> KindInput:
    # TODO(issue 9): the environment is read here until the Dagster resource and the CLI pass it in
    options = BuildOptions(var_files=config.var_files, vars=config.vars, env=os.environ)
    cache = ParseCache.from_environ(os.environ) if config.cache else None
    return build_kind_input(kind, found.files, jobs=config.jobs, cache=cache, options=options)


def policies(config: ScanConfig) -> PolicySet:
    """The policy set after ``--only``/``--skip`` (unselected policies are not evaluated)."""
    policy_set = load_policies(
        [Path(p) for p in config.policy_dirs],
        include_builtin=config.builtin_policies,
        severity_overrides=config.severity_overrides,
        namespaces=config.namespaces,
        all_namespaces=config.all_namespaces,
        relative_to=Path(config.cwd),
    )
    return config.selection().policies(policy_set)


def evaluate(config: ScanConfig, policy_set: PolicySet, inputs: list[KindInput]) -> Evaluation:
    engine = create_engine(config.engine, policy_set, EngineOptions(opa_url=config.opa_url))
    return evaluate_inputs(policy_set, inputs, engine)


def scanners(config: ScanConfig, found: discover.Discovery) -> ScannerResult:
    return run_scanners(config.scanners, found.root, found.files, ScannerOptions(checkov_path=config.checkov_path))


def findings(config: ScanConfig, policy_set: PolicySet, paths: list[Path]) -> tuple[Finding, ...]:
    """Every selected finding under ``paths``: discover, parse each kind, evaluate and run
    the scanners, as the job does (used for the ``--diff-base`` revision)."""
    found = find_files(config, paths)
    inputs = [parse(kind, config, found) for kind in PARSERS]
    evaluation = evaluate(config, policy_set, inputs)
    extra = scanners(config, found)
    return tuple(config.selection().findings(evaluation.findings + extra.findings))


def judge(
    config: ScanConfig,
    found: discover.Discovery,
    policy_set: PolicySet,
    inputs: list[KindInput],
    evaluation: Evaluation,
    extra: ScannerResult,
    existing: frozenset[str] = frozenset(),
    existing_ref: str = "",
) -> ScanResult:
    """Selection, suppressions (inline, waivers, baseline, findings present at the diff
    base) and the gate decision."""
    selection = config.selection()
    selected = selection.findings(evaluation.findings + extra.findings)
    suppressions = waivers.collect(
        found.root,
        selected,
        waivers.resource_spans(r for i in inputs for r in i.resources),
        waivers_path=config.waivers,
        baseline_path=config.baseline,
        cwd=Path(config.cwd),
        existing=existing,
        existing_ref=existing_ref,
        trusted_ref=config.trusted_ref,
    )
    return gate.assemble(
        inputs,
        selected,
        found.problems + evaluation.problems + extra.problems,
        fail_on=config.fail_on,
        policies=len(policy_set.policies),
        files_scanned=len(found.files),
        notices=found.notices,
        root=str(found.root),
        suppressions=suppressions,
        suppressed=selection.suppressed(evaluation.suppressed),
        rules=policy_set.policies,
    )
