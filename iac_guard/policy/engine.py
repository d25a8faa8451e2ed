"""The policy engine interface: an engine is given the whole PolicySet once, then
evaluates packages over one input document at a time: once per policy set and IaC kind,
never once per resource. Implementations: ``embedded`` (Regorus in process) and ``opa_server``;
the registry is ``engines.ENGINES``."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from iac_guard.errors import PolicyError

PackageResults = dict[str, dict[str, Any]]  # package -> {rule name -> value}


@dataclass(frozen=True)
class EngineOptions:
    """Settings an engine may need (the OPA server's URL)."""

    opa_url: str = "http://localhost:8181"
    timeout: float = 30.0
    policy_timeout: float | None = 60.0  # seconds one evaluation may run (None: no limit)
    workers: int = 1  # processes one evaluation may use at once (the embedded engine, with a time limit)


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
