"""PR mode: which findings were already there before the pull request.

``--diff-base REF`` (in the action: the PR's base SHA) scans the same paths as they are
at REF, with the same policies, variables and scanners, and returns the fingerprints of
what it finds there. A finding of the current tree with one of those fingerprints is not
new: it is reported as suppressed (kind ``existing``) and does not fail the gate, so a
PR is graded on what it introduces, not on the debt it inherits. Fingerprints leave out
line numbers (see ``Finding.fingerprint``), so a finding that only moved stays old.

The base scan is for comparison only: its parse errors and policy errors are the base's
problems, not the PR's, and are not reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from iac_guard import discover, trusted
from iac_guard.config import ScanConfig
from iac_guard.errors import ConfigError
from iac_guard.evaluate import evaluate_inputs
from iac_guard.models import PolicySet
from iac_guard.parse.registry import PARSERS, BuildOptions
from iac_guard.parse.runner import build_kind_input
from iac_guard.policy.engines import EngineOptions, create_engine
from iac_guard.scanners import ScannerOptions, run_scanners


@dataclass(frozen=True)
class BaseFindings:
    ref: str = ""
    fingerprints: frozenset[str] = frozenset()
    files: int = 0


def relative_paths(paths: tuple[str, ...], cwd: Path) -> list[str]:
    """Scan paths relative to ``cwd``, as ``git archive`` needs them."""
    out = []
    for path in paths:
        p = Path(path)
        if p.is_absolute():
            try:
                p = p.resolve().relative_to(cwd.resolve())
            except ValueError:
                raise ConfigError(f"--diff-base: {path} is outside the working directory {cwd}") from None
        out.append(p.as_posix())
    return out


def findings_at(ref: str, config: ScanConfig, policy_set: PolicySet, cwd: Path) -> BaseFindings:
    copy = trusted.extract(ref, relative_paths(config.paths, cwd), cwd)
    try:
        present = [copy.root / p for p in relative_paths(config.paths, cwd) if (copy.root / p).exists()]
        if not present:  # the paths are new in the PR: everything in them is new
            return BaseFindings(ref=ref)
        found = discover.discover(present, exclude=config.exclude, max_file_bytes=config.max_file_bytes)
        options = BuildOptions(var_files=config.var_files, vars=config.vars)
        inputs = [
            build_kind_input(kind, found.files, jobs=config.jobs, cache=config.cache, options=options) for kind in PARSERS
        ]
        engine = create_engine(config.engine, policy_set, EngineOptions(opa_url=config.opa_url))
        evaluation = evaluate_inputs(policy_set, inputs, engine)
        extra = run_scanners(config.scanners, found.root, found.files, ScannerOptions(checkov_path=config.checkov_path))
        fingerprints = frozenset(f.fingerprint for f in (*evaluation.findings, *extra.findings))
        return BaseFindings(ref=ref, fingerprints=fingerprints, files=len(found.files))
    finally:
        copy.remove()
