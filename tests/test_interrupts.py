"""Ctrl-C that Python drops (``iac_guard.interrupts``): an interrupt raised inside a
``__del__`` method or a weakref callback cannot propagate; once latched it is raised at the
next check, once; other unraisable exceptions still reach the hook that was there before.
The CLI's own end-to-end Ctrl-C tests are in tests/test_interrupt.py."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from iac_guard import forked, interrupts
from tests.procs import children


class DropsAnInterrupt:
    """What the garbage collector meets when SIGINT's handler runs inside a finaliser."""

    def __del__(self) -> None:
        raise KeyboardInterrupt


class FailsToClose:
    def __del__(self) -> None:
        raise ValueError("cannot close")


@pytest.fixture
def latched(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    seen: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", seen.append)  # the hook before; restored afterwards
    interrupts.latch()
    interrupts.latch()  # twice: one latch
    return seen


def test_a_dropped_interrupt_is_raised_at_the_next_check_once(latched: list[Any]) -> None:
    interrupts.check()  # nothing dropped yet
    DropsAnInterrupt()  # Python cannot raise it here
    with pytest.raises(KeyboardInterrupt):
        interrupts.check()
    interrupts.check()
    assert latched == []


def test_other_unraisable_exceptions_reach_the_previous_hook(latched: list[Any]) -> None:
    FailsToClose()
    interrupts.check()
    assert [(u.exc_type, str(u.exc_value)) for u in latched] == [(ValueError, "cannot close")]


def test_forked_children_are_stopped_by_an_interrupt_dropped_while_a_payload_was_received(latched: list[Any]) -> None:
    """The case that let a scan run to its end after Ctrl-C: SIGINT's handler ran inside a
    weakref callback while a parsed document was unpickled."""

    def receive(index: int, payload: bytes) -> bytes:
        if index == 0:
            DropsAnInterrupt()
        return payload

    with pytest.raises(KeyboardInterrupt):
        forked.run(lambda i: b"x", 50, workers=2, receive=receive)
    if Path("/proc/self/stat").exists():
        assert children(os.getpid()) == []
