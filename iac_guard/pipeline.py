"""The scan's stages as plain functions of the ScanConfig: what each Dagster op calls,
and what the ``--diff-base`` scan of the base revision calls too, so the two can never
drift apart. Each function is one stage. None reads the process environment: what comes
from outside (the policy engine, the parse cache, the environment Terraform variables are
read from, the scanners' options) arrives in ``Services``, built by the caller (the
Dagster resources, or a test)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from iac_guard import discover, gate, suppress
from iac_guard.models import Finding, KindInput, PolicySet, ScanResult
from iac_guard.parse.base import BuildOptions
from iac_guard.parse.cache import ParseCache
from iac_guard.parse.registry import PARSERS
from iac_guard.parse.runner import build_kind_input
from iac_guard.policy.engine import Engine, EngineOptions
from iac_guard.policy.engines import create_engine
from iac_guard.policy.evaluate import Evaluation, evaluate_inputs
from iac_guard.policy.loader import load_policies
from iac_guard.scanners import ScannerOptions, ScannerResult, run_scanners
from iac_guard.settings import ScanConfig


def default_engine(config: ScanConfig, policy_set: PolicySet) -> Engine:
    """The engine ``config.engine`` names, from the registry."""
    return create_engine(config.engine, policy_set, EngineOptions(opa_url=config.opa_url))


@dataclass(frozen=True)
class Services:
    """What the stages use that has a side effect or comes from the process: injected."""

    engine: Callable[[ScanConfig, PolicySet], Engine] = default_engine
    environ: Mapping[str, str] = field(default_factory=dict)  # TF_VAR_*, TF_WORKSPACE, Terraform CLI config
    scanner_options: ScannerOptions = field(default_factory=ScannerOptions)
    parse_cache: ParseCache | None = None  # parses of unchanged files (None: parse afresh)


def find_files(config: ScanConfig, paths: list[Path] | None = None) -> discover.Discovery:
    targets = paths if paths is not None else [Path(p) for p in config.paths]
    return discover.discover(targets, exclude=config.exclude, max_file_bytes=config.max_file_bytes)


def parse(kind: str, config: ScanConfig, found: discover.Discovery, services: Services) -> KindInput:
    options = BuildOptions(var_files=config.var_files, vars=config.vars, env=services.environ, download_modules=config.download_modules)
    cache = services.parse_cache if config.cache else None
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


def evaluate(config: ScanConfig, policy_set: PolicySet, inputs: list[KindInput], services: Services) -> Evaluation:
    return evaluate_inputs(policy_set, inputs, services.engine(config, policy_set))


def scanners(config: ScanConfig, found: discover.Discovery, services: Services) -> ScannerResult:
    options = replace(services.scanner_options, cfn_lint_regions=config.cfn_lint_regions)
    return run_scanners(config.scanners, found.root, found.files, options)


def findings(config: ScanConfig, policy_set: PolicySet, paths: list[Path], services: Services) -> tuple[Finding, ...]:
    """Every selected finding under ``paths``: discover, parse each kind, evaluate and run
    the scanners, as the job does (used for the ``--diff-base`` revision)."""
    found = find_files(config, paths)
    inputs = [parse(kind, config, found, services) for kind in PARSERS]
    evaluation = evaluate(config, policy_set, inputs, services)
    extra = scanners(config, found, services)
    return tuple(config.selection().findings(evaluation.findings + extra.findings))


def gate_input(
    config: ScanConfig,
    found: discover.Discovery,
    policy_set: PolicySet,
    inputs: list[KindInput],
    evaluation: Evaluation,
    extra: ScannerResult,
) -> gate.GateInput:
    """What the gate judges: the selected findings of every source and every problem."""
    selection = config.selection()
    return gate.GateInput(
        inputs=tuple(inputs),
        findings=tuple(selection.findings(evaluation.findings + extra.findings)),
        problems=found.problems + evaluation.problems + extra.problems,
        fail_on=config.fail_on,
        rules=policy_set.policies,
        files_scanned=len(found.files),
        notices=found.notices,
        root=str(found.root),
        suppressed=tuple(selection.suppressed(evaluation.suppressed)),
    )


def suppressions(
    config: ScanConfig, judged: gate.GateInput, existing: frozenset[str] = frozenset(), existing_ref: str = ""
) -> suppress.SuppressionSet:
    """Every suppression source (inline ignores, waivers, baseline, findings already at the
    diff base): reads files, and git for a trusted ref."""
    sources = suppress.SuppressionSources(
        root=Path(judged.root),
        spans=suppress.resource_spans(r for i in judged.inputs for r in i.resources),
        cwd=Path(config.cwd),
        waivers_path=config.waivers,
        baseline_path=config.baseline,
        trusted_ref=config.trusted_ref,
        existing=existing,
        existing_ref=existing_ref,
    )
    return suppress.collect(sources, judged.findings)


def judge(judged: gate.GateInput, suppression_set: suppress.SuppressionSet) -> ScanResult:
    """The gate decision (pure)."""
    return gate.assemble(judged, suppression_set)
