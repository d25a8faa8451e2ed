"""conftest compatibility: ``--namespace NAME`` (repeatable) and ``--all-namespaces``.

Policies written for conftest run unchanged, evaluated the way conftest evaluates them:

- The input is each parsed file's raw document (``ParsedDocument.raw``: for Terraform the
  shape conftest's HCL2 parser gives, ``input.resource.aws_s3_bucket.<name>``; for
  CloudFormation the template; for a plan the plan JSON), one evaluation per file. A
  file whose document is a list (several documents) is evaluated once per document.
- Rules named ``deny``/``violation`` (or ``deny_<x>``, ``violation_<x>``) fail; ``warn``
  (``warn_<x>``) warns. A result is a string (the message) or an object with a string
  ``msg``; other values are ignored. An object without ``msg`` is an error, as in conftest.
- ``exception contains rules if {...}`` with ``rules`` a list of names: when any
  exception names ``foo``, every result of ``deny_foo``/``violation_foo``/``warn_foo`` for
  that input is suppressed (a plain ``deny`` is named ``deny``).
  Suppressed results are reported as suppressed (kind ``exception``), never as findings.
- A finding's rule id is ``<namespace>.<rule>`` (``main.deny_run_as_root``) unless the
  package has a METADATA ``custom.id``. Without METADATA the severity is ``high`` for
  deny/violation and ``low`` for warn. The finding is tied to the file, at the resource
  the message names (its address, or its quoted name: ``bucket `logs` is public``) when
  that resource is in the file, else at line 1.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from iac_guard.errors import IacGuardError
from iac_guard.models import Finding, FindingKind, KindInput, Policy, Problem, Resource, Suppression
from iac_guard.policy.findings import ResourceIndex, to_finding

FAILURE = re.compile(r"^(deny|violation)(_[a-zA-Z0-9]+)*$")
WARNING = re.compile(r"^warn(_[a-zA-Z0-9]+)*$")


@dataclass(frozen=True)
class FileEvaluation:
    findings: tuple[Finding, ...] = ()
    problems: tuple[Problem, ...] = ()
    suppressed: tuple[Suppression, ...] = ()


def exception_name(rule: str) -> str:
    """The name an exception uses for ``rule``, as conftest derives it: the prefixes
    ``violation_``, ``deny_`` and ``warn_`` removed in that order (``deny_foo`` and
    ``warn_foo`` are ``foo``; a plain ``deny`` is ``deny``)."""
    for prefix in ("violation_", "deny_", "warn_"):
        rule = rule.removeprefix(prefix)
    return rule


def exceptions(values: Mapping[str, Any]) -> dict[str, int]:
    """How many times the package's ``exception`` set names each rule (conftest's
    ``data.<ns>.exception[_][_] == name``)."""
    counts: dict[str, int] = {}
    raw = values.get("exception")
    for entry in raw if isinstance(raw, list) else ():
        for name in entry if isinstance(entry, list) else ():
            if isinstance(name, str):
                counts[name] = counts.get(name, 0) + 1
    return counts


def evaluate_files(policies: Sequence[Policy], inputs: Sequence[KindInput], engine: Any) -> FileEvaluation:
    """Evaluate the conftest policies against every parsed file's raw document."""
    findings: list[Finding] = []
    problems: dict[tuple[str, str, str | None, int | None], Problem] = {}
    suppressed: list[Suppression] = []
    seen: set[str] = set()
    for kind_input in inputs:
        applicable = [p for p in policies if p.applies_to(kind_input.kind)]
        for document in kind_input.documents:
            relpath = document.source.relpath
            if not applicable or document.raw is None or relpath in seen:
                continue
            seen.add(relpath)
            locator = _Locator([r for r in kind_input.resources if r.file == relpath])
            for config in document.raw if isinstance(document.raw, list) else [document.raw]:
                try:
                    results, errors = engine.evaluate_each([p.package for p in applicable], config)
                except IacGuardError as exc:  # the engine itself failed (an OPA server down)
                    problems.setdefault((exc.code, exc.message, exc.file, exc.line), Problem(exc.code, exc.message, exc.file, exc.line))
                    continue
                for package, error in errors.items():
                    key = (package, error.message, error.file, error.line)
                    problems.setdefault(key, Problem(error.code, f"{package} (input {relpath}): {error.message}", error.file, error.line))
                for policy in applicable:
                    out = _check(policy, results.get(policy.package, {}), relpath, kind_input.kind, locator)
                    findings.extend(out.findings)
                    suppressed.extend(out.suppressed)
                    for problem in out.problems:
                        problems.setdefault((policy.package, problem.message, problem.file, problem.line), problem)
    return FileEvaluation(tuple(findings), tuple(problems.values()), tuple(suppressed))


def _check(policy: Policy, values: Mapping[str, Any], relpath: str, iac_kind: str, locator: _Locator) -> FileEvaluation:
    findings: list[Finding] = []
    problems: list[Problem] = []
    suppressed: list[Suppression] = []
    excepted = exceptions(values)
    for rule, value in sorted(values.items()):
        failure, warning = FAILURE.match(rule), WARNING.match(rule)
        if not (failure or warning) or not isinstance(value, list):
            continue
        kind = FindingKind.DENY if failure else FindingKind.WARN
        name = exception_name(rule)
        for item in value:
            if isinstance(item, dict) and not isinstance(item.get("msg"), str):
                problems.append(Problem("policy-error", f"{policy.package}.{rule}: rule result has no string msg: {item!r}", policy.file, policy.line))
                continue
            if not isinstance(item, (str, dict)):
                continue
            finding = _finding(policy, rule, item, kind, relpath, iac_kind, locator)
            if excepted.get(name):
                suppressed.append(Suppression(finding, "exception", f"exception rule names {name!r}", f"data.{policy.package}.exception"))
            else:
                findings.append(finding)
    return FileEvaluation(tuple(findings), tuple(problems), tuple(suppressed))


def _finding(policy: Policy, rule: str, item: str | dict[str, Any], kind: FindingKind, relpath: str, iac_kind: str, locator: _Locator) -> Finding:
    result = {"msg": item} if isinstance(item, str) else dict(item)
    resource = locator.find(str(result["msg"]))
    if resource is not None:
        result.setdefault("resource", resource.address)
    index = ResourceIndex([resource] if resource else [])
    finding = to_finding(policy, result, kind, index, iac_kind)
    title = policy.title if policy.title != policy.package else policy.rule_id(rule)
    finding = replace(finding, rule_id=policy.rule_id(rule), title=title)
    return finding if finding.file else replace(finding, file=relpath, line=1)


class _Locator:
    """The resource of one file a conftest message names: its address, else its name in
    quotes or backticks (unique, or unique once its type is named too)."""

    def __init__(self, resources: Sequence[Resource]) -> None:
        self.resources = list(resources)

    def find(self, message: str) -> Resource | None:
        by_address = [r for r in self.resources if r.address in message]
        if by_address:
            return max(by_address, key=lambda r: len(r.address))
        named = [r for r in self.resources if any(f"{q}{r.name}{q}" in message for q in "`\"'")]
        if len({r.address for r in named}) > 1:
            named = [r for r in named if r.type in message]
        return named[0] if len({r.address for r in named}) == 1 else None
