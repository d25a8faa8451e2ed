"""Input variable values of a root module, in Terraform's precedence order.

Later sources win (https://developer.hashicorp.com/terraform/language/values/variables):

1. ``TF_VAR_<name>`` environment variables
2. ``terraform.tfvars``, then ``terraform.tfvars.json``
3. ``*.auto.tfvars`` / ``*.auto.tfvars.json``, in lexical order of file name
4. ``--var-file`` files, then ``--var name=value`` options, each in command-line order

Values from the command line and the environment are strings: as in Terraform they stay
strings for a primitive (or absent) type constraint and are parsed as HCL expressions for
a complex one. Each value carries its origin ("terraform.tfvars:3") for provenance.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iac_guard import reads
from iac_guard.errors import ParseError
from iac_guard.marked import loads_marked, plain, start_line
from iac_guard.models import Problem
from iac_guard.terraform import hcl
from iac_guard.terraform.expressions import evaluate
from iac_guard.terraform.native_syntax import parse_expression, parse_hcl
from iac_guard.terraform.values import EvalError, Scope, TfSet, Unknown, to_string

PRIMITIVE_TYPES = frozenset({"string", "number", "bool", "any"})


@dataclass(frozen=True)
class VarValue:
    """A variable's value and where it was set ("terraform.tfvars:3", "--var acl=...")."""

    value: Any
    origin: str


def type_name(type_expr: hcl.Expr | None) -> str:
    """The outer name of a type constraint: ``string``, ``list``, ``map``, ``object``, ..."""
    if type_expr is None:
        return "any"
    if isinstance(type_expr, hcl.Name):
        return type_expr.name
    if isinstance(type_expr, hcl.Call):
        return type_expr.name
    if isinstance(type_expr, hcl.Literal) and isinstance(type_expr.value, str):  # JSON syntax
        return type_expr.value.split("(", 1)[0].strip()
    return "any"


def convert(value: Any, type_expr: hcl.Expr | None) -> Any:
    """Terraform's automatic conversion to a type constraint, recursively: primitives
    (``"3"`` to a number), collections of them (``list(string)``, ``map(number)``,
    ``set(...)``), and objects, whose ``optional(type, default)`` attributes that are
    absent or null take their default (or null). Anything it cannot convert is left as it
    is (the evaluator is never stricter than Terraform)."""
    if isinstance(value, Unknown) or value is None:
        return value
    kind = type_name(type_expr)
    args = type_expr.args if isinstance(type_expr, hcl.Call) else ()
    try:
        if kind == "number" and isinstance(value, str):
            text = value.strip()
            return int(text) if text.lstrip("-").isdigit() else float(text)
        if kind == "bool" and value in ("true", "false"):
            return value == "true"
        if kind == "string" and isinstance(value, (bool, int, float)):
            return to_string(value)
        if kind in ("list", "set") and isinstance(value, list):
            items = [convert(item, args[0]) for item in value] if args else list(value)
            return _as_set(items) if kind == "set" else items
        if kind == "map" and isinstance(value, dict) and args:
            return {key: convert(item, args[0]) for key, item in value.items()}
        if kind == "tuple" and isinstance(value, list) and args and isinstance(args[0], hcl.TupleExpr):
            types = args[0].items
            if len(types) == len(value):
                return [convert(item, t) for item, t in zip(value, types, strict=True)]
        if kind == "object" and isinstance(value, dict) and args and isinstance(args[0], hcl.ObjectExpr):
            return _convert_object(value, args[0])
    except (ValueError, EvalError):
        return value
    return value


def _as_set(items: list[Any]) -> list[Any]:
    distinct: list[Any] = []
    for item in items:
        if item not in distinct:
            distinct.append(item)
    if all(isinstance(item, str) for item in distinct):
        return TfSet(sorted(distinct))
    return TfSet(distinct)


def _convert_object(value: dict[str, Any], attributes: hcl.ObjectExpr) -> dict[str, Any]:
    """An object value converted to ``object({...})``: declared attributes only (as
    Terraform drops the others), each converted; a missing or null ``optional``
    attribute becomes its default (itself converted) or null."""
    out: dict[str, Any] = {}
    for key_expr, attr_type in attributes.items:
        if not isinstance(key_expr, hcl.Literal):
            return value  # not a type expression we understand: leave the value alone
        name = str(key_expr.value)
        given = value.get(name)
        if isinstance(attr_type, hcl.Call) and attr_type.name == "optional" and attr_type.args:
            inner = attr_type.args[0]
            if given is None and len(attr_type.args) > 1:
                given = evaluate(attr_type.args[1], Scope())
            out[name] = convert(given, inner)
        elif name in value:
            out[name] = convert(given, attr_type)
    return out


def root_values(
    module_dir: Path,
    scan_root: Path,
    declared: Mapping[str, hcl.Expr | None],
    *,
    var_files: Sequence[str] = (),
    cli_vars: Sequence[str] = (),
    env: Mapping[str, str],
) -> tuple[dict[str, VarValue], list[Problem]]:
    """Values of the root module's variables (``declared`` maps name -> type expression)
    from every source, the winning source last (``env`` gives the ``TF_VAR_*`` values).
    Undeclared names are ignored."""
    values: dict[str, VarValue] = {}
    problems: list[Problem] = []

    def put(name: str, value: VarValue) -> None:
        if name in declared:
            values[name] = value

    for key in sorted(env):
        if key.startswith("TF_VAR_"):
            name = key[len("TF_VAR_") :]
            if name in declared:
                put(name, VarValue(from_string(env[key], declared[name], key), key))

    reads.directory(module_dir)  # which .tfvars files there are
    files = [module_dir / "terraform.tfvars", module_dir / "terraform.tfvars.json"]
    autos = sorted(
        (p for p in module_dir.glob("*.auto.tfvars*") if p.name.endswith((".auto.tfvars", ".auto.tfvars.json"))),
        key=lambda p: p.name,
    )
    for path in [*files, *autos]:
        if path.is_file():
            found, errors = read_tfvars(path, display(path, scan_root))
            problems.extend(errors)
            for name, value in found.items():
                put(name, value)
    for given in var_files:
        path = Path(given)
        reads.file(path)
        if not path.is_file():
            problems.append(Problem("input-error", f"--var-file not found: {given}", given))
            continue
        found, errors = read_tfvars(path, display(path, scan_root))
        problems.extend(errors)
        for name, value in found.items():
            put(name, value)
    for item in cli_vars:
        name, sep, text = item.partition("=")
        if not sep or not name.strip():
            problems.append(Problem("input-error", f"--var must be NAME=VALUE, got {item!r}"))
            continue
        name = name.strip()
        if name in declared:
            put(name, VarValue(from_string(text, declared[name], f"--var {name}"), f"--var {name}"))
    return values, problems


def from_string(text: str, type_expr: hcl.Expr | None, origin: str) -> Any:
    """A value given as text (``--var``, ``TF_VAR_``): a string for a primitive type,
    an HCL expression for a complex one (Unknown when it does not parse)."""
    if type_name(type_expr) in PRIMITIVE_TYPES:
        return convert(text, type_expr)
    try:
        expr = parse_expression(text, origin, 1)
    except ParseError:
        return Unknown(text)
    return convert(evaluate(expr, Scope()), type_expr)


def display(path: Path, scan_root: Path) -> str:
    """A path as findings show it: relative to the scan root when inside it."""
    try:
        return path.resolve().relative_to(scan_root.resolve()).as_posix()
    except ValueError:
        return str(path)


def read_tfvars(path: Path, shown: str) -> tuple[dict[str, VarValue], list[Problem]]:
    """Assignments of a .tfvars (HCL) or .tfvars.json file, each with ``file:line``."""
    reads.file(path)
    try:
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [Problem("parse-error", f"cannot read variables file: {exc}", shown)]
    if path.name.endswith(".json"):
        return _read_json(text, shown)
    try:
        body = parse_hcl(text, shown)
    except ParseError as exc:
        return {}, [Problem("parse-error", exc.message, exc.file, exc.line)]
    out: dict[str, VarValue] = {}
    for attr in body.attributes:
        out[attr.name] = VarValue(evaluate(attr.expr, Scope()), f"{shown}:{attr.line}")
    problems = [
        Problem("parse-error", f"blocks are not allowed in a variables file ({block.type})", shown, block.line)
        for block in body.blocks
    ]
    return out, problems


def _read_json(text: str, shown: str) -> tuple[dict[str, VarValue], list[Problem]]:
    try:
        doc = loads_marked(text, shown)
    except ParseError as exc:
        return {}, [Problem("parse-error", exc.message, exc.file, exc.line)]
    if not isinstance(doc, dict):
        return {}, [Problem("parse-error", "a .tfvars.json file must contain a JSON object", shown, 1)]
    out: dict[str, VarValue] = {}
    for key, value in doc.items():
        out[str(key)] = VarValue(plain(value), f"{shown}:{start_line(key) or 1}")
    return out, []

