"""Terraform built-in functions, evaluated statically.

Each is registered in ``FUNCTIONS`` by name (``expressions`` calls them from there). A function not registered here
evaluates to Unknown (never guessed). Functions that depend on the filesystem
(``file``, ``templatefile``) read through the scope's ``FileAccess``, which the module
builder sets to the scan root; without it they are Unknown.
"""

from __future__ import annotations

import base64
import ipaddress
import json
import math
import re
from collections.abc import Callable
from typing import Any, TypeVar

from iac_guard.errors import ParseError
from iac_guard.terraform import hcl
from iac_guard.terraform.native_syntax import parse_template
from iac_guard.terraform.values import (
    EvalError,
    FileAccess,
    Scope,
    TfSet,
    Unknown,
    contains_unknown,
    to_string,
)

Function = Callable[..., Any]
FUNCTIONS: dict[str, Function] = {}
#: the expression evaluator, passed to lazy and scoped functions by the evaluator itself
Evaluate = Callable[[hcl.Expr, Scope], Any]

F = TypeVar("F", bound=Function)


def function(name: str) -> Callable[[F], F]:
    """Register a Terraform built-in function (the registry is ``FUNCTIONS``)."""

    def register(fn: F) -> F:
        FUNCTIONS[name] = fn
        return fn

    return register


def _seq(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    raise EvalError("expected a list")


def _map(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    raise EvalError("expected a map")


def _accepts_unknown(fn: Any) -> Any:
    fn.accepts_unknown = True
    return fn


def _shallow(fn: Any) -> Any:
    """The function is known when its arguments are, even if elements inside them are not
    (``length([x.id])`` is 1)."""
    fn.shallow = True
    return fn


_NUMBER_TEXT = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def _number(value: Any) -> int | float:
    """A number argument, converted as Terraform converts: a string must be a decimal
    number in full ("1", "-2.5", "1e3"; not " 1", "0x10", "inf"), a bool is no number."""
    if isinstance(value, bool) or value is None:
        raise EvalError(f"a number is required, not {'null' if value is None else 'bool'}")
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str) and _NUMBER_TEXT.fullmatch(value):
        import decimal

        exact = decimal.Decimal(value)
        return int(exact) if exact == exact.to_integral_value() else float(exact)
    raise EvalError(f"{value!r} is not a number")


def _integer(value: Any) -> int:
    """A whole-number argument (an index, a count): 1.5 is an error, not 1."""
    number = _number(value)
    if isinstance(number, float) and not number.is_integer():
        raise EvalError(f"{number} is not a whole number")
    return int(number)


def _primitive(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool))


def _unified(items: list[Any]) -> list[Any]:
    """Elements converted to one type, as Terraform does for a list, set or map built from
    mixed primitives: with a string among them every number and bool becomes a string;
    numbers beside bools have no common type. Other mixes are left as they are."""
    present = [v for v in items if v is not None]
    if not present or not all(_primitive(v) for v in present):
        return items
    strings = any(isinstance(v, str) for v in present)
    bools = any(isinstance(v, bool) for v in present)
    numbers = any(not isinstance(v, (str, bool)) for v in present)
    if strings and (bools or numbers):
        return [None if v is None else to_string(v) for v in items]
    if bools and numbers:
        raise EvalError("bool and number elements have no common type")
    return items


def _sorted_set(items: list[Any]) -> list[Any]:
    """A set's elements in Terraform's order: strings lexically, numbers by value, false
    before true; elements of any other type keep their order."""
    if all(isinstance(v, str) for v in items):
        return sorted(items)
    if all(isinstance(v, bool) for v in items):
        return sorted(items)
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in items):
        return sorted(items)
    return items


_EXTENDING = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"  # combining marks
    "\u200c\u200d\ufe00-\ufe0f\U000e0100-\U000e01ef\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]"
)


def _graphemes(text: str) -> list[str]:
    """The user-perceived characters of ``text`` (Terraform counts these, not code
    points): combining marks, variation selectors, skin tones and zero-width-joiner
    sequences stay with their base, a pair of regional indicators is one flag, CR LF is
    one. An approximation of Unicode's extended grapheme clusters without the tables."""
    if text.isascii() and "\r\n" not in text:
        return list(text)  # the common case: every ASCII character but CR LF stands alone
    import unicodedata

    clusters: list[str] = []
    for char in text:
        if clusters:
            last = clusters[-1]
            joins = (
                _EXTENDING.match(char) is not None
                or unicodedata.category(char) in ("Mn", "Me", "Mc")
                or last.endswith("\u200d")
                or (last == "\r" and char == "\n")
                or (_regional(char) and len(last) == 1 and _regional(last))
            )
            if joins:
                clusters[-1] = last + char
                continue
        clusters.append(char)
    return clusters


def _regional(char: str) -> bool:
    return "\U0001f1e6" <= char <= "\U0001f1ff"


def _simple_case(text: str, upper: bool) -> str:
    """Go's per-character case mapping (``strings.ToUpper``): a character whose mapping
    is several characters ("ß" -> "SS") keeps itself, except "İ", whose simple lower
    case is "i"."""
    if text.isascii():
        return text.upper() if upper else text.lower()
    out: list[str] = []
    for char in text:
        mapped = char.upper() if upper else char.lower()
        if len(mapped) == 1:
            out.append(mapped)
        else:
            out.append(char if upper else mapped[0])
    return "".join(out)


def _json_number(value: int | float) -> str:
    """A number as Terraform writes it: never in exponent form (1e21 is
    1000000000000000000000, 1e-7 is 0.0000001)."""
    if isinstance(value, int):
        return str(value)
    if value != value or value in (float("inf"), float("-inf")):
        raise EvalError("infinity and NaN are not Terraform numbers")
    if value.is_integer():
        return str(int(value))
    import decimal

    return format(decimal.Decimal(repr(value)), "f")


_JSON_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _json_string(text: str) -> str:
    """Go's encoding/json string: HTML-sensitive ``<``, ``>``, ``&`` and the line
    separators U+2028/U+2029 escaped, other non-ASCII characters kept as they are."""
    out = ['"']
    for char in text:
        escaped = _JSON_ESCAPES.get(char)
        if escaped is not None:
            out.append(escaped)
        elif char < " " or char in "<>&\u2028\u2029":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _json_text(value: Any) -> str:
    """``value`` as compact JSON, keys sorted, the way Terraform's jsonencode writes it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _json_number(value)
    if isinstance(value, str):
        return _json_string(value)
    if isinstance(value, list):
        return "[" + ",".join(_json_text(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(f"{_json_string(k)}:{_json_text(value[k])}" for k in sorted(value)) + "}"
    raise EvalError(f"cannot encode {type(value).__name__} as JSON")


@function("merge")
@_shallow
def merge(*maps: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for m in maps:
        if m is None:
            continue
        out.update(_map(m))
    return out


@function("concat")
@_shallow
def concat(*lists: Any) -> list[Any]:
    if not lists:
        raise EvalError("concat: at least one list is required")
    out: list[Any] = []
    for item in lists:
        out.extend(_seq(item))
    return out


@function("lookup")
def lookup(m: Any, key: Any, *default: Any) -> Any:
    mapping = _map(m)
    k = to_string(key)
    if k in mapping:
        return mapping[k]
    if default:
        return default[0]
    raise EvalError(f"lookup: no key {k!r}")


@function("coalesce")
@_accepts_unknown
def coalesce(*values: Any) -> Any:
    if not any(isinstance(v, Unknown) for v in values):
        values = tuple(_unified(list(values)))  # coalesce(1, "x") is "1": one result type
    for value in values:
        if isinstance(value, Unknown):
            return value
        if value is not None and value != "":
            return value
    raise EvalError("coalesce: no non-null argument")


@function("coalescelist")
def coalescelist(*values: Any) -> Any:
    for value in values:
        if _seq(value):
            return value
    raise EvalError("coalescelist: no non-empty list")


_VERB = re.compile(r"%([-+# 0]*)(?:\[(\d+)\])?(\d*)(?:\.(\d*))?(?:\[(\d+)\])?([a-zA-Z%])?")


@function("format")
def format_(fmt: Any, *args: Any) -> str:
    """Go's fmt verbs as Terraform's format() offers them: %v (JSON for collections, and
    for anything with %#v), %s, %q, %t, %d, %b, %o, %x, %X, %e, %E, %f, %g, %G; flags
    ``-+# 0``, width, precision and explicit argument indexes (``%[2]s``). Too few or too
    many arguments, or one that does not convert to the verb's type, is an error."""
    text = to_string(fmt)
    out: list[str] = []
    used = [False] * len(args)
    next_arg = 0
    i = 0
    while i < len(text):
        if text[i] != "%":
            out.append(text[i])
            i += 1
            continue
        match = _VERB.match(text, i)
        assert match is not None  # the pattern matches a lone "%" too
        flags, index_before, width, precision, index_after, verb = match.groups()
        i = match.end()
        if verb is None:
            raise EvalError("format: a verb is missing after %")
        if verb == "%":
            out.append("%")
            continue
        explicit = index_before or index_after
        position = int(explicit) - 1 if explicit else next_arg
        if not 0 <= position < len(args):
            raise EvalError("format: not enough arguments for the format string")
        used[position] = True
        next_arg = position + 1
        rendered = _format_one(verb, flags, precision, args[position])
        out.append(_pad(rendered, flags, int(width) if width else 0, verb))
    if not all(used):
        raise EvalError(f"format: too many arguments; only {sum(used)} used by the format string")
    return "".join(out)


def _format_one(verb: str, flags: str, precision: str | None, value: Any) -> str:
    if verb == "v":
        if "#" in flags or isinstance(value, (list, dict)):
            return _json_text(value)
        if value is None:
            raise EvalError("format: null value")
        verb = "t" if isinstance(value, bool) else "s" if isinstance(value, str) else "g"
    if verb == "s":
        rendered = to_string(value)
        return rendered[: int(precision or 0)] if precision is not None else rendered
    if verb == "q":
        return _json_string(to_string(value))
    if verb == "t":
        if isinstance(value, bool):
            return "true" if value else "false"
        if value in ("true", "false"):
            return str(value)
        raise EvalError("format: %t needs a bool")
    sign = "+" if "+" in flags else " " if " " in flags else ""
    if verb in "dboxX":
        integer = _integer(value)
        base = {"d": "d", "b": "b", "o": "o", "x": "x", "X": "X"}[verb]
        return format(integer, sign + base)
    if verb in "eEfgG":
        if verb in "gG" and precision is None:
            rendered = _shortest_g(_number(value), sign)
            return rendered.upper() if verb == "G" else rendered
        number = float(_number(value))
        digits = int(precision) if precision else (0 if precision == "" else 6)
        return format(number, f"{sign}.{digits}{verb}")
    raise EvalError(f"format: unsupported verb %{verb}")


def _shortest_g(number: int | float, sign: str) -> str:
    """Go's %g without a precision: the shortest digits that read back as the number
    (every digit of a whole number), in exponent form when the exponent is below -4 or
    at least 6."""
    import decimal

    exact = decimal.Decimal(number if isinstance(number, int) else repr(number))
    if exact == 0:
        return sign + "0"
    parts = exact.normalize().as_tuple()
    digits = "".join(str(d) for d in parts.digits)
    exponent = len(digits) + int(parts.exponent) - 1
    prefix = "-" if parts.sign else sign
    if exponent < -4 or exponent >= 6:
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        return f"{prefix}{mantissa}e{'-' if exponent < 0 else '+'}{abs(exponent):02d}"
    return prefix + format(exact.copy_abs().normalize(), "f")


def _pad(rendered: str, flags: str, width: int, verb: str) -> str:
    if len(rendered) >= width:
        return rendered
    if "-" in flags:
        return rendered.ljust(width)
    if "0" in flags:
        sign = rendered[0] if rendered[:1] in ("-", "+", " ") and verb not in "sqvt" else ""
        return sign + rendered[len(sign) :].rjust(width - len(sign), "0")
    return rendered.rjust(width)


@function("formatlist")
def formatlist(fmt: Any, *args: Any) -> list[str]:
    lengths = {len(a) for a in args if isinstance(a, list)}
    if len(lengths) > 1:
        raise EvalError("formatlist: lists of different lengths")
    n = lengths.pop() if lengths else 1
    return [format_(fmt, *[a[i] if isinstance(a, list) else a for a in args]) for i in range(n)]


@function("join")
def join(sep: Any, *lists: Any) -> str:
    items: list[str] = []
    for lst in lists:
        items.extend(to_string(v) for v in _seq(lst))
    return to_string(sep).join(items)


@function("split")
def split(sep: Any, text: Any) -> list[str]:
    separator, whole = to_string(sep), to_string(text)
    if not separator:
        return list(whole)  # an empty separator splits between characters
    return whole.split(separator)


@function("lower")
def lower(text: Any) -> str:
    return _simple_case(to_string(text), upper=False)


@function("upper")
def upper(text: Any) -> str:
    return _simple_case(to_string(text), upper=True)


@function("title")
def title(text: Any) -> str:
    return re.sub(r"\b\w", lambda m: _title_char(m.group(0)), to_string(text))


def _title_char(char: str) -> str:
    titled = char.title()
    return titled if len(titled) == 1 else char


@function("trimspace")
def trimspace(text: Any) -> str:
    return to_string(text).strip()


@function("trim")
def trim(text: Any, chars: Any) -> str:
    return to_string(text).strip(to_string(chars))


@function("trimprefix")
def trimprefix(text: Any, prefix: Any) -> str:
    return to_string(text).removeprefix(to_string(prefix))


@function("trimsuffix")
def trimsuffix(text: Any, suffix: Any) -> str:
    return to_string(text).removesuffix(to_string(suffix))


@function("startswith")
def startswith(text: Any, prefix: Any) -> bool:
    return to_string(text).startswith(to_string(prefix))


@function("endswith")
def endswith(text: Any, suffix: Any) -> bool:
    return to_string(text).endswith(to_string(suffix))


@function("strcontains")
def strcontains(text: Any, sub: Any) -> bool:
    return to_string(sub) in to_string(text)


@function("substr")
def substr(text: Any, offset: Any, length: Any) -> str:
    chars = _graphemes(to_string(text))
    start = _integer(offset)
    if start < 0:
        start = max(start + len(chars), 0)
    n = _integer(length)
    return "".join(chars[start:] if n < 0 else chars[start : start + n])


_POSIX_CLASSES = {
    "alnum": "0-9A-Za-z",
    "alpha": "A-Za-z",
    "ascii": "\\x00-\\x7f",
    "blank": "\\t ",
    "cntrl": "\\x00-\\x1f\\x7f",
    "digit": "0-9",
    "graph": "!-~",
    "lower": "a-z",
    "print": " -~",
    "punct": "!-/:-@\\[-`{-~",
    "space": "\\t\\n\\v\\f\\r ",
    "upper": "A-Z",
    "word": "0-9A-Za-z_",
    "xdigit": "0-9A-Fa-f",
}


def _go_regex(pattern: str) -> re.Pattern[str]:
    """An RE2 pattern (Terraform's syntax) compiled for Python: ``\\z`` is Python's
    ``\\Z``, ``[[:alpha:]]`` classes are spelled out, ``(?<name>`` is ``(?P<name>``, and
    ``\\d``/``\\w``/``\\s``/``\\b`` are ASCII-only as in RE2. A pattern that does not
    compile is an error."""
    translated = pattern.replace("\\z", "\\Z")
    translated = re.sub(r"\[:(\w+):\]", lambda m: _POSIX_CLASSES.get(m.group(1), m.group(0)), translated)
    translated = re.sub(r"\(\?<(?=[A-Za-z_])", "(?P<", translated)
    try:
        return re.compile(translated, re.ASCII)
    except re.error as exc:
        raise EvalError(f"invalid regular expression {pattern!r}: {exc}") from None


def _expand(template: str, match: re.Match[str]) -> str:
    """Go's ``Regexp.Expand``: ``$1``/``${1}``/``$name``/``${name}`` is that group (empty
    when there is no such group, ``$1x`` being group "1x"), ``$$`` is ``$``."""
    out: list[str] = []
    i = 0
    while i < len(template):
        char = template[i]
        if char != "$":
            out.append(char)
            i += 1
            continue
        if template.startswith("$$", i):
            out.append("$")
            i += 2
            continue
        ref = re.compile(r"\{(\w+)\}|(\w+)", re.ASCII).match(template, i + 1)
        if ref is None:
            out.append("$")
            i += 1
            continue
        name = ref.group(1) or ref.group(2)
        i = ref.end()
        try:
            group = match.group(int(name) if name.isdigit() else name)
        except IndexError:  # no such group
            group = None
        out.append(group or "")
    return "".join(out)


@function("replace")
def replace(text: Any, search: Any, replacement: Any) -> str:
    s, find, repl = to_string(text), to_string(search), to_string(replacement)
    if len(find) > 1 and find.startswith("/") and find.endswith("/"):
        return _go_regex(find[1:-1]).sub(lambda m: _expand(repl, m), s)
    return s.replace(find, repl)


def _captures(compiled: re.Pattern[str], match: re.Match[str]) -> Any:
    if compiled.groupindex:
        if len(compiled.groupindex) != compiled.groups:
            raise EvalError("a pattern cannot mix named and unnamed capture groups")
        return match.groupdict()
    if compiled.groups:
        return list(match.groups())
    return match.group(0)


@function("regex")
def regex(pattern: Any, text: Any) -> Any:
    compiled = _go_regex(to_string(pattern))
    match = compiled.search(to_string(text))
    if match is None:
        raise EvalError("regex: no match")
    return _captures(compiled, match)


@function("regexall")
def regexall(pattern: Any, text: Any) -> list[Any]:
    compiled = _go_regex(to_string(pattern))
    return [_captures(compiled, match) for match in compiled.finditer(to_string(text))]


@function("length")
@_shallow
def length(value: Any) -> int:
    if isinstance(value, str):
        return len(_graphemes(value))
    if isinstance(value, (list, dict)):
        return len(value)
    raise EvalError("length: needs a collection or string")


@function("keys")
@_shallow
def keys(value: Any) -> list[str]:
    return sorted(_map(value))


@function("values")
def values(value: Any) -> list[Any]:
    m = _map(value)
    return [m[k] for k in sorted(m)]


@function("contains")
def contains(collection: Any, value: Any) -> bool:
    return value in _seq(collection)


@function("element")
def element(collection: Any, idx: Any) -> Any:
    items = _seq(collection)
    if not items:
        raise EvalError("element: empty list")
    position = _integer(idx)
    if position < 0:
        raise EvalError("element: a negative index is not supported")
    return items[position % len(items)]


@function("index")
def index_(collection: Any, value: Any) -> int:
    return _seq(collection).index(value)


@function("flatten")
def flatten(value: Any) -> list[Any]:
    out: list[Any] = []
    for item in _seq(value):
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out


@function("distinct")
def distinct(value: Any) -> list[Any]:
    out: list[Any] = []
    for item in _seq(value):
        if item not in out:
            out.append(item)
    return out


@function("compact")
def compact(value: Any) -> list[Any]:
    """The list of strings without its null and empty elements (numbers and bools are
    converted to strings, as the list(string) argument is)."""
    out: list[str] = []
    for item in _seq(value):
        if item is None:
            continue
        text = to_string(item)
        if text:
            out.append(text)
    return out


@function("reverse")
def reverse(value: Any) -> list[Any]:
    return list(reversed(_seq(value)))


@function("sort")
def sort(value: Any) -> list[str]:
    return sorted(to_string(v) for v in _seq(value))


@function("slice")
def slice_(value: Any, start: Any, end: Any) -> list[Any]:
    items, first, last = _seq(value), _integer(start), _integer(end)
    if first < 0 or last > len(items) or first > last:
        raise EvalError(f"slice: indexes {first}..{last} are out of range for {len(items)} elements")
    return items[first:last]


@function("range")
def range_(*args: Any) -> list[int | float]:
    """range(limit), range(start, limit), range(start, limit, step): with no step it
    counts towards the limit (up or down); a step pointing away from the limit is an
    error, as is a step of 0."""
    if not 1 <= len(args) <= 3:
        raise EvalError("range: one to three arguments are required")
    nums = [_number(a) for a in args]
    start: int | float
    stop: int | float
    step: int | float
    if len(nums) == 1:
        start, stop = 0, nums[0]
        step = 1 if stop >= start else -1
    elif len(nums) == 2:
        start, stop = nums
        step = 1 if stop >= start else -1
    else:
        start, stop, step = nums
    if step == 0:
        raise EvalError("range: step must not be 0")
    if (step > 0 and start > stop) or (step < 0 and start < stop):
        raise EvalError("range: the step must point from start towards the limit")
    out: list[int | float] = []
    current = start
    while (step > 0 and current < stop) or (step < 0 and current > stop):
        out.append(current)
        current += step
        if len(out) > 1024:
            raise EvalError("range: more than 1024 elements")
    return out


@function("zipmap")
def zipmap(keys_: Any, values_: Any) -> dict[str, Any]:
    return {to_string(k): v for k, v in zip(_seq(keys_), _seq(values_), strict=True)}


@function("setproduct")
def setproduct(*sets: Any) -> list[list[Any]]:
    if len(sets) < 2:
        raise EvalError("setproduct: at least two arguments are required")
    out: list[list[Any]] = [[]]
    for s in sets:
        out = [[*prefix, item] for prefix in out for item in _seq(s)]
    return out


@function("setunion")
def setunion(*sets: Any) -> list[Any]:
    return toset(concat(*sets))


@function("setintersection")
def setintersection(first: Any, *rest: Any) -> list[Any]:
    return toset([v for v in distinct(first) if all(v in _seq(r) for r in rest)])


@function("setsubtract")
def setsubtract(a: Any, b: Any) -> list[Any]:
    return toset([v for v in distinct(a) if v not in _seq(b)])


@function("chunklist")
def chunklist(value: Any, size: Any) -> list[list[Any]]:
    items, n = _seq(value), _integer(size)
    if n < 0:
        raise EvalError("chunklist: the size must not be negative")
    if n == 0:
        return [items]
    return [items[i : i + n] for i in range(0, len(items), n)]


@function("one")
def one(value: Any) -> Any:
    items = _seq(value)
    if len(items) > 1:
        raise EvalError("one: more than one element")
    return items[0] if items else None


@function("alltrue")
def alltrue(value: Any) -> bool:
    return all(_truth(v) for v in _seq(value))


@function("anytrue")
def anytrue(value: Any) -> bool:
    return any([_truth(v) for v in _seq(value)])  # every element is converted, even after a true


def _truth(value: Any) -> bool:
    """An element of a list(bool): true, false, "true", "false"; null counts as false;
    anything else is an error."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return bool(value == "true")
    raise EvalError(f"{value!r} is not a bool")


@function("sum")
def sum_(value: Any) -> int | float:
    """The exact sum (0.1 + 0.2 is 0.3, as Terraform's arbitrary-precision numbers give)."""
    import decimal

    items = _seq(value)
    if not items:
        raise EvalError("sum: the list must not be empty")
    total = sum((decimal.Decimal(repr(_number(v))) for v in items), decimal.Decimal(0))
    return int(total) if total == total.to_integral_value() else float(total)


@function("min")
def min_(*nums: Any) -> Any:
    if not nums:
        raise EvalError("min: at least one number is required")
    return min(_number(n) for n in nums)


@function("max")
def max_(*nums: Any) -> Any:
    if not nums:
        raise EvalError("max: at least one number is required")
    return max(_number(n) for n in nums)


@function("abs")
def abs_(num: Any) -> Any:
    return abs(_number(num))


@function("ceil")
def ceil(num: Any) -> int:

    return math.ceil(_number(num))


@function("floor")
def floor(num: Any) -> int:

    return math.floor(_number(num))


@function("parseint")
def parseint(text: Any, base: Any) -> int:
    """Digits in ``base`` (2 to 62) with an optional sign, nothing else: no prefix
    ("0x"), no underscore, no space. Up to base 36 letters are case-insensitive; above it
    a-z are 10 to 35 and A-Z 36 to 61."""
    digits, radix = to_string(text), _integer(base)
    if not 2 <= radix <= 62:
        raise EvalError(f"parseint: base {radix} is not between 2 and 62")
    body = digits[1:] if digits[:1] in ("+", "-") else digits
    if not body:
        raise EvalError(f"parseint: {digits!r} has no digits")
    total = 0
    for char in body:
        if "0" <= char <= "9":
            value = ord(char) - ord("0")
        elif "a" <= char <= "z":
            value = ord(char) - ord("a") + 10
        elif "A" <= char <= "Z":
            value = ord(char) - ord("A") + (36 if radix > 36 else 10)
        else:
            value = radix
        if value >= radix:
            raise EvalError(f"parseint: {digits!r} is not a base-{radix} number")
        total = total * radix + value
    return -total if digits.startswith("-") else total


@function("tostring")
def tostring(value: Any) -> Any:
    return None if value is None else to_string(value)


@function("tonumber")
def tonumber(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        raise EvalError("tonumber: a bool is not a number")
    return _number(value)


@function("tobool")
def tobool(value: Any) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    raise EvalError("tobool: not a bool")


@function("tolist")
def tolist(value: Any) -> list[Any]:
    return _unified(list(_seq(value)))


@function("toset")
def toset(value: Any) -> list[Any]:
    items = distinct(_unified(list(_seq(value))))
    return TfSet(_sorted_set(items))


@function("tomap")
def tomap(value: Any) -> dict[str, Any]:
    mapping = _map(value)
    return dict(zip(mapping, _unified(list(mapping.values())), strict=True))


@function("jsonencode")
@_accepts_unknown
def jsonencode(value: Any) -> Any:
    """The JSON text. When parts of the value are unknown (a policy document whose
    ``Resource`` is ``"${aws_s3_bucket.b.arn}/*"``), the result is unknown, and its marker
    holds the JSON text with each unknown part written as a ``${...}`` interpolation: what
    the value would be as a template, so policies can still read the known parts (as they
    read a heredoc JSON template), and no unknown part is ever guessed."""
    if isinstance(value, Unknown):
        return value
    if not contains_unknown(value):
        return _json_text(value)
    return Unknown(_json_text(_interpolated(value)))


def _interpolated(value: Any) -> Any:
    if isinstance(value, Unknown):
        src = value.src
        if len(src) >= 2 and src[0] == src[-1] == '"':
            return src[1:-1]  # a template with unknown parts: "${aws_s3_bucket.b.arn}/*"
        return "${" + src + "}"
    if isinstance(value, dict):
        return {k: _interpolated(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_interpolated(v) for v in value]
    return value


@function("jsondecode")
def jsondecode(text: Any) -> Any:
    try:
        return json.loads(to_string(text), parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise EvalError(f"jsondecode: {exc}") from None


def _no_constant(name: str) -> Any:
    raise EvalError(f"jsondecode: {name} is not JSON")


@function("yamldecode")
def yamldecode(text: Any) -> Any:
    """One YAML document, resolved as Terraform resolves plain scalars: YAML 1.1 bools
    (yes/on/y), decimal integers even with leading zeros, 0x and 0o integers, numbers in
    exponent form, timestamps as RFC 3339 strings; no infinities or NaN; an empty stream
    or several documents are errors; keys are strings."""
    import yaml

    loader = _yaml_loader()(to_string(text))
    try:
        node = loader.get_single_node()
        if node is None:
            raise EvalError("yamldecode: the text holds no YAML document")
        return _string_keys(loader.construct_document(node))
    except yaml.YAMLError as exc:
        raise EvalError(f"yamldecode: {exc}") from None
    finally:
        loader.dispose()


def _string_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {("null" if k is None else to_string(k)): _string_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_string_keys(v) for v in value]
    return value


_YAML_LOADER: list[type] = []


def _yaml_loader() -> type:
    """PyYAML's safe loader with Terraform's scalar resolution (built once)."""
    if _YAML_LOADER:
        return _YAML_LOADER[0]
    import datetime

    import yaml

    class Loader(yaml.SafeLoader):
        pass

    replaced = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool"}
    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in replaced]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    bools = re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")
    Loader.add_implicit_resolver("tag:yaml.org,2002:bool", bools, list("yYnNtTfFoO"))
    ints = re.compile(r"^(?:[-+]?[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+)$")
    Loader.add_implicit_resolver("tag:yaml.org,2002:int", ints, list("-+0123456789"))
    floats = re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
    Loader.add_implicit_resolver("tag:yaml.org,2002:float", floats, list("-+0123456789."))

    def construct_bool(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> bool:
        return str(loader.construct_scalar(node))[:1] in ("y", "Y", "t", "T") or str(node.value).lower() == "on"

    def construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
        text = str(loader.construct_scalar(node))
        if text.startswith("0x"):
            return int(text[2:], 16)
        if text.startswith("0o"):
            return int(text[2:], 8)
        return int(text, 10)

    def construct_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | float:
        text = str(loader.construct_scalar(node))
        if not _NUMBER_TEXT.fullmatch(text):
            raise EvalError(f"yamldecode: {text} is not a Terraform number")
        return _number(text)

    def construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
        stamp = yaml.SafeLoader.construct_yaml_timestamp(loader, node)
        if not isinstance(stamp, datetime.datetime):
            stamp = datetime.datetime(stamp.year, stamp.month, stamp.day)
        offset = stamp.utcoffset()
        text = stamp.strftime("%Y-%m-%dT%H:%M:%S")
        if not offset:
            return text + "Z"
        minutes = int(offset.total_seconds() // 60)
        return f"{text}{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"

    def construct_binary(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
        return str(loader.construct_scalar(node))  # the base64 text, undecoded

    Loader.add_constructor("tag:yaml.org,2002:bool", construct_bool)
    Loader.add_constructor("tag:yaml.org,2002:int", construct_int)
    Loader.add_constructor("tag:yaml.org,2002:float", construct_float)
    Loader.add_constructor("tag:yaml.org,2002:timestamp", construct_timestamp)
    Loader.add_constructor("tag:yaml.org,2002:binary", construct_binary)
    _YAML_LOADER.append(Loader)
    return Loader


@function("yamlencode")
def yamlencode(value: Any) -> str:
    """YAML as Terraform writes it: block style, keys sorted and double-quoted, strings
    double-quoted (literal blocks when they hold a line break), lines folded at 80
    columns, ``...`` after a lone number, bool or null."""
    import yaml

    text = str(yaml.serialize(_yaml_node(value), Dumper=_yaml_dumper(), allow_unicode=True))
    if isinstance(value, str) and text.endswith("\n...\n"):
        text = text[: -len("...\n")]
    return text


def _yaml_node(value: Any) -> Any:
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    if isinstance(value, dict):
        items = [(ScalarNode("tag:yaml.org,2002:str", k, style='"'), _yaml_node(value[k])) for k in sorted(value)]
        return MappingNode("tag:yaml.org,2002:map", items, flow_style=False)
    if isinstance(value, list):
        return SequenceNode("tag:yaml.org,2002:seq", [_yaml_node(v) for v in value], flow_style=False)
    if isinstance(value, str):
        return ScalarNode("tag:yaml.org,2002:str", value, style="|" if "\n" in value else '"')
    if value is None:
        return ScalarNode("tag:yaml.org,2002:null", "null")
    if isinstance(value, bool):
        return ScalarNode("tag:yaml.org,2002:bool", "true" if value else "false")
    if isinstance(value, (int, float)):
        text = _json_number(value)
        return ScalarNode("tag:yaml.org,2002:int" if "." not in text else "tag:yaml.org,2002:float", text)
    raise EvalError(f"cannot encode {type(value).__name__} as YAML")


_YAML_DUMPER: list[type] = []


def _yaml_dumper() -> type:
    """PyYAML's dumper writing double-quoted scalars as go-yaml (Terraform's) does: a
    long line breaks at a space past column 80, the break reading back as that space."""
    if _YAML_DUMPER:
        return _YAML_DUMPER[0]
    import yaml

    escapes = {
        "\0": "0", "\a": "a", "\b": "b", "\t": "t", "\n": "n", "\v": "v", "\f": "f", "\r": "r",
        "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N", "\xa0": "_", "\u2028": "L", "\u2029": "P",
    }  # fmt: skip

    def printable(char: str) -> bool:
        return (
            char == "\n"
            or " " <= char <= "~"
            or char == "\x85"
            or ("\xa0" <= char <= "\ud7ff")
            or ("\ue000" <= char <= "\ufffd" and char != "\ufeff")
            or char >= "\U00010000"
        )

    class Dumper(yaml.SafeDumper):
        def write_double_quoted(self, text: str, split: bool = True) -> None:
            self.write_indicator('"', True)
            spaces = False
            for i, char in enumerate(text):
                if not printable(char) or char in '"\\\n\x85\u2028\u2029':
                    code = escapes.get(char)
                    if code is None:
                        n = ord(char)
                        code = f"x{n:02X}" if n <= 0xFF else f"u{n:04X}" if n <= 0xFFFF else f"U{n:08X}"
                    self._put("\\" + code)
                    spaces = False
                elif char == " ":
                    if split and not spaces and self.column > self.best_width and 0 < i < len(text) - 1:
                        self.write_indent()
                        if text[i + 1] == " ":
                            self._put("\\")
                    else:
                        self._put(char)
                    spaces = True
                else:
                    self._put(char)
                    spaces = False
            self.write_indicator('"', False)

        def _put(self, data: str) -> None:
            self.column += len(data)
            self.stream.write(data)

    _YAML_DUMPER.append(Dumper)
    return Dumper


@function("base64encode")
def base64encode(text: Any) -> str:
    return base64.b64encode(to_string(text).encode()).decode()


@function("base64decode")
def base64decode(text: Any) -> str:
    """Padded standard base64 of UTF-8 text; anything else is an error."""
    import binascii

    try:
        return base64.b64decode(to_string(text), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError) as exc:
        raise EvalError(f"base64decode: {exc}") from None


def _lazy(fn: Any) -> Any:
    """The function receives the evaluator, the scope and its argument expressions,
    unevaluated."""
    fn.lazy = True
    return fn


def _scoped(fn: Any) -> Any:
    """The function receives the evaluator and the scope before its (evaluated, known)
    arguments."""
    fn.scoped = True
    return fn


def _attempt(evaluate: Evaluate, expr: hcl.Expr, scope: Scope) -> tuple[bool, Any]:
    """(True, value) when ``expr`` evaluates without error, (False, None) otherwise."""
    try:
        return True, evaluate(expr, scope.strictly())
    except EvalError:
        return False, None


@function("try")
@_lazy
def try_(evaluate: Evaluate, scope: Scope, *exprs: hcl.Expr) -> Any:
    """The first argument that evaluates without an error. An argument that is unknown
    makes the result unknown: it might have failed had it been known."""
    for expr in exprs:
        ok, value = _attempt(evaluate, expr, scope)
        if not ok:
            continue
        if contains_unknown(value):
            return Unknown(expr.src)
        return value
    raise EvalError("try: no argument evaluated without an error")


@function("can")
@_lazy
def can(evaluate: Evaluate, scope: Scope, expr: hcl.Expr) -> Any:
    ok, value = _attempt(evaluate, expr, scope)
    if not ok:
        return False
    if contains_unknown(value):
        return Unknown(expr.src)
    return True


def _files(scope: Scope) -> FileAccess:
    if scope.files is None:
        raise EvalError("no file access in this context")
    return scope.files


@function("file")
@_scoped
def file_(evaluate: Evaluate, scope: Scope, name: Any) -> str:
    path = _files(scope).resolve(to_string(name))
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"file: {exc}") from None


@function("fileexists")
@_scoped
def fileexists(evaluate: Evaluate, scope: Scope, name: Any) -> bool:
    try:
        _files(scope).resolve(to_string(name))
    except EvalError:
        return False
    return True


@function("templatefile")
@_scoped
def templatefile(evaluate: Evaluate, scope: Scope, name: Any, variables: Any) -> Any:
    """Render a template file with only ``variables`` in scope (as Terraform does)."""
    files = _files(scope)
    path = files.resolve(to_string(name))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"templatefile: {exc}") from None
    try:
        template = parse_template(text, files.relpath(path), 1)
    except ParseError as exc:
        raise EvalError(str(exc)) from None
    names = dict(_map(variables))
    missing = sorted(_free_names(template) - set(names))
    if missing:
        raise EvalError(f"templatefile: vars map does not contain key {missing[0]!r}")
    inner = Scope(names, files=files, strict=scope.strict)
    return evaluate(template, inner)


def _free_names(expr: Any) -> set[str]:
    """The root names an expression reads, less those a ``for`` inside it binds (an
    over-approximation of what is bound: a template never gets a false error)."""
    import dataclasses

    used: set[str] = set()
    bound: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, hcl.Name):
            used.add(node.name)
        if isinstance(node, (hcl.ForExpr, hcl.TemplateFor)):
            bound.update(n for n in (node.key_var, node.value_var) if n)
        if dataclasses.is_dataclass(node) and not isinstance(node, type):
            for f in dataclasses.fields(node):
                walk(getattr(node, f.name))
        elif isinstance(node, (tuple, list)):
            for item in node:
                walk(item)

    walk(expr)
    return used - bound


def _network(prefix: Any) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    try:
        return ipaddress.ip_network(to_string(prefix), strict=False)
    except ValueError as exc:
        raise EvalError(f"invalid CIDR prefix {prefix!r}: {exc}") from None


@function("cidrsubnet")
def cidrsubnet(prefix: Any, newbits: Any, netnum: Any) -> str:
    network = _network(prefix)
    bits, number = _integer(newbits), _integer(netnum)
    new_prefix = network.prefixlen + bits
    if bits < 0 or new_prefix > network.max_prefixlen:
        raise EvalError(f"cidrsubnet: {bits} new bits do not fit in {network}")
    if not 0 <= number < 2**bits:
        raise EvalError(f"cidrsubnet: network number {number} does not fit in {bits} bits")
    size = 2 ** (network.max_prefixlen - new_prefix)
    first = network.network_address + number * size
    return f"{first}/{new_prefix}"


@function("cidrhost")
def cidrhost(prefix: Any, hostnum: Any) -> str:
    """The host numbered ``hostnum`` in the prefix; a negative number counts back from
    the end (-1 is the last address); a number beyond the prefix is an error."""
    network = _network(prefix)
    n = _integer(hostnum)
    if not -network.num_addresses <= n < network.num_addresses:
        raise EvalError(f"cidrhost: host number {n} does not fit in {network}")
    offset = n + network.num_addresses if n < 0 else n
    return str(network.network_address + offset)


@function("cidrnetmask")
def cidrnetmask(prefix: Any) -> str:
    network = _network(prefix)
    if network.version != 4:
        raise EvalError("cidrnetmask: only IPv4 prefixes have a netmask")
    return str(network.netmask)
