"""Shared helpers for the Terraform tests: build a fixture's policy input."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from iac_guard.discover import discover
from iac_guard.models import KindInput, Resource
from iac_guard.parse.base import BuildOptions
from iac_guard.parse.runner import build_kind_input

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "terraform"


def build(
    name: str,
    kind: str = "terraform",
    *,
    var_files: Sequence[str] = (),
    cli_vars: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    exclude: Sequence[str] = (),
) -> KindInput:
    files = discover([FIXTURES / name], exclude=exclude).files
    options = BuildOptions(var_files=tuple(var_files), vars=tuple(cli_vars), env=dict(env or {}))
    return build_kind_input(kind, files, jobs=1, options=options)


def by_address(kind_input: KindInput) -> dict[str, Resource]:
    out: dict[str, Resource] = {}
    for resource in kind_input.resources:
        assert resource.address not in out, f"duplicate address {resource.address}"
        out[resource.address] = resource
    return out
