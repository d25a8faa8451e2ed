"""Downloaded module packages in iac-guard's cache directory, never in the scanned tree.

An entry is ``<cache>/modules-v1/<sha256 of identity>/`` holding ``tree/`` (the package)
and ``manifest.json`` (the identity, when it was fetched, and every file's size and
SHA-256). An entry is built in a temporary directory beside it and renamed into place
(atomic on one file system), and is verified against its manifest before every reuse: a
missing, extra, changed or non-regular file (a link, a device) discards the entry. Like
the parse cache, the directory must belong to the current user and not be writable by
group or others. After each new entry, least recently used entries are removed while the
store holds more than ``$IAC_GUARD_CACHE_MAX_BYTES`` (default 512 MiB) of packages.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from iac_guard.terraform.remote.http import FetchError, UnsafeContent

FORMAT = 1
MANIFEST = "manifest.json"
#: after each new entry the store is pruned back under this many bytes of package content,
#: least recently used entries first (the parse cache's default budget)
DEFAULT_MAX_TOTAL = 512 * 1024 * 1024


def cache_root(env: Mapping[str, str]) -> Path | None:
    """``$IAC_GUARD_CACHE_DIR``, else ``$XDG_CACHE_HOME/iac-guard``, else
    ``$HOME/.cache/iac-guard`` (the parse cache's directory), read from ``env``."""
    explicit = env.get("IAC_GUARD_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = env.get("XDG_CACHE_HOME") or (str(Path(env["HOME"]) / ".cache") if env.get("HOME") else "")
    return Path(base) / "iac-guard" if base else None


def scan_tree(tree: Path, *, max_bytes: int, max_files: int, label: str) -> dict[str, tuple[int, str]]:
    """Every file of ``tree``: relative path -> (size, sha256). Refuses links and special
    files, and trees over the limits. Clears executable bits."""
    files: dict[str, tuple[int, str]] = {}
    total = 0
    for dirpath, dirnames, filenames in os.walk(tree, followlinks=False):
        for name in [*dirnames, *filenames]:
            path = Path(dirpath) / name
            info = path.lstat()
            if stat.S_ISDIR(info.st_mode):
                continue
            if not stat.S_ISREG(info.st_mode):
                raise UnsafeContent(f"{label}: {path.relative_to(tree).as_posix()} is a link or special file")
            total += info.st_size
            if total > max_bytes:
                raise FetchError(f"{label}: content larger than the limit of {max_bytes} bytes")
            if len(files) >= max_files:
                raise FetchError(f"{label}: more than {max_files} files (limit)")
            if info.st_mode & 0o111:
                path.chmod(info.st_mode & ~0o111 & 0o7777)
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            files[path.relative_to(tree).as_posix()] = (info.st_size, digest)
    return files


class ModuleStore:
    def __init__(self, root: Path | None, *, max_bytes: int, max_files: int, max_total: int = DEFAULT_MAX_TOTAL) -> None:
        self.directory = root / f"modules-v{FORMAT}" if root is not None else None
        self.max_bytes = max_bytes
        self.max_files = max_files
        self.max_total = max_total

    def _usable(self) -> Path:
        if self.directory is None:
            raise FetchError("no cache directory (set IAC_GUARD_CACHE_DIR or HOME) to download modules into")
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            info = self.directory.stat()
        except OSError as exc:
            raise FetchError(f"cannot use the module cache {self.directory}: {exc.strerror}") from None
        owned = not hasattr(os, "getuid") or info.st_uid == os.getuid()
        if not owned or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            raise FetchError(f"the module cache {self.directory} is not private to this user; not used")
        return self.directory

    def entry(self, identity: str) -> Path:
        return self._usable() / hashlib.sha256(identity.encode()).hexdigest()[:40]

    def get(self, identity: str, *, max_age: float | None = None) -> Path | None:
        """The verified tree of ``identity``, or None (absent, stale or damaged)."""
        entry = self.entry(identity)
        try:
            manifest = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        fresh = max_age is None or time.time() - float(manifest.get("fetched", 0)) <= max_age
        if manifest.get("identity") != identity or not fresh or not self._verify(entry / "tree", manifest):
            shutil.rmtree(entry, ignore_errors=True)
            return None
        with contextlib.suppress(OSError):
            os.utime(entry / MANIFEST)  # recently used: pruned last
        return entry / "tree"

    def prune(self, keep: Path) -> int:
        """Remove least recently used entries (never ``keep``) while the store holds more
        than ``max_total`` bytes; returns how many were removed."""
        entries: list[tuple[float, int, Path]] = []
        for entry in self._usable().iterdir():
            try:
                manifest_path = entry / MANIFEST
                files = json.loads(manifest_path.read_text(encoding="utf-8")).get("files", {})
                size = sum(int(v[0]) for v in files.values())
                entries.append((manifest_path.stat().st_mtime, size, entry))
            except (OSError, ValueError, TypeError, AttributeError, IndexError):
                continue  # a staging directory or a damaged entry (removed when next read)
        total = sum(size for _, size, _ in entries)
        removed = 0
        for _, size, entry in sorted(entries, key=lambda item: (item[0], item[2].name)):
            if total <= self.max_total:
                break
            if entry == keep:
                continue
            shutil.rmtree(entry, ignore_errors=True)
            total -= size
            removed += 1
        return removed

    def _verify(self, tree: Path, manifest: Mapping[str, object]) -> bool:
        expected = manifest.get("files")
        if not isinstance(expected, dict) or not tree.is_dir():
            return False
        try:
            found = scan_tree(tree, max_bytes=self.max_bytes, max_files=self.max_files, label=str(tree))
        except (FetchError, OSError):
            return False
        return found == {k: tuple(v) for k, v in expected.items() if isinstance(v, list)} and len(found) == len(expected)

    @staticmethod
    def meta(tree: Path) -> dict[str, str]:
        """What ``put`` was given as ``meta`` for the entry of ``tree``."""
        try:
            data = json.loads((tree.parent / MANIFEST).read_text(encoding="utf-8")).get("meta", {})
        except (OSError, ValueError, AttributeError):
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def put(
        self, identity: str, fill: Callable[[Path], None], *, label: str, meta: Mapping[str, str] | None = None
    ) -> Path:
        """Build the entry with ``fill(tree)`` (``tree`` does not exist yet; ``fill`` creates
        it), check it, and move it into place."""
        entry = self.entry(identity)
        staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=entry.parent))
        try:
            tree = staging / "tree"
            fill(tree)
            if not tree.is_dir():
                raise FetchError(f"{label}: nothing was fetched")
            files = scan_tree(tree, max_bytes=self.max_bytes, max_files=self.max_files, label=label)
            manifest = {"format": FORMAT, "identity": identity, "fetched": time.time(), "files": files}
            manifest["meta"] = dict(meta or {})
            (staging / MANIFEST).write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
            shutil.rmtree(entry, ignore_errors=True)
            # another scan may have placed the same entry first: it is used if it verifies
            with contextlib.suppress(OSError):
                os.rename(staging, entry)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        tree_path = self.get(identity)
        if tree_path is None:
            raise FetchError(f"{label}: the cache entry did not verify after writing")
        self.prune(keep=entry)
        return tree_path
