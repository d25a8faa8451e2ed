"""Evaluate HCL expressions the way Terraform does, as far as a static scan can.

What cannot be known statically (a resource attribute, a data source, a variable with no
value) evaluates to an ``Unknown`` carrying the expression's source text. Unknowns
propagate: an operation with an unknown operand is unknown, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from iac_guard.terraform import hcl


@dataclass(frozen=True)
class Unknown:
    """A value that cannot be known before apply (or without more input)."""

    src: str

    def to_json(self) -> dict[str, str]:
        return {"__unknown__": self.src}


class TfSet(list):  # type: ignore[type-arg]
    """A Terraform set (``toset()``, a ``set(...)`` variable): a list in the policy input,
    but iterated as a set, where each element is its own key (a ``dynamic`` block's
    ``iterator.key``, a ``for`` expression's key)."""


class EvalError(Exception):
    """An expression that is statically wrong (calling an unknown function, bad types)."""


Function = Callable[..., Any]
FUNCTIONS: dict[str, Function] = {}


F = TypeVar("F", bound=Function)


def function(name: str) -> Callable[[F], F]:
    """Register a Terraform built-in function (the registry is ``FUNCTIONS``)."""

    def register(fn: F) -> F:
        FUNCTIONS[name] = fn
        return fn

    return register


class Namespace:
    """The names under one root (``var``, ``local``): each value is computed on first
    use and remembered, with the origins that explain it (for provenance). A name that
    is needed while it is being computed (a reference cycle) is Unknown, never a hang."""

    def __init__(self, root: str, entries: Mapping[str, Callable[[], tuple[Any, tuple[str, ...]]]]) -> None:
        self.root = root
        self._entries = dict(entries)
        self._done: dict[str, tuple[Any, tuple[str, ...]]] = {}
        self._active: set[str] = set()

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def names(self) -> list[str]:
        return list(self._entries)

    def value(self, name: str) -> Any:
        if name not in self._entries:
            raise EvalError(f"{self.root}.{name} is not declared")
        if name not in self._done:
            if name in self._active:
                return Unknown(f"{self.root}.{name}")
            self._active.add(name)
            try:
                self._done[name] = self._entries[name]()
            finally:
                self._active.discard(name)
        return self._done[name][0]

    def origins(self, name: str) -> tuple[str, ...]:
        done = self._done.get(name)
        return done[1] if done else ()


@dataclass(frozen=True)
class Scope:
    """Names visible to an expression. A root not present evaluates to Unknown.

    ``refs`` collects the references an evaluation touched (``var.acl``, ``each``), and
    ``origins`` says where non-namespace names got their values; together they give a
    value's provenance. ``strict`` makes errors raise EvalError instead of becoming
    Unknown (how ``try`` and ``can`` tell an error from an unknown). ``files`` lets
    ``file()``/``templatefile()`` read inside the scan root only."""

    names: Mapping[str, Any] = field(default_factory=dict)
    refs: list[str] | None = field(default=None, compare=False)
    origins: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    strict: bool = False
    files: FileAccess | None = None

    def child(self, extra: Mapping[str, Any], origins: Mapping[str, tuple[str, ...]] | None = None) -> Scope:
        """A scope with more names (for variables, ``each``, ``count``) and their origins."""
        merged = dict(self.names)
        merged.update(extra)
        merged_origins = dict(self.origins)
        if origins:
            merged_origins.update(origins)
        return Scope(merged, self.refs, merged_origins, self.strict, self.files)

    def tracking(self, refs: list[str]) -> Scope:
        """The same scope, recording the references evaluation touches into ``refs``."""
        return Scope(self.names, refs, self.origins, self.strict, self.files)

    def strictly(self) -> Scope:
        return Scope(self.names, self.refs, self.origins, True, self.files)

    def origins_of(self, refs: Sequence[str]) -> tuple[str, ...]:
        """Where the referenced values came from, de-duplicated, in first-use order."""
        out: list[str] = []
        for ref in refs:
            root, _, attr = ref.partition(".")
            space = self.names.get(root)
            found = space.origins(attr) if isinstance(space, Namespace) and attr else self.origins.get(ref, ())
            for origin in found:
                if origin not in out:
                    out.append(origin)
        return tuple(out)


@dataclass(frozen=True)
class FileAccess:
    """Where ``file()`` may read: paths resolve against ``base`` (the root module's
    directory, Terraform's working directory) and must stay inside ``root``."""

    root: Path
    base: Path
    display_root: Path | None = None

    def resolve(self, name: str) -> Path:
        path = (self.base / name).resolve()
        try:
            path.relative_to(self.root.resolve())
        except ValueError:
            raise EvalError(f"{name} is outside the scan root") from None
        if not path.is_file():
            raise EvalError(f"{name} does not exist")
        return path

    def relpath(self, path: Path) -> str:
        return path.relative_to(self.root.resolve()).as_posix()


def contains_unknown(value: Any) -> bool:
    if isinstance(value, (Unknown, Namespace)):
        return True
    if isinstance(value, dict):
        return any(contains_unknown(v) for v in value.values())
    if isinstance(value, list):
        return any(contains_unknown(v) for v in value)
    return False


def evaluate(expr: hcl.Expr, scope: Scope) -> Any:
    """Evaluate ``expr``; Unknown where the value cannot be known statically."""
    handler = _HANDLERS.get(type(expr))
    if handler is None:  # pragma: no cover - every node type has a handler
        return Unknown(expr.src)
    try:
        return handler(expr, scope)
    except EvalError:
        if scope.strict:
            raise
        return Unknown(expr.src)
    except (TypeError, ValueError, KeyError, IndexError, ZeroDivisionError, AttributeError, RecursionError) as exc:
        if scope.strict:
            raise EvalError(f"{expr.src}: {exc}") from None
        return Unknown(expr.src)


def _literal(expr: hcl.Literal, scope: Scope) -> Any:
    return expr.value


def to_string(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float, str)):
        return str(value)
    raise EvalError(f"cannot convert {type(value).__name__} to string")


def _template(expr: hcl.Template, scope: Scope) -> Any:
    if expr.directives:
        return Unknown(expr.src)
    if len(expr.parts) == 1 and not isinstance(expr.parts[0], (str, hcl.TemplateIf, hcl.TemplateFor)):
        # "${x}" alone is x itself, not converted to a string (HCL's template rule)
        return evaluate(expr.parts[0], scope)
    text = _render(expr.parts, scope)
    return Unknown(expr.src) if text is None else text


def _render(parts: tuple[str | hcl.Expr, ...], scope: Scope) -> str | None:
    """The template text, or None when any part it needs is unknown."""
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
            continue
        if isinstance(part, hcl.TemplateIf):
            condition = evaluate(part.condition, scope)
            if isinstance(condition, Unknown) or condition is None:
                return None
            chosen = _render(part.then if _bool(condition) else part.otherwise, scope)
            if chosen is None:
                return None
            out.append(chosen)
            continue
        if isinstance(part, hcl.TemplateFor):
            pairs = iteration_pairs(evaluate(part.collection, scope))
            if pairs is None:
                return None  # unknown, or not iterable
            for key, value in pairs:
                names = {part.value_var: value, **({part.key_var: key} if part.key_var else {})}
                body = _render(part.body, scope.child(names))
                if body is None:
                    return None
                out.append(body)
            continue
        value = evaluate(part, scope)
        if isinstance(value, Unknown) or value is None or contains_unknown(value):
            return None
        out.append(to_string(value))
    return "".join(out)


def _tuple(expr: hcl.TupleExpr, scope: Scope) -> Any:
    return [evaluate(item, scope) for item in expr.items]


def _object(expr: hcl.ObjectExpr, scope: Scope) -> Any:
    out: dict[str, Any] = {}
    for key_expr, value_expr in expr.items:
        key = evaluate(key_expr, scope)
        if isinstance(key, Unknown):
            return Unknown(expr.src)
        out[to_string(key)] = evaluate(value_expr, scope)
    return out


def _name(expr: hcl.Name, scope: Scope) -> Any:
    if scope.refs is not None:
        scope.refs.append(expr.name)
    if expr.name in scope.names:
        return scope.names[expr.name]
    return Unknown(expr.src)


def get_attr(value: Any, name: str, src: str) -> Any:
    if isinstance(value, Unknown):
        return Unknown(src)
    if isinstance(value, Namespace):
        return value.value(name)
    if isinstance(value, dict):
        if name in value:
            return value[name]
        raise EvalError(f"no attribute {name}")
    raise EvalError(f"cannot read attribute {name} of {type(value).__name__}")


def index(value: Any, key: Any, src: str) -> Any:
    if isinstance(value, Unknown) or isinstance(key, Unknown):
        return Unknown(src)
    if isinstance(value, Namespace):
        return value.value(to_string(key))
    if isinstance(value, list):
        if isinstance(key, bool) or not isinstance(key, (int, float, str)):
            raise EvalError("list index must be a number")
        return value[int(key)]
    if isinstance(value, dict):
        return value[to_string(key)]
    raise EvalError(f"cannot index {type(value).__name__}")


def _get_attr(expr: hcl.GetAttr, scope: Scope) -> Any:
    if scope.refs is not None and isinstance(expr.obj, hcl.Name):
        scope.refs.append(f"{expr.obj.name}.{expr.name}")
    return get_attr(evaluate(expr.obj, scope), expr.name, expr.src)


def _index(expr: hcl.Index, scope: Scope) -> Any:
    return index(evaluate(expr.obj, scope), evaluate(expr.key, scope), expr.src)


def _splat(expr: hcl.Splat, scope: Scope) -> Any:
    base = evaluate(expr.obj, scope)
    if isinstance(base, Unknown):
        return Unknown(expr.src)
    if base is None:
        return []
    items = base if isinstance(base, list) else [base]
    out = []
    for item in items:
        value = item
        for kind, step in expr.steps:
            if kind == "attr":
                value = get_attr(value, step, expr.src)
            else:
                value = index(value, evaluate(step, scope), expr.src)
        out.append(value)
    return out


def _call(expr: hcl.Call, scope: Scope) -> Any:
    fn = FUNCTIONS.get(expr.name.removeprefix("provider::terraform::"))
    if fn is None:
        return Unknown(expr.src)
    if getattr(fn, "lazy", False):
        return fn(scope, *expr.args)
    args = [evaluate(a, scope) for a in expr.args]
    if expr.expand_last and args:
        last = args.pop()
        if isinstance(last, Unknown):
            return Unknown(expr.src)
        args.extend(last if isinstance(last, list) else list(last.values()) if isinstance(last, dict) else [last])
    if getattr(fn, "shallow", False):
        # the function needs only the shape of its arguments (length of a list whose
        # elements are unknown is known, as in Terraform)
        if any(isinstance(a, Unknown) for a in args):
            return Unknown(expr.src)
    elif not getattr(fn, "accepts_unknown", False) and any(contains_unknown(a) for a in args):
        return Unknown(expr.src)
    if getattr(fn, "scoped", False):
        return fn(scope, *args)
    return fn(*args)


def _number(value: Any) -> int | float:
    if isinstance(value, bool):
        raise EvalError("bool is not a number")
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            return float(value)
    raise EvalError("not a number")


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return bool(value == "true")
    raise EvalError("not a bool")


def _normalize_number(value: float) -> int | float:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool) and not isinstance(b, bool):
        return float(a) == float(b)
    return bool(type(a) is type(b) and a == b)


def _binary(expr: hcl.BinaryOp, scope: Scope) -> Any:
    left = evaluate(expr.left, scope)
    op = expr.op
    if op in ("&&", "||"):
        if not isinstance(left, Unknown):
            lb = _bool(left)
            if op == "&&" and not lb:
                return False
            if op == "||" and lb:
                return True
        right = evaluate(expr.right, scope)
        if isinstance(left, Unknown) or isinstance(right, Unknown):
            return Unknown(expr.src)
        return _bool(right)
    right = evaluate(expr.right, scope)
    if contains_unknown(left) or contains_unknown(right):
        return Unknown(expr.src)
    if op == "==":
        return _equal(left, right)
    if op == "!=":
        return not _equal(left, right)
    a, b = _number(left), _number(right)
    if op == "+":
        return _normalize_number(a + b)
    if op == "-":
        return _normalize_number(a - b)
    if op == "*":
        return _normalize_number(a * b)
    if op == "/":
        return _normalize_number(a / b)
    if op == "%":
        return _normalize_number(a % b)
    if op == "<":
        return a < b
    if op == ">":
        return a > b
    if op == "<=":
        return a <= b
    if op == ">=":
        return a >= b
    raise EvalError(f"unknown operator {op}")


def _unary(expr: hcl.UnaryOp, scope: Scope) -> Any:
    value = evaluate(expr.operand, scope)
    if isinstance(value, Unknown):
        return Unknown(expr.src)
    if expr.op == "!":
        return not _bool(value)
    return -_number(value)


def _conditional(expr: hcl.Conditional, scope: Scope) -> Any:
    cond = evaluate(expr.condition, scope)
    if isinstance(cond, Unknown):
        return Unknown(expr.src)
    return evaluate(expr.true if _bool(cond) else expr.false, scope)


def iteration_pairs(collection: Any) -> list[tuple[Any, Any]] | None:
    """(key, value) pairs a ``for`` iterates, in Terraform's order: a map's entries by key,
    a set's elements as their own keys, a list's indexes; None for anything else."""
    if isinstance(collection, dict):
        return sorted(collection.items())
    if isinstance(collection, TfSet):
        return [(item, item) for item in collection]
    if isinstance(collection, list):
        return list(enumerate(collection))
    return None


def _for(expr: hcl.ForExpr, scope: Scope) -> Any:
    collection = evaluate(expr.collection, scope)
    if isinstance(collection, Unknown):
        return Unknown(expr.src)
    pairs = iteration_pairs(collection)
    if pairs is None:
        raise EvalError("for expression needs a list, set, map or object")
    out_list: list[Any] = []
    out_map: dict[str, Any] = {}
    for key, value in pairs:
        names = {expr.value_var: value}
        if expr.key_var:
            names[expr.key_var] = key
        inner = scope.child(names)
        if expr.condition is not None:
            keep = evaluate(expr.condition, inner)
            if isinstance(keep, Unknown):
                return Unknown(expr.src)
            if not _bool(keep):
                continue
        if expr.key is None:
            out_list.append(evaluate(expr.value, inner))
            continue
        k = evaluate(expr.key, inner)
        if isinstance(k, Unknown):
            return Unknown(expr.src)
        v = evaluate(expr.value, inner)
        if expr.grouping:
            out_map.setdefault(to_string(k), []).append(v)
        else:
            if to_string(k) in out_map:
                raise EvalError(f"duplicate key {k!r} in for expression")
            out_map[to_string(k)] = v
    return out_list if expr.key is None else out_map


_HANDLERS: dict[type, Callable[[Any, Scope], Any]] = {
    hcl.Literal: _literal,
    hcl.Template: _template,
    hcl.TupleExpr: _tuple,
    hcl.ObjectExpr: _object,
    hcl.Name: _name,
    hcl.GetAttr: _get_attr,
    hcl.Index: _index,
    hcl.Splat: _splat,
    hcl.Call: _call,
    hcl.BinaryOp: _binary,
    hcl.UnaryOp: _unary,
    hcl.Conditional: _conditional,
    hcl.ForExpr: _for,
}


def to_json(value: Any) -> Any:
    """Replace Unknown markers with their JSON form for the policy input."""
    if isinstance(value, Unknown):
        return value.to_json()
    if isinstance(value, Namespace):
        return Unknown(value.root).to_json()
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def unknown_paths(value: Any, prefix: str = "") -> list[str]:
    """Dotted paths (list indexes as numbers) of every Unknown inside ``value``."""
    if isinstance(value, (Unknown, Namespace)):
        return [prefix]
    out: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            out.extend(unknown_paths(item, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out.extend(unknown_paths(item, f"{prefix}.{i}" if prefix else str(i)))
    return out


# Importing the function library registers it.
from iac_guard.terraform import functions as _functions  # noqa: E402,F401
