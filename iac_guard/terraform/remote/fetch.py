"""Fetch a module source the way ``terraform init`` would, into the module store.

``Fetcher.fetch(source, version)`` returns the package's directory and a display name
(``registry.terraform.io/acme/s3/aws@1.2.0``) that findings in its files are reported
under. Nothing fetched is executed. Limits (``Limits``): bytes downloaded and extracted
per package, files per package, and seconds per network operation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from iac_guard.terraform.remote.archive import extract
from iac_guard.terraform.remote.cliconfig import CliConfig
from iac_guard.terraform.remote.git import fetch_git
from iac_guard.terraform.remote.http import FetchError, HttpClient, is_loopback
from iac_guard.terraform.remote.registry import Registry, resolve_location
from iac_guard.terraform.remote.sources import (
    GitSource,
    HttpSource,
    RegistrySource,
    RemoteSource,
    SourceError,
    check_subdir,
    parse_source,
)
from iac_guard.terraform.remote.store import ModuleStore
from iac_guard.terraform.remote.versions import VersionError, parse_constraints

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
DEFAULT_MAX_FILES = 20_000
DEFAULT_TIMEOUT = 60.0
#: unpinned sources (git without ?ref=, plain archive URLs) are fetched again after this
UNPINNED_MAX_AGE = 3600.0
MAX_LOCATION_HOPS = 5


@dataclass(frozen=True)
class Limits:
    max_bytes: int = DEFAULT_MAX_BYTES
    max_files: int = DEFAULT_MAX_FILES
    timeout: float = DEFAULT_TIMEOUT
    max_total: int = 512 * 1024 * 1024  # the whole module store (pruned beyond)


@dataclass(frozen=True)
class Package:
    root: Path  # the whole fetched tree (local calls inside it may not leave it)
    dir: Path  # the module's directory: root plus the subdirectories named
    display: str  # how files under root are named in reports


class Fetcher:
    def __init__(self, store: ModuleStore, cli_config: CliConfig, env: Mapping[str, str], limits: Limits) -> None:
        self.store = store
        self.env = env
        self.limits = limits
        self.http = HttpClient(timeout=limits.timeout, max_bytes=limits.max_bytes, env=env)
        self.registry = Registry(self.http, cli_config.hosts)

    def fetch(self, source: str, version: str = "") -> Package:
        """FetchError (UnsafeContent for hostile content) or SourceError when it cannot."""
        parsed = parse_source(source)
        if isinstance(parsed, RegistrySource):
            return self._registry(parsed, version)
        if version.strip():
            raise SourceError("a version constraint applies only to registry modules (remove `version`)")
        root, display, inner = self._package(parsed)
        return self._locate(root, display, inner, parsed.subdir)

    def _registry(self, source: RegistrySource, constraint: str) -> Package:
        try:
            constraints = parse_constraints(constraint)
        except VersionError as exc:
            raise FetchError(str(exc)) from None
        pinned = str(constraints[0].version) if len(constraints) == 1 and constraints[0].op == "=" else ""
        identity = f"registry|{source.display}|"
        tree = self.store.get(identity + pinned) if pinned and constraints[0].version.given == 3 else None
        version = pinned
        if tree is None:
            version = self.registry.resolve_version(source, constraint)
            tree = self.store.get(identity + version)
        display = f"{source.display}@{version}"
        if tree is None:
            location = self.registry.download_location(source, version)
            try:
                inner = parse_source(location)
            except SourceError as exc:
                raise FetchError(f"{display}: download location {location!r}: {exc}") from None
            if isinstance(inner, RegistrySource):
                raise FetchError(f"{display}: download location {location!r} is not a package address")
            registry_host = urlsplit(self.registry.base_url(source.host)).hostname or ""
            if isinstance(inner, GitSource) and inner.url.lower().startswith("file:") and not is_loopback(registry_host):
                raise FetchError(f"{display}: a remote registry may not point at a local repository ({location!r})")
            tree = self.store.put(
                identity + version,
                lambda t: self._fill(inner, t, display),
                label=display,
                meta={"subdir": inner.subdir, "location": location},
            )
        return self._locate(tree, display, self.store.meta(tree).get("subdir", ""), source.subdir)

    def _package(self, source: RemoteSource) -> tuple[Path, str, str]:
        if isinstance(source, GitSource):
            identity = f"git|{source.url}|{source.ref}"
            display = source.display + (f"@{source.ref}" if source.ref else "")
        elif isinstance(source, HttpSource):
            identity = f"http|{source.url}|{source.archive}"
            display = source.display
        else:  # pragma: no cover - registry sources are handled by _registry
            raise FetchError("a registry address is not a package")
        max_age = None if isinstance(source, GitSource) and source.ref else UNPINNED_MAX_AGE
        tree = self.store.get(identity, max_age=max_age)
        if tree is None:
            tree = self.store.put(identity, lambda t: self._fill(source, t, display), label=display)
        return tree, display, ""

    def _fill(self, source: RemoteSource, tree: Path, label: str, hops: int = 0) -> None:
        if isinstance(source, GitSource):
            fetch_git(source, tree, timeout=self.limits.timeout, env=self.env)
        elif isinstance(source, HttpSource):
            response = self.http.get(source.url)
            if not source.archive:
                # go-getter's HTTP getter: the answer's X-Terraform-Get names the package
                location = response.headers.get("X-Terraform-Get")
                if not location:
                    raise FetchError(
                        f"{source.url} is not an archive URL (.zip, .tar.gz, ... or ?archive=) and answered "
                        "without an X-Terraform-Get header"
                    )
                if hops >= MAX_LOCATION_HOPS:
                    raise FetchError(f"{label}: more than {MAX_LOCATION_HOPS} X-Terraform-Get redirections")
                try:
                    inner = parse_source(resolve_location(location, response.url))
                except SourceError as exc:
                    raise FetchError(f"{label}: X-Terraform-Get {location!r}: {exc}") from None
                if inner.subdir:
                    raise FetchError(f"{label}: X-Terraform-Get {location!r} names a subdirectory (not supported)")
                self._fill(inner, tree, label, hops + 1)
                return
            tree.mkdir()
            extract(
                response.body,
                source.archive,
                tree,
                max_bytes=self.limits.max_bytes,
                max_files=self.limits.max_files,
                label=label,
            )
        else:
            raise FetchError(f"{label}: a registry address is not a package")

    def _locate(self, root: Path, display: str, *subdirs: str) -> Package:
        root = root.resolve()
        directory = root
        for subdir in subdirs:
            for part in check_subdir(subdir).split("/") if subdir else []:
                if part == "*":  # go-getter: the one directory at this level (GitHub tarballs)
                    entries = [p for p in directory.iterdir() if p.is_dir()]
                    if len(entries) != 1:
                        raise FetchError(f"{display}: subdirectory '*' must match exactly one directory")
                    directory = entries[0]
                else:
                    directory = directory / part
        if not directory.is_dir():
            named = "/".join(s for s in subdirs if s)
            raise FetchError(f"{display}: subdirectory {named!r} is not in the package")
        return Package(root, directory, display)
