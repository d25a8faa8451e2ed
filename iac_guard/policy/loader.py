"""Load Rego policies and their data from policy directories into a PolicySet.

A *policy* is a Rego package that defines ``deny``, ``violation`` or ``warn`` rules (or
conftest's prefixed forms ``deny_<name>`` ...). Its metadata comes from METADATA
annotations on the package or on those rules. Every other package (helpers such as
``iac_guard.lib``) is loaded too, so policies can import it.

``data.json`` / ``data.yaml`` files are loaded as OPA bundles do: ``a/b/data.json``
becomes ``data.a.b``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from iac_guard import reads
from iac_guard.errors import PolicyError, shown
from iac_guard.models import Policy, PolicySet, Severity
from iac_guard.policy.capabilities import check_builtins
from iac_guard.policy.metadata import RegoModule, scan_module
from iac_guard.policy.regorus import add_modules

RULE_CLASSES = ("deny", "violation", "warn")
DATA_FILES = ("data.json", "data.yaml", "data.yml")


def builtin_policy_dir() -> Path:
    """The built-in library: inside the wheel (``iac_guard/builtin_policies``), or the
    ``policies/`` folder of the iac-guard source tree this package is imported from (an
    editable install). Never some other ``policies/`` folder beside the package (in
    site-packages that would be another distribution's): a missing library is an error."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "builtin_policies"
    if packaged.is_dir():
        return packaged
    source = package.parent
    if (source / "policies").is_dir() and _is_iac_guard_source(source):
        return source / "policies"
    raise PolicyError(
        f"the built-in policy library is missing from this installation (no {packaged}): "
        "reinstall iac-guard from its wheel or a complete source tree, or pass --no-builtin-policies"
    )


def _is_iac_guard_source(directory: Path) -> bool:
    """Whether ``directory`` is iac-guard's own source tree (its pyproject.toml names it)."""
    try:
        text = (directory / "pyproject.toml").read_text(encoding="utf-8")
    except OSError:
        return False
    return re.search(r'^name\s*=\s*"iac-guard"\s*$', text, re.MULTILINE) is not None


def is_test_file(path: Path) -> bool:
    return path.name.endswith("_test.rego")


def rego_files(directory: Path, *, tests: bool | None = False) -> list[Path]:
    """Policy files (``tests=False``), ``*_test.rego`` files (``tests=True``) or both
    (``tests=None``), sorted; hidden directories are skipped."""
    if directory.is_file():
        return [directory]
    if not directory.is_dir():
        raise PolicyError(f"policy directory does not exist: {directory}")
    files = sorted(p for p in directory.rglob("*.rego") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(directory).parts))
    return [p for p in files if tests is None or is_test_file(p) == tests]


def rule_class(name: str) -> str | None:
    """``deny`` for deny/violation rules (and deny_x / violation_x), ``warn`` for warn."""
    for cls in RULE_CLASSES:
        if name == cls or name.startswith(cls + "_"):
            return "warn" if cls == "warn" else "deny"
    return None


def _display(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass(frozen=True)
class ModuleSet:
    """Rego sources read from policy directories, before any policy is made of them."""

    modules: dict[str, str]  # display path -> source
    scanned: tuple[RegoModule, ...]
    data: dict[str, Any]
    builtin: frozenset[str]  # display paths that come from the built-in library


def read_modules(
    directories: Sequence[Path],
    *,
    include_builtin: bool = True,
    tests: bool | None = False,
    relative_to: Path | None = None,
) -> ModuleSet:
    """Read the .rego files (see ``rego_files`` for ``tests``) and bundle-style data files
    of the built-in library (first, when included) and the directories. A directory that
    is the built-in library itself is read once.

    Files are shown relative to their directory (the built-in library's as
    ``policies/...``), or relative to ``relative_to`` (the working directory) when given."""
    builtin_dir = builtin_policy_dir() if include_builtin else None
    dirs = [builtin_dir] if builtin_dir is not None else []
    for directory in directories:
        resolved = directory.resolve() if directory.exists() else directory
        if resolved not in dirs:
            dirs.append(resolved)
    modules: dict[str, str] = {}
    scanned: list[RegoModule] = []
    builtin: set[str] = set()
    data: dict[str, Any] = {}
    for directory in dirs:
        base = directory.parent if directory.is_file() else directory
        label = "policies" if directory == builtin_dir else None
        if relative_to is not None and label is None:
            base = relative_to.resolve()
        if directory.is_dir():
            reads.tree(directory)  # which .rego and data files there are
        for path in rego_files(directory, tests=tests):
            shown = _display(path, base) if label is None else f"{label}/{_display(path, base)}"
            reads.file(path)
            try:
                source = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise PolicyError(f"cannot read policy: {exc}", file=shown) from None
            if shown in modules:
                shown = path.as_posix()
            modules[shown] = source
            scanned.append(scan_module(source, shown))
            if label is not None:
                builtin.add(shown)
        if directory.is_dir():
            merge_data(data, load_data(directory))
    return ModuleSet(modules, tuple(scanned), data, frozenset(builtin))


def load_policies(
    directories: Sequence[Path],
    *,
    include_builtin: bool = True,
    strict: bool = True,
    severity_overrides: Mapping[str, Severity] | None = None,
    namespaces: Sequence[str] = (),
    all_namespaces: bool = False,
    relative_to: Path | None = None,
    allow_builtins: Collection[str] = (),
) -> PolicySet:
    """Load every .rego (tests excluded) under the directories.

    ``strict`` requires custom.id and custom.severity on every policy and unique ids.
    Packages named in ``namespaces`` (or, with ``all_namespaces``, every package outside
    the built-in library) are conftest policies: evaluated per file against its raw
    document, and their METADATA is optional (see ``iac_guard.policy.conftest``).
    ``relative_to`` shows files relative to it (see ``read_modules``). A call of a
    restricted builtin (``iac_guard.policy.capabilities``) not in ``allow_builtins`` is a
    PolicyError at its file and line, whichever directory the policy comes from.
    """
    loaded = read_modules(directories, include_builtin=include_builtin, relative_to=relative_to)
    # the built-in library is trusted (and kept free of restricted calls by its tests):
    # only the policies a scanned repository or a user brings are parsed for them
    check_builtins({path: source for path, source in loaded.modules.items() if path not in loaded.builtin}, allow_builtins)
    if all_namespaces:
        conftest = {m.package for m in loaded.scanned if m.path not in loaded.builtin}
    else:
        conftest = set(namespaces)
    with_rules = {m.package for m in loaded.scanned if any(rule_class(r) for r in m.rules)}
    missing = sorted(set(namespaces) - with_rules)
    if missing:
        found = sorted({m.package for m in loaded.scanned})
        raise PolicyError(
            f"no deny/violation/warn rules in namespace {', '.join(missing)} "
            f"(packages loaded: {', '.join(found) or 'none'})"
        )
    try:
        policies = _policies(loaded.scanned, loaded.modules, strict=strict, conftest=conftest)
    except PolicyError:
        check_syntax(loaded.modules)  # a syntax error is what to report, not the METADATA it hid
        raise
    if severity_overrides:
        policies = [replace(p, severity=severity_overrides.get(p.id, p.severity)) for p in policies]
    return PolicySet(policies=tuple(policies), modules=loaded.modules, data=loaded.data)


def check_syntax(modules: Mapping[str, str]) -> None:
    """Parse every module (Rego v1, else v0) the way the embedded engine does; PolicyError
    with the module's file and line on the first that parses as neither. (Engines compile
    the modules themselves; this only runs when METADATA validation failed, whose message
    would otherwise hide a syntax error.)"""
    import regorus


    add_modules(regorus.Engine(), modules)


def _policies(scanned: Sequence[RegoModule], sources: Mapping[str, str], *, strict: bool, conftest: set[str]) -> list[Policy]:
    by_package: dict[str, list[RegoModule]] = {}
    for module in scanned:
        by_package.setdefault(module.package, []).append(module)
    policies: list[Policy] = []
    ids: dict[str, Policy] = {}
    for package, modules in by_package.items():
        rule_modules = [m for m in modules if any(rule_class(r) for r in m.rules)]
        if not rule_modules:
            continue
        policy = _policy(package, rule_modules, strict=strict and package not in conftest, conftest=package in conftest)
        if not policy.resource_types:
            policy = replace(policy, resource_types=resource_types_in(sources[m.path] for m in modules))
        if policy.id in ids and strict:
            first = ids[policy.id]
            raise PolicyError(
                f"policy id {policy.id} is used twice (also by {first.package} at {first.file}:{first.line})",
                file=policy.file,
                line=policy.line,
            )
        ids[policy.id] = policy
        policies.append(policy)
    return sorted(policies, key=lambda p: p.id)


def _policy(package: str, modules: Sequence[RegoModule], *, strict: bool, conftest: bool = False) -> Policy:
    """One package's Policy from the METADATA on its package or its rules (first wins)."""
    meta: dict[str, Any] = {}
    custom: dict[str, Any] = {}
    where = (modules[0].path, modules[0].package_line)
    annotated = False
    for module in modules:
        for annotation in module.annotations:
            if annotation.target != "package" and not rule_class(annotation.target):
                continue
            if not annotated:
                where = (module.path, annotation.line)
                annotated = True
            for key, value in annotation.data.items():
                if key == "custom" and isinstance(value, dict):
                    for ck, cv in value.items():
                        custom.setdefault(ck, cv)
                else:
                    meta.setdefault(key, value)
    file, line = where
    policy_id = custom.get("id")
    severity_value = custom.get("severity")
    if strict and not policy_id:
        raise PolicyError(f"policy {package} has no custom.id in its METADATA", file=file, line=line)
    if strict and not severity_value:
        raise PolicyError(f"policy {package} has no custom.severity in its METADATA", file=file, line=line)
    if policy_id is not None and (isinstance(policy_id, bool) or not isinstance(policy_id, (str, int))):
        raise PolicyError(f"policy {package}: custom.id must be a string, got {shown(policy_id)}", file=file, line=line)
    if severity_value is not None and not isinstance(severity_value, str):
        raise PolicyError(f"policy {package}: custom.severity must be a severity name, got {shown(severity_value)}", file=file, line=line)
    try:
        severity = Severity.parse(severity_value) if severity_value else Severity.HIGH
    except ValueError as exc:
        raise PolicyError(str(exc), file=file, line=line) from None
    return Policy(
        id=str(policy_id or package),
        package=package,
        title=str(meta.get("title") or package),
        severity=severity,
        file=file,
        line=line,
        description=str(meta.get("description") or "").strip(),
        remediation=str(custom.get("remediation") or "").strip(),
        frameworks=_strings(custom.get("frameworks"), "custom.frameworks", file, line),
        related_resources=_related(meta.get("related_resources"), file, line),
        kinds=_strings(custom.get("kinds") or custom.get("input"), "custom.kinds", file, line),
        resource_types=_strings(custom.get("resource_types"), "custom.resource_types", file, line),
        forms=_sentences(custom.get("forms"), "custom.forms", file, line),
        not_flagged=_sentences(custom.get("not_flagged"), "custom.not_flagged", file, line),
        conftest=conftest,
    )


def _strings(value: Any, key: str, file: str, line: int) -> tuple[str, ...]:
    """A METADATA value that lists names: a string, a list of strings, or a mapping of
    framework to ids (``{CIS-AWS: [2.1.5]}`` gives ``CIS-AWS:2.1.5``)."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, dict):
        return tuple(f"{k}:{v}" if not isinstance(v, list) else f"{k}:{','.join(map(str, v))}" for k, v in value.items())
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return tuple(str(v) for v in value)
    raise PolicyError(f"{key} must be a string or a list of strings, not {value!r}", file=file, line=line)


def _sentences(value: Any, key: str, file: str, line: int) -> tuple[str, ...]:
    """``custom.forms`` / ``custom.not_flagged``: a list of non-empty strings (a sentence
    each). Anything else (a bare string, a mapping, a number, an empty entry) is an error,
    so a typo cannot silently drop the policy's precision notes from the catalog."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise PolicyError(f"{key} must be a list of strings, not {value!r}", file=file, line=line)
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise PolicyError(f"{key} entries must be non-empty strings, not {item!r}", file=file, line=line)
    return tuple(" ".join(item.split()) for item in value)


def _related(value: Any, file: str, line: int) -> tuple[str, ...]:
    """``related_resources`` as OPA documents it: a list of ``{ref: URL, description?}``
    (or of bare URLs)."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise PolicyError("related_resources must be a list of {ref: URL}", file=file, line=line)
    out: list[str] = []
    for item in value:
        if isinstance(item, dict) and item.get("ref"):
            out.append(str(item["ref"]))
        elif isinstance(item, str):
            out.append(item)
        else:
            raise PolicyError(f"related_resources entry {item!r} has no ref", file=file, line=line)
    return tuple(out)


_TYPE_LITERAL = re.compile(
    r'"((?:aws|azurerm|azuread|google|google-beta|kubernetes|github|digitalocean|oci|alicloud)_[a-z0-9_]+'
    r'|AWS::[A-Za-z0-9]+::[A-Za-z0-9:]+)"'
)


def resource_types_in(sources: Iterable[str]) -> tuple[str, ...]:
    """Resource types a policy names in its code (string literals shaped like a Terraform
    ``<provider>_<type>`` or a CloudFormation ``AWS::Service::Resource``; comments are
    ignored), for the catalog when METADATA gives no ``custom.resource_types``."""
    found: dict[str, None] = {}
    for source in sources:
        for line in source.splitlines():
            for match in _TYPE_LITERAL.finditer(_strip_comment(line)):
                found.setdefault(match.group(1), None)
    return tuple(sorted(found))


def _strip_comment(line: str) -> str:
    """The line without a trailing ``#`` comment (a ``#`` inside a string stays)."""
    in_string = False
    for i, char in enumerate(line):
        if char == '"' and (i == 0 or line[i - 1] != "\\"):
            in_string = not in_string
        elif char == "#" and not in_string:
            return line[:i]
    return line


def load_data(directory: Path) -> dict[str, Any]:
    """Bundle-style data files under ``directory``."""
    data: dict[str, Any] = {}
    for path in sorted(directory.rglob("*")):
        if path.name not in DATA_FILES or not path.is_file():
            continue
        reads.file(path)
        try:
            text = path.read_text(encoding="utf-8")
            content = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
        except RecursionError:
            raise PolicyError("cannot load policy data: it nests too deeply", file=path.as_posix()) from None
        except (OSError, ValueError, yaml.YAMLError) as exc:
            raise PolicyError(f"cannot load policy data: {exc}", file=path.as_posix()) from None
        if not isinstance(content, dict):
            raise PolicyError("policy data must be an object", file=path.as_posix(), line=1)
        target = data
        for part in path.parent.relative_to(directory).parts:
            target = target.setdefault(part, {})
        merge_data(target, content)
    return data


def merge_data(into: dict[str, Any], new: dict[str, Any]) -> None:
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            merge_data(into[key], value)
        else:
            into[key] = value
