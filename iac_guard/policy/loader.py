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
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from iac_guard.errors import PolicyError
from iac_guard.models import Policy, PolicySet, Severity
from iac_guard.policy.metadata import RegoModule, scan_module

RULE_CLASSES = ("deny", "violation", "warn")
DATA_FILES = ("data.json", "data.yaml", "data.yml")


def builtin_policy_dir() -> Path:
    """The built-in library: inside the wheel, or the repository's policies/ folder."""
    packaged = Path(__file__).resolve().parent.parent / "builtin_policies"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "policies"


def is_test_file(path: Path) -> bool:
    return path.name.endswith("_test.rego")


def rego_files(directory: Path, *, tests: bool = False) -> list[Path]:
    """Policy files (``tests=False``) or ``*_test.rego`` files (``tests=True``), sorted."""
    if directory.is_file():
        return [directory]
    if not directory.is_dir():
        raise PolicyError(f"policy directory does not exist: {directory}")
    files = sorted(p for p in directory.rglob("*.rego") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(directory).parts))
    return [p for p in files if is_test_file(p) == tests]


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


def load_policies(
    directories: Sequence[Path],
    *,
    include_builtin: bool = True,
    strict: bool = True,
    severity_overrides: Mapping[str, Severity] | None = None,
) -> PolicySet:
    """Load every .rego (tests excluded) under the directories.

    ``strict`` requires custom.id and custom.severity on every policy and unique ids; it
    is off for conftest-style namespaces whose policies carry no metadata.
    """
    dirs = ([builtin_policy_dir()] if include_builtin else []) + list(directories)
    modules: dict[str, str] = {}
    scanned: list[RegoModule] = []
    data: dict[str, Any] = {}
    for directory in dirs:
        directory = directory.resolve() if directory.exists() else directory
        base = directory.parent if directory.is_file() else directory
        label = "policies" if directory == builtin_policy_dir() else None
        for path in rego_files(directory):
            shown = _display(path, base) if label is None else f"{label}/{_display(path, base)}"
            try:
                source = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise PolicyError(f"cannot read policy: {exc}", file=shown) from None
            if shown in modules:
                shown = path.as_posix()
            modules[shown] = source
            scanned.append(scan_module(source, shown))
        if directory.is_dir():
            _merge(data, load_data(directory))
    policies = _policies(scanned, strict=strict)
    if severity_overrides:
        policies = [replace(p, severity=severity_overrides.get(p.id, p.severity)) for p in policies]
    return PolicySet(policies=tuple(policies), modules=modules, data=data)


def _policies(scanned: Sequence[RegoModule], *, strict: bool) -> list[Policy]:
    by_package: dict[str, list[RegoModule]] = {}
    for module in scanned:
        by_package.setdefault(module.package, []).append(module)
    policies: list[Policy] = []
    ids: dict[str, Policy] = {}
    for package, modules in by_package.items():
        rule_modules = [m for m in modules if any(rule_class(r) for r in m.rules)]
        if not rule_modules:
            continue
        policy = _policy(package, rule_modules, strict=strict)
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


def _policy(package: str, modules: Sequence[RegoModule], *, strict: bool) -> Policy:
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
    try:
        severity = Severity.parse(severity_value) if severity_value else Severity.HIGH
    except ValueError as exc:
        raise PolicyError(str(exc), file=file, line=line) from None
    kinds = custom.get("kinds") or custom.get("input") or ()
    if isinstance(kinds, str):
        kinds = (kinds,)
    return Policy(
        id=str(policy_id or package),
        package=package,
        title=str(meta.get("title") or package),
        severity=severity,
        file=file,
        line=line,
        description=str(meta.get("description") or "").strip(),
        remediation=str(custom.get("remediation") or "").strip(),
        frameworks=_strings(custom.get("frameworks")),
        related_resources=_related(meta.get("related_resources")),
        kinds=tuple(str(k) for k in kinds),
    )


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, dict):
        return tuple(f"{k}:{v}" if not isinstance(v, list) else f"{k}:{','.join(map(str, v))}" for k, v in value.items())
    return tuple(str(v) for v in value)


def _related(value: Any) -> tuple[str, ...]:
    out: list[str] = []
    for item in value or ():
        if isinstance(item, dict) and item.get("ref"):
            out.append(str(item["ref"]))
        elif isinstance(item, str):
            out.append(item)
    return tuple(out)


def load_data(directory: Path) -> dict[str, Any]:
    """Bundle-style data files under ``directory``."""
    data: dict[str, Any] = {}
    for path in sorted(directory.rglob("*")):
        if path.name not in DATA_FILES or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
            content = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
        except (OSError, ValueError, yaml.YAMLError) as exc:
            raise PolicyError(f"cannot load policy data: {exc}", file=path.as_posix()) from None
        if not isinstance(content, dict):
            raise PolicyError("policy data must be an object", file=path.as_posix(), line=1)
        target = data
        for part in path.parent.relative_to(directory).parts:
            target = target.setdefault(part, {})
        _merge(target, content)
    return data


def _merge(into: dict[str, Any], new: dict[str, Any]) -> None:
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value
