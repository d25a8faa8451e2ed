"""A hypothesis strategy shared by the property tests: a valid input, damaged."""

from __future__ import annotations

from hypothesis import strategies as st


@st.composite
def mutated(
    draw: st.DrawFn, seed: bytes, *, replacements: st.SearchStrategy[bytes] | None = None, max_span: int = 40, max_edits: int = 4
) -> bytes:
    """``seed`` with up to ``max_edits`` slices (at most ``max_span`` long) deleted,
    duplicated or replaced by ``replacements`` (default: arbitrary bytes)."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(0, max_edits))):
        if not data:
            break
        start = draw(st.integers(0, len(data) - 1))
        end = draw(st.integers(start, min(len(data), start + max_span)))
        action = draw(st.sampled_from(["delete", "duplicate", "replace"]))
        if action == "delete":
            del data[start:end]
        elif action == "duplicate":
            data[start:start] = data[start:end]
        else:
            data[start:end] = draw(replacements if replacements is not None else st.binary(max_size=12))
    return bytes(data)
