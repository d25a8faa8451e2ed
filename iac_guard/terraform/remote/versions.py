"""Module version constraints, as Terraform documents them for the ``version`` argument
of a registry module call.

Operators: ``=`` (or none), ``!=``, ``>``, ``>=``, ``<``, ``<=`` and ``~>`` (only the
right-most given component may increase: ``~> 1.2`` is ``>= 1.2, < 2.0``; ``~> 1.2.3`` is
``>= 1.2.3, < 1.3.0``); comma-separated constraints must all hold. The newest matching
version wins. A pre-release (``1.3.0-beta1``) is selected only by an exact constraint
naming it; otherwise pre-releases are never candidates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import total_ordering

_VERSION = re.compile(
    r"^v?(?P<major>\d+)(?:\.(?P<minor>\d+))?(?:\.(?P<patch>\d+))?"
    r"(?:-(?P<pre>[0-9A-Za-z.-]+))?(?:\+(?P<meta>[0-9A-Za-z.-]+))?$"
)
_CONSTRAINT = re.compile(r"^\s*(?P<op>~>|>=|<=|!=|=|>|<)?\s*(?P<version>\S+)\s*$")


class VersionError(ValueError):
    """A malformed version or constraint."""


@total_ordering
@dataclass(frozen=True)
class Version:
    major: int
    minor: int
    patch: int
    pre: str = ""
    given: int = 3  # how many numeric components were written (for ~>)

    @classmethod
    def parse(cls, text: str) -> Version:
        match = _VERSION.match(text.strip())
        if not match:
            raise VersionError(f"invalid version {text!r}")
        given = 1 + (match.group("minor") is not None) + (match.group("patch") is not None)
        return cls(
            int(match.group("major")),
            int(match.group("minor") or 0),
            int(match.group("patch") or 0),
            match.group("pre") or "",
            given,
        )

    def _key(self) -> tuple[int, int, int, int, tuple[tuple[int, int | str], ...]]:
        # a release sorts after its pre-releases; pre-release identifiers compare as SemVer says
        pre = tuple((0, int(p)) if p.isdigit() else (1, p) for p in self.pre.split(".")) if self.pre else ()
        return (self.major, self.minor, self.patch, 0 if self.pre else 1, pre)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._key() < other._key()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}" + (f"-{self.pre}" if self.pre else "")


@dataclass(frozen=True)
class Constraint:
    op: str
    version: Version

    def allows(self, candidate: Version) -> bool:
        v = self.version
        if self.op == "=":
            return candidate == v
        if self.op == "!=":
            return candidate != v
        if self.op == ">":
            return candidate > v
        if self.op == ">=":
            return candidate >= v
        if self.op == "<":
            return candidate < v
        if self.op == "<=":
            return candidate <= v
        # ~>: at least v, and below the next increment of the second-to-last given component
        if candidate < v:
            return False
        if v.given <= 2:
            return candidate.major == v.major
        return (candidate.major, candidate.minor) == (v.major, v.minor)


def parse_constraints(text: str) -> tuple[Constraint, ...]:
    """``">= 1.2, < 2.0"`` -> constraints; an empty string allows every release."""
    out: list[Constraint] = []
    for part in text.split(","):
        if not part.strip():
            if text.strip():
                raise VersionError(f"invalid version constraint {text!r}")
            continue
        match = _CONSTRAINT.match(part)
        if not match:
            raise VersionError(f"invalid version constraint {part.strip()!r}")
        out.append(Constraint(match.group("op") or "=", Version.parse(match.group("version"))))
    return tuple(out)


def newest_matching(available: Iterable[str], constraint: str) -> str | None:
    """The newest version in ``available`` (registry strings, returned as given) that
    meets ``constraint``."""
    constraints = parse_constraints(constraint)
    exact = {c.version for c in constraints if c.op == "="}
    best: tuple[Version, str] | None = None
    for text in available:
        try:
            version = Version.parse(text)
        except VersionError:
            continue
        if version.pre and version not in exact:
            continue
        if all(c.allows(version) for c in constraints) and (best is None or version > best[0]):
            best = (version, text)
    return best[1] if best else None
