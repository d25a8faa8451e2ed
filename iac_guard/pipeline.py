"""The scan's stages as plain functions of the ScanConfig: what each Dagster op calls,
and what the ``--diff-base`` scan of the base revision calls too, so the two can never
drift apart. Each function is one stage. None reads the process environment: what comes
from outside (the policy engine, the parse cache, the environment Terraform variables are
read from, the scanners' options) arrives in ``Services``, built by the caller (the
Dagster resources, or a test)."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from iac_guard import audit, discover, gate, gitrev, prscope, reads, suppress
from iac_guard.models import Finding, KindInput, Notice, PolicySet, ScanResult
from iac_guard.parse.base import BuildOptions
from iac_guard.parse.cache import ParseCache
from iac_guard.parse.registry import PARSERS
from iac_guard.parse.runner import build_kind_input, worker_count
from iac_guard.policy.engine import Engine, EngineOptions
from iac_guard.policy.engines import create_engine
from iac_guard.policy.evaluate import Evaluation, evaluate_inputs
from iac_guard.policy.loader import load_policies
from iac_guard.resultcache import ResultCache, source_records
from iac_guard.scanners import ScannerOptions, ScannerResult, run_scanners
from iac_guard.settings import ScanConfig


def default_engine(config: ScanConfig, policy_set: PolicySet) -> Engine:
    """The engine ``config.engine`` names, from the registry."""
    options = EngineOptions(opa_url=config.opa_url, policy_timeout=config.policy_timeout, workers=worker_count(config.jobs))
    return create_engine(config.engine, policy_set, options)


@dataclass(frozen=True)
class Services:
    """What the stages use that has a side effect or comes from the process: injected."""

    engine: Callable[[ScanConfig, PolicySet], Engine] = default_engine
    environ: Mapping[str, str] = field(default_factory=dict)  # TF_VAR_*, TF_WORKSPACE, Terraform CLI config
    scanner_options: ScannerOptions = field(default_factory=ScannerOptions)
    parse_cache: ParseCache | None = None  # parses of unchanged files (None: parse afresh)
    # inputs and evaluations of unchanged files (None: build and evaluate afresh)
    result_cache: ResultCache | None = None


def host_services(
    config: ScanConfig,
    environ: Mapping[str, str],
    *,
    engine: Callable[[ScanConfig, PolicySet], Engine] = default_engine,
    parse_cache: Callable[[], ParseCache] | None = None,
    result_cache: Callable[[], ResultCache] | None = None,
) -> Services:
    """The Services of a scan run on this host: the process environment less the GitHub and
    Actions tokens (what Terraform variables and the scanners read), checkov from the
    settings or IAC_GUARD_CHECKOV, and the caches (made only when ``config.cache``). The
    Dagster resources and the prefetch (``iac_guard.prefetch``) both build theirs here, so
    the two agree on every cache key."""
    from iac_guard.scanners.checkov import scanner_environment

    env = scanner_environment(environ)  # never the GitHub or Actions tokens
    checkov = config.checkov_path or env.get("IAC_GUARD_CHECKOV") or None
    return Services(
        engine=engine,
        environ=env,
        scanner_options=ScannerOptions(checkov_path=checkov, environ=env),
        parse_cache=parse_cache() if config.cache and parse_cache is not None else None,
        result_cache=result_cache() if config.cache and result_cache is not None else None,
    )


def pr_scope(config: ScanConfig) -> prscope.Scope | None:
    """What a ``--diff-base`` run scans (None: everything; see ``iac_guard.prscope``)."""
    if not config.diff_base or config.diff_scope != "changed":
        return None
    cwd = Path(config.cwd)
    repo = gitrev.repo_root(cwd).resolve()
    anchors = []
    for item in (*config.policy_dirs, *config.var_files, *(p for p in (config.waivers, config.baseline) if p)):
        path = Path(item) if Path(item).is_absolute() else cwd / item
        try:
            anchors.append(path.resolve().relative_to(repo).as_posix())
        except ValueError:
            continue  # outside the repository: not part of the change
    return prscope.compute(config.diff_base, repo, anchors)


def find_files(
    config: ScanConfig, paths: list[Path] | None = None, *, scope: prscope.Scope | None = None, repo: Path | None = None
) -> discover.Discovery:
    """The files under ``paths`` (default: the scan paths). With ``--diff-base`` (and for the
    current tree, when ``paths`` is None) only those ``scope`` keeps; ``repo`` is the
    directory the repository is at (the current one's, or a copy of the base)."""
    targets = paths if paths is not None else [Path(p) for p in config.paths]
    found = discover.discover(targets, exclude=config.exclude, max_file_bytes=config.max_file_bytes)
    if paths is None:
        scope = pr_scope(config)
    found = replace(found, scope=scope)
    if scope is None or scope.full:
        return found
    try:
        prefix = found.root.relative_to((repo or scope.repo).resolve()).as_posix()
    except ValueError:
        return found  # the scan root is outside the repository: nothing to compare with
    prefix = "" if prefix == "." else prefix
    kept = tuple(f for f in found.files if scope.keeps(posixpath.join(prefix, f.relpath), f.kind))
    left_out = len(found.files) - len(kept)
    if not left_out:
        return found
    note = Notice("pr-scope", f"{left_out} of {len(found.files)} files not scanned: their root modules and templates are the same at {scope.ref} (--diff-scope all scans them)")
    return replace(found, files=kept, notices=(*found.notices, note))


def parse(kind: str, config: ScanConfig, found: discover.Discovery, services: Services, *, reuse: bool = True) -> KindInput:
    """The input of one IaC kind. With the results cache on: read back (slim, see
    ``KindInput.complete``) when no file its last build read has changed, else built and
    stored; ``reuse`` False always builds (the evaluate stage needs the whole input)."""
    options = BuildOptions(var_files=config.var_files, vars=config.vars, env=services.environ, download_modules=config.download_modules)
    cache = services.parse_cache if config.cache else None
    results = services.result_cache if config.cache else None
    files = [f for f in found.files if f.kind == kind]
    key = results.input_key(kind, files, options) if results is not None else None
    if results is None or key is None:
        return build_kind_input(kind, found.files, jobs=config.jobs, cache=cache, options=options)
    if reuse:
        hit = results.get_input(key)
        if hit is not None:
            return hit
    sources = source_records(files)  # hashed before the build: a file changed meanwhile misses next time
    with reads.recording() as recorder:
        built = build_kind_input(kind, found.files, jobs=config.jobs, cache=cache, options=options)
    if not recorder.complete:
        return built
    manifest = tuple(sorted({*sources, *recorder.manifest()}))
    built = replace(built, digest=results.input_digest(key, manifest))
    results.put_input(key, built, manifest)
    results.prune()
    return built


def policies(config: ScanConfig, services: Services | None = None) -> PolicySet:
    """The policy set after ``--only``/``--skip`` (unselected policies are not evaluated).
    With the results cache (in ``services``) on: read back while no policy file, data file
    or directory it was loaded from changed."""
    dirs = [Path(p) for p in config.policy_dirs]

    def load() -> PolicySet:
        return load_policies(
            dirs,
            include_builtin=config.builtin_policies,
            severity_overrides=config.severity_overrides,
            namespaces=config.namespaces,
            all_namespaces=config.all_namespaces,
            relative_to=Path(config.cwd),
            allow_builtins=config.allow_builtins,
        )

    results = services.result_cache if services is not None and config.cache else None
    if results is None:
        return config.selection().policies(load())
    key = results.policies_key([
        repr((config.builtin_policies, sorted(config.severity_overrides.items()), config.namespaces, config.all_namespaces, config.allow_builtins)),
        str(Path(config.cwd).resolve()),
        *(str(p.resolve()) for p in dirs),
    ])
    policy_set = results.get_policies(key)
    if policy_set is None:
        with reads.recording() as recorder:
            policy_set = load()
        if recorder.complete:
            results.put_policies(key, policy_set, recorder.manifest())
    return config.selection().policies(policy_set)


def evaluation_cached(config: ScanConfig) -> bool:
    """Whether the results cache keeps evaluations made with these settings: not an OPA
    server's (its state is not ours), nor any with builtins that read the clock."""
    return config.engine == "embedded" and not config.allow_builtins


def _evaluation_key(config: ScanConfig, policy_set: PolicySet, inputs: list[KindInput], results: ResultCache) -> str | None:
    if not evaluation_cached(config):
        return None
    parts = (audit.policy_set_hash(policy_set), repr(policy_set.policies), config.engine, str(config.policy_timeout))
    return results.evaluation_key(parts, inputs)


def evaluate(
    config: ScanConfig, policy_set: PolicySet, inputs: list[KindInput], services: Services, found: discover.Discovery | None = None
) -> Evaluation:
    """Every policy over the inputs: from the results cache when these policies already
    evaluated inputs built from the same files. An input read back from the cache
    (incomplete) is rebuilt from ``found`` when it must be evaluated."""
    results = services.result_cache if config.cache else None
    key = _evaluation_key(config, policy_set, inputs, results) if results is not None else None
    if results is not None and key is not None:
        hit = results.get_evaluation(key)
        if hit is not None:
            return hit
    if any(not i.complete for i in inputs):
        if found is None:
            raise ValueError("evaluate: an input read back from the results cache needs the discovery to be rebuilt")
        # an input without documents has nothing to rebuild (nor to evaluate)
        rebuilt = [i if i.complete or not i.documents else parse(i.documents[0].source.kind, config, found, services, reuse=False) for i in inputs]
        if [i.digest for i in rebuilt] != [i.digest for i in inputs]:
            key = None  # a file changed since the parse stage: evaluate, but store nothing
        inputs = rebuilt
    evaluation = evaluate_inputs(policy_set, inputs, services.engine(config, policy_set))
    if results is not None and key is not None:
        results.put_evaluation(key, evaluation)
    return evaluation


def scanners(config: ScanConfig, found: discover.Discovery, services: Services) -> ScannerResult:
    options = replace(services.scanner_options, cfn_lint_regions=config.cfn_lint_regions)
    return run_scanners(config.scanners, found.root, found.files, options)


def findings_of(config: ScanConfig, policy_set: PolicySet, found: discover.Discovery, services: Services) -> tuple[Finding, ...]:
    """Every selected finding of the discovered files: parse each kind, evaluate and run
    the scanners, as the job does (used for the ``--diff-base`` revision)."""
    inputs = [parse(kind, config, found, services) for kind in PARSERS]
    evaluation = evaluate(config, policy_set, inputs, services, found)
    extra = scanners(config, found, services)
    return tuple(config.selection().findings(evaluation.findings + extra.findings))


def findings(config: ScanConfig, policy_set: PolicySet, paths: list[Path], services: Services) -> tuple[Finding, ...]:
    """Every selected finding under ``paths``."""
    return findings_of(config, policy_set, find_files(config, paths), services)


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
        strict_waivers=config.strict_waivers,
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
