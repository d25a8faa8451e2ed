"""A local HTTP server that behaves like the parts of GitHub's REST API that iac-guard
uses, as GitHub's REST documentation describes them, so the tests run the real PyGithub
client (its requests, pagination and error mapping) with no network.

What it does the way GitHub does:

- Authentication with ``Authorization: token|Bearer <token>``; an unknown token gets
  401 "Bad credentials".
- ``GET /user``: the token's user; for an installation token (the workflow's
  ``GITHUB_TOKEN``) 403 "Resource not accessible by integration". Comments written with
  such a token are authored by ``github-actions[bot]`` (``type: Bot``).
- Issue comments (list, create, edit) and pull request files, review comments and
  reviews, with pagination: ``per_page`` (default 30, at most 100), ``page``, and a
  ``Link`` header with ``rel="next"``, ``"last"``, ``"first"``, ``"prev"``.
- A read-only token (a fork's ``pull_request`` token) gets 403 "Resource not accessible
  by integration" on every write.
- A comment body over 65,536 characters gets 422 "Validation Failed" ("body is too
  long (maximum is 65536 characters)").
- Editing someone else's comment without admin rights gets 403.
- A review comment on a line outside the diff gets 422 ("Pull request review thread line
  must be part of the diff").
- Injected failures (``fail``): a secondary rate limit (403 with ``retry-after`` and
  GitHub's message), a primary one (403, ``x-ratelimit-remaining: 0`` and
  ``x-ratelimit-reset``), a 429 or a 5xx, for the next N matching requests.

Every request is recorded in ``requests`` as (method, path with query).
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

MAX_BODY = 65_536
INTEGRATION = "Resource not accessible by integration"
SECONDARY_RATE_LIMIT = (
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. "
    "If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000."
)


@dataclass
class Account:
    login: str
    id: int
    type: str = "User"  # "User" or "Bot"
    integration: bool = False  # an installation token: GET /user is refused
    read_only: bool = False  # writes are refused
    admin: bool = False  # may edit anyone's comment

    def user(self, base: str) -> dict[str, Any]:
        return {
            "login": self.login,
            "id": self.id,
            "node_id": f"U_{self.id}",
            "type": self.type,
            "site_admin": False,
            "url": f"{base}/users/{self.login}",
            "html_url": f"https://github.example/{self.login}",
        }


ACTIONS_BOT = Account("github-actions[bot]", 41898282, type="Bot", integration=True)


@dataclass
class Failure:
    method: str
    path: re.Pattern[str]
    status: int
    body: dict[str, Any]
    headers: dict[str, str]
    times: int


@dataclass
class FakeGitHub:
    repository: str = "octo/infra"
    tokens: dict[str, Account] = field(default_factory=dict)
    issue_comments: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    review_comments: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    pr_files: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    reviews: list[dict[str, Any]] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    _next_id: int = 1000
    _server: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # -- set-up ------------------------------------------------------------------------

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FakeGitHub:
        handler = type("Handler", (_Handler,), {"fake": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def add_token(self, token: str, account: Account) -> None:
        self.tokens[token] = account

    def add_comment(self, number: int, author: Account, body: str) -> dict[str, Any]:
        with self._lock:
            return self._new_issue_comment(number, author, body)

    def fail(self, method: str, path: str, status: int, message: str, headers: dict[str, str] | None = None, times: int = 1) -> None:
        """The next ``times`` requests matching METHOD and the path regex fail."""
        self.failures.append(Failure(method, re.compile(path), status, {"message": message, "documentation_url": "https://docs.github.com/rest"}, headers or {}, times))

    def secondary_rate_limit(self, method: str, path: str, retry_after: int = 60, times: int = 1) -> None:
        self.fail(method, path, 403, SECONDARY_RATE_LIMIT, {"retry-after": str(retry_after)}, times)

    def comments_by(self, number: int, login: str) -> list[dict[str, Any]]:
        return [c for c in self.issue_comments.get(number, []) if c["user"]["login"] == login]

    def writes(self) -> list[tuple[str, str]]:
        return [r for r in self.requests if r[0] in ("POST", "PATCH", "PUT", "DELETE")]

    # -- behaviour ---------------------------------------------------------------------

    def _new_issue_comment(self, number: int, author: Account, body: str) -> dict[str, Any]:
        self._next_id += 1
        cid = self._next_id
        base = self.url
        comment = {
            "id": cid,
            "node_id": f"IC_{cid}",
            "url": f"{base}/repos/{self.repository}/issues/comments/{cid}",
            "html_url": f"https://github.example/{self.repository}/pull/{number}#issuecomment-{cid}",
            "issue_url": f"{base}/repos/{self.repository}/issues/{number}",
            "body": body,
            "user": author.user(base),
            "created_at": "2026-01-01T00:00:00Z",
            "updated_at": "2026-01-01T00:00:00Z",
            "author_association": "CONTRIBUTOR",
        }
        self.issue_comments.setdefault(number, []).append(comment)
        return comment

    def handle(self, method: str, raw_path: str, headers: dict[str, str], payload: Any) -> tuple[int, Any, dict[str, str]]:
        with self._lock:
            self.requests.append((method, raw_path))
            parts = urlsplit(raw_path)
            path, query = parts.path, {k: v[-1] for k, v in parse_qs(parts.query).items()}
            for failure in self.failures:
                if failure.times > 0 and failure.method == method and failure.path.search(path):
                    failure.times -= 1
                    return failure.status, failure.body, failure.headers
            auth = headers.get("authorization", "")
            token = auth.split(" ", 1)[1] if " " in auth else ""
            account = self.tokens.get(token)
            if account is None:
                return 401, {"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"}, {}
            return self._route(method, path, query, payload, account)

    def _route(self, method: str, path: str, query: dict[str, str], payload: Any, me: Account) -> tuple[int, Any, dict[str, str]]:
        repo = re.escape(self.repository)
        if path == "/user" and method == "GET":
            if me.integration:
                return _forbidden()
            return 200, me.user(self.url), {}
        if method in ("POST", "PATCH") and me.read_only:
            return _forbidden()
        m = re.fullmatch(rf"/repos/{repo}/issues/(\d+)/comments", path)
        if m:
            number = int(m.group(1))
            if method == "GET":
                return self._page(path, query, self.issue_comments.get(number, []))
            if method == "POST":
                body = str(payload.get("body", ""))
                if len(body) > MAX_BODY:
                    return _too_long("IssueComment")
                return 201, self._new_issue_comment(number, me, body), {}
        m = re.fullmatch(rf"/repos/{repo}/issues/comments/(\d+)", path)
        if m and method == "PATCH":
            comment = next((c for n in self.issue_comments.values() for c in n if c["id"] == int(m.group(1))), None)
            if comment is None:
                return 404, {"message": "Not Found"}, {}
            if comment["user"]["login"] != me.login and not me.admin:
                return 403, {"message": "Must have admin rights to Repository."}, {}
            body = str(payload.get("body", ""))
            if len(body) > MAX_BODY:
                return _too_long("IssueComment")
            comment["body"] = body
            comment["updated_at"] = "2026-01-02T00:00:00Z"
            return 200, comment, {}
        m = re.fullmatch(rf"/repos/{repo}/pulls/(\d+)/files", path)
        if m and method == "GET":
            return self._page(path, query, self.pr_files.get(int(m.group(1)), []))
        m = re.fullmatch(rf"/repos/{repo}/pulls/(\d+)/comments", path)
        if m and method == "GET":
            return self._page(path, query, self.review_comments.get(int(m.group(1)), []))
        m = re.fullmatch(rf"/repos/{repo}/pulls/(\d+)/reviews", path)
        if m and method == "POST":
            return self._review(int(m.group(1)), payload, me)
        return 404, {"message": "Not Found", "documentation_url": "https://docs.github.com/rest"}, {}

    def _review(self, number: int, payload: dict[str, Any], me: Account) -> tuple[int, Any, dict[str, str]]:
        files = {f["filename"]: f for f in self.pr_files.get(number, [])}
        for c in payload.get("comments", []):
            if len(str(c.get("body", ""))) > MAX_BODY:
                return _too_long("PullRequestReviewComment")
            diff_lines = _diff_lines(files.get(c.get("path"), {}).get("patch"))
            if c.get("line") not in diff_lines:
                return 422, {"message": "Unprocessable Entity", "errors": ["Pull request review thread line must be part of the diff"], "status": "422"}, {}
        self._next_id += 1
        review = {"id": self._next_id, "user": me.user(self.url), "body": payload.get("body", ""), "state": "COMMENTED", "commit_id": payload.get("commit_id")}
        self.reviews.append(review)
        for c in payload.get("comments", []):
            self._next_id += 1
            self.review_comments.setdefault(number, []).append(
                {
                    "id": self._next_id,
                    "pull_request_review_id": review["id"],
                    "path": c["path"],
                    "line": c["line"],
                    "side": c.get("side", "RIGHT"),
                    "commit_id": payload.get("commit_id"),
                    "body": c["body"],
                    "user": me.user(self.url),
                    "url": f"{self.url}/repos/{self.repository}/pulls/comments/{self._next_id}",
                }
            )
        return 200, review, {}

    def _page(self, path: str, query: dict[str, str], items: list[dict[str, Any]]) -> tuple[int, Any, dict[str, str]]:
        per_page = min(int(query.get("per_page", 30)), 100)
        page = max(int(query.get("page", 1)), 1)
        last = max(1, -(-len(items) // per_page))
        links = []
        for rel, target in (("prev", page - 1), ("next", page + 1), ("last", last), ("first", 1)):
            if (rel == "prev" and page > 1) or (rel == "next" and page < last) or (rel in ("last", "first") and last > 1):
                links.append(f'<{self.url}{path}?{urlencode({**query, "per_page": per_page, "page": target})}>; rel="{rel}"')
        headers = {"Link": ", ".join(links)} if links else {}
        return 200, items[(page - 1) * per_page : page * per_page], headers


def _forbidden() -> tuple[int, Any, dict[str, str]]:
    return 403, {"message": INTEGRATION, "documentation_url": "https://docs.github.com/rest", "status": "403"}, {}


def _too_long(resource: str) -> tuple[int, Any, dict[str, str]]:
    error = {"resource": resource, "code": "custom", "field": "body", "message": f"body is too long (maximum is {MAX_BODY} characters)"}
    return 422, {"message": "Validation Failed", "errors": [error], "documentation_url": "https://docs.github.com/rest", "status": "422"}, {}


def _diff_lines(patch: str | None) -> set[int]:
    """Lines of the new file a review comment may be placed on: added and context lines."""
    out: set[int] = set()
    new = 0
    for text in (patch or "").splitlines():
        m = re.match(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@", text)
        if m:
            new = int(m.group(1))
        elif new and not text.startswith(("-", "\\")):
            out.add(new)
            new += 1
    return out


class _Handler(BaseHTTPRequestHandler):
    fake: FakeGitHub
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _serve(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        payload = json.loads(raw) if raw else {}
        headers = {k.lower(): v for k, v in self.headers.items()}
        status, body, extra = self.fake.handle(method, self.path, headers, payload)
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for key, value in extra.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_PATCH(self) -> None:
        self._serve("PATCH")
