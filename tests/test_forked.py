"""Tasks in forked children (``iac_guard.forked``): payloads in order whatever the chunking;
a task that raises, a child killed before, during or after writing its payload, a deadline,
Ctrl-C in the parent: each ends the run with the affected task ``Lost`` (how, said) or with
KeyboardInterrupt, never a hang, and no child left. The children are real processes; the
tests read /proc to see them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from iac_guard import forked
from iac_guard.forked import Lost
from tests.procs import alive, children

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


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def raises_and_leaves_nothing(expected: type[BaseException]) -> None:
    """A run of sleeping tasks that ``expected`` interrupts: it comes out of ``run``, and
    no child and no descriptor is left."""
    before = open_fds()
    with pytest.raises(expected):
        forked.run(lambda i: time.sleep(600) or b"", 4, workers=3, receive=keep)
    assert children(os.getpid()) == []
    assert open_fds() == before


def test_a_receive_that_returns_none_is_a_result() -> None:
    calls: list[int] = []
    assert forked.run(lambda i: b"x", 3, workers=2, receive=lambda i, _: calls.append(i)) == [None, None, None]
    assert sorted(calls) == [0, 1, 2]


def test_pipes_above_fd_setsize_are_watched() -> None:
    """select() cannot watch descriptors from 1024 up: the children's pipes get such numbers
    in a process that already holds many files."""
    import resource

    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < 1200:
        pytest.skip("the descriptor limit is below 1200")
    held = [os.open(os.devnull, os.O_RDONLY) for _ in range(1100)]
    try:
        assert forked.run(payload, 6, workers=2, receive=keep) == [(i, len(payload(i))) for i in range(6)]
    finally:
        for fd in held:
            os.close(fd)


@pytest.mark.parametrize("header", [(2, 1, -5), (-3, 1, 4), (99, 1, 4), (1, 7, 4)], ids=["negative-length", "negative-index", "index-past-the-end", "unknown-kind"])
def test_a_frame_that_is_not_one_costs_its_task_and_nothing_else(header: tuple[int, int, int], monkeypatch: pytest.MonkeyPatch) -> None:
    """Task 2's result header is replaced by garbage: the child is ended, task 2 is lost
    (not written into another task's slot, no endless loop, no IndexError), the rest run."""
    real_write = forked._write

    def write(fd: int, data: bytes) -> None:
        if data == forked._HEADER.pack(2, forked._DONE, 4):
            data = forked._HEADER.pack(*header)
        real_write(fd, data)

    monkeypatch.setattr(forked, "_write", write)
    out = forked.run(lambda i: b"%04d" % i, 6, workers=2, receive=lambda _, b: b)
    lost = out[2]
    assert isinstance(lost, Lost) and lost.describe() == "its process sent something that is not a result"
    assert out[:2] + out[3:] == [b"0000", b"0001", b"0003", b"0004", b"0005"]
    assert children(os.getpid()) == []


def test_a_child_that_closes_its_pipe_and_works_on_is_ended() -> None:
    """Its pipe at end of file: the child is killed, not waited for (the deadline here is a
    safety net: the task is lost to the kill, not to the deadline)."""

    def task(index: int) -> bytes:
        if index == 1:
            os.closerange(3, 65536)
            time.sleep(600)
        return b"done"

    assert forked.run(task, 3, workers=2, seconds=300, receive=lambda _, b: b) == [b"done", Lost(-signal.SIGKILL), b"done"]


def test_finished_results_still_in_the_pipes_at_the_deadline_count() -> None:
    """A slow ``receive`` in this process: the other task's result was sent long before
    the deadline and is read, not lost."""

    def receive(index: int, data: bytes) -> bytes:
        time.sleep(1.5)
        return data

    out = forked.run(lambda i: b"%d" % i, 2, workers=2, seconds=1.0, receive=receive)
    assert out == [b"0", b"1"]


def test_a_second_interrupt_during_the_clean_up_still_ends_every_child(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C pressed twice: the second KeyboardInterrupt arrives while the first one's
    clean-up kills the children. Every child is still killed and reaped, every pipe closed."""
    real_kill = forked._kill
    second = [True]

    def kill(read_end: int, child: Any) -> None:
        real_kill(read_end, child)
        if second:
            second.clear()
            raise KeyboardInterrupt

    def receive(index: int, data: bytes) -> bytes:
        raise KeyboardInterrupt  # the first Ctrl-C

    monkeypatch.setattr(forked, "_kill", kill)
    before = open_fds()
    with pytest.raises(KeyboardInterrupt):
        forked.run(lambda i: b"x" if i == 0 else time.sleep(600) or b"", 4, workers=3, receive=receive)
    assert children(os.getpid()) == []
    assert open_fds() == before


def test_sigterm_while_children_are_forked_waits_until_each_is_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dagster turns SIGTERM into an exception inside an op; one arriving between two forks
    is held back until every child is known, then raised: none is left behind, no pipe
    left open. (A signal another thread takes is the next test's case.)"""

    class Terminated(BaseException):
        pass

    def handler(signum: int, frame: Any) -> None:
        raise Terminated

    previous = signal.signal(signal.SIGTERM, handler)
    real_fork = os.fork

    me = threading.get_ident()

    def fork() -> int:
        pid = real_fork()
        if pid:
            signal.pthread_kill(me, signal.SIGTERM)  # to this thread, as in the single-threaded CLI
        return pid

    monkeypatch.setattr(forked.os, "fork", fork)
    try:
        raises_and_leaves_nothing(Terminated)
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_a_fork_that_fails_leaves_no_child_and_no_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    real_fork = os.fork
    calls = [0]

    def fork() -> int:
        calls[0] += 1
        if calls[0] == 2:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        return real_fork()

    monkeypatch.setattr(forked.os, "fork", fork)
    raises_and_leaves_nothing(BlockingIOError)


def test_a_run_inside_a_task_runs_in_that_child() -> None:
    """No grandchildren (they would outlive a child killed by its parent): the inner tasks
    run in the child, and a raising one is lost as a child would report it."""

    def inner(index: int) -> bytes:
        if index == 2:
            raise SystemExit(3)
        return b"%d" % index

    def outer(index: int) -> bytes:
        results = forked.run(inner, 3, workers=2, receive=lambda _, b: b)
        return repr((len(children(os.getpid())), results)).encode()

    out = forked.run(outer, 2, workers=2, receive=lambda _, b: b.decode())
    assert out == ["(0, [b'0', b'1', Lost(status=1, message='SystemExit: 3')])"] * 2


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal")
def test_children_die_with_their_parent(tmp_path: Path) -> None:
    """The parent killed outright (no clean-up runs: what a second Ctrl-C landing just
    before the clean-up amounts to): the kernel ends its children."""
    script = tmp_path / "parent.py"
    script.write_text(
        "import sys, time\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})\n"
        "from iac_guard import forked\n"
        "forked.run(lambda i: time.sleep(600) or b'', 2, workers=2, receive=lambda i, b: b)\n"
    )
    proc = subprocess.Popen([sys.executable, str(script)])
    deadline = time.monotonic() + 120  # a safety net, not a timing assertion
    while len(children(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    workers = children(proc.pid)
    assert len(workers) == 2
    proc.kill()
    proc.wait()
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not any(alive(w) for w in workers)


def test_an_interrupt_between_a_fork_and_its_registration_leaves_no_child(monkeypatch: pytest.MonkeyPatch) -> None:
    """With other threads running, a signal one of them takes makes Python raise in this
    thread at any point, even right after ``fork`` returned the child's id and before it
    was kept: the clean-up learns the id from the child's first frame and kills it."""
    real_fork = os.fork
    forks = [0]

    def fork() -> int:
        pid = real_fork()
        if pid:
            forks[0] += 1
            if forks[0] == 2:
                raise KeyboardInterrupt  # as the handler would, the moment fork returned
        return pid

    monkeypatch.setattr(forked.os, "fork", fork)
    raises_and_leaves_nothing(KeyboardInterrupt)
