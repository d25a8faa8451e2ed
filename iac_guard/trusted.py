"""Take policies, waivers and the config file from a trusted git revision.

In pull-request mode the checks that grade a PR must not come from the PR itself: a PR
could delete a policy, loosen ``fail-on`` or waive its own findings. ``--trusted-ref REF``
(in the action: the PR's base SHA) reads the policy directories, the waivers file and the
config file as they are at REF, into a temporary directory, with ``git archive``.
"""

from __future__ import annotations

import atexit
import io
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


def extract(ref: str, paths: Sequence[str], cwd: Path) -> TrustedCopy:
    """Copy ``paths`` (relative to ``cwd``) as they are at ``ref`` into a temporary
    directory; a path absent at ``ref`` is simply absent there."""
    repo = repo_root(cwd)
    if _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], repo).returncode != 0:
        raise ConfigError(f"{ref!r} is not a commit in this repository (fetch it first)")
    target = Path(tempfile.mkdtemp(prefix="iac-guard-trusted-"))
    prefix = cwd.resolve().relative_to(repo.resolve())
    wanted = []
    for path in paths:
        rel = (prefix / path).as_posix() if not Path(path).is_absolute() else None
        if rel is None:
            raise ConfigError(f"{path} must be a path inside the repository to be read at {ref}")
        if exists_at(ref, rel, repo):
            wanted.append(rel)
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


def settings_at(ref: str, explicit_config: str | None, cli: dict[str, Any], cwd: Path) -> dict[str, Any]:
    """Scan settings with the config file, policy directories, waivers and baseline taken
    from ``ref``; command-line values still win, but their paths are read at ``ref`` too."""
    from iac_guard.config import CONFIG_FILES, load_config_file, normalize
    from iac_guard.waivers import WAIVERS_FILE

    config_names = [explicit_config] if explicit_config else [*CONFIG_FILES, "pyproject.toml"]
    first = extract(ref, config_names, cwd)
    try:
        present = [name for name in config_names if (first.root / name).is_file()]
        settings = normalize(load_config_file(str(first.root / present[0]), first.root, display=f"{ref}:{present[0]}") if present else {})
    finally:
        first.remove()
    settings.update(normalize(cli))
    policy_dirs = [str(settings["policy_dirs"])] if isinstance(settings.get("policy_dirs"), str) else [str(p) for p in settings.get("policy_dirs") or []]
    waivers = str(settings.get("waivers") or WAIVERS_FILE)
    baseline = settings.get("baseline")
    copy = extract(ref, [*policy_dirs, waivers, *([str(baseline)] if baseline else [])], cwd)
    atexit.register(copy.remove)  # the scan reads policies and waivers from it until the process ends
    settings["policy_dirs"] = [str(copy.root / p) for p in policy_dirs if (copy.root / p).exists()]
    missing = [p for p in policy_dirs if not (copy.root / p).exists()]
    if missing:
        raise ConfigError(f"policy directory {missing[0]} does not exist at {ref}")
    # "" means no waivers at all: the working tree's waivers file belongs to the PR
    settings["waivers"] = str(copy.root / waivers) if (copy.root / waivers).is_file() else ""
    if baseline:
        if not (copy.root / baseline).is_file():
            raise ConfigError(f"baseline {baseline} does not exist at {ref}")
        settings["baseline"] = str(copy.root / baseline)
    return {k: v for k, v in settings.items() if v is not None}
