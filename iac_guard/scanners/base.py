"""The scanner interface: an extra finding source beside the Rego policies."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from iac_guard.models import Finding, Problem, Severity, SourceFile


@dataclass(frozen=True)
class ScannerOptions:
    checkov_path: str | None = None
    timeout: float = 900.0
    default_severity: Severity = Severity.MEDIUM  # for checkov, whose OSS results carry none
    environ: Mapping[str, str] = field(default_factory=dict)  # what checkov runs with (no tokens)
    cfn_lint_regions: tuple[str, ...] = ()  # () : each template's own region, else us-east-1


@dataclass(frozen=True)
class ScannerResult:
    findings: tuple[Finding, ...] = ()
    problems: tuple[Problem, ...] = ()


class Scanner(ABC):
    name: str

    def __init__(self, options: ScannerOptions) -> None:
        self.options = options

    @abstractmethod
    def scan(self, root: Path, files: Sequence[SourceFile]) -> ScannerResult:
        """Scan the discovered files; failures are Problems, never exceptions."""
