"""Ctrl-C that Python would drop.

A SIGINT handler raises its exception (KeyboardInterrupt; inside a Dagster op,
DagsterExecutionInterruptedError) wherever the main thread is. When that is a ``__del__``
method or a weakref callback, which the garbage collector runs at any allocation (while a
parsed document is unpickled, say), Python cannot raise it: it hands it to
``sys.unraisablehook`` and carries on, and the scan would run to its end as though no one
had pressed Ctrl-C. ``latch`` (the command line installs it) keeps such an interrupt, and
``check`` raises it as KeyboardInterrupt at the scan's next checkpoint: while forked
children work (``iac_guard.forked``), before a report is written
(``iac_guard.safeout.write_atomic``), before anything is published to GitHub, and when the
Dagster run returns.
"""

from __future__ import annotations

import sys
from typing import Any

#: what SIGINT's handler raises besides KeyboardInterrupt (by name: this layer imports no Dagster)
INTERRUPTS = frozenset({"DagsterExecutionInterruptedError"})

_dropped: list[str] = []  # the name of each interrupt Python dropped, until ``check`` raises it


def latch() -> None:
    """Keep every interrupt Python drops from here on (other unraisable exceptions go to
    the hook that was there before)."""
    previous = sys.unraisablehook
    if getattr(previous, "_keeps_interrupts", False):
        return

    def hook(unraisable: Any) -> None:
        kind = unraisable.exc_type
        if isinstance(kind, type) and (issubclass(kind, KeyboardInterrupt) or kind.__name__ in INTERRUPTS):
            _dropped.append(kind.__name__)
            return
        previous(unraisable)

    hook._keeps_interrupts = True  # type: ignore[attr-defined]
    sys.unraisablehook = hook


def check() -> None:
    """Raise KeyboardInterrupt if Python dropped an interrupt since the last check."""
    if _dropped:
        _dropped.clear()
        raise KeyboardInterrupt
