"""Parse the discovered files of one kind, in parallel across cores, and build the
kind's policy input."""

from __future__ import annotations

import os
import pickle
from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from iac_guard import forked
from iac_guard.models import KindInput, ParsedDocument, Problem, SourceFile
from iac_guard.parse.base import BuildOptions, within_depth
from iac_guard.parse.cache import ParseCache
from iac_guard.parse.registry import parser_for

#: below this many files a process pool costs more than it saves
PARALLEL_THRESHOLD = 64


def worker_count(jobs: int) -> int:
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def _parse_uncached(source: SourceFile) -> ParsedDocument:
    return parser_for(source.kind).parse(source)


def _parse_one(cache: ParseCache | None, source: SourceFile) -> tuple[ParsedDocument, bytes | None]:
    """Parse a file the cache does not hold (the parent has already looked it up) and
    store it there, if there is a cache; the entry's pickle comes back with the document
    (None: not pickled)."""
    if cache is None:
        return _parse_uncached(source), None
    try:
        content = source.path.read_bytes()
    except OSError:
        return _parse_uncached(source), None
    document = _parse_uncached(source)
    return document, cache.put(cache.key(source, content), document)


def _parse_in_child(cache: ParseCache | None, files: Sequence[SourceFile], index: int) -> bytes:
    """A forked child's task (``iac_guard.forked``): the file's document, pickled; with a
    cache, the cache entry's own pickle of it (pickled once, not once for the entry and
    once more for the parent)."""
    document, data = _parse_one(cache, files[index])
    return data if data is not None else pickle.dumps(document, pickle.HIGHEST_PROTOCOL)


def _received(_: int, payload: bytes) -> ParsedDocument:
    """A document as a child sent it (pickled in this process's own forked child: trusted
    as the process itself)."""
    document: ParsedDocument = pickle.loads(payload)
    return document


def _lost(source: SourceFile, lost: forked.Lost) -> ParsedDocument:
    """The document of a file whose parse never came back: the process parsing it died
    (a hostile file can exhaust memory) or the parser raised."""
    return ParsedDocument(source, problems=(Problem("parse-error", f"the parser failed on this file: {lost.describe()}", source.relpath),))


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
    workers = min(worker_count(jobs), len(missing))
    if workers <= 1 or len(missing) < PARALLEL_THRESHOLD or not forked.can_fork():
        parsed = [_parse_one(cache, f)[0] for f in missing]
    else:
        results = forked.run(
            partial(_parse_in_child, cache, missing),
            len(missing),
            workers=workers,
            chunk=max(1, len(missing) // (workers * 8)),
            receive=_received,
        )
        parsed = [r if isinstance(r, ParsedDocument) else _lost(f, r) for f, r in zip(missing, results, strict=True)]
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
