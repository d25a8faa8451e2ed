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


@function("format")
def format_(fmt: Any, *args: Any) -> str:
    out: list[str] = []
    values = iter(args)
    i = 0
    spec = re.compile(r"%(-?\d*)(?:\.(\d+))?([sdvqftbxXoe%])")
    text = to_string(fmt)
    while i < len(text):
        match = spec.match(text, i) if text[i] == "%" else None
        if match is None:
            out.append(text[i])
            i += 1
            continue
        width, precision, verb = match.groups()
        i = match.end()
        if verb == "%":
            out.append("%")
            continue
        value = next(values)
        if verb in ("s", "v"):
            rendered = to_string(value) if not isinstance(value, (list, dict)) else json.dumps(value)
        elif verb == "q":
            rendered = json.dumps(to_string(value))
        elif verb == "d":
            rendered = str(int(value))
        elif verb == "f":
            rendered = f"{float(value):.{int(precision) if precision else 6}f}"
        elif verb == "t":
            rendered = "true" if value else "false"
        elif verb == "x":
            rendered = format(int(value), "x")
        elif verb == "X":
            rendered = format(int(value), "X")
        elif verb == "o":
            rendered = format(int(value), "o")
        elif verb == "b":
            rendered = format(int(value), "b")
        else:
            rendered = f"{float(value):e}"
        if width:
            w = int(width)
            if width.startswith("0") and verb in "dxXob":
                rendered = rendered.zfill(w)
            else:
                rendered = rendered.ljust(-w) if w < 0 else rendered.rjust(w)
        out.append(rendered)
    return "".join(out)


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
    return to_string(text).split(to_string(sep))


@function("lower")
def lower(text: Any) -> str:
    return to_string(text).lower()


@function("upper")
def upper(text: Any) -> str:
    return to_string(text).upper()


@function("title")
def title(text: Any) -> str:
    return re.sub(r"\b\w", lambda m: m.group(0).upper(), to_string(text))


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
    s = to_string(text)
    start = int(offset)
    if start < 0:
        start += len(s)
    n = int(length)
    return s[start:] if n < 0 else s[start : start + n]


def _go_regex(pattern: str) -> str:
    # RE2 named groups (?P<n>) are Python's too; most patterns carry over unchanged.
    return pattern


@function("replace")
def replace(text: Any, search: Any, replacement: Any) -> str:
    s, find, repl = to_string(text), to_string(search), to_string(replacement)
    if len(find) > 1 and find.startswith("/") and find.endswith("/"):
        python_repl = re.sub(r"\$\{?(\w+)\}?", r"\\g<\1>", repl)
        return re.sub(_go_regex(find[1:-1]), python_repl, s)
    return s.replace(find, repl)


@function("regex")
def regex(pattern: Any, text: Any) -> Any:
    match = re.search(_go_regex(to_string(pattern)), to_string(text))
    if match is None:
        raise EvalError("regex: no match")
    if match.groupdict():
        return match.groupdict()
    if match.groups():
        return list(match.groups())
    return match.group(0)


@function("regexall")
def regexall(pattern: Any, text: Any) -> list[Any]:
    compiled = re.compile(_go_regex(to_string(pattern)))
    out: list[Any] = []
    for match in compiled.finditer(to_string(text)):
        if match.groupdict():
            out.append(match.groupdict())
        elif match.groups():
            out.append(list(match.groups()))
        else:
            out.append(match.group(0))
    return out


@function("length")
@_shallow
def length(value: Any) -> int:
    if isinstance(value, (list, dict, str)):
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
    return items[int(idx) % len(items)]


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
    return [v for v in _seq(value) if v is not None and v != ""]


@function("reverse")
def reverse(value: Any) -> list[Any]:
    return list(reversed(_seq(value)))


@function("sort")
def sort(value: Any) -> list[str]:
    return sorted(to_string(v) for v in _seq(value))


@function("slice")
def slice_(value: Any, start: Any, end: Any) -> list[Any]:
    return _seq(value)[int(start) : int(end)]


@function("range")
def range_(*args: Any) -> list[int | float]:
    nums: list[int | float] = [int(a) if float(a).is_integer() else float(a) for a in args]
    start: int | float
    stop: int | float
    step: int | float
    if len(nums) == 1:
        start, stop, step = 0, nums[0], 1
    elif len(nums) == 2:
        start, stop, step = nums[0], nums[1], 1 if nums[1] >= nums[0] else -1
    else:
        start, stop, step = nums
    if step == 0:
        raise EvalError("range: step must not be 0")
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
    items, n = _seq(value), int(size)
    if n <= 0:
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
    return all(v is True or v == "true" for v in _seq(value))


@function("anytrue")
def anytrue(value: Any) -> bool:
    return any(v is True or v == "true" for v in _seq(value))


@function("sum")
def sum_(value: Any) -> int | float:
    total = float(sum(float(v) for v in _seq(value)))
    return int(total) if total.is_integer() else total


@function("min")
def min_(*nums: Any) -> Any:
    return min(nums)


@function("max")
def max_(*nums: Any) -> Any:
    return max(nums)


@function("abs")
def abs_(num: Any) -> Any:
    return abs(num)


@function("ceil")
def ceil(num: Any) -> int:
    return math.ceil(float(num))


@function("floor")
def floor(num: Any) -> int:
    return math.floor(float(num))


@function("parseint")
def parseint(text: Any, base: Any) -> int:
    return int(to_string(text), int(base))


@function("tostring")
def tostring(value: Any) -> Any:
    return None if value is None else to_string(value)


@function("tonumber")
def tonumber(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = to_string(value)
    return int(text) if re.fullmatch(r"-?\d+", text) else float(text)


@function("tobool")
def tobool(value: Any) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    raise EvalError("tobool: not a bool")


@function("tolist")
def tolist(value: Any) -> list[Any]:
    return list(_seq(value))


@function("toset")
def toset(value: Any) -> list[Any]:
    items = distinct(value)
    if all(isinstance(v, str) for v in items):
        return TfSet(sorted(items))
    return TfSet(items)


@function("tomap")
def tomap(value: Any) -> dict[str, Any]:
    return dict(_map(value))


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
        return json.dumps(value, separators=(",", ":"), sort_keys=True)
    return Unknown(json.dumps(_interpolated(value), separators=(",", ":"), sort_keys=True))


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
        return json.loads(to_string(text))
    except json.JSONDecodeError as exc:
        raise EvalError(f"jsondecode: {exc}") from None


@function("yamldecode")
def yamldecode(text: Any) -> Any:
    import yaml  # lazy: only yamldecode/yamlencode need it (start-up speed)

    try:
        return yaml.safe_load(to_string(text))
    except yaml.YAMLError as exc:
        raise EvalError(f"yamldecode: {exc}") from None


@function("yamlencode")
def yamlencode(value: Any) -> str:
    import yaml  # lazy: only yamldecode/yamlencode need it (start-up speed)

    return str(yaml.safe_dump(value, sort_keys=True))


@function("base64encode")
def base64encode(text: Any) -> str:
    return base64.b64encode(to_string(text).encode()).decode()


@function("base64decode")
def base64decode(text: Any) -> str:
    return base64.b64decode(to_string(text)).decode()


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
    inner = Scope(dict(_map(variables)), files=files, strict=scope.strict)
    return evaluate(template, inner)


@function("cidrsubnet")
def cidrsubnet(prefix: Any, newbits: Any, netnum: Any) -> str:
    network = ipaddress.ip_network(to_string(prefix), strict=False)
    new_prefix = network.prefixlen + int(newbits)
    subnets = network.subnets(new_prefix=new_prefix)
    for i, subnet in enumerate(subnets):
        if i == int(netnum):
            return str(subnet)
    raise EvalError("cidrsubnet: netnum out of range")


@function("cidrhost")
def cidrhost(prefix: Any, hostnum: Any) -> str:
    network = ipaddress.ip_network(to_string(prefix), strict=False)
    n = int(hostnum)
    base = network.broadcast_address + 1 + n if n < 0 else network.network_address + n
    return str(base)


@function("cidrnetmask")
def cidrnetmask(prefix: Any) -> str:
    return str(ipaddress.ip_network(to_string(prefix), strict=False).netmask)
