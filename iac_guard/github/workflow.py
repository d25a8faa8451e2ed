"""What a scan does to its own GitHub Actions step: annotations, the step summary and the
step outputs. Nothing here talks to the API, and nothing here changes the exit code: a
step file that cannot be written is a warning.

- Annotations (workflow commands) go to standard output after the text report, or to
  standard error when standard output carries a machine-readable report, so
  ``--format json | jq`` keeps working.
- The text report quotes the scanned code, so it is wrapped in ``::stop-commands::``:
  a value such as ``"\\n::add-mask::..."`` in a Terraform file cannot run as a command.
- ``$GITHUB_STEP_SUMMARY`` gets the markdown report (up to GitHub's 1 MiB).
- ``$GITHUB_OUTPUT`` gets verdict, exit-code, counts and the path of every report file.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from iac_guard.config import ScanConfig
from iac_guard.github.context import GitHubContext
from iac_guard.models import ScanResult
from iac_guard.report import json_report, markdown, options_for, stdout_format
from iac_guard.report.annotations import render as render_annotations

# formats whose every untrusted string is escaped onto one line: no stop-commands needed
LINE_SAFE_FORMATS = frozenset({"json", "sarif", "markdown", "annotations"})


@dataclass(frozen=True)
class StepOutput:
    """What the scan prints: standard output and standard error."""

    stdout: str
    stderr: str = ""


def finish(result: ScanResult, config: ScanConfig, context: GitHubContext, stdout: str) -> StepOutput:
    """Add annotations, the step summary and step outputs when running in GitHub Actions."""
    if not context.actions:
        return StepOutput(stdout)
    options = options_for(result, config, context.links)
    fmt = stdout_format(config.outputs)
    if stdout and fmt not in LINE_SAFE_FORMATS:
        token = secrets.token_hex(16)
        stdout = f"::stop-commands::{token}\n{stdout}{'' if stdout.endswith(chr(10)) else chr(10)}::{token}::\n"
    warnings: list[str] = []
    if context.step_summary:
        body = markdown.render_body(result, options, markdown.STEP_SUMMARY_LIMIT)
        warnings += _append(context.step_summary, body + "\n", "step summary")
    if context.output:
        warnings += _append(context.output, step_outputs(result, config), "step outputs")
    step = StepOutput(stdout, "".join(f"iac-guard: warning: {w}\n" for w in warnings))
    return with_commands(step, "" if fmt == "annotations" else render_annotations(result, options), config)


def with_commands(step: StepOutput, commands: str, config: ScanConfig) -> StepOutput:
    """Workflow commands go to standard output unless it carries a machine-readable
    report, then to standard error (GitHub reads commands from both)."""
    if stdout_format(config.outputs) in (None, "text", "junit"):
        return StepOutput(step.stdout + commands, step.stderr)
    return StepOutput(step.stdout, step.stderr + commands)


def step_outputs(result: ScanResult, config: ScanConfig) -> str:
    """``name=value`` lines for ``$GITHUB_OUTPUT`` (a heredoc for a value with a newline)."""
    values: dict[str, str] = {
        "verdict": result.decision.verdict,
        "exit-code": str(result.decision.exit_code),
    }
    values.update({k.replace("_", "-"): str(v) for k, v in json_report.summary(result).items()})
    for spec in config.outputs:
        if spec.path:
            values[spec.format] = str(Path(spec.path).resolve())
    lines = []
    for name, value in values.items():
        if "\n" in value or "\r" in value:
            delimiter = f"IAC_GUARD_{secrets.token_hex(8)}"
            lines.append(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")
        else:
            lines.append(f"{name}={value}\n")
    return "".join(lines)


def _append(path: str, text: str, what: str) -> list[str]:
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        return [f"cannot write the {what} to {path}: {exc.strerror}"]
    return []

