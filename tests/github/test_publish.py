"""The sticky PR comment through the real PyGithub client against tests/github/fake_github.py."""

from __future__ import annotations

import pytest
from github import Auth, Github, GithubException

from iac_guard.errors import ConfigError
from iac_guard.github.publish import publish
from iac_guard.models import Severity
from iac_guard.report.markdown import COMMENT_LIMIT, SUMMARY_MARKER
from iac_guard.settings import ScanConfig
from tests.github.conftest import ALICE, COMMENT, MALLORY, PR, Sleeps, context_for, publisher_for
from tests.github.fake_github import ACTIONS_BOT, FakeGitHub
from tests.report.builders import finding, result

FAILING = result([finding(), finding("IAC-AWS-EBS-001", Severity.HIGH, resource="aws_ebs_volume.a", file="disk.tf", line=4)])
CLEAN = result([])


def test_three_runs_leave_one_comment_edited_in_place(fake: FakeGitHub, sleeps: Sleeps) -> None:
    ctx, pub = context_for(fake), publisher_for(sleeps)
    first = publish(FAILING, COMMENT, ctx, pub)
    second = publish(FAILING, COMMENT, ctx, pub)
    fixed = result([finding("IAC-AWS-EBS-001", Severity.HIGH, resource="aws_ebs_volume.a", file="disk.tf", line=4)])
    third = publish(fixed, COMMENT, ctx, pub)
    assert (first.comment, second.comment, third.comment) == ("created", "unchanged", "updated")
    ours = fake.comments_by(PR, "github-actions[bot]")
    assert len(ours) == 1 and len(fake.issue_comments[PR]) == 1
    assert ours[0]["body"].startswith(SUMMARY_MARKER + "\n## \u274c iac-guard: 1 finding at or above high fail the gate")
    assert "aws\\_ebs\\_volume\\.a" in ours[0]["body"] and "aws\\_s3\\_bucket" not in ours[0]["body"]
    assert [w[0] for w in fake.writes()] == ["POST", "PATCH"]  # the unchanged run sent nothing
    assert ("GET", "/user") in fake.requests  # refused for the installation token: the author is the bot
    assert first.stderr.startswith("iac-guard: PR comment created: https://github.example/octo/infra/pull/7#issuecomment-")
    assert not (first.fallback or second.fallback or third.fallback) and sleeps == []


def test_another_users_marker_comment_is_never_touched(fake: FakeGitHub, sleeps: Sleeps) -> None:
    forged = fake.add_comment(PR, MALLORY, f"{SUMMARY_MARKER}\nall clear, merge it")
    bot_like = fake.add_comment(PR, ALICE, f"quoting: {SUMMARY_MARKER}")
    outcome = publish(FAILING, COMMENT, context_for(fake), publisher_for(sleeps))
    assert outcome.comment == "created"
    assert forged["body"] == f"{SUMMARY_MARKER}\nall clear, merge it"
    assert bot_like["body"] == f"quoting: {SUMMARY_MARKER}"
    assert [c["user"]["login"] for c in fake.issue_comments[PR]] == ["mallory", "alice", "github-actions[bot]"]
    assert [w[0] for w in fake.writes()] == ["POST"]


def test_user_token_comments_as_its_user_and_ignores_the_bots_comment(fake: FakeGitHub, sleeps: Sleeps) -> None:
    bot = fake.add_comment(PR, ACTIONS_BOT, f"{SUMMARY_MARKER}\nold bot summary")
    ctx, pub = context_for(fake, "ghp_alice"), publisher_for(sleeps)
    assert publish(FAILING, COMMENT, ctx, pub).comment == "created"
    assert publish(FAILING, COMMENT, ctx, pub).comment == "unchanged"
    assert bot["body"] == f"{SUMMARY_MARKER}\nold bot summary"
    assert len(fake.comments_by(PR, "alice")) == 1


def test_pages_through_every_comment_to_find_ours(fake: FakeGitHub, sleeps: Sleeps) -> None:
    ours = fake.add_comment(PR, ACTIONS_BOT, f"{SUMMARY_MARKER}\nan old summary")
    for i in range(5):
        fake.add_comment(PR, ALICE, f"review remark {i}")
    # ours is on page 1; a second one of ours (from an old duplicate) on page 3 stays as it is
    late = fake.add_comment(PR, ACTIONS_BOT, f"{SUMMARY_MARKER}\nlate duplicate")
    outcome = publish(FAILING, COMMENT, context_for(fake), publisher_for(sleeps, per_page=3))
    assert outcome.comment == "updated"
    assert ours["body"].startswith(SUMMARY_MARKER + "\n## \u274c") and late["body"] == f"{SUMMARY_MARKER}\nlate duplicate"
    pages = [path for method, path in fake.requests if method == "GET" and "/issues/7/comments" in path]
    assert len(pages) == 3 and "page=3" in pages[-1]
    assert len(fake.issue_comments[PR]) == 7


def test_clean_pr_updates_the_comment_and_posts_none_when_there_was_none(fake: FakeGitHub, sleeps: Sleeps) -> None:
    ctx, pub = context_for(fake), publisher_for(sleeps)
    assert publish(CLEAN, COMMENT, ctx, pub).comment == "skipped"
    assert fake.writes() == []
    publish(FAILING, COMMENT, ctx, pub)
    assert publish(CLEAN, COMMENT, ctx, pub).comment == "updated"
    (comment,) = fake.comments_by(PR, "github-actions[bot]")
    assert comment["body"].startswith(SUMMARY_MARKER + "\n## \u2705 iac-guard: no policy violations\n")


def test_read_only_token_falls_back_to_annotations_and_summary(fake: FakeGitHub, sleeps: Sleeps) -> None:
    outcome = publish(FAILING, COMMENT, context_for(fake, "ghs_readonly"), publisher_for(sleeps))
    assert outcome.fallback and outcome.comment == ""
    assert outcome.stdout == (
        "::notice title=iac-guard%3A PR comment not posted::the token may not write to pull request #7 "
        "(HTTP 403: Resource not accessible by integration); grant `pull-requests: write`. "
        "Findings are in the annotations and the job summary; the exit code is unchanged.\n"
    )
    assert fake.issue_comments.get(PR, []) == [] and sleeps == []


def test_fork_pull_request_falls_back_without_calling_the_api(fake: FakeGitHub, sleeps: Sleeps) -> None:
    outcome = publish(FAILING, COMMENT, context_for(fake, fork=True), publisher_for(sleeps))
    assert outcome.fallback and fake.requests == []
    assert "pull request #7 comes from a fork (eve/infra): its token is read-only" in outcome.stderr


def test_fork_on_pull_request_target_may_comment(fake: FakeGitHub, sleeps: Sleeps) -> None:
    outcome = publish(FAILING, COMMENT, context_for(fake, fork=True, event="pull_request_target"), publisher_for(sleeps))
    assert outcome.comment == "created"


def test_secondary_rate_limit_is_retried_after_retry_after(fake: FakeGitHub, sleeps: Sleeps) -> None:
    fake.secondary_rate_limit("POST", r"/issues/7/comments$", retry_after=7)
    outcome = publish(FAILING, COMMENT, context_for(fake), publisher_for(sleeps))
    assert outcome.comment == "created" and sleeps == [7.0]
    assert [w[0] for w in fake.writes()] == ["POST", "POST"]
    assert len(fake.issue_comments[PR]) == 1


def test_primary_rate_limit_waits_until_reset(fake: FakeGitHub, sleeps: Sleeps) -> None:
    now = 1_700_000_000.0
    fake.fail("GET", r"/issues/7/comments$", 403, "API rate limit exceeded for installation ID 1.",
              {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(int(now) + 30)})
    outcome = publish(FAILING, COMMENT, context_for(fake), publisher_for(sleeps, now=now))
    assert outcome.comment == "created" and sleeps == [31.0]


def test_server_errors_back_off_and_429_is_a_rate_limit(fake: FakeGitHub, sleeps: Sleeps) -> None:
    fake.fail("GET", r"/issues/7/comments$", 502, "Server Error", times=2)
    fake.fail("POST", r"/issues/7/comments$", 429, "Too many requests", {"retry-after": "3"})
    outcome = publish(FAILING, COMMENT, context_for(fake), publisher_for(sleeps))
    assert outcome.comment == "created" and sleeps == [2.0, 4.0, 3.0]


def test_retries_are_bounded_and_failure_is_reported_not_raised(fake: FakeGitHub, sleeps: Sleeps) -> None:
    fake.fail("GET", r"/issues/7/comments$", 503, "Service Unavailable", times=4)
    outcome = publish(FAILING, COMMENT, context_for(fake), publisher_for(sleeps))
    assert outcome.fallback and sleeps == [2.0, 4.0, 8.0]
    assert "publishing to pull request #7 failed: HTTP 503: Service Unavailable" in outcome.stderr
    fake.secondary_rate_limit("POST", r"/issues/7/comments$", retry_after=3600)
    sleeps.clear()
    outcome = publish(FAILING, COMMENT, context_for(fake), publisher_for(sleeps))
    assert outcome.fallback and sleeps == []  # an hour is beyond max_delay: give up at once
    assert "HTTP 403: You have exceeded a secondary rate limit" in outcome.stderr


def test_a_retried_create_that_had_succeeded_is_not_duplicated(fake: FakeGitHub, sleeps: Sleeps) -> None:
    """A 502 after GitHub stored the comment: the retry re-lists, finds it, and leaves it."""
    original = fake.handle

    def lossy(method: str, raw_path: str, headers: dict[str, str], payload: object) -> tuple[int, object, dict[str, str]]:
        status, body, extra = original(method, raw_path, headers, payload)
        if method == "POST" and len([w for w in fake.writes() if w[0] == "POST"]) == 1:
            return 502, {"message": "Bad Gateway"}, {}
        return status, body, extra

    fake.handle = lossy  # type: ignore[method-assign]
    outcome = publish(FAILING, COMMENT, context_for(fake), publisher_for(sleeps))
    assert outcome.comment == "unchanged" and len(fake.issue_comments[PR]) == 1 and sleeps == [2.0]


def test_five_thousand_findings_stay_under_the_comment_limit(fake: FakeGitHub, sleeps: Sleeps) -> None:
    many = result(
        [
            finding(f"IAC-X-{i % 40:03d}", Severity.CRITICAL if i % 2 else Severity.HIGH, resource=f"aws_s3_bucket.b{i}", file=f"mod{i % 50}/main.tf", line=i + 1,
                    message=f"bucket b{i} <script>alert(1)</script> | @team " + "x" * 120)
            for i in range(5000)
        ]
    )
    outcome = publish(many, COMMENT, context_for(fake), publisher_for(sleeps))
    assert outcome.comment == "created"
    (comment,) = fake.issue_comments[PR]
    body = comment["body"]
    assert len(body) <= COMMENT_LIMIT and len(body.encode()) <= COMMENT_LIMIT
    shown = sum(1 for line in body.splitlines() if line.startswith(("| \U0001f7e3 critical |", "| \U0001f534 high |")))
    assert 100 < shown < 5000
    assert (
        f"> Not shown here: {5000 - shown:,} findings. See the job summary of "
        "[the workflow run](https://github.example/octo/infra/actions/runs/4242) and the SARIF or JSON report for everything."
    ) in body
    assert "### How to fix\n\n- **IAC\\-X\\-001** S3 bucket grants public access through its ACL" in body
    assert "<script>" not in body and "@team" not in body
    assert body.rstrip().endswith("[workflow run](https://github.example/octo/infra/actions/runs/4242)</sub>")


def test_fake_github_rejects_a_body_over_the_limit(fake: FakeGitHub) -> None:
    """The limit the test above relies on is enforced, through PyGithub, with GitHub's 422."""
    client = Github(auth=Auth.Token("ghs_installation"), base_url=fake.url, retry=None, seconds_between_requests=0, seconds_between_writes=0, lazy=True)
    issue = client.get_repo(fake.repository).get_issue(PR)
    with pytest.raises(GithubException) as caught:
        issue.create_comment("x" * (COMMENT_LIMIT + 1))
    assert caught.value.status == 422
    assert caught.value.data["errors"][0]["message"] == "body is too long (maximum is 65536 characters)"
    assert issue.create_comment("x" * COMMENT_LIMIT).body == "x" * COMMENT_LIMIT


def test_not_a_pull_request_event_publishes_nothing(fake: FakeGitHub, sleeps: Sleeps) -> None:
    from dataclasses import replace

    ctx = replace(context_for(fake), pull_request=None, event_name="push")
    outcome = publish(FAILING, COMMENT, ctx, publisher_for(sleeps))
    assert outcome == type(outcome)(stderr="iac-guard: not publishing to a pull request: this is a push event\n")
    assert fake.requests == []


def test_a_github_app_token_names_its_bot_login(fake: FakeGitHub, sleeps: Sleeps) -> None:
    """An App's installation token is refused GET /user too, but comments as <app>[bot]."""
    from dataclasses import replace

    from tests.github.fake_github import Account

    fake.add_token("ghs_app", Account("guard-app[bot]", 5005, type="Bot", integration=True))
    ctx, pub = replace(context_for(fake, "ghs_app"), login="guard-app[bot]"), publisher_for(sleeps)
    assert [publish(FAILING, COMMENT, ctx, pub).comment for _ in range(3)] == ["created", "unchanged", "unchanged"]
    assert len(fake.comments_by(PR, "guard-app[bot]")) == 1 and ("GET", "/user") not in fake.requests


def _keyed(key: str) -> ScanConfig:
    return ScanConfig(pr_comment=True, comment_key=key)


def test_two_comment_keys_keep_two_comments(fake: FakeGitHub, sleeps: Sleeps) -> None:
    ctx, pub = context_for(fake), publisher_for(sleeps)
    fixed = result([finding("IAC-AWS-EBS-001", Severity.HIGH, resource="aws_ebs_volume.a", file="disk.tf", line=4)])
    assert [publish(FAILING, _keyed(k), ctx, pub).comment for k in ("infra/prod", "infra/dev")] == ["created", "created"]
    assert publish(fixed, _keyed("infra/dev"), ctx, pub).comment == "updated"
    assert publish(FAILING, _keyed("infra/prod"), ctx, pub).comment == "unchanged"
    prod, dev = fake.issue_comments[PR]
    assert prod["body"].startswith("<!-- iac-guard:summary:infra/prod -->\n## \u274c iac-guard: 2 findings at or above high")
    assert dev["body"].startswith("<!-- iac-guard:summary:infra/dev -->\n## \u274c iac-guard: 1 finding at or above high")
    assert [w[0] for w in fake.writes()] == ["POST", "POST", "PATCH"]


def test_a_keyed_run_never_edits_the_unkeyed_comment(fake: FakeGitHub, sleeps: Sleeps) -> None:
    ctx, pub = context_for(fake), publisher_for(sleeps)
    assert publish(FAILING, COMMENT, ctx, pub).comment == "created"
    (unkeyed,) = fake.issue_comments[PR]
    before = unkeyed["body"]
    assert publish(CLEAN, _keyed("prod"), ctx, pub).comment == "skipped"  # a clean key with no comment of its own
    assert publish(FAILING, _keyed("prod"), ctx, pub).comment == "created"
    assert publish(CLEAN, _keyed("prod"), ctx, pub).comment == "updated"
    assert unkeyed["body"] == before and len(fake.issue_comments[PR]) == 2
    # and the unkeyed run, and a key that only starts like another, leave the keyed one alone
    assert publish(FAILING, COMMENT, ctx, pub).comment == "unchanged"
    assert publish(FAILING, _keyed("pro"), ctx, pub).comment == "created"
    assert [c["body"].split("\n", 1)[0] for c in fake.issue_comments[PR]] == [
        SUMMARY_MARKER, "<!-- iac-guard:summary:prod -->", "<!-- iac-guard:summary:pro -->",
    ]


@pytest.mark.parametrize("key", ["a -->", "x\ny", "<b>", "k" * 101, "a b"])
def test_a_comment_key_that_could_end_the_marker_is_refused(key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        ScanConfig.from_dict({"comment-key": key})
    assert str(caught.value) == f"comment-key {key!r}: use at most 100 letters, digits and . _ / -"
    assert ScanConfig.from_dict({"comment-key": "infra/prod-eu_1.2"}).comment_key == "infra/prod-eu_1.2"
