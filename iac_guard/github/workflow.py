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
- An error that stops the run before any report (a broken policy, a bad config file or
  argument) still leaves its mark: an ``::error`` annotation at its file and line, one
  line in the step summary and ``verdict=error`` / ``exit-code`` in the step outputs
  (``report_error``).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from iac_guard.errors import IacGuardError
from iac_guard.github.context import GitHubContext
from iac_guard.models import ScanResult
from iac_guard.report import json_report, markdown, options_for, stdout_for_programs, stdout_format
from iac_guard.report.annotations import command
from iac_guard.report.annotations import render as render_annotations
from iac_guard.report.base import ReportSettings, repo_root_of
from iac_guard.safeout import printable


@dataclass(frozen=True)
class StepOutput:
    """What the scan prints: standard output and standard error."""

    stdout: str
    stderr: str = ""


def finish(result: ScanResult, config: ReportSettings, context: GitHubContext, stdout: str) -> StepOutput:
    """Add annotations, the step summary and step outputs when running in GitHub Actions."""
    if not context.actions:
        return StepOutput(stdout)
    options = options_for(result, config, context.links)
    if stdout and not stdout_for_programs(config.outputs):
        token = secrets.token_hex(16)
        stdout = f"::stop-commands::{token}\n{stdout}{'' if stdout.endswith(chr(10)) else chr(10)}::{token}::\n"
    warnings: list[str] = []
    if context.step_summary:
        body = markdown.render_body(result, options, markdown.STEP_SUMMARY_LIMIT)
        warnings += _append(context.step_summary, body + "\n", "step summary")
    if context.output:
        warnings += _append(context.output, step_outputs(result, config), "step outputs")
    step = StepOutput(stdout, "".join(f"iac-guard: warning: {w}\n" for w in warnings))
    annotations = "" if stdout_format(config.outputs) == "annotations" else render_annotations(result, options)
    return with_commands(step, annotations, config)


def with_commands(step: StepOutput, commands: str, config: ReportSettings) -> StepOutput:
    """Workflow commands go to standard output unless it carries a machine-readable
    report, then to standard error (GitHub reads commands from both)."""
    if stdout_for_programs(config.outputs):
        return StepOutput(step.stdout, step.stderr + commands)
    return StepOutput(step.stdout + commands, step.stderr)


def report_error(error: BaseException, exit_code: int, context: GitHubContext, cwd: Path) -> StepOutput:
    """The step's record of an error that ended the run before any report: an ``::error``
    annotation (at the error's file and line when it has them) on standard error, a line
    in the step summary, and ``verdict=error`` with the exit code in the step outputs."""
    if not context.actions:
        return StepOutput("")
    file = line = None
    if isinstance(error, IacGuardError):
        message, file, line = error.message, _repo_relative(error.file, cwd), error.line
    else:
        message = f"internal error: {type(error).__name__}: {error}"
    warnings: list[str] = []
    if context.step_summary:
        where = f" ({markdown.escape(f'{file}:{line}' if file and line else file, 300)})" if file else ""
        summary = f"## \u26d4 iac-guard: error \u2014 the scan did not run\n\n{markdown.escape(message, 2000)}{where}\n\n"
        warnings += _append(context.step_summary, summary, "step summary")
    if context.output:
        warnings += _append(context.output, _output_lines({"verdict": "error", "exit-code": str(exit_code)}), "step outputs")
    annotation = command("error", message, file=file, line=line, title="iac-guard error") + "\n"
    return StepOutput("", annotation + "".join(f"iac-guard: warning: {w}\n" for w in warnings))


def _repo_relative(file: str | None, cwd: Path) -> str | None:
    """A path an error names, relative to its repository's root as annotations need; as
    given when it is no file under a repository."""
    if not file:
        return None
    path = (cwd / file).resolve()
    repo = repo_root_of(str(path.parent)) if path.exists() else None
    return path.relative_to(repo).as_posix() if repo else file


def step_outputs(result: ScanResult, config: ReportSettings) -> str:
    """``name=value`` lines for ``$GITHUB_OUTPUT`` (a heredoc for a value with a newline)."""
    values: dict[str, str] = {
        "verdict": result.decision.verdict,
        "exit-code": str(result.decision.exit_code),
    }
    values.update({k.replace("_", "-"): str(v) for k, v in json_report.summary(result).items()})
    for spec in config.outputs:
        if spec.path:
            values[spec.format] = str(Path(spec.path).resolve())
    return _output_lines(values)


def _output_lines(values: dict[str, str]) -> str:
    """``name=value`` lines; a value (a report path from a config file) is one printable
    line (``safeout.printable``), so it can neither start another output nor hide text."""
    lines = []
    for name, raw in values.items():
        value = printable(raw)
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

