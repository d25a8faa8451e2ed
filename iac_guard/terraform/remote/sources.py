"""Module source addresses as ``terraform init`` reads them.

Terraform (through go-getter) accepts, besides local paths:

- registry addresses ``[host/]namespace/name/provider[//subdir]`` (default host
  ``registry.terraform.io``), with a separate ``version`` constraint;
- ``git::URL`` with ``?ref=`` and ``//subdir``; the shorthands ``github.com/org/repo``
  (HTTPS git) and ``git@github.com:org/repo.git`` (SSH git);
- HTTP(S) URLs of archives (``.zip``, ``.tar.gz``, ``.tgz``, ``.tar.bz2``, ``.tbz2``,
  ``.tar``, or ``?archive=FORMAT``); any other HTTP(S) URL is asked for an
  ``X-Terraform-Get`` header naming the package (go-getter's HTML meta-tag form is not
  supported).

Other getters (``hg::``, ``s3::``, ``gcs::``, Bitbucket) are recognised and reported as
unsupported. Nothing here touches the network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

DEFAULT_REGISTRY = "registry.terraform.io"
ARCHIVE_SUFFIXES = {
    ".tar.gz": "tar.gz",
    ".tgz": "tar.gz",
    ".tar.bz2": "tar.bz2",
    ".tbz2": "tar.bz2",
    ".tar.xz": "tar.xz",
    ".txz": "tar.xz",
    ".tar": "tar",
    ".zip": "zip",
}
ARCHIVE_FORMATS = frozenset(ARCHIVE_SUFFIXES.values()) | {"tgz", "tbz2", "txz"}

_REGISTRY_PART = re.compile(r"^[0-9A-Za-z](?:[0-9A-Za-z_-]{0,62}[0-9A-Za-z])?$")
_HOST = re.compile(r"^(?:[0-9A-Za-z](?:[0-9A-Za-z-]*[0-9A-Za-z])?\.)+[0-9A-Za-z-]+(?::\d+)?$|^localhost(?::\d+)?$")
_SCP_LIKE = re.compile(r"^(?P<user>[A-Za-z0-9._-]+)@(?P<host>[A-Za-z0-9.-]+):(?P<path>[^/].*)$")


class SourceError(ValueError):
    """A source address iac-guard cannot fetch (malformed or of an unsupported kind)."""


@dataclass(frozen=True)
class RegistrySource:
    host: str
    namespace: str
    name: str
    provider: str
    subdir: str = ""

    @property
    def display(self) -> str:
        return f"{self.host}/{self.namespace}/{self.name}/{self.provider}"


@dataclass(frozen=True)
class GitSource:
    url: str  # without ?ref= (other query parameters, such as depth, are dropped)
    ref: str = ""
    subdir: str = ""

    @property
    def display(self) -> str:
        return _display_url(self.url)


@dataclass(frozen=True)
class HttpSource:
    url: str  # without ?archive=
    archive: str  # "zip", "tar.gz", "tar.bz2", "tar.xz", "tar"; "": the URL's X-Terraform-Get names the package
    subdir: str = ""

    @property
    def display(self) -> str:
        return _display_url(self.url)


RemoteSource = RegistrySource | GitSource | HttpSource


def _display_url(url: str) -> str:
    """scheme, credentials and query removed: ``example.com/org/repo.git``."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return (host + parts.path).strip("/") or url


def split_subdir(source: str) -> tuple[str, str]:
    """go-getter's ``//`` subdirectory: ``https://h/x.zip//mod?archive=zip`` ->
    (``https://h/x.zip?archive=zip``, ``mod``). The ``//`` after a scheme does not count."""
    query = ""
    if "?" in source:
        source, query = source.split("?", 1)
        query = "?" + query
    start = source.find("://")
    start = start + 3 if start >= 0 else 0
    index = source.find("//", start)
    if index < 0:
        return source + query, ""
    return source[:index] + query, source[index + 2 :].strip("/")


def check_subdir(subdir: str) -> str:
    parts = [p for p in subdir.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts) or subdir.startswith("/"):
        raise SourceError(f"subdirectory {subdir!r} leaves the module package")
    return "/".join(parts)


def parse_source(source: str) -> RemoteSource:
    """The fetchable form of a non-local module source; SourceError when unsupported."""
    raw = source.strip()
    forced = ""
    match = re.match(r"^([A-Za-z0-9]+)::(.*)$", raw)
    if match:
        forced, raw = match.group(1).lower(), match.group(2)
    if forced in ("hg", "s3", "gcs"):
        raise SourceError(f"the {forced}:: getter is not supported by --download-modules")
    if forced and forced not in ("git", "http", "https"):
        raise SourceError(f"unknown getter {forced + '::'!r}")
    address, subdir = split_subdir(raw)
    subdir = check_subdir(subdir)

    if forced == "git":
        scp = _SCP_LIKE.match(address)
        if scp and "://" not in address:
            address = f"ssh://{scp.group('user')}@{scp.group('host')}/{scp.group('path')}"
        return _git(address, subdir)
    scp = _SCP_LIKE.match(address)
    if scp and "://" not in address:
        if scp.group("host").lower() == "github.com":
            return _git(f"ssh://{scp.group('user')}@github.com/{scp.group('path')}", subdir)
        raise SourceError("an scp-like address needs the git:: prefix")
    lowered = address.lower()
    if lowered.startswith("github.com/"):
        return _github_shorthand(address, subdir)
    if lowered.startswith("bitbucket.org/"):
        raise SourceError("the Bitbucket shorthand is not supported by --download-modules; use git::https://...")
    if lowered.startswith(("http://", "https://")) or forced in ("http", "https"):
        return _http(address, subdir)
    if "://" in address:
        scheme = address.split("://", 1)[0].lower()
        if scheme in ("s3", "gcs"):
            raise SourceError(f"{scheme}:// sources are not supported by --download-modules")
        raise SourceError(f"unsupported source scheme {scheme!r}")
    return _registry(address, subdir)


def _git(url: str, subdir: str) -> GitSource:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("https", "http", "ssh", "file", "git"):
        raise SourceError(f"unsupported git URL scheme {parts.scheme!r}")
    query = parse_qsl(parts.query, keep_blank_values=True)
    ref = ""
    rest: list[tuple[str, str]] = []
    for key, value in query:
        if key == "ref":
            ref = value
        elif key not in ("depth", "sshkey"):
            rest.append((key, value))
    if ref.startswith("-"):
        raise SourceError(f"ref {ref!r} is not a git revision")
    return GitSource(urlunsplit(parts._replace(query=urlencode(rest))), ref, subdir)


def _github_shorthand(address: str, subdir: str) -> GitSource:
    path, _, query = address.partition("?")
    segments = path.split("/")
    if len(segments) < 3 or not segments[1] or not segments[2]:
        raise SourceError("GitHub shorthand must be github.com/ORG/REPO")
    repo = segments[2] if segments[2].endswith(".git") else segments[2] + ".git"
    extra = "/".join(segments[3:])
    if extra:
        subdir = check_subdir(f"{extra}/{subdir}" if subdir else extra)
    url = f"https://github.com/{segments[1]}/{repo}" + (f"?{query}" if query else "")
    return _git(url, subdir)


def _http(url: str, subdir: str) -> HttpSource:
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    archive = ""
    rest: list[tuple[str, str]] = []
    for key, value in query:
        if key == "archive":
            archive = value.lower()
        else:
            rest.append((key, value))
    if not archive:
        lowered = parts.path.lower()
        archive = next((fmt for suffix, fmt in ARCHIVE_SUFFIXES.items() if lowered.endswith(suffix)), "")
    archive = {"tgz": "tar.gz", "tbz2": "tar.bz2", "txz": "tar.xz"}.get(archive, archive)
    if archive == "false":
        raise SourceError("?archive=false: a single file is not a module package")
    if archive and archive not in ARCHIVE_FORMATS:
        raise SourceError(f"unsupported archive format {archive!r}")
    return HttpSource(urlunsplit(parts._replace(query=urlencode(rest))), archive, subdir)


def _registry(address: str, subdir: str) -> RegistrySource:
    parts = address.split("/")
    host = DEFAULT_REGISTRY
    if len(parts) == 4:
        host = parts[0].lower()
        if not _HOST.match(host):
            raise SourceError(f"{address!r} is not a registry address (invalid host {parts[0]!r})")
        parts = parts[1:]
    if len(parts) != 3 or not all(_REGISTRY_PART.match(p) for p in parts):
        raise SourceError(f"{address!r} is neither a local path, a registry address nor a URL")
    namespace, name, provider = parts
    return RegistrySource(host, namespace, name, provider, subdir)
