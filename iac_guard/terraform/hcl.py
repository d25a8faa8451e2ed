"""The HCL syntax tree: small, typed, frozen nodes with line numbers, for expressions
(``Literal``, ``Template``, ``Call``, ``ForExpr``, ...) and bodies (``Attribute``,
``Block``, ``Body``).

Both syntaxes build these nodes (``native_syntax`` for ``.tf`` files, ``json_syntax`` for
``.tf.json``; ``templates`` for string templates and their directives) and the evaluator
(``expressions``) works on them; nothing else in iac-guard sees python-hcl2's Lark tree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# ---------------------------------------------------------------------------
# Expression nodes
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Expr:
    src: str  # the expression's source text, shown for unknown values
    line: int


@dataclass(frozen=True)
class Literal(Expr):
    value: Any  # str, int, float, bool or None


@dataclass(frozen=True)
class Template(Expr):
    """A string with interpolations: parts are literal strings or expressions (including
    TemplateIf / TemplateFor for ``%{ if }`` / ``%{ for }`` directives)."""

    parts: tuple[str | Expr, ...]
    directives: bool = False  # directives that could not be structured: stays unknown


@dataclass(frozen=True)
class TemplateIf(Expr):
    """``%{ if cond }then%{ else }otherwise%{ endif }`` inside a template."""

    condition: Expr
    then: tuple[str | Expr, ...]
    otherwise: tuple[str | Expr, ...] = ()


@dataclass(frozen=True)
class TemplateFor(Expr):
    """``%{ for k, v in coll }body%{ endfor }`` inside a template."""

    key_var: str | None
    value_var: str
    collection: Expr
    body: tuple[str | Expr, ...]


@dataclass(frozen=True)
class TupleExpr(Expr):
    items: tuple[Expr, ...]


@dataclass(frozen=True)
class ObjectExpr(Expr):
    items: tuple[tuple[Expr, Expr], ...]  # key expressions: a bare name is a Literal


@dataclass(frozen=True)
class Name(Expr):
    """A root identifier: ``var``, ``local``, ``each``, ``aws_s3_bucket``, a for variable."""

    name: str


@dataclass(frozen=True)
class GetAttr(Expr):
    obj: Expr
    name: str


@dataclass(frozen=True)
class Index(Expr):
    obj: Expr
    key: Expr


@dataclass(frozen=True)
class Splat(Expr):
    """``obj[*].a.b`` / ``obj.*.a``: each step is ("attr", name) or ("index", Expr)."""

    obj: Expr
    steps: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class Call(Expr):
    name: str
    args: tuple[Expr, ...]
    expand_last: bool = False  # f(a, b...)


@dataclass(frozen=True)
class BinaryOp(Expr):
    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True)
class UnaryOp(Expr):
    op: str
    operand: Expr


@dataclass(frozen=True)
class Conditional(Expr):
    condition: Expr
    true: Expr
    false: Expr


@dataclass(frozen=True)
class ForExpr(Expr):
    key_var: str | None
    value_var: str
    collection: Expr
    value: Expr
    key: Expr | None = None  # set for object comprehensions
    condition: Expr | None = None
    grouping: bool = False


# ---------------------------------------------------------------------------
# Body nodes
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Attribute:
    name: str
    expr: Expr
    line: int
    end_line: int


@dataclass(frozen=True)
class Block:
    type: str
    labels: tuple[str, ...]
    body: Body
    line: int
    end_line: int


@dataclass(frozen=True)
class Body:
    attributes: tuple[Attribute, ...]
    blocks: tuple[Block, ...]

    def attribute(self, name: str) -> Attribute | None:
        for attr in self.attributes:
            if attr.name == name:
                return attr
        return None

    def blocks_of(self, block_type: str) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.type == block_type)


EMPTY_BODY = Body((), ())
