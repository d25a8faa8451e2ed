"""SARIF 2.1.0, as ``github/codeql-action/upload-sarif`` and other code-scanning
consumers read it.

- One rule per policy (and per rule an extra scanner reported), with its help text,
  remediation and docs URL; ``defaultConfiguration.level`` and the
  ``security-severity`` property from the severity (GitHub maps over 9.0 to critical,
  7.0-8.9 high, 4.0-6.9 medium, up to 3.9 low; ``info`` has no security severity, so
  GitHub shows it by its level, "note").
- Result locations are repository-relative URIs under ``%SRCROOT%`` (declared in
  ``originalUriBaseIds``), with start and end lines; the resource address is the
  logical location; ``partialFingerprints`` carry the finding fingerprint (rule, file,
  resource, attribute), which does not change when lines move.
- Suppressed findings are results with ``suppressions`` (``inSource`` for inline
  ignores, ``external`` for waivers and the baseline); findings already present at the
  ``--diff-base`` revision are plain results with ``baselineState: unchanged``.
- The invocation records the exit code and every tool error or notice.
- Strings keep their exact values; ``safeout.json_text`` writes every control, ANSI,
  bidi and non-ASCII character as a ``\\uXXXX`` escape (none survives raw).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from iac_guard import __version__
from iac_guard.models import Finding, Notice, Problem, ScanResult, Severity, Suppression
from iac_guard.report.base import RenderOptions, Rule, failing, level, repo_path, rules
from iac_guard.safeout import json_text, quote_path

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "iacGuardFingerprint/v1"

SECURITY_SEVERITY: dict[Severity, str | None] = {
    Severity.CRITICAL: "9.5",
    Severity.HIGH: "8.0",
    Severity.MEDIUM: "5.5",
    Severity.LOW: "3.0",
    Severity.INFO: None,
}
_RULE_LEVEL = {Severity.CRITICAL: "error", Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "note", Severity.INFO: "note"}
_SUPPRESSION_KIND = {"inline": "inSource"}  # waivers and the baseline live outside the source: "external"


def _uri(value: str) -> str | None:
    """``value`` when it is an absolute http(s) URL, else None (helpUri must be a URI)."""
    parsed = urlparse(value.strip())
    return value.strip() if parsed.scheme in ("http", "https") and parsed.netloc else None


def _rule_name(rule: Rule) -> str:
    words = re.findall(r"[A-Za-z0-9]+", rule.title) or re.findall(r"[A-Za-z0-9]+", rule.id)
    return "".join(w[:1].upper() + w[1:] for w in words)


def _help(rule: Rule) -> dict[str, str]:
    text = [rule.description or rule.title]
    markdown = [rule.description or rule.title]
    if rule.remediation:
        text.append(f"Remediation: {rule.remediation}")
        markdown.append(f"**Remediation:** {rule.remediation}")
    if rule.docs_url:
        text.append(f"More: {rule.docs_url}")
        markdown.append(f"[Documentation]({rule.docs_url})")
    if rule.frameworks:
        text.append(f"Frameworks: {', '.join(rule.frameworks)}")
        markdown.append(f"Frameworks: {', '.join(rule.frameworks)}")
    return {"text": "\n\n".join(text), "markdown": "\n\n".join(markdown)}


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "tags": ["security", "iac", *rule.frameworks],
        "precision": "very-high" if rule.source == "rego" else "high",
        "severity": rule.severity.value,
        "source": rule.source,
    }
    score = SECURITY_SEVERITY[rule.severity]
    if score is not None:
        properties["security-severity"] = score
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": _rule_name(rule),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.description or rule.title},
        "help": _help(rule),
        "defaultConfiguration": {"level": _RULE_LEVEL[rule.severity]},
        "properties": properties,
    }
    help_uri = _uri(rule.docs_url)
    if help_uri:
        descriptor["helpUri"] = help_uri
    return descriptor


def _location(file: str | None, line: int | None, end_line: int | None, options: RenderOptions) -> dict[str, Any] | None:
    if not file:
        return None
    physical: dict[str, Any] = {"artifactLocation": {"uri": quote_path(repo_path(file, options)), "uriBaseId": SRCROOT}}
    if line:
        start = max(1, line)
        physical["region"] = {"startLine": start, "endLine": max(start, end_line or start)}
    return {"physicalLocation": physical}


def _result(finding: Finding, index: dict[str, int], blocking: bool, options: RenderOptions) -> dict[str, Any]:
    message = finding.message or finding.title or finding.rule_id
    out: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": index[finding.rule_id],
        "level": level(finding),
        "message": {"text": message},
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
    }
    location = _location(finding.file, finding.line, finding.end_line, options)
    if location is not None:
        if finding.resource:
            location["logicalLocations"] = [
                {"fullyQualifiedName": finding.resource, "name": finding.resource, "kind": "resource"}
            ]
        out["locations"] = [location]
    elif finding.resource:
        out["locations"] = [{"logicalLocations": [{"fullyQualifiedName": finding.resource, "kind": "resource"}]}]
    properties: dict[str, Any] = {
        "severity": finding.severity.value,
        "kind": finding.kind.value,
        "blocking": blocking,
        "source": finding.source,
    }
    for key, value in (("resource", finding.resource), ("resourceType", finding.resource_type), ("attribute", finding.attribute), ("iacKind", finding.iac_kind)):
        if value:
            properties[key] = value
    if finding.provenance:
        properties["provenance"] = list(finding.provenance)
    out["properties"] = properties
    return out


def _suppressed(s: Suppression, index: dict[str, int], options: RenderOptions) -> dict[str, Any]:
    out = _result(s.finding, index, False, options)
    if s.kind == "existing":
        # not suppressed, only older than the PR (--diff-base): code scanning keeps the
        # alert open and works out for itself what the PR introduced
        out["baselineState"] = "unchanged"
        out["properties"]["existingAt"] = s.origin
        return out
    out["suppressions"] = [
        {
            "kind": _SUPPRESSION_KIND.get(s.kind, "external"),
            "status": "accepted",
            "justification": s.justification,
            "properties": {"suppressedBy": s.kind, "origin": s.origin},
        }
    ]
    return out


def _notification(item: Problem | Notice, level_name: str, options: RenderOptions) -> dict[str, Any]:
    out: dict[str, Any] = {"level": level_name, "message": {"text": item.message}, "descriptor": {"id": item.code}}
    location = _location(item.file, item.line, item.line, options)
    if location is not None:
        out["locations"] = [location]
    return out


def document(result: ScanResult, options: RenderOptions) -> dict[str, Any]:
    catalog = rules(result)
    index = {rule.id: i for i, rule in enumerate(catalog)}
    fails = failing(result)
    results = [_result(f, index, f in fails, options) for f in result.findings]
    results += [_suppressed(s, index, options) for s in result.suppressed]
    notifications = [_notification(p, "error", options) for p in result.problems]
    notifications += [_notification(n, "warning", options) for n in result.notices]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "iac-guard",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [rule_descriptor(r) for r in catalog],
            }
        },
        "invocations": [
            {
                "executionSuccessful": result.decision.verdict != "error",
                "exitCode": result.decision.exit_code,
                "toolExecutionNotifications": notifications,
                "properties": {"verdict": result.decision.verdict, "failOn": result.decision.fail_on.value},
            }
        ],
        "results": results,
        "properties": {"counts": result.counts(), "failing": len(result.decision.failing)},
    }
    if options.repo_root:
        run["originalUriBaseIds"] = {SRCROOT: {"uri": Path(options.repo_root).as_uri().rstrip("/") + "/"}}
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render(result: ScanResult, options: RenderOptions) -> str:
    return json_text(document(result, options)) + "\n"
