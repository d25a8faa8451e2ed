"""Turn parsed Terraform files into resource instances, as ``terraform plan`` would.

Every root module (a scanned directory no scanned module calls) is evaluated with its
variable values (``terraform.variables``); local module calls are expanded with their
arguments, nested to any depth; ``count`` and ``for_each`` expand resources, data
sources and module calls to instances with Terraform's addresses
(``module.net.module.sg["a"].aws_security_group.this[0]``). Values are evaluated where
static evaluation allows; everything else is an Unknown marker listed in
``Resource.unknown``. Each attribute that depends on a variable, local, ``each`` or
``count`` records where that value came from (``Resource.provenance``).
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iac_guard import reads
from iac_guard.models import Notice, ParsedDocument, Problem, Resource
from iac_guard.terraform import hcl
from iac_guard.terraform.expressions import evaluate
from iac_guard.terraform.modules import (
    FileParser,
    ModuleDef,
    ModuleLoader,
    Resolution,
    is_local_source,
    read_manifest,
    resolve_call,
    scan_root_of,
)
from iac_guard.terraform.values import (
    FileAccess,
    Namespace,
    Scope,
    TfSet,
    Unknown,
    to_json,
    unknown_paths,
)
from iac_guard.terraform.variables import VarValue, convert, root_values

if TYPE_CHECKING:
    from iac_guard.terraform.remote.resolve import RemoteModules

# Meta-arguments: Terraform does not pass these to the provider; they are not values.
META_ARGUMENTS = frozenset({"count", "for_each", "depends_on", "provider", "lifecycle", "provisioner", "connection"})
# Arguments of a module call that are not input variables.
CALL_ARGUMENTS = frozenset({"source", "version", "count", "for_each", "depends_on", "providers"})

ADDRESSABLE = {"resource": "managed", "data": "data", "module": "module"}
# count is a number: Terraform converts `count = "2"` (a legacy "${...}" string) to one
NUMBER_TYPE = hcl.Name(src="number", line=0, name="number")
MAX_MODULE_DEPTH = 32

Origins = tuple[str, ...]
Thunk = Callable[[], tuple[Any, Origins]]


def build_resources(
    documents: Sequence[ParsedDocument],
    parser: FileParser,
    *,
    var_files: Sequence[str] = (),
    cli_vars: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    download_modules: bool = False,
) -> tuple[list[Resource], list[Notice], list[Problem]]:
    """Resource instances of every root module of the scanned Terraform files.
    ``parser`` reads module directories discovery skipped (``.terraform/modules``);
    ``var_files`` and ``cli_vars`` are ``--var-file``/``--var`` and ``env`` the
    environment the caller gives (``TF_VAR_*``, ``TF_WORKSPACE``; none when omitted)."""
    parsed = [d for d in documents if isinstance(d.tree, hcl.Body)]
    if not parsed:
        return [], [], []
    builder = Builder(
        ModuleLoader(scan_root_of(parsed[0].source), parsed, parser),
        var_files=tuple(var_files),
        cli_vars=tuple(cli_vars),
        env=env or {},
        download_modules=download_modules,
    )
    builder.run()
    return builder.resources, builder.notices, builder.problems + builder.loader.problems


def instance_key(key: int | str) -> str:
    """Terraform's instance key syntax: ``[0]`` or ``["name"]``."""
    if isinstance(key, int):
        return f"[{key}]"
    return "[" + json.dumps(key, ensure_ascii=False) + "]"


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


@dataclass(frozen=True)
class Expansion:
    """One instance of a block with ``count``/``for_each``: its key suffix, the scope
    with ``count``/``each`` set, and the meta-argument that was unknown, if any."""

    key: str
    scope: Scope
    unknown: tuple[str, ...] = ()
    index: int | str | None = None


def expand(block: hcl.Block, scope: Scope) -> list[Expansion]:
    """Instances of a resource, data or module block. ``count = 0`` gives none; an
    unknown count or for_each gives one instance marked unknown."""
    count_attr = block.body.attribute("count")
    for_each_attr = block.body.attribute("for_each")
    if count_attr is not None:
        refs: list[str] = []
        count = convert(evaluate(count_attr.expr, scope.tracking(refs)), NUMBER_TYPE)
        origins = {"count": scope.origins_of(refs)}
        if isinstance(count, (int, float)) and not isinstance(count, bool) and count >= 0 and float(count).is_integer():
            return [Expansion(f"[{i}]", scope.child({"count": {"index": i}}, origins), (), i) for i in range(int(count))]
        return [Expansion("", scope.child({"count": {"index": Unknown("count.index")}}, origins), ("count",))]
    if for_each_attr is not None:
        refs = []
        collection = evaluate(for_each_attr.expr, scope.tracking(refs))
        origins = {"each": scope.origins_of(refs)}
        items = for_each_items(collection)
        if items is None:
            each = {"key": Unknown("each.key"), "value": Unknown("each.value")}
            return [Expansion("", scope.child({"each": each}, origins), ("for_each",))]
        return [
            Expansion(instance_key(k), scope.child({"each": {"key": k, "value": v}}, origins), (), k) for k, v in items
        ]
    return [Expansion("", scope)]


def for_each_items(collection: Any) -> list[tuple[str, Any]] | None:
    """(key, value) pairs in Terraform's order (lexical by key), or None when unknown.
    A map gives its entries; a set of strings gives each string as key and value."""
    if isinstance(collection, dict):
        return sorted(collection.items())
    if isinstance(collection, list) and all(isinstance(item, str) for item in collection):
        return [(item, item) for item in sorted(set(collection))]
    return None


@dataclass
class RootContext:
    """What every module instance under one root module shares."""

    dir: Path
    manifest: Mapping[str, Path]
    files: FileAccess
    workspace: str


class Builder:
    def __init__(
        self,
        loader: ModuleLoader,
        *,
        var_files: tuple[str, ...],
        cli_vars: tuple[str, ...],
        env: Mapping[str, str],
        download_modules: bool = False,
    ) -> None:
        self.scan_root = loader.scan_root
        self.loader = loader
        self.var_files = var_files
        self.cli_vars = cli_vars
        self.env = env
        self.resources: list[Resource] = []
        self.notices: list[Notice] = []
        self.problems: list[Problem] = []
        self.instantiated: set[Path] = set()
        self._noticed: set[tuple[str, int]] = set()
        self.remote: RemoteModules | None = None
        if download_modules:
            reads.untracked()  # what a download gives cannot be verified from disk
            from iac_guard.terraform.remote.resolve import (
                RemoteModules,  # only when asked: start-up speed
            )

            self.remote = RemoteModules(self.loader, self.env, self.problems)

    def run(self) -> None:
        for directory in self.loader.root_dirs():
            self.run_root(directory)
        # Directories only reachable through a cycle of calls have no root: evaluate them too.
        for directory in self.loader.scanned:
            if directory not in self.instantiated:
                self.run_root(directory)

    def run_root(self, directory: Path) -> None:
        mdef = self.loader.get(directory, from_disk=False)
        if mdef is None:  # pragma: no cover - scanned directories always have a definition
            return
        declared = {name: _type_expr(block) for name, (_f, block) in mdef.variables.items()}
        values, problems = root_values(
            directory,
            self.scan_root,
            declared,
            var_files=self.var_files,
            cli_vars=self.cli_vars,
            env=self.env,
        )
        self.problems.extend(problems)
        root = RootContext(
            dir=directory,
            manifest=read_manifest(directory, self.scan_root),
            files=FileAccess(root=self.scan_root, base=directory),
            workspace=self.env.get("TF_WORKSPACE", "default"),
        )
        inputs = {name: _given(name, value) for name, value in values.items()}
        instance = Instance(self, root, mdef, address="", manifest_key="", inputs=inputs, stack=(directory,))
        root_dir = os.path.relpath(directory, self.scan_root).replace(os.sep, "/")
        self.resources.extend(dataclasses.replace(r, root=root_dir) for r in instance.run())

    def notice_once(self, notice: Notice) -> None:
        key = (notice.file or "", notice.line or 0)
        if key not in self._noticed:
            self._noticed.add(key)
            self.notices.append(notice)


def _given(name: str, value: VarValue) -> Thunk:
    return lambda: (value.value, (f"var.{name} set by {value.origin}",))


def _type_expr(block: hcl.Block) -> hcl.Expr | None:
    attr = block.body.attribute("type")
    return attr.expr if attr is not None else None


@dataclass
class Instance:
    """One instance of a module: its scope (var, local, module, path, terraform) and the
    resource instances it declares."""

    builder: Builder
    root: RootContext
    mdef: ModuleDef
    address: str  # "" for the root module, "module.a[0].module.b" below it
    manifest_key: str  # "a.b": the key terraform init uses in modules.json
    inputs: Mapping[str, Thunk]
    stack: tuple[Path, ...]
    scope: Scope = field(init=False)
    #: resources of each call's child instances, in instance order
    children: dict[str, list[Resource]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        variables = Namespace("var", {name: self._variable(name) for name in self.mdef.variables})
        local_values = Namespace("local", {name: self._local(name) for name in self.mdef.locals})
        calls = Namespace("module", {name: self._call(name) for name in self.mdef.calls})
        module_path = os.path.relpath(self.mdef.dir, self.root.dir).replace(os.sep, "/")
        names = {
            "var": variables,
            "local": local_values,
            "module": calls,
            "path": {"module": module_path, "root": ".", "cwd": str(self.root.dir)},
            "terraform": {"workspace": self.root.workspace},
        }
        self.scope = Scope(names, files=self.root.files)

    # -- values ----------------------------------------------------------------
    def _variable(self, name: str) -> Thunk:
        file, block = self.mdef.variables[name]

        def value() -> tuple[Any, Origins]:
            type_expr = _type_expr(block)
            default = block.body.attribute("default")
            if name in self.inputs:
                given, origins = self.inputs[name]()
                if given is not None or default is None or not _non_nullable(block):
                    return convert(given, type_expr), origins
            if default is not None:
                fixed = evaluate(default.expr, Scope(files=self.root.files))
                return convert(fixed, type_expr), (f"var.{name} default at {file}:{default.line}",)
            return Unknown(f"var.{name}"), ()

        return value

    def _local(self, name: str) -> Thunk:
        file, attr = self.mdef.locals[name]

        def value() -> tuple[Any, Origins]:
            refs: list[str] = []
            result = evaluate(attr.expr, self.scope.tracking(refs))
            return result, (f"local.{name} at {file}:{attr.line}", *self.scope.origins_of(refs))

        return value

    def _call(self, name: str) -> Thunk:
        return lambda: (self.expand_call(name), ())

    # -- instances -------------------------------------------------------------
    def run(self) -> list[Resource]:
        """This instance's resources in file order, each module call followed by the
        resources of its child instances."""
        self.builder.instantiated.add(self.mdef.dir)
        out: list[Resource] = []
        for file, block in self.mdef.addressable:
            mode = ADDRESSABLE[block.type]
            for instance in expand(block, self.scope):
                out.append(
                    block_resource(block, mode, file, instance.scope, module=self.address, key=instance.key, unknown=instance.unknown)
                )
            if mode == "module":
                self.scope.names["module"].value(block.labels[0])
                out.extend(self.children.get(block.labels[0], []))
        return out

    def expand_call(self, name: str) -> Any:
        """Expand ``module.<name>``: its call resources, child instances and their
        resources. Returns the call's outputs as module.<name> evaluates."""
        file, block = self.mdef.calls[name]
        instances = expand(block, self.scope)
        key = f"{self.manifest_key}.{name}" if self.manifest_key else name
        where = resolve_call(block, self.mdef.dir, key, self.root.manifest, self.builder.scan_root)
        if where.dir is None and where.source and self.builder.remote is not None:
            where = _fetched(self.builder.remote, block, self.mdef.dir, where, file)
        local_address = f"{self.address}.module.{name}" if self.address else f"module.{name}"
        if where.dir is None:
            self.builder.notice_once(
                Notice("module-not-scanned", f"{local_address}: {where.reason}", file, block.line)
            )
            return Unknown(local_address)
        from_disk = where.dir not in self.builder.loader.scanned
        child_def = self.builder.loader.get(where.dir, from_disk=from_disk)
        if child_def is None:
            self.builder.notice_once(
                Notice(
                    "module-not-scanned",
                    f"{local_address}: no scanned Terraform files in {where.source!r} (missing or excluded)",
                    file,
                    block.line,
                )
            )
            return Unknown(local_address)
        if where.dir in self.stack:
            self.builder.problems.append(
                Problem("input-error", f"{local_address}: module call cycle through {where.source!r}", file, block.line)
            )
            return Unknown(local_address)
        if len(self.stack) >= MAX_MODULE_DEPTH:
            self.builder.problems.append(
                Problem("input-error", f"{local_address}: modules nested deeper than {MAX_MODULE_DEPTH}", file, block.line)
            )
            return Unknown(local_address)
        outputs: list[tuple[Expansion, dict[str, Any]]] = []
        resources = self.children.setdefault(name, [])
        for instance in instances:
            child = Instance(
                self.builder,
                self.root,
                child_def,
                address=local_address + instance.key,
                manifest_key=key,
                inputs=self._arguments(name, file, block, instance.scope),
                stack=(*self.stack, where.dir),
            )
            resources.extend(child.run())
            outputs.append((instance, child.outputs()))
        if any(i.unknown for i, _ in outputs):
            return Unknown(local_address)
        if block.body.attribute("count") is not None:
            return [values for _, values in outputs]
        if block.body.attribute("for_each") is not None:
            return {str(i.index): values for i, values in outputs}
        return outputs[0][1] if outputs else Unknown(local_address)

    def _arguments(self, name: str, file: str, block: hcl.Block, scope: Scope) -> dict[str, Thunk]:
        def argument(attr: hcl.Attribute) -> Thunk:
            def value() -> tuple[Any, Origins]:
                refs: list[str] = []
                result = evaluate(attr.expr, scope.tracking(refs))
                origin = f"var.{attr.name} set by module.{name} at {file}:{attr.line}"
                return result, (origin, *scope.origins_of(refs))

            return value

        return {attr.name: argument(attr) for attr in block.body.attributes if attr.name not in CALL_ARGUMENTS}

    def outputs(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, (_file, block) in self.mdef.outputs.items():
            attr = block.body.attribute("value")
            out[name] = evaluate(attr.expr, self.scope) if attr is not None else None
        return out


def _fetched(remote: RemoteModules, block: hcl.Block, caller: Path, where: Resolution, file: str) -> Resolution:
    """--download-modules: a local call inside a downloaded package, or a remote source."""
    if is_local_source(where.source):
        directory, reason = remote.local(where.source, caller)
        return Resolution(directory, where.source, reason) if directory or reason else where
    version = block.body.attribute("version")
    constraint = version.expr.value if version is not None and isinstance(version.expr, hcl.Literal) else ""
    directory, reason = remote.remote(where.source, str(constraint or ""), file, block.line)
    return Resolution(directory, where.source, reason)


def _non_nullable(block: hcl.Block) -> bool:
    attr = block.body.attribute("nullable")
    return attr is not None and isinstance(attr.expr, hcl.Literal) and attr.expr.value is False


def block_resource(
    block: hcl.Block,
    mode: str,
    file: str,
    scope: Scope,
    *,
    module: str,
    key: str = "",
    unknown: tuple[str, ...] = (),
) -> Resource:
    address, rtype, name = block_address(block, mode, module)
    values, lines, provenance = body_values(block.body, scope)
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
        values=to_json(values),
        unknown=(*unknown, *unknown_paths(values)),
        lines=lines,
        provenance=provenance,
    )


def body_values(
    body: hcl.Body, scope: Scope, prefix: str = ""
) -> tuple[dict[str, Any], dict[str, int], dict[str, Origins]]:
    """Evaluate a block body the way ``terraform show -json`` presents planned values:
    attributes by name, nested blocks as lists of objects, ``dynamic`` blocks expanded
    where their ``for_each`` is known. Also each attribute's line and, where its value
    depends on variables, locals, ``each`` or ``count``, where that value came from."""
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    provenance: dict[str, Origins] = {}
    # meta-arguments exist only at the top of a resource block: a nested block may have a
    # `lifecycle` block or a `count` argument of its own (aws_backup_plan's rule.lifecycle)
    meta = META_ARGUMENTS if not prefix else frozenset()
    for attr in body.attributes:
        if attr.name in meta:
            continue
        refs: list[str] = []
        values[attr.name] = evaluate(attr.expr, scope.tracking(refs))
        lines[prefix + attr.name] = attr.line
        origins = scope.origins_of(refs)
        if origins:
            provenance[prefix + attr.name] = origins
    for block in body.blocks:
        if block.type in meta:
            continue
        if block.type == "dynamic" and block.labels:
            block_name = block.labels[0]
            lines.setdefault(prefix + block_name, block.line)
            existing = values.get(block_name)
            start = len(existing) if isinstance(existing, list) else 0
            expanded = expand_dynamic(block, scope, prefix + block_name, start, lines, provenance)
            if isinstance(expanded, Unknown) or isinstance(existing, Unknown):
                values[block_name] = expanded if isinstance(expanded, Unknown) else existing
            else:
                values.setdefault(block_name, []).extend(expanded)
            continue
        existing_list = values.setdefault(block.type, [])
        index = len(existing_list) if isinstance(existing_list, list) else 0
        inner, inner_lines, inner_provenance = body_values(block.body, scope, f"{prefix}{block.type}.{index}.")
        lines.setdefault(prefix + block.type, block.line)
        lines[f"{prefix}{block.type}.{index}"] = block.line
        lines.update(inner_lines)
        provenance.update(inner_provenance)
        if isinstance(existing_list, list):
            existing_list.append(inner)
    return values, lines, provenance


def expand_dynamic(
    block: hcl.Block,
    scope: Scope,
    path: str,
    start: int,
    lines: dict[str, int],
    provenance: dict[str, Origins],
) -> list[dict[str, Any]] | Unknown:
    for_each_attr = block.body.attribute("for_each")
    contents = block.body.blocks_of("content")
    if for_each_attr is None or not contents:
        return []
    refs: list[str] = []
    collection = evaluate(for_each_attr.expr, scope.tracking(refs))
    if isinstance(collection, Unknown) or not isinstance(collection, (list, dict)):
        return Unknown(for_each_attr.expr.src)
    origins = scope.origins_of(refs)
    if origins:
        provenance.setdefault(path, origins)
    iterator_attr = block.body.attribute("iterator")
    iterator = block.labels[0]
    if iterator_attr is not None and isinstance(iterator_attr.expr, hcl.Name):
        iterator = iterator_attr.expr.name
    if isinstance(collection, dict):
        items: list[tuple[Any, Any]] = sorted(collection.items())
    elif isinstance(collection, TfSet):
        items = [(item, item) for item in collection]
    else:
        items = list(enumerate(collection))
    out: list[dict[str, Any]] = []
    for offset, (key, value) in enumerate(items):
        inner_scope = scope.child({iterator: {"key": key, "value": value}}, {iterator: origins})
        item_prefix = f"{path}.{start + offset}"
        inner, inner_lines, inner_provenance = body_values(contents[0].body, inner_scope, item_prefix + ".")
        lines[item_prefix] = contents[0].line
        if origins:
            provenance[item_prefix] = origins
        lines.update(inner_lines)
        provenance.update(inner_provenance)
        out.append(inner)
    return out
