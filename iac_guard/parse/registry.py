"""The parser registry: one dict from IaC kind to parser. Discovery asks it which kind
claims a file; every list of supported kinds shown to a user (and every Dagster parse op)
is derived from it. The interface the parsers implement is ``parse.base``."""

from __future__ import annotations

from pathlib import Path

from iac_guard.parse.base import Parser
from iac_guard.parse.cloudformation import CloudFormationParser
from iac_guard.parse.tfconfig import TerraformParser
from iac_guard.parse.tfplan import TfPlanParser

# Order matters: the first parser that claims a file takes it (a plan JSON is not a
# CloudFormation template; a .tf.json file is not a plan).
PARSERS: dict[str, Parser] = {p.kind: p for p in (TerraformParser(), TfPlanParser(), CloudFormationParser())}


def parser_for(kind: str) -> Parser:
    return PARSERS[kind]


def classify(path: Path, head: str) -> str | None:
    """The kind of the first parser that claims the file, or None."""
    for kind, parser in PARSERS.items():
        if parser.claims(path, head):
            return kind
    return None
