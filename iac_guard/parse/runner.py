"""Parse the discovered files of one kind, in parallel across cores, and build the
kind's policy input."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import partial

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


def _parse_and_store(cache: ParseCache, source: SourceFile) -> ParsedDocument:
    """Parse a file the cache does not hold, and store it (in a worker: the parent has
    already looked it up)."""
    try:
        content = source.path.read_bytes()
    except OSError:
        return _parse_uncached(source)
    document = _parse_uncached(source)
    cache.put(cache.key(source, content), document)
    return document


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


def parse_files(files: Sequence[SourceFile], *, jobs: int = 0, cache: ParseCache | None = None) -> list[ParsedDocument]:
    """Parse every file (from ``cache`` where the file is unchanged; no cache: parse them
    all); failures come back as documents with problems, in input order. The cache is read
    here; only the files it does not hold are parsed, in a process pool when there are
    enough of them to pay for one."""
    found: list[ParsedDocument | None] = _cached(cache, files) if cache is not None else [None] * len(files)
    missing = [f for f, d in zip(files, found, strict=True) if d is None]
    parse_one: Callable[[SourceFile], ParsedDocument] = (
        _parse_uncached if cache is None else partial(_parse_and_store, cache)
    )
    workers = min(worker_count(jobs), len(missing))
    if workers <= 1 or len(missing) < PARALLEL_THRESHOLD:
        parsed = [parse_one(f) for f in missing]
    else:
        chunk = max(1, len(missing) // (workers * 8))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            parsed = list(pool.map(parse_one, missing, chunksize=chunk))
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
    return KindInput(
        kind=parser.policy_kind,
        documents=tuple(documents),
        resources=tuple(resources),
        problems=tuple(p for d in documents for p in d.problems) + tuple(problems),
        notices=tuple(n for d in documents for n in d.notices) + tuple(notices),
    )
