"""A fast reader for the common shapes of HCL native syntax, in front of python-hcl2's parser.

python-hcl2's Lark LALR parser costs about 5 ms for an 80-line file (on 1,800 files, most
of a cold scan). Most Terraform files are blocks of attributes whose values are
literals, quoted strings with ``${...}`` interpolations, references, function calls,
lists, maps and heredocs. This module reads exactly those shapes, one pass over the
text, into the same ``terraform.hcl`` nodes ``native_syntax`` builds from Lark's tree:
the same node types, values, ``src`` texts and line numbers.

Anything else (operators, conditionals, ``for`` expressions, splats, template
directives, ``~`` strip markers, block comments, parentheses, ``$${`` escapes, keywords
where they are ambiguous, duplicate attributes, any syntax error) makes ``parse`` return
None and the caller takes python-hcl2's parser, which then gives its tree or its error.
So this reader may be stricter than python-hcl2, never looser: a text it reads is one
python-hcl2 reads to the same tree (``tests/terraform/test_native_fast.py`` compares the
two on every fixture and on generated and mutated texts). Its tokens use python-hcl2's
own terminal patterns (names, string characters, numbers, heredocs, comments).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from iac_guard.errors import ParseError
from iac_guard.terraform.hcl import (
    EMPTY_BODY,
    Attribute,
    Block,
    Body,
    Call,
    Expr,
    GetAttr,
    Index,
    Literal,
    Name,
    ObjectExpr,
    TupleExpr,
)
from iac_guard.terraform.templates import Item, assemble

#: python-hcl2's terminals (hcl2.lark), as Lark compiles them
_NAME = re.compile(r"[a-zA-Z_][a-zA-Z0-9_-]*")
_STRING_CHARS = re.compile(r'(?:(?!\$\$\{)(?!\$\{)(?!%%\{)(?!%\{)[^"\\]|\\.|(?:\$(?!\$?\{))|(?:%(?!%?\{)))+')
_HEREDOC = re.compile(r"<<(?P<heredoc>[a-zA-Z][a-zA-Z0-9._-]*)\r?\n(?:(?:.|\n)*?\r?\n)??\s*(?P=heredoc)\r?\n")
_HEREDOC_TRIM = re.compile(r"<<-(?P<heredoc_trim>[a-zA-Z][a-zA-Z0-9._-]*)\r?\n(?:(?:.|\n)*?\r?\n)??\s*(?P=heredoc_trim)\r?\n")
#: what Lark ignores between tokens
_SPACE = re.compile(r"[ \t\r]*")
#: spaces, line breaks and line comments (python-hcl2's NL_OR_COMMENT without block comments)
_GAP = re.compile(r"(?:[ \t\r\n]|#.*\n|//.*\n)*")
#: a number this reader takes: digits, or digits "." digits (no sign, no exponent)
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?(?![0-9A-Za-z_.-])")
#: a short index (``list.0``)
_DIGITS = re.compile(r"[0-9]+(?![0-9A-Za-z_.-])")
#: words python-hcl2 lexes as keywords where its parser state allows one
_KEYWORDS = frozenset({"in", "for", "if", "for_each", "else", "endif", "endfor"})
_LITERALS: dict[str, bool | None] = {"true": True, "false": False, "null": None}
#: what may follow a complete expression in a shape this reader takes (after spaces):
#: anything else (an operator, "?", ":", a traversal after a space) is not ours
_AFTER = frozenset(",]})\n#/")

#: how deep a text this reader takes (nested terms and traversal steps on one path)
MAX_DEPTH = 64

#: reads a heredoc token: (token text, its line, trimmed "<<-") -> expression
Heredoc = Callable[[str, int, bool], Expr]


class NotCommon(Exception):
    """The text has a shape this reader leaves to python-hcl2's parser."""


def parse(text: str, heredoc: Heredoc) -> Body | None:
    """The body of ``text`` if every part of it is of a shape this reader takes, else None."""
    try:
        return _Reader(text, heredoc).file()
    except (NotCommon, IndexError, ParseError, RecursionError, ValueError):
        return None


class _Reader:
    def __init__(self, text: str, heredoc: Heredoc) -> None:
        self.text = text + "\n"  # as native_syntax gives it to Lark (the grammar has no end-of-file token)
        self.pos = 0
        self.depth = 0  # terms open (see ``term``)
        self.heredoc = heredoc
        self.breaks = [m.start() for m in re.finditer("\n", self.text)]

    # -- positions --------------------------------------------------------------
    def line_at(self, pos: int) -> int:
        """The line of the character at ``pos``; at a token's end, Lark's ``end_line``."""
        return bisect.bisect_left(self.breaks, pos) + 1

    def src(self, start: int, end: int) -> str:
        return self.text[start:end].strip()

    def space(self) -> None:
        self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]

    def gap(self) -> None:
        self.pos = _GAP.match(self.text, self.pos).end()  # type: ignore[union-attr]

    def name(self) -> str:
        match = _NAME.match(self.text, self.pos)
        if match is None:
            raise NotCommon
        self.pos = match.end()
        return match.group()

    def equals(self) -> None:
        """``=`` as python-hcl2's EQ reads it (not ``==`` nor ``=>``), then spaces."""
        self.space()
        if self.text[self.pos] != "=" or self.text[self.pos + 1] in "=>":
            raise NotCommon
        self.pos += 1
        self.space()

    # -- bodies -----------------------------------------------------------------
    def file(self) -> Body:
        body = self.body()
        if self.pos != len(self.text):
            raise NotCommon
        return body

    def body(self) -> Body:
        """Items, one a line, until the end of the text or a ``}`` (not consumed)."""
        attributes: list[Attribute] = []
        blocks: list[Block] = []
        seen: set[str] = set()
        while True:
            self.gap()
            if self.pos >= len(self.text) or self.text[self.pos] == "}":
                return Body(tuple(attributes), tuple(blocks)) if attributes or blocks else EMPTY_BODY
            start = self.pos
            word = self.name()
            if word in _LITERALS or (word in _KEYWORDS and word != "for_each"):
                raise NotCommon
            self.space()
            if self.text[self.pos] == "=":
                self.equals()
                expr = self.expression()
                end = self.pos
                if word in seen:
                    raise NotCommon  # python-hcl2's path reports it
                seen.add(word)
                attributes.append(Attribute(word, expr, self.line_at(start), self.line_at(end)))
            else:
                if word == "for_each":
                    raise NotCommon
                blocks.append(self.block(word, start))
                end = self.pos
            self.end_of_item(end)

    def end_of_item(self, end: int) -> None:
        """After an attribute or a block: a line break or a comment (a heredoc ends with its
        own line break), else the text is not of our shapes."""
        if self.text[end - 1] == "\n":
            return
        self.space()
        char = self.text[self.pos]
        if char not in "\n#" and not self.text.startswith("//", self.pos):
            raise NotCommon

    def block(self, block_type: str, start: int) -> Block:
        labels: list[str] = []
        while self.text[self.pos] != "{":
            if self.text[self.pos] == '"':
                label = self.string()
                if not isinstance(label, Literal) or not isinstance(label.value, str):
                    raise NotCommon
                labels.append(label.value)
            else:
                word = self.name()
                if word in _LITERALS or word in _KEYWORDS:
                    raise NotCommon
                labels.append(word)
            self.space()
        self.pos += 1
        self.space()
        if self.text[self.pos] == "}":
            body = EMPTY_BODY
        elif self.text[self.pos] in "\n#" or self.text.startswith("//", self.pos):
            body = self.body()
            if self.text[self.pos] != "}":
                raise NotCommon
        else:
            raise NotCommon  # a one-line block with content
        self.pos += 1
        return Block(block_type, tuple(labels), body, self.line_at(start), self.line_at(self.pos))

    # -- expressions --------------------------------------------------------------
    def expression(self) -> Expr:
        """One expression of our shapes; the position is left where its last token ends."""
        expr = self.term()
        end = self.pos
        if self.text[end - 1] != "\n":  # after a heredoc the line is over
            after = _SPACE.match(self.text, end).end()  # type: ignore[union-attr]
            char = self.text[after]
            if char not in _AFTER or (char == "/" and not self.text.startswith("//", after)):
                raise NotCommon
        return expr

    def term(self) -> Expr:
        """One term and its traversals, at most MAX_DEPTH deep (nesting and traversal steps
        together): python-hcl2's path recurses once a level and gives up some 250 levels
        down, so a deeper text is left to it."""
        self.depth += 1
        try:
            return self._term()
        finally:
            self.depth -= 1

    def _term(self) -> Expr:
        if self.depth > MAX_DEPTH:
            raise NotCommon
        start = self.pos
        char = self.text[start]
        expr: Expr
        if char == '"':
            expr = self.string()
        elif char == "[":
            expr = self.tuple_()
        elif char == "{":
            expr = self.object_()
        elif char == "<":
            trim = self.text.startswith("<<-", start)
            match = (_HEREDOC_TRIM if trim else _HEREDOC).match(self.text, start)
            if match is None:
                raise NotCommon
            self.pos = match.end()
            return self.heredoc(match.group(), self.line_at(start), trim)
        elif char.isdigit():
            match = _NUMBER.match(self.text, start)
            if match is None:
                raise NotCommon
            self.pos = match.end()
            word = match.group()
            return Literal(word, self.line_at(start), float(word) if "." in word else int(word))
        else:
            word = self.name()
            if word in _LITERALS:
                if self.text[self.pos] in ".[":
                    raise NotCommon
                return Literal(word, self.line_at(start), _LITERALS[word])
            if word in _KEYWORDS:
                raise NotCommon
            self.space()
            if self.text[self.pos] == "(":
                expr = self.call(word, start)
            else:
                if self.text.startswith("::", self.pos):
                    raise NotCommon
                self.pos = start + len(word)
                expr = Name(word, self.line_at(start), word)
        return self.traversals(expr, start)

    def traversals(self, expr: Expr, start: int) -> Expr:
        """``.name``, ``.0`` and ``[key]`` right after a term (no splats)."""
        line = self.line_at(start)
        steps = self.depth  # this term's nesting, then one more a step
        while True:
            char = self.text[self.pos]
            if char in ".[":
                steps += 1
                if steps > MAX_DEPTH:
                    raise NotCommon
            if char == ".":
                dot = self.pos
                self.pos += 1
                if self.text[self.pos].isdigit():
                    match = _DIGITS.match(self.text, self.pos)
                    if match is None:
                        raise NotCommon
                    self.pos = match.end()
                    expr = Index(self.src(start, self.pos), line, expr, Literal(match.group(), self.line_at(dot), int(match.group())))
                    continue
                word = self.name()
                if word in _LITERALS or word in _KEYWORDS:
                    raise NotCommon
                expr = GetAttr(self.src(start, self.pos), line, expr, word)
            elif char == "[":
                if self.text.startswith("[*]", self.pos):
                    raise NotCommon
                self.pos += 1
                self.space()
                index = self.expression()
                self.space()
                if self.text[self.pos] != "]":
                    raise NotCommon
                self.pos += 1
                expr = Index(self.src(start, self.pos), line, expr, index)
            else:
                return expr

    def string(self) -> Expr:
        """A quoted string from its opening quote: literal text and ``${...}``."""
        start = self.pos
        self.pos += 1
        items: list[Item] = []
        text = self.text
        while True:
            char = text[self.pos]
            if char == '"':
                self.pos += 1
                break
            if text.startswith("${", self.pos):
                self.pos += 2
                self.space()
                if text[self.pos] == "~":
                    raise NotCommon
                inner = self.expression()
                self.space()
                if text[self.pos] != "}":
                    raise NotCommon
                self.pos += 1
                items.append(inner)
                continue
            match = _STRING_CHARS.match(text, self.pos)
            if match is None:
                raise NotCommon  # %{ directives, $${ and %%{ escapes, a bad escape
            items.append(unescape(match.group()))
            self.pos = match.end()
        return assemble(items, self.src(start, self.pos), self.line_at(start))

    def listed(self, close: str) -> tuple[Expr, ...]:
        """Expressions separated by commas up to ``close`` (consumed), from just after the
        opening bracket; line breaks and comments around them, a trailing comma."""
        self.pos += 1
        items: list[Expr] = []
        self.gap()
        while self.text[self.pos] != close:
            item = self.expression()
            items.append(item)
            before = self.pos
            self.gap()
            if self.text[self.pos] == ",":
                broke = "\n" in self.text[before : self.pos]
                self.pos += 1
                self.gap()
                if close == ")" and broke and self.text[self.pos] == ")":
                    raise NotCommon  # python-hcl2's arguments: no line break before a trailing comma
            elif self.text[self.pos] != close:
                raise NotCommon  # a call's "..." expansion, or not ours
        self.pos += 1
        return tuple(items)

    def tuple_(self) -> Expr:
        start = self.pos
        items = self.listed("]")
        return TupleExpr(self.src(start, self.pos), self.line_at(start), items)

    def object_(self) -> Expr:
        start = self.pos
        self.pos += 1
        items: list[tuple[Expr, Expr]] = []
        self.gap()
        while self.text[self.pos] != "}":
            key_start = self.pos
            key: Expr
            if self.text[key_start] == '"':
                key = self.string()
            else:
                word = self.name()
                if word in _LITERALS or word in _KEYWORDS:
                    raise NotCommon
                key = Literal(word, self.line_at(key_start), word)
            self.equals()
            value = self.expression()
            items.append((key, value))
            self.space()
            char = self.text[self.pos]
            if char == ",":
                self.pos += 1
                self.gap()
            elif char in "\n#/":
                self.gap()
            elif char != "}":
                raise NotCommon
        self.pos += 1
        return ObjectExpr(self.src(start, self.pos), self.line_at(start), tuple(items))

    def call(self, name: str, start: int) -> Expr:
        args = self.listed(")")
        return Call(self.src(start, self.pos), self.line_at(start), name, args, False)


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_ESCAPE_RE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.DOTALL)


def unescape(text: str) -> str:
    """A quoted string's characters with their escapes applied (as python-hcl2's path
    applies them: an unknown escape stays as written)."""
    if "\\" not in text:
        return text

    def repl(match: re.Match[str]) -> str:
        seq = match.group(1)
        if seq[0] in "uU":
            return chr(int(seq[1:], 16))
        return _ESCAPES.get(seq, "\\" + seq)

    return _ESCAPE_RE.sub(repl, text)
