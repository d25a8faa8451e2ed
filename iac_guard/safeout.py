"""Safe output: untrusted text made harmless where it enters a rendering, and report files
written atomically.

Everything a report shows that comes from the scanned code (resource names, attribute
values, file names, messages) or from a policy's metadata (``--policy-dir``) is
untrusted. A terminal, a CI log viewer and GitHub's UI all obey characters a reader
cannot see: ANSI escape sequences recolour, move the cursor or rewrite the terminal
title; a carriage return or line feed forges a line of output; bidirectional overrides
and isolates (U+202A-202E, U+2066-2069) make text read differently from what it is
(CVE-2021-42574, "Trojan Source"); zero-width and other format characters make two
different names look the same.

``printable`` is the one helper every renderer uses: it replaces each such character
with a visible escape (``\\x1b``, ``\\u202e``, ``\\U000e0041``), so the reader sees that
it was there and what it was, and nothing is silently dropped. The characters treated
as unsafe are Unicode's controls (Cc: C0, DEL, C1), format characters (Cf: bidi marks,
overrides and isolates, zero-width space/joiners, word joiner, BOM, tag characters, ...),
line and paragraph separators (Zl, Zp) and lone surrogates (Cs, which no UTF-8 output
can hold); a renderer may keep a few layout characters (``keep``: a multi-line message
keeps its newlines where the format encodes them).

JSON and SARIF stay faithful data instead: ``json_text`` serializes with every
non-ASCII character and every control (DEL included, which ``json.dumps`` leaves raw)
written as a ``\\uXXXX`` escape, so the document holds the exact value while its bytes
hold no control, ANSI or bidi character.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from iac_guard import interrupts

#: Unicode categories whose characters are never shown raw
UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def unsafe(char: str) -> bool:
    """Whether one character is a control, format, separator or surrogate character."""
    return unicodedata.category(char) in UNSAFE_CATEGORIES


def _escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def printable(value: object, *, keep: str = "") -> str:
    """``value`` as text with every unsafe character (``unsafe``) but those in ``keep``
    replaced by a visible escape; plain text comes back unchanged."""
    text = value if isinstance(value, str) else str(value)
    if text.isascii() and text.isprintable():
        return text  # the common case: nothing to do
    return "".join(_escape(c) if c not in keep and unsafe(c) else c for c in text)


def quote_path(path: str, safe: str = "/") -> str:
    """``urllib.parse.quote`` for a path that may not be UTF-8: a file name the OS gave
    as lone surrogates (``os.listdir``'s surrogateescape) is quoted as its original bytes;
    any other lone surrogate as U+FFFD."""
    try:
        return quote(path, safe=safe, errors="surrogateescape")
    except UnicodeEncodeError:
        return quote(path, safe=safe, errors="replace")


def json_text(document: Any, *, indent: int | None = 2) -> str:
    """``document`` as JSON whose text is pure printable ASCII plus layout whitespace:
    every other character is a ``\\uXXXX`` escape inside its string (the value is kept).

    Indented documents are encoded by pydantic-core (Dagster's own dependency; Rust),
    whose layout is ``json.dumps(indent=...)``'s, and then made ASCII: Python's encoder
    with an indent is pure Python (a 13,000-finding report: 0.23 s against 0.06 s). A
    value pydantic-core cannot write (a lone surrogate: a file name the OS gave as bytes)
    takes the standard encoder. Either way the same JSON value: tests/test_properties.py
    compares the two byte for byte (floats: value for value; ``1e-07`` is ``1e-7``)."""
    if indent is not None:
        from pydantic_core import PydanticSerializationError, to_json

        try:
            text = to_json(document, indent=indent, inf_nan_mode="constants").decode("utf-8")
        except (PydanticSerializationError, UnicodeDecodeError):
            pass
        else:
            return text if text.isascii() and "\x7f" not in text else _NOT_ASCII.sub(_json_escape, text)
    return json.dumps(document, indent=indent, ensure_ascii=True).replace("\x7f", "\\u007f")


#: what json.dumps(ensure_ascii=True) escapes that pydantic-core writes raw, and DEL
_NOT_ASCII = re.compile("[^\x00-\x7e]")


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # a UTF-16 surrogate pair, as json.dumps writes it
    return f"\\u{0xD800 | (code >> 10):04x}\\u{0xDC00 | (code & 0x3FF):04x}"


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` so that the path only ever holds the old file or
    the whole new one: a temporary file in the same directory, then ``os.replace``. The
    temporary file is removed on any failure, an interrupt (Ctrl-C) included; OSError
    propagates for the caller to report."""
    interrupts.check()  # a Ctrl-C Python dropped: no report
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8", errors="replace")
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644 & ~_umask())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current

