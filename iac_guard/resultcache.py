"""Results cache: a scan of files that did not change since the last one skips the build
(Terraform semantics: modules, variables, instances) and the policy evaluation.

Two kinds of entry, next to the parse cache (same directory, same rules: entries live in
the user's cache directory, only a directory that this user alone can write is used,
writes are atomic, the size is bounded, least recently used entries are pruned first):

- **input** entries, one per IaC kind and scan: the kind's input as the stages after the
  evaluation read it (documents without raw documents and trees, resources without
  values: file, address, type and lines for the inline ignores, the inventory and the
  counts; every problem and notice of the build), with a **manifest** of every file and
  directory the build read: each discovered file of the kind, and each file the build
  read on its own (``.tfvars``, ``file()`` and ``templatefile()`` targets,
  ``.terraform/modules/modules.json``, modules read from disk), with its sha256, and each
  directory whose entries were listed (a ``terraform.tfvars`` added next to a root must
  miss). On lookup every record is hashed again: one difference and the entry is not
  used. A build whose reads cannot all be recorded (``--download-modules``) is not cached;
  nor is one given ``--var`` or ``TF_VAR_*`` values (variables are often secrets, and the
  cache must not hold what they resolve to).
- **policies** entries: the loaded policy set (before ``--only``/``--skip``), keyed by the
  loading options, with a manifest of every policy and data file read and of every
  directory walked (the built-in library's included);
- **evaluation** entries: the policy evaluation of a set of inputs, keyed by the policy
  set's content hash, the selected policies (ids, severities), the engine and the inputs'
  digests (content hashes of everything they were built from). An evaluation with a
  problem (a broken policy, a timeout) is not cached.

Every key starts with the iac-guard version, a digest of its own source and the versions
of the parsing libraries; every entry repeats its key and format: a corrupt, foreign or
stale entry is ignored (and rewritten by this run), never trusted.

Why the unit is the whole kind and not each Terraform root module: which directories are
root modules depends on every other directory's module calls, and policies read across
root modules (a literal bucket name, the account-wide ``aws_ebs_encryption_by_default``),
so one root's findings can change when another root changes. Reusing one root's
findings after another changed would differ from a scan without the cache.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from iac_guard import __version__, reads
from iac_guard.models import KindInput, PolicySet, SourceFile
from iac_guard.parse.base import BuildOptions
from iac_guard.parse.cache import (
    DEFAULT_MAX_BYTES,
    _code_digest,
    _library_versions,
    cache_dir,
    max_cache_bytes,
    private_directory,
    prune_entries,
)
from iac_guard.policy.evaluate import Evaluation

FORMAT = 1
MAGIC = "iac-guard-results"


@functools.cache
def _engine_version() -> str:
    """The embedded engine's version (the distribution pyproject.toml depends on)."""
    try:
        return version("gordon-to-regorus")
    except PackageNotFoundError:
        return "none"


def _digest(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def slim(kind_input: KindInput) -> KindInput:
    """The input as the stages after the evaluation read it: no raw documents, no trees,
    no resource values (nor what a variable's value resolved to)."""
    return replace(
        kind_input,
        documents=tuple(replace(d, raw=None, tree=None) for d in kind_input.documents),
        resources=tuple(replace(r, values={}, lines={}, provenance={}) for r in kind_input.resources),
        complete=False,
    )


def source_records(files: Sequence[SourceFile]) -> list[reads.Record]:
    """Manifest records of discovered files: their content hashes."""
    return [("f", os.path.abspath(f.path), reads.file_digest(str(f.path))) for f in files]


class ResultCache:
    """The input and evaluation entries in ``directory/results-v<FORMAT>``. Making one
    touches no file: the directory is created and checked on first use."""

    def __init__(self, directory: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.directory = directory / f"results-v{FORMAT}"
        self.max_bytes = max_bytes
        self.salt = f"{MAGIC}|{FORMAT}|{__version__}|{_code_digest()}|{_library_versions()}|regorus={_engine_version()}"

    @classmethod
    def from_environ(cls, env: Mapping[str, str]) -> ResultCache:
        """The cache in the directory the parse cache uses (``IAC_GUARD_CACHE_DIR``, ...)."""
        return cls(cache_dir(env), max_cache_bytes(env))

    @functools.cached_property
    def usable(self) -> bool:
        return private_directory(self.directory)

    # -- keys

    def input_key(self, kind: str, files: Sequence[SourceFile], options: BuildOptions) -> str | None:
        """The key of the input built from ``files`` (discovered, of ``kind``) with
        ``options``; None when such a build is not cached."""
        if options.vars or options.download_modules or any(k.startswith("TF_VAR_") for k in options.env):
            return None
        listing = sorted(f"{f.relpath}\x1f{os.path.abspath(f.path)}\x1f{f.size}" for f in files)
        return _digest(
            self.salt,
            "input",
            kind,
            *listing,
            "var-files",
            *(os.path.abspath(v) for v in options.var_files),
            "workspace",
            options.env.get("TF_WORKSPACE", "default"),
        )

    def evaluation_key(self, parts: Sequence[str], inputs: Sequence[KindInput]) -> str | None:
        """The key of the evaluation of ``inputs`` (each with a digest) under ``parts``
        (the policy set, the engine...); None when an input has no digest."""
        if any(not i.digest for i in inputs):
            return None
        return _digest(self.salt, "evaluation", *parts, *(f"{i.kind}:{i.digest}" for i in inputs))

    def policies_key(self, parts: Sequence[str]) -> str:
        """The key of the policy set loaded with the options ``parts``."""
        return _digest(self.salt, "policies", *parts)

    # -- entries

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / key

    def _load(self, key: str) -> dict[str, Any] | None:
        if not self.usable:
            return None
        path = self._path(key)
        try:
            with path.open("rb") as handle:
                entry = pickle.load(handle)
            os.utime(path)  # recently used: pruned last
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError, IndexError, KeyError, MemoryError, RecursionError):
            return None
        if not isinstance(entry, dict) or entry.get("header") != (MAGIC, FORMAT, self.salt, key):
            return None  # foreign, of another version, or not ours at all
        return entry

    def _store(self, key: str, entry: dict[str, Any]) -> None:
        if not self.usable:
            return
        target = self._path(key)
        tmp = ""
        try:
            target.parent.mkdir(exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=target.parent)
            with os.fdopen(fd, "wb") as handle:
                pickle.dump({"header": (MAGIC, FORMAT, self.salt, key), **entry}, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
            tmp = ""
        except (OSError, pickle.PicklingError, RecursionError, TypeError, AttributeError):
            return
        finally:
            if tmp:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)

    def get_input(self, key: str) -> KindInput | None:
        """The slim input stored under ``key`` if every file and directory its build read
        is as it was (``complete`` False, ``digest`` set)."""
        entry = self._load(key)
        if entry is None:
            return None
        manifest, stored = entry.get("manifest"), entry.get("input")
        if not isinstance(manifest, tuple) or not isinstance(stored, KindInput) or not stored.digest:
            return None
        try:
            if not reads.unchanged(manifest):
                return None
        except (TypeError, ValueError):
            return None
        return stored

    def input_digest(self, key: str, manifest: Sequence[reads.Record]) -> str:
        return _digest(key, *("\x1f".join(record) for record in manifest))

    def put_input(self, key: str, kind_input: KindInput, manifest: tuple[reads.Record, ...]) -> None:
        self._store(key, {"manifest": manifest, "input": slim(kind_input)})

    def get_evaluation(self, key: str) -> Evaluation | None:
        entry = self._load(key)
        value = entry.get("evaluation") if entry is not None else None
        return value if isinstance(value, Evaluation) else None

    def put_evaluation(self, key: str, evaluation: Evaluation) -> None:
        if evaluation.problems:
            return  # a broken policy or a timeout: evaluated again next time
        self._store(key, {"evaluation": evaluation})

    def get_policies(self, key: str) -> PolicySet | None:
        """The policy set stored under ``key`` if no file or directory it was read from changed."""
        entry = self._load(key)
        if entry is None:
            return None
        manifest, stored = entry.get("manifest"), entry.get("policy_set")
        if not isinstance(manifest, tuple) or not isinstance(stored, PolicySet):
            return None
        try:
            return stored if reads.unchanged(manifest) else None
        except (TypeError, ValueError):
            return None

    def put_policies(self, key: str, policy_set: PolicySet, manifest: tuple[reads.Record, ...]) -> None:
        self._store(key, {"manifest": manifest, "policy_set": policy_set})

    def prune(self, max_bytes: int | None = None, *, force: bool = False) -> int:
        if not self.usable:
            return 0
        return prune_entries(self.directory, self.max_bytes if max_bytes is None else max_bytes, force=force)
