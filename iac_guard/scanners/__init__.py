"""Extra finding sources beside the Rego policies: one interface, one registry (``SCANNERS``).

- ``cfn-lint``: AWS's CloudFormation linter, in process (its errors and warnings).
- ``checkov``: run from its OWN environment through a subprocess. checkov depends on
  bc-python-hcl2, which overwrites python-hcl2's files, so it must never share
  iac-guard's environment and is not a dependency of iac-guard (install it with
  ``pipx install checkov`` or into a separate venv, and point ``--checkov-path`` at it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from iac_guard.models import Finding, Problem, SourceFile
from iac_guard.scanners.base import Scanner, ScannerOptions, ScannerResult
from iac_guard.scanners.cfn_lint import CfnLintScanner
from iac_guard.scanners.checkov import CheckovScanner


@dataclass(frozen=True)
class ScannerKind:
    """A registered scanner: how to make it, and how its rule ids start (so ``--only``
    can tell a glob that may select its findings from one that selects nothing)."""

    factory: Callable[[ScannerOptions], Scanner]
    rule_prefixes: tuple[str, ...]


SCANNERS: dict[str, ScannerKind] = {
    "cfn-lint": ScannerKind(CfnLintScanner, ("cfn-lint:",)),
    "checkov": ScannerKind(CheckovScanner, ("CKV_", "CKV2_")),
}


def run_scanners(names: Sequence[str], root: Path, files: Sequence[SourceFile], options: ScannerOptions) -> ScannerResult:
    findings: list[Finding] = []
    problems: list[Problem] = []
    for name in names:
        kind = SCANNERS.get(name)
        if kind is None:
            problems.append(Problem("usage-error", f"unknown scanner {name!r} (choose from: {', '.join(SCANNERS)})"))
            continue
        result = kind.factory(options).scan(root, files)
        findings.extend(result.findings)
        problems.extend(result.problems)
    return ScannerResult(tuple(findings), tuple(problems))


__all__ = ["SCANNERS", "Scanner", "ScannerKind", "ScannerOptions", "ScannerResult", "run_scanners"]
