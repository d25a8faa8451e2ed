"""The import graph follows the layers README's "Development" section draws.

Read from the source (no import is executed): every ``import``/``from ... import`` of an
``iac_guard`` module, at module level or inside a function, except those under
``if TYPE_CHECKING:`` (annotations only, never run). A cycle, or an import that points up
a layer, fails here with the modules named.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "iac_guard"

# Lower number = lower layer. A module may import only modules of its own layer or below.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("iac_guard", "iac_guard.models", "iac_guard.errors", "iac_guard.marked", "iac_guard.safeout", "iac_guard.reads", "iac_guard.forked", "iac_guard.interrupts"),
    ("iac_guard.discover", "iac_guard.parse", "iac_guard.terraform", "iac_guard.policy",
     "iac_guard.scanners", "iac_guard.suppress", "iac_guard.gate", "iac_guard.report",
     "iac_guard.github", "iac_guard.selection", "iac_guard.gitrev", "iac_guard.prscope", "iac_guard.audit",
     "iac_guard.orgscan", "iac_guard.notify", "iac_guard.resultcache"),
    ("iac_guard.settings",),
    ("iac_guard.pipeline", "iac_guard.diffbase", "iac_guard.prefetch"),
    ("iac_guard.orchestration", "iac_guard.definitions"),
    ("iac_guard.cli", "iac_guard.__main__"),
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for child in node.body for n in ast.walk(child))
    return skipped


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _type_checking_nodes(tree)
    found: set[str] = set()
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name.split(".") if is_package else name.split(".")[:-1]
                package = package[: len(package) - (node.level - 1)]
                base = ".".join([*package, base] if base else package)
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name and target.startswith("iac_guard"):
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(name, path, known) for name, path in known.items()}


def strongly_connected(edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm: the components with more than one module (the cycles)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return out


def layer_of(name: str) -> int:
    best, best_len = None, -1
    for level, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            nested = name.startswith(prefix + ".") and prefix != "iac_guard"  # the package itself is only its __init__
            if (name == prefix or nested) and len(prefix) > best_len:
                best, best_len = level, len(prefix)
    assert best is not None, f"{name} is in no layer: add it to LAYERS in tests/test_architecture.py"
    return best


def test_no_import_cycle() -> None:
    assert strongly_connected(graph()) == []


def test_no_upward_import() -> None:
    upward = sorted(
        f"{name} -> {target}"
        for name, targets in graph().items()
        for target in targets
        if layer_of(target) > layer_of(name)
    )
    assert upward == []


def test_cycle_detector_finds_a_cycle() -> None:
    """The checker itself can fail (a check that cannot fail is no check)."""
    assert strongly_connected({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_every_module_has_a_layer() -> None:
    for name in modules():
        layer_of(name)


def test_nothing_below_the_cli_and_the_resources_reads_the_environment() -> None:
    """The process environment is read only where the scan meets the process: the CLI, the
    Dagster resources, run_scan (DAGSTER_HOME) and the alert sensors (the webhook URL).
    Every stage gets what it needs as arguments."""
    allowed = {
        "iac_guard.cli",
        "iac_guard.orchestration.resources",
        "iac_guard.orchestration.jobs",
        "iac_guard.orchestration.automation",
    }
    readers = sorted(
        name
        for name, path in modules().items()
        if name not in allowed and any(
            token in path.read_text(encoding="utf-8") for token in ("os.environ", "os.getenv", "environ.get(\"HOME")
        )
    )
    assert readers == []
