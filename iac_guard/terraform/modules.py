"""Modules as Terraform sees them: every directory of ``.tf``/``.tf.json`` files is one
module; a ``module`` block calls another directory.

This module groups parsed files into ``ModuleDef`` values, resolves a call's ``source``
(local paths inside the scan root, or what ``terraform init`` recorded in
``.terraform/modules/modules.json``), and finds the root modules: the scanned
directories no scanned module calls.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Protocol

from iac_guard import reads
from iac_guard.models import ParsedDocument, Problem, SourceFile
from iac_guard.terraform import hcl

MANIFEST = Path(".terraform") / "modules" / "modules.json"


@dataclass(frozen=True)
class ModuleDef:
    """The blocks of one module directory, each with the file (scan-root relative) it is in."""

    dir: Path  # absolute, resolved
    files: tuple[str, ...] = ()
    variables: Mapping[str, tuple[str, hcl.Block]] = field(default_factory=dict)
    locals: Mapping[str, tuple[str, hcl.Attribute]] = field(default_factory=dict)
    outputs: Mapping[str, tuple[str, hcl.Block]] = field(default_factory=dict)
    resources: tuple[tuple[str, hcl.Block], ...] = ()  # resource and data blocks, file order
    calls: Mapping[str, tuple[str, hcl.Block]] = field(default_factory=dict)
    addressable: tuple[tuple[str, hcl.Block], ...] = ()  # resource, data and module blocks, file order
    #: a second declaration of the same variable, local, output, resource or module call
    #: (Terraform rejects the configuration; both resources are still evaluated)
    duplicates: tuple[Problem, ...] = ()

    def find(self, mode: str, rtype: str, name: str) -> tuple[str, hcl.Block] | None:
        """The ``resource``/``data`` block declaring ``rtype.name``."""
        block_type = "data" if mode == "data" else "resource"
        for file, block in self.resources:
            if block.type == block_type and block.labels[:2] == (rtype, name):
                return file, block
        return None


def module_def(directory: Path, documents: Iterable[ParsedDocument]) -> ModuleDef:
    files: list[str] = []
    variables: dict[str, tuple[str, hcl.Block]] = {}
    local_values: dict[str, tuple[str, hcl.Attribute]] = {}
    outputs: dict[str, tuple[str, hcl.Block]] = {}
    resources: list[tuple[str, hcl.Block]] = []
    calls: dict[str, tuple[str, hcl.Block]] = {}
    addressable: list[tuple[str, hcl.Block]] = []
    first: dict[str, tuple[str, int]] = {}
    duplicates: list[Problem] = []

    def declare(what: str, file: str, line: int) -> None:
        if what in first:
            where = "{}:{}".format(*first[what])
            duplicates.append(Problem("input-error", f"duplicate {what} (first declared at {where})", file, line))
        else:
            first[what] = (file, line)

    ordered = sorted(documents, key=lambda d: (is_override_file(d.source.relpath), d.source.relpath))
    for document in ordered:
        body = document.tree
        if not isinstance(body, hcl.Body):
            continue
        file = document.source.relpath
        files.append(file)
        if is_override_file(file):
            _apply_overrides(body, file, variables, local_values, outputs, resources, calls, addressable)
            continue
        for block in body.blocks:
            if block.type == "variable" and block.labels:
                declare(f'variable "{block.labels[0]}"', file, block.line)
                variables.setdefault(block.labels[0], (file, block))
            elif block.type == "locals":
                for attr in block.body.attributes:
                    declare(f"local value {attr.name!r}", file, attr.line)
                    local_values.setdefault(attr.name, (file, attr))
            elif block.type == "output" and block.labels:
                declare(f'output "{block.labels[0]}"', file, block.line)
                outputs.setdefault(block.labels[0], (file, block))
            elif block.type in ("resource", "data") and len(block.labels) >= 2:
                declare(f'{block.type} "{block.labels[0]}" "{block.labels[1]}"', file, block.line)
                resources.append((file, block))
                addressable.append((file, block))
            elif block.type == "module" and block.labels:
                declare(f'module "{block.labels[0]}"', file, block.line)
                if block.labels[0] not in calls:
                    calls[block.labels[0]] = (file, block)
                    addressable.append((file, block))
    return ModuleDef(
        directory,
        tuple(files),
        variables,
        local_values,
        outputs,
        tuple(resources),
        calls,
        tuple(addressable),
        tuple(duplicates),
    )


def is_override_file(relpath: str) -> bool:
    """``override.tf``, ``override.tf.json``, ``*_override.tf`` and ``*_override.tf.json``:
    Terraform merges their blocks into the module's other files' blocks."""
    name = relpath.rsplit("/", 1)[-1].lower()
    stem = name.removesuffix(".json").removesuffix(".tf")
    return name.endswith((".tf", ".tf.json")) and (stem == "override" or stem.endswith("_override"))


def _apply_overrides(
    body: hcl.Body,
    file: str,
    variables: dict[str, tuple[str, hcl.Block]],
    local_values: dict[str, tuple[str, hcl.Attribute]],
    outputs: dict[str, tuple[str, hcl.Block]],
    resources: list[tuple[str, hcl.Block]],
    calls: dict[str, tuple[str, hcl.Block]],
    addressable: list[tuple[str, hcl.Block]],
) -> None:
    """Merge an override file's blocks into the blocks they override, as Terraform does:
    each argument replaces the original's, and a nested block type replaces all of the
    original's blocks of that type. The merged block keeps the original's file and line
    (overridden arguments point at the block, not at a line of another file). A block with
    nothing to override (an error for Terraform) is taken as it is."""
    for block in body.blocks:
        if block.type == "locals":
            for attr in block.body.attributes:
                local_values[attr.name] = (file, attr)
            continue
        if block.type in ("variable", "output") and block.labels:
            table = variables if block.type == "variable" else outputs
            base = table.get(block.labels[0])
            table[block.labels[0]] = (base[0], merge_override(base[1], block)) if base else (file, block)
            continue
        if block.type == "module" and block.labels:
            base = calls.get(block.labels[0])
            merged = (base[0], merge_override(base[1], block)) if base else (file, block)
            calls[block.labels[0]] = merged
            _replace(addressable, base, merged)
            continue
        if block.type in ("resource", "data") and len(block.labels) >= 2:
            found = next((item for item in resources if item[1].type == block.type and item[1].labels[:2] == block.labels[:2]), None)
            merged = (found[0], merge_override(found[1], block)) if found else (file, block)
            _replace(resources, found, merged)
            _replace(addressable, found, merged)


def _replace(items: list[tuple[str, hcl.Block]], old: tuple[str, hcl.Block] | None, new: tuple[str, hcl.Block]) -> None:
    for i, item in enumerate(items):
        if old is not None and item[1] is old[1]:
            items[i] = new
            return
    items.append(new)


def merge_override(base: hcl.Block, override: hcl.Block) -> hcl.Block:
    attributes = {attr.name: attr for attr in base.body.attributes}
    for attr in override.body.attributes:
        attributes[attr.name] = replace(attr, line=0, end_line=0)
    replaced = {b.labels[0] if b.type == "dynamic" and b.labels else b.type for b in override.body.blocks}
    blocks = [b for b in base.body.blocks if (b.labels[0] if b.type == "dynamic" and b.labels else b.type) not in replaced]
    blocks.extend(_unlocated(b) for b in override.body.blocks)
    return replace(base, body=hcl.Body(tuple(attributes.values()), tuple(blocks)))


def _unlocated(block: hcl.Block) -> hcl.Block:
    """A block from another file, without line numbers (0: "use the enclosing block's")."""
    body = hcl.Body(
        tuple(replace(attr, line=0, end_line=0) for attr in block.body.attributes),
        tuple(_unlocated(inner) for inner in block.body.blocks),
    )
    return replace(block, body=body, line=0, end_line=0)


def scan_root_of(source: SourceFile) -> Path:
    """The scan root a discovered file's ``relpath`` is relative to."""
    rel = PurePosixPath(source.relpath)
    if rel.is_absolute() or len(rel.parts) < 1:
        return source.path.parent
    return source.path.parents[len(rel.parts) - 1]


def inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def call_source(block: hcl.Block) -> str | None:
    """The literal ``source`` of a module call (Terraform requires a literal)."""
    attr = block.body.attribute("source")
    if attr is None or not isinstance(attr.expr, hcl.Literal) or not isinstance(attr.expr.value, str):
        return None
    return attr.expr.value


def is_local_source(source: str) -> bool:
    return source.startswith(("./", "../")) or source in (".", "..")


def read_manifest(root_dir: Path, scan_root: Path) -> dict[str, Path]:
    """``terraform init``'s record of module directories: call key ("net.sg") -> directory."""
    path = root_dir / MANIFEST
    reads.file(path)
    if not path.is_file() or not inside(path, scan_root):
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out: dict[str, Path] = {}
    for entry in data.get("Modules", []) if isinstance(data, dict) else []:
        if isinstance(entry, dict) and isinstance(entry.get("Key"), str) and isinstance(entry.get("Dir"), str):
            out[entry["Key"]] = (root_dir / entry["Dir"]).resolve()
    return out


@dataclass(frozen=True)
class Resolution:
    """Where a module call's files are, or why they were not scanned."""

    dir: Path | None
    source: str
    reason: str = ""


def resolve_call(
    block: hcl.Block, caller: Path, manifest_key: str, manifest: Mapping[str, Path], scan_root: Path
) -> Resolution:
    source = call_source(block)
    if source is None:
        return Resolution(None, "", "its source is not a literal string")
    if is_local_source(source):
        target = (caller / source).resolve()
        if not inside(target, scan_root):
            return Resolution(None, source, f"local source {source!r} is outside the scan root")
        return Resolution(target, source)
    recorded = manifest.get(manifest_key)
    if recorded is not None:
        if inside(recorded, scan_root):
            return Resolution(recorded, source)
        return Resolution(None, source, f"remote source {source!r} was downloaded outside the scan root")
    return Resolution(
        None,
        source,
        f"remote source {source!r} was not scanned (no entry in .terraform/modules/modules.json; "
        "pass --download-modules to fetch it, or run `terraform init` first)",
    )


class FileParser(Protocol):
    """What reading a module directory from disk needs: the parser of Terraform files
    (``parse.tfconfig.TerraformParser``, passed in by the parse stage)."""

    @property
    def suffixes(self) -> tuple[str, ...]: ...

    def parse(self, source: SourceFile) -> ParsedDocument: ...


class ModuleLoader:
    """Module definitions by directory: the scanned ones, plus directories read from disk
    on demand (modules ``terraform init`` downloaded under ``.terraform``, which discovery
    skips, and a plan's modules) with ``parser``. Reads never leave the scan root."""

    def __init__(self, scan_root: Path, documents: Sequence[ParsedDocument], parser: FileParser) -> None:
        self.scan_root = scan_root.resolve()
        self.parser = parser
        grouped: dict[Path, list[ParsedDocument]] = {}
        for document in documents:
            grouped.setdefault(document.source.path.parent.resolve(), []).append(document)
        self._defs: dict[Path, ModuleDef] = {d: module_def(d, docs) for d, docs in grouped.items()}
        self.scanned: tuple[Path, ...] = tuple(sorted(self._defs))
        self.problems: list[Problem] = [p for d in self.scanned for p in self._defs[d].duplicates]
        #: directories outside the scan root that may be read (downloaded module packages),
        #: with the name their files are reported under
        self.roots: dict[Path, str] = {}

    def add_root(self, root: Path, display: str) -> None:
        self.roots[root.resolve()] = display

    def _display(self, path: Path) -> str | None:
        for root, display in self.roots.items():
            if path == root or root in path.parents:
                return display + "/" + path.relative_to(root).as_posix()
        return None

    def get(self, directory: Path, *, from_disk: bool) -> ModuleDef | None:
        directory = directory.resolve()
        if directory in self._defs:
            return self._defs[directory]
        allowed = inside(directory, self.scan_root) or self._display(directory) is not None
        if from_disk:
            reads.directory(directory)
        if not from_disk or not directory.is_dir() or not allowed:
            return None
        self._defs[directory] = self._load(directory)
        return self._defs[directory]

    def _load(self, directory: Path) -> ModuleDef:
        parser = self.parser
        documents: list[ParsedDocument] = []
        for path in sorted(directory.iterdir()):
            if not path.is_file() or not path.name.lower().endswith(parser.suffixes):
                continue
            reads.file(path)
            relpath = self._display(path) or os.path.relpath(path, self.scan_root).replace(os.sep, "/")
            document = parser.parse(SourceFile(path=path, relpath=relpath, kind="terraform", size=path.stat().st_size))
            self.problems.extend(document.problems)
            documents.append(document)
        mdef = module_def(directory, documents)
        self.problems.extend(mdef.duplicates)
        return mdef

    def root_dirs(self) -> list[Path]:
        """Scanned directories that no scanned module calls through a local source."""
        called: set[Path] = set()
        for directory in self.scanned:
            for _file, block in self._defs[directory].calls.values():
                source = call_source(block)
                if source is not None and is_local_source(source):
                    called.add((directory / source).resolve())
        return [d for d in self.scanned if d not in called]
