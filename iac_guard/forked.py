"""Run tasks in forked children, with nothing that can hang.

``run`` forks up to ``workers`` children. They take tasks (chunks of consecutive task
indices) from one pipe the parent filled before forking, and each sends back, on a pipe of
its own, a frame as it starts a task and a frame with the task's payload (bytes) when it
ends. The parent watches every child's pipe (``selectors``): no thread, no lock shared
with a child, so a child killed at any moment (Ctrl-C's clean-up, the out-of-memory killer,
a crash in a C extension, a deadline) cannot leave the parent waiting for bytes that will
never come, as a ``concurrent.futures.ProcessPoolExecutor`` can when a worker dies in the
middle of writing a result. A child that dies, or sends a frame that is not one (its
header is checked against what the child is running), costs the task it was running
(``Lost``, with how it died); the tasks it had taken and not started are run by a new
round of children. On leaving (normally, on an error, on KeyboardInterrupt, on a second
Ctrl-C during the clean-up) every child is killed and reaped and every pipe closed.

Children ignore SIGINT and die of SIGTERM (the parent decides: Ctrl-C reaches the whole
process group), die with their parent on Linux (the kernel's parent-death signal), write nothing to the terminal (their standard output and error go to
/dev/null: a payload is the only way out) and leave through ``os._exit``. SIGINT and
SIGTERM are held back in this thread while children are forked and while they are
cleaned up, so no interrupt can fall between a fork and the child's registration; with
other threads running, one that takes the signal can still make Python raise there, and
the clean-up then learns the child's process id from its first frame (``_HELLO``). A
``run`` inside a task (in a child) runs its tasks in that child, one after the other
(without a time limit): grandchildren would outlive a child killed by its parent. Only
where ``os.fork`` exists; callers run their tasks in process elsewhere (``can_fork``).
"""

from __future__ import annotations

import contextlib
import gc
import os
import selectors
import signal
import struct
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, NoReturn, TypeVar

from iac_guard import interrupts

T = TypeVar("T")

#: a frame's header: task index, what the frame says, the length of the payload that follows
_HEADER = struct.Struct("<iiq")
_STARTED, _DONE, _FAILED, _HELLO = 0, 1, 2, 3  # what a frame says: the child starts the
# task (no payload), the task's payload, the text of the exception the task raised; the
# child's first frame, its process id in the length field (no payload)
_RECORD = struct.Struct("<i")  # a chunk's number in the task pipe
#: the task pipe is filled before any child exists: its records must fit in the smallest
#: buffer a pipe can get (one 4 KiB page, for a user over the kernel's pipe-pages limit), or
#: the parent's write would wait forever
MAX_CHUNKS = 1024


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
    if _in_child:
        return [_in_process(task, receive, index) for index in range(count)]
    out: list[Any] = [_PENDING] * count
    deadline = None if seconds is None else time.monotonic() + seconds
    pending = list(range(count))
    died = 1
    while pending:
        progress, died = _round(_Round(task, receive, out, deadline), pending, max(1, workers), max(1, chunk))
        pending = [i for i in pending if out[i] is _PENDING]
        if not progress or (deadline is not None and time.monotonic() >= deadline):
            break
    late = deadline is not None and time.monotonic() >= deadline
    return [Lost(None if late else died) if r is _PENDING else r for r in out]


#: a task without a result yet (``receive`` may return None)
_PENDING: Any = object()
#: set in a forked child: a ``run`` there runs its tasks in process
_in_child = False


def _in_process(task: Callable[[int], bytes], receive: Callable[[int, bytes], T], index: int) -> T | Lost:
    try:
        payload = bytes(task(index))
    except BaseException as exc:  # as a child reports it
        return Lost(1, _failure(exc))
    return receive(index, payload)


def _failure(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


@dataclass
class _Child:
    pid: int  # 0 until forked
    write_end: int  # the child's end, open in this process until the fork is done (-1 then)
    buffer: bytearray = field(default_factory=bytearray)
    running: int | None = None
    greeted: bool = False  # its first frame (``_HELLO``) came


@dataclass
class _Tally:
    """What a round saw: whether any task ended (with a payload or lost), and the status of
    the last child that died."""

    ended: bool = False
    died: int = 1


@dataclass(frozen=True)
class _Round(Generic[T]):
    task: Callable[[int], bytes]
    receive: Callable[[int, bytes], T]
    out: list[Any]
    deadline: float | None


def _round(work: _Round[T], pending: Sequence[int], workers: int, chunk: int) -> tuple[bool, int]:
    """Children for ``pending`` until each has ended (or the deadline passed). Whether any
    task ended (with a payload or lost), and the status of the last child that died."""
    chunk = max(chunk, -(-len(pending) // MAX_CHUNKS))
    chunks = [pending[i : i + chunk] for i in range(0, len(pending), chunk)]
    children: dict[int, _Child] = {}  # read end of the child's pipe -> child
    selector = selectors.DefaultSelector()
    tally = _Tally()
    try:
        with _queue(len(chunks)) as queue, _signals_blocked(), _gc_frozen():
            for _ in range(min(workers, len(chunks))):
                _spawn(work.task, chunks, queue, children)
        for read_end in children:
            selector.register(read_end, selectors.EVENT_READ)
        while children:
            interrupts.check()
            left = None if work.deadline is None else work.deadline - time.monotonic()
            if left is not None and left <= 0:
                for _ in range(64 * len(children)):  # what is already in the pipes still counts
                    if not _pump(selector, children, work, 0, tally):
                        break
                break
            _pump(selector, children, work, left, tally)
    finally:
        try:
            _clean_up(children)
        finally:
            selector.close()
    return tally.ended, tally.died


def _spawn(task: Callable[[int], bytes], chunks: Sequence[Sequence[int]], queue: int, children: dict[int, _Child]) -> None:
    """Fork one child; it is in ``children`` (its pipe closed by the clean-up) before it exists."""
    read_end, write_end = os.pipe()
    child = _Child(0, write_end)
    children[read_end] = child
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child leaves through os._exit
        os.close(read_end)
        _child(task, chunks, queue, write_end, parent)
    child.pid = pid
    os.close(write_end)
    child.write_end = -1


def _pump(selector: selectors.BaseSelector, children: dict[int, _Child], work: _Round[T], timeout: float | None, tally: _Tally) -> bool:
    """Read what the children sent within ``timeout``; act on whole frames; end the
    children that closed their pipe or broke the protocol. Whether anything was read."""
    events = selector.select(timeout)
    for key, _ in events:
        read_end = int(key.fd)
        child = children[read_end]
        data = os.read(read_end, 1 << 20)
        if data:
            child.buffer += data
            well_formed, ended = _frames(child, work)
            tally.ended = tally.ended or ended
            if well_formed:
                continue
        selector.unregister(read_end)
        status = _end(child.pid)
        child.pid = 0  # reaped: the clean-up must not signal its number again
        del children[read_end]
        os.close(read_end)
        if status != 0:
            tally.died = status
        if child.running is not None:
            work.out[child.running] = Lost(status, "" if data == b"" else "its process sent something that is not a result")
            tally.ended = True
    return bool(events)


def _frames(child: _Child, work: _Round[T]) -> tuple[bool, bool]:
    """Act on every whole frame in the child's buffer. Whether the frames were well formed
    (a header that does not fit what the child is running ends the child), and whether a
    task ended."""
    ended = False
    buffer = child.buffer
    offset = 0
    try:
        while len(buffer) - offset >= _HEADER.size:
            index, says, length = _HEADER.unpack_from(buffer, offset)
            if says == _HELLO and not child.greeted and length == child.pid:
                child.greeted = True
                offset += _HEADER.size
                continue
            if not child.greeted or not _fits(child, work, index, says, length):
                return False, ended
            start = offset + _HEADER.size
            if len(buffer) - start < length:
                break
            offset = start + length
            if says == _STARTED:
                child.running = index
                continue
            payload = bytes(buffer[start:offset])
            child.running = None  # before receive: a receive that raises costs nothing else
            work.out[index] = work.receive(index, payload) if says == _DONE else Lost(1, payload.decode("utf-8", "replace"))
            ended = True
        return True, ended
    finally:
        del buffer[:offset]


def _fits(child: _Child, work: _Round[T], index: int, says: int, length: int) -> bool:
    if not 0 <= index < len(work.out) or work.out[index] is not _PENDING or length < 0:
        return False
    if says == _STARTED:
        return child.running is None and length == 0
    return says in (_DONE, _FAILED) and child.running == index


def _child(task: Callable[[int], bytes], chunks: Sequence[Sequence[int]], queue: int, write_end: int, parent: int) -> NoReturn:
    """In a forked child: take chunks until the queue is empty, send each task's frames."""
    global _in_child
    _in_child = True
    code = 0
    try:
        _write(write_end, _HEADER.pack(0, _HELLO, os.getpid()))  # first: the parent may not know it yet
        _die_with_parent(parent)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _unblock_signals()
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - until os._exit
        while record := os.read(queue, _RECORD.size):
            for index in chunks[_RECORD.unpack(record)[0]]:
                _write(write_end, _HEADER.pack(index, _STARTED, 0))
                try:
                    payload, says = bytes(task(index)), _DONE
                except BaseException as exc:  # the task's failure, reported; the child goes on
                    payload, says = _failure(exc).encode("utf-8", "replace"), _FAILED
                _write(write_end, _HEADER.pack(index, says, len(payload)))
                _write(write_end, payload)
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _die_with_parent(parent: int) -> None:
    """On Linux, have the kernel kill this child when the parent dies: the one case the
    parent's clean-up cannot cover is an interrupt that arrives as its ``finally`` begins,
    before the clean-up holds signals back (a second Ctrl-C a few microseconds after the
    first); the CLI then exits, and its children with it."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request: nothing will signal
        os._exit(1)


_PR_SET_PDEATHSIG = 1


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
        try:
            _write(write_end, b"".join(_RECORD.pack(n) for n in range(chunks)))
        finally:
            os.close(write_end)
        yield read_end
    finally:
        os.close(read_end)


@contextlib.contextmanager
def _gc_frozen() -> Iterator[None]:
    """Every object of this process out of the collector's reach while children are
    forked: a child's collections then walk only what it allocates itself, instead of
    touching (and so copying, page by page) the whole heap it shares with this process.
    Left alone when the caller froze objects itself."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


#: held back while children are forked and cleaned up (Dagster raises on both in an op)
_HELD = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _signals_blocked() -> Iterator[None]:
    """SIGINT and SIGTERM held back (not lost: delivered on leaving) in this thread."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _unblock_signals() -> None:
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)


def _end(pid: int) -> int:
    """End a child that closed its pipe (one that closed it early and works on is killed:
    nothing waits for it) and reap it; its exit code, or minus the signal. A child already
    exiting keeps its own status (a kill does not reach a process in its exit)."""
    if pid <= 0:  # never signal 0 or -1: they name process groups
        return 1
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return 1
    return os.waitstatus_to_exitcode(status)


def _clean_up(children: dict[int, _Child]) -> None:
    """Kill every child, close every pipe end, reap every child. An interrupt that was
    already on its way when this began (a second Ctrl-C) is raised once all is done."""
    caught: BaseException | None = None
    with _signals_blocked():
        for step in (_kill, _close, _reap):
            for read_end, child in children.items():
                for _ in range(3):  # an interrupt mid-step: the step again (each is idempotent)
                    try:
                        step(read_end, child)
                        break
                    except BaseException as exc:
                        caught = caught or exc
        children.clear()
    if caught is not None:
        raise caught


def _kill(read_end: int, child: _Child) -> None:
    if child.pid == 0 and child.write_end >= 0:  # an interrupt between the fork and its registration
        child.pid = _greeting(read_end, child)
    if child.pid > 0:
        with contextlib.suppress(OSError):
            os.kill(child.pid, signal.SIGKILL)


def _greeting(read_end: int, child: _Child) -> int:
    """The process id a child sends first (``_HELLO``), for a child whose fork returned
    but was interrupted before it was registered (a signal taken by another thread makes
    Python raise anywhere); 0 when the fork itself failed (no child holds the pipe: end of
    file as soon as this process closes its copy)."""
    os.close(child.write_end)
    child.write_end = -1
    data = b""
    deadline = time.monotonic() + GREETING_SECONDS
    with selectors.DefaultSelector() as selector:
        selector.register(read_end, selectors.EVENT_READ)
        while len(data) < _HEADER.size:
            left = deadline - time.monotonic()
            if left <= 0 or not selector.select(left):
                return 0
            chunk = os.read(read_end, _HEADER.size - len(data))
            if not chunk:
                return 0
            data += chunk
    _, says, pid = _HEADER.unpack(data)
    return pid if says == _HELLO and pid > 0 else 0


#: how long the clean-up waits for the first frame of a child it has no process id for
GREETING_SECONDS = 5.0


def _close(read_end: int, child: _Child) -> None:
    for fd in (read_end, child.write_end):
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
    child.write_end = -1


def _reap(_: int, child: _Child) -> None:
    if child.pid > 0:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(child.pid, 0)
        child.pid = 0
