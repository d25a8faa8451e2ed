"""Files as they are at a git revision: read one (``read_at``) or copy a few paths out
(``extract``, with ``git archive``). Used by ``--trusted-ref`` and ``--diff-base``.

Why ``--trusted-ref``:

In pull-request mode the checks that grade a PR must not come from the PR itself: a PR
could delete a policy, loosen ``fail-on`` or waive its own findings. ``--trusted-ref REF``
(in the action: the PR's base SHA) reads the policy directories, the waivers file and the
config file as they are at REF, into a temporary directory, with ``git archive``.
"""

from __future__ import annotations

import io
import posixpath
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from iac_guard.errors import ConfigError


@dataclass(frozen=True)
class TrustedCopy:
    root: Path  # where the paths are, as they are at the ref (inside ``directory``)
    ref: str
    directory: Path  # the temporary directory to remove when done

    def remove(self) -> None:
        shutil.rmtree(self.directory, ignore_errors=True)


def _git(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=120, check=False)
    except FileNotFoundError:
        raise ConfigError("reading a git revision (--trusted-ref, --diff-base) needs git on PATH") from None
    except subprocess.TimeoutExpired:
        raise ConfigError("git did not answer within 120 s") from None


def repo_root(cwd: Path) -> Path:
    proc = _git(["rev-parse", "--show-toplevel"], cwd)
    if proc.returncode != 0:
        raise ConfigError(f"reading a git revision (--trusted-ref, --diff-base) needs a git checkout: {cwd} is not inside one")
    return Path(proc.stdout.decode().strip())


def exists_at(ref: str, path: str, repo: Path) -> bool:
    return _git(["cat-file", "-e", f"{ref}:{path}"], repo).returncode == 0


def read_at(ref: str, path: Path) -> str | None:
    """The text of ``path`` (a file of the working tree) as it is at ``ref``, read with
    git relative to the repository root; None when the file does not exist there."""
    repo = repo_root(path.parent)
    try:
        rel = path.resolve().relative_to(repo.resolve()).as_posix()
    except ValueError:
        return None  # outside the repository: nothing of it is at the ref
    proc = _git(["cat-file", "blob", f"{ref}:{rel}"], repo)
    if proc.returncode != 0:
        return None
    return proc.stdout.decode("utf-8", errors="replace")


def extract(ref: str, paths: Sequence[str], cwd: Path, keep: Callable[[str], bool] | None = None) -> TrustedCopy:
    """Copy ``paths`` (relative to ``cwd``) as they are at ``ref`` into a temporary
    directory; a path absent at ``ref`` is simply absent there. ``keep``: only the files
    (repository-relative paths) it accepts."""
    repo = repo_root(cwd)
    if _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], repo).returncode != 0:
        raise ConfigError(f"{ref!r} is not a commit in this repository (fetch it first)")
    target = Path(tempfile.mkdtemp(prefix="iac-guard-trusted-"))
    prefix = cwd.resolve().relative_to(repo.resolve())
    wanted = []
    for path in paths:
        if Path(path).is_absolute():
            raise ConfigError(f"{path} must be a path inside the repository to be read at {ref}")
        rel = posixpath.normpath((prefix / path).as_posix())
        if rel == ".." or rel.startswith("../"):
            raise ConfigError(f"{path} must be a path inside the repository to be read at {ref}")
        if rel == "." or exists_at(ref, rel, repo):  # "." (the repository root) always exists
            wanted.append(rel)
    if wanted and keep is not None:
        listing = _git(["ls-tree", "-r", "-z", "--name-only", "--full-tree", ref, "--", *wanted], repo)
        if listing.returncode != 0:
            raise ConfigError(f"git ls-tree failed: {listing.stderr.decode(errors='replace').strip()}")
        wanted = [name for name in listing.stdout.decode("utf-8", errors="replace").split("\0") if name and keep(name)]
    if wanted:
        proc = _git(["archive", "--format=tar", ref, "--", *wanted], repo)
        if proc.returncode != 0:
            raise ConfigError(f"git archive failed: {proc.stderr.decode(errors='replace').strip()}")
        _extract_regular_files(proc.stdout, target)
    return TrustedCopy(root=target / prefix if str(prefix) != "." else target, ref=ref, directory=target)


def _extract_regular_files(data: bytes, target: Path) -> None:
    """Only directories and regular files, only inside ``target`` (no links, no ``..``)."""
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        for member in archive.getmembers():
            dest = (target / member.name).resolve()
            if not dest.is_relative_to(target.resolve()):
                continue
            if member.isdir():
                dest.mkdir(parents=True, exist_ok=True)
            elif member.isfile():
                handle = archive.extractfile(member)
                if handle is not None:
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    dest.write_bytes(handle.read())


AUTO = "auto"  # ``--diff-base auto``: the revision a push starts from (``push_base``)


def push_base(from_ref: str | None, cwd: Path) -> str | None:
    """The revision a push changes code from, for ``--diff-base auto``: ``from_ref`` (what
    pre-commit's pre-push stage passes as PRE_COMMIT_FROM_REF: the remote's current commit)
    when it names a commit here; else the branch's upstream (``@{upstream}``); else None,
    a full scan (a new branch with no upstream, or no git). An all-zero ``from_ref`` is
    git's "the remote has no such branch yet"."""
    if from_ref and from_ref.strip("0") and _commit(from_ref, cwd):
        return _commit(from_ref, cwd)
    return _commit("@{upstream}", cwd)


def _commit(ref: str, cwd: Path) -> str | None:
    try:
        proc = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    except ConfigError:
        return None  # no git: nothing to compare with
    sha = proc.stdout.decode().strip()
    return sha if proc.returncode == 0 and sha else None
