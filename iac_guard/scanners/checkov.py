"""checkov as a finding source, run from its own environment through a subprocess.

The executable comes from ``--checkov-path``, ``$IAC_GUARD_CHECKOV``, or ``checkov`` on
PATH, never from a config file (the scanned repository controls that). It runs once over the scan root (Terraform and CloudFormation frameworks), with a
bounded timeout; its failed checks become findings with checkov's check id, file, line
range and resource address.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from iac_guard.models import Finding, FindingKind, Problem, Severity, SourceFile
from iac_guard.scanners.base import Scanner, ScannerResult

FRAMEWORKS = {"terraform": "terraform", "cloudformation": "cloudformation"}
# Credentials checkov has no use for: it reads the scanned code, which may be hostile.
SECRET_VARIABLES = frozenset({"GITHUB_TOKEN", "GH_TOKEN", "IAC_GUARD_GITHUB_TOKEN"})
SECRET_PREFIXES = ("ACTIONS_",)  # ACTIONS_RUNTIME_TOKEN, ACTIONS_ID_TOKEN_REQUEST_TOKEN, ...


def scanner_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """The environment checkov runs with: ours, less the GitHub and Actions tokens."""
    return {k: v for k, v in environ.items() if k not in SECRET_VARIABLES and not k.startswith(SECRET_PREFIXES)}


def find_checkov(explicit: str | None) -> str | None:
    candidate = explicit or "checkov"
    if os.sep in candidate:
        return candidate if os.access(candidate, os.X_OK) else None
    return shutil.which(candidate)


class CheckovScanner(Scanner):
    name = "checkov"

    def scan(self, root: Path, files: Sequence[SourceFile]) -> ScannerResult:
        kinds = sorted({FRAMEWORKS[f.kind] for f in files if f.kind in FRAMEWORKS})
        if not kinds:
            return ScannerResult()
        executable = find_checkov(self.options.checkov_path)
        if executable is None:
            return ScannerResult(
                problems=(
                    Problem(
                        "scanner-error",
                        "checkov not found: install it in its own environment (pipx install checkov) "
                        "and pass --checkov-path, or set IAC_GUARD_CHECKOV",
                    ),
                )
            )
        cmd = [executable, "-d", str(root), "--framework", *kinds, "-o", "json", "--quiet", "--compact", "--skip-download"]
        try:
            proc = subprocess.run(
                cmd, capture_output=True, text=True, timeout=self.options.timeout, check=False, env=scanner_environment(self.options.environ)
            )
        except subprocess.TimeoutExpired:
            return ScannerResult(problems=(Problem("scanner-error", f"checkov did not finish within {self.options.timeout:g} s"),))
        except OSError as exc:
            return ScannerResult(problems=(Problem("scanner-error", f"cannot run checkov: {exc.strerror}"),))
        if proc.returncode not in (0, 1):
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
            return ScannerResult(problems=(Problem("scanner-error", f"checkov exited {proc.returncode}: {tail[0]}"),))
        try:
            reports = parse_report(proc.stdout)
        except ValueError as exc:
            return ScannerResult(problems=(Problem("scanner-error", f"cannot read checkov's JSON: {exc}"),))
        wanted = {f.relpath for f in files}
        findings = [
            f for f in (to_finding(check, root, self.options.default_severity) for check in failed_checks(reports)) if f.file in wanted
        ]
        return ScannerResult(tuple(findings))


def parse_report(text: str) -> list[dict[str, Any]]:
    """checkov prints one report object, or a list of them (one per framework)."""
    stripped = text.strip()
    if not stripped:
        return []
    data = json.loads(stripped)
    if isinstance(data, dict):
        # with no IaC found checkov prints a bare summary object
        return [data] if "results" in data else []
    if isinstance(data, list):
        return [d for d in data if isinstance(d, dict)]
    raise ValueError("unexpected top-level JSON value")


def failed_checks(reports: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for report in reports:
        results = report.get("results") or {}
        out.extend(c for c in results.get("failed_checks") or [] if isinstance(c, dict))
    return out


def to_finding(check: dict[str, Any], root: Path, default: Severity) -> Finding:
    abs_path = check.get("file_abs_path") or ""
    try:
        rel = Path(abs_path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = str(check.get("file_path") or "").lstrip("/")
    start, end = [*(check.get("file_line_range") or []), 1, 1][:2]
    resource = str(check.get("resource") or "")
    iac_kind = "cloudformation" if resource.startswith("AWS::") else "terraform"
    if iac_kind == "cloudformation":
        resource = resource.rsplit(".", 1)[-1]
    try:
        severity = Severity.parse(check["severity"]) if check.get("severity") else default
    except ValueError:
        severity = default
    return Finding(
        rule_id=str(check.get("check_id") or "checkov"),
        title=str(check.get("check_name") or ""),
        severity=severity,
        message=str(check.get("check_name") or ""),
        resource=resource,
        file=rel,
        line=int(start or 1),
        end_line=int(end or start or 1),
        source="checkov",
        kind=FindingKind.DENY,
        docs_url=str(check.get("guideline") or ""),
        iac_kind=iac_kind,
    )
