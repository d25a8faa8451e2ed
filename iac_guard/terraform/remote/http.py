"""A small, bounded HTTP(S) client for module downloads.

Every request has a timeout and a byte limit; only ``https`` is accepted, plus plain
``http`` to a loopback address (a local mirror or a test registry), on the first request
and on every redirect. Proxies come from the caller's environment mapping
(``https_proxy``/``HTTPS_PROXY``, ``http_proxy``/``HTTP_PROXY``, ``no_proxy``), never from
the process environment, and are never used for loopback addresses.
"""

from __future__ import annotations

import http.client
import ipaddress
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPMessage
from typing import IO
from urllib.parse import urlsplit

USER_AGENT = "iac-guard (module download)"
CHUNK = 64 * 1024
MAX_REDIRECTS = 10


class FetchError(Exception):
    """A download that failed (network, status, limits); the message names the URL."""


class UnsafeContent(FetchError):
    """Fetched content refused as hostile: path traversal, escaping links, devices."""


def is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, *, schemes: tuple[str, ...] = ("https",)) -> None:
    """Refuse anything but ``schemes`` (plain http: loopback only)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if scheme == "http" and is_loopback(host):
        return
    if scheme not in schemes or not host:
        if scheme == "http":
            raise FetchError(f"refusing plain http for {url} (https is required except for loopback addresses)")
        raise FetchError(f"refusing URL {url!r} (scheme {scheme or 'none'!r} not allowed)")


@dataclass(frozen=True)
class Response:
    url: str  # the final URL, after redirects
    status: int
    headers: Message
    body: bytes


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage, newurl: str
    ) -> urllib.request.Request | None:
        check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _proxies(url: str, env: Mapping[str, str]) -> dict[str, str]:
    host = (urlsplit(url).hostname or "").lower()
    if is_loopback(host):
        return {}
    no_proxy = env.get("no_proxy") or env.get("NO_PROXY") or ""
    for entry in (e.strip().lower().lstrip(".") for e in no_proxy.split(",")):
        if entry == "*" or (entry and (host == entry or host.endswith("." + entry))):
            return {}
    out = {}
    for scheme in ("https", "http"):
        value = env.get(f"{scheme}_proxy") or env.get(f"{scheme.upper()}_PROXY")
        if value:
            out[scheme] = value
    return out


class HttpClient:
    def __init__(self, *, timeout: float, max_bytes: int, env: Mapping[str, str]) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.env = env

    def get(self, url: str, *, accept: str = "*/*") -> Response:
        """GET ``url``; FetchError on a refused URL, a network error, a status >= 400 or a
        body over the byte limit."""
        check_url(url)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler(_proxies(url, self.env)), _CheckedRedirects())
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": accept})
        try:
            with opener.open(request, timeout=self.timeout) as response:
                body = self._read(response, url)
                return Response(response.geturl(), response.status, response.headers, body)
        except urllib.error.HTTPError as exc:
            raise FetchError(f"GET {url}: HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, FetchError):
                raise exc.reason from None
            raise FetchError(f"GET {url}: {exc.reason}") from None
        except FetchError:
            raise
        except (OSError, ValueError, http.client.HTTPException) as exc:
            raise FetchError(f"GET {url}: {exc or type(exc).__name__}") from None

    def _read(self, response: IO[bytes], url: str) -> bytes:
        """The body, within the byte limit and the time limit (the socket timeout bounds
        each read; this bounds the whole transfer, so a server sending a byte at a time
        cannot hold the scan)."""
        chunks: list[bytes] = []
        total = 0
        deadline = time.monotonic() + self.timeout
        while True:
            chunk = response.read(CHUNK)
            if not chunk:
                return b"".join(chunks)
            if time.monotonic() > deadline:
                raise FetchError(f"GET {url}: transfer took longer than {self.timeout:g} s")
            total += len(chunk)
            if total > self.max_bytes:
                raise FetchError(f"GET {url}: response larger than the limit of {self.max_bytes} bytes")
            chunks.append(chunk)
