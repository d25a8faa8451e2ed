"""The GitHub Actions environment, read only from GitHub's standard variables.

``GITHUB_API_URL`` (so GitHub Enterprise Server works), ``GITHUB_SERVER_URL``,
``GITHUB_REPOSITORY``, ``GITHUB_EVENT_NAME``, ``GITHUB_EVENT_PATH`` (the PR number, its
head commit and whether it comes from a fork), ``IAC_GUARD_GITHUB_TOKEN`` or
``GITHUB_TOKEN`` (and ``IAC_GUARD_GITHUB_LOGIN`` for a GitHub App's token), ``GITHUB_RUN_ID``, ``GITHUB_SHA``, ``GITHUB_ACTIONS``,
``GITHUB_STEP_SUMMARY`` and ``GITHUB_OUTPUT``. Read when a run needs it, never at import.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iac_guard.report.base import Links

DEFAULT_API_URL = "https://api.github.com"
DEFAULT_SERVER_URL = "https://github.com"


@dataclass(frozen=True)
class PullRequest:
    number: int
    head_sha: str
    base_repo: str  # owner/name the PR targets
    head_repo: str  # owner/name the PR comes from ("" when that fork was deleted)

    @property
    def fork(self) -> bool:
        return self.head_repo != self.base_repo


@dataclass(frozen=True)
class GitHubContext:
    actions: bool = False  # running as a GitHub Actions step
    api_url: str = DEFAULT_API_URL
    server_url: str = DEFAULT_SERVER_URL
    repository: str = ""
    event_name: str = ""
    token: str = field(default="", repr=False)
    login: str = ""  # IAC_GUARD_GITHUB_LOGIN: who the token comments as, when GET /user cannot tell
    run_id: str = ""
    sha: str = ""  # GITHUB_SHA: for pull_request events, the merge commit
    ref: str = ""  # the branch: GITHUB_HEAD_REF (a pull request's source branch), else GITHUB_REF_NAME
    step_summary: str = ""  # path of the step summary file
    output: str = ""  # path of the step outputs file
    pull_request: PullRequest | None = None
    event_error: str = ""  # why GITHUB_EVENT_PATH could not be read

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> GitHubContext:
        pull_request, error = _pull_request(environ.get("GITHUB_EVENT_PATH", ""))
        return cls(
            actions=environ.get("GITHUB_ACTIONS") == "true",
            api_url=(environ.get("GITHUB_API_URL") or DEFAULT_API_URL).rstrip("/"),
            server_url=(environ.get("GITHUB_SERVER_URL") or DEFAULT_SERVER_URL).rstrip("/"),
            repository=environ.get("GITHUB_REPOSITORY", ""),
            event_name=environ.get("GITHUB_EVENT_NAME", ""),
            token=environ.get("IAC_GUARD_GITHUB_TOKEN") or environ.get("GITHUB_TOKEN", ""),
            login=environ.get("IAC_GUARD_GITHUB_LOGIN", ""),
            run_id=environ.get("GITHUB_RUN_ID", ""),
            sha=environ.get("GITHUB_SHA", ""),
            ref=environ.get("GITHUB_HEAD_REF") or environ.get("GITHUB_REF_NAME", ""),
            step_summary=environ.get("GITHUB_STEP_SUMMARY", ""),
            output=environ.get("GITHUB_OUTPUT", ""),
            pull_request=pull_request,
            event_error=error,
        )

    @property
    def run_url(self) -> str:
        if not (self.repository and self.run_id):
            return ""
        return f"{self.server_url}/{self.repository}/actions/runs/{self.run_id}"

    @property
    def links(self) -> Links:
        """Links for reports: files at the PR's head commit (GITHUB_SHA is a merge commit
        that the PR's readers never see), else at GITHUB_SHA."""
        sha = self.pull_request.head_sha if self.pull_request else self.sha
        return Links(server_url=self.server_url if self.repository else "", repository=self.repository, sha=sha, run_url=self.run_url)


def _pull_request(event_path: str) -> tuple[PullRequest | None, str]:
    """The pull request of the event payload, or None (with the reason when the payload
    is unreadable)."""
    if not event_path:
        return None, ""
    try:
        event: Any = json.loads(Path(event_path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return None, f"cannot read the event payload {event_path}: {exc}"
    pr = event.get("pull_request") if isinstance(event, dict) else None
    if not isinstance(pr, dict):
        return None, ""
    try:
        head = pr.get("head") or {}
        base = pr.get("base") or {}
        return (
            PullRequest(
                number=int(pr.get("number") or event.get("number")),
                head_sha=str(head.get("sha") or ""),
                base_repo=str((base.get("repo") or {}).get("full_name") or ""),
                head_repo=str((head.get("repo") or {}).get("full_name") or ""),
            ),
            "",
        )
    except (TypeError, ValueError, AttributeError) as exc:
        return None, f"unexpected pull_request payload in {event_path}: {exc}"
