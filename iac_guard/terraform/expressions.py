"""Evaluate HCL expressions the way Terraform does, as far as a static scan can.

What cannot be known statically (a resource attribute, a data source, a variable with no
value) evaluates to an ``Unknown`` carrying the expression's source text. Unknowns
propagate: an operation with an unknown operand is unknown, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from iac_guard.terraform import hcl
from iac_guard.terraform.functions import FUNCTIONS
from iac_guard.terraform.values import (
    EvalError,
    Namespace,
    Scope,
    TfSet,
    Unknown,
    contains_unknown,
    to_string,
)


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
        return fn(evaluate, scope, *expr.args)
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
        return fn(evaluate, scope, *args)
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
