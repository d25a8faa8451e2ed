"""ScanConfig: every setting of a scan, frozen, built from the CLI and the config file.

Config file: ``.iac-guard.yaml`` in the working directory (or ``--config FILE``), or
``[tool.iac-guard]`` in ``pyproject.toml``. Keys use the CLI's long option names with
dashes or underscores (``fail-on``, ``policy-dir``, ``exclude``, ...). Command-line
values win over the file.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iac_guard.errors import ConfigError
from iac_guard.models import Severity

if TYPE_CHECKING:
    from iac_guard.selection import Selection

CONFIG_FILES = (".iac-guard.yaml", ".iac-guard.yml")


@dataclass(frozen=True)
class OutputSpec:
    """A report format and where it goes (None: standard output)."""

    format: str
    path: str | None = None


@dataclass(frozen=True)
class ScanConfig:
    paths: tuple[str, ...] = (".",)
    policy_dirs: tuple[str, ...] = ()
    builtin_policies: bool = True
    fail_on: Severity = Severity.HIGH
    outputs: tuple[OutputSpec, ...] = (OutputSpec("text"),)
    exclude: tuple[str, ...] = ()
    engine: str = "embedded"
    opa_url: str = "http://localhost:8181"
    jobs: int = 0  # 0: one per core
    color: bool = False
    quiet: bool = False
    max_file_bytes: int = 5 * 1024 * 1024
    cache: bool = True  # reuse parses of unchanged files (see parse/cache.py)
    scanners: tuple[str, ...] = ()  # extra finding sources: "cfn-lint", "checkov"
    checkov_path: str | None = None
    waivers: str | None = None  # waivers file (None: .iac-guard-waivers.yaml when present; "": none)
    baseline: str | None = None  # JSON report of known findings
    diff_base: str | None = None  # git revision: findings already present there are not new
    trusted_ref: str | None = None  # git revision whose checks grade the scan (command line only)
    cwd: str = "."  # the directory relative paths (waivers, baseline, git revisions) are read from
    severity_overrides: Mapping[str, Severity] = field(default_factory=dict, hash=False)
    var_files: tuple[str, ...] = ()  # Terraform --var-file, in order
    vars: tuple[str, ...] = ()  # Terraform --var NAME=VALUE, in order
    download_modules: bool = False  # fetch remote Terraform module sources (registry, git, archives)
    only: tuple[str, ...] = ()  # rule id globs to report (all when empty)
    skip: tuple[str, ...] = ()  # rule id globs not to report
    namespaces: tuple[str, ...] = ()  # conftest namespaces evaluated per file (--namespace)
    all_namespaces: bool = False  # every package of --policy-dir is a conftest namespace
    pr_comment: bool = False  # post/update the sticky PR comment (GitHub Actions, pull_request events)
    review_comments: bool = False  # line comments on the PR's changed lines
    comment_key: str = ""  # one sticky PR comment per key (several scans on one PR)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (what the Dagster resource carries)."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Severity):
                value = value.value
            elif f.name == "outputs":
                value = [{"format": o.format, "path": o.path} for o in value]
            elif f.name == "severity_overrides":
                value = {k: v.value for k, v in value.items()}
            elif isinstance(value, tuple):
                value = list(value)
            if value is not None:  # Dagster's config rejects null map members; None is the default
                out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScanConfig:
        """Build from a mapping with keys in either spelling; raise ConfigError on bad values."""
        names = {f.name for f in dataclasses.fields(cls)}
        kwargs: dict[str, Any] = {}
        for key, value in normalize(data).items():
            if key not in names:
                raise ConfigError(f"unknown setting {key.replace('_', '-')!r}")
            kwargs[key] = _coerce(key, value)
        return cls(**kwargs)

    def merged(self, **changes: Any) -> ScanConfig:
        return dataclasses.replace(self, **changes)

    def selection(self) -> Selection:
        """--only / --skip / severity-overrides, applied to every finding source."""
        from iac_guard.selection import Selection

        return Selection(self.only, self.skip, self.severity_overrides, self.scanners)


ALIASES = {
    "policy_dir": "policy_dirs",
    "path": "paths",
    "format": "outputs",
    "scanner": "scanners",
    "var_file": "var_files",
    "var": "vars",
    "namespace": "namespaces",
}


def normalize(data: Mapping[str, Any]) -> dict[str, Any]:
    """Setting names as ScanConfig fields: dashes to underscores, singular aliases resolved."""
    out: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = str(raw_key).replace("-", "_")
        out[ALIASES.get(key, key)] = value
    return out


def _coerce(key: str, value: Any) -> Any:
    try:
        if key == "fail_on":
            return Severity.parse(value)
        if key == "severity_overrides":
            if not isinstance(value, Mapping):
                raise ConfigError("severity-overrides must map policy ids to severities")
            overrides: dict[str, Severity] = {}
            for rule_id, severity in value.items():
                try:
                    overrides[str(rule_id)] = Severity.parse(severity)
                except ValueError as exc:
                    raise ConfigError(f"severity-overrides: {rule_id}: {exc}") from None
            return overrides
        if key == "outputs":
            items = value if isinstance(value, list) else [value]
            if any(isinstance(i, Mapping) and "format" not in i for i in items):
                raise ConfigError("format: each {format: NAME, path: FILE} entry needs a `format`")
            return check_outputs(tuple(
                OutputSpec(str(i["format"]), i.get("path")) if isinstance(i, Mapping) else parse_output(str(i)) for i in items
            ))
        if key in ("paths", "policy_dirs", "exclude", "scanners", "var_files", "only", "skip", "namespaces"):
            if not isinstance(value, (str, list)) or not all(isinstance(v, (str, int, float)) for v in ([value] if isinstance(value, str) else value)):
                raise ConfigError(f"{key.replace('_', '-')} must be a string or a list of strings")
            return (str(value),) if isinstance(value, str) else tuple(str(v) for v in value)
        if key == "vars":
            items = list(value) if isinstance(value, (list, tuple)) else [value]
            for item in items:
                if not isinstance(item, str) or "=" not in item or not item.partition("=")[0].strip():
                    raise ConfigError(f"var: expected NAME=VALUE, got {item!r}")
            return tuple(items)
        if key == "comment_key":
            from iac_guard.report.markdown import check_comment_key

            return check_comment_key(value)
        if key in ("jobs", "max_file_bytes"):
            return _count(key, value, minimum=0 if key == "jobs" else 1)
        if key in ("builtin_policies", "color", "quiet", "cache", "all_namespaces", "pr_comment", "review_comments", "download_modules"):
            if not isinstance(value, bool):
                raise ConfigError(f"{key.replace('_', '-')} must be true or false")
            return value
        return value
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"{key.replace('_', '-')}: {exc}") from None


def whole_number(value: Any, *, minimum: int) -> int:
    """``value`` as a whole number of at least ``minimum``; ValueError otherwise."""
    try:
        number = int(value) if isinstance(value, (int, str)) and not isinstance(value, bool) else None
    except ValueError:
        number = None
    if number is None or number < minimum:
        raise ValueError(f"must be a whole number of at least {minimum}, got {value!r}")
    return number


def _count(key: str, value: Any, *, minimum: int) -> int:
    """A setting's whole number (``jobs: 0`` is one per core)."""
    try:
        return whole_number(value, minimum=minimum)
    except ValueError as exc:
        raise ConfigError(f"{key.replace('_', '-')} {exc}") from None


def parse_output(value: str) -> OutputSpec:
    """``sarif=out.sarif`` -> a file output; ``text`` -> standard output."""
    name, sep, path = value.partition("=")
    if sep and not path.strip():
        raise ConfigError(f"format {value!r}: expected NAME=FILE")
    return OutputSpec(name.strip(), path.strip() or None)


def check_outputs(outputs: tuple[OutputSpec, ...]) -> tuple[OutputSpec, ...]:
    """Known format names only, and at most one report on standard output."""
    from iac_guard.report import FORMATTERS

    for spec in outputs:
        if spec.format not in FORMATTERS:
            raise ConfigError(f"unknown format {spec.format!r} (expected one of: {', '.join(FORMATTERS)})")
    to_stdout = [o.format for o in outputs if not o.path]
    if len(to_stdout) > 1:
        raise ConfigError(
            f"only one format can go to standard output, got {', '.join(to_stdout)}: give the others a file (sarif=out.sarif)"
        )
    by_path: dict[str, list[OutputSpec]] = {}
    for o in outputs:
        if o.path:
            by_path.setdefault(os.path.abspath(o.path), []).append(o)
    for same in by_path.values():
        if len(same) > 1:
            raise ConfigError(f"two reports would write {same[0].path}: {', '.join(o.format for o in same)}")
    return outputs


# Settings a config file must never carry: the repository being scanned controls that
# file, and these choose which program runs or which revision's checks grade the scan.
COMMAND_LINE_ONLY = {
    "checkov_path": "pass --checkov-path or set IAC_GUARD_CHECKOV",
    "trusted_ref": "pass --trusted-ref",
}

KeyPath = tuple[str | int, ...]


def load_config_file(explicit: str | None, cwd: Path, *, display: str | None = None) -> dict[str, Any]:
    """Settings from the config file, or {} when there is none. Every setting is checked
    here, so an error names the file and the line (``display`` is the name shown)."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"config file not found: {explicit}")
        candidates = [path]
    else:
        candidates = [cwd / name for name in CONFIG_FILES if (cwd / name).is_file()]
        pyproject = cwd / "pyproject.toml"
        if not candidates and pyproject.is_file():
            candidates = [pyproject]
    for path in candidates:
        name = display or (explicit if explicit else path.name)
        data, lines = _from_pyproject(path, name) if path.suffix == ".toml" else _from_yaml(path, name)
        check_file_settings(data, name, lines)
        return data
    return {}


def check_file_settings(data: Mapping[str, Any], name: str, lines: Mapping[KeyPath, int]) -> None:
    """Raise ConfigError at ``name:line`` for the first bad setting of a config file."""
    for raw_key, value in data.items():
        key = next(iter(normalize({raw_key: None})))
        line = lines.get((raw_key,))
        if key in COMMAND_LINE_ONLY:
            raise ConfigError(f"{raw_key} cannot be set in a config file: {COMMAND_LINE_ONLY[key]}", file=name, line=line)
        try:
            ScanConfig.from_dict({raw_key: value})
        except ConfigError as exc:
            raise ConfigError(exc.message, file=name, line=_culprit_line(raw_key, value, lines) or line) from None


def _culprit_line(raw_key: str, value: Any, lines: Mapping[KeyPath, int]) -> int | None:
    """The line of the entry of a mapping or list setting that fails on its own."""
    entries: list[tuple[str | int, Any]] = []
    if isinstance(value, Mapping):
        entries = [(k, {k: v}) for k, v in value.items()]
    elif isinstance(value, list):
        entries = [(i, [v]) for i, v in enumerate(value)]
    for sub, alone in entries:
        try:
            ScanConfig.from_dict({raw_key: alone})
        except ConfigError:
            return lines.get((raw_key, sub))
    return None


def _from_yaml(path: Path, name: str) -> tuple[dict[str, Any], dict[KeyPath, int]]:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text) or {}
        node = yaml.compose(text)
    except OSError as exc:
        raise ConfigError(f"cannot read the config file: {exc.strerror}", file=name) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(f"invalid YAML: {getattr(exc, 'problem', exc)}", file=name, line=mark.line + 1 if mark else None) from None
    if not isinstance(data, dict):
        raise ConfigError("the config file must be a mapping", file=name, line=1)
    lines: dict[KeyPath, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            lines[(key_node.value,)] = key_node.start_mark.line + 1
            if isinstance(value_node, yaml.MappingNode):
                for sub_key, _ in value_node.value:
                    lines[(key_node.value, sub_key.value)] = sub_key.start_mark.line + 1
            elif isinstance(value_node, yaml.SequenceNode):
                for index, item in enumerate(value_node.value):
                    lines[(key_node.value, index)] = item.start_mark.line + 1
    return data, lines


def _from_pyproject(path: Path, name: str) -> tuple[dict[str, Any], dict[KeyPath, int]]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef,unused-ignore]
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise ConfigError(f"cannot read the config file: {exc.strerror}", file=name) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", file=name) from None
    section = data.get("tool", {}).get("iac-guard", {})
    if not isinstance(section, dict):
        raise ConfigError("[tool.iac-guard] must be a table", file=name)
    return section, _toml_key_lines(text, section)


def _toml_key_lines(text: str, section: Mapping[str, Any]) -> dict[KeyPath, int]:
    """Lines of the [tool.iac-guard] keys (``key = ...`` in the table, or a sub-table
    ``[tool.iac-guard.key]``): TOML parsers keep no positions, so this reads the text."""
    import re

    lines: dict[KeyPath, int] = {}
    table: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"\s*\[\s*([^\]]+?)\s*\]\s*(?:#.*)?$", line)
        if header:
            table = header.group(1).replace('"', "").replace("'", "").replace(" ", "")
            sub = table.removeprefix("tool.iac-guard.")
            if table.startswith("tool.iac-guard.") and sub in section:
                lines.setdefault((sub,), number)
            continue
        assignment = re.match(r"\s*[\"']?([\w.-]+?)[\"']?\s*=", line)
        if assignment and table == "tool.iac-guard" and assignment.group(1) in section:
            lines.setdefault((assignment.group(1),), number)
    return lines
