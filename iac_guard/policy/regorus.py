"""Adding Rego modules to a Regorus engine: Rego v1 first, Rego v0 as a fallback per module.

conftest users keep old policies in Rego v0 syntax (``deny[msg] { ... }``). Each module is
parsed as v1 (the default, as OPA 1.x does); a module that v1 rejects and v0 accepts is
loaded as v0, so one policy directory may mix both. When both reject a module, the error
shown is the one for the syntax the module was written in: v0's when v1 only complained
about the missing ``if``/``contains`` keywords, else v1's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from iac_guard.errors import PolicyError, clean_engine_message, engine_location

V0_ONLY_MARKERS = ("`if` keyword is required", "`contains` keyword is required")


def looks_like_v0(message: str) -> bool:
    """A v1 parse error that only says the module is written in Rego v0."""
    return any(marker in message for marker in V0_ONLY_MARKERS)


def add_modules(engine: Any, modules: Mapping[str, str]) -> tuple[str, ...]:
    """Add every module to ``engine`` (a ``regorus.Engine``); return the paths loaded as v0.

    Raises PolicyError with the module's file and line when a module parses as neither."""
    v0: list[str] = []
    for path, source in modules.items():
        engine.set_rego_v0(False)
        try:
            engine.add_policy(path, source)
            continue
        except RuntimeError as exc:
            v1_error = str(exc)
        engine.set_rego_v0(True)
        try:
            engine.add_policy(path, source)
            v0.append(path)
        except RuntimeError as exc:
            raise policy_error(str(exc) if looks_like_v0(v1_error) else v1_error, path) from None
        finally:
            engine.set_rego_v0(False)
    return tuple(v0)


def is_v0_module(source: str) -> bool:
    """Rego v1 rejects the module only for missing ``if``/``contains``, and v0 accepts it."""
    import regorus

    engine = regorus.Engine()
    engine.set_rego_v0(False)
    try:
        engine.add_policy("module.rego", source)
        return False
    except RuntimeError as exc:
        if not looks_like_v0(str(exc)):
            return False
    engine.set_rego_v0(True)
    try:
        engine.add_policy("module.rego", source)
    except RuntimeError:
        return False
    return True


def check_compiles(engine: Any) -> None:
    """Regorus reports compile errors (an unsafe variable, ...) at the first evaluation:
    evaluate a constant so they surface at load time, with file and line."""
    try:
        engine.eval_query("true")
    except RuntimeError as exc:
        error: PolicyError = policy_error(str(exc), None)
        raise error from None


def policy_error(message: str, default_file: str | None) -> PolicyError:
    """A Regorus error as a PolicyError with file and line, backtrace stripped."""
    text = clean_engine_message(message)
    file, line = engine_location(text)
    summary = next(
        (ln.removeprefix("error:").strip() for ln in text.splitlines() if ln.startswith("error:")),
        text,
    )
    return PolicyError(summary or text, file=file or default_file, line=line)
