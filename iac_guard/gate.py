"""The gate decision: pure, no I/O. Which findings fail the build at the chosen threshold.

Only ``deny``/``violation`` findings at or above ``fail_on`` fail; ``warn`` findings are
reported and never fail. Any Problem (unparseable file, broken policy) fails closed. With
``--strict-waivers`` a stale or expired waiver (or inline ignore) fails the gate too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

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
from iac_guard.suppress import SuppressionSet, review

WAIVER_FAILURES = ("stale-waiver", "waiver-expired")  # what --strict-waivers fails on


def decide(
    findings: Sequence[Finding], problems: Sequence[Problem], fail_on: Severity, waiver_failures: Sequence[Notice] = ()
) -> GateDecision:
    failing = tuple(f for f in findings if f.kind is FindingKind.DENY and f.severity.at_least(fail_on))
    return GateDecision(fail_on=fail_on, failing=failing, problems=len(problems), waiver_failures=tuple(waiver_failures))


@dataclass(frozen=True)
class GateInput:
    """What the stages before the gate produced."""

    inputs: tuple[KindInput, ...]  # the parsed input of each IaC kind (their problems and notices too)
    findings: tuple[Finding, ...]  # selected findings of every source
    problems: tuple[Problem, ...]  # discovery, policy and scanner problems
    fail_on: Severity
    rules: tuple[Policy, ...] = ()  # the policies evaluated
    files_scanned: int = 0
    notices: tuple[Notice, ...] = ()
    root: str = "."
    suppressed: tuple[Suppression, ...] = ()  # conftest exceptions
    strict_waivers: bool = False  # stale and expired waivers fail the gate


def assemble(gate: GateInput, suppressions: SuppressionSet | None = None, today: dt.date | None = None) -> ScanResult:
    """Merge what every stage produced into the ScanResult and its decision; suppressed
    findings (waivers, inline ignores, baseline, findings already at the diff base, and
    conftest exceptions) are kept apart and never fail."""
    inputs = gate.inputs
    all_problems = [p for i in inputs for p in i.problems] + list(gate.problems)
    all_notices = list(gate.notices) + [n for i in inputs for n in i.notices]
    applied = review(gate.findings, suppressions or SuppressionSet(), today or dt.date.today())
    waived, waiver_notices = applied.suppressed, list(applied.notices)
    ordered = sorted(applied.kept, key=Finding.sort_key)
    waiver_failures = [n for n in waiver_notices if n.code in WAIVER_FAILURES] if gate.strict_waivers else []
    return ScanResult(
        findings=tuple(ordered),
        problems=tuple(all_problems),
        decision=decide(ordered, all_problems, gate.fail_on, waiver_failures),
        files_scanned=gate.files_scanned,
        resources=sum(len(i.resources) for i in inputs),
        policies=len(gate.rules),
        notices=tuple(all_notices + waiver_notices),
        root=gate.root,
        suppressed=tuple(sorted([*waived, *gate.suppressed], key=lambda s: s.finding.sort_key())),
        rules=gate.rules,
        waivers=applied.waivers,
    )
