"""The Terraform parser reads python-hcl2's grammar with Lark's position propagation off
and takes a node's lines and source span from its first and last token
(``native_syntax._edge_token``). That holds only while every terminal of the grammar stays
in the tree: this compares, node by node, with the positions Lark itself propagates
(``hcl2.parses_to_tree``) on every Terraform file of the fixtures and examples, so a
python-hcl2 release that filtered a token out would fail here, not shift a line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import hcl2
import pytest
from lark import Token, Tree

from iac_guard.terraform import native_syntax

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(p for base in ("tests/fixtures", "examples") for p in (ROOT / base).rglob("*.tf") if ".terraform" not in p.parts)


def spans(lark_tree: Any, ours: Any, out: list[tuple[str, object, object]]) -> None:
    if isinstance(lark_tree, Token):
        assert isinstance(ours, Token) and (ours, ours.type, ours.line) == (lark_tree, lark_tree.type, lark_tree.line)
        return
    assert isinstance(ours, Tree) and ours.data == lark_tree.data and len(ours.children) == len(lark_tree.children)
    first, last = native_syntax._edge_token(ours), native_syntax._edge_token(ours, last=True)
    meta = lark_tree.meta
    want = None if meta.empty else (meta.line, meta.start_pos, meta.end_line, meta.end_pos)
    got = None if first is None or last is None else (first.line, first.start_pos, last.end_line, last.end_pos)
    out.append((str(lark_tree.data), want, got))
    for a, b in zip(lark_tree.children, ours.children, strict=True):
        spans(a, b, out)


def test_there_are_files_to_compare() -> None:
    assert len(FILES) >= 50


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_token_spans_equal_lark_propagated_positions(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        reference = hcl2.parses_to_tree(text)
    except Exception:  # a fixture that is not valid HCL on purpose: no positions to compare
        with pytest.raises(Exception):  # noqa: B017 - the same text fails our parser too
            native_syntax._parser().parse(text + "\n")
        return
    found: list[tuple[str, object, object]] = []
    spans(reference, native_syntax._parser().parse(text + "\n"), found)
    assert [f for f in found if f[1] != f[2]] == []
    assert any(want is not None for _, want, _ in found)
