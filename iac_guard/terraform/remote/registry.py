"""Terraform's module registry protocol, as HashiCorp documents it:

1. Service discovery: ``GET https://<host>/.well-known/terraform.json`` answers a JSON
   object whose ``modules.v1`` member is the base URL of the module API (relative URLs
   resolve against the discovery document's URL). A ``host`` block of the Terraform CLI
   configuration replaces discovery for its host. A loopback host (``127.0.0.1:8080``) is
   asked over plain http.
2. ``GET <base><namespace>/<name>/<provider>/versions`` answers
   ``{"modules": [{"versions": [{"version": "1.2.0"}, ...]}]}``.
3. ``GET <base><namespace>/<name>/<provider>/<version>/download`` answers ``204 No
   Content`` with the package's source address in ``X-Terraform-Get`` (a relative URL
   resolves against the download request's URL). A ``200`` with the header, or with a
   JSON body ``{"location": "..."}`` (the form OpenTofu's protocol documents), is accepted
   too.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from urllib.parse import quote, urljoin, urlsplit

from iac_guard.terraform.remote.http import FetchError, HttpClient, check_url, is_loopback
from iac_guard.terraform.remote.sources import RegistrySource
from iac_guard.terraform.remote.versions import VersionError, newest_matching

SERVICE = "modules.v1"


class Registry:
    def __init__(self, client: HttpClient, overrides: Mapping[str, Mapping[str, str]]) -> None:
        self.client = client
        self.overrides = overrides
        self._bases: dict[str, str] = {}
        self._failed: dict[str, FetchError] = {}  # a host that failed discovery is not asked again

    def base_url(self, host: str) -> str:
        if host in self._bases:
            return self._bases[host]
        if host in self._failed:
            raise self._failed[host]
        try:
            return self._discover(host)
        except FetchError as exc:
            self._failed[host] = exc
            raise

    def _discover(self, host: str) -> str:
        override = self.overrides.get(host.lower())
        if override is not None:
            base = override.get(SERVICE)
            if not base:
                raise FetchError(f"the Terraform CLI configuration's host {host!r} block has no {SERVICE!r} service")
            check_url(base)
        else:
            # Terraform discovers over https only; plain http is allowed here for a loopback
            # host (a registry on this machine, as in tests), like every other request
            scheme = "http" if is_loopback(urlsplit(f"//{host}").hostname or "") else "https"
            url = f"{scheme}://{host}/.well-known/terraform.json"
            response = self.client.get(url, accept="application/json")
            try:
                document = json.loads(response.body)
            except ValueError:
                raise FetchError(f"service discovery at {url}: not a JSON document") from None
            value = document.get(SERVICE) if isinstance(document, dict) else None
            if not isinstance(value, str) or not value:
                raise FetchError(f"host {host} does not provide a module registry ({SERVICE!r} missing at {url})")
            base = urljoin(response.url, value)
            check_url(base)
        if not base.endswith("/"):
            base += "/"
        self._bases[host] = base
        return base

    def _module_url(self, source: RegistrySource) -> str:
        parts = (source.namespace, source.name, source.provider)
        return self.base_url(source.host) + "/".join(quote(p, safe="") for p in parts)

    def versions(self, source: RegistrySource) -> list[str]:
        url = self._module_url(source) + "/versions"
        response = self.client.get(url, accept="application/json")
        try:
            document = json.loads(response.body)
            modules = document["modules"]
            return [str(v["version"]) for m in modules for v in m.get("versions", [])]
        except (ValueError, KeyError, TypeError, AttributeError):
            raise FetchError(f"GET {url}: not a module versions document") from None

    def resolve_version(self, source: RegistrySource, constraint: str) -> str:
        available = self.versions(source)
        try:
            chosen = newest_matching(available, constraint)
        except VersionError as exc:
            raise FetchError(str(exc)) from None
        if chosen is None:
            wanted = f"matching {constraint!r}" if constraint.strip() else "(no releases)"
            raise FetchError(
                f"no version of {source.display} {wanted}; available: {', '.join(available[:10]) or 'none'}"
            )
        return chosen

    def download_location(self, source: RegistrySource, version: str) -> str:
        url = self._module_url(source) + f"/{quote(version, safe='')}/download"
        response = self.client.get(url)
        location = response.headers.get("X-Terraform-Get")
        if not location and response.status == 200 and response.body:
            try:
                document = json.loads(response.body)
                location = document.get("location") if isinstance(document, dict) else None
            except ValueError:
                location = None
        if not location:
            raise FetchError(f"GET {url}: HTTP {response.status} without an X-Terraform-Get header")
        return resolve_location(str(location), response.url)


def resolve_location(location: str, download_url: str) -> str:
    """An X-Terraform-Get value as a source address: a relative URL (``./x.tgz``,
    ``/files/x.tgz``, ``x.tgz?archive=tar.gz``) resolves against the download URL; a
    go-getter address (``git::...``, ``https://...``, ``github.com/...``) stands as it is."""
    if "::" in location.split("/", 1)[0] or "://" in location:
        return location
    if location.startswith(("./", "../", "/")):
        return urljoin(download_url, location)
    if location.lower().startswith(("github.com/", "bitbucket.org/")) or "@" in location.split("/", 1)[0]:
        return location
    return urljoin(download_url, location)
