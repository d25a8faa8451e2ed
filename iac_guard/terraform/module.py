"""Turn parsed Terraform files into Resources for the policy input.

Each resource, data source and module call gets a Terraform address, its file and
lines, and its argument values evaluated where static evaluation allows; everything
else is an Unknown marker listed in ``Resource.unknown``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from iac_guard.models import Notice, ParsedDocument, Problem, Resource
from iac_guard.terraform import hcl
from iac_guard.terraform.evaluate import Scope, Unknown, evaluate, to_json, unknown_paths

# Meta-arguments: Terraform does not pass these to the provider; they are not values.
META_ARGUMENTS = frozenset({"count", "for_each", "depends_on", "provider", "lifecycle", "provisioner", "connection"})

ADDRESSABLE = {"resource": "managed", "data": "data", "module": "module"}


def build_resources(documents: Sequence[ParsedDocument]) -> tuple[list[Resource], list[Notice], list[Problem]]:
    """Resources of every parsed Terraform file, in file order."""
    resources: list[Resource] = []
    for document in documents:
        body = document.tree
        if not isinstance(body, hcl.Body):
            continue
        scope = Scope({})
        for block in body.blocks:
            mode = ADDRESSABLE.get(block.type)
            if mode is None:
                continue
            resources.append(block_resource(block, mode, document.source.relpath, scope, module=""))
    return resources, [], []


def block_address(block: hcl.Block, mode: str, module: str) -> tuple[str, str, str]:
    """(address, type, name) for a resource, data or module block."""
    if mode == "module":
        name = block.labels[0] if block.labels else ""
        local = f"module.{name}"
        rtype = "module"
    else:
        rtype = block.labels[0] if block.labels else ""
        name = block.labels[1] if len(block.labels) > 1 else ""
        local = f"{rtype}.{name}" if mode == "managed" else f"data.{rtype}.{name}"
    return (f"{module}.{local}" if module else local), rtype, name


def block_resource(block: hcl.Block, mode: str, file: str, scope: Scope, *, module: str, key: str = "") -> Resource:
    address, rtype, name = block_address(block, mode, module)
    values, lines = body_values(block.body, scope)
    json_values = to_json(values)
    return Resource(
        address=address + key,
        type=rtype,
        name=name,
        kind="terraform",
        file=file,
        line=block.line,
        end_line=block.end_line,
        mode=mode,
        module=module,
        values=json_values,
        unknown=tuple(unknown_paths(values)),
        lines=lines,
    )


def body_values(body: hcl.Body, scope: Scope, prefix: str = "") -> tuple[dict[str, Any], dict[str, int]]:
    """Evaluate a block body the way ``terraform show -json`` presents planned values:
    attributes by name, nested blocks as lists of objects, ``dynamic`` blocks expanded
    where their ``for_each`` is known."""
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for attr in body.attributes:
        if attr.name in META_ARGUMENTS:
            continue
        values[attr.name] = evaluate(attr.expr, scope)
        lines[prefix + attr.name] = attr.line
    for block in body.blocks:
        if block.type in META_ARGUMENTS:
            continue
        if block.type == "dynamic" and block.labels:
            block_name = block.labels[0]
            lines.setdefault(prefix + block_name, block.line)
            expanded = expand_dynamic(block, scope, f"{prefix}{block_name}.")
            existing = values.get(block_name)
            if isinstance(expanded, Unknown) or isinstance(existing, Unknown):
                values[block_name] = expanded if isinstance(expanded, Unknown) else existing
            else:
                values.setdefault(block_name, []).extend(expanded)
            continue
        existing_list = values.setdefault(block.type, [])
        index = len(existing_list) if isinstance(existing_list, list) else 0
        inner, inner_lines = body_values(block.body, scope, f"{prefix}{block.type}.{index}.")
        lines.setdefault(prefix + block.type, block.line)
        lines[f"{prefix}{block.type}.{index}"] = block.line
        lines.update(inner_lines)
        if isinstance(existing_list, list):
            existing_list.append(inner)
    return values, lines


def expand_dynamic(block: hcl.Block, scope: Scope, prefix: str) -> list[dict[str, Any]] | Unknown:
    for_each_attr = block.body.attribute("for_each")
    contents = block.body.blocks_of("content")
    if for_each_attr is None or not contents:
        return []
    collection = evaluate(for_each_attr.expr, scope)
    if isinstance(collection, Unknown) or not isinstance(collection, (list, dict)):
        return Unknown(for_each_attr.expr.src)
    iterator_attr = block.body.attribute("iterator")
    iterator = block.labels[0]
    if iterator_attr is not None and isinstance(iterator_attr.expr, hcl.Name):
        iterator = iterator_attr.expr.name
    items = collection.items() if isinstance(collection, dict) else enumerate(collection)
    out: list[dict[str, Any]] = []
    for i, (key, value) in enumerate(items):
        inner_scope = scope.child(**{iterator: {"key": key, "value": value}})
        inner, _ = body_values(contents[0].body, inner_scope, f"{prefix}{i}.")
        out.append(inner)
    return out
