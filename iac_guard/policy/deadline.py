"""Run one Regorus query with a time limit.

Regorus has no execution limit, and its Python binding holds the GIL for a whole
evaluation (no Python thread, timer or signal handler runs until it returns) and refuses
to be used from another thread. So a query with a deadline runs in a forked child
process that inherits the engine (its policies and input) and sends back the result;
when the deadline passes the child is killed and ``QueryTimeout`` is raised. Several
queries (the library split in parts) run in as many children at once, one per core. Where
``os.fork`` does not exist (Windows) the query runs in process, without a limit.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import time
from collections.abc import Sequence
from typing import Any, NoReturn


class QueryTimeout(Exception):
    """The query did not finish within the limit (the child evaluating it was killed)."""


def can_fork() -> bool:
    return hasattr(os, "fork")


def eval_query_as_json(engine: Any, query: str, seconds: float | None) -> str:
    """``engine.eval_query_as_json(query)``, stopped after ``seconds``. Raises RuntimeError
    with the engine's message when the query fails, QueryTimeout when it runs too long."""
    outcome = eval_queries_as_json(engine, [query], seconds)[0]
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


def eval_queries_as_json(engine: Any, queries: Sequence[str], seconds: float | None) -> list[str | RuntimeError | QueryTimeout]:
    """Each query's JSON result, or the error it ended with (RuntimeError with the engine's
    message, QueryTimeout), in order. With a limit, each query runs in a forked child of
    its own, all at once (one core each: the engine's work is CPU-bound and never releases
    the GIL, so children are the only way to use several cores), under one deadline.
    Without one (or without ``os.fork``), one after the other in this process."""
    if seconds is None or not can_fork():
        return [_in_process(engine, query) for query in queries]
    children: dict[int, tuple[int, int]] = {}  # read end -> (index, pid)
    try:
        for index, query in enumerate(queries):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read_end)
                _child(engine, query, write_end)
            os.close(write_end)
            children[read_end] = (index, pid)
        return _collect(children, len(queries), time.monotonic() + seconds, seconds)
    finally:
        for read_end, (_, pid) in children.items():
            os.close(read_end)
            _kill(pid)  # a child still running (a timeout, an interrupt) is killed; a finished one reaped


def _in_process(engine: Any, query: str) -> str | RuntimeError:
    try:
        return str(engine.eval_query_as_json(query))
    except RuntimeError as exc:
        return exc


def _child(engine: Any, query: str, write_end: int) -> NoReturn:
    """In the forked child: evaluate, write "ok"/"err" and the text, exit without cleanup."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 2)  # a Rust panic's message (and backtrace) comes back in the payload only
    try:
        payload = b"ok\n" + str(engine.eval_query_as_json(query)).encode("utf-8")
    except BaseException as exc:
        payload = b"err\n" + str(exc).encode("utf-8", "replace")
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(write_end, view) :]
    finally:
        os._exit(0)


def _collect(
    children: dict[int, tuple[int, int]], count: int, deadline: float, seconds: float
) -> list[str | RuntimeError | QueryTimeout]:
    """Read every child's payload until it closes its pipe or the deadline passes."""
    chunks: dict[int, list[bytes]] = {read_end: [] for read_end in children}
    open_ends = set(children)
    finished: set[int] = set()
    while open_ends:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        ready, _, _ = select.select(sorted(open_ends), [], [], left)
        for read_end in ready:
            chunk = os.read(read_end, 1 << 20)
            if chunk:
                chunks[read_end].append(chunk)
            else:
                open_ends.discard(read_end)
                finished.add(read_end)
    out: list[str | RuntimeError | QueryTimeout] = [QueryTimeout(f"did not finish within {seconds:g} seconds") for _ in range(count)]
    for read_end in finished:
        index, _ = children[read_end]
        status, _, text = b"".join(chunks[read_end]).partition(b"\n")
        if status == b"ok":
            out[index] = text.decode("utf-8")
        elif status == b"err":
            out[index] = RuntimeError(text.decode("utf-8", "replace"))
        else:
            out[index] = RuntimeError("the policy evaluation ended without a result (the evaluating process died)")
    return out


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
