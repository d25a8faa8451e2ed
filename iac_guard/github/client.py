"""The PyGithub client and the retry policy around it.

PyGithub's own ``GithubRetry`` (a urllib3 ``Retry``) is switched off (``retry=None``):
it sleeps through ``time.sleep`` inside urllib3 (no bound we control and nothing a test
can replace), it retries any POST on a 5xx (a comment whose creation succeeded behind a
502 would be posted twice), and it does not treat 429 as a rate limit. Instead every
unit of work is retried here as a whole, and each unit is idempotent: "list the comments,
then edit ours or create it" re-lists after a failure, so a retried create that had in
fact succeeded edits that comment instead of adding another.

What is retried, as GitHub's REST docs describe rate limits:

- 403/429 with ``retry-after``: wait that many seconds;
- 403/429 with ``x-ratelimit-remaining: 0``: wait until ``x-ratelimit-reset`` (+1 s);
- 403/429 whose message is a secondary rate limit without either header: wait at least
  a minute, doubling;
- 5xx and connection errors: exponential backoff (honouring ``retry-after`` if sent).

A wait longer than ``max_delay`` or more than ``attempts`` tries gives up with the
error. ``sleep`` and ``clock`` are injectable, so tests never wait.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # PyGithub and requests load when the API is called (not on every scan)
    from github import Github, GithubException

from iac_guard.github.context import GitHubContext

T = TypeVar("T")

SECONDARY_RATE_LIMIT_WAIT = 60.0


def _header(exc: GithubException, name: str) -> str | None:
    headers: Mapping[str, Any] = exc.headers or {}
    for key, value in headers.items():
        if key.lower() == name:
            return str(value)
    return None


def error_message(exc: BaseException) -> str:
    """GitHub's ``message`` for an API error, else the exception text."""
    from github import GithubException

    if isinstance(exc, GithubException):
        data = exc.data if isinstance(exc.data, dict) else {}
        message = str(data.get("message") or exc.message or "")
        errors = data.get("errors")
        if isinstance(errors, list):
            details = [str(e.get("message") or e.get("code") or "") for e in errors if isinstance(e, dict)]
            details = [d for d in details if d]
            if details:
                message += f" ({'; '.join(details)})"
        return f"HTTP {exc.status}: {message}" if message else f"HTTP {exc.status}"
    return f"{type(exc).__name__}: {exc}"


def is_rate_limit(exc: BaseException) -> bool:
    from github import GithubException

    if not isinstance(exc, GithubException) or exc.status not in (403, 429):
        return False
    if exc.status == 429 or _header(exc, "retry-after") is not None or _header(exc, "x-ratelimit-remaining") == "0":
        return True
    message = error_message(exc).lower()
    return "rate limit" in message


def is_permission_denied(exc: BaseException) -> bool:
    """A 403 that is not a rate limit: a read-only token (fork PR) or missing permission."""
    from github import GithubException

    return isinstance(exc, GithubException) and exc.status in (401, 403, 404) and not is_rate_limit(exc)


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4
    base_delay: float = 2.0
    max_delay: float = 120.0
    sleep: Callable[[float], None] = field(default=time.sleep, compare=False)
    clock: Callable[[], float] = field(default=time.time, compare=False)

    def delay(self, exc: BaseException, attempt: int) -> float | None:
        """Seconds to wait before the next try, or None to give up."""
        import requests
        from github import GithubException

        backoff = self.base_delay * 2 ** (attempt - 1)
        if isinstance(exc, GithubException):
            retry_after = _header(exc, "retry-after")
            if is_rate_limit(exc):
                if retry_after is not None:
                    wait = _seconds(retry_after)
                elif _header(exc, "x-ratelimit-remaining") == "0" and _header(exc, "x-ratelimit-reset"):
                    wait = _seconds(_header(exc, "x-ratelimit-reset") or "0") - self.clock() + 1
                else:
                    wait = max(SECONDARY_RATE_LIMIT_WAIT, backoff)
            elif exc.status >= 500:
                wait = _seconds(retry_after) if retry_after is not None else backoff
            else:
                return None
        elif isinstance(exc, (requests.ConnectionError, requests.Timeout)):
            wait = backoff
        else:
            return None
        wait = max(0.0, wait)
        return wait if wait <= self.max_delay else None

    def call(self, operation: Callable[[], T]) -> T:
        """Run ``operation`` (idempotent as a whole) until it succeeds or may not be retried."""
        attempt = 1
        while True:
            try:
                return operation()
            except Exception as exc:
                wait = self.delay(exc, attempt)
                if wait is None or attempt >= self.attempts:
                    raise
                self.sleep(wait)
                attempt += 1


def _seconds(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return SECONDARY_RATE_LIMIT_WAIT


@dataclass(frozen=True)
class ClientSettings:
    """How the API is called. The pauses between requests are PyGithub's defaults, the
    pacing GitHub recommends against secondary rate limits; tests set them to 0."""

    retry: RetryPolicy = field(default_factory=RetryPolicy)
    seconds_between_requests: float = 0.25
    seconds_between_writes: float = 1.0
    timeout: int = 30
    per_page: int = 100


def connect(context: GitHubContext, settings: ClientSettings) -> Github:
    """A PyGithub client for ``GITHUB_API_URL`` (GitHub Enterprise Server included)."""
    from github import Auth, Github

    return Github(
        auth=Auth.Token(context.token),
        base_url=context.api_url,
        timeout=settings.timeout,
        per_page=settings.per_page,
        retry=None,
        seconds_between_requests=settings.seconds_between_requests,
        seconds_between_writes=settings.seconds_between_writes,
        lazy=True,
    )
