"""Terraform files (.tf native syntax, .tf.json JSON syntax) to syntax trees.

Parsing is per file; turning a directory of files into a module with resolved values and
resource instances is ``iac_guard.terraform.module``'s job.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from iac_guard.models import Notice, ParsedDocument, Problem, Resource, SourceFile
from iac_guard.parse.registry import BuildOptions, Parser
from iac_guard.terraform import hcl


class TerraformParser(Parser):
    kind = "terraform"
    suffixes = (".tf", ".tf.json")

    def claims(self, path: Path, head: str) -> bool:
        return path.name.lower().endswith(self.suffixes)

    def build(
        self, documents: Sequence[ParsedDocument], options: BuildOptions | None = None
    ) -> tuple[list[Resource], list[Notice], list[Problem]]:
        from iac_guard.terraform.module import build_resources

        return build_resources(documents, options)

    def parse_text(self, text: str, source: SourceFile) -> ParsedDocument:
        if source.relpath.lower().endswith(".json"):
            body = hcl.parse_tf_json(text, source.relpath)
        else:
            body = hcl.parse_hcl(text, source.relpath)
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
