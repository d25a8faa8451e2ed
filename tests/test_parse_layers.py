"""The parse stage and the Terraform package keep their own layering (read from the
source by tests/test_architecture.py's graph): the Terraform semantics never import the
parse stage, only the modules above the parsers import the parser registry, and no
cycle runs through either package."""

from __future__ import annotations

from .test_architecture import graph, strongly_connected

MINE = ("iac_guard.parse", "iac_guard.terraform")


def test_terraform_package_does_not_import_the_parse_stage() -> None:
    edges = graph()
    upward = sorted(
        f"{name} -> {target}"
        for name, targets in edges.items()
        if name.startswith("iac_guard.terraform")
        for target in targets
        if target.startswith("iac_guard.parse")
    )
    assert upward == []


def test_nothing_below_the_registry_imports_it() -> None:
    """The parsers and what they use import the interface (``parse.base``), never the
    registry; inside the parse stage only the runner, which sits above it, does."""
    importers = sorted(
        name
        for name, targets in graph().items()
        if "iac_guard.parse.registry" in targets and name.startswith(MINE)
    )
    assert importers == ["iac_guard.parse.runner"]


def test_no_cycle_through_parse_or_terraform() -> None:
    cycles = [c for c in strongly_connected(graph()) if any(m.startswith(MINE) for m in c)]
    assert cycles == []
