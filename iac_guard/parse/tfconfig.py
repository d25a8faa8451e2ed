"""The parser of the "terraform" kind: Terraform configuration files (``.tf`` native
syntax, ``.tf.json`` JSON syntax) to syntax trees, and the file as conftest shows it to
policies (``raw_document``).

Parsing is per file; turning directories of files into modules with resolved values and
resource instances is ``iac_guard.terraform.instances``'s job.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from iac_guard.models import Notice, ParsedDocument, Problem, Resource, SourceFile
from iac_guard.parse.base import BuildOptions, Parser
from iac_guard.terraform import hcl
from iac_guard.terraform.instances import build_resources
from iac_guard.terraform.json_syntax import parse_tf_json
from iac_guard.terraform.native_syntax import parse_hcl


class TerraformParser(Parser):
    kind = "terraform"
    suffixes = (".tf", ".tf.json")

    def claims(self, path: Path, head: str) -> bool:
        return path.name.lower().endswith(self.suffixes)

    def build(
        self, documents: Sequence[ParsedDocument], options: BuildOptions | None = None
    ) -> tuple[list[Resource], list[Notice], list[Problem]]:
        options = options or BuildOptions()
        return build_resources(
            documents, self, var_files=options.var_files, cli_vars=options.vars, env=options.env, download_modules=options.download_modules
        )

    def parse_text(self, text: str, source: SourceFile) -> ParsedDocument:
        if source.relpath.lower().endswith(".json"):
            body = parse_tf_json(text, source.relpath)
        else:
            body = parse_hcl(text, source.relpath)
        return ParsedDocument(source, raw=raw_document(body), tree=body)


def raw_document(body: hcl.Body) -> dict[str, Any]:
    """The file as conftest shows it to policies: block type -> labels -> body, so
    ``input.resource.aws_s3_bucket[name].acl`` works; a block type that occurs once is an
    object, one that repeats (two ``ingress`` blocks) a list of objects; expressions that
    are not literals are ``${source}``."""
    out = _raw_attributes(body)
    for block in body.blocks:
        target: Any = out
        keys = (block.type, *block.labels)
        for key in keys[:-1]:
            target = target.setdefault(key, {})
        value = raw_document(block.body)
        current = target.get(keys[-1])
        if current is None:
            target[keys[-1]] = value
        elif isinstance(current, list):
            current.append(value)
        else:
            target[keys[-1]] = [current, value]
    return out


def _raw_attributes(body: hcl.Body) -> dict[str, Any]:
    return {attr.name: _raw_expr(attr.expr) for attr in body.attributes}


def _raw_expr(expr: hcl.Expr) -> Any:
    if isinstance(expr, hcl.Literal):
        return expr.value
    if isinstance(expr, hcl.TupleExpr):
        return [_raw_expr(item) for item in expr.items]
    if isinstance(expr, hcl.ObjectExpr) and all(isinstance(k, hcl.Literal) for k, _ in expr.items):
        return {str(k.value): _raw_expr(v) for k, v in expr.items if isinstance(k, hcl.Literal)}
    if isinstance(expr, hcl.Template) and not expr.directives:
        return expr.src[1:-1] if expr.src.startswith('"') else expr.src
    return "${" + expr.src + "}"
