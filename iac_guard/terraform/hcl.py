"""HCL (native and JSON syntax) to a small, typed syntax tree with line numbers.

python-hcl2's dict output loses block line numbers and turns every expression back into
text, so we walk its Lark parse tree (``hcl2.parses_to_tree``), which carries
``meta.line``/``meta.end_line`` on every node, and build our own frozen nodes. The
evaluator (``terraform.evaluate``) works on these nodes; nothing else in iac-guard sees
Lark.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from lark import Token, Tree
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from iac_guard.errors import ParseError

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


# ---------------------------------------------------------------------------
# Native syntax
# ---------------------------------------------------------------------------

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_ESCAPE_RE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.DOTALL)


def _unescape(text: str) -> str:
    def repl(match: re.Match[str]) -> str:
        seq = match.group(1)
        if seq[0] in "uU":
            return chr(int(seq[1:], 16))
        return _ESCAPES.get(seq, "\\" + seq)

    return _ESCAPE_RE.sub(repl, text)


def parse_hcl(text: str, filename: str) -> Body:
    """Parse native HCL; raise ParseError naming the file and line."""
    import hcl2

    for _attempt in range(MAX_ARROW_FIXES + 1):
        try:
            tree = hcl2.parses_to_tree(text)
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
    builder = _Builder(text, filename)
    try:
        return builder.body(tree.children[0])
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
        meta = node.meta
        if getattr(meta, "empty", True):
            return ""
        return self.text[meta.start_pos : meta.end_pos].strip()

    def line(self, node: Tree[Any] | Token) -> int:
        if isinstance(node, Token):
            return node.line or 0
        return 0 if getattr(node.meta, "empty", True) else node.meta.line

    def end_line(self, node: Tree[Any]) -> int:
        return 0 if getattr(node.meta, "empty", True) else node.meta.end_line

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
        items: list[str | Expr | tuple[Any, ...]] = []
        strip_next = False
        for child in node.children:
            if isinstance(child, Token):
                continue  # quotes
            part = child.children[0]
            if isinstance(part, Token):
                if part.type == "STRING_CHARS":
                    text = _unescape(str(part))
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
        structured = _structure(items, self.src(node), self.line(node), self.filename)
        if structured is None:
            flat = [i for i in items if not isinstance(i, tuple)]
            return _template(self.src(node), self.line(node), flat, True)
        return _template(self.src(node), self.line(node), structured, False)

    def directive(self, node: Tree[Any]) -> tuple[Any, ...]:
        """A directive of a quoted template as the token ``_structure`` expects."""
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
        return Literal(text, self.line(node), _unescape(text[2:-2]))

    def x_heredoc_template(self, node: Tree[Any]) -> Expr:
        return self.heredoc(node, trim=False)

    def x_heredoc_template_trim(self, node: Tree[Any]) -> Expr:
        return self.heredoc(node, trim=True)

    def heredoc(self, node: Tree[Any], *, trim: bool) -> Expr:
        raw = str(node.children[0])
        lines = raw.split("\n")
        body_lines = lines[1:-2] if lines and lines[-1] == "" else lines[1:-1]
        if trim:
            indents = [len(ln) - len(ln.lstrip()) for ln in body_lines if ln.strip()]
            cut = min(indents) if indents else 0
            body_lines = [ln[cut:] for ln in body_lines]
        body = "\n".join(body_lines) + ("\n" if body_lines else "")
        return parse_template(body, self.filename, self.line(node) + 1, src=raw.rstrip("\n"))

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


def _template(src: str, line: int, parts: list[str | Expr], directives: bool) -> Expr:
    merged = _merged(parts)
    if not directives:
        if not merged:
            return Literal(src, line, "")
        if len(merged) == 1 and isinstance(merged[0], str):
            return Literal(src, line, merged[0])
    return Template(src, line, merged, directives)


_INTERP = re.compile(r"(\$\$\{|%%\{|\$\{|%\{)")


def parse_template(text: str, filename: str, line: int, *, src: str | None = None) -> Expr:
    """Parse template text that is not inside quotes (heredoc bodies, JSON-syntax strings):
    interpolations, and ``%{ if }``/``%{ for }`` directives with ``~`` strip markers."""
    items: list[str | Expr | tuple[Any, ...]] = []  # literals, expressions, directive tokens
    pos = 0
    strip_next = False
    while pos < len(text):
        match = _INTERP.search(text, pos)
        literal = text[pos:] if match is None else text[pos : match.start()]
        if strip_next:
            literal = literal.lstrip()
            strip_next = False
        if match is None:
            items.append(literal)
            break
        marker = match.group(1)
        if marker in ("$${", "%%{"):
            items.append(literal + marker[1:])
            pos = match.end()
            continue
        end = _matching_brace(text, match.end())
        if end < 0:
            raise ParseError("unterminated template interpolation", file=filename, line=line + text.count("\n", 0, match.start()))
        inner = text[match.end() : end]
        if inner.startswith("~"):
            literal = literal.rstrip()
        strip_next = inner.endswith("~")
        items.append(literal)
        inner_line = line + text.count("\n", 0, match.start())
        body = inner.strip().strip("~").strip()
        if marker == "%{":
            items.append(_directive(body, filename, inner_line))
        else:
            items.append(parse_expression(body, filename, inner_line))
        pos = end + 1
    structured = _structure(items, src if src is not None else text, line, filename)
    if structured is None:  # a directive we cannot read: the whole template stays unknown
        flat = [i for i in items if not isinstance(i, tuple)]
        return _template(src if src is not None else text, line, flat, True)
    return _template(src if src is not None else text, line, structured, False)


_FOR_DIRECTIVE = re.compile(r"^for\s+([A-Za-z_][\w-]*)\s*(?:,\s*([A-Za-z_][\w-]*)\s*)?in\s+(.+)$", re.S)


def _directive(body: str, filename: str, line: int) -> tuple[Any, ...]:
    """A directive token: ("if", cond), ("else",), ("endif",), ("for", key, value, coll),
    ("endfor",), or ("unknown",) for anything else."""
    if body in ("else", "endif", "endfor"):
        return (body,)
    if body.startswith("if ") or body.startswith("if\t"):
        return ("if", parse_expression(body[2:].strip(), filename, line))
    found = _FOR_DIRECTIVE.match(body)
    if found:
        first, second, coll = found.groups()
        key_var, value_var = (first, second) if second else (None, first)
        return ("for", key_var, value_var, parse_expression(coll.strip(), filename, line))
    return ("unknown",)


def _structure(items: list[Any], src: str, line: int, filename: str) -> list[str | Expr] | None:
    """Nest directive tokens into TemplateIf / TemplateFor parts; None when they do not
    pair up (Terraform would reject the template; we keep it unknown)."""
    stack: list[tuple[tuple[Any, ...], list[str | Expr], list[str | Expr] | None]] = []
    current: list[str | Expr] = []
    root = current
    for item in items:
        if not isinstance(item, tuple):
            current.append(item)
            continue
        kind = item[0]
        if kind in ("if", "for"):
            stack.append((item, current, None))
            current = []
        elif kind == "else" and stack and stack[-1][0][0] == "if" and stack[-1][2] is None:
            opener, parent, _ = stack.pop()
            stack.append((opener, parent, current))
            current = []
        elif kind == "endif" and stack and stack[-1][0][0] == "if":
            opener, parent, then = stack.pop()
            then_parts, else_parts = (then, current) if then is not None else (current, [])
            parent.append(TemplateIf(src, line, opener[1], _merged(then_parts), _merged(else_parts)))
            current = parent
        elif kind == "endfor" and stack and stack[-1][0][0] == "for":
            opener, parent, _ = stack.pop()
            parent.append(TemplateFor(src, line, opener[1], opener[2], opener[3], _merged(current)))
            current = parent
        else:
            return None
    if stack:
        return None
    return root


def _merged(parts: list[str | Expr]) -> tuple[str | Expr, ...]:
    """Adjacent literal strings joined into one part."""
    out: list[str | Expr] = []
    for part in parts:
        if isinstance(part, str) and out and isinstance(out[-1], str):
            out[-1] = out[-1] + part
        else:
            out.append(part)
    return tuple(out)


def _matching_brace(text: str, start: int) -> int:
    depth = 1
    quote = False
    i = start
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == '"':
                quote = False
        elif ch == '"':
            quote = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def parse_expression(text: str, filename: str, line: int) -> Expr:
    """Parse one HCL expression given as text (from JSON syntax or a heredoc)."""
    body = parse_hcl(f"__iac_guard_expr = {text}\n", filename)
    expr = body.attributes[0].expr
    return _shift_lines(expr, line - 1)


def _shift_lines(expr: Expr, offset: int) -> Expr:
    if offset == 0:
        return expr
    import dataclasses

    changes: dict[str, Any] = {"line": expr.line + offset}
    for f in dataclasses.fields(expr):
        value = getattr(expr, f.name)
        if isinstance(value, Expr):
            changes[f.name] = _shift_lines(value, offset)
    return dataclasses.replace(expr, **changes)


# ---------------------------------------------------------------------------
# JSON syntax (.tf.json)
# ---------------------------------------------------------------------------

# Block types whose first N object levels are labels, per Terraform's JSON syntax.
_LABELS = {"resource": 2, "data": 2, "module": 1, "variable": 1, "output": 1, "provider": 1, "locals": 0, "terraform": 0, "moved": 0, "import": 0, "check": 1, "removed": 0}


def parse_tf_json(text: str, filename: str) -> Body:
    """Parse Terraform's JSON syntax into the same nodes, with line numbers."""
    from iac_guard.parse.marked_json import loads_marked

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
            for labels, body_value, line in _json_label_levels(content, depth, (), _json_line(block_type)):
                bodies = body_value if isinstance(body_value, list) else [body_value]
                for item in bodies:
                    body = _json_body(item, filename)
                    start = line or _json_line(item)
                    blocks.append(Block(str(block_type), labels, body, start, _json_end_line(item) or start))
    return Body((), tuple(blocks))


def _json_line(value: Any) -> int:
    mark = getattr(value, "start_mark", None)
    return int(mark.line) + 1 if mark is not None else 0


def _json_end_line(value: Any) -> int:
    mark = getattr(value, "end_mark", None)
    return int(mark.line) + 1 if mark is not None else 0


def _json_label_levels(
    value: Any, depth: int, labels: tuple[str, ...], key_line: int
) -> list[tuple[tuple[str, ...], Any, int]]:
    """Walk ``depth`` levels of label keys; the block's line is its last label key's line."""
    if depth == 0:
        return [(labels, value, key_line)]
    out: list[tuple[tuple[str, ...], Any, int]] = []
    if isinstance(value, dict):
        for key, inner in value.items():
            out.extend(_json_label_levels(inner, depth - 1, (*labels, str(key)), _json_line(key) or key_line))
    elif isinstance(value, list):
        for item in value:
            out.extend(_json_label_levels(item, depth, labels, _json_line(item) or key_line))
    return out


def _json_body(value: Any, filename: str) -> Body:
    attributes: list[Attribute] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "//":
                continue  # JSON-syntax comment
            line = _json_line(item) or _json_line(key) or _json_line(value)
            attributes.append(Attribute(str(key), _json_expr(item, filename, line), line, _json_end_line(item) or line))
    return Body(tuple(attributes), ())


def _json_expr(value: Any, filename: str, line: int) -> Expr:
    line = _json_line(value) or line
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
