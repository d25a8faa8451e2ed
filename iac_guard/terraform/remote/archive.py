"""Safe extraction of module archives (zip and tar, optionally gzip/bzip2/xz compressed).

Refused as hostile (UnsafeContent): an absolute member path, a ``..`` component, a
symbolic or hard link whose target leaves the archive's directory, a device or FIFO.
Refused as too large (FetchError): more than ``max_files`` members or more than
``max_bytes`` of extracted content (counted while decompressing, never trusted from the
archive's headers, so a zip bomb stops at the limit). Links that stay inside are written
as copies of their target; nothing is written with an executable bit, no link is created.
"""

from __future__ import annotations

import io
import posixpath
import stat
import tarfile
import zipfile
from pathlib import Path
from typing import IO

from iac_guard.terraform.remote.http import FetchError, UnsafeContent

CHUNK = 64 * 1024


def member_path(name: str, what: str = "member") -> str:
    """The archive member's path relative to the extraction directory ("" for the
    directory itself); UnsafeContent when it would leave it."""
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":" and name[0].isalpha()):
        raise UnsafeContent(f"archive {what} {name!r} has an absolute path")
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".")]
    if ".." in parts:
        raise UnsafeContent(f"archive {what} {name!r} leaves the extraction directory (path traversal)")
    return "/".join(parts)


def link_target(member: str, target: str, *, symbolic: bool) -> str:
    """Where a link member points, as a path inside the archive; UnsafeContent if outside."""
    if target.startswith("/") or (len(target) > 1 and target[1] == ":"):
        raise UnsafeContent(f"archive link {member!r} points to the absolute path {target!r}")
    joined = posixpath.join(posixpath.dirname(member), target) if symbolic else target
    normal = posixpath.normpath(joined)
    if normal == ".." or normal.startswith("../") or normal.startswith("/"):
        raise UnsafeContent(f"archive link {member!r} -> {target!r} leaves the extraction directory")
    return "" if normal == "." else normal


class _Budget:
    def __init__(self, max_bytes: int, max_files: int, label: str) -> None:
        self.max_bytes = max_bytes
        self.max_files = max_files
        self.label = label
        self.bytes = 0
        self.files = 0

    def file(self) -> None:
        self.files += 1
        if self.files > self.max_files:
            raise FetchError(f"{self.label}: more than {self.max_files} files (limit)")

    def copy(self, source: IO[bytes], target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as out:
            while True:
                chunk = source.read(CHUNK)
                if not chunk:
                    break
                self.bytes += len(chunk)
                if self.bytes > self.max_bytes:
                    raise FetchError(f"{self.label}: extracted content larger than the limit of {self.max_bytes} bytes")
                out.write(chunk)
        target.chmod(0o644)


def extract(data: bytes, archive: str, dest: Path, *, max_bytes: int, max_files: int, label: str) -> None:
    """Extract ``data`` (format ``archive``: zip, tar, tar.gz, tar.bz2, tar.xz) into the
    existing empty directory ``dest``."""
    budget = _Budget(max_bytes, max_files, label)
    try:
        if archive == "zip":
            _extract_zip(data, dest, budget)
        else:
            mode = {"tar.gz": "r:gz", "tar.bz2": "r:bz2", "tar.xz": "r:xz", "tar": "r:"}.get(archive)
            if mode is None:
                raise FetchError(f"{label}: unsupported archive format {archive!r}")
            _extract_tar(data, mode, dest, budget)
    except UnsafeContent as exc:
        raise UnsafeContent(f"{label}: {exc}") from None
    except FetchError:
        raise
    except Exception as exc:  # decompressors raise many types (zlib.error, LZMAError, NotImplementedError, ...)
        raise FetchError(f"{label}: not a valid {archive} archive ({exc or type(exc).__name__})") from None


def _extract_tar(data: bytes, mode: str, dest: Path, budget: _Budget) -> None:
    with tarfile.open(fileobj=io.BytesIO(data), mode=mode) as tar:  # type: ignore[call-overload]
        members = tar.getmembers()
        regular = {member_path(m.name): m for m in members if m.isreg()}
        for member in members:
            path = member_path(member.name)
            if member.ischr() or member.isblk() or member.isfifo():
                raise UnsafeContent(f"archive member {member.name!r} is a device or FIFO")
            if member.isdir():
                if path:
                    (dest / path).mkdir(parents=True, exist_ok=True)
                continue
            if member.issym() or member.islnk():
                target = link_target(path, member.linkname, symbolic=member.issym())
                if target not in regular or not path:
                    continue  # a link to a directory or to nothing: not materialised
                source_member = regular[target]
            elif member.isreg():
                source_member = member
            else:
                continue  # pax/GNU headers are handled by tarfile; other types carry no files
            if not path:
                continue
            budget.file()
            handle = tar.extractfile(source_member)
            if handle is not None:
                with handle:
                    budget.copy(handle, dest / path)


def _extract_zip(data: bytes, dest: Path, budget: _Budget) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        kinds = {}
        for info in infos:
            mode = info.external_attr >> 16
            path = member_path(info.filename)
            kinds[path] = mode
            if mode and (stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)):
                raise UnsafeContent(f"archive member {info.filename!r} is a device or FIFO")
        regular = {
            member_path(i.filename): i
            for i in infos
            if not i.is_dir() and not stat.S_ISLNK(i.external_attr >> 16)
        }
        for info in infos:
            path = member_path(info.filename)
            if info.is_dir():
                if path:
                    (dest / path).mkdir(parents=True, exist_ok=True)
                continue
            if stat.S_ISLNK(info.external_attr >> 16):
                if info.file_size > 4096:
                    raise UnsafeContent(f"archive link {info.filename!r} has an oversized target")
                target = link_target(path, archive.read(info).decode("utf-8", "replace"), symbolic=True)
                if target not in regular or not path:
                    continue
                source_info = regular[target]
            else:
                source_info = info
            if not path:
                continue
            budget.file()
            with archive.open(source_info) as handle:
                budget.copy(handle, dest / path)
