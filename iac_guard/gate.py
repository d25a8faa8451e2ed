"""The gate decision: pure, no I/O. Which findings fail the build at the chosen threshold.

Only ``deny``/``violation`` findings at or above ``fail_on`` fail; ``warn`` findings are
reported and never fail. Any Problem (unparseable file, broken policy) fails closed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from iac_guard.models import (
    Finding,
    FindingKind,
    GateDecision,
    KindInput,
    Notice,
    Policy,
    Problem,
    ScanResult,
    Severity,
    Suppression,
)
from iac_guard.suppress import SuppressionSet, apply


def decide(findings: Sequence[Finding], problems: Sequence[Problem], fail_on: Severity) -> GateDecision:
    failing = tuple(f for f in findings if f.kind is FindingKind.DENY and f.severity.at_least(fail_on))
    return GateDecision(fail_on=fail_on, failing=failing, problems=len(problems))


def assemble(
    inputs: Sequence[KindInput],
    findings: Sequence[Finding],
    problems: Sequence[Problem],
    *,
    fail_on: Severity,
    policies: int,
    files_scanned: int,
    notices: Sequence[Notice] = (),
    root: str = ".",
    suppressions: SuppressionSet | None = None,
    today: dt.date | None = None,
    suppressed: Sequence[Suppression] = (),
    rules: Sequence[Policy] = (),
) -> ScanResult:
    """Merge what every stage produced into the ScanResult and its decision; suppressed
    findings (waivers, inline ignores, baseline, and ``suppressed``: conftest exceptions)
    are kept apart and never fail."""
    all_problems = [p for i in inputs for p in i.problems] + list(problems)
    all_notices = list(notices) + [n for i in inputs for n in i.notices]
    kept, waived, waiver_notices = apply(findings, suppressions or SuppressionSet(), today or dt.date.today())
    ordered = sorted(kept, key=Finding.sort_key)
    return ScanResult(
        findings=tuple(ordered),
        problems=tuple(all_problems),
        decision=decide(ordered, all_problems, fail_on),
        files_scanned=files_scanned,
        resources=sum(len(i.resources) for i in inputs),
        policies=policies,
        notices=tuple(all_notices + waiver_notices),
        root=root,
        suppressed=tuple(sorted([*waived, *suppressed], key=lambda s: s.finding.sort_key())),
        rules=tuple(rules),
    )
