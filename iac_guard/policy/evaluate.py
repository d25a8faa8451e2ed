"""Evaluate a PolicySet over the normalized input of each IaC kind and turn rule results
into Findings tied to a resource, file and line.

Input contract (one document per IaC kind, see README "Policy input")::

    {"kind": "terraform", "resources": [{address, type, name, mode, module, file, line,
     end_line, values, unknown}], "files": {relpath: raw document}}
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from iac_guard.errors import IacGuardError
from iac_guard.models import (
    Finding,
    KindInput,
    PolicySet,
    Problem,
    Suppression,
)
from iac_guard.policy.conftest import evaluate_files
from iac_guard.policy.engine import Engine
from iac_guard.policy.findings import ResourceIndex, findings_for


@dataclass(frozen=True)
class Evaluation:
    findings: tuple[Finding, ...]
    problems: tuple[Problem, ...]
    suppressed: tuple[Suppression, ...] = ()  # conftest `exception` rules


def evaluate_inputs(policy_set: PolicySet, inputs: Sequence[KindInput], engine: Engine) -> Evaluation:
    """Evaluate every policy once per kind input. A policy error is a Problem, not a crash."""
    findings: list[Finding] = []
    problems: list[Problem] = []
    for kind_input in inputs:
        if not kind_input.resources and not kind_input.documents:
            continue
        policies = [p for p in policy_set.policies if p.applies_to(kind_input.kind) and not p.conftest]
        if not policies:
            continue
        try:
            results, errors = engine.evaluate_each([p.package for p in policies], kind_input.policy_input())
        except IacGuardError as exc:  # the engine itself failed (an OPA server down)
            problems.append(Problem(exc.code, exc.message, exc.file, exc.line))
            continue
        problems.extend(
            Problem(e.code, f"{package}: {e.message}", e.file, e.line) for package, e in errors.items()
        )
        index = ResourceIndex(kind_input.resources)
        for policy in policies:
            findings.extend(findings_for(policy, results.get(policy.package, {}), index, kind_input.kind))
    conftest = [p for p in policy_set.policies if p.conftest]
    if not conftest:
        return Evaluation(tuple(_dedupe(findings)), tuple(dict.fromkeys(problems)))
    per_file = evaluate_files(conftest, inputs, engine)  # conftest mode: each file's raw document
    return Evaluation(
        tuple(_dedupe([*findings, *per_file.findings])),
        tuple(dict.fromkeys([*problems, *per_file.problems])),  # a broken policy fails once per kind: say it once
        per_file.suppressed,
    )


def _dedupe(findings: Iterable[Finding]) -> list[Finding]:
    seen: set[tuple[str, str, str, str, str, int, str, str]] = set()
    out: list[Finding] = []
    for f in findings:
        key = (f.source, f.rule_id, f.resource, f.attribute, f.file, f.line, f.message, f.root)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return sorted(out, key=Finding.sort_key)
