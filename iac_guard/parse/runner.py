"""Parse the discovered files of one kind, in parallel across cores, and build the
kind's policy input."""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import partial
from typing import Any

from iac_guard.models import KindInput, ParsedDocument, SourceFile
from iac_guard.parse.base import BuildOptions
from iac_guard.parse.cache import ParseCache
from iac_guard.parse.registry import parser_for

#: below this many files a process pool costs more than it saves
PARALLEL_THRESHOLD = 64


def worker_count(jobs: int) -> int:
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def _parse_uncached(source: SourceFile) -> ParsedDocument:
    return parser_for(source.kind).parse(source)


def _parse_cached(cache: ParseCache, source: SourceFile) -> ParsedDocument:
    try:
        content = source.path.read_bytes()
    except OSError:
        return _parse_uncached(source)  # the parser reports the read error
    key = cache.key(source, content)
    document = cache.get(key)
    if document is not None:
        return replace(document, source=source)
    document = _parse_uncached(source)
    cache.put(key, document)
    return document


def _ignore_interrupts() -> None:
    """Worker initializer: Ctrl-C reaches the whole process group, but only the parent acts
    on it (it stops the workers); a worker never prints a KeyboardInterrupt traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """SIGINT held back (not lost: delivered on leaving) while workers are forked, so no
    worker sees one before its initializer ignores it."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _stop(pool: ProcessPoolExecutor, started: list[Any]) -> None:
    """Cancel what has not started and end the workers now (``started`` and any the pool
    still lists), rather than letting ``shutdown`` wait for every queued file to be
    parsed, or for a worker blocked writing a result no one will read."""
    # ProcessPoolExecutor has no public way to end its workers before Python 3.14
    workers = {id(p): p for p in (*started, *(getattr(pool, "_processes", None) or {}).values())}.values()
    call_queue = getattr(pool, "_call_queue", None)
    if call_queue is not None:
        # its feeder thread may be blocked writing to workers that are gone: shutdown
        # must not wait for it
        call_queue.cancel_join_thread()
    for process in workers:
        process.kill()
    pool.shutdown(wait=True, cancel_futures=True)
    for process in workers:
        process.join(timeout=5)


def parse_files(files: Sequence[SourceFile], *, jobs: int = 0, cache: ParseCache | None = None) -> list[ParsedDocument]:
    """Parse every file (from ``cache`` where the file is unchanged; no cache: parse them
    all); failures come back as documents with problems, in input order."""
    parse_one: Callable[[SourceFile], ParsedDocument] = (
        _parse_uncached if cache is None else partial(_parse_cached, cache)
    )
    workers = min(worker_count(jobs), len(files))
    if workers <= 1 or len(files) < PARALLEL_THRESHOLD:
        documents = [parse_one(f) for f in files]
    else:
        chunk = max(1, len(files) // (workers * 8))
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupts)
        started: list[Any] = []
        try:
            # the workers are forked by the first submit: with SIGINT blocked, so that a
            # Ctrl-C reaching the process group then waits for the parent alone
            with _sigint_blocked():
                parsed = pool.map(parse_one, files, chunksize=chunk)
                # every worker, known now: the pool forgets those that ended on their own
                started += (getattr(pool, "_processes", None) or {}).values()
            documents = list(parsed)
        except BaseException:
            _stop(pool, started)  # Ctrl-C (or a failure): no worker outlives the scan
            raise
        pool.shutdown(wait=True)
    if cache is not None and files:
        cache.prune()
    return documents


def build_kind_input(
    kind: str,
    files: Sequence[SourceFile],
    *,
    jobs: int = 0,
    cache: ParseCache | None = None,
    options: BuildOptions | None = None,
) -> KindInput:
    """Parse the files of ``kind`` and resolve their resources. The input's kind is the
    parser's policy kind (a Terraform plan's input is kind "terraform")."""
    mine = [f for f in files if f.kind == kind]
    documents = parse_files(mine, jobs=jobs, cache=cache)
    parser = parser_for(kind)
    resources, notices, problems = parser.build(documents, options or BuildOptions())
    return KindInput(
        kind=parser.policy_kind,
        documents=tuple(documents),
        resources=tuple(resources),
        problems=tuple(p for d in documents for p in d.problems) + tuple(problems),
        notices=tuple(n for d in documents for n in d.notices) + tuple(notices),
    )
