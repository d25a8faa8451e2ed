"""Find the IaC files under the given paths.

Walks each path, skips vendored and tool directories, applies ``--exclude`` globs, and
asks the parser registry which kind claims each file. Symlinks are not followed out of
the scan root. An IaC file over the size cap is a Problem (the gate fails closed: padding
a file must not hide it); an oversized file that is not IaC stays silent.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from iac_guard.errors import InputError
from iac_guard.models import Notice, Problem, SourceFile
from iac_guard.parse.registry import PARSERS, classify

if TYPE_CHECKING:
    from iac_guard.prscope import Scope

SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".terraform", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".iac-guard-cache"})
HEAD_BYTES = 64 * 1024
DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Discovery:
    files: tuple[SourceFile, ...]
    notices: tuple[Notice, ...]
    root: Path
    problems: tuple[Problem, ...] = ()  # IaC files that could not be scanned (over the size cap)
    # with --diff-base: the PR scope that chose the files (computed once a run: the base
    # revision's scan keeps the same files, see iac_guard.diffbase)
    scope: Scope | None = None


def candidate_suffixes() -> tuple[str, ...]:
    return tuple(sorted({s for parser in PARSERS.values() for s in parser.suffixes}))


def common_root(paths: Sequence[Path]) -> Path:
    """The directory findings are reported relative to: the common parent of the paths."""
    resolved = [p.resolve() for p in paths]
    dirs = [p if p.is_dir() else p.parent for p in resolved]
    if not dirs:
        return Path.cwd()
    return Path(os.path.commonpath([str(d) for d in dirs]))


def discover(
    paths: Sequence[Path],
    *,
    exclude: Sequence[str] = (),
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    root: Path | None = None,
) -> Discovery:
    """Every IaC file under ``paths``, sorted by relative path. Raises InputError for a
    path that does not exist."""
    for path in paths:
        if not path.exists():
            raise InputError(f"path does not exist: {path}")
    scan_root = (root or common_root(paths)).resolve()
    suffixes = candidate_suffixes()
    found: dict[str, SourceFile] = {}
    notices: list[Notice] = []
    problems: list[Problem] = []
    for path in paths:
        explicit = path.is_file()
        iac_files = 0
        for file in _walk(path.resolve(), scan_root):
            rel = _relpath(file, scan_root)
            if _excluded(rel, exclude):
                continue
            kind = classify(file, _head(file)) if file.name.lower().endswith(suffixes) else None
            if kind is None:
                if explicit:
                    notices.append(Notice("not-iac", "not recognised as Terraform or CloudFormation", rel))
                continue
            iac_files += 1
            try:
                size = file.stat().st_size
            except OSError as exc:
                notices.append(Notice("unreadable", f"cannot stat file: {exc.strerror}", rel))
                continue
            if size > max_file_bytes:
                problems.append(
                    Problem("input-error", f"not scanned: {size} bytes is over the {max_file_bytes}-byte limit (raise --max-file-bytes)", rel)
                )
                continue
            found[rel] = SourceFile(path=file, relpath=rel, kind=kind, size=size)
        if not explicit and not iac_files:
            notices.append(Notice("no-iac", f"no Terraform or CloudFormation files found under {path}"))
    files = tuple(found[k] for k in sorted(found))
    return Discovery(files=files, notices=tuple(notices), root=scan_root, problems=tuple(problems))


def _walk(path: Path, root: Path) -> Iterable[Path]:
    if path.is_file():
        yield path
        return
    for dirpath, dirnames, filenames in os.walk(path, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        base = Path(dirpath)
        for name in sorted(filenames):
            file = base / name
            if file.is_symlink():
                target = file.resolve()
                if not _inside(target, root) or not target.is_file():
                    continue  # never read outside the scan root through a link
            yield file


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def _relpath(file: Path, root: Path) -> str:
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.as_posix()


def _excluded(rel: str, patterns: Sequence[str]) -> bool:
    parts = rel.split("/")
    for pattern in patterns:
        pat = pattern.rstrip("/")
        if fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(parts[-1], pat):
            return True
        # a directory pattern excludes everything below it
        for i in range(1, len(parts)):
            if fnmatch.fnmatch("/".join(parts[:i]), pat) or fnmatch.fnmatch(parts[i - 1], pat):
                return True
    return False


def _head(file: Path) -> str:
    """The start of the file, enough to classify it: the first 64 KiB, and more while
    everything read so far is blank lines and comments (a template must not escape the
    scan by starting with 64 KiB of comments), up to the default size cap."""
    try:
        with file.open("rb") as handle:
            data = handle.read(HEAD_BYTES)
            while len(data) < DEFAULT_MAX_FILE_BYTES and _only_comments(data):
                more = handle.read(HEAD_BYTES)
                if not more:
                    break
                data += more
    except OSError:
        return ""
    return data.decode("utf-8", errors="replace")


# leading complete lines that are blank or ``#`` comments (bytes.strip's whitespace)
_COMMENT_LINES = re.compile(rb"(?:[ \t\r\x0b\x0c]*(?:#[^\n]*)?\n)*")


def _only_comments(data: bytes) -> bool:
    """Nothing but blank lines and ``#`` comments (the last line may be cut short)."""
    match = _COMMENT_LINES.match(data)
    return match is not None and match.end() >= data.rfind(b"\n") + 1
