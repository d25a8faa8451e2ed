"""PR mode does the PR's work: which root modules and templates a change can affect.

With ``--diff-base REF`` the scan compares the working tree with REF. A Terraform root
module whose files (and whose modules' files) are the same at both revisions gives the same
findings at both, so every one of them would be reported as existing: scanning it twice
changes nothing in the verdict. ``compute`` finds what differs and ``Scope.keeps`` says
which discovered files stay in the run:

- the changed files: ``git diff --name-only REF`` (REF against the working tree: commits
  since REF, staged and unstaged changes, renames as a deletion plus an addition) and the
  untracked files;
- a directory with a changed file is changed (a ``.tf``, a ``.tfvars`` read by its root, a
  template its ``templatefile()`` reads); a directory whose module is called, through a
  local ``source``, by a directory in the scope brings its caller in (transitively: a
  changed module affects every root that calls it), and every module a directory in the
  scope calls is scanned with it so the root evaluates as a whole. Calls are read at both
  revisions (``git grep``), so a call added or removed by the PR counts;
- a CloudFormation template or a plan is in the scope when the file itself changed;
- a change the scope cannot place makes the whole scan run: the config file, a policy
  directory, a ``--var-file``, waivers or baseline, or a changed file (not documentation)
  in a directory with no Terraform file of either revision, which a ``file()`` call
  elsewhere could read.

Files left out are counted in a ``pr-scope`` notice. Their findings are not listed: they
are, by construction, the base's findings (what a full double scan would list as
``existing``), and new findings are exactly those of the full double scan.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from iac_guard.errors import ConfigError

#: a local module source in native (``source = "./x"``) or JSON (``"source": "../x"``) syntax
_SOURCE = re.compile(r"""(?:^|[^A-Za-z0-9_\-"])"?source"?\s*[=:]\s*"(\.\.?/[^"]*)\"""")
_GREP_PATTERN = r"""source[[:space:]"]*[=:][[:space:]]*"\.\.?/"""
TERRAFORM_GLOBS = ("*.tf", "*.tf.json")
IAC_GLOBS = (*TERRAFORM_GLOBS, "*.tfvars", "*.tfvars.json", "*.yaml", "*.yml", "*.json", "*.template")
DOC_SUFFIXES = (".md", ".rst", ".txt", ".adoc", ".png", ".svg", ".jpg")
DOC_NAMES = frozenset({"LICENSE", "LICENCE", "NOTICE", "CODEOWNERS", ".gitignore", ".gitattributes", ".editorconfig"})


@dataclass(frozen=True)
class Scope:
    """What a ``--diff-base`` run keeps. Paths are relative to the repository root."""

    ref: str
    repo: Path
    full: bool = True  # scan everything
    reason: str = ""  # why the whole scan runs
    dirs: frozenset[str] = frozenset()  # directories whose Terraform files are scanned ("" = repository root)
    files: frozenset[str] = frozenset()  # changed files (templates and plans are scanned when changed)

    def reads(self, repo_path: str) -> bool:
        """Whether a file may be read by what is in the scope (a file of a directory in
        it, or a changed file): what is copied out of the base revision."""
        return self.full or posixpath.dirname(repo_path) in self.dirs or repo_path in self.files

    def keeps(self, repo_path: str, kind: str) -> bool:
        if self.full:
            return True
        if kind == "terraform":
            return posixpath.dirname(repo_path) in self.dirs
        return repo_path in self.files


def _git(args: Sequence[str], repo: Path) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, timeout=120, check=False)
    except FileNotFoundError:
        raise ConfigError("--diff-base needs git on PATH") from None
    except subprocess.TimeoutExpired:
        raise ConfigError("git did not answer within 120 s") from None
    if proc.returncode not in (0, 1):  # git grep: 1 = nothing matched
        raise ConfigError(f"git {args[0]} failed: {proc.stderr.decode(errors='replace').strip()}")
    return proc.stdout.decode("utf-8", errors="replace")


def _names(output: str) -> set[str]:
    return {name for name in output.split("\0") if name}


def changed_files(ref: str, repo: Path) -> set[str]:
    """Paths (repository-relative) that differ between ``ref`` and the working tree, and
    untracked ones (IaC files even when ignored: discovery does not read .gitignore)."""
    changed = _names(_git(["-c", "core.quotepath=off", "diff", "--name-only", "--no-renames", "-z", ref, "--"], repo))
    changed |= _names(_git(["ls-files", "-z", "--others", "--exclude-standard"], repo))
    changed |= _names(_git(["ls-files", "-z", "--others", "--", *IAC_GLOBS], repo))
    return changed


def module_calls(repo: Path, ref: str | None) -> set[tuple[str, str]]:
    """(caller directory, called directory) for every local module source, at ``ref`` or
    in the working tree (tracked and untracked files)."""
    where = [ref] if ref else []
    untracked = [] if ref else ["--untracked"]
    out = _git(["grep", *untracked, "-I", "-n", "--full-name", "-E", "-e", _GREP_PATTERN, *where, "--", *TERRAFORM_GLOBS], repo)
    edges: set[tuple[str, str]] = set()
    prefix = f"{ref}:" if ref else ""
    for line in out.splitlines():
        if prefix and line.startswith(prefix):
            line = line[len(prefix) :]
        path, _, rest = line.partition(":")
        _, _, text = rest.partition(":")
        caller = posixpath.dirname(path)
        for match in _SOURCE.finditer(text):
            target = posixpath.normpath(posixpath.join(caller, match.group(1)))
            edges.add((caller, "" if target == "." else target))
    return edges


def closure(changed_dirs: Iterable[str], edges: Iterable[tuple[str, str]]) -> set[str]:
    """The changed directories, every caller of one (transitively), and every module any of
    those calls (transitively)."""
    edge_list = list(edges)
    scope = set(changed_dirs)
    grown = True
    while grown:  # up: callers of what is in scope
        grown = False
        for caller, called in edge_list:
            if called in scope and caller not in scope:
                scope.add(caller)
                grown = True
    grown = True
    while grown:  # down: what is in scope calls
        grown = False
        for caller, called in edge_list:
            if caller in scope and called not in scope:
                scope.add(called)
                grown = True
    return scope


def _under(path: str, anchors: Iterable[str]) -> bool:
    return any(path == a or path.startswith(a.rstrip("/") + "/") for a in anchors if a)


def _is_doc(path: str) -> bool:
    name = posixpath.basename(path)
    return name in DOC_NAMES or name.lower().endswith(DOC_SUFFIXES) or path.startswith(".github/")


def compute(ref: str, repo: Path, global_inputs: Iterable[str] = ()) -> Scope:
    """The scope of a ``--diff-base ref`` run in the repository at ``repo``.
    ``global_inputs``: repository-relative files and directories every root reads (policy
    directories, var files, waivers, baseline); a change to one scans everything."""
    repo = repo.resolve()
    verify = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd=repo, capture_output=True, check=False)
    if verify.returncode != 0:
        raise ConfigError(f"{ref!r} is not a commit in this repository (fetch it first)")
    changed = changed_files(ref, repo)
    anchors = [a for a in global_inputs if a and a != "."]
    for path in sorted(changed):
        if posixpath.basename(path).startswith(".iac-guard") or path == "pyproject.toml" or _under(path, anchors):
            return Scope(ref=ref, repo=repo, reason=f"{path} changed")
    edges = module_calls(repo, None) | module_calls(repo, ref)
    tf_dirs = _terraform_dirs(repo, ref)
    changed_dirs: set[str] = set()
    for path in changed:
        directory = posixpath.dirname(path)
        if path.endswith((".tf", ".tf.json", ".tfvars", ".tfvars.json")) or directory in tf_dirs:
            changed_dirs.add(directory)
        elif not _is_doc(path) and not _maybe_template(path):
            return Scope(ref=ref, repo=repo, reason=f"{path} changed outside a Terraform module")
    return Scope(ref=ref, repo=repo, full=False, dirs=frozenset(closure(changed_dirs, edges)), files=frozenset(changed))


def _maybe_template(path: str) -> bool:
    """A file CloudFormation (or a plan) may be in: it is scanned, or not, on its own."""
    return path.lower().endswith((".yaml", ".yml", ".json", ".template"))


def _terraform_dirs(repo: Path, ref: str) -> set[str]:
    names = _names(_git(["ls-files", "-z", "--cached", "--others", "--", *TERRAFORM_GLOBS], repo))
    at_ref = _git(["ls-tree", "-r", "-z", "--name-only", ref], repo)
    names |= {n for n in _names(at_ref) if n.endswith((".tf", ".tf.json"))}
    return {posixpath.dirname(n) for n in names}
