"""OPA METADATA annotations, parsed from Rego source ourselves.

Regorus does not expose ``rego.metadata``, so we read the ``# METADATA`` comment blocks:
YAML in comments, directly above the ``package`` line (package scope) or a rule (rule
scope), as OPA documents them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from iac_guard.errors import PolicyError

PACKAGE_RE = re.compile(r"^\s*package\s+([A-Za-z_][\w.]*(?:\[\"[^\"]+\"\])*)", re.MULTILINE)
RULE_HEAD_RE = re.compile(r"^([A-Za-z_]\w*)\b")


@dataclass(frozen=True)
class Annotation:
    """One METADATA block and what it annotates."""

    line: int  # line of the "# METADATA" comment
    target: str  # "package" or the rule name
    target_line: int
    data: dict[str, Any] = field(hash=False, compare=False)


@dataclass(frozen=True)
class RegoModule:
    """What iac-guard needs to know of one .rego file without compiling it."""

    path: str
    package: str
    package_line: int
    annotations: tuple[Annotation, ...]
    rules: dict[str, int] = field(hash=False, compare=False)  # rule name -> first line
    # every top-level rule head in file order: (name, line, text after the name), so
    # callers can tell ``test_x if``, ``test_x[k] if`` and a function ``test_x(a)`` apart
    heads: tuple[tuple[str, int, str], ...] = field(default=(), hash=False, compare=False)


def scan_module(source: str, path: str) -> RegoModule:
    """Find the package, the top-level rules and the METADATA blocks of a Rego file."""
    lines = source.splitlines()
    package = ""
    package_line = 0
    annotations: list[Annotation] = []
    rules: dict[str, int] = {}
    heads: list[tuple[str, int, str]] = []
    pending: tuple[int, dict[str, Any]] | None = None
    i = 0
    while i < len(lines):
        text = lines[i]
        stripped = text.strip()
        if stripped == "# METADATA":
            start = i + 1
            body: list[str] = []
            i += 1
            while i < len(lines) and lines[i].lstrip().startswith("#"):
                comment = lines[i].lstrip()[1:]
                body.append(comment[1:] if comment.startswith(" ") else comment)
                i += 1
            pending = (start, _parse_yaml("\n".join(body), path, start + 1))
            continue
        if not stripped or stripped.startswith("#"):
            i += 1
            continue
        if text[:1].isspace():  # inside a rule body
            i += 1
            continue
        match = PACKAGE_RE.match(text)
        if match and not package:
            package = match.group(1)
            package_line = i + 1
            if pending:
                annotations.append(Annotation(pending[0], "package", i + 1, pending[1]))
                pending = None
        else:
            head = RULE_HEAD_RE.match(text)
            if head and head.group(1) not in ("import", "package", "default", "else"):
                rules.setdefault(head.group(1), i + 1)
                heads.append((head.group(1), i + 1, text[head.end() :].lstrip()))
                if pending:
                    annotations.append(Annotation(pending[0], head.group(1), i + 1, pending[1]))
            elif head and head.group(1) == "default":
                name = text.split()[1] if len(text.split()) > 1 else ""
                rules.setdefault(name, i + 1)
            pending = None
        i += 1
    if not package:
        raise PolicyError("no package declaration", file=path, line=1)
    return RegoModule(path, package, package_line, tuple(annotations), rules, tuple(heads))


#: libyaml's loader when PyYAML has it (the built-in library's METADATA loads ~10x faster)
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse_yaml(text: str, path: str, line: int) -> dict[str, Any]:
    try:
        try:
            data = yaml.load(text, Loader=_FAST_LOADER) or {}
        except yaml.YAMLError:
            data = yaml.safe_load(text) or {}  # the pure-Python loader's error, same everywhere
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = line + mark.line if mark is not None else line
        raise PolicyError(f"METADATA is not valid YAML: {getattr(exc, 'problem', exc)}", file=path, line=at) from None
    if not isinstance(data, dict):
        raise PolicyError("METADATA must be a YAML mapping", file=path, line=line)
    return data
