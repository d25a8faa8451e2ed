"""Reporters: one module per format, each ``render(result, color=False) -> str``; one
registry (``FORMATTERS``) from which every list of formats shown to a user is derived."""

from __future__ import annotations

from collections.abc import Callable

from iac_guard.config import ScanConfig
from iac_guard.models import ScanResult
from iac_guard.report import json_report, text

Formatter = Callable[..., str]

FORMATTERS: dict[str, Formatter] = {
    "text": text.render,
    "json": json_report.render,
}


def render(name: str, result: ScanResult, *, color: bool = False) -> str:
    return FORMATTERS[name](result, color=color)


def write_outputs(result: ScanResult, config: ScanConfig) -> str:
    """Write every file output; return the text for standard output."""
    from pathlib import Path

    from iac_guard.errors import InputError

    stdout: list[str] = []
    for spec in config.outputs:
        if spec.path:
            rendered = render(spec.format, result)
            try:
                target = Path(spec.path)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(rendered, encoding="utf-8")
            except OSError as exc:
                raise InputError(f"cannot write {spec.format} report: {exc.strerror}", file=spec.path) from None
        elif config.quiet and spec.format == "text":
            stdout.append(text.render_quiet(result, color=config.color))
        else:
            stdout.append(render(spec.format, result, color=config.color))
    return "".join(stdout)
