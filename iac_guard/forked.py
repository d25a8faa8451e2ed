"""Run tasks in forked children, with nothing that can hang.

``run`` forks up to ``workers`` children. They take tasks (chunks of consecutive task
indices) from one pipe the parent filled before forking, and each sends back, on a pipe of
its own, a frame as it starts a task and a frame with the task's payload (bytes) when it
ends. The parent reads every child's pipe with ``select``: no thread, no lock shared with
a child, so a child killed at any moment (Ctrl-C's clean-up, the out-of-memory killer, a
crash in a C extension, a deadline) cannot leave the parent waiting for bytes that will
never come, as a ``concurrent.futures.ProcessPoolExecutor`` can when a worker dies in the
middle of writing a result. A child that dies costs the task it was running (``Lost``,
with how it died); the tasks it had taken and not started are run by a new round of
children. On leaving (normally, on an error, on KeyboardInterrupt) every child still
alive is killed and reaped.

Children ignore SIGINT (the parent decides: Ctrl-C reaches the whole process group),
write nothing to the terminal (their standard output and error go to /dev/null: a
payload is the only way out) and leave through ``os._exit``. Only where ``os.fork``
exists; callers run their tasks in process elsewhere (``can_fork``).
"""

from __future__ import annotations

import contextlib
import gc
import os
import select
import signal
import struct
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, NoReturn, TypeVar

from iac_guard import interrupts

T = TypeVar("T")

#: a frame's header: task index, what the frame says, the length of the payload that follows
_HEADER = struct.Struct("<iiq")
_STARTED, _DONE, _FAILED = 0, 1, 2  # what a frame says: the child starts the task (no
# payload), the task's payload, the text of the exception the task raised
_RECORD = struct.Struct("<i")  # a chunk's number in the task pipe
#: the task pipe is filled before any child exists: its records must fit in the smallest
#: pipe buffer a POSIX system gives (16 KiB), or the parent's write would wait forever
MAX_CHUNKS = 4096


@dataclass(frozen=True)
class Lost:
    """A task without a payload. ``status``: the exit code of the child that was running
    it, or minus the signal that killed it; None when the deadline passed first.
    ``message``: the exception's text when the task raised in the child."""

    status: int | None
    message: str = ""

    def describe(self) -> str:
        if self.message:
            return self.message
        if self.status is None:
            return "did not finish in time"
        if self.status < 0:
            try:
                name = signal.Signals(-self.status).name
            except ValueError:
                name = f"signal {-self.status}"
            return f"its process was killed ({name}{', out of memory?' if self.status == -signal.SIGKILL else ''})"
        return f"its process exited with status {self.status}"


def can_fork() -> bool:
    return hasattr(os, "fork")


def run(
    task: Callable[[int], bytes],
    count: int,
    *,
    workers: int,
    receive: Callable[[int, bytes], T],
    chunk: int = 1,
    seconds: float | None = None,
) -> list[T | Lost]:
    """``receive(i, task(i))`` for every ``i`` in ``range(count)``, each ``task(i)`` run in
    a forked child (at most ``workers`` at once, ``chunk`` consecutive tasks taken at a
    time), ``receive`` in this process as the payloads arrive. A task that raised, or whose
    child died, or that had not finished when ``seconds`` passed, is ``Lost``."""
    out: list[T | Lost | None] = [None] * count
    deadline = None if seconds is None else time.monotonic() + seconds
    pending = list(range(count))
    died = 1
    while pending:
        progress, died = _round(_Round(task, receive, out, deadline), pending, workers, chunk)
        pending = [i for i in pending if out[i] is None]
        if not progress or (deadline is not None and time.monotonic() >= deadline):
            break
    late = deadline is not None and time.monotonic() >= deadline
    return [r if r is not None else Lost(None if late else died) for r in out]


@dataclass
class _Child:
    pid: int
    buffer: bytearray
    running: int | None = None


@dataclass(frozen=True)
class _Round(Generic[T]):
    task: Callable[[int], bytes]
    receive: Callable[[int, bytes], T]
    out: list[T | Lost | None]
    deadline: float | None


def _round(work: _Round[T], pending: Sequence[int], workers: int, chunk: int) -> tuple[bool, int]:
    """Children for ``pending`` until each has ended (or the deadline passed). Whether any
    task ended (with a payload or lost), and the status of the last child that died."""
    chunk = max(chunk, -(-len(pending) // MAX_CHUNKS))
    chunks = [pending[i : i + chunk] for i in range(0, len(pending), chunk)]
    children: dict[int, _Child] = {}  # read end of the child's pipe -> child
    progress, died = False, 1
    try:
        with _queue(len(chunks)) as queue, _sigint_blocked(), _gc_frozen():
            for _ in range(min(workers, len(chunks))):
                read_end, write_end = os.pipe()
                pid = os.fork()
                if pid == 0:  # pragma: no cover - the child leaves through os._exit
                    os.close(read_end)
                    _child(work.task, chunks, queue, write_end)
                os.close(write_end)
                children[read_end] = _Child(pid, bytearray())
        while children:
            interrupts.check()
            left = None if work.deadline is None else work.deadline - time.monotonic()
            if left is not None and left <= 0:
                break
            ready, _, _ = select.select(list(children), [], [], left)
            for read_end in ready:
                child = children[read_end]
                data = os.read(read_end, 1 << 20)
                if data:
                    child.buffer += data
                    progress |= _frames(child, work)
                    continue
                os.close(read_end)
                del children[read_end]
                status = _reap(child.pid)
                if status != 0:
                    died = status
                if child.running is not None:
                    work.out[child.running] = Lost(status)
                    progress = True
    finally:
        for read_end, child in children.items():
            os.close(read_end)
            _kill(child.pid)
    return progress, died


def _frames(child: _Child, work: _Round[T]) -> bool:
    """Act on every whole frame in the child's buffer; whether a task ended."""
    ended = False
    buffer = child.buffer
    offset = 0
    while len(buffer) - offset >= _HEADER.size:
        index, says, length = _HEADER.unpack_from(buffer, offset)
        start = offset + _HEADER.size
        if len(buffer) - start < length:
            break
        offset = start + length
        if says == _STARTED:
            child.running = index
            continue
        payload = bytes(buffer[start:offset])
        work.out[index] = work.receive(index, payload) if says == _DONE else Lost(1, payload.decode("utf-8", "replace"))
        child.running = None
        ended = True
    del buffer[:offset]
    return ended


def _child(task: Callable[[int], bytes], chunks: Sequence[Sequence[int]], queue: int, write_end: int) -> NoReturn:
    """In a forked child: take chunks until the queue is empty, send each task's frames."""
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _unblock_sigint()
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - until os._exit
        while record := os.read(queue, _RECORD.size):
            for index in chunks[_RECORD.unpack(record)[0]]:
                _write(write_end, _HEADER.pack(index, _STARTED, 0))
                try:
                    payload, says = task(index), _DONE
                except Exception as exc:
                    payload, says = f"{type(exc).__name__}: {exc}".encode("utf-8", "replace"), _FAILED
                _write(write_end, _HEADER.pack(index, says, len(payload)))
                _write(write_end, payload)
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _write(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


@contextlib.contextmanager
def _queue(chunks: int) -> Iterator[int]:
    """The task pipe's read end, holding every chunk's number; closed in this process on
    leaving (the children hold their own copies)."""
    read_end, write_end = os.pipe()
    try:
        _write(write_end, b"".join(_RECORD.pack(n) for n in range(chunks)))
    finally:
        os.close(write_end)
    try:
        yield read_end
    finally:
        os.close(read_end)


@contextlib.contextmanager
def _gc_frozen() -> Iterator[None]:
    """Every object of this process out of the collector's reach while children are
    forked: a child's collections then walk only what it allocates itself, instead of
    touching (and so copying, page by page) the whole heap it shares with this process."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """SIGINT held back (not lost: delivered on leaving) while children are forked, so no
    child sees one before it ignores it."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _unblock_sigint() -> None:
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _reap(pid: int) -> int:
    """Wait for a child that closed its pipe; its exit code (minus the signal)."""
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return 1
    return os.waitstatus_to_exitcode(status)


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
