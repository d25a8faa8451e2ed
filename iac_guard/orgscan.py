"""Organisation-wide scans: the list of repositories to scan (a YAML file), and where each
one's tree comes from (a local checkout, or a git URL readable from this machine cloned
into a work directory). Plain functions; the Dagster assets, schedule and sensor call them.

    # iac-guard-org.yaml
    repositories:
      - name: payments                     # the Dagster partition key
        path: /srv/checkouts/payments      # a checkout on this machine
      - name: platform
        url: https://git.example.com/platform.git   # or file://, ssh://, git@host:org/repo.git
        ref: main                          # branch, tag or commit (default: the remote's HEAD)
        paths: [terraform/]                # what to scan inside it (default: the whole tree)
    settings:                              # scan settings for every repository (config-file keys)
      fail-on: high
      exclude: [examples/]

Git runs without hooks, prompts or submodules, with a timeout; a ref or URL that starts
with ``-`` is refused (it would be read as an option).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from iac_guard.errors import ConfigError, InputError

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$")
GIT_TIMEOUT = 300
ALLOWED_PROTOCOLS = "file:https:http:ssh:git"
# Git must never run code from the repository it reads, nor ask anything.
GIT_SAFE = ["-c", "core.hooksPath=/dev/null", "-c", "protocol.allow=user", "-c", "submodule.recurse=false"]


@dataclass(frozen=True)
class Repository:
    name: str
    path: str = ""  # a local checkout
    url: str = ""  # a git URL, cloned into the work directory
    ref: str = ""  # for url: branch, tag or commit (default: the remote HEAD)
    paths: tuple[str, ...] = (".",)  # scan paths, relative to the repository root
    line: int | None = None  # where it is declared in the org file


@dataclass(frozen=True)
class OrgConfig:
    repositories: tuple[Repository, ...]
    settings: Mapping[str, Any] = field(default_factory=dict)  # config-file keys for every scan
    file: str = ""

    def repository(self, name: str) -> Repository:
        for repo in self.repositories:
            if repo.name == name:
                return repo
        raise ConfigError(f"repository {name!r} is not listed in {self.file or 'the org config'}")


def load_org_config(path: Path) -> OrgConfig:
    """Read and check the org file; ConfigError at ``file:line`` for anything wrong."""
    display = str(path)
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except FileNotFoundError:
        raise ConfigError(f"org config not found: {display}") from None
    except OSError as exc:
        raise ConfigError(f"cannot read the org config: {exc.strerror}", file=display) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(f"invalid YAML: {getattr(exc, 'problem', exc)}", file=display, line=mark.line + 1 if mark else None) from None
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise ConfigError("the org config must be a mapping with a `repositories` list", file=display, line=1)
    lines = {key.value: key.start_mark.line + 1 for key, _ in node.value}
    unknown = sorted(set(data) - {"repositories", "settings"})
    if unknown:
        raise ConfigError(f"unknown key {unknown[0]!r} (expected repositories, settings)", file=display, line=lines.get(unknown[0]))
    items = data.get("repositories")
    if not isinstance(items, list) or not items:
        raise ConfigError("`repositories` must be a non-empty list", file=display, line=lines.get("repositories", 1))
    item_lines = _item_lines(node, "repositories")
    repos: list[Repository] = []
    for index, item in enumerate(items):
        repos.append(_repository(item, display, item_lines[index] if index < len(item_lines) else None))
    names = [r.name for r in repos]
    duplicate = next((n for n in names if names.count(n) > 1), None)
    if duplicate:
        raise ConfigError(f"repository {duplicate!r} is listed twice", file=display, line=repos[names.index(duplicate, names.index(duplicate) + 1)].line)
    settings = data.get("settings") or {}
    if not isinstance(settings, dict):
        raise ConfigError("`settings` must be a mapping of config-file keys", file=display, line=lines.get("settings"))
    return OrgConfig(tuple(repos), settings, display)


def _item_lines(node: yaml.MappingNode, key: str) -> list[int]:
    for key_node, value in node.value:
        if key_node.value == key and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _repository(item: Any, file: str, line: int | None) -> Repository:
    if not isinstance(item, dict):
        raise ConfigError("each repository is a mapping with `name` and `path` or `url`", file=file, line=line)
    unknown = sorted(set(item) - {"name", "path", "url", "ref", "paths"})
    if unknown:
        raise ConfigError(f"unknown repository key {unknown[0]!r} (expected name, path, url, ref, paths)", file=file, line=line)
    name = item.get("name")
    if not isinstance(name, str) or not NAME.match(name):
        raise ConfigError(f"repository name {name!r} must be letters, digits and . _ / - (it is the partition key)", file=file, line=line)
    path, url, ref = (item.get(k, "") for k in ("path", "url", "ref"))
    if not all(isinstance(v, str) for v in (path, url, ref)):
        raise ConfigError(f"{name}: path, url and ref must be strings", file=file, line=line)
    if bool(path) == bool(url):
        raise ConfigError(f"{name}: give exactly one of `path` (a checkout) and `url` (a git URL)", file=file, line=line)
    if url.startswith("-") or ref.startswith("-"):
        raise ConfigError(f"{name}: a url or ref cannot start with '-'", file=file, line=line)
    paths = item.get("paths", ["."])
    if isinstance(paths, str):
        paths = [paths]
    if not isinstance(paths, list) or not paths or not all(isinstance(p, str) and p for p in paths):
        raise ConfigError(f"{name}: `paths` must be a list of paths inside the repository", file=file, line=line)
    for p in paths:
        if Path(p).is_absolute() or ".." in Path(p).parts:
            raise ConfigError(f"{name}: scan path {p!r} must stay inside the repository", file=file, line=line)
    return Repository(name=name, path=path, url=url, ref=ref, paths=tuple(paths), line=line)


def _git(args: Sequence[str], environ: Mapping[str, str], cwd: Path | None = None) -> str:
    env = {**environ, "GIT_TERMINAL_PROMPT": "0", "GIT_ALLOW_PROTOCOL": ALLOWED_PROTOCOLS, "GIT_ASKPASS": "true"}
    try:
        proc = subprocess.run(["git", *GIT_SAFE, *args], cwd=cwd, capture_output=True, text=True, timeout=GIT_TIMEOUT, env=env, check=False)
    except FileNotFoundError:
        raise InputError("organisation scans need git on PATH") from None
    except subprocess.TimeoutExpired:
        raise InputError(f"git {args[0]} did not finish within {GIT_TIMEOUT} s") from None
    if proc.returncode != 0:
        raise InputError(f"git {args[0]} failed: {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else proc.returncode}")
    return proc.stdout.strip()


def head(repo: Repository, environ: Mapping[str, str]) -> str:
    """The commit the repository's scan would read now (no clone needed for a URL)."""
    if repo.path:
        return _git(["rev-parse", "HEAD"], environ, Path(repo.path))
    out = _git(["ls-remote", "--", repo.url, repo.ref or "HEAD"], environ)
    if not out:
        raise InputError(f"{repo.name}: {repo.ref or 'HEAD'} not found at {repo.url}")
    return out.split()[0]


def checkout(repo: Repository, workdir: Path, environ: Mapping[str, str]) -> tuple[Path, str]:
    """The repository's tree on this machine and its commit: the checkout itself, or a
    clone of the URL at ``ref`` in ``workdir/<name>`` (fetched afresh each time)."""
    if repo.path:
        root = Path(repo.path)
        if not root.is_dir():
            raise InputError(f"{repo.name}: checkout {repo.path} does not exist")
        return root, head(repo, environ)
    target = workdir / repo.name
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    _git(["clone", "--quiet", "--no-checkout", "--", repo.url, str(target)], environ)
    if repo.ref:
        _git(["fetch", "--quiet", "origin", "--", repo.ref], environ, target)
        _git(["checkout", "--quiet", "--detach", "FETCH_HEAD"], environ, target)
    else:
        _git(["checkout", "--quiet", "--detach", "HEAD"], environ, target)
    return target, _git(["rev-parse", "HEAD"], environ, target)
