"""The parser registry: one dict from IaC kind to parser. Discovery asks it which kind
claims a file; every list of supported kinds shown to a user is derived from it."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from iac_guard.errors import IacGuardError
from iac_guard.models import Notice, ParsedDocument, Problem, Resource, SourceFile


@dataclass(frozen=True)
class BuildOptions:
    """What a kind's build step needs beyond the files: Terraform's variable values from
    the command line (``--var-file``, ``--var``) and the environment (``TF_VAR_*``)."""

    var_files: tuple[str, ...] = ()
    vars: tuple[str, ...] = ()  # "name=value", in command-line order
    env: Mapping[str, str] | None = None  # None: the process environment at build time
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


def read_text(source: SourceFile) -> str:
    from iac_guard.errors import ParseError

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


def _registry() -> dict[str, Parser]:
    from iac_guard.parse.cloudformation import CloudFormationParser
    from iac_guard.parse.terraform import TerraformParser
    from iac_guard.parse.tfplan import TfPlanParser

    # Order matters: the first parser that claims a file takes it (a plan JSON is not a
    # CloudFormation template; a .tf.json file is not a plan).
    parsers: list[Parser] = [TerraformParser(), TfPlanParser(), CloudFormationParser()]
    return {p.kind: p for p in parsers}


PARSERS: dict[str, Parser] = _registry()


def parser_for(kind: str) -> Parser:
    return PARSERS[kind]


def classify(path: Path, head: str) -> str | None:
    """The kind of the first parser that claims the file, or None."""
    for kind, parser in PARSERS.items():
        if parser.claims(path, head):
            return kind
    return None
