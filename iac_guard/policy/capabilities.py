"""The policy sandbox: which builtins a policy may call (OPA's "capabilities" idea).

Policies may come from the scanned repository (``--policy-dir``, conftest namespaces), so
they are untrusted code run next to a token. Builtins that reach outside the evaluation
(network, the process environment) or make it non-deterministic (the clock, randomness)
are refused when the policies are loaded, unless the configuration allows each one by
name (``allow-builtins``). Calls are found in the parsed Rego (the engine's AST, not a
text search), so a name in a string or a comment is not a call, and a builtin passed as
a ``with`` replacement (``with count as http.send``) counts as a call.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from iac_guard.errors import PolicyError

# name -> why it is restricted (from OPA's builtin reference: I/O, environment, clock, randomness)
RESTRICTED_BUILTINS: dict[str, str] = {
    "http.send": "network I/O",
    "net.lookup_ip_addr": "network I/O (DNS)",
    "opa.runtime": "exposes the process environment and configuration",
    "time.now_ns": "reads the clock: results change from run to run",
    "rand.intn": "random: results change from run to run",
    "uuid.rfc4122": "random: results change from run to run",
    "io.jwt.decode_verify": "reads the clock when no time is given",
    "crypto.x509.parse_and_verify_certificates": "reads the clock",
    "crypto.x509.parse_and_verify_certificates_with_options": "reads the clock",
}
# Whole families: a builtin added to these namespaces later is restricted too.
RESTRICTED_FAMILIES: dict[str, str] = {
    "http.": "network I/O",
    "opa.": "exposes the process environment and configuration",
    "rand.": "random: results change from run to run",
}


_NAMESPACES = re.compile(
    r"\b(?:" + "|".join(sorted({re.escape(n.split(".", 1)[0]) for n in [*RESTRICTED_BUILTINS, *RESTRICTED_FAMILIES]})) + r")\b"
)


@dataclass(frozen=True)
class BuiltinCall:
    name: str
    file: str
    line: int
    reason: str


def restriction(name: str) -> str | None:
    """Why ``name`` is restricted, or None when any policy may call it."""
    if name in RESTRICTED_BUILTINS:
        return RESTRICTED_BUILTINS[name]
    return next((why for prefix, why in RESTRICTED_FAMILIES.items() if name.startswith(prefix)), None)


def restricted_calls(modules: Mapping[str, str]) -> list[BuiltinCall]:
    """Every call of a restricted builtin in ``modules`` (display path -> Rego source), in
    file and line order. Raises PolicyError (file, line) for a module that does not parse."""
    import regorus

    from iac_guard.policy.regorus import add_modules

    # Only a module that names a restricted namespace can call one: parse those alone.
    suspects = {path: source for path, source in modules.items() if _NAMESPACES.search(source)}
    if not suspects:
        return []
    engine = regorus.Engine()
    add_modules(engine, suspects)
    found: list[BuiltinCall] = []
    for module in json.loads(engine.get_ast_as_json()):
        source = module.get("source") or {}
        file = str(source.get("file") or "")
        contents = str(source.get("contents") or "")
        ast = module.get("ast") or {}
        shadowed = _import_names(ast.get("imports") or [], contents)
        for name, line in _calls(ast.get("rules") or []):
            if name.split(".", 1)[0] in shadowed:
                continue  # `import data.http` makes http.send a call of data.http.send
            why = restriction(name)
            if why is not None:
                found.append(BuiltinCall(name, file, line, why))
    return sorted(found, key=lambda c: (c.file, c.line, c.name))


def check_builtins(modules: Mapping[str, str], allowed: Collection[str] = ()) -> None:
    """PolicyError at the first call of a restricted builtin not in ``allowed``."""
    for call in restricted_calls(modules):
        if call.name in allowed:
            continue
        raise PolicyError(
            f"policy calls the restricted builtin {call.name} ({call.reason}); "
            f"to allow it, set `allow-builtins: [{call.name}]` in the config or pass --allow-builtin {call.name}",
            file=call.file,
            line=call.line,
        )


def _import_names(imports: list[Any], contents: str) -> set[str]:
    """The names a module's ``import data...`` / ``import input...`` statements bind."""
    names: set[str] = set()
    for item in imports:
        if not isinstance(item, dict):
            continue
        path = _ref_name(item.get("refr"))
        if path is None or path.split(".", 1)[0] not in ("data", "input"):
            continue
        alias = item.get("as")
        if isinstance(alias, dict) and isinstance(alias.get("start"), int) and isinstance(alias.get("end"), int):
            names.add(contents.encode("utf-8")[alias["start"] : alias["end"]].decode("utf-8", "replace").strip())
        else:
            names.add(path.rsplit(".", 1)[-1])
    return names


def _calls(node: Any) -> Iterator[tuple[str, int]]:
    """(dotted name, line) of every function call and every ``with ... as <function>``."""
    if isinstance(node, list):
        for item in node:
            yield from _calls(item)
        return
    if not isinstance(node, dict):
        return
    call = node.get("Call")
    if isinstance(call, dict):
        name = _ref_name(call.get("fcn"))
        if name is not None:
            yield name, _line(call)
    mods = node.get("with_mods")
    if isinstance(mods, list):
        for mod in mods:
            replacement = mod.get("as") if isinstance(mod, dict) else None
            name = _ref_name(replacement)
            if name is not None:
                yield name, _line(next(iter(replacement.values())) if isinstance(replacement, dict) else {})
    for value in node.values():
        yield from _calls(value)


def _ref_name(node: Any) -> str | None:
    """``http.send`` for the AST of the reference ``http.send`` (None: not a plain name)."""
    if not isinstance(node, dict) or len(node) != 1:
        return None
    kind, body = next(iter(node.items()))
    if not isinstance(body, dict):
        return None
    if kind == "Var":
        return str(body.get("value"))
    if kind == "RefDot":
        base = _ref_name(body.get("refr"))
        field = body.get("field")
        if base is None or not isinstance(field, list) or not field:
            return None
        return f"{base}.{field[-1]}"
    if kind == "RefBrack":
        base = _ref_name(body.get("refr"))
        index = body.get("index")
        if base is not None and isinstance(index, dict) and isinstance(index.get("String"), dict):
            return f"{base}.{index['String'].get('value')}"
    return None


def _line(node: Any) -> int:
    span = node.get("span") if isinstance(node, dict) else None
    return int(span.get("line", 0)) if isinstance(span, dict) else 0
