"""Alerts to a chat webhook: a Slack-compatible incoming webhook (``{"text": ...}``, which
Slack, Mattermost, Rocket.Chat and Microsoft Teams workflows accept), posted with bounded
retries. The URL is a secret (Slack's carries a token): it is never logged or put in an
error message, only its host."""

from __future__ import annotations

import http.client
import json
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

WEBHOOK_ENV = "IAC_GUARD_WEBHOOK_URL"
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_MENTION = re.compile(r"([@#])(?=[\w\-])")


@dataclass(frozen=True)
class Delivery:
    ok: bool
    attempts: int
    status: int | None = None  # the last HTTP status (None: no answer)
    error: str = ""


def post(
    url: str,
    text: str,
    *,
    attempts: int = 3,
    timeout: float = 10.0,
    max_wait: float = 30.0,
    sleep: Callable[[float], None] = time.sleep,
) -> Delivery:
    """POST ``{"text": text}`` to ``url``. Retries on 429 (after its Retry-After, capped at
    ``max_wait``), 5xx and connection errors, at most ``attempts`` times in all; 4xx other
    than 429 is final. Never raises."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return Delivery(False, 0, error="the webhook URL must be http(s)://...")
    body = json.dumps({"text": text}).encode()
    status: int | None = None
    error = ""
    for attempt in range(1, attempts + 1):
        request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": "application/json"})
        wait = min(2.0 ** (attempt - 1), max_wait)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return Delivery(True, attempt, response.status)
        except urllib.error.HTTPError as exc:
            status, error = exc.code, f"{parts.hostname} answered {exc.code}"
            if exc.code != 429 and exc.code < 500:
                return Delivery(False, attempt, status, error)
            retry_after = exc.headers.get("Retry-After", "") if exc.headers else ""
            if retry_after.strip().isdigit():
                wait = min(float(retry_after.strip()), max_wait)
        except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:  # InvalidURL, a broken answer
            reason = str(getattr(exc, "reason", exc))
            for secret in (url, parts.path, parts.query):
                reason = reason.replace(secret, "...") if secret else reason
            status, error = None, f"cannot reach {parts.hostname}: {reason}"
        if attempt < attempts:
            sleep(wait)
    return Delivery(False, attempts, status, error)


def plain(text: str, limit: int = 500) -> str:
    """Untrusted text (a repository's name, an error message) made safe for a chat message:
    one line, no control characters, bounded, ``& < >`` as entities (Slack's escaping: no
    ``<!channel>``, ``<@U123>`` or ``<url|link>`` gets through) and no ``@here`` or
    ``#channel`` mention (a zero-width joiner after the sign)."""
    line = " ".join(_CONTROL.sub("", str(text)).split())
    if len(line) > limit:
        line = line[: limit - 1] + "\u2026"
    line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MENTION.sub(lambda m: m.group(1) + "\u200d", line)
