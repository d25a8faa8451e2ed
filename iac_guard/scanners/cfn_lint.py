"""cfn-lint, in process, as a finding source: template errors (E) and warnings (W).

Informational rules (I) are left out: they are advice about style, not risk.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from iac_guard.models import Finding, FindingKind, Problem, Severity, SourceFile
from iac_guard.parse.base import read_text
from iac_guard.scanners.base import Scanner, ScannerResult

SEVERITIES = {"error": Severity.MEDIUM, "warning": Severity.LOW}


class CfnLintScanner(Scanner):
    name = "cfn-lint"

    def scan(self, root: Path, files: Sequence[SourceFile]) -> ScannerResult:
        from cfnlint.api import lint_all

        from iac_guard.errors import IacGuardError

        findings: list[Finding] = []
        problems: list[Problem] = []
        for source in files:
            if source.kind != "cloudformation":
                continue
            try:
                matches = lint_all(read_text(source))
            except IacGuardError:
                continue  # the parse stage reports unreadable files
            except Exception as exc:  # cfn-lint's own failure on one template
                problems.append(Problem("scanner-error", f"cfn-lint failed: {type(exc).__name__}: {exc}", source.relpath))
                continue
            for match in matches:
                finding = to_finding(match, source)
                if finding is not None:
                    findings.append(finding)
        return ScannerResult(tuple(findings), tuple(problems))


def to_finding(match: Any, source: SourceFile) -> Finding | None:
    rule = match.rule
    if rule.id == "E0000":
        return None  # parse errors: the CloudFormation parser reports these as errors
    severity = SEVERITIES.get(str(rule.severity).lower())
    if severity is None:
        return None
    path = list(getattr(match, "path", None) or [])
    resource = str(path[1]) if len(path) > 1 and path[0] == "Resources" else ""
    attribute = ".".join(str(p) for p in path[3:]) if len(path) > 3 and path[2] == "Properties" else ""
    return Finding(
        rule_id=f"cfn-lint:{rule.id}",
        title=str(rule.shortdesc),
        severity=severity,
        message=str(match.message),
        resource=resource,
        file=source.relpath,
        line=int(match.linenumber or 1),
        end_line=int(match.linenumberend or match.linenumber or 1),
        source="cfn-lint",
        kind=FindingKind.DENY,
        attribute=attribute,
        docs_url=str(getattr(rule, "source_url", "") or ""),
        iac_kind="cloudformation",
    )
