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

from iac_guard import gitrev, pipeline
from iac_guard.errors import ConfigError
from iac_guard.models import PolicySet
from iac_guard.settings import ScanConfig


@dataclass(frozen=True)
class BaseFindings:
    ref: str = ""
    fingerprints: frozenset[str] = frozenset()


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


def findings_at(config: ScanConfig, policy_set: PolicySet, services: pipeline.Services) -> BaseFindings:
    """The fingerprints of what the scan finds at ``config.diff_base`` (none without one)."""
    ref = config.diff_base
    if not ref:
        return BaseFindings()
    cwd = Path(config.cwd)
    wanted = relative_paths(config.paths, cwd)
    copy = gitrev.extract(ref, wanted, cwd)
    try:
        present = [copy.root / p for p in wanted if (copy.root / p).exists()]
        if not present:  # the paths are new in the PR: everything in them is new
            return BaseFindings(ref=ref)
        found = pipeline.findings(config, policy_set, present, services)
        return BaseFindings(ref=ref, fingerprints=frozenset(f.fingerprint for f in found))
    finally:
        copy.remove()
