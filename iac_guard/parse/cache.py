"""Parse cache: a parsed document is reused while the file's bytes, its path, the parser
and the library versions are unchanged.

The caller makes one ``ParseCache`` and passes it to the parse stage;
``ParseCache.from_environ`` builds it from the environment the caller gives: entries live
in the user's cache directory (``$IAC_GUARD_CACHE_DIR``, else ``$XDG_CACHE_HOME/iac-guard``,
else ``~/.cache/iac-guard``), never inside the scanned repository: a pull request must not
be able to plant cache entries. Entries are pickles, so the directory must belong to the
current user and not be writable by others; if it is not, the cache is not used.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import stat
import tempfile
import time
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from iac_guard import __version__
from iac_guard.errors import ConfigError
from iac_guard.models import ParsedDocument, SourceFile

FORMAT = 1
#: the cache is pruned back to PRUNE_TO of this, least recently used entries first
DEFAULT_MAX_BYTES = 512 * 1024 * 1024
PRUNE_TO = 0.8
PRUNE_EVERY_SECONDS = 24 * 3600


def cache_dir(env: Mapping[str, str]) -> Path:
    """``$IAC_GUARD_CACHE_DIR``, else ``$XDG_CACHE_HOME/iac-guard``, else
    ``~/.cache/iac-guard`` (the home directory from ``$HOME``, else the user database)."""
    explicit = env.get("IAC_GUARD_CACHE_DIR")
    if explicit:
        return Path(explicit)
    home = Path(env["HOME"]) if env.get("HOME") else Path.home()
    base = env.get("XDG_CACHE_HOME") or str(home / ".cache")
    return Path(base) / "iac-guard"


@functools.cache  # the installed libraries do not change while the process runs
def _library_versions() -> str:
    parts = []
    for dist in ("python-hcl2", "cfn-lint"):
        try:
            parts.append(f"{dist}={version(dist)}")
        except PackageNotFoundError:
            parts.append(f"{dist}=none")
    return ",".join(parts)


@functools.cache  # nor does the code already imported
def _code_digest() -> str:
    """A digest of iac-guard's own source: a changed parser or model class (even without a
    version bump, as in a development checkout) must not load old pickles."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def max_cache_bytes(env: Mapping[str, str]) -> int:
    """``$IAC_GUARD_CACHE_MAX_BYTES``, else 512 MiB."""
    raw = env.get("IAC_GUARD_CACHE_MAX_BYTES", "")
    if not raw:
        return DEFAULT_MAX_BYTES
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        raise ConfigError(f"IAC_GUARD_CACHE_MAX_BYTES must be a whole number of bytes, got {raw!r}")
    return value


class ParseCache:
    """Content-addressed store of ParsedDocuments in ``directory``, pruned back under
    ``max_bytes``. Making one touches no file: the directory is created and checked on
    first use."""

    def __init__(self, directory: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.directory = directory / f"parse-v{FORMAT}"
        self.max_bytes = max_bytes
        self.salt = f"{__version__}|{_code_digest()}|{_library_versions()}"

    @classmethod
    def from_environ(cls, env: Mapping[str, str]) -> ParseCache:
        """The cache the environment ``env`` asks for (``IAC_GUARD_CACHE_DIR``,
        ``XDG_CACHE_HOME``, ``HOME``, ``IAC_GUARD_CACHE_MAX_BYTES``); ConfigError when the
        size limit is not a whole number of bytes."""
        return cls(cache_dir(env), max_cache_bytes(env))

    @functools.cached_property
    def usable(self) -> bool:
        """Whether the directory exists (or could be made) and only this user can write it."""
        return self._prepare()

    def _prepare(self) -> bool:
        return private_directory(self.directory)

    def key(self, source: SourceFile, content: bytes) -> str:
        digest = hashlib.sha256()
        for part in (self.salt, source.kind, source.relpath):
            digest.update(part.encode())
            digest.update(b"\x00")
        digest.update(content)
        return digest.hexdigest()

    def get(self, key: str) -> ParsedDocument | None:
        if not self.usable:
            return None
        path = self.directory / key[:2] / key
        try:
            with path.open("rb") as handle:
                document = pickle.load(handle)
            os.utime(path)  # recently used: pruned last
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return document if isinstance(document, ParsedDocument) else None

    def prune(self, max_bytes: int | None = None, *, force: bool = False) -> int:
        """Keep the cache under ``max_bytes``: entries of older iac-guard versions and
        files nobody read lately go first. Runs at most once a day unless forced; returns
        the number of entries removed."""
        if not self.usable:
            return 0
        return prune_entries(self.directory, self.max_bytes if max_bytes is None else max_bytes, force=force)

    def put(self, key: str, document: ParsedDocument) -> bytes | None:
        """Store ``document``; its pickle (what the entry holds) is returned, so that a
        worker can hand the parent the same bytes instead of pickling it twice. None when
        the document cannot be pickled."""
        try:
            data = pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, RecursionError, TypeError, AttributeError):
            return None
        if not self.usable:
            return data
        target = self.directory / key[:2] / key
        tmp = ""
        try:
            target.parent.mkdir(exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=target.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, target)
            tmp = ""
        except OSError:
            pass
        finally:
            if tmp:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        return data


def prune_entries(directory: Path, max_bytes: int, *, force: bool = False) -> int:
    """Remove the least recently used entries (``directory/??/*``) until they take at most
    PRUNE_TO of ``max_bytes``, when they take more than ``max_bytes``. At most once a day
    unless forced; returns the number of entries removed."""
    stamp = directory / ".last-prune"
    try:
        if not force and stamp.exists() and stamp.stat().st_mtime > time.time() - PRUNE_EVERY_SECONDS:
            return 0
        stamp.touch()
        entries = []
        for path in directory.glob("??/*"):
            info = path.stat()
            entries.append((info.st_mtime, info.st_size, path))
    except OSError:
        return 0
    total = sum(size for _, size, _ in entries)
    if total <= max_bytes:
        return 0
    removed = 0
    for _, size, path in sorted(entries):
        if total <= max_bytes * PRUNE_TO:
            break
        try:
            path.unlink()
        except OSError:
            continue
        total -= size
        removed += 1
    return removed


def private_directory(directory: Path) -> bool:
    """Whether ``directory`` exists (or could be made) and only this user can write it:
    entries are pickles, loaded only from such a directory."""
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = directory.stat()
    except OSError:
        return False
    owned = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return owned and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
