"""Terraform's JSON syntax (``.tf.json``) to the syntax tree of ``terraform.hcl``, with
the line of every block and attribute (from ``marked.loads_marked``). Strings with
``${`` or ``%{`` are templates in native syntax."""

from __future__ import annotations

import json
from typing import Any

from iac_guard.errors import ParseError
from iac_guard.marked import end_line, loads_marked, start_line
from iac_guard.terraform.hcl import Attribute, Block, Body, Expr, Literal, ObjectExpr, TupleExpr
from iac_guard.terraform.native_syntax import parse_template

# Block types whose first N object levels are labels, per Terraform's JSON syntax.
_LABELS = {"resource": 2, "data": 2, "module": 1, "variable": 1, "output": 1, "provider": 1, "locals": 0, "terraform": 0, "moved": 0, "import": 0, "check": 1, "removed": 0}


def parse_tf_json(text: str, filename: str) -> Body:
    """Parse Terraform's JSON syntax into the same nodes, with line numbers."""
    doc = loads_marked(text, filename)
    # HCL's JSON syntax allows a body to be an array of objects, the root body too
    roots = doc if isinstance(doc, list) else [doc]
    if not roots or not all(isinstance(root, dict) for root in roots):
        raise ParseError("a .tf.json file must contain a JSON object", file=filename, line=1)
    blocks: list[Block] = []
    for root in roots:
        for block_type, content in root.items():
            if block_type == "//":
                continue  # JSON-syntax comment
            depth = _LABELS.get(str(block_type), 0)
            for labels, body_value, line in _json_label_levels(content, depth, (), start_line(block_type)):
                bodies = body_value if isinstance(body_value, list) else [body_value]
                for item in bodies:
                    body = _json_body(item, filename)
                    start = line or start_line(item)
                    blocks.append(Block(str(block_type), labels, body, start, end_line(item) or start))
    return Body((), tuple(blocks))


def _json_label_levels(
    value: Any, depth: int, labels: tuple[str, ...], key_line: int
) -> list[tuple[tuple[str, ...], Any, int]]:
    """Walk ``depth`` levels of label keys; the block's line is its last label key's line."""
    if depth == 0:
        return [(labels, value, key_line)]
    out: list[tuple[tuple[str, ...], Any, int]] = []
    if isinstance(value, dict):
        for key, inner in value.items():
            out.extend(_json_label_levels(inner, depth - 1, (*labels, str(key)), start_line(key) or key_line))
    elif isinstance(value, list):
        for item in value:
            out.extend(_json_label_levels(item, depth, labels, start_line(item) or key_line))
    return out


def _json_body(value: Any, filename: str) -> Body:
    attributes: list[Attribute] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "//":
                continue  # JSON-syntax comment
            line = start_line(item) or start_line(key) or start_line(value)
            attributes.append(Attribute(str(key), _json_expr(item, filename, line), line, end_line(item) or line))
    return Body(tuple(attributes), ())


def _json_expr(value: Any, filename: str, line: int) -> Expr:
    line = start_line(value) or line
    if isinstance(value, str):
        if "${" in value or "%{" in value:
            return parse_template(str(value), filename, line)
        return Literal(json.dumps(str(value)), line, str(value))
    if isinstance(value, dict):
        items = tuple(
            (Literal(json.dumps(str(k)), line, str(k)), _json_expr(v, filename, line)) for k, v in value.items()
        )
        return ObjectExpr("{...}", line, items)
    if isinstance(value, list):
        return TupleExpr("[...]", line, tuple(_json_expr(v, filename, line) for v in value))
    if isinstance(value, bool) or value is None or isinstance(value, (int, float)):
        plain: Any = value if value is None or isinstance(value, bool) else (int(value) if isinstance(value, int) else float(value))
        return Literal(json.dumps(plain), line, plain)
    return Literal(json.dumps(str(value)), line, str(value))
