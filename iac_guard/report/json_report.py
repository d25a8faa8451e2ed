"""The JSON report: a stable schema, docs/report.schema.json (README "JSON output").

Strings are the exact values (a finding's message as the policy or scanner wrote it);
``safeout.json_text`` writes every control, ANSI, bidi and non-ASCII character as a
``\\uXXXX`` escape, so the bytes of the report hold none of them raw."""

from __future__ import annotations

from typing import Any

from iac_guard import __version__
from iac_guard.models import Finding, Notice, Problem, ScanResult, Suppression, WaiverStatus
from iac_guard.report.base import RenderOptions
from iac_guard.safeout import json_text

SCHEMA_VERSION = "1.0"


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule_id": f.rule_id,
        "title": f.title,
        "severity": f.severity.value,
        "kind": f.kind.value,
        "message": f.message,
        "resource": f.resource,
        "resource_type": f.resource_type,
        "root": f.root,
        "attribute": f.attribute,
        "file": f.file,
        "line": f.line,
        "end_line": f.end_line,
        "iac_kind": f.iac_kind,
        "source": f.source,
        "remediation": f.remediation,
        "docs_url": f.docs_url,
        "provenance": list(f.provenance),
        "fingerprint": f.fingerprint,
        "details": f.details,
    }


def problem_dict(p: Problem) -> dict[str, Any]:
    return {"code": p.code, "message": p.message, "file": p.file, "line": p.line}


def notice_dict(n: Notice) -> dict[str, Any]:
    return {"code": n.code, "message": n.message, "file": n.file, "line": n.line}


def suppression_dict(s: Suppression) -> dict[str, Any]:
    return {**finding_dict(s.finding), "suppression": {"kind": s.kind, "justification": s.justification, "origin": s.origin}}


def waiver_dict(w: WaiverStatus) -> dict[str, Any]:
    return {
        "id": w.rule, "resource": w.resource, "file": w.file, "reason": w.reason, "owner": w.owner,
        "expires": w.expires, "days_left": w.days_left, "origin": w.origin, "matched": w.matched, "state": w.state,
    }


def summary(result: ScanResult) -> dict[str, Any]:
    counts = result.counts()
    return {
        **counts,
        "total": len(result.findings),
        "failing": len(result.decision.failing),
        "files_scanned": result.files_scanned,
        "resources": result.resources,
        "policies": result.policies,
        "parse_errors": sum(1 for p in result.problems if p.code == "parse-error"),
        "errors": len(result.problems),
        "suppressed": len(result.suppressed),
        "waiver_failures": len(result.decision.waiver_failures),
    }


def document(result: ScanResult) -> dict[str, Any]:
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "iac-guard", "version": __version__},
        "verdict": result.decision.verdict,
        "fail_on": result.decision.fail_on.value,
        "exit_code": result.decision.exit_code,
        "summary": summary(result),
        "findings": [finding_dict(f) for f in result.findings],
        "suppressed": [suppression_dict(s) for s in result.suppressed],
        "errors": [problem_dict(p) for p in result.problems],
        "notices": [notice_dict(n) for n in result.notices],
        "waivers": [waiver_dict(w) for w in result.waivers],
    }


def render(result: ScanResult, options: RenderOptions) -> str:
    """The registry's render signature; the JSON report is the same whatever the options."""
    return json_text(document(result)) + "\n"
