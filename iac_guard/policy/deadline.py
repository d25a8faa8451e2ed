"""Run one Regorus query with a time limit.

Regorus has no execution limit, and its Python binding holds the GIL for a whole
evaluation (no Python thread, timer or signal handler runs until it returns) and refuses
to be used from another thread. So a query with a deadline runs in a forked child
process that inherits the engine (its policies and input) and sends back the result;
when the deadline passes the child is killed and ``QueryTimeout`` is raised. Where
``os.fork`` does not exist (Windows) the query runs in process, without a limit.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import time
from typing import Any


class QueryTimeout(Exception):
    """The query did not finish within the limit (the child evaluating it was killed)."""


def can_fork() -> bool:
    return hasattr(os, "fork")


def eval_query_as_json(engine: Any, query: str, seconds: float | None) -> str:
    """``engine.eval_query_as_json(query)``, stopped after ``seconds``. Raises RuntimeError
    with the engine's message when the query fails, QueryTimeout when it runs too long."""
    if seconds is None or not can_fork():
        return str(engine.eval_query_as_json(query))
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: evaluate, write "ok"/"err" and the text, exit without cleanup
        os.close(read_end)
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
    os.close(write_end)
    chunks: list[bytes] = []
    deadline = time.monotonic() + seconds
    finished = False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            ready, _, _ = select.select([read_end], [], [], left)
            if not ready:
                continue
            chunk = os.read(read_end, 1 << 20)
            if not chunk:
                finished = True
                break
            chunks.append(chunk)
    finally:
        os.close(read_end)
        if not finished:
            _kill(pid)
        else:
            os.waitpid(pid, 0)
    if not finished:
        raise QueryTimeout(f"did not finish within {seconds:g} seconds")
    status, _, text = b"".join(chunks).partition(b"\n")
    if status == b"ok":
        return text.decode("utf-8")
    if status == b"err":
        raise RuntimeError(text.decode("utf-8", "replace"))
    raise RuntimeError("the policy evaluation ended without a result (the evaluating process died)")


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
