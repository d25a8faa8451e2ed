"""Policy engines: one interface, one registry (``ENGINES``).

An engine is given the whole PolicySet once, then evaluates packages over one input
document at a time: once per policy set and IaC kind, never once per resource.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from iac_guard.errors import PolicyError, clean_engine_message, engine_location
from iac_guard.models import PolicySet

PackageResults = dict[str, dict[str, Any]]  # package -> {rule name -> value}


@dataclass(frozen=True)
class EngineOptions:
    """Settings an engine may need (the OPA server's URL)."""

    opa_url: str = "http://localhost:8181"
    timeout: float = 30.0


class Engine(ABC):
    name: str

    @abstractmethod
    def evaluate(self, packages: Sequence[str], input_doc: Mapping[str, Any]) -> PackageResults:
        """Evaluate each package over ``input_doc``: the value of ``data.<package>``."""

    def evaluate_each(
        self, packages: Sequence[str], input_doc: Mapping[str, Any]
    ) -> tuple[PackageResults, dict[str, PolicyError]]:
        """Like ``evaluate``, but a package that fails at evaluation (a runtime error in
        its Rego) is reported on its own and the other packages still run."""
        results: PackageResults = {}
        errors: dict[str, PolicyError] = {}
        for package in packages:
            try:
                results.update(self.evaluate([package], input_doc))
            except PolicyError as exc:
                errors[package] = exc
        return results, errors


class EmbeddedEngine(Engine):
    """Regorus (microsoft/regorus, Rust) in-process through its Python binding."""

    name = "embedded"

    def __init__(
        self, policy_set: PolicySet, options: EngineOptions | None = None, *, one_query: bool = True
    ) -> None:
        """``one_query=False`` evaluates each package in its own query (benchmarks
        compare the two)."""
        import regorus

        self._one_query = one_query

        self._engine = regorus.Engine()
        self._engine.set_rego_v0(False)
        for path, source in policy_set.modules.items():
            try:
                self._engine.add_policy(path, source)
            except RuntimeError as exc:
                raise policy_error(str(exc), path) from None
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
        policies over 8,000 resources. When that query fails, each package is evaluated
        alone to tell which one is broken, and the others still give their results."""
        self._engine.set_input_json(json.dumps(input_doc))  # once for every package
        if not packages:
            return {}, {}
        if not self._one_query:
            return self._evaluate_one_by_one(packages)
        try:
            raw = self._engine.eval_query_as_json(self._aggregate_query(packages))
        except RuntimeError:
            return self._evaluate_one_by_one(packages)
        value = _first_value(json.loads(raw))
        results: PackageResults = {}
        for package in packages:
            package_value = value.get(package) if isinstance(value, dict) else None
            results[package] = package_value if isinstance(package_value, dict) else {}
        return results, {}

    def _evaluate_one_by_one(
        self, packages: Sequence[str]
    ) -> tuple[PackageResults, dict[str, PolicyError]]:
        results: PackageResults = {}
        errors: dict[str, PolicyError] = {}
        for package in packages:
            try:
                raw = self._engine.eval_query_as_json(f"data.{package}")
            except RuntimeError as exc:
                errors[package] = policy_error(str(exc), None)
                continue
            value = _first_value(json.loads(raw))
            results[package] = value if isinstance(value, dict) else {}
        return results, errors

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


def _first_value(result: Mapping[str, Any]) -> Any:
    """The value of a query's first expression in its first row; None when undefined."""
    rows = result.get("result") or []
    if not rows:
        return None
    expressions = rows[0].get("expressions") or []
    return expressions[0].get("value") if expressions else None


def policy_error(message: str, default_file: str | None) -> PolicyError:
    """A Regorus error as a PolicyError with file and line, backtrace stripped."""
    text = clean_engine_message(message)
    file, line = engine_location(text)
    summary = next(
        (ln.removeprefix("error:").strip() for ln in text.splitlines() if ln.startswith("error:")),
        text,
    )
    return PolicyError(summary or text, file=file or default_file, line=line)


ENGINES: dict[str, Callable[[PolicySet, EngineOptions | None], Engine]] = {
    "embedded": EmbeddedEngine,
}


def create_engine(name: str, policy_set: PolicySet, options: EngineOptions | None = None) -> Engine:
    from iac_guard.errors import UsageError

    try:
        factory = ENGINES[name]
    except KeyError:
        raise UsageError(f"unknown engine {name!r} (choose from: {', '.join(ENGINES)})") from None
    return factory(policy_set, options)
