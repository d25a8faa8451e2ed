"""The one sticky summary comment on a pull request (one per ``--comment-key``).

Ours is the comment that carries our marker (``markdown.summary_marker``: the comment
key's own, so a keyed scan never edits the unkeyed comment or another key's) AND was
written by the token's own
identity: ``GET /user`` for a personal or app-user token; the workflow's
``GITHUB_TOKEN`` (an installation token) is refused ``GET /user`` with 403, and its
comments are authored by ``github-actions[bot]``. Every page of comments is read; the
first comment of ours is edited in place (nothing is sent when the body is unchanged);
a comment by anyone else that contains the marker is never touched. A clean PR that has
no comment of ours gets none; one that has one sees it updated to say it is clean.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # PyGithub loads when the API is called
    from github import Github
    from github.Issue import Issue
    from github.IssueComment import IssueComment
    from github.PullRequestComment import PullRequestComment

from iac_guard.github.client import RetryPolicy, is_rate_limit
from iac_guard.report.markdown import summary_marker

ACTIONS_BOT = "github-actions[bot]"


@dataclass(frozen=True)
class Identity:
    """Who the token comments as."""

    login: str

    def wrote(self, comment: IssueComment | PullRequestComment) -> bool:
        user = comment.user
        return user is not None and (user.login or "").lower() == self.login.lower()


def identity(client: Github, retry: RetryPolicy, login: str = "") -> Identity:
    """Who the token comments as: ``login`` when given (a GitHub App's installation token
    comments as ``<app>[bot]``, which no endpoint tells that token), else ``GET /user``,
    else (refused: the workflow's installation token) ``github-actions[bot]``."""
    from github import GithubException

    if login:
        return Identity(login)
    try:
        login = retry.call(lambda: client.get_user().login)
    except GithubException as exc:
        if exc.status == 403 and not is_rate_limit(exc):
            return Identity(ACTIONS_BOT)  # an installation token: GET /user is refused
        raise
    return Identity(str(login))


@dataclass(frozen=True)
class CommentResult:
    action: str  # "created", "updated", "unchanged", "skipped"
    url: str = ""


def ours(issue: Issue, me: Identity, key: str = "") -> list[IssueComment]:
    """Our comments with the marker of ``key`` on the issue, oldest first (every page read)."""
    marker = summary_marker(key)
    return [c for c in issue.get_comments() if marker in (c.body or "") and me.wrote(c)]


def upsert(issue: Issue, body: str, me: Identity, retry: RetryPolicy, *, clean: bool, key: str = "") -> CommentResult:
    """Create or edit our comment for ``key``. Idempotent, so it is retried as a whole."""

    def attempt() -> CommentResult:
        existing = ours(issue, me, key)
        if existing:
            comment = existing[0]
            if comment.body == body:
                return CommentResult("unchanged", comment.html_url or "")
            comment.edit(body)
            return CommentResult("updated", comment.html_url or "")
        if clean:
            return CommentResult("skipped")
        created = issue.create_comment(body)
        return CommentResult("created", created.html_url or "")

    return retry.call(attempt)
