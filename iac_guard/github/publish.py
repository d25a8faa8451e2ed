"""The publish stage: everything a scan does to GitHub. ``publish_all`` gives the step its
annotations, job summary and outputs (``workflow.finish``), then publishes to the pull
request: the sticky summary comment (``--pr-comment``) and line comments
(``--review-comments``).

Publishing never changes the exit code, which reflects the findings alone. When the PR
cannot be written to (a fork's read-only token, a missing ``pull-requests: write``
permission, no token), the scan falls back to what its step already has, the annotations
and the step summary, and says so in a notice. Any other failure (after the retries of
``client.RetryPolicy``) is reported the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from iac_guard import interrupts
from iac_guard.github import comments, review, workflow
from iac_guard.github.client import ClientSettings, connect, error_message, is_permission_denied
from iac_guard.github.context import GitHubContext
from iac_guard.github.workflow import StepOutput
from iac_guard.models import ScanResult
from iac_guard.report import options_for
from iac_guard.report.annotations import command
from iac_guard.report.base import ReportSettings
from iac_guard.report.markdown import COMMENT_LIMIT, render_body

if TYPE_CHECKING:  # PyGithub loads when the API is called
    from github import Github


@dataclass(frozen=True)
class PublishOutcome:
    stdout: str = ""  # workflow commands (the fallback notice): see workflow.with_commands
    stderr: str = ""  # what happened, for the log
    comment: str = ""  # "created", "updated", "unchanged", "skipped" or "" (not published)
    comment_url: str = ""
    review_comments: int = 0
    fallback: bool = False  # the PR could not be written to


@dataclass(frozen=True)
class Publisher:
    settings: ClientSettings = field(default_factory=ClientSettings)
    connect: Callable[[GitHubContext, ClientSettings], Github] = field(default=connect, compare=False)


DEFAULT_PUBLISHER = Publisher()


@dataclass(frozen=True)
class Published:
    """What the publish stage leaves: what the process prints (the report, guarded and
    followed by the annotations in GitHub Actions; warnings) and what happened on the PR."""

    step: StepOutput
    pull_request: PublishOutcome


def publish_all(
    result: ScanResult, config: ReportSettings, context: GitHubContext, report: str, publisher: Publisher | None = None
) -> Published:
    """The step's annotations, summary and outputs around ``report`` (the standard-output
    report), then the pull request. Never raises (but KeyboardInterrupt); never changes the
    exit code."""
    interrupts.check()  # a Ctrl-C Python dropped: nothing published
    step = workflow.finish(result, config, context, report)
    outcome = publish(result, config, context, publisher)
    step = workflow.with_commands(step, outcome.stdout, config)
    return Published(StepOutput(step.stdout, step.stderr + outcome.stderr), outcome)


def publish(result: ScanResult, config: ReportSettings, context: GitHubContext, publisher: Publisher | None = None) -> PublishOutcome:
    if not (config.pr_comment or config.review_comments):
        return PublishOutcome()
    publisher = publisher or DEFAULT_PUBLISHER
    pr = context.pull_request
    if context.event_error:
        return _fallback(context, f"cannot publish to the pull request: {context.event_error}")
    if pr is None:
        what = f"a {context.event_name} event" if context.event_name else "no GitHub Actions pull request event"
        return PublishOutcome(stderr=f"iac-guard: not publishing to a pull request: this is {what}\n")
    if not context.token:
        return _fallback(context, "no token to comment with: set GITHUB_TOKEN (or IAC_GUARD_GITHUB_TOKEN) in the step's env")
    if pr.fork and context.event_name == "pull_request":
        return _fallback(context, f"pull request #{pr.number} comes from a fork ({pr.head_repo or 'deleted'}): its token is read-only")
    try:
        return _publish(result, config, context, publisher)
    except Exception as exc:
        if is_permission_denied(exc):
            return _fallback(context, f"the token may not write to pull request #{pr.number} ({error_message(exc)}); grant `pull-requests: write`")
        return _fallback(context, f"publishing to pull request #{pr.number} failed: {error_message(exc)}")


def _publish(result: ScanResult, config: ReportSettings, context: GitHubContext, publisher: Publisher) -> PublishOutcome:
    assert context.pull_request is not None
    pr = context.pull_request
    retry = publisher.settings.retry
    client = publisher.connect(context, publisher.settings)
    me = comments.identity(client, retry, context.login)
    repo = client.get_repo(context.repository)
    options = options_for(result, config, context.links)
    log: list[str] = []
    action = url = ""
    if config.pr_comment:
        body = render_body(result, options, COMMENT_LIMIT)
        clean = not result.findings and not result.problems
        outcome = comments.upsert(repo.get_issue(pr.number), body, me, retry, clean=clean, key=config.comment_key)
        action, url = outcome.action, outcome.url
        log.append(f"PR comment {outcome.action}" + (f": {outcome.url}" if outcome.url else ""))
    posted = 0
    if config.review_comments:
        posted = review.post(repo.get_pull(pr.number), repo.get_commit(pr.head_sha), result, options, me, retry)
        log.append(f"{posted} new line comment{'s' if posted != 1 else ''}")
    return PublishOutcome(
        stderr="".join(f"iac-guard: {line}\n" for line in log),
        comment=action,
        comment_url=url,
        review_comments=posted,
    )


def _fallback(context: GitHubContext, reason: str) -> PublishOutcome:
    where = "the annotations and the job summary" if context.actions else "the report"
    message = f"{reason}. Findings are in {where}; the exit code is unchanged."
    stdout = command("notice", message, title="iac-guard: PR comment not posted") + "\n" if context.actions else ""
    return PublishOutcome(stdout=stdout, stderr=f"iac-guard: warning: {message}\n", fallback=True)
