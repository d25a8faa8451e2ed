"""Resources of a Terraform plan (``terraform show -json``), mapped back to their HCL.

``planned_values`` gives each resource instance's address and values; ``resource_changes``
says which attributes are known only after apply (``after_unknown``); ``configuration``
gives each module call's ``source``, from which the module's directory (relative to the
plan file's directory, Terraform's working directory) and the declaring block's file and
line are found.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from iac_guard.models import Problem, Resource, SourceFile
from iac_guard.terraform import hcl
from iac_guard.terraform.instances import body_values
from iac_guard.terraform.modules import (
    FileParser,
    ModuleDef,
    ModuleLoader,
    is_local_source,
    read_manifest,
    scan_root_of,
)
from iac_guard.terraform.values import Scope, Unknown, to_json, unknown_paths


def plan_resources(
    source: SourceFile, plan: Mapping[str, Any], lines: Mapping[str, int], parser: FileParser
) -> tuple[list[Resource], list[Problem]]:
    """The plan's resources; ``parser`` reads the HCL files of the plan's modules."""
    scan_root = scan_root_of(source).resolve()
    mapper = ConfigMapper(source, plan, scan_root, parser)
    after_unknown = {
        str(change.get("address")): (change.get("change") or {}).get("after_unknown")
        for change in plan.get("resource_changes") or []
        if isinstance(change, dict)
    }
    resources: list[Resource] = []
    planned = plan.get("planned_values") or {}
    for module_address, item in _planned(planned.get("root_module"), ""):
        address = str(item.get("address", ""))
        rtype, name, mode = str(item.get("type", "")), str(item.get("name", "")), str(item.get("mode", "managed"))
        config = mapper.config_resource(module_address, mode, rtype, name)
        values = _with_unknowns(copy.deepcopy(item.get("values") or {}), after_unknown.get(address), address, config)
        located = mapper.hcl_block(module_address, mode, rtype, name)
        if located is not None:
            file, block, attribute_lines = located
            line, end_line = block.line, block.end_line
        else:
            file, attribute_lines = source.relpath, {}
            line = lines.get(address, 1)
            end_line = line
        resources.append(
            Resource(
                address=address,
                type=rtype,
                name=name,
                kind="terraform",
                file=file,
                line=line,
                end_line=end_line,
                mode=mode,
                module=module_address,
                values=to_json(values),
                unknown=tuple(unknown_paths(values)),
                lines=attribute_lines,
            )
        )
    return resources, mapper.loader.problems


def _planned(module: Any, address: str) -> list[tuple[str, dict[str, Any]]]:
    """(module address, resource) for every planned resource, child modules included."""
    if not isinstance(module, dict):
        return []
    out = [(address, r) for r in module.get("resources") or [] if isinstance(r, dict)]
    for child in module.get("child_modules") or []:
        if isinstance(child, dict):
            out.extend(_planned(child, str(child.get("address", ""))))
    return out


def _with_unknowns(values: Any, after_unknown: Any, address: str, config: Mapping[str, Any] | None) -> Any:
    """Planned values with every ``after_unknown`` path replaced by an Unknown marker. The
    marker names the configuration's first reference for the attribute when there is one
    (``terraform_data.this.id``), else the attribute's own address."""
    if not isinstance(after_unknown, dict) or not isinstance(values, dict):
        return values
    expressions = (config or {}).get("expressions") or {}
    for key, flag in after_unknown.items():
        refs = (expressions.get(key) or {}).get("references") if isinstance(expressions.get(key), dict) else None
        label = str(refs[0]) if refs else f"{address}.{key}"
        values[key] = _mark(values.get(key), flag, label)
    return values


def _mark(value: Any, flag: Any, label: str) -> Any:
    if flag is True:
        return Unknown(label)
    if isinstance(flag, dict) and _any_true(flag):
        target = value if isinstance(value, dict) else {}
        for key, inner in flag.items():
            target[key] = _mark(target.get(key), inner, f"{label}.{key}")
        return target
    if isinstance(flag, list) and _any_true(flag):
        items = list(value) if isinstance(value, list) else []
        items.extend([None] * (len(flag) - len(items)))
        for i, inner in enumerate(flag):
            items[i] = _mark(items[i], inner, f"{label}[{i}]")
        return items
    return value


def _any_true(flag: Any) -> bool:
    if flag is True:
        return True
    if isinstance(flag, dict):
        return any(_any_true(v) for v in flag.values())
    if isinstance(flag, list):
        return any(_any_true(v) for v in flag)
    return False


def module_names(address: str) -> list[str]:
    """The call names of a module address: ``module.a["x.y"].module.b[0]`` -> [a, b]."""
    names: list[str] = []
    i = 0
    while address.startswith("module.", i):
        i += len("module.")
        j = i
        while j < len(address) and address[j] not in ".[":
            j += 1
        names.append(address[i:j])
        i = j
        if i < len(address) and address[i] == "[":
            i = _skip_key(address, i)
        if i < len(address) and address[i] == ".":
            i += 1
    return names


def _skip_key(address: str, i: int) -> int:
    """The index just past the ``[...]`` instance key at ``i`` (quoted keys may hold ``]``)."""
    i += 1
    if i < len(address) and address[i] == '"':
        i += 1
        while i < len(address) and address[i] != '"':
            i += 2 if address[i] == "\\" else 1
        i += 1
    while i < len(address) and address[i] != "]":
        i += 1
    return i + 1


class ConfigMapper:
    """Finds a planned resource's configuration entry and declaring HCL block."""

    def __init__(self, source: SourceFile, plan: Mapping[str, Any], scan_root: Path, parser: FileParser) -> None:
        self.root_dir = source.path.parent.resolve()
        self.configuration = (plan.get("configuration") or {}).get("root_module") or {}
        self.loader = ModuleLoader(scan_root, [], parser)
        self.manifest = read_manifest(self.root_dir, scan_root)
        self._lines: dict[tuple[Path, str, str, str], tuple[str, hcl.Block, dict[str, int]] | None] = {}

    def _config_module(self, names: list[str]) -> tuple[Mapping[str, Any], Path | None]:
        module: Mapping[str, Any] = self.configuration
        directory: Path | None = self.root_dir
        for depth, name in enumerate(names):
            call = (module.get("module_calls") or {}).get(name) or {}
            source = str(call.get("source") or "")
            if directory is not None and is_local_source(source):
                directory = (directory / source).resolve()
            else:
                directory = self.manifest.get(".".join(names[: depth + 1]))
            module = call.get("module") or {}
        return module, directory

    def config_resource(self, module_address: str, mode: str, rtype: str, name: str) -> Mapping[str, Any] | None:
        module, _ = self._config_module(module_names(module_address))
        for entry in module.get("resources") or []:
            if entry.get("mode") == mode and entry.get("type") == rtype and entry.get("name") == name:
                return dict(entry)
        return None

    def hcl_block(self, module_address: str, mode: str, rtype: str, name: str) -> tuple[str, hcl.Block, dict[str, int]] | None:
        _, directory = self._config_module(module_names(module_address))
        if directory is None:
            return None
        key = (directory, mode, rtype, name)
        if key not in self._lines:
            mdef: ModuleDef | None = self.loader.get(directory, from_disk=True)
            found = mdef.find(mode, rtype, name) if mdef is not None else None
            if found is None:
                self._lines[key] = None
            else:
                file, block = found
                _, attribute_lines, _ = body_values(block.body, Scope())
                self._lines[key] = (file, block, attribute_lines)
        return self._lines[key]
