"""``--download-modules``: module calls the scan could not resolve locally, resolved by
fetching their source, for the module evaluator.

``RemoteModules.resolve`` is asked about a call only after the local rules (local paths
inside the scan root, ``.terraform/modules/modules.json``) found nothing. It fetches a
remote source once per scan (per source and version), registers the package's directory
with the module loader under its display name, and resolves local calls made from inside
a fetched package within that package (they may not leave it). Failures come back as the
call's reason for a ``module-not-scanned`` notice; hostile content (path traversal,
escaping links, devices) is also an ``input-error`` problem at the call.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from iac_guard.models import Problem
from iac_guard.terraform.remote.cliconfig import load_cli_config
from iac_guard.terraform.remote.fetch import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    Fetcher,
    Limits,
    Package,
)
from iac_guard.terraform.remote.http import FetchError, UnsafeContent
from iac_guard.terraform.remote.sources import SourceError
from iac_guard.terraform.remote.store import DEFAULT_MAX_TOTAL, ModuleStore, cache_root

MAX_BYTES_VARIABLE = "IAC_GUARD_MODULE_MAX_BYTES"
TIMEOUT_VARIABLE = "IAC_GUARD_MODULE_TIMEOUT"
TOTAL_VARIABLE = "IAC_GUARD_CACHE_MAX_BYTES"  # the parse cache's budget, applied to the module store too


class Loader(Protocol):
    def add_root(self, root: Path, display: str) -> None: ...


def limits_from(env: Mapping[str, str]) -> tuple[Limits, list[str]]:
    """``$IAC_GUARD_MODULE_MAX_BYTES`` (per package, default 64 MiB),
    ``$IAC_GUARD_MODULE_TIMEOUT`` (seconds, default 60) and ``$IAC_GUARD_CACHE_MAX_BYTES``
    (the whole module store, default 512 MiB), and messages for values that are not usable."""
    errors: list[str] = []
    max_bytes = DEFAULT_MAX_BYTES
    timeout = DEFAULT_TIMEOUT
    raw = env.get(MAX_BYTES_VARIABLE, "")
    if raw:
        try:
            max_bytes = int(raw)
            if max_bytes < 1:
                raise ValueError
        except ValueError:
            max_bytes = DEFAULT_MAX_BYTES
            errors.append(f"{MAX_BYTES_VARIABLE} must be a positive whole number of bytes, got {raw!r}")
    max_total = DEFAULT_MAX_TOTAL
    raw = env.get(TOTAL_VARIABLE, "")
    if raw:
        try:
            max_total = int(raw)
            if max_total < 0:
                raise ValueError
        except ValueError:
            max_total = DEFAULT_MAX_TOTAL
            errors.append(f"{TOTAL_VARIABLE} must be a whole number of bytes, got {raw!r}")
    raw = env.get(TIMEOUT_VARIABLE, "")
    if raw:
        try:
            timeout = float(raw)
            if not 0 < timeout < 86400:
                raise ValueError
        except ValueError:
            timeout = DEFAULT_TIMEOUT
            errors.append(f"{TIMEOUT_VARIABLE} must be a number of seconds, got {raw!r}")
    return Limits(max_bytes=max_bytes, timeout=timeout, max_total=max_total), errors


class RemoteModules:
    def __init__(self, loader: Loader, env: Mapping[str, str], problems: list[Problem]) -> None:
        self.loader = loader
        self.env = env
        self.problems = problems
        self._fetcher: Fetcher | None = None
        self._done: dict[tuple[str, str], Package | str] = {}
        self._packages: list[Package] = []

    def fetcher(self) -> Fetcher:
        """Made on the first remote call, so settings (limits, the CLI configuration) are
        read, and their errors reported, only by scans that download something."""
        if self._fetcher is None:
            limits, errors = limits_from(self.env)
            self.problems.extend(Problem("input-error", message) for message in errors)
            cli = load_cli_config(self.env)
            if cli.error:
                self.problems.append(Problem("input-error", cli.error))
            store = ModuleStore(
                cache_root(self.env), max_bytes=limits.max_bytes, max_files=limits.max_files, max_total=limits.max_total
            )
            self._fetcher = Fetcher(store, cli, self.env, limits)
        return self._fetcher

    def package_of(self, directory: Path) -> Package | None:
        directory = directory.resolve()
        for package in self._packages:
            if directory == package.root or package.root in directory.parents:
                return package
        return None

    def local(self, source: str, caller: Path) -> tuple[Path | None, str]:
        """A local source called from inside a fetched package: (directory, "") or (None,
        reason); (None, "") when the caller is not in a fetched package."""
        package = self.package_of(caller)
        if package is None:
            return None, ""
        target = (caller / source).resolve()
        if target != package.root and package.root not in target.parents:
            return None, f"local source {source!r} leaves the downloaded package {package.display}"
        return target, ""

    def remote(self, source: str, version: str, file: str, line: int) -> tuple[Path | None, str]:
        """(the module's directory, "") or (None, why it was not fetched)."""
        key = (source, version)
        if key not in self._done:
            try:
                package = self.fetcher().fetch(source, version)
            except UnsafeContent as exc:
                self.problems.append(Problem("input-error", f"module source {source!r} refused: {exc}", file, line))
                self._done[key] = f"remote source {source!r} refused: {exc}"
            except (FetchError, SourceError) as exc:
                self._done[key] = f"remote source {source!r} could not be downloaded: {exc}"
            except OSError as exc:
                self._done[key] = f"remote source {source!r} could not be downloaded: {exc}"
            except Exception as exc:  # a fetch must never stop the scan: report it at the call
                message = f"module source {source!r}: unexpected {type(exc).__name__}: {exc}"
                self.problems.append(Problem("input-error", message, file, line))
                self._done[key] = f"remote source {source!r} could not be downloaded: unexpected {type(exc).__name__}"
            else:
                self._done[key] = package
                if all(p.root != package.root for p in self._packages):
                    self._packages.append(package)
                    self.loader.add_root(package.root, package.display)
        done = self._done[key]
        if isinstance(done, str):
            return None, done
        return done.dir.resolve(), ""
