"""Parse the discovered files of one kind, in parallel across cores, and build the
kind's policy input."""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import partial
from typing import Any

from iac_guard.models import KindInput, ParsedDocument, SourceFile
from iac_guard.parse.base import BuildOptions, within_depth
from iac_guard.parse.cache import ParseCache
from iac_guard.parse.registry import parser_for

#: below this many files a process pool costs more than it saves
PARALLEL_THRESHOLD = 64


def worker_count(jobs: int) -> int:
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def _parse_uncached(source: SourceFile) -> ParsedDocument:
    return parser_for(source.kind).parse(source)


def _parse_and_store(cache: ParseCache, source: SourceFile) -> tuple[ParsedDocument, bytes | None]:
    """Parse a file the cache does not hold (the parent has already looked it up) and
    store it; the entry's pickle comes back with the document (None: not pickled)."""
    try:
        content = source.path.read_bytes()
    except OSError:
        return _parse_uncached(source), None
    document = _parse_uncached(source)
    return document, cache.put(cache.key(source, content), document)


def _parse_in_worker(cache: ParseCache | None, source: SourceFile) -> ParsedDocument | bytes:
    """In a worker: the document, or the cache entry's own pickle of it (pickled once, not
    once for the entry and once more for the parent)."""
    if cache is None:
        return _parse_uncached(source)
    document, data = _parse_and_store(cache, source)
    return document if data is None else data


def _received(result: ParsedDocument | bytes) -> ParsedDocument:
    """A worker's document: pickled by ``_parse_in_worker`` (from this process's
    own worker: trusted as the process itself), or as the pool sent it."""
    return pickle.loads(result) if isinstance(result, bytes) else result


def _cached(cache: ParseCache, files: Sequence[SourceFile]) -> list[ParsedDocument | None]:
    """Each file's document from the cache, read in this process (None: not there)."""
    out: list[ParsedDocument | None] = []
    for source in files:
        try:
            content = source.path.read_bytes()
        except OSError:
            out.append(None)
            continue
        document = cache.get(cache.key(source, content))
        out.append(None if document is None else replace(document, source=source))
    return out


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
    all); failures come back as documents with problems, in input order. The cache is read
    here; only the files it does not hold are parsed, in a process pool when there are
    enough of them to pay for one."""
    found: list[ParsedDocument | None] = _cached(cache, files) if cache is not None else [None] * len(files)
    missing = [f for f, d in zip(files, found, strict=True) if d is None]
    workers = min(worker_count(jobs), len(missing))
    if workers <= 1 or len(missing) < PARALLEL_THRESHOLD:
        parsed = [_parse_uncached(f) if cache is None else _parse_and_store(cache, f)[0] for f in missing]
    else:
        chunk = max(1, len(missing) // (workers * 8))
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupts)
        started: list[Any] = []
        try:
            # the workers are forked by the first submit: with SIGINT blocked, so that a
            # Ctrl-C reaching the process group then waits for the parent alone
            with _sigint_blocked():
                results = pool.map(partial(_parse_in_worker, cache), missing, chunksize=chunk)
                # every worker, known now: the pool forgets those that ended on their own
                started += (getattr(pool, "_processes", None) or {}).values()
            parsed = [_received(r) for r in results]
        except BaseException:
            _stop(pool, started)  # Ctrl-C (or a failure): no worker outlives the scan
            raise
        pool.shutdown(wait=True)
    fresh = iter(parsed)
    documents = [d if d is not None else next(fresh) for d in found]
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
    resources, documents, too_deep = within_depth(resources, documents)
    return KindInput(
        kind=parser.policy_kind,
        documents=tuple(documents),
        resources=tuple(resources),
        problems=tuple(p for d in documents for p in d.problems) + tuple(problems) + tuple(too_deep),
        notices=tuple(n for d in documents for n in d.notices) + tuple(notices),
    )
