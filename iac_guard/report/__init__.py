"""Reporters: one module per format, each ``render(result, options) -> str``; one
registry (``FORMATTERS``) from which every list of formats shown to a user (the
``--format`` choices, the ``--<format> FILE`` options, the README table) is derived."""

from __future__ import annotations

from dataclasses import replace

from iac_guard.errors import InputError
from iac_guard.models import ScanResult
from iac_guard.report import json_report, junit, markdown, sarif, text
from iac_guard.report.annotations import (
    render as render_annotations,  # `annotations` is __future__'s name
)
from iac_guard.report.base import Format, Links, OutputSpec, RenderOptions, ReportSettings, locate
from iac_guard.safeout import write_atomic

NO_LINKS = Links()
DEFAULT_OPTIONS = RenderOptions()


def _text(result: ScanResult, options: RenderOptions) -> str:
    if options.quiet:
        return text.render_quiet(result, color=options.color)
    return text.render(result, color=options.color)


FORMATTERS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("text", _text, "the terminal report: findings by file, most severe first", file_option=False),
        Format("json", json_report.render, "the stable JSON report (schema: docs/report.schema.json)", machine_readable=True),
        Format("sarif", sarif.render, "SARIF 2.1.0 for GitHub code scanning and other SARIF consumers", machine_readable=True),
        Format("junit", junit.render, "JUnit XML: a testsuite per policy, a testcase per finding", machine_readable=True),
        Format("markdown", markdown.render, "Markdown: the PR comment / step summary body", machine_readable=True),
        Format("annotations", render_annotations, "GitHub Actions workflow commands (::error file=...::)", file_option=False, machine_readable=True),
    )
}


def options_for(result: ScanResult, config: ReportSettings, links: Links = NO_LINKS) -> RenderOptions:
    prefix, repo_root = locate(result.root)
    return RenderOptions(
        color=config.color, quiet=config.quiet, links=links, source_prefix=prefix, repo_root=repo_root, comment_key=config.comment_key
    )


def render(name: str, result: ScanResult, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    return FORMATTERS[name].render(result, options)


def write_outputs(result: ScanResult, config: ReportSettings, links: Links = NO_LINKS) -> str:
    """Write every file output; return the text for standard output."""
    options = options_for(result, config, links)
    stdout: list[str] = []
    for spec in config.outputs:
        if spec.path:
            rendered = render(spec.format, result, replace(options, color=False))
            try:
                write_atomic(spec.path, rendered)  # never a half-written report at the path
            except OSError as exc:
                raise InputError(f"cannot write {spec.format} report: {exc.strerror}", file=spec.path) from None
        else:
            stdout.append(render(spec.format, result, options))
    return "".join(stdout)


def stdout_format(outputs: tuple[OutputSpec, ...]) -> str | None:
    """The format written to standard output, if any."""
    return next((o.format for o in outputs if not o.path), None)


def stdout_for_programs(outputs: tuple[OutputSpec, ...]) -> bool:
    """Whether standard output carries a machine-readable report (``Format.machine_readable``)."""
    fmt = stdout_format(outputs)
    return fmt is not None and FORMATTERS[fmt].machine_readable


__all__ = ["FORMATTERS", "Format", "Links", "OutputSpec", "RenderOptions", "ReportSettings", "options_for", "render", "stdout_for_programs", "stdout_format", "write_outputs"]
