"""Nodes with line marks (JSON here, CloudFormation YAML in ``parse.cfn_yaml``): decode
JSON with a mark on every key, object and array and errors that always say where
(``.tf.json``, ``.tfvars.json`` and plan files share it), read a node's line, and strip the
marks to plain values (CloudFormation templates, plan files, ``.tfvars.json``).

A marked node is a ``str``/``dict``/``list`` subclass with ``start_mark`` and ``end_mark``
(0-based ``.line`` and ``.column``), the shape cfn-lint's decoders give, which this module
replaces so that parsing never imports cfn-lint (its import costs more than half a second).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable
from json import decoder as _json_decoder
from json.scanner import NUMBER_RE
from typing import Any

from iac_guard.errors import ParseError


class Mark:
    """A position in the text: 0-based line and column."""

    __slots__ = ("column", "line")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column

    def __repr__(self) -> str:
        return f"Mark(line={self.line}, column={self.column})"

    def __reduce__(self) -> tuple[type[Mark], tuple[int, int]]:
        return Mark, (self.line, self.column)


class MarkedStr(str):
    """A string with the marks of where it is written."""

    __slots__ = ("end_mark", "start_mark")
    start_mark: Any
    end_mark: Any


class MarkedDict(dict[Any, Any]):
    """A mapping with the marks of where it is written."""

    __slots__ = ("end_mark", "start_mark")
    start_mark: Any
    end_mark: Any


class MarkedList(list[Any]):
    """A sequence with the marks of where it is written."""

    __slots__ = ("end_mark", "start_mark")
    start_mark: Any
    end_mark: Any


def marked_str(value: str, start: Any, end: Any) -> MarkedStr:
    node = MarkedStr(value)
    node.start_mark, node.end_mark = start, end
    return node


class JsonProblem(Exception):
    """Why ``decode_json`` failed: the message and 1-based line of the fault (the
    standard library's JSON error for a syntax error), or the repeated key for a
    duplicate (``duplicate`` is the later key, ``first`` the one it repeats, both marked)."""

    def __init__(self, message: str, line: int | None, duplicate: MarkedStr | None = None, first: MarkedStr | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.duplicate = duplicate
        self.first = first


class _Syntax(Exception):
    """Internal: the text is not JSON (the standard library says why and where)."""


_WHITESPACE = re.compile(r"[ \t\n\r]*")
# the standard library's (C) string scanner: strict JSON strings, its own error messages
_scanstring: Callable[[str, int, bool], tuple[str, int]] = _json_decoder.scanstring  # type: ignore[attr-defined]
_NEWLINE = re.compile("\n")


def decode_json(text: str) -> Any:
    """Decode ``text`` as the standard library's ``json.loads`` would (strict strings,
    ``NaN``/``Infinity`` accepted), with marks on every key, object and array; string
    values and other scalars are plain. Raise JsonProblem on a syntax error or a key
    repeated in one object (reported when that object closes, innermost first).

    The marks' lines are those cfn-lint's JSON decoder gave, which line-based code here was
    written against: a key starts on the line of its opening quote; an object or array
    starts on the line of the character after its opening bracket (the next line when the
    bracket ends its line) and ends on the line of the character after its closing
    bracket, one less when the text has more than one newline."""
    newlines = [m.start() for m in _NEWLINE.finditer(text)]
    end_offset = 1 if len(newlines) > 1 else 0

    def start_mark(pos: int) -> Mark:
        line = bisect_right(newlines, pos)
        return Mark(line, pos - (newlines[line - 1] + 1 if line else 0))

    def end_mark(pos: int) -> Mark:
        line = bisect_right(newlines, pos)  # the column is on this line, the line reported as cfn-lint did
        return Mark(max(line - end_offset, 0), pos - (newlines[line - 1] + 1 if line else 0))

    space = _WHITESPACE.match

    def ws(pos: int) -> int:
        """The index after the whitespace at ``pos``."""
        found = space(text, pos)
        return found.end() if found is not None else pos

    number = NUMBER_RE.match

    def value(pos: int) -> tuple[Any, int]:
        """The value starting at ``pos`` (no whitespace before it) and the index after it."""
        ch = text[pos : pos + 1]
        if ch == '"':
            try:
                return _scanstring(text, pos + 1, True)
            except ValueError:
                raise _Syntax from None
        if ch == "{":
            return obj(pos + 1)
        if ch == "[":
            return array(pos + 1)
        if ch == "n" and text.startswith("null", pos):
            return None, pos + 4
        if ch == "t" and text.startswith("true", pos):
            return True, pos + 4
        if ch == "f" and text.startswith("false", pos):
            return False, pos + 5
        found = number(text, pos)
        if found is not None:
            integer, frac, exp = found.groups()
            if frac or exp:
                return float(integer + (frac or "") + (exp or "")), found.end()
            return int(integer), found.end()
        if ch == "N" and text.startswith("NaN", pos):
            return float("nan"), pos + 3
        if ch == "I" and text.startswith("Infinity", pos):
            return float("inf"), pos + 8
        if ch == "-" and text.startswith("-Infinity", pos):
            return float("-inf"), pos + 9
        raise _Syntax

    def obj(begin: int) -> tuple[MarkedDict, int]:
        """The object whose ``{`` is just before ``begin``."""
        out = MarkedDict()
        duplicate: tuple[MarkedStr, MarkedStr] | None = None
        firsts: dict[str, MarkedStr] = {}
        pos = ws(begin)
        if text[pos : pos + 1] == "}":
            pos += 1
        else:
            while True:
                if text[pos : pos + 1] != '"':
                    raise _Syntax
                try:
                    raw, after = _scanstring(text, pos + 1, True)
                except ValueError:
                    raise _Syntax from None
                key = marked_str(raw, start_mark(pos), end_mark(pos + len(raw)))
                pos = ws(after)
                if text[pos : pos + 1] != ":":
                    raise _Syntax
                pos = ws(pos + 1)
                item, pos = value(pos)
                first = firsts.get(raw)
                if first is None:
                    firsts[raw] = key
                    out[key] = item
                elif duplicate is None:  # the first value stays, as cfn-lint kept it
                    duplicate = (key, first)
                pos = ws(pos)
                ch = text[pos : pos + 1]
                pos += 1
                if ch == "}":
                    break
                if ch != ",":
                    raise _Syntax
                pos = ws(pos)
        if duplicate is not None:
            later, first = duplicate
            raise JsonProblem(f'duplicate key "{later}"', later.start_mark.line + 1, later, first)
        out.start_mark, out.end_mark = start_mark(begin), end_mark(pos)
        return out, pos

    def array(begin: int) -> tuple[MarkedList, int]:
        """The array whose ``[`` is just before ``begin``."""
        out = MarkedList()
        pos = ws(begin)
        if text[pos : pos + 1] == "]":
            pos += 1
        else:
            while True:
                item, pos = value(pos)
                out.append(item)
                pos = ws(pos)
                ch = text[pos : pos + 1]
                pos += 1
                if ch == "]":
                    break
                if ch != ",":
                    raise _Syntax
                pos = ws(pos)
        out.start_mark, out.end_mark = start_mark(begin), end_mark(pos)
        return out, pos

    try:
        if text.startswith("\ufeff"):
            raise _Syntax
        result, end = value(ws(0))
        if ws(end) != len(text):
            raise _Syntax
        return result
    except (_Syntax, ValueError):  # ValueError: an integer too long to convert
        pass
    try:  # the standard library names the fault and its line
        json.loads(text)
    except json.JSONDecodeError as exc:
        message = exc.msg
        if message == "Invalid control character at" and exc.pos < len(text):  # say which
            message = f"Invalid control character {text[exc.pos]!r} at"
        elif message == "Invalid \\escape" and exc.pos + 1 < len(text):  # at the backslash
            message = f"Invalid \\escape: {text[exc.pos + 1]!r}"
        raise JsonProblem(message, exc.lineno) from None
    except (ValueError, RecursionError) as exc:  # an integer too long to convert, say
        raise JsonProblem(str(exc), None) from None
    raise JsonProblem("not a JSON value", None)  # unreachable while both agree on JSON


def loads_marked(text: str, filename: str) -> Any:
    """Decode ``text``; keys and containers carry ``start_mark``/``end_mark`` (0-based
    lines). Raise ParseError with ``filename`` and the 1-based line of the fault."""
    try:
        return decode_json(text)
    except JsonProblem as exc:
        if exc.duplicate is not None and exc.first is not None:
            raise ParseError(
                f'invalid JSON: duplicate key "{exc.duplicate}" (first at line {start_line(exc.first)})',
                file=filename,
                line=start_line(exc.duplicate),
            ) from None
        raise ParseError(f"invalid JSON: {exc.message}", file=filename, line=exc.line) from None


def start_line(node: Any) -> int:
    """The 1-based line a marked node starts on; 0 for a node without a mark."""
    mark = getattr(node, "start_mark", None)
    return int(mark.line) + 1 if mark is not None else 0


def end_line(node: Any) -> int:
    """The 1-based line a marked node's end mark is on; 0 for a node without a mark."""
    mark = getattr(node, "end_mark", None)
    return int(mark.line) + 1 if mark is not None else 0


def plain(node: Any) -> Any:
    """Marked nodes to plain JSON values (dates and other scalars as strings)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if node is None or isinstance(node, (bool, int, float)):
        return node
    return str(node)
