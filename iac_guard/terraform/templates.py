"""String templates: interpolations and ``%{ if }``/``%{ for }`` directives.

A template is read as a list of items in source order (literal strings, expressions and
directive tokens); ``assemble`` nests the directives into ``TemplateIf``/``TemplateFor``
nodes. Quoted strings get their items from python-hcl2's tree (``native_syntax``); text
outside quotes (heredoc bodies, ``.tf.json`` strings, ``templatefile`` files) is read
here, with the expressions inside parsed by the ``parse_expression`` the caller passes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from iac_guard.errors import ParseError
from iac_guard.terraform.hcl import Expr, Literal, Template, TemplateFor, TemplateIf

#: ("if", cond), ("else",), ("endif",), ("for", key, value, coll), ("endfor",), ("unknown",)
Directive = tuple[Any, ...]
Item = str | Expr | Directive
#: parses one expression given as text: (text, filename, line) -> Expr
ExpressionParser = Callable[[str, str, int], Expr]


def _template(src: str, line: int, parts: list[str | Expr], directives: bool) -> Expr:
    """A template of ``parts``; a template with no expression in it is a Literal."""
    merged = _merged(parts)
    if not directives:
        if not merged:
            return Literal(src, line, "")
        if len(merged) == 1 and isinstance(merged[0], str):
            return Literal(src, line, merged[0])
    return Template(src, line, merged, directives)


_INTERP = re.compile(r"(\$\$\{|%%\{|\$\{|%\{)")


def read_template(
    text: str, filename: str, line: int, parse_expression: ExpressionParser, *, src: str | None = None
) -> Expr:
    """Parse template text that is not inside quotes (heredoc bodies, JSON-syntax strings,
    template files): interpolations, and ``%{ if }``/``%{ for }`` directives with ``~``
    strip markers. ``parse_expression`` parses what is inside ``${ }`` and after ``if``/``in``."""
    items: list[Item] = []
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
            items.append(_directive(body, filename, inner_line, parse_expression))
        else:
            items.append(parse_expression(body, filename, inner_line))
        pos = end + 1
    return assemble(items, src if src is not None else text, line)


def assemble(items: list[Item], src: str, line: int) -> Expr:
    """The template of literal strings, expressions and directive tokens (in source
    order): directives nested into TemplateIf / TemplateFor parts. A directive that cannot
    be read or does not pair up leaves the whole template unknown (``directives=True``)."""
    structured = _structure(items, src, line)
    if structured is None:
        flat = [i for i in items if not isinstance(i, tuple)]
        return _template(src, line, flat, True)
    return _template(src, line, structured, False)


_FOR_DIRECTIVE = re.compile(r"^for\s+([A-Za-z_][\w-]*)\s*(?:,\s*([A-Za-z_][\w-]*)\s*)?in\s+(.+)$", re.S)


def _directive(body: str, filename: str, line: int, parse_expression: ExpressionParser) -> Directive:
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


def _structure(items: list[Item], src: str, line: int) -> list[str | Expr] | None:
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
