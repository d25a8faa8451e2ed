"""JSON with a line mark on every node (cfn-lint's decoder), and errors that always say
where: ``.tf.json``, ``.tfvars.json`` and plan files share it."""

from __future__ import annotations

import json
from typing import Any

from iac_guard.errors import ParseError


def loads_marked(text: str, filename: str) -> Any:
    """Decode ``text``; keys and containers carry ``start_mark``/``end_mark`` (0-based
    lines). Raise ParseError with ``filename`` and the 1-based line of the fault."""
    from cfnlint.decode import cfn_json

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
                f'invalid JSON: duplicate key "{later}" (first at line {_line(first)})', file=filename, line=_line(later)
            ) from None
        raise ParseError(f"invalid JSON: {exc.msg}", file=filename, line=exc.lineno) from None  # 1-based here
    except (ValueError, TypeError, AttributeError, IndexError) as exc:  # the decoder's own failures on odd input
        try:
            json.loads(text)
        except json.JSONDecodeError as plain:
            raise ParseError(f"invalid JSON: {plain.msg}", file=filename, line=plain.lineno) from None
        raise ParseError(f"invalid JSON: {exc}", file=filename) from None


def _line(key: Any) -> int | None:
    mark = getattr(key, "start_mark", None)
    return int(mark.line) + 1 if mark is not None else None
