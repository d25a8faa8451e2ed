"""GitHub Actions workflow commands that annotate files in the PR diff and the run page:

    ::error file=main.tf,line=3,endLine=9,title=IAC-AWS-S3-001 (critical)::message

Escaping is GitHub's (@actions/core): in the message ``%``, CR and LF are percent-encoded;
in properties ``:`` and ``,`` are too, so no untrusted string can end a property, start
a new command or forge another line. Before that, ``safeout.printable`` makes every
control character (an ANSI sequence the log viewer would obey), bidi override and
invisible format character visible as an escape; a message keeps its line breaks. Severity maps to error (critical, high), warning
(medium) and notice (low, info); a ``warn`` rule is at most a warning. GitHub shows only
the first annotations of each type per step, so tool errors come first, then findings
from the most severe down, and after ``MAX_ANNOTATIONS`` one notice counts the rest.
"""

from __future__ import annotations

from iac_guard.models import Finding, ScanResult
from iac_guard.report.base import RenderOptions, explanation, level, plural, repo_path
from iac_guard.safeout import printable

MAX_ANNOTATIONS = 50
_COMMAND = {"error": "error", "warning": "warning", "note": "notice"}
_ORDER = {"error": 0, "warning": 1, "note": 2}


def escape_data(value: str) -> str:
    """A message: unsafe characters visible (line breaks kept, then percent-encoded), then GitHub's escaping."""
    return printable(value, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A property (file, title): unsafe characters visible, GitHub's escaping (line breaks included)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int | None) -> str:
    """One workflow command line; properties that are None or empty are left out."""
    given = [f"{key}={escape_property(str(value))}" for key, value in properties.items() if value not in (None, "")]
    props = " " + ",".join(given) if given else ""
    return f"::{name}{props}::{escape_data(message)}"


def _message(finding: Finding) -> str:
    lines = [finding.message or finding.title]
    if finding.resource:
        lines.append(f"Resource: {finding.resource}")
    lines += [f"{label.capitalize()}: {text}" for label, text in explanation(finding)]
    return "\n".join(lines)


def finding_command(finding: Finding, options: RenderOptions) -> str:
    name = _COMMAND[level(finding)]
    line = finding.line or None
    end = max(finding.end_line or 0, line or 0) or None
    return command(
        name,
        _message(finding),
        file=repo_path(finding.file, options) or None,
        line=line,
        endLine=end if line else None,
        title=f"{finding.rule_id} ({finding.severity.value}): {finding.title}",
    )


def render(result: ScanResult, options: RenderOptions) -> str:
    lines = [
        command("error", p.message, file=repo_path(p.file or "", options) or None, line=p.line, title=f"iac-guard {p.code}")
        for p in result.problems
    ]
    ordered = sorted(result.findings, key=lambda f: (_ORDER[level(f)], f.sort_key()))
    budget = max(0, MAX_ANNOTATIONS - len(lines))
    lines += [finding_command(f, options) for f in ordered[:budget]]
    rest = len(ordered) - budget
    if rest > 0:
        lines.append(
            command("notice", f"{plural(rest, 'more finding')} not annotated: see the job summary or the SARIF/JSON report.", title="iac-guard")
        )
    # notices (a path with no IaC, a remote module not scanned) after the findings: they
    # explain a result, they are not one
    lines += [
        command("notice", n.message, file=repo_path(n.file or "", options) or None, line=n.line, title=f"iac-guard {n.code}")
        for n in result.notices
    ]
    return "".join(line + "\n" for line in lines)
