"""cfn-lint, in process, as a finding source: template errors (E) and warnings (W).

Informational rules (I) are left out: they are advice about style, not risk.

As a user wants it:

- One region by default: the regions the template pins itself
  (``Metadata: cfn-lint: config: regions: [...]``), else ``us-east-1``; the
  ``cfn-lint-regions`` setting (``--cfn-lint-region``, repeatable) replaces both. The
  region is never read from the environment (``AWS_REGION``), so a scan gives the same
  findings on every machine.
- With several regions, one finding per rule, resource, attribute and line (the finding's
  fingerprint and line), not one per region.
- A message longer than ``MAX_MESSAGE`` characters (cfn-lint quotes every allowed value:
  the instance types of a region run to 10,000 characters) is cut with an ellipsis; the
  whole text is the finding's ``details`` (the JSON report's ``details`` field).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from iac_guard.models import Finding, FindingKind, Problem, Severity, SourceFile
from iac_guard.parse.base import read_text
from iac_guard.scanners.base import Scanner, ScannerResult

SEVERITIES = {"error": Severity.MEDIUM, "warning": Severity.LOW}
DEFAULT_REGION = "us-east-1"
MAX_MESSAGE = 300


class CfnLintScanner(Scanner):
    name = "cfn-lint"

    def scan(self, root: Path, files: Sequence[SourceFile]) -> ScannerResult:
        from iac_guard.errors import IacGuardError

        findings: list[Finding] = []
        problems: list[Problem] = []
        for source in files:
            if source.kind != "cloudformation":
                continue
            try:
                matches = lint(read_text(source), self.options.cfn_lint_regions)
            except IacGuardError:
                continue  # the parse stage reports unreadable files
            except Exception as exc:  # cfn-lint's own failure on one template
                problems.append(Problem("scanner-error", f"cfn-lint failed: {type(exc).__name__}: {exc}", source.relpath))
                continue
            findings += deduplicated(f for f in (to_finding(m, source) for m in matches) if f is not None)
        return ScannerResult(tuple(findings), tuple(problems))


def template_regions(template: object) -> tuple[str, ...]:
    """The regions a template pins for cfn-lint (``Metadata.cfn-lint.config.regions``)."""
    if not isinstance(template, dict):
        return ()
    node: Any = template
    for key in ("Metadata", "cfn-lint", "config", "regions"):
        node = node.get(key) if isinstance(node, dict) else None
    if isinstance(node, str):
        node = [node]
    if not isinstance(node, list):
        return ()
    return tuple(str(r) for r in node if isinstance(r, str) and r.strip())


def regions_for(template: object, configured: Sequence[str]) -> list[str]:
    """The configured regions, else the template's own, else ``us-east-1``."""
    return list(configured) or list(template_regions(template)) or [DEFAULT_REGION]


def lint(text: str, configured: Sequence[str] = ()) -> list[Any]:
    """cfn-lint's matches for one template, in the regions ``regions_for`` chooses."""
    from cfnlint.api import lint as cfn_lint
    from cfnlint.decode import decode_str

    template, errors = decode_str(text)
    if errors:
        return list(errors)  # E0000 parse errors, left to the CloudFormation parser
    return list(cfn_lint(text, regions=regions_for(template, configured)))


def deduplicated(findings: Any) -> list[Finding]:
    """One finding per fingerprint and line (the same rule on the same line once, whatever
    the number of regions linted), in first-seen order."""
    seen: set[tuple[str, int]] = set()
    out: list[Finding] = []
    for f in findings:
        key = (f.fingerprint, f.line)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def capped(message: str, limit: int = MAX_MESSAGE) -> str:
    """``message`` cut to ``limit`` characters, ending with an ellipsis when cut."""
    return message if len(message) <= limit else message[: limit - 1].rstrip() + "\u2026"


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
    message = str(match.message)
    short = capped(message)
    return Finding(
        rule_id=f"cfn-lint:{rule.id}",
        title=str(rule.shortdesc),
        severity=severity,
        message=short,
        resource=resource,
        file=source.relpath,
        line=int(match.linenumber or 1),
        end_line=int(match.linenumberend or match.linenumber or 1),
        source="cfn-lint",
        kind=FindingKind.DENY,
        attribute=attribute,
        docs_url=str(getattr(rule, "source_url", "") or ""),
        iac_kind="cloudformation",
        details=message if short != message else "",
    )
