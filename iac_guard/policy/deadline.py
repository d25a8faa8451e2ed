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

import functools
from collections.abc import Sequence
from typing import Any

from iac_guard import forked


class QueryTimeout(Exception):
    """The query did not finish within the limit (the child evaluating it was killed)."""


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
    its own (``iac_guard.forked``), all at once (one core each: the engine's work is
    CPU-bound and never releases the GIL, so children are the only way to use several
    cores), under one deadline. Without one (or without ``os.fork``), one after the other
    in this process."""
    if seconds is None or not forked.can_fork():
        return [_in_process(engine, query) for query in queries]
    results = forked.run(
        functools.partial(_in_child, engine, queries), len(queries), workers=len(queries), seconds=seconds, receive=_received
    )
    return [r if not isinstance(r, forked.Lost) else _lost(r, seconds) for r in results]


def _in_process(engine: Any, query: str) -> str | RuntimeError:
    try:
        return str(engine.eval_query_as_json(query))
    except RuntimeError as exc:
        return exc


def _in_child(engine: Any, queries: Sequence[str], index: int) -> bytes:
    """In the forked child: "ok" or "err", then the result or the engine's message (a Rust
    panic's message, and backtrace, come back this way only)."""
    try:
        return b"ok\n" + str(engine.eval_query_as_json(queries[index])).encode("utf-8")
    except BaseException as exc:
        return b"err\n" + str(exc).encode("utf-8", "replace")


def _received(index: int, payload: bytes) -> str | RuntimeError:
    status, _, text = payload.partition(b"\n")
    return text.decode("utf-8") if status == b"ok" else RuntimeError(text.decode("utf-8", "replace"))


def _lost(lost: forked.Lost, seconds: float) -> RuntimeError | QueryTimeout:
    if lost.status is None:
        return QueryTimeout(f"did not finish within {seconds:g} seconds")
    return RuntimeError("the policy evaluation ended without a result (the evaluating process died)")
