"""The parser interface: what a plugin for one IaC kind provides (``Parser``), what its
build step receives beyond the files (``BuildOptions``), and how a file is read as text.
The registry of the concrete parsers is ``parse.registry``."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from iac_guard.errors import IacGuardError, ParseError
from iac_guard.models import Notice, ParsedDocument, Problem, Resource, SourceFile


@dataclass(frozen=True)
class BuildOptions:
    """What a kind's build step needs beyond the files: Terraform's variable values from
    the command line (``--var-file``, ``--var``) and the environment the caller passes in
    (``TF_VAR_*``, ``TF_WORKSPACE``; nothing here reads the process environment)."""

    var_files: tuple[str, ...] = ()
    vars: tuple[str, ...] = ()  # "name=value", in command-line order
    env: Mapping[str, str] = field(default_factory=dict)
    download_modules: bool = False  # fetch remote module sources (terraform/remote/)


class Parser(ABC):
    """Parses one kind of IaC file into a ParsedDocument."""

    kind: str
    #: the ``kind`` of the policy input built from these files (a Terraform plan is
    #: evaluated as "terraform" so the same policies apply)
    input_kind: str = ""
    #: file-name suffixes this parser may claim (lower-case, with the dot)
    suffixes: tuple[str, ...]

    def claims(self, path: Path, head: str) -> bool:
        """Whether this parser takes the file. ``head`` is the file's first 64 KiB as text."""
        return path.name.lower().endswith(self.suffixes)

    @abstractmethod
    def parse_text(self, text: str, source: SourceFile) -> ParsedDocument:
        """Parse ``text``; raise IacGuardError (with file and line) when it cannot."""

    @property
    def policy_kind(self) -> str:
        return self.input_kind or self.kind

    def build(
        self, documents: Sequence[ParsedDocument], options: BuildOptions | None = None
    ) -> tuple[list[Resource], list[Notice], list[Problem]]:
        """Resources of the parsed documents (a kind may resolve across files)."""
        return [r for d in documents for r in d.resources], [], []

    def parse(self, source: SourceFile) -> ParsedDocument:
        """Parse a file; every failure becomes a Problem on the document, never an exception."""
        try:
            text = read_text(source)
            return self.parse_text(text, source)
        except IacGuardError as exc:
            return ParsedDocument(
                source,
                problems=(Problem("parse-error", exc.message, exc.file or source.relpath, exc.line),),
            )
        except RecursionError:
            return ParsedDocument(source, problems=(Problem("parse-error", "nesting too deep to parse", source.relpath),))


#: how deep a resource's values (or a file's raw document) may nest. The policy engine reads
#: its input as JSON with a recursion limit of 128 levels (serde_json's), of which the input's
#: own frame (input -> resources -> resource -> values) takes 4: deeper values would crash
#: the evaluation of every file, so they are an error of the file that holds them.
MAX_DEPTH = 100
#: a raw document sits 3 levels down (input -> files -> path), beside the resources
RAW_MAX_DEPTH = 116


def depth_exceeds(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether lists and mappings in ``value`` nest more than ``limit`` levels (iterative:
    no recursion limit of Python's is reached on any input)."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, (list, tuple)):
            children = node
        else:
            continue
        if depth + 1 > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def within_depth(
    resources: Sequence[Resource], documents: Sequence[ParsedDocument]
) -> tuple[list[Resource], list[ParsedDocument], list[Problem]]:
    """The resources and documents policies can be evaluated on, and a parse error (file,
    line) for each resource nested deeper than ``MAX_DEPTH`` or raw document deeper than
    ``RAW_MAX_DEPTH``: left out of the input, and the scan fails closed."""
    kept: list[Resource] = []
    problems: list[Problem] = []
    for resource in resources:
        if depth_exceeds(resource.values):
            problems.append(Problem("parse-error", f"{resource.address}: values nested deeper than {MAX_DEPTH} levels; policies cannot be evaluated on them", resource.file, resource.line or None))
        else:
            kept.append(resource)
    flagged = {p.file for p in problems}
    out: list[ParsedDocument] = []
    for document in documents:
        if document.raw is not None and depth_exceeds(document.raw, RAW_MAX_DEPTH):
            if document.source.relpath not in flagged:
                problems.append(Problem("parse-error", f"the document nests deeper than {RAW_MAX_DEPTH} levels; policies cannot be evaluated on it", document.source.relpath))
            document = replace(document, raw=None)
        out.append(document)
    return kept, out, problems


def read_text(source: SourceFile) -> str:
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read file: {exc.strerror}", file=source.relpath) from None
    if b"\x00" in data[:8192]:
        raise ParseError("binary file (contains NUL bytes)", file=source.relpath)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError("file is not valid UTF-8", file=source.relpath, line=line) from None
    return text.replace("\r\n", "\n")
