"""Line comments on a pull request: only on lines the PR adds or changes, at most once
per finding across re-runs.

The PR's files (every page) give each file's patch; a finding is commented on its own
line when that line is changed, else on the first changed line of its resource block
(``line``..``end_line``), else not at all. Each comment carries a hidden marker with
the finding's fingerprint, which does not change when lines move; a finding whose
fingerprint already appears in a review comment of ours is not commented on again. New
comments go out as one review (event ``COMMENT``), so the PR gets one notification.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # PyGithub loads when the API is called
    from github.Commit import Commit
    from github.PullRequest import PullRequest

from iac_guard.github.client import RetryPolicy
from iac_guard.github.comments import Identity
from iac_guard.models import Finding, ScanResult
from iac_guard.report.base import RenderOptions, failing, repo_path
from iac_guard.report.markdown import escape, safe_url

MAX_REVIEW_COMMENTS = 30
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@")
_FINGERPRINT = re.compile(r"<!-- iac-guard:finding ([0-9a-f]+) -->")


def finding_marker(fingerprint: str) -> str:
    return f"<!-- iac-guard:finding {fingerprint} -->"


def added_lines(patch: str | None) -> frozenset[int]:
    """Line numbers (in the new file) that a unified-diff patch adds."""
    lines: set[int] = set()
    new = 0
    for text in (patch or "").splitlines():
        hunk = _HUNK.match(text)
        if hunk:
            new = int(hunk.group(1))
            continue
        if not new or text.startswith("\\"):
            continue  # before the first hunk, or "\ No newline at end of file"
        if text.startswith("+"):
            lines.add(new)
            new += 1
        elif text.startswith("-"):
            continue
        else:
            new += 1
    return frozenset(lines)


@dataclass(frozen=True)
class LineComment:
    path: str
    line: int
    body: str
    fingerprint: str


def comment_line(finding: Finding, changed: frozenset[int]) -> int | None:
    if finding.line in changed:
        return finding.line
    end = max(finding.end_line or finding.line, finding.line)
    return next((n for n in range(finding.line, end + 1) if n in changed), None)


def body(finding: Finding) -> str:
    parts = [
        finding_marker(finding.fingerprint),
        f"**iac-guard {escape(finding.severity.value, 20)} \u00b7 {escape(finding.rule_id, 100)}** {escape(finding.title, 200)}",
        "",
        escape(finding.message, 1000),
    ]
    if finding.resource:
        parts += ["", f"Resource: {escape(finding.resource, 300)}"]
    if finding.remediation:
        parts += ["", f"**Fix:** {escape(finding.remediation, 1000)}"]
    docs = safe_url(finding.docs_url)
    if docs:
        parts += ["", f"[Documentation]({docs})"]
    return "\n".join(parts) + "\n"


def plan(
    result: ScanResult,
    options: RenderOptions,
    changed: dict[str, frozenset[int]],
    posted: set[str],
    limit: int = MAX_REVIEW_COMMENTS,
) -> list[LineComment]:
    """The new line comments: blocking findings on changed lines not commented before."""
    out: list[LineComment] = []
    seen = set(posted)
    fails = failing(result)
    for finding in result.findings:
        if len(out) >= limit:
            break
        if finding not in fails or finding.fingerprint in seen:
            continue
        path = repo_path(finding.file, options)
        line = comment_line(finding, changed.get(path, frozenset()))
        if line is None:
            continue
        seen.add(finding.fingerprint)
        out.append(LineComment(path, line, body(finding), finding.fingerprint))
    return out


def posted_fingerprints(bodies: Iterable[str]) -> set[str]:
    return {m.group(1) for text in bodies for m in _FINGERPRINT.finditer(text or "")}


def post(
    pull: PullRequest,
    head: Commit,
    result: ScanResult,
    options: RenderOptions,
    me: Identity,
    retry: RetryPolicy,
) -> int:
    """Post the new line comments as one review on ``head`` (the commit the scan saw, from
    ``Repository.get_commit``: on the lazy client that costs no request, the sha is read
    from its URL); return how many. Retried as a whole: a retry re-reads what
    is already posted."""

    def attempt() -> int:
        changed = {f.filename: added_lines(f.patch) for f in pull.get_files()}
        mine = [c.body for c in pull.get_review_comments() if me.wrote(c)]
        comments = plan(result, options, changed, posted_fingerprints(mine))
        if not comments:
            return 0
        _create_review(pull, head, comments)
        return len(comments)

    return retry.call(attempt)


def _create_review(pull: PullRequest, head: Commit, comments: Sequence[LineComment]) -> None:
    n = len(comments)
    pull.create_review(
        commit=head,
        body=f"iac-guard: {n} finding{'s' if n != 1 else ''} on lines this pull request changes.",
        event="COMMENT",
        comments=[{"path": c.path, "line": c.line, "side": "RIGHT", "body": c.body} for c in comments],
    )
