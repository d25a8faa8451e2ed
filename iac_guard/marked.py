"""Nodes with line marks, as cfn-lint's decoders produce them (JSON and YAML): decode JSON
with a mark on every node and errors that always say where (``.tf.json``, ``.tfvars.json``
and plan files share it), read a node's line, and strip the marks to plain values
(CloudFormation templates, plan files, ``.tfvars.json``)."""

from __future__ import annotations

import json
from typing import Any

from iac_guard.errors import ParseError


def loads_marked(text: str, filename: str) -> Any:
    """Decode ``text``; keys and containers carry ``start_mark``/``end_mark`` (0-based
    lines). Raise ParseError with ``filename`` and the 1-based line of the fault."""
    from cfnlint.decode import cfn_json  # lazy: cfn-lint is slow to import (start-up speed)

    try:
        return json.loads(text, cls=cfn_json.CfnJSONDecoder)
    except json.JSONDecodeError as exc:
        raise ParseError(f"invalid JSON: {exc.msg}", file=filename, line=exc.lineno) from None
    except cfn_json.JSONDecodeError as exc:
        duplicate = exc.__cause__
        if isinstance(duplicate, cfn_json.DuplicateError) and len(duplicate.duplicates) >= 2:
            # [the repeated key, the key it repeats, ...], marked with 0-based lines
            later, first = duplicate.duplicates[0], duplicate.duplicates[1]
            raise ParseError(
                f'invalid JSON: duplicate key "{later}" (first at line {start_line(first) or None})', file=filename, line=start_line(later) or None
            ) from None
        raise ParseError(f"invalid JSON: {exc.msg}", file=filename, line=exc.lineno) from None  # 1-based here
    except (ValueError, TypeError, AttributeError, IndexError) as exc:  # the decoder's own failures on odd input
        try:
            json.loads(text)
        except json.JSONDecodeError as strict:
            raise ParseError(f"invalid JSON: {strict.msg}", file=filename, line=strict.lineno) from None
        raise ParseError(f"invalid JSON: {exc}", file=filename) from None


def start_line(node: Any) -> int:
    """The 1-based line a marked node starts on; 0 for a node without a mark."""
    mark = getattr(node, "start_mark", None)
    return int(mark.line) + 1 if mark is not None else 0


def end_line(node: Any) -> int:
    """The 1-based line a marked node's end mark is on; 0 for a node without a mark."""
    mark = getattr(node, "end_mark", None)
    return int(mark.line) + 1 if mark is not None else 0


def plain(node: Any) -> Any:
    """Marked nodes to plain JSON values (dates and other scalars as strings)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if node is None or isinstance(node, (bool, int, float)):
        return node
    return str(node)
