"""What a build step read from disk beyond the files discovery gave it, recorded so a
cached result can be verified later (the ``resultcache`` manifest, ccache style).

The stages that read a file on their own (a ``.tfvars``, a ``file()`` target, a
module directory ``terraform init`` downloaded, ``modules.json``) call ``file`` or
``directory`` here; outside ``recording()`` those calls do nothing. A read that cannot be
described this way (a module fetched over the network) calls ``untracked``: the result
must then not be cached.

A record is ``("f", path, digest)`` for a file (digest of its bytes, "" when it is not a
readable regular file) or ``("d", path, digest)`` for a directory (digest of its sorted
entry names, "" when it is not a directory): a file added next to a root module's files
(a new ``terraform.tfvars``) changes its directory's record."""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

Record = tuple[str, str, str]


@dataclass
class Recorder:
    records: dict[tuple[str, str], str] = field(default_factory=dict)
    complete: bool = True

    def manifest(self) -> tuple[Record, ...]:
        return tuple(sorted((kind, path, digest) for (kind, path), digest in self.records.items()))


_current: ContextVar[Recorder | None] = ContextVar("iac_guard_reads", default=None)


@contextlib.contextmanager
def recording() -> Iterator[Recorder]:
    """Record every read noted inside the block (nested blocks record into their own)."""
    recorder = Recorder()
    token = _current.set(recorder)
    try:
        yield recorder
    finally:
        _current.reset(token)


def file_digest(path: str) -> str:
    """sha256 of the file's bytes; "" when it is not a regular file that can be read."""
    try:
        if not os.path.isfile(path):
            return ""
        with open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return ""


def directory_digest(path: str) -> str:
    """sha256 of the directory's sorted entry names; "" when it is not a directory."""
    try:
        names = sorted(os.listdir(path))
    except OSError:
        return ""
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode("utf-8", "surrogatepass") + b"\0")
    return "dir:" + digest.hexdigest()


def digest_of(kind: str, path: str) -> str:
    return file_digest(path) if kind == "f" else directory_digest(path)


def _note(kind: str, path: Path | str) -> None:
    recorder = _current.get()
    if recorder is not None:
        key = (kind, os.path.abspath(path))
        if key not in recorder.records:
            recorder.records[key] = digest_of(*key)


def file(path: Path | str) -> None:
    """Note that the file at ``path`` was read, or probed (it may not exist)."""
    _note("f", path)


def directory(path: Path | str) -> None:
    """Note that the directory's list of entries was looked at (or that it may not exist)."""
    _note("d", path)


def tree(path: Path | str) -> None:
    """Note that every directory under ``path`` was walked (a recursive glob): each one's
    entries. A symbolic link to a directory inside makes the walk unverifiable."""
    recorder = _current.get()
    if recorder is None:
        return
    for current, dirs, _files in os.walk(path):
        directory(current)
        if any(os.path.islink(os.path.join(current, d)) for d in dirs):
            recorder.complete = False
            return


def untracked() -> None:
    """Something was read that cannot be verified later: do not cache the result."""
    recorder = _current.get()
    if recorder is not None:
        recorder.complete = False


def unchanged(manifest: Iterable[Record]) -> bool:
    """Whether every recorded file and directory still has the digest it had."""
    return all(kind in ("f", "d") and digest_of(kind, path) == digest for kind, path, digest in manifest)
