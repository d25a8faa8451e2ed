"""PR mode: which findings were already there before the pull request.

``--diff-base REF`` (in the action: the PR's base SHA) scans the same paths as they are
at REF, with the same policies, variables and scanners, and returns what it finds there.
A finding of the current tree that was found at REF too is not new: it is reported as
suppressed (kind ``existing``) and does not fail the gate, so a PR is graded on what it
introduces, not on the debt it inherits.

Findings are matched by what they are, never by how the scan paths were spelt or where
the scan root lies: rule, source, the file relative to the REPOSITORY root, the resource,
the attribute and (for Terraform) the root module's directory relative to the repository.
``.``, ``infra``, ``./infra/``, an absolute path, several paths of which some are new in
the PR, or a working directory below the repository root all match alike. Line numbers
are left out, so code that only moved inside its file stays old; a Terraform resource
whose root module is known is matched by its address in that root (unique there) instead
of its file, so a resource moved to another file of its module, or a module moved to
another directory with the same call, stays old too, while a module file instantiated by a
root that did not call it before is new there.

Only the root modules and templates the change can affect are scanned, at both
revisions (``iac_guard.prscope``; ``--diff-scope all`` scans everything twice).

The base scan is for comparison only: its parse errors and policy errors are the base's
problems, not the PR's, and are not reported.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from iac_guard import gitrev, pipeline, prscope
from iac_guard.errors import ConfigError
from iac_guard.models import Finding, PolicySet
from iac_guard.settings import ScanConfig

MatchKey = tuple[str, ...]


@dataclass(frozen=True)
class BaseFindings:
    ref: str = ""
    keys: frozenset[MatchKey] = frozenset()  # match keys (see ``match_keys``) of the base's findings
    repo: str = ""  # the repository root of the current tree

    def existing(self, findings: Iterable[Finding], scan_root: Path | str) -> frozenset[str]:
        """The fingerprints of those of ``findings`` (reported relative to ``scan_root``)
        that were already found at the base."""
        if not self.ref or not self.keys:
            return frozenset()
        prefix = repo_prefix(Path(scan_root), Path(self.repo))
        return frozenset(f.fingerprint for f in findings if any(k in self.keys for k in match_keys(f, prefix)))


def repo_prefix(scan_root: Path, repo: Path) -> str:
    """``scan_root`` relative to ``repo`` ("" when it is the repository root)."""
    try:
        rel = scan_root.resolve().relative_to(repo.resolve()).as_posix()
    except ValueError:
        raise ConfigError(f"--diff-base: the scan root {scan_root} is outside the repository {repo}") from None
    return "" if rel == "." else rel


def _in_repo(prefix: str, path: str) -> str:
    joined = posixpath.normpath(posixpath.join(prefix, path)) if path else prefix
    return "" if joined == "." else joined


def match_keys(finding: Finding, prefix: str) -> tuple[MatchKey, ...]:
    """The keys a finding is matched to the base by, paths made repository-relative by
    ``prefix`` (the scan root relative to the repository). A Terraform finding whose root
    module is known: by its address in that root (unique there, wherever in the root's
    files or modules it is written; the same module file instantiated by another root is
    another resource). Any other: by its file."""
    base = (finding.source, finding.rule_id, finding.resource, finding.attribute)
    if finding.root:
        return (("root", *base, _in_repo(prefix, finding.root)),)
    return (("file", *base, _in_repo(prefix, finding.file) if finding.file else ""),)


def relative_paths(paths: tuple[str, ...], cwd: Path) -> list[str]:
    """Scan paths relative to ``cwd``, as ``git archive`` needs them (normalised: ``.``,
    ``./infra/`` and an absolute path inside ``cwd`` all become plain relative paths)."""
    out = []
    for path in paths:
        p = Path(path)
        if p.is_absolute():
            try:
                p = p.resolve().relative_to(cwd.resolve())
            except ValueError:
                raise ConfigError(f"--diff-base: {path} is outside the working directory {cwd}") from None
        norm = posixpath.normpath(p.as_posix())
        if norm == ".." or norm.startswith("../"):
            raise ConfigError(f"--diff-base: {path} is outside the working directory {cwd}")
        out.append(norm)
    return out


def findings_at(config: ScanConfig, policy_set: PolicySet, services: pipeline.Services, scope: prscope.Scope | None) -> BaseFindings:
    """What the scan finds at ``config.diff_base`` (nothing without one), within ``scope``:
    the PR scope the current tree's discovery used (``Discovery.scope``), so both sides
    keep the same root modules and templates and git is asked once."""
    ref = config.diff_base
    if not ref:
        return BaseFindings()
    cwd = Path(config.cwd)
    repo = gitrev.repo_root(cwd).resolve()
    wanted = relative_paths(config.paths, cwd)
    copy = gitrev.extract(ref, wanted, cwd, keep=scope.reads if scope is not None and not scope.full else None)
    try:
        present = [copy.root / p for p in wanted if (copy.root / p).exists()]
        if not present:  # the paths are new in the PR: everything in them is new
            return BaseFindings(ref=ref, repo=str(repo))
        found = pipeline.find_files(config, present, scope=scope, repo=copy.directory)
        prefix = repo_prefix(found.root, copy.directory)
        # the copy is in a new temporary directory each run: results cached under its paths
        # would never be read again (its parses, keyed by relative path, still are)
        base_services = replace(services, result_cache=None)
        keys = {k for f in pipeline.findings_of(config, policy_set, found, base_services) for k in match_keys(f, prefix)}
        return BaseFindings(ref=ref, keys=frozenset(keys), repo=str(repo))
    finally:
        copy.remove()
