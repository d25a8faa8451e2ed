"""The values HCL expressions evaluate to, beyond plain JSON: the ``Unknown`` marker,
Terraform sets (``TfSet``), and the context an expression is evaluated in (``Scope`` with
its lazily computed ``Namespace``s and ``FileAccess``); plus the conversions every stage
after evaluation shares (``to_string``, ``to_json``, ``unknown_paths``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iac_guard import reads


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
        given = self.base / name
        path = given.resolve()
        try:
            path.relative_to(self.root.resolve())
        except ValueError:
            # nothing outside the scan root is read, not even to hash it: a build that
            # tried cannot be verified later (a symbolic link may be re-pointed)
            reads.untracked()
            raise EvalError(f"{name} is outside the scan root") from None
        reads.file(given)  # the name as given (a symbolic link may be re-pointed)
        reads.file(path)
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


def to_string(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float, str)):
        return str(value)
    raise EvalError(f"cannot convert {type(value).__name__} to string")


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
