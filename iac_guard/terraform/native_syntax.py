"""HCL native syntax (``.tf`` files, ``.tfvars``, expressions given as text) to the
syntax tree of ``terraform.hcl``.

python-hcl2's dict output loses block line numbers and turns every expression back into
text, so we walk its Lark parse tree and build our own frozen nodes. The tree comes from
python-hcl2's grammar and parse tables (its own cache file) with Lark's position
propagation off: it spent about a quarter of the parse setting ``meta`` on every rule
reduction, while every terminal of this grammar is kept in the tree, so a node's lines and
source span are those of its first and last token, found when asked (``_edge_token``).
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

from lark import Lark, Token, Tree
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from iac_guard.errors import ParseError
from iac_guard.terraform import native_fast
from iac_guard.terraform.hcl import (
    EMPTY_BODY,
    Attribute,
    BinaryOp,
    Block,
    Body,
    Call,
    Conditional,
    Expr,
    ForExpr,
    GetAttr,
    Index,
    Literal,
    Name,
    ObjectExpr,
    Splat,
    TupleExpr,
    UnaryOp,
)
from iac_guard.terraform.native_fast import unescape
from iac_guard.terraform.templates import Directive, Item, assemble, read_template


@functools.cache
def _parser() -> Lark:
    """python-hcl2's parser (``hcl2.parser.parser``: its grammar, options and cached tables)
    without position propagation, which Lark lets a cached parser change."""
    import hcl2.parser  # lazy: start-up speed
    from hcl2.postlexer import PostLexer

    return Lark.open(
        "hcl2.lark",
        rel_to=hcl2.parser.__file__,
        parser="lalr",
        cache=str(hcl2.parser.PARSER_FILE),
        propagate_positions=False,
        postlex=PostLexer(),
    )


def _edge_token(node: Tree[Any] | Token, last: bool = False) -> Token | None:
    """The first (or last) token under ``node``: where Lark's propagated ``meta`` would
    start (or end); None for a node without tokens (Lark's empty meta)."""
    if isinstance(node, Token):
        return node
    for child in reversed(node.children) if last else node.children:
        found = _edge_token(child, last)
        if found is not None:
            return found
    return None


def parse_hcl(text: str, filename: str) -> Body:
    """Parse native HCL; raise ParseError naming the file and line. Text of the common
    shapes is read by ``native_fast`` (the same tree, several times faster); the rest,
    and every error, by python-hcl2's parser."""
    body = native_fast.parse(text, functools.partial(heredoc, filename=filename))
    if body is not None:
        return body
    return parse_hcl_lark(text, filename)


def parse_hcl_lark(text: str, filename: str) -> Body:
    """``parse_hcl`` through python-hcl2's Lark parser alone."""
    for _attempt in range(MAX_ARROW_FIXES + 1):
        try:
            # the newline: python-hcl2's own workaround (the grammar has no end-of-file token)
            tree = _parser().parse(text + "\n")
            break
        except UnexpectedInput as exc:
            fixed = _arrow_on_next_line(text, exc)
            if fixed is None:
                raise ParseError(_lark_message(exc), file=filename, line=getattr(exc, "line", None) or None) from None
            text = fixed
        except LarkError as exc:
            raise ParseError(f"invalid HCL: {exc}", file=filename) from None
        except RecursionError:
            raise ParseError("expression nesting too deep to parse", file=filename) from None
    else:
        raise ParseError("too many line breaks before `=>` in for expressions", file=filename)
    body = tree.children[0]  # start: body
    if not isinstance(body, Tree):
        raise ParseError("invalid HCL", file=filename)
    builder = _Builder(text, filename)
    try:
        return builder.body(body)
    except RecursionError:
        raise ParseError("expression nesting too deep to parse", file=filename) from None


#: how many ``key\n=> value`` for-expression arrows one file may have moved before parsing
MAX_ARROW_FIXES = 500


def _arrow_on_next_line(text: str, exc: UnexpectedInput) -> str | None:
    """Terraform accepts a line break before the ``=>`` of a ``for`` object expression;
    python-hcl2 does not. When the parser stops at such a line break, move the ``=>`` up
    to the key's line (the line break stays after it, so every line keeps its number)."""
    if not isinstance(exc, UnexpectedToken) or "FOR_OBJECT_ARROW" not in exc.expected:
        return None
    start = exc.token.start_pos
    if start is None or exc.token.type != "NL_OR_COMMENT":
        return None
    arrow = start + len(str(exc.token))
    while arrow < len(text) and text[arrow] in " \t\r\n":
        arrow += 1
    if not text.startswith("=>", arrow):
        return None
    return text[:start] + " =>" + text[start:arrow] + text[arrow + 2 :]


def _lark_message(exc: UnexpectedInput) -> str:
    if isinstance(exc, UnexpectedCharacters):
        return f"invalid HCL: unexpected character {exc.char!r} at column {exc.column}"
    if isinstance(exc, UnexpectedToken):
        token = exc.token
        text = str(token).strip().splitlines()[0] if str(token).strip() else ""
        value = "end of file" if token.type == "$END" else (repr(text) if text else "end of line")
        expected = sorted(e for e in exc.expected if not e.startswith("__"))[:6]
        hint = f" (expected one of: {', '.join(expected)})" if expected else ""
        if "FOR_OBJECT_ARROW" in exc.expected:
            hint += "; a for expression that builds an object needs `key => value`"
        return f"invalid HCL: unexpected {value} at column {exc.column}{hint}"
    return "invalid HCL"


def _is_tree(node: Any, name: str | None = None) -> bool:
    return isinstance(node, Tree) and (name is None or node.data == name)


class _Builder:
    """Turns python-hcl2's Lark tree into our nodes."""

    def __init__(self, text: str, filename: str) -> None:
        self.text = text
        self.filename = filename

    # -- helpers -----------------------------------------------------------
    def src(self, node: Tree[Any] | Token) -> str:
        if isinstance(node, Token):
            return str(node)
        first, last = _edge_token(node), _edge_token(node, last=True)
        if first is None or last is None:
            return ""
        return self.text[first.start_pos : last.end_pos].strip()

    def line(self, node: Tree[Any] | Token) -> int:
        first = _edge_token(node)
        return (first.line or 0) if first is not None else 0

    def end_line(self, node: Tree[Any]) -> int:
        last = _edge_token(node, last=True)
        return (last.end_line or 0) if last is not None else 0

    def error(self, message: str, node: Tree[Any] | Token) -> ParseError:
        return ParseError(message, file=self.filename, line=self.line(node) or None)

    @staticmethod
    def children(node: Tree[Any]) -> list[Any]:
        return [c for c in node.children if not _is_tree(c, "new_line_or_comment")]

    # -- body ----------------------------------------------------------------
    def body(self, node: Tree[Any]) -> Body:
        attributes: list[Attribute] = []
        blocks: list[Block] = []
        seen: dict[str, int] = {}
        for child in self.children(node):
            if _is_tree(child, "attribute"):
                attr = self.attribute(child)
                if attr.name in seen:
                    raise ParseError(
                        f"attribute {attr.name!r} redefined (first set on line {seen[attr.name]})",
                        file=self.filename,
                        line=attr.line,
                    )
                seen[attr.name] = attr.line
                attributes.append(attr)
            elif _is_tree(child, "block"):
                blocks.append(self.block(child))
        return Body(tuple(attributes), tuple(blocks))

    def name_of(self, node: Any) -> str:
        if isinstance(node, Token):
            return str(node)
        if node.data in ("identifier", "keyword", "literal_value"):
            return str(node.children[0])
        if node.data == "string":
            value = self.string(node)
            if isinstance(value, Literal) and isinstance(value.value, str):
                return value.value
            raise self.error("block labels must be plain strings", node)
        raise self.error(f"unexpected {node.data}", node)

    def attribute(self, node: Tree[Any]) -> Attribute:
        name_node, _eq, expr_node = node.children[0], node.children[1], node.children[2]
        return Attribute(
            name=self.name_of(name_node),
            expr=self.expr(expr_node),
            line=self.line(node),
            end_line=self.end_line(node),
        )

    def block(self, node: Tree[Any]) -> Block:
        header: list[str] = []
        body: Body = EMPTY_BODY
        for child in node.children:
            if isinstance(child, Token):
                continue
            if child.data == "body":
                body = self.body(child)
            elif child.data != "new_line_or_comment":
                header.append(self.name_of(child))
        return Block(header[0], tuple(header[1:]), body, self.line(node), self.end_line(node))

    # -- expressions -----------------------------------------------------------
    def expr(self, node: Any) -> Expr:
        if isinstance(node, Token):
            raise self.error(f"unexpected token {node!s}", node)
        handler = getattr(self, "x_" + node.data, None)
        if handler is None:
            raise self.error(f"unsupported HCL construct {node.data}", node)
        result: Expr = handler(node)
        return result

    def x_expr_term(self, node: Tree[Any]) -> Expr:
        inner = [c for c in self.children(node) if not (isinstance(c, Token) and c.type in ("LPAR", "RPAR"))]
        if len(inner) != 1:
            raise self.error("malformed expression", node)
        return self.expr(inner[0])

    def x_int_lit(self, node: Tree[Any]) -> Expr:
        return Literal(self.src(node), self.line(node), int(str(node.children[0])))

    def x_float_lit(self, node: Tree[Any]) -> Expr:
        return Literal(self.src(node), self.line(node), float(str(node.children[0])))

    def x_literal_value(self, node: Tree[Any]) -> Expr:
        word = str(node.children[0])
        value = {"true": True, "false": False, "null": None}[word]
        return Literal(word, self.line(node), value)

    def x_identifier(self, node: Tree[Any]) -> Expr:
        return Name(self.src(node), self.line(node), str(node.children[0]))

    def x_keyword(self, node: Tree[Any]) -> Expr:
        return self.x_identifier(node)

    def x_string(self, node: Tree[Any]) -> Expr:
        return self.string(node)

    def string(self, node: Tree[Any]) -> Expr:
        items: list[Item] = []
        strip_next = False
        for child in node.children:
            if isinstance(child, Token):
                continue  # quotes
            part = child.children[0]
            if isinstance(part, Token):
                if part.type == "STRING_CHARS":
                    text = unescape(str(part))
                elif part.type in ("ESCAPED_INTERPOLATION", "ESCAPED_DIRECTIVE"):
                    text = str(part)[1:]
                else:
                    text = str(part)
                items.append(text.lstrip() if strip_next else text)
                strip_next = False
                continue
            tokens = [str(t) for t in part.children if isinstance(t, Token)]
            if len(tokens) > 1 and tokens[1] == "~" and items and isinstance(items[-1], str):
                items[-1] = items[-1].rstrip()
            strip_next = len(tokens) > 1 and tokens[-2] == "~"
            if part.data == "interpolation":
                items.append(self.expr(self.children(part)[1]))
            else:
                items.append(self.directive(part))
        return assemble(items, self.src(node), self.line(node))

    def directive(self, node: Tree[Any]) -> Directive:
        """A directive of a quoted template as the token ``templates.assemble`` expects."""
        kind = {"template_else": "else", "template_endif": "endif", "template_endfor": "endfor"}.get(node.data)
        if kind is not None:
            return (kind,)
        trees = [c for c in node.children if isinstance(c, Tree)]
        if node.data == "template_if_start" and len(trees) == 1:
            return ("if", self.expr(trees[0]))
        if node.data == "template_for_start" and trees:
            names = [str(t.children[0]) for t in trees[:-1] if t.data == "identifier"]
            if len(names) in (1, 2):
                key_var, value_var = (names[0], names[1]) if len(names) == 2 else (None, names[0])
                return ("for", key_var, value_var, self.expr(trees[-1]))
        return ("unknown",)

    def x_template_string(self, node: Tree[Any]) -> Expr:
        text = str(node.children[0])
        return Literal(text, self.line(node), unescape(text[2:-2]))

    def x_heredoc_template(self, node: Tree[Any]) -> Expr:
        return self.heredoc(node, trim=False)

    def x_heredoc_template_trim(self, node: Tree[Any]) -> Expr:
        return self.heredoc(node, trim=True)

    def heredoc(self, node: Tree[Any], *, trim: bool) -> Expr:
        return heredoc(str(node.children[0]), self.line(node), trim, filename=self.filename)

    def x_tuple(self, node: Tree[Any]) -> Expr:
        items = tuple(self.expr(c) for c in self.children(node) if not isinstance(c, Token))
        return TupleExpr(self.src(node), self.line(node), items)

    def x_object(self, node: Tree[Any]) -> Expr:
        items: list[tuple[Expr, Expr]] = []
        for elem in self.children(node):
            if not _is_tree(elem, "object_elem"):
                continue
            key_node = elem.children[0].children[0]
            value = self.expr(elem.children[2])
            if _is_tree(key_node, "keyword"):
                key: Expr = Literal(self.src(key_node), self.line(key_node), str(key_node.children[0]))
            else:
                key = self.expr(key_node)
                bare = _is_tree(key_node, "expr_term") and len(key_node.children) == 1
                if isinstance(key, Name) and bare:
                    key = Literal(key.src, key.line, key.name)  # {a = 1}: "a" is a literal key
            items.append((key, value))
        return ObjectExpr(self.src(node), self.line(node), tuple(items))

    def x_get_attr_expr_term(self, node: Tree[Any]) -> Expr:
        obj, attr = node.children
        return GetAttr(self.src(node), self.line(node), self.expr(obj), self.name_of(attr.children[1]))

    def x_index_expr_term(self, node: Tree[Any]) -> Expr:
        obj, index = node.children
        return Index(self.src(node), self.line(node), self.expr(obj), self.index_key(index))

    def index_key(self, index: Tree[Any]) -> Expr:
        if index.data == "short_index":
            token = index.children[1]
            return Literal(str(token), self.line(index), int(str(token)))
        inner = [c for c in self.children(index) if not isinstance(c, Token)]
        return self.expr(inner[0])

    def splat(self, node: Tree[Any]) -> Expr:
        obj, splat = node.children
        steps: list[tuple[str, Any]] = []
        for step in splat.children:
            if isinstance(step, Token):
                continue
            if step.data == "get_attr":
                steps.append(("attr", self.name_of(step.children[1])))
            else:
                steps.append(("index", self.index_key(step)))
        return Splat(self.src(node), self.line(node), self.expr(obj), tuple(steps))

    def x_attr_splat_expr_term(self, node: Tree[Any]) -> Expr:
        return self.splat(node)

    def x_full_splat_expr_term(self, node: Tree[Any]) -> Expr:
        return self.splat(node)

    def x_function_call(self, node: Tree[Any]) -> Expr:
        parts = [c for c in node.children if not isinstance(c, Token)]
        names = [self.name_of(p) for p in parts if _is_tree(p, "identifier")]
        name = "::".join(names)
        args: tuple[Expr, ...] = ()
        expand = False
        for part in parts:
            if _is_tree(part, "arguments"):
                args = tuple(self.expr(a) for a in self.children(part) if not isinstance(a, Token))
                expand = any(isinstance(t, Token) and t.type == "ELLIPSIS" for t in part.children)
        return Call(self.src(node), self.line(node), name, args, expand)

    def x_binary_op(self, node: Tree[Any]) -> Expr:
        left, term = self.children(node)[:2]
        op_node, right = [c for c in self.children(term)][:2]
        return BinaryOp(self.src(node), self.line(node), str(op_node.children[0]), self.expr(left), self.expr(right))

    def x_unary_op(self, node: Tree[Any]) -> Expr:
        op, operand = node.children
        return UnaryOp(self.src(node), self.line(node), str(op), self.expr(operand))

    def x_conditional(self, node: Tree[Any]) -> Expr:
        exprs = [c for c in self.children(node) if not isinstance(c, Token)]
        cond, true, false = (self.expr(e) for e in exprs)
        return Conditional(self.src(node), self.line(node), cond, true, false)

    def for_intro(self, intro: Tree[Any]) -> tuple[str | None, str, Expr]:
        names = [str(c.children[0]) for c in intro.children if _is_tree(c, "identifier")]
        collection = next(c for c in self.children(intro) if isinstance(c, Tree) and c.data != "identifier")
        key_var, value_var = (names[0], names[1]) if len(names) == 2 else (None, names[0])
        return key_var, value_var, self.expr(collection)

    def for_parts(self, node: Tree[Any]) -> tuple[tuple[str | None, str, Expr], list[Expr], Expr | None, bool]:
        intro = None
        exprs: list[Expr] = []
        cond = None
        grouping = False
        for child in self.children(node):
            if isinstance(child, Token):
                grouping = grouping or child.type == "ELLIPSIS"
            elif child.data == "for_intro":
                intro = self.for_intro(child)
            elif child.data == "for_cond":
                cond = self.expr(next(c for c in self.children(child) if isinstance(c, Tree)))
            else:
                exprs.append(self.expr(child))
        assert intro is not None
        return intro, exprs, cond, grouping

    def x_for_tuple_expr(self, node: Tree[Any]) -> Expr:
        (key_var, value_var, coll), exprs, cond, _ = self.for_parts(node)
        return ForExpr(self.src(node), self.line(node), key_var, value_var, coll, exprs[0], None, cond)

    def x_for_object_expr(self, node: Tree[Any]) -> Expr:
        (key_var, value_var, coll), exprs, cond, grouping = self.for_parts(node)
        return ForExpr(self.src(node), self.line(node), key_var, value_var, coll, exprs[1], exprs[0], cond, grouping)


def heredoc(raw: str, line: int, trim: bool, *, filename: str) -> Expr:
    """A heredoc token (``<<EOT`` or ``<<-EOT`` through its closing line) on ``line`` as
    a template: ``<<-`` removes the body's common indentation."""
    lines = raw.split("\n")
    body_lines = lines[1:-2] if lines and lines[-1] == "" else lines[1:-1]
    if trim:
        indents = [len(ln) - len(ln.lstrip()) for ln in body_lines if ln.strip()]
        cut = min(indents) if indents else 0
        body_lines = [ln[cut:] for ln in body_lines]
    body = "\n".join(body_lines) + ("\n" if body_lines else "")
    return read_template(body, filename, line + 1, parse_expression, src=raw.rstrip("\n"))


def parse_expression(text: str, filename: str, line: int) -> Expr:
    """Parse one HCL expression given as text (from JSON syntax or a heredoc)."""
    body = parse_hcl(f"__iac_guard_expr = {text}\n", filename)
    expr = body.attributes[0].expr
    return _shift_lines(expr, line - 1)


def _shift_lines(expr: Expr, offset: int) -> Expr:
    if offset == 0:
        return expr
    changes: dict[str, Any] = {"line": expr.line + offset}
    for f in dataclasses.fields(expr):
        value = getattr(expr, f.name)
        if isinstance(value, Expr):
            changes[f.name] = _shift_lines(value, offset)
    return dataclasses.replace(expr, **changes)


def parse_template(text: str, filename: str, line: int, *, src: str | None = None) -> Expr:
    """Parse template text that is not inside quotes (heredoc bodies, ``.tf.json`` strings,
    ``templatefile`` files), its interpolations and directives in native syntax."""
    return read_template(text, filename, line, parse_expression, src=src)
