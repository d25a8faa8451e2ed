"""The ``embedded`` engine: Regorus (microsoft/regorus, Rust) in process, through its Python
binding. Every package is evaluated in one generated query per input document."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from iac_guard.errors import EngineError, PolicyError, clean_engine_message
from iac_guard.models import PolicySet
from iac_guard.policy.deadline import QueryTimeout, eval_queries_as_json, eval_query_as_json
from iac_guard.policy.engine import Engine, EngineOptions, PackageResults
from iac_guard.policy.regorus import add_modules, policy_error


class EmbeddedEngine(Engine):
    """Regorus (microsoft/regorus, Rust) in-process through its Python binding."""

    name = "embedded"

    def __init__(
        self, policy_set: PolicySet, options: EngineOptions | None = None, *, one_query: bool = True
    ) -> None:
        """``one_query=False`` evaluates each package in its own query (benchmarks
        compare the two)."""
        import regorus  # the Rust extension: loaded when an engine is made

        self._one_query = one_query
        self._timeout = (options or EngineOptions()).policy_timeout
        self._workers = max(1, (options or EngineOptions()).workers)
        self._files = {p.package: (p.file, p.line) for p in policy_set.policies}
        self._types = {p.package: frozenset(p.resource_types) for p in policy_set.policies}
        self._timed_out: dict[str, PolicyError] = {}  # a package that ran out of time is not run again

        self._engine = regorus.Engine()
        add_modules(self._engine, policy_set.modules)  # Rego v1, else v0 per module
        if policy_set.data:
            self._engine.add_data_json(json.dumps(policy_set.data))
        self._aggregates: dict[tuple[str, ...], str] = {}

    def evaluate(self, packages: Sequence[str], input_doc: Mapping[str, Any]) -> PackageResults:
        results, errors = self.evaluate_each(packages, input_doc)
        if errors:
            raise next(iter(errors.values()))
        return results

    def evaluate_each(
        self, packages: Sequence[str], input_doc: Mapping[str, Any]
    ) -> tuple[PackageResults, dict[str, PolicyError]]:
        """All packages in one query, so the rules they share (the library's resource
        index) are computed once per input, not once per package: 2.6x faster on 26
        policies over 8,000 resources. On a large input the packages are split in one part
        per worker, each part's query in its own process at once (``EngineOptions.workers``).
        When a query fails, its part is searched for the broken package (``_evaluate_parts``),
        and the others still give their results."""
        try:
            self._engine.set_input_json(json.dumps(input_doc))  # once for every package
        except (RuntimeError, ValueError, RecursionError) as exc:  # an input the engine cannot read (the parse stage caps nesting)
            raise EngineError(f"the policy engine cannot read the input: {clean_engine_message(str(exc)).splitlines()[0] if str(exc) else type(exc).__name__}") from None
        if not packages:
            return {}, {}
        if not self._one_query or any(p in self._timed_out for p in packages):
            return self._evaluate_one_by_one(packages)
        parts = _split(packages, self._parts(packages, input_doc), self._weights(packages, input_doc))
        return self._evaluate_parts(parts)

    def _evaluate_parts(self, parts: Sequence[Sequence[str]]) -> tuple[PackageResults, dict[str, PolicyError]]:
        """Each part in one query, the parts at once. A part whose query fails is halved and
        each half evaluated again, down to single packages, so one broken policy costs a
        few queries and not one query per package of its part (each computing the library's
        shared rules again: 37 s instead of 3 s on the spine fixture's runtime-error
        policy). A part that ran out of time is evaluated one package at a time: halving
        would wait for the time limit at every level."""
        outcomes = eval_queries_as_json(self._engine, [self._aggregate_query(part) for part in parts], self._timeout)
        results: PackageResults = {}
        errors: dict[str, PolicyError] = {}
        for part, outcome in zip(parts, outcomes, strict=True):
            if isinstance(outcome, BaseException):  # a broken or endless policy in this part: find it
                if isinstance(outcome, QueryTimeout) or len(part) <= 2:
                    part_results, part_errors = self._evaluate_one_by_one(part)
                else:
                    part_results, part_errors = self._evaluate_parts(_split(part, 2))
                results.update(part_results)
                errors.update(part_errors)
                continue
            value = _first_value(json.loads(outcome))
            for package in part:
                package_value = value.get(package) if isinstance(value, dict) else None
                results[package] = package_value if isinstance(package_value, dict) else {}
        return results, errors

    def _parts(self, packages: Sequence[str], input_doc: Mapping[str, Any]) -> int:
        """How many processes evaluate ``packages`` at once: one per worker when the input
        is large enough for a second core to pay for the rules each part computes again
        (the library's shared resource index) and for a fork."""
        if self._workers <= 1 or self._timeout is None:
            return 1
        resources = input_doc.get("resources")
        size = len(resources) if isinstance(resources, list) else 0
        return max(1, min(self._workers, len(packages) // MIN_PACKAGES_PER_PART, size // MIN_RESOURCES_PER_PART))

    def _weights(self, packages: Sequence[str], input_doc: Mapping[str, Any]) -> list[float]:
        """Each package's expected share of the work, to split the packages by cost and not
        by count: a policy whose resource types the input does not hold evaluates its rules
        over empty sets (nearly free); one reading such types, or every resource (no
        ``resource_types``), does the work. On a 1,800-file tree 27 of 318 policies are of
        the second kind: split by count, the halves took 2.16 s and 1.48 s; by this weight
        1.97 s and 1.86 s (benchmarks/run.py shows the whole scan)."""
        resources = input_doc.get("resources")
        present = {r.get("type") for r in resources if isinstance(r, dict)} if isinstance(resources, list) else set()
        return [1.0 if not self._types.get(p) or not self._types[p].isdisjoint(present) else IDLE_WEIGHT for p in packages]

    def _evaluate_one_by_one(
        self, packages: Sequence[str]
    ) -> tuple[PackageResults, dict[str, PolicyError]]:
        results: PackageResults = {}
        errors: dict[str, PolicyError] = {}
        for package in packages:
            if package in self._timed_out:
                errors[package] = self._timed_out[package]
                continue
            try:
                raw = self._query(f"data.{package}")
            except RuntimeError as exc:
                errors[package] = policy_error(str(exc), None)
                continue
            except QueryTimeout:
                file, line = self._files.get(package, (None, None))
                errors[package] = self._timed_out[package] = PolicyError(
                    f"evaluation stopped after {self._timeout:g}s (policy-timeout): the policy never ends "
                    "or is far too slow for this input",
                    file=file,
                    line=line,
                )
                continue
            value = _first_value(json.loads(raw))
            results[package] = value if isinstance(value, dict) else {}
        return results, errors

    def _query(self, query: str) -> str:
        """The query's JSON result, within the time limit (see ``iac_guard.policy.deadline``)."""
        return eval_query_as_json(self._engine, query, self._timeout)

    def _aggregate_query(self, packages: Sequence[str]) -> str:
        """The query of a generated module whose one rule is an object of every
        package's value. Written in syntax both Rego v0 and v1 accept."""
        key = tuple(packages)
        name = self._aggregates.get(key)
        if name is None:
            name = f"iac_guard_internal.aggregate{len(self._aggregates)}"
            entries = ",\n".join(f"  {json.dumps(p)}: data.{p}" for p in packages)
            self._engine.add_policy(
                f"<{name}>", f"package {name}\n\nresults := {{\n{entries}\n}}\n"
            )
            self._aggregates[key] = name
        return f"data.{name}.results"


#: below these, one more process costs more than it saves (measured: 318 policies over 225
#: resources take 0.19 s in one query, 0.13 + 0.11 s in halves)
MIN_PACKAGES_PER_PART = 16
MIN_RESOURCES_PER_PART = 100


#: the weight of a policy none of whose resource types is in the input (see ``_weights``)
IDLE_WEIGHT = 0.05


def _split(packages: Sequence[str], parts: int, weights: Sequence[float] | None = None) -> list[list[str]]:
    """``packages`` in at most ``parts`` groups, in order (a library family's packages stay
    together, so the rules they share are computed in one part), each as close as it can
    be to an equal share of ``weights`` (default: equal weights, equal counts)."""
    if weights is None:
        weights = [1.0] * len(packages)
    total = sum(weights)
    out: list[list[str]] = []
    current: list[str] = []
    done = 0.0
    for index, (package, weight) in enumerate(zip(packages, weights, strict=True)):
        left = len(packages) - index  # packages still to place, this one included
        wanted = parts - len(out) - 1  # parts still to open after the current one
        share = (len(out) + 1) * total / parts  # where the current part should end
        if current and wanted and (done + weight / 2 > share or left <= wanted):
            out.append(current)
            current = []
        current.append(package)
        done += weight
    if current:
        out.append(current)
    return out


def _first_value(result: Mapping[str, Any]) -> Any:
    """The value of a query's first expression in its first row; None when undefined."""
    rows = result.get("result") or []
    if not rows:
        return None
    expressions = rows[0].get("expressions") or []
    return expressions[0].get("value") if expressions else None
