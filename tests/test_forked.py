"""Tasks in forked children (``iac_guard.forked``): payloads in order whatever the chunking;
a task that raises, a child killed before, during or after writing its payload, a deadline,
Ctrl-C in the parent: each ends the run with the affected task ``Lost`` (how, said) or with
KeyboardInterrupt, never a hang, and no child left. The children are real processes; the
tests read /proc to see them."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from iac_guard import forked
from iac_guard.forked import Lost
from tests.procs import children

pytestmark = pytest.mark.skipif(not forked.can_fork() or not Path("/proc/self/stat").exists(), reason="forks; reads /proc")


def payload(index: int) -> bytes:
    return str(index).encode() * (index % 7 * 40_000)  # up to 1.4 MB: several pipe buffers


def keep(index: int, data: bytes) -> tuple[int, int]:
    return index, len(data)


@pytest.mark.parametrize(("workers", "chunk"), [(1, 1), (2, 1), (2, 5), (3, 100), (8, 2)])
def test_every_payload_comes_back_in_order(workers: int, chunk: int) -> None:
    assert forked.run(payload, 40, workers=workers, chunk=chunk, receive=keep) == [(i, len(payload(i))) for i in range(40)]
    assert children(os.getpid()) == []


def test_more_tasks_than_the_task_pipe_holds_records() -> None:
    count = forked.MAX_CHUNKS * 3 + 5
    assert forked.run(lambda i: i.to_bytes(4, "little"), count, workers=2, receive=lambda _, b: int.from_bytes(b, "little")) == list(range(count))


def test_a_raising_task_is_lost_with_its_message_and_the_rest_run() -> None:
    def task(index: int) -> bytes:
        if index == 3:
            raise ValueError("no such bucket")
        return b"ok"

    out = forked.run(task, 6, workers=2, chunk=2, receive=lambda _, b: b)
    assert out == [b"ok", b"ok", b"ok", Lost(1, "ValueError: no such bucket"), b"ok", b"ok"]
    assert out[3].describe() == "ValueError: no such bucket"  # type: ignore[union-attr]


@pytest.mark.parametrize("when", ["before", "mid-payload"])
def test_a_killed_child_costs_only_the_task_it_was_running(when: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Task 4's child is killed before writing anything, or after writing the header and
    half the payload (the case that leaves a ProcessPoolExecutor waiting forever for the
    rest). Tasks 5 and 6, in the same chunk and never started, run in a new child."""
    real_write = forked._write

    def write(fd: int, data: bytes) -> None:
        if data == payload(4) and when == "mid-payload":
            real_write(fd, data[: len(data) // 2])
            os.kill(os.getpid(), signal.SIGKILL)
        real_write(fd, data)

    def task(index: int) -> bytes:
        if index == 4 and when == "before":
            os.kill(os.getpid(), signal.SIGKILL)
        return payload(index)

    monkeypatch.setattr(forked, "_write", write)
    out = forked.run(task, 10, workers=2, chunk=3, receive=keep)
    assert out == [(i, len(payload(i))) if i != 4 else Lost(-signal.SIGKILL) for i in range(10)]
    assert out[4].describe() == "its process was killed (SIGKILL, out of memory?)"  # type: ignore[union-attr]
    assert children(os.getpid()) == []


def test_children_that_all_die_before_any_task_end_the_run() -> None:
    """No progress in a round: the tasks are lost, with how the children died; no retry loop."""

    def task(index: int) -> bytes:
        os._exit(3)

    assert forked.run(task, 5, workers=2, receive=keep) == [Lost(3)] * 5
    assert Lost(3).describe() == "its process exited with status 3"


def test_a_deadline_loses_the_unfinished_tasks_and_kills_their_children() -> None:
    def task(index: int) -> bytes:
        if index == 1:
            time.sleep(600)
        return b"done"

    out = forked.run(task, 3, workers=3, seconds=1.0, receive=lambda _, b: b)
    assert out == [b"done", Lost(None), b"done"]
    assert out[1].describe() == "did not finish in time"  # type: ignore[union-attr]
    assert children(os.getpid()) == []


def test_ctrl_c_in_the_parent_kills_and_reaps_every_child() -> None:
    """SIGINT to this process while two children work: KeyboardInterrupt comes out of
    ``run`` and no child is left (the children ignore SIGINT: the parent ends them)."""
    seen: list[int] = []

    def interrupt() -> None:
        deadline = time.monotonic() + 120  # a safety net, not a timing assertion
        while len(children(os.getpid())) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        seen.extend(children(os.getpid()))
        os.kill(os.getpid(), signal.SIGINT)

    def task(index: int) -> bytes:
        time.sleep(600)
        return b""

    thread = threading.Thread(target=interrupt)
    thread.start()
    with pytest.raises(KeyboardInterrupt):
        forked.run(task, 4, workers=2, receive=keep)
    thread.join()
    assert len(seen) == 2
    assert children(os.getpid()) == []


def test_children_print_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    def task(index: int) -> bytes:
        print("noise")
        os.write(2, b"more noise\n")
        return b"quiet"

    assert forked.run(task, 2, workers=2, receive=lambda _, b: b) == [b"quiet", b"quiet"]
    assert capfd.readouterr() == ("", "")


def describe_unknown_signal() -> Any:
    return Lost(-200).describe()


def test_describe_an_unknown_signal() -> None:
    assert describe_unknown_signal() == "its process was killed (signal 200)"
