"""ScanConfig: every setting of a scan, frozen, built from the CLI and the config file.

Config file: ``.iac-guard.yaml`` in the working directory (or ``--config FILE``), or
``[tool.iac-guard]`` in ``pyproject.toml``. Keys use the CLI's long option names with
dashes or underscores (``fail-on``, ``policy-dir``, ``exclude``, ...). Command-line
values win over the file.
"""

from __future__ import annotations

import atexit
import dataclasses
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iac_guard import gitrev
from iac_guard.errors import ConfigError, shown, shown_key
from iac_guard.models import Severity
from iac_guard.policy.capabilities import RESTRICTED_BUILTINS
from iac_guard.policy.engines import ENGINES
from iac_guard.report import FORMATTERS
from iac_guard.report.base import OutputSpec, ReportSettings
from iac_guard.report.markdown import check_comment_key
from iac_guard.scanners import SCANNERS
from iac_guard.selection import Selection
from iac_guard.suppress import WAIVERS_FILE, key_lines, key_nodes, read_yaml

CONFIG_FILES = (".iac-guard.yaml", ".iac-guard.yml")


@dataclass(frozen=True)
class Option:
    """How a ScanConfig field is offered: the one source for the command-line flag, the
    config-file key, the Dagster run-config field and their help text."""

    help: str
    flag: str | None = None  # the command-line flag ("--fail-on"); None: not on the command line
    metavar: str | None = None
    repeat: bool = False  # a flag given once per value (append)
    negated: bool = False  # a boolean whose flag turns it off (--no-cache)
    flag_help: str | None = None  # the flag's own help when it differs (a negated flag)
    in_file: bool = True  # may be set in a config file
    choices: str | None = None  # the registry whose names are the choices ("severities", "engines", "scanners")
    short: str | None = None  # a one-letter alias ("-q")
    minimum: int | None = None  # a whole number of at least this


def setting(default: Any, option: Option, **kwargs: Any) -> Any:
    """A ScanConfig field with its Option."""
    if isinstance(default, (dict, list)):
        return field(default_factory=lambda: type(default)(default), metadata={"option": option}, **kwargs)
    return field(default=default, metadata={"option": option}, **kwargs)


def option_of(f: dataclasses.Field[Any]) -> Option:
    option = f.metadata.get("option")
    assert isinstance(option, Option), f"ScanConfig.{f.name} has no Option"
    return option


@dataclass(frozen=True)
class ScanConfig:
    """Every setting of a scan. Built once (command line + config file, or the Dagster run
    config) and passed down; nothing below reads the environment."""

    paths: tuple[str, ...] = setting((".",), Option("files or directories to scan (default: .)", flag="PATH", repeat=True))
    policy_dirs: tuple[str, ...] = setting((), Option("extra Rego policy directory (repeatable)", flag="--policy-dir", metavar="DIR", repeat=True))
    builtin_policies: bool = setting(True, Option("load the built-in policy library", flag="--no-builtin-policies", negated=True, flag_help="do not load the built-in policy library"))
    fail_on: Severity = setting(Severity.HIGH, Option("lowest severity that fails the gate (default: high)", flag="--fail-on", choices="severities"))
    outputs: tuple[OutputSpec, ...] = setting((OutputSpec("text"),), Option("reports: NAME (standard output) or NAME=FILE, e.g. sarif=out.sarif"))
    exclude: tuple[str, ...] = setting((), Option("skip matching files or directories (repeatable)", flag="--exclude", metavar="GLOB", repeat=True))
    engine: str = setting("embedded", Option("policy engine: embedded Regorus (default) or a running OPA server (opa)", flag="--engine", choices="engines"))
    opa_url: str = setting("http://localhost:8181", Option("OPA server for --engine opa (default: http://localhost:8181)", flag="--opa-url", metavar="URL"))
    jobs: int = setting(0, Option("parser and policy-evaluation processes (default 0: one per core)", flag="--jobs", metavar="N", minimum=0))
    color: bool = setting(False, Option("colour the text report", in_file=False))
    quiet: bool = setting(False, Option("print only failing findings and the verdict", flag="--quiet", short="-q"))
    max_file_bytes: int = setting(5 * 1024 * 1024, Option("an IaC file larger than this is an error, not scanned (default: 5 MiB)", flag="--max-file-bytes", metavar="N", minimum=1))
    cache: bool = setting(True, Option("reuse parses, inputs and evaluations of unchanged files", flag="--no-cache", negated=True, flag_help="parse, build and evaluate every file afresh (default: reuse parses, inputs and evaluations of unchanged files)"))
    scanners: tuple[str, ...] = setting((), Option("also run this scanner (repeatable)", flag="--scanner", repeat=True, choices="scanners"))
    cfn_lint_regions: tuple[str, ...] = setting((), Option("cfn-lint: lint for this AWS region (repeatable; default: the template's own region, else us-east-1)", flag="--cfn-lint-region", metavar="REGION", repeat=True))
    checkov_path: str | None = setting(None, Option("checkov executable in its own environment (default: $IAC_GUARD_CHECKOV or PATH)", flag="--checkov-path", metavar="PATH", in_file=False))
    waivers: str | None = setting(None, Option("waivers file (default: .iac-guard-waivers.yaml when present)", flag="--waivers", metavar="FILE"))
    baseline: str | None = setting(None, Option("JSON report of known findings: those are reported as suppressed, not failing", flag="--baseline", metavar="FILE"))
    diff_base: str | None = setting(None, Option("PR mode: findings already present at this git revision are reported as existing, not failing (auto: what a push changes: pre-commit's PRE_COMMIT_FROM_REF, else @{upstream}, else a full scan)", flag="--diff-base", metavar="REF"))
    diff_scope: str = setting("changed", Option("--diff-base: scan only the root modules and templates the change can affect (changed, default) or everything at both revisions (all)", flag="--diff-scope", choices="diff-scopes"))
    trusted_ref: str | None = setting(None, Option("read config, --policy-dir, waivers and baseline as they are at this git revision (PR base)", flag="--trusted-ref", metavar="REF", in_file=False))
    cwd: str = setting(".", Option("the directory relative paths (waivers, baseline, git revisions) are read from", in_file=False))
    severity_overrides: Mapping[str, Severity] = setting({}, Option("policy id -> severity, replacing the policy's own"), hash=False)
    var_files: tuple[str, ...] = setting((), Option("Terraform variables file for root modules (repeatable; after *.auto.tfvars)", flag="--var-file", metavar="FILE", repeat=True))
    vars: tuple[str, ...] = setting((), Option("Terraform variable value for root modules (repeatable; wins over --var-file)", flag="--var", metavar="NAME=VALUE", repeat=True))
    download_modules: bool = setting(False, Option("fetch remote Terraform module sources (registry, git, HTTP archives) into the cache and scan them", flag="--download-modules"))
    only: tuple[str, ...] = setting((), Option("report only rules whose id matches this glob (repeatable)", flag="--only", metavar="ID", repeat=True))
    skip: tuple[str, ...] = setting((), Option("do not report rules whose id matches this glob (repeatable)", flag="--skip", metavar="ID", repeat=True))
    namespaces: tuple[str, ...] = setting((), Option("conftest mode: evaluate this package's deny/violation/warn rules against each file (repeatable)", flag="--namespace", metavar="NAME", repeat=True))
    all_namespaces: bool = setting(False, Option("conftest mode for every package of the --policy-dir directories", flag="--all-namespaces"))
    pr_comment: bool = setting(False, Option("GitHub Actions: create or update the one iac-guard comment on the pull request", flag="--pr-comment"))
    review_comments: bool = setting(False, Option("GitHub Actions: comment on the PR's changed lines that have findings", flag="--review-comments"))
    comment_key: str = setting("", Option("keep a PR comment of its own for this key (several scans on one PR, e.g. one per directory)", flag="--comment-key", metavar="KEY"))
    strict_waivers: bool = setting(False, Option("stale waivers (matching no finding), expired waivers and inline ignores matching nothing fail the gate", flag="--strict-waivers"))
    allow_builtins: tuple[str, ...] = setting((), Option("let policies call this restricted builtin (I/O, clock, randomness), e.g. time.now_ns (repeatable)", flag="--allow-builtin", metavar="NAME", repeat=True, choices="builtins"))
    policy_timeout: int = setting(60, Option("seconds one policy evaluation may run before the scan stops it with an error (default: 60)", flag="--policy-timeout", metavar="SECONDS", minimum=1))
    config_file: str = setting("auto", Option(
        "Dagster runs: the config file read under these settings when the run starts, as the command line does "
        "(auto: .iac-guard.yaml or [tool.iac-guard] in pyproject.toml in cwd; a path, relative to cwd; empty: none). "
        "A setting left at its default takes the file's value",
        in_file=False,
    ))

    @classmethod
    def options(cls) -> dict[str, Option]:
        """Every field's Option, in declaration order."""
        return {f.name: option_of(f) for f in dataclasses.fields(cls)}

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

    def report_settings(self) -> ReportSettings:
        """What the report and publish stages read."""
        return ReportSettings(
            outputs=self.outputs,
            color=self.color,
            quiet=self.quiet,
            comment_key=self.comment_key,
            pr_comment=self.pr_comment,
            review_comments=self.review_comments,
        )

    def merged(self, **changes: Any) -> ScanConfig:
        return dataclasses.replace(self, **changes)

    def selection(self) -> Selection:
        """--only / --skip / severity-overrides, applied to every finding source."""
        return Selection(self.only, self.skip, self.severity_overrides, self.scanners)


OPTIONS = ScanConfig.options()
FIELD_TYPES = {f.name: str(f.type) for f in dataclasses.fields(ScanConfig)}
CHOICES: dict[str, tuple[str, ...]] = {
    "severities": tuple(s.value for s in Severity.ordered()),
    "engines": tuple(ENGINES),
    "scanners": tuple(SCANNERS),
    "diff-scopes": ("changed", "all"),
    "builtins": tuple(RESTRICTED_BUILTINS),
}

ALIASES = {
    "policy_dir": "policy_dirs",
    "path": "paths",
    "format": "outputs",
    "scanner": "scanners",
    "var_file": "var_files",
    "var": "vars",
    "namespace": "namespaces",
    "allow_builtin": "allow_builtins",
    "cfn_lint_region": "cfn_lint_regions",
}


def normalize(data: Mapping[str, Any]) -> dict[str, Any]:
    """Setting names as ScanConfig fields: dashes to underscores, singular aliases resolved."""
    out: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = str(raw_key).replace("-", "_")
        out[ALIASES.get(key, key)] = value
    return out


def _coerce(key: str, value: Any) -> Any:
    name = key.replace("_", "-")
    try:
        if key == "fail_on":
            return _severity(name, value)
        if key == "severity_overrides":
            if not isinstance(value, Mapping):
                raise ConfigError(f"severity-overrides must map policy ids to severities, got {shown(value)}")
            overrides: dict[str, Severity] = {}
            for rule_id, severity in value.items():
                if not isinstance(rule_id, str):
                    raise ConfigError(f"severity-overrides: policy ids are strings, got {shown(rule_id)}")
                overrides[rule_id] = _severity(f"severity-overrides: {rule_id}", severity)
            return overrides
        if key == "outputs":
            return _outputs(value)
        if key == "vars":
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, (list, tuple)):
                raise ConfigError(f"var must be a NAME=VALUE string or a list of them, got {shown(value)}")
            for item in items:
                if not isinstance(item, str) or "=" not in item or not item.partition("=")[0].strip():
                    raise ConfigError(f"var: expected NAME=VALUE, got {shown(item)}")
            return tuple(items)
        if key == "comment_key":
            if not isinstance(value, str):
                raise ConfigError(f"comment-key must be a string, got {shown(value)}")
            return check_comment_key(value)
        if key not in FIELD_TYPES:
            raise ConfigError(f"unknown setting {name!r}")
        return _typed(key, value)
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"{name}: {exc}") from None


def _severity(name: str, value: Any) -> Severity:
    names = ", ".join(s.value for s in Severity.ordered())
    if not isinstance(value, (str, Severity)):
        raise ConfigError(f"{name} must be a severity ({names}), got {shown(value)}")
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise ConfigError(f"{name}: {exc}") from None


_OUTPUT_KEYS = ("format", "path")


def _outputs(value: Any) -> tuple[OutputSpec, ...]:
    items = value if isinstance(value, list) else [value]
    specs: list[OutputSpec] = []
    for item in items:
        if isinstance(item, Mapping):
            unknown = [k for k in item if k not in _OUTPUT_KEYS]
            if unknown:
                raise ConfigError(f"format: unknown key {shown_key(unknown[0])} in {{format: NAME, path: FILE}}")
            if "format" not in item:
                raise ConfigError("format: each {format: NAME, path: FILE} entry needs a `format`")
            fmt, path = item.get("format"), item.get("path")
            if not isinstance(fmt, str) or not (path is None or isinstance(path, str)):
                raise ConfigError(f"format: `format` and `path` must be strings, got {shown(fmt if not isinstance(fmt, str) else path)}")
            specs.append(OutputSpec(fmt, path or None))
        elif isinstance(item, str):
            specs.append(parse_output(item))
        else:
            raise ConfigError(f"format: expected NAME, NAME=FILE or {{format: NAME, path: FILE}}, got {shown(item)}")
    return check_outputs(tuple(specs))


def _typed(key: str, value: Any) -> Any:
    """A setting's value checked against its field's type (and its Option's choices and
    minimum): nothing of another type gets through (a YAML date where a path belongs)."""
    name = key.replace("_", "-")
    kind = FIELD_TYPES[key]
    option = OPTIONS[key]
    if kind == "bool":
        if not isinstance(value, bool):
            raise ConfigError(f"{name} must be true or false, got {shown(value)}")
        return value
    if kind == "int":
        return _count(key, value, minimum=option.minimum or 0)
    if kind == "tuple[str, ...]":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)):
            raise ConfigError(f"{name} must be a string or a list of strings, got {shown(value)}")
        wrong = [v for v in items if not (isinstance(v, str) or (isinstance(v, (int, float)) and not isinstance(v, bool)))]
        if wrong:
            raise ConfigError(f"{name} must be a string or a list of strings, got {shown(wrong[0])} in the list")
        values = tuple(str(v) for v in items)
    elif kind in ("str", "str | None"):
        if not isinstance(value, str):
            hint = f" (the waivers file's path; the waivers themselves go in {WAIVERS_FILE})" if key == "waivers" else ""
            raise ConfigError(f"{name} must be a string{hint}, got {shown(value)}")
        values = (value,)
    else:  # pragma: no cover - a new field type needs a rule here
        raise ConfigError(f"{name}: unsupported setting type {kind}")
    allowed = CHOICES.get(option.choices or "")
    for item in values:
        if allowed is not None and item not in allowed:
            raise ConfigError(f"{name}: unknown value {item!r} (choose from: {', '.join(allowed)})")
    return values if kind == "tuple[str, ...]" else values[0]


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
    except ValueError:
        given = repr(value) if isinstance(value, (int, str)) and not isinstance(value, bool) else shown(value)
        raise ConfigError(f"{key.replace('_', '-')} must be a whole number of at least {minimum}, got {given}") from None


def parse_output(value: str) -> OutputSpec:
    """``sarif=out.sarif`` -> a file output; ``text`` -> standard output."""
    name, sep, path = value.partition("=")
    if sep and not path.strip():
        raise ConfigError(f"format {value!r}: expected NAME=FILE")
    return OutputSpec(name.strip(), path.strip() or None)


def check_outputs(outputs: tuple[OutputSpec, ...]) -> tuple[OutputSpec, ...]:
    """Known format names only, and at most one report on standard output."""
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
    name: f"pass {option.flag}" + (" or set IAC_GUARD_CHECKOV" if name == "checkov_path" else "")
    for name, option in ScanConfig.options().items()
    if not option.in_file and option.flag
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
    """Raise ConfigError at ``name:line`` for the first bad setting of a config file:
    a key that is not a setting's name, a setting given twice, a command-line-only
    setting, or a value of the wrong type or out of range."""
    seen: dict[str, Any] = {}
    for raw_key, value in data.items():
        line = lines.get((raw_key,))
        if not isinstance(raw_key, str):
            raise ConfigError(f"setting names are strings, got {shown(raw_key)}", file=name, line=line)
        key = next(iter(normalize({raw_key: None})))
        if key in seen:
            raise ConfigError(f"{raw_key} is set twice (also as {seen[key]})", file=name, line=line)
        seen[key] = raw_key
        if key in COMMAND_LINE_ONLY:
            raise ConfigError(f"{raw_key} cannot be set in a config file: {COMMAND_LINE_ONLY[key]}", file=name, line=line)
        if key in OPTIONS and not OPTIONS[key].in_file:
            raise ConfigError(f"unknown setting {raw_key!r}", file=name, line=line)
        try:
            ScanConfig.from_dict({raw_key: value})
        except ConfigError as exc:
            culprit = _culprit_line(raw_key, value, lines) if _is_collection(key) else None
            named = re.search(rf"(?<![\w-]){re.escape(raw_key.replace('_', '-'))}(?![\w-])", exc.message.replace("_", "-"))
            message = exc.message if named else f"{raw_key}: {exc.message}"  # the message names the key as written
            raise ConfigError(message, file=name, line=culprit or line) from None


def _is_collection(key: str) -> bool:
    """A setting whose value is a list or a mapping (an entry of it can be at fault)."""
    return key == "outputs" or FIELD_TYPES.get(key, "").startswith(("tuple", "Mapping"))


def _culprit_line(raw_key: str, value: Any, lines: Mapping[KeyPath, int]) -> int | None:
    """The line of the entry of a mapping or list setting that fails on its own."""
    entries: list[tuple[Any, Any]] = []
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


def yaml_lines(node: Any, name: str) -> dict[KeyPath, int]:
    """Lines of a YAML document's top-level keys and of their entries (sub-keys, list
    items), keyed as ``yaml.safe_load`` builds them (a key written ``2027-01-01`` is a
    date). A key given twice in one mapping is a ConfigError at its second line."""
    import yaml

    lines: dict[KeyPath, int] = {}
    for key, line, value_node in key_nodes(node, name):
        lines[(key,)] = line
        for sub, sub_line in key_lines(value_node, name, f"{key}: ").items():
            lines[(key, sub)] = sub_line
        if isinstance(value_node, yaml.SequenceNode):
            for index, item in enumerate(value_node.value):
                lines[(key, index)] = item.start_mark.line + 1
    return lines


def _from_yaml(path: Path, name: str) -> tuple[dict[str, Any], dict[KeyPath, int]]:
    data, node = read_yaml(path, name, "the config file")
    if not isinstance(data, dict):
        raise ConfigError(f"the config file must be a mapping of settings, got {shown(data)}", file=name, line=1)
    return data, yaml_lines(node, name)


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
    except UnicodeDecodeError:
        raise ConfigError("the config file is not UTF-8 text", file=name) from None
    except RecursionError:
        raise ConfigError("the config file nests too deeply to be read (arrays or tables inside each other)", file=name) from None
    except tomllib.TOMLDecodeError as exc:
        import re

        at = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        raise ConfigError(f"invalid TOML: {exc}", file=name, line=int(at.group(1)) if at else None) from None
    section = data.get("tool", {}).get("iac-guard", {})
    if not isinstance(section, dict):
        raise ConfigError("[tool.iac-guard] must be a table", file=name)
    return section, _toml_key_lines(text, section)


def _toml_key_lines(text: str, section: Mapping[str, Any]) -> dict[KeyPath, int]:
    """Lines of the [tool.iac-guard] keys (``key = ...`` in the table, a sub-table
    ``[tool.iac-guard.key]`` or ``[[tool.iac-guard.key]]``, a dotted ``key.sub = ...``)
    and of their entries (the keys of a sub-table, each ``[[...]]`` table): TOML parsers
    keep no positions, so this reads the text."""
    import re

    def unquote(dotted: str) -> list[str]:
        return [part.strip().strip("\"'") for part in re.findall(r'"[^"]*"|\'[^\']*\'|[^.]+', dotted)]

    lines: dict[KeyPath, int] = {}
    table: list[str] | None = None
    counts: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$", line)
        if header:
            table = unquote(header.group(2))
            if table[:2] == ["tool", "iac-guard"] and len(table) >= 3 and table[2] in section:
                sub = table[2]
                lines.setdefault((sub,), number)
                if header.group(1) == "[[" and len(table) == 3:
                    lines.setdefault((sub, counts.get(sub, 0)), number)
                    counts[sub] = counts.get(sub, 0) + 1
            continue
        assignment = re.match(r"\s*((?:\"[^\"]*\"|'[^']*'|[\w-]+)(?:\s*\.\s*(?:\"[^\"]*\"|'[^']*'|[\w-]+))*)\s*=", line)
        if not assignment or table is None or table[:2] != ["tool", "iac-guard"]:
            continue
        keys = table[2:3] + unquote(assignment.group(1))
        if keys[0] not in section:
            continue
        lines.setdefault((keys[0],), number)
        if len(keys) > 1:
            lines.setdefault((keys[0], keys[1]), number)
    return lines


def settings_at(ref: str, explicit_config: str | None, cli: dict[str, Any], cwd: Path) -> dict[str, Any]:
    """Scan settings with the config file, policy directories, waivers and baseline taken
    from ``ref``; command-line values still win, but their paths are read at ``ref`` too."""
    config_names = [explicit_config] if explicit_config else [*CONFIG_FILES, "pyproject.toml"]
    first = gitrev.extract(ref, config_names, cwd)
    try:
        present = [name for name in config_names if (first.root / name).is_file()]
        settings = normalize(load_config_file(str(first.root / present[0]), first.root, display=f"{ref}:{present[0]}") if present else {})
    finally:
        first.remove()
    settings.update(normalize(cli))
    policy_dirs = [str(settings["policy_dirs"])] if isinstance(settings.get("policy_dirs"), str) else [str(p) for p in settings.get("policy_dirs") or []]
    waivers = str(settings.get("waivers") or WAIVERS_FILE)
    baseline = settings.get("baseline")
    copy = gitrev.extract(ref, [*policy_dirs, waivers, *([str(baseline)] if baseline else [])], cwd)
    atexit.register(copy.remove)  # the scan reads policies and waivers from it until the process ends
    settings["policy_dirs"] = [str(copy.root / p) for p in policy_dirs if (copy.root / p).exists()]
    missing = [p for p in policy_dirs if not (copy.root / p).exists()]
    if missing:
        raise ConfigError(f"policy directory {missing[0]} does not exist at {ref}")
    # "" means no waivers at all: the working tree's waivers file belongs to the PR
    settings["waivers"] = str(copy.root / waivers) if (copy.root / waivers).is_file() else ""
    if baseline:
        if not (copy.root / baseline).is_file():
            raise ConfigError(f"baseline {baseline} does not exist at {ref}")
        settings["baseline"] = str(copy.root / baseline)
    return {k: v for k, v in settings.items() if v is not None}
